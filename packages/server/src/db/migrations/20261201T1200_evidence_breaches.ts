import { type Kysely, sql } from 'kysely';
import { dropAppendOnlyFunction, makeAppendOnly } from '../append-only.ts';

/*
 * Evidence for incidents (sealed files with their SHA-256, links with descriptions, and records
 * that something existed without keeping it), its chain of custody, and the data-breach log with
 * the ICO's 72-hour clock. Evidence and custody are append-only: evidence is added, never altered.
 */

const oneOf = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_by_account_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text')
    .addColumn('media_type', 'text')
    .addColumn('size', 'integer')
    .addColumn('sha256', 'text')
    // Sealed: the description, the link, and the file's bytes (base64 inside the seal).
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('content', 'text')
    .addCheckConstraint('incident_evidence_kind', oneOf('kind', ['file', 'url', 'record']))
    .execute();
  await db.schema
    .createIndex('incident_evidence_incident')
    .on('incident_evidence')
    .columns(['incident_id', 'added_at'])
    .execute();
  await makeAppendOnly(db, 'incident_evidence', 'evidence');

  await db.schema
    .createTable('incident_custody')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('incident_evidence.id'))
    // 1, 2, ... for each piece of evidence: the order of events even within one second.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addCheckConstraint('incident_custody_action', oneOf('action', ['added', 'viewed', 'exported']))
    .addUniqueConstraint('incident_custody_seq', ['evidence_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('incident_custody_evidence')
    .on('incident_custody')
    .columns(['evidence_id', 'at'])
    .execute();
  await makeAppendOnly(db, 'incident_custody', 'custody entries');

  await db.schema
    .createTable('data_breaches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('aware_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('reported_to_ico_at', 'text')
    .addColumn('ico_reference', 'text')
    .addColumn('not_reportable_reason', 'text')
    .addColumn('reminders_sent', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('closed_at', 'text')
    .addCheckConstraint(
      'data_breaches_kind',
      oneOf('kind', ['breach', 'near-miss', 'lost-equipment', 'virus', 'unauthorised-use']),
    )
    .addCheckConstraint('data_breaches_status', oneOf('status', ['open', 'closed']))
    .addUniqueConstraint('data_breaches_number', ['school_id', 'number'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('data_breaches').execute();
  await db.schema.dropTable('incident_custody').execute();
  await dropAppendOnlyFunction(db, 'incident_custody');
  await db.schema.dropTable('incident_evidence').execute();
  await dropAppendOnlyFunction(db, 'incident_evidence');
}
