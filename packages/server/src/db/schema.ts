/**
 * The stored shape of Haven's tables, as Kysely sees them.
 *
 * Column types are chosen to mean the same on SQLite and PostgreSQL, so one set of queries and
 * tests serves both:
 * - ids are text (crypto.randomUUID());
 * - timestamps are ISO-8601 text in UTC from Date#toISOString() (`2026-11-23T10:00:00.000Z`),
 *   which sorts and compares correctly as text;
 * - dates are 'YYYY-MM-DD' text;
 * - booleans are integers 0/1;
 * - JSON is text (parsed and written by the repositories, never by services).
 *
 * Repositories translate these rows into the camelCase records in `src/repositories/`.
 */
import type { Kysely } from 'kysely';

export type IsoTimestamp = string;
export type IsoDate = string;

export const PERSON_KINDS = ['pupil', 'staff', 'parent', 'governor', 'visitor', 'other'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const SESSION_STAGES = ['password', 'signed-in'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

export const POLICY_STATUSES = ['draft', 'approved', 'superseded'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export interface TrustsTable {
  id: string;
  name: string;
  created_at: IsoTimestamp;
}

export interface SchoolsTable {
  id: string;
  trust_id: string | null;
  slug: string;
  name: string;
  template_id: string;
  time_zone: string;
  locale: string;
  created_at: IsoTimestamp;
}

export interface SitesTable {
  id: string;
  school_id: string;
  slug: string;
  name: string;
  created_at: IsoTimestamp;
}

export interface PeopleTable {
  id: string;
  school_id: string;
  kind: PersonKind;
  given_name: string;
  family_name: string;
  display_name: string;
  email: string | null;
  year_group: string | null;
  class_name: string | null;
  mis_id: string | null;
  created_at: IsoTimestamp;
  left_on: IsoDate | null;
}

export interface GuardianshipsTable {
  id: string;
  school_id: string;
  parent_id: string;
  pupil_id: string;
  relationship: string | null;
}

export interface AccountsTable {
  id: string;
  school_id: string | null;
  person_id: string | null;
  /** Always lower-case; the repository folds it on the way in. */
  email: string;
  display_name: string;
  password_hash: string;
  /** JSON array of access-role names. */
  grants: string;
  /** Stored exactly as given: the auth service encrypts it before it gets here. */
  totp_secret: string | null;
  /** A secret being set up (encrypted by the auth service), until it is confirmed. */
  totp_pending_secret: string | null;
  totp_enabled_at: IsoTimestamp | null;
  /** The last TOTP time step accepted, so a code cannot be replayed. */
  totp_last_step: number | null;
  /** JSON array of recovery-code hashes. */
  recovery_codes: string;
  failed_attempts: number;
  last_failed_at: IsoTimestamp | null;
  locked_until: IsoTimestamp | null;
  created_at: IsoTimestamp;
  disabled_at: IsoTimestamp | null;
  password_changed_at: IsoTimestamp;
}

export interface SessionsTable {
  /** The SHA-256 (hex) of the session token; the token itself is never stored. */
  id: string;
  account_id: string;
  csrf_token: string;
  stage: SessionStage;
  created_at: IsoTimestamp;
  last_seen_at: IsoTimestamp;
  expires_at: IsoTimestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface RoleAssignmentsTable {
  id: string;
  school_id: string;
  person_id: string;
  policy_role_id: string;
  deputy: number;
  created_at: IsoTimestamp;
}

export interface PolicyVersionsTable {
  id: string;
  school_id: string;
  version: number;
  status: PolicyStatus;
  /** JSON text, written once at insert and never updated (a trigger enforces it). */
  document: string;
  /** SHA-256 (hex) of `document` exactly as stored. */
  document_hash: string;
  created_by: string | null;
  created_at: IsoTimestamp;
  approved_on: IsoDate | null;
  /** Who approved it, as the governors minuted it (free text, e.g. "Full governing body"). */
  approved_by: string | null;
  /** The account that recorded the approval in Haven. */
  approved_recorded_by: string | null;
  next_review: IsoDate | null;
}

export interface AuditEventsTable {
  /** Assigned by appendAudit as previous + 1 under a lock, so the sequence has no gaps. */
  seq: number;
  id: string;
  at: IsoTimestamp;
  school_id: string | null;
  actor_account_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** Canonical JSON text. */
  detail: string;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface Database {
  trusts: TrustsTable;
  schools: SchoolsTable;
  sites: SitesTable;
  people: PeopleTable;
  guardianships: GuardianshipsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  role_assignments: RoleAssignmentsTable;
  policy_versions: PolicyVersionsTable;
  audit_events: AuditEventsTable;
}

/** What repositories take: the database or a transaction on it. */
export type Db = Kysely<Database>;
