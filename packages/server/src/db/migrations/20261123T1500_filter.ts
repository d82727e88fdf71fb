import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.ts';

/*
 * The filtering capability's tables: the school's filter settings, time-limited exceptions, the
 * change-control log governors read (append-only, like the audit log), the decision log gateways
 * report into (high volume: indexed for keyset paging, trimmed by retention), idempotent intake,
 * gateways and their hashed credentials, review requests from the block page, illegal-list hit
 * records (which keep no URL or host), address-to-user associations and the annual filter tests.
 *
 * As in the initial migration, the allowed values are written out here, not imported.
 */

const oneOf = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;

const EXCEPTION_STATUSES = ['requested', 'approved', 'declined', 'withdrawn', 'expired'];
const CHANGE_KINDS = [
  'exception-requested',
  'exception-approved',
  'exception-declined',
  'exception-withdrawn',
  'exception-used',
  'exception-expired',
  'standing-added',
  'standing-removed',
  'settings-changed',
  'lists-updated',
  'review-requested',
  'illegal-hit',
];
const DECISION_SOURCES = ['dns', 'proxy', 'helper', 'check'];
const REVIEW_STATUSES = ['open', 'done', 'rejected'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const bigint = postgres ? 'bigint' : 'integer';

  await db.schema
    .createTable('filter_settings')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addCheckConstraint('filter_settings_revision', sql`revision >= 1`)
    .execute();

  await db.schema
    .createTable('filter_exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('first_used_at', 'text')
    .addColumn('use_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('filter_exceptions_status', oneOf('status', EXCEPTION_STATUSES))
    .addCheckConstraint('filter_exceptions_period', sql`starts_at < ends_at`)
    .addCheckConstraint('filter_exceptions_use_count', sql`use_count >= 0`)
    .execute();
  await db.schema
    .createIndex('filter_exceptions_school_status')
    .on('filter_exceptions')
    .columns(['school_id', 'status', 'ends_at'])
    .execute();
  await db.schema
    .createIndex('filter_exceptions_school_requested')
    .on('filter_exceptions')
    .columns(['school_id', 'requested_at'])
    .execute();

  // No foreign keys: like the audit log, the change log outlives (and is never rewritten by) the
  // rows it mentions. `seq` numbers each school's entries 1, 2, 3 ... with no gaps.
  await db.schema
    .createTable('filter_change_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('seq', bigint, (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addCheckConstraint('filter_change_log_kind', oneOf('kind', CHANGE_KINDS))
    .addUniqueConstraint('filter_change_log_school_seq', ['school_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('filter_change_log_subject')
    .on('filter_change_log')
    .columns(['school_id', 'subject_id'])
    .execute();

  await db.schema
    .createTable('gateways')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('site', 'text')
    // SHA-256 (hex) of the token; the token itself is shown once and never stored.
    .addColumn('credential_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('gateways_school_id').on('gateways').column('school_id').execute();

  // The decision log: millions of rows. The id is a 64-bit integer (SQLite's rowid) that breaks
  // ties between equal timestamps for keyset paging.
  await db.schema
    .createTable('filter_decisions')
    .addColumn('id', bigint, (c) =>
      postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey(),
    )
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('site', 'text')
    .addColumn('gateway_id', 'text')
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('client', 'text')
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('category', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rule', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text')
    .addCheckConstraint('filter_decisions_action', oneOf('action', ['allow', 'block']))
    .addCheckConstraint('filter_decisions_source', oneOf('source', DECISION_SOURCES))
    .execute();
  // Descending to match the newest-first reads; both databases also scan them either way.
  await sql`create index filter_decisions_school_at on filter_decisions (school_id, at desc, id desc)`.execute(
    db,
  );
  await sql`create index filter_decisions_school_user on filter_decisions (school_id, username, at desc, id desc)`.execute(
    db,
  );
  await sql`create index filter_decisions_school_category on filter_decisions (school_id, category, at desc, id desc)`.execute(
    db,
  );
  await sql`create index filter_decisions_school_action on filter_decisions (school_id, action, at desc, id desc)`.execute(
    db,
  );

  await db.schema
    .createTable('filter_event_batches')
    .addColumn('gateway_id', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('filter_event_batches_pk', ['gateway_id', 'batch_id'])
    .execute();
  await db.schema
    .createIndex('filter_event_batches_school_received')
    .on('filter_event_batches')
    .columns(['school_id', 'received_at'])
    .execute();

  await db.schema
    .createTable('filter_review_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('gateway_id', 'text')
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('group_id', 'text')
    .addColumn('username', 'text')
    .addColumn('client', 'text')
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('handled_by', 'text')
    .addColumn('handled_at', 'text')
    .addColumn('note', 'text')
    .addCheckConstraint('filter_review_requests_status', oneOf('status', REVIEW_STATUSES))
    .execute();
  await db.schema
    .createIndex('filter_review_requests_school_status')
    .on('filter_review_requests')
    .columns(['school_id', 'status', 'at'])
    .execute();

  // A record that an illegal-list entry was asked for. Deliberately no host and no URL: the
  // record must never become a copy of the list or point at the content.
  await db.schema
    .createTable('filter_illegal_hits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('gateway_id', 'text')
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('client', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    // Filled in when the incidents issue opens a safeguarding incident for the hit.
    .addColumn('incident_opened', 'text')
    .addCheckConstraint('filter_illegal_hits_source', oneOf('source', DECISION_SOURCES))
    .execute();
  await db.schema
    .createIndex('filter_illegal_hits_school_at')
    .on('filter_illegal_hits')
    .columns(['school_id', 'at'])
    .execute();

  // Addresses a sign-in has tied to a user until a time (filled by a future sign-in hook).
  await db.schema
    .createTable('filter_address_users')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('until', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('filter_address_users_pk', ['school_id', 'address'])
    .execute();

  await db.schema
    .createTable('filter_test_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('run_by', 'text', (c) => c.notNull())
    .addColumn('run_by_name', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('failed', 'integer', (c) => c.notNull())
    .addCheckConstraint(
      'filter_test_runs_counts',
      sql`passed >= 0 and failed >= 0 and passed + failed <= total`,
    )
    .execute();
  await db.schema
    .createIndex('filter_test_runs_school_at')
    .on('filter_test_runs')
    .columns(['school_id', 'at'])
    .execute();

  // The change log refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL), as audit_events does.
  if (!postgres) {
    await sql`create trigger filter_change_log_no_update before update on filter_change_log
      begin select raise(abort, 'filter_change_log is append-only: entries cannot be changed'); end`.execute(
      db,
    );
    await sql`create trigger filter_change_log_no_delete before delete on filter_change_log
      begin select raise(abort, 'filter_change_log is append-only: entries cannot be deleted'); end`.execute(
      db,
    );
    return;
  }
  await sql`create function haven_filter_change_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'filter_change_log is append-only: % is not allowed', tg_op;
    end
    $$`.execute(db);
  await sql`create trigger filter_change_log_no_update before update on filter_change_log
    for each row execute function haven_filter_change_log_append_only()`.execute(db);
  await sql`create trigger filter_change_log_no_delete before delete on filter_change_log
    for each row execute function haven_filter_change_log_append_only()`.execute(db);
  await sql`create trigger filter_change_log_no_truncate before truncate on filter_change_log
    for each statement execute function haven_filter_change_log_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Dropping the table drops its triggers; the PostgreSQL function goes after it.
  for (const table of [
    'filter_test_runs',
    'filter_address_users',
    'filter_illegal_hits',
    'filter_review_requests',
    'filter_event_batches',
    'filter_decisions',
    'gateways',
    'filter_change_log',
    'filter_exceptions',
    'filter_settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (dialectOf(db) === 'postgres') {
    await sql`drop function if exists haven_filter_change_log_append_only()`.execute(db);
  }
}
