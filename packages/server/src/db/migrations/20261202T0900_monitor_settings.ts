import { type Kysely, sql } from 'kysely';

/*
 * Monitoring, second part: a school's monitoring settings (its phrase changes, alert thresholds
 * per filter group, digests, the daily summary's time) as revisions like the filter settings;
 * phrases a false positive has suppressed in a context; digests sent, one per school and period;
 * a history of proxy sign-ins, so an imported log of last week is put to the person who was
 * signed in at that address then, not now; and imports that can be resumed part-way.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('monitor_settings')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addCheckConstraint('monitor_settings_revision', sql`revision >= 1`)
    .execute();

  await db.schema
    .createTable('monitor_suppressions')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('phrase_id', 'text', (c) => c.notNull())
    // The normalised words around the match that the DSL judged innocent.
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_suppressions_pk', ['school_id', 'phrase_id', 'context'])
    .execute();

  await db.schema
    .createTable('monitor_digests')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('alerts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_digests_pk', ['school_id', 'period_end'])
    .execute();

  await db.schema
    .createTable('filter_sign_in_history')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('until', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('filter_sign_in_history_address')
    .on('filter_sign_in_history')
    .columns(['school_id', 'address', 'since'])
    .execute();

  // When an alert went to the DSL at once, or into which digest: each alert reaches them once.
  await db.schema.alterTable('monitor_alerts').addColumn('notified_at', 'text').execute();
  await db.schema.alterTable('monitor_alerts').addColumn('digested_at', 'text').execute();
  // Alerts before digests existed are not news: keep them out of the first digest.
  await sql`update monitor_alerts set digested_at = last_seen_at`.execute(db);

  // Progress of an import, written with each chunk, so an interrupted one resumes where it stopped.
  await db.schema
    .alterTable('log_imports')
    .addColumn('done_lines', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('log_imports').addColumn('finished_at', 'text').execute();
  await db.schema.alterTable('log_imports').addColumn('site_id', 'text').execute();
  await sql`update log_imports set finished_at = at, done_lines = lines`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Unfinished imports cannot be told from finished ones without the new columns.
  await sql`delete from log_imports where finished_at is null`.execute(db);
  await db.schema.alterTable('log_imports').dropColumn('site_id').execute();
  await db.schema.alterTable('log_imports').dropColumn('finished_at').execute();
  await db.schema.alterTable('log_imports').dropColumn('done_lines').execute();
  await db.schema.alterTable('monitor_alerts').dropColumn('digested_at').execute();
  await db.schema.alterTable('monitor_alerts').dropColumn('notified_at').execute();
  await db.schema.dropTable('filter_sign_in_history').execute();
  await db.schema.dropTable('monitor_digests').execute();
  await db.schema.dropTable('monitor_suppressions').execute();
  await db.schema.dropTable('monitor_settings').execute();
}
