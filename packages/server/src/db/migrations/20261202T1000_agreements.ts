import { type Kysely, sql } from 'kysely';
import { dropAppendOnlyFunction, makeAppendOnly } from '../append-only.ts';

/*
 * Issue 6, agreements: each school's versions of its acceptable use agreements (version 1 from
 * the bundled template, later ones imported from the school's own document), the signatures on
 * them (append-only: a withdrawal or an approver's countersignature is a new record pointing at
 * the signature), and the school's choice of what the gateway does with someone unsigned.
 */

const oneOf = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agreement_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // JSON: the whole agreement as signed (items, form, who signs, renewal).
    .addColumn('content', 'text', (c) => c.notNull())
    // SHA-256 (hex) of the canonical text: what a signature says was read.
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_filename', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('agreement_versions_source', oneOf('source', ['template', 'import']))
    .addCheckConstraint('agreement_versions_version', sql`version >= 1`)
    .execute();
  await db.schema
    .createIndex('agreement_versions_school_agreement')
    .on('agreement_versions')
    .columns(['school_id', 'agreement_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('agreement_signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull().references('agreement_versions.id'))
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // The signature a withdrawal or an approval is about.
    .addColumn('refers_to', 'text')
    // Whose agreement it is (the pupil, for a KS1 agreement a parent signs).
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'text')
    .addColumn('actor_person_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    // JSON: the form's answers (ticks, fields, permissions) or the approver's fields.
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addCheckConstraint('agreement_signatures_kind', oneOf('kind', ['signed', 'withdrawn', 'approved']))
    .addCheckConstraint('agreement_signatures_relation', oneOf('relation', ['self', 'parent', 'approver']))
    .addCheckConstraint('agreement_signatures_refers', sql`(kind = 'signed') = (refers_to is null)`)
    .execute();
  await db.schema
    .createIndex('agreement_signatures_person')
    .on('agreement_signatures')
    .columns(['school_id', 'person_id', 'agreement_id', 'at'])
    .execute();
  await makeAppendOnly(db, 'agreement_signatures', 'a signature, withdrawal or approval');

  await db.schema
    .createTable('agreement_settings')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
    .addColumn('unsigned_rule', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addCheckConstraint('agreement_settings_rule', oneOf('unsigned_rule', ['guest-rules', 'sign-first']))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agreement_settings').execute();
  await db.schema.dropTable('agreement_signatures').execute();
  await dropAppendOnlyFunction(db, 'agreement_signatures');
  await db.schema.dropTable('agreement_versions').execute();
}
