import { type Kysely, sql } from 'kysely';

/*
 * Issue 6, directory: a record of each MIS import (who, when, what file, what it did and what
 * was wrong with it) for the administrator to look back on. The import's key, the MIS id, is
 * already unique within a school (people_school_mis_id).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('directory_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('full', 'integer', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('confirm', 'text', (c) => c.notNull())
    // JSON: the plan's counts, and its problems (line, field, column, reason: a reason may quote
    // the offending value, such as a malformed e-mail address, so the admin can find it).
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('by_account_id', 'text')
    .addColumn('by_label', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addCheckConstraint('directory_imports_kind', sql`kind in ('pupils', 'staff', 'parents', 'governors')`)
    .addCheckConstraint('directory_imports_confirm', sql`confirm in ('all', 'skip-bad-rows')`)
    .execute();
  await db.schema
    .createIndex('directory_imports_school_at')
    .on('directory_imports')
    .columns(['school_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('directory_imports').execute();
}
