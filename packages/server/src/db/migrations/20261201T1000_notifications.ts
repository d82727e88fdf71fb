import { type Kysely, sql } from 'kysely';

/*
 * In-app notifications and their e-mails. A notification is addressed to the holders of some
 * grants in a school (the DSL and deputies hold `dsl`), not to accounts: who holds a post is
 * worked out when it is read or mailed, so it is written in the same transaction as whatever
 * caused it without looking anyone up. Titles and e-mails carry no personal content: a link only.
 */

const EMAIL_STATES = ['pending', 'sent', 'failed', 'not-configured', 'not-sent'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON array of grants; holders of any of them receive it.
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('email_state', 'text', (c) => c.notNull())
    .addColumn('email_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('emailed_at', 'text')
    .addCheckConstraint(
      'notifications_email_state',
      sql`email_state in (${sql.join(EMAIL_STATES.map((s) => sql.lit(s)))})`,
    )
    .execute();
  await db.schema
    .createIndex('notifications_school_created')
    .on('notifications')
    .columns(['school_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_email_state')
    .on('notifications')
    .columns(['email_state'])
    .execute();

  await db.schema
    .createTable('notification_reads')
    .addColumn('notification_id', 'text', (c) =>
      c.notNull().references('notifications.id').onDelete('cascade'),
    )
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_reads_pk', ['notification_id', 'account_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_reads').execute();
  await db.schema.dropTable('notifications').execute();
}
