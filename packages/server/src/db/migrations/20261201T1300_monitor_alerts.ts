import { type Kysely, sql } from 'kysely';

/*
 * Monitoring alerts: a phrase of the libraries seen in what a pupil searched for or opened, by
 * user or device, grouped (the same person, category and half hour make one alert that counts),
 * with its triage. The matched text and its context are sealed at rest.
 */

const oneOf = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('monitor_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('phrase', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // Who: the signed-in user where known, else the device's address; and their filter group.
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('occurrences', 'integer', (c) => c.notNull())
    // Sealed JSON: the matched text and the words around it, for each occurrence (the last few).
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('triaged_by', 'text')
    .addColumn('triaged_at', 'text')
    .addColumn('triage_note', 'text')
    .addColumn('incident_id', 'text')
    .addCheckConstraint(
      'monitor_alerts_status',
      oneOf('status', ['new', 'in-review', 'escalated', 'no-action', 'false-positive']),
    )
    .addCheckConstraint('monitor_alerts_severity', sql`severity between 1 and 5`)
    .execute();
  await db.schema
    .createIndex('monitor_alerts_school_status')
    .on('monitor_alerts')
    .columns(['school_id', 'status', 'last_seen_at'])
    .execute();
  await db.schema
    .createIndex('monitor_alerts_grouping')
    .on('monitor_alerts')
    .columns(['school_id', 'subject', 'category', 'last_seen_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('monitor_alerts').execute();
}
