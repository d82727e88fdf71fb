import { type Kysely, sql } from 'kysely';

/*
 * The daily internet usage summary (seed 000: "emailed to the safeguarding officer"): one per
 * school and day, kept in Haven (sealed: it names the pupils with the most blocked attempts), with
 * its e-mail's state. The primary key is what makes it once a day, whatever restarts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('daily_summaries')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('email_state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addPrimaryKeyConstraint('daily_summaries_pk', ['school_id', 'day'])
    .addCheckConstraint('daily_summaries_email_state', sql`email_state in ('pending', 'sent', 'failed')`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('daily_summaries').execute();
}
