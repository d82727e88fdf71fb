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
import type { Generated, Kysely } from 'kysely';

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
  /** 1 when an identity provider's MFA stands in for Haven's second step (sso-service.ts). */
  mfa_by_provider: Generated<number>;
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

export const EXCEPTION_STATUSES = ['requested', 'approved', 'declined', 'withdrawn', 'expired'] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

export const CHANGE_LOG_KINDS = [
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
] as const;
export type ChangeLogKind = (typeof CHANGE_LOG_KINDS)[number];

export const DECISION_SOURCES = ['dns', 'proxy', 'helper', 'check'] as const;
export type DecisionSource = (typeof DECISION_SOURCES)[number];

export const REVIEW_STATUSES = ['open', 'done', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A school's filter settings beside its policy; no row means the defaults from the approved policy. */
export interface FilterSettingsTable {
  school_id: string;
  /** JSON text of core's `filterSettings` (validated before it is written). */
  settings: string;
  /** 1 for the first save, +1 each save after. */
  revision: number;
  updated_at: IsoTimestamp;
  /** The account id, or a label such as `system`, that saved it. */
  updated_by: string;
}

export interface FilterExceptionsTable {
  id: string;
  school_id: string;
  /** JSON: {kind:'host',host} or {kind:'category',category}. */
  target: string;
  /** JSON: {kind:'group',group}, {kind:'user',user} or {kind:'class',name,users}. */
  scope: string;
  reason: string;
  /** The account id (or a label such as `system`) that asked. */
  requested_by: string;
  requested_by_name: string;
  requested_at: IsoTimestamp;
  starts_at: IsoTimestamp;
  ends_at: IsoTimestamp;
  status: ExceptionStatus;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: IsoTimestamp | null;
  decision_note: string | null;
  first_used_at: IsoTimestamp | null;
  use_count: number;
}

/** Append-only (triggers refuse UPDATE and DELETE). No pupil names in `summary`. */
export interface FilterChangeLogTable {
  id: string;
  school_id: string;
  /** 1, 2, 3 ... per school, assigned under a lock, so a gap means a missing entry. */
  seq: number;
  at: IsoTimestamp;
  /** The account id, or `system`, or `gateway:<id>`. */
  actor: string;
  actor_name: string;
  kind: ChangeLogKind;
  subject_id: string | null;
  summary: string;
  /** JSON object. */
  details: string;
}

export interface FilterDecisionsTable {
  /** 64-bit, assigned by the database; breaks ties between equal timestamps when paging. */
  id: Generated<number>;
  school_id: string;
  at: IsoTimestamp;
  site: string | null;
  gateway_id: string | null;
  group_id: string;
  username: string | null;
  client: string | null;
  host: string;
  /** Only what the gateway saw (plain HTTP, the Squid helper); null for DNS. */
  url: string | null;
  category: string | null;
  action: 'allow' | 'block';
  /** decide()'s DecisionKind. */
  kind: string;
  /** The governing citation as `source/id`. */
  rule: string | null;
  source: DecisionSource;
  batch_id: string | null;
}

export interface FilterEventBatchesTable {
  gateway_id: string;
  batch_id: string;
  school_id: string;
  received_at: IsoTimestamp;
  count: number;
}

export interface GatewaysTable {
  id: string;
  school_id: string;
  name: string;
  site: string | null;
  /** SHA-256 (hex) of the gateway's token; the token is shown once and never stored. */
  credential_hash: string;
  created_at: IsoTimestamp;
  last_seen_at: IsoTimestamp | null;
  revoked_at: IsoTimestamp | null;
}

export interface FilterReviewRequestsTable {
  id: string;
  school_id: string;
  at: IsoTimestamp;
  gateway_id: string | null;
  host: string;
  url: string | null;
  group_id: string | null;
  username: string | null;
  client: string | null;
  reference: string;
  comment: string | null;
  status: ReviewStatus;
  handled_by: string | null;
  handled_at: IsoTimestamp | null;
  note: string | null;
}

/** That an illegal-list entry was asked for: no host, no URL, ever. */
export interface FilterIllegalHitsTable {
  id: string;
  school_id: string;
  at: IsoTimestamp;
  gateway_id: string | null;
  group_id: string;
  username: string | null;
  client: string | null;
  source: DecisionSource;
  /** The incident opened for it (the incidents issue); null until then. */
  incident_opened: string | null;
}

export interface FilterAddressUsersTable {
  school_id: string;
  address: string;
  username: string;
  group_id: string;
  until: IsoTimestamp;
}

export interface FilterTestRunsTable {
  id: string;
  school_id: string;
  at: IsoTimestamp;
  run_by: string;
  run_by_name: string;
  /** JSON object: what the CLI reported. */
  result: string;
  total: number;
  passed: number;
  failed: number;
}

export const EMAIL_STATES = ['pending', 'sent', 'failed', 'not-configured', 'not-sent'] as const;
export type EmailState = (typeof EMAIL_STATES)[number];

export interface NotificationsTable {
  id: string;
  school_id: string;
  created_at: IsoTimestamp;
  kind: string;
  /** JSON array of grants. */
  audience: string;
  urgent: number;
  title: string;
  link: string;
  subject_id: string | null;
  email_state: EmailState;
  email_attempts: number;
  emailed_at: IsoTimestamp | null;
}

export interface NotificationReadsTable {
  notification_id: string;
  account_id: string;
  read_at: IsoTimestamp;
}

export const INCIDENT_STATUSES = ['draft', 'open', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const INCIDENT_CHANNELS = ['staff', 'pupil', 'parent', 'illegal-hit', 'monitoring'] as const;
export type IncidentChannel = (typeof INCIDENT_CHANNELS)[number];

export interface IncidentsTable {
  id: string;
  school_id: string;
  number: number | null;
  status: IncidentStatus;
  channel: IncidentChannel;
  reporter_account_id: string | null;
  reporter_label: string;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
  submitted_at: IsoTimestamp | null;
  closed_at: IsoTimestamp | null;
  occurred_on: IsoDate | null;
  path: 'illegal' | 'inappropriate' | null;
  restriction: 'none' | 'headteacher' | 'chair-of-governors';
  /** JSON array of person ids. */
  restricted_to: string;
  safeguarding: number;
  urgent: number;
  /** Sealed JSON of the report. */
  report: string;
  illegal_hit_id: string | null;
}

export interface IncidentEntriesTable {
  id: string;
  incident_id: string;
  school_id: string;
  seq: number;
  at: IsoTimestamp;
  actor_account_id: string | null;
  actor_label: string;
  kind: string;
  step_id: string | null;
  person_id: string | null;
  corrects: string | null;
  /** Sealed JSON. */
  body: string;
}

export interface IncidentEvidenceTable {
  id: string;
  incident_id: string;
  school_id: string;
  added_at: IsoTimestamp;
  added_by: string;
  added_by_account_id: string | null;
  kind: 'file' | 'url' | 'record';
  filename: string | null;
  media_type: string | null;
  size: number | null;
  sha256: string | null;
  /** Sealed JSON: description, url, who was told. */
  details: string;
  /** Sealed base64 of the file's bytes. */
  content: string | null;
}

export interface IncidentCustodyTable {
  id: string;
  evidence_id: string;
  seq: number;
  incident_id: string;
  school_id: string;
  at: IsoTimestamp;
  actor_label: string;
  actor_account_id: string | null;
  action: 'added' | 'viewed' | 'exported';
}

export const BREACH_KINDS = ['breach', 'near-miss', 'lost-equipment', 'virus', 'unauthorised-use'] as const;
export type BreachKind = (typeof BREACH_KINDS)[number];

export interface DataBreachesTable {
  id: string;
  school_id: string;
  number: number;
  kind: BreachKind;
  aware_at: IsoTimestamp;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
  reported_by: string;
  status: 'open' | 'closed';
  /** Sealed JSON of the ICO's fields. */
  details: string;
  reported_to_ico_at: IsoTimestamp | null;
  ico_reference: string | null;
  not_reportable_reason: string | null;
  /** JSON array of the reminder hours already sent. */
  reminders_sent: string;
  closed_at: IsoTimestamp | null;
}

export const ALERT_STATUSES = ['new', 'in-review', 'escalated', 'no-action', 'false-positive'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export interface MonitorAlertsTable {
  id: string;
  school_id: string;
  first_seen_at: IsoTimestamp;
  last_seen_at: IsoTimestamp;
  status: AlertStatus;
  category: string;
  severity: number;
  phrase: string;
  source: string;
  subject: string;
  group_id: string;
  occurrences: number;
  /** Sealed JSON array of {at, text, context}. */
  evidence: string;
  triaged_by: string | null;
  triaged_at: IsoTimestamp | null;
  triage_note: string | null;
  incident_id: string | null;
  notified_at: IsoTimestamp | null;
  digested_at: IsoTimestamp | null;
}

export interface DailySummariesTable {
  school_id: string;
  day: IsoDate;
  created_at: IsoTimestamp;
  /** Sealed. */
  text: string;
  /** Sealed. */
  html: string;
  email_state: 'pending' | 'sent' | 'failed';
  attempts: number;
  sent_at: IsoTimestamp | null;
}

/** One MIS import that wrote to the directory (issue 6): what it did, never the file itself. */
export interface DirectoryImportsTable {
  id: string;
  school_id: string;
  kind: 'pupils' | 'staff' | 'parents' | 'governors';
  /** 1 when the file listed everyone current, so those it left out were marked as leavers. */
  full: number;
  file_sha256: string;
  file_name: string | null;
  encoding: string;
  confirm: 'all' | 'skip-bad-rows';
  /** JSON of the plan's counts. */
  counts: string;
  /** JSON array of { line, field, column, reason }. */
  problems: string;
  by_account_id: string | null;
  by_label: string;
  at: IsoTimestamp;
}

export interface LogImportsTable {
  school_id: string;
  sha256: string;
  format: string;
  at: IsoTimestamp;
  lines: number;
  imported: number;
  problems: number;
  /** Lines read and committed so far: where an interrupted import resumes. */
  done_lines: number;
  finished_at: IsoTimestamp | null;
  site_id: string | null;
}

export interface MonitorSettingsTable {
  school_id: string;
  settings: string;
  revision: number;
  updated_at: IsoTimestamp;
  updated_by: string;
}

export interface MonitorSuppressionsTable {
  school_id: string;
  phrase_id: string;
  context: string;
  alert_id: string | null;
  created_by: string;
  created_at: IsoTimestamp;
}

export interface MonitorDigestsTable {
  school_id: string;
  period_start: IsoTimestamp;
  period_end: IsoTimestamp;
  alerts: number;
  created_at: IsoTimestamp;
}

export interface FilterSignInHistoryTable {
  school_id: string;
  address: string;
  username: string;
  group_id: string;
  since: IsoTimestamp;
  until: IsoTimestamp;
}

export interface AgreementVersionsTable {
  id: string;
  school_id: string;
  agreement_id: string;
  version: number;
  title: string;
  /** JSON: the agreement as signed (a core AgreementTemplate). */
  content: string;
  text_hash: string;
  source: 'template' | 'import';
  source_filename: string | null;
  created_by: string;
  created_at: IsoTimestamp;
}

/** Append-only. */
export interface AgreementSignaturesTable {
  id: string;
  school_id: string;
  agreement_id: string;
  version_id: string;
  text_hash: string;
  kind: 'signed' | 'withdrawn' | 'approved';
  refers_to: string | null;
  person_id: string;
  actor_account_id: string | null;
  actor_person_id: string | null;
  actor_label: string;
  relation: 'self' | 'parent' | 'approver';
  /** JSON. */
  answers: string;
  at: IsoTimestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AgreementSettingsTable {
  school_id: string;
  unsigned_rule: 'guest-rules' | 'sign-first';
  updated_at: IsoTimestamp;
  updated_by: string;
}

export interface SsoProvidersTable {
  school_id: string;
  label: string;
  issuer: string;
  client_id: string;
  /** Sealed with the server's key by the SSO service. */
  client_secret: string;
  /** JSON array of lower-case e-mail domains. */
  allowed_domains: string;
  hosted_domain: string | null;
  tenant_id: string | null;
  provider_enforces_mfa: number;
  enabled: number;
  updated_at: IsoTimestamp;
  updated_by: string;
}

export interface SsoLoginStatesTable {
  /** SHA-256 (hex) of the cookie token. */
  id: string;
  school_id: string;
  state: string;
  nonce: string;
  /** Sealed with the server's key. */
  code_verifier: string;
  created_at: IsoTimestamp;
  expires_at: IsoTimestamp;
}

/** One parent's decision about one pupil and one consent purpose; append-only. */
export interface ConsentRecordsTable {
  id: string;
  school_id: string;
  pupil_id: string;
  /** Per pupil, from 1: the order of recording. */
  seq: number;
  purpose: string;
  decision: 'given' | 'refused' | 'withdrawn';
  method: 'parent-online' | 'paper-form' | 'phone';
  parent_id: string | null;
  parent_name: string;
  relationship: string | null;
  decided_on: IsoDate;
  form_signed: number | null;
  note: string | null;
  recorded_at: IsoTimestamp;
  recorded_by_account_id: string | null;
  recorded_by_label: string;
}

/** Who completed which course when, with the evidence (a note and or a sealed certificate). */
export interface TrainingRecordsTable {
  id: string;
  school_id: string;
  person_id: string;
  course_id: string;
  completed_on: IsoDate;
  provider: string | null;
  note: string | null;
  certificate_filename: string | null;
  certificate_media_type: string | null;
  certificate_size: number | null;
  certificate_sha256: string | null;
  /** Sealed base64 of the certificate's bytes. */
  certificate_content: string | null;
  recorded_at: IsoTimestamp;
  recorded_by_account_id: string | null;
  recorded_by_label: string;
}

export interface TrainingNeedsAuditsTable {
  id: string;
  school_id: string;
  person_id: string;
  /** JSON of core's training.auditAnswers. */
  answers: string;
  /** JSON array of area ids. */
  needs: string;
  completed_at: IsoTimestamp;
  reviewed_by: string | null;
  reviewed_at: IsoTimestamp | null;
}

/** One reminder per person, course and ISO week. */
export interface TrainingRemindersTable {
  school_id: string;
  person_id: string;
  course_id: string;
  week: string;
  notification_id: string;
  created_at: IsoTimestamp;
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
  filter_settings: FilterSettingsTable;
  filter_exceptions: FilterExceptionsTable;
  filter_change_log: FilterChangeLogTable;
  filter_decisions: FilterDecisionsTable;
  filter_event_batches: FilterEventBatchesTable;
  gateways: GatewaysTable;
  filter_review_requests: FilterReviewRequestsTable;
  filter_illegal_hits: FilterIllegalHitsTable;
  filter_address_users: FilterAddressUsersTable;
  filter_test_runs: FilterTestRunsTable;
  notifications: NotificationsTable;
  notification_reads: NotificationReadsTable;
  incidents: IncidentsTable;
  incident_entries: IncidentEntriesTable;
  incident_evidence: IncidentEvidenceTable;
  incident_custody: IncidentCustodyTable;
  data_breaches: DataBreachesTable;
  monitor_alerts: MonitorAlertsTable;
  daily_summaries: DailySummariesTable;
  log_imports: LogImportsTable;
  directory_imports: DirectoryImportsTable;
  monitor_settings: MonitorSettingsTable;
  consent_records: ConsentRecordsTable;
  monitor_suppressions: MonitorSuppressionsTable;
  monitor_digests: MonitorDigestsTable;
  filter_sign_in_history: FilterSignInHistoryTable;
  sso_providers: SsoProvidersTable;
  sso_login_states: SsoLoginStatesTable;
  training_records: TrainingRecordsTable;
  training_needs_audits: TrainingNeedsAuditsTable;
  training_reminders: TrainingRemindersTable;
  agreement_versions: AgreementVersionsTable;
  agreement_signatures: AgreementSignaturesTable;
  agreement_settings: AgreementSettingsTable;
}

/** What repositories take: the database or a transaction on it. */
export type Db = Kysely<Database>;
