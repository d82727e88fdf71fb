import { type Kysely, sql } from 'kysely';
import { dropAppendOnlyFunction, makeAppendOnly } from '../append-only.ts';

/*
 * Issue 6, consents: each parent's decision about a pupil and one purpose (photographs for the
 * school, for third parties, internet access), append-only: a change of mind is a new record, so
 * the history of who decided what, when and how is kept. The values allowed are written out here,
 * not imported, as in the earlier migrations.
 */

const oneOf = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consent_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('people.id'))
    // Per pupil, from 1: the order the records were made in.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    // The parent or carer who decided: a guardian in Haven (parent_id) or a name from a paper form.
    .addColumn('parent_id', 'text')
    .addColumn('parent_name', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text')
    .addColumn('decided_on', 'text', (c) => c.notNull())
    // Paper forms only: whether the parent signed it (seed 001 "Parent/Carer Signature").
    .addColumn('form_signed', 'integer')
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by_account_id', 'text')
    .addColumn('recorded_by_label', 'text', (c) => c.notNull())
    .addCheckConstraint('consent_records_decision', oneOf('decision', ['given', 'refused', 'withdrawn']))
    .addCheckConstraint('consent_records_method', oneOf('method', ['parent-online', 'paper-form', 'phone']))
    .addUniqueConstraint('consent_records_seq', ['pupil_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('consent_records_school_purpose')
    .on('consent_records')
    .columns(['school_id', 'purpose'])
    .execute();
  await makeAppendOnly(db, 'consent_records', 'consent records');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('consent_records').execute();
  await dropAppendOnlyFunction(db, 'consent_records');
}
