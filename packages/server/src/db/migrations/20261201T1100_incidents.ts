import { type Kysely, sql } from 'kysely';
import { dropAppendOnlyFunction, makeAppendOnly } from '../append-only.ts';

/*
 * Incidents: the report (sealed: AES-GCM with the server's key, since it is a safeguarding
 * narrative), who may see it (restricted ones name the people who alone may), and the append-only
 * chronology of everything done about it. A correction is a new entry pointing at the old one.
 * The values allowed are written out here, not imported, as in the earlier migrations.
 */

const oneOf = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    // Per school, from 1, given when the report is submitted (drafts have none).
    .addColumn('number', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('reporter_account_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('reporter_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('occurred_on', 'text')
    .addColumn('path', 'text')
    .addColumn('restriction', 'text', (c) => c.notNull())
    // JSON array of person ids who alone may see a restricted incident.
    .addColumn('restricted_to', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('safeguarding', 'integer', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('illegal_hit_id', 'text')
    .addCheckConstraint('incidents_status', oneOf('status', ['draft', 'open', 'closed']))
    .addCheckConstraint(
      'incidents_channel',
      oneOf('channel', ['staff', 'pupil', 'parent', 'illegal-hit', 'monitoring']),
    )
    .addCheckConstraint('incidents_path', sql`path is null or ${oneOf('path', ['illegal', 'inappropriate'])}`)
    .addCheckConstraint(
      'incidents_restriction',
      oneOf('restriction', ['none', 'headteacher', 'chair-of-governors']),
    )
    .execute();
  await db.schema
    .createIndex('incidents_school_status')
    .on('incidents')
    .columns(['school_id', 'status', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('incidents_reporter')
    .on('incidents')
    .columns(['reporter_account_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('incidents_school_number')
    .on('incidents')
    .columns(['school_id', 'number'])
    .unique()
    .execute();

  await db.schema
    .createTable('incident_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text')
    // The person a sanction or warning was for: counts as "prior" for their next incident.
    .addColumn('person_id', 'text')
    .addColumn('corrects', 'text')
    // Sealed JSON: what was recorded.
    .addColumn('body', 'text', (c) => c.notNull())
    .addUniqueConstraint('incident_entries_seq', ['incident_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('incident_entries_person')
    .on('incident_entries')
    .columns(['school_id', 'person_id', 'kind'])
    .execute();
  await makeAppendOnly(db, 'incident_entries', 'chronology entries');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incident_entries').execute();
  await dropAppendOnlyFunction(db, 'incident_entries');
  await db.schema.dropTable('incidents').execute();
}
