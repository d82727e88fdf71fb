import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.ts';

/*
 * A migration is a snapshot: the allowed values below are written out rather than imported from
 * schema.ts, so changing the code later cannot silently change what this migration did.
 */

const oneOf = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite's INTEGER PRIMARY KEY is its 64-bit rowid; PostgreSQL needs bigint to match.
  const seqType = dialectOf(db) === 'postgres' ? 'bigint' : 'integer';

  await db.schema
    .createTable('trusts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('schools')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trust_id', 'text', (c) => c.references('trusts.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schools_trust_id').on('schools').column('trust_id').execute();

  await db.schema
    .createTable('sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sites_school_slug', ['school_id', 'slug'])
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('year_group', 'text')
    .addColumn('class_name', 'text')
    .addColumn('mis_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addCheckConstraint(
      'people_kind',
      oneOf('kind', ['pupil', 'staff', 'parent', 'governor', 'visitor', 'other']),
    )
    // Both databases treat NULLs as distinct here, so people without an MIS id never collide.
    .addUniqueConstraint('people_school_mis_id', ['school_id', 'mis_id'])
    .execute();
  await db.schema.createIndex('people_school_kind').on('people').columns(['school_id', 'kind']).execute();

  await db.schema
    .createTable('guardianships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('relationship', 'text')
    .addUniqueConstraint('guardianships_parent_pupil', ['parent_id', 'pupil_id'])
    .execute();
  await db.schema.createIndex('guardianships_pupil_id').on('guardianships').column('pupil_id').execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.references('schools.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('grants', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled_at', 'text')
    .addColumn('totp_last_step', 'integer')
    .addColumn('recovery_codes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_failed_at', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addCheckConstraint('accounts_failed_attempts', sql`failed_attempts >= 0`)
    .execute();
  await db.schema.createIndex('accounts_school_id').on('accounts').column('school_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addCheckConstraint('sessions_stage', oneOf('stage', ['password', 'signed-in']))
    .execute();
  await db.schema.createIndex('sessions_account_id').on('sessions').column('account_id').execute();
  await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('role_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('policy_role_id', 'text', (c) => c.notNull())
    .addColumn('deputy', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('role_assignments_deputy', sql`deputy in (0, 1)`)
    .addUniqueConstraint('role_assignments_school_person_role', ['school_id', 'person_id', 'policy_role_id'])
    .execute();
  await db.schema
    .createIndex('role_assignments_person_id')
    .on('role_assignments')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('policy_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('document_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('approved_on', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_recorded_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('next_review', 'text')
    .addCheckConstraint('policy_versions_status', oneOf('status', ['draft', 'approved', 'superseded']))
    .addCheckConstraint('policy_versions_version', sql`version >= 1`)
    .addUniqueConstraint('policy_versions_school_version', ['school_id', 'version'])
    .execute();
  // At most one approved (in force) version per school, whatever the code above it does.
  await db.schema
    .createIndex('policy_versions_one_approved')
    .on('policy_versions')
    .column('school_id')
    .unique()
    .where(sql.ref('status'), '=', 'approved')
    .execute();

  // No foreign keys: the audit trail must outlive (and never be rewritten by) the rows it mentions.
  await db.schema
    .createTable('audit_events')
    .addColumn('seq', seqType, (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text')
    .addColumn('actor_account_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_events_school_seq')
    .on('audit_events')
    .columns(['school_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_events_target')
    .on('audit_events')
    .columns(['target_type', 'target_id'])
    .execute();
  await db.schema.createIndex('audit_events_actor').on('audit_events').column('actor_account_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_events',
    'policy_versions',
    'role_assignments',
    'sessions',
    'accounts',
    'guardianships',
    'people',
    'sites',
    'schools',
    'trusts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
