/**
 * The audit log: an append-only, hash-chained record of who did what.
 *
 * Each event's hash is SHA-256 over the previous event's hash followed by the canonical JSON of
 * the event's fields, so changing, removing or reordering any stored event breaks the chain from
 * that point on, and verifyAudit says where. The database also refuses UPDATE and DELETE on the
 * table (see the append-only migration); the chain is what still catches tampering by someone
 * able to drop those triggers. Deleting the newest events leaves a valid shorter chain: to detect
 * that, compare verifyAudit's count and lastHash with a copy kept elsewhere.
 *
 * The log is kept forever and cannot be edited, so `detail` must hold identifiers and short
 * structured facts only: never narrative (incident text, notes about a child) and never secrets
 * (passwords, tokens, TOTP seeds or codes, recovery codes). Keys that look like secrets are refused.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type Selectable, sql } from 'kysely';
import { dialectOf } from '../db/dialect.ts';
import type { AuditEventsTable, Db, IsoTimestamp } from '../db/schema.ts';
import { nowIso } from '../db/values.ts';
import { clampLimit } from '../repositories/paging.ts';
import { canonicalJson, type JsonValue } from './canonical-json.ts';

export type AuditDetail = { [key: string]: JsonValue };

export interface AuditEventInput {
  /** What happened, as a dotted name: `account.signed-in`, `policy.approved`. */
  action: string;
  /** Who did it, as people should read it later (`Ms Patel`, `system`, `MIS import`). */
  actorLabel: string;
  actorAccountId?: string | null;
  schoolId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  /** Identifiers and short facts only: no narrative, no secrets (see the module comment). */
  detail?: AuditDetail;
  ip?: string | null;
  at?: IsoTimestamp;
  id?: string;
}

export interface AuditEvent {
  seq: number;
  id: string;
  at: IsoTimestamp;
  schoolId: string | null;
  actorAccountId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: AuditDetail;
  ip: string | null;
  prevHash: string;
  hash: string;
}

/** The fields an event's hash covers, named as stored. `seq` is not among them: gaps show up as breaks in the sequence. */
export interface HashedAuditFields {
  id: string;
  at: IsoTimestamp;
  school_id: string | null;
  actor_account_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  detail: JsonValue;
  ip: string | null;
}

export type AuditProblem = 'altered' | 'missing' | 'broken-link';

export type AuditVerification =
  | { ok: true; count: number; lastHash: string }
  | {
      ok: false;
      /** Events that verified before the first bad one. */
      count: number;
      /** For `missing`, the event found where an earlier one should have been. */
      firstBad: { seq: number; id: string; reason: AuditProblem };
    };

export interface AuditQuery {
  schoolId?: string;
  actorAccountId?: string;
  action?: string | string[];
  targetType?: string;
  targetId?: string;
  /** Events at or after this instant. */
  from?: IsoTimestamp;
  /** Events before this instant. */
  to?: IsoTimestamp;
  /** Paging cursor: events older than this seq (pass the previous page's nextBeforeSeq). */
  beforeSeq?: number;
  limit?: number;
}

export interface AuditPage {
  /** Newest first. */
  items: AuditEvent[];
  /** Pass as beforeSeq for the next page; null when there are no more. */
  nextBeforeSeq: number | null;
}

/** The previous hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** One constant advisory-lock key for all appends, so PostgreSQL runs them one at a time. */
const AUDIT_LOCK_KEY = 720_411_903;

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export class AuditDetailError extends TypeError {
  override readonly name = 'AuditDetailError';
}

export function auditEventHash(prevHash: string, fields: HashedAuditFields): string {
  return createHash('sha256')
    .update(prevHash + canonicalJson(fields), 'utf8')
    .digest('hex');
}

/**
 * Appends one event to the chain. Appends are serialised so no two events ever share a previous
 * hash: PostgreSQL takes a transaction-scoped advisory lock; SQLite takes the write lock up front
 * (BEGIN IMMEDIATE), which also keeps other processes on the same file out.
 *
 * Pass a transaction to record the event atomically with the change it describes. It then holds
 * the audit lock until that transaction ends, so keep such transactions short, and leave them at
 * READ COMMITTED on PostgreSQL so the newest event is visible once the lock is held.
 */
export async function appendAudit(db: Db, input: AuditEventInput): Promise<AuditEvent> {
  const fields = prepare(input);
  if (db.isTransaction) return appendWithin(db, fields);
  if (dialectOf(db) === 'postgres') return db.transaction().execute((trx) => appendWithin(trx, fields));
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const event = await appendWithin(connection, fields);
      await sql`commit`.execute(connection);
      return event;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}

function prepare(input: AuditEventInput): HashedAuditFields {
  const at = input.at ?? nowIso();
  if (!ISO_UTC.test(at)) {
    throw new AuditDetailError(
      `Audit times must be ISO-8601 UTC with milliseconds (Date#toISOString), not "${at}".`,
    );
  }
  const detail = input.detail ?? {};
  refuseSecrets(detail, 'detail');
  // Round-trip through canonical JSON now, so what is hashed is exactly what verification reads back.
  const storedDetail = JSON.parse(canonicalJson(detail)) as JsonValue;
  return {
    id: input.id ?? randomUUID(),
    at,
    school_id: input.schoolId ?? null,
    actor_account_id: input.actorAccountId ?? null,
    actor_label: input.actorLabel,
    action: input.action,
    target_type: input.targetType ?? null,
    target_id: input.targetId ?? null,
    detail: storedDetail,
    ip: input.ip ?? null,
  };
}

async function appendWithin(db: Db, fields: HashedAuditFields): Promise<AuditEvent> {
  if (dialectOf(db) === 'postgres') {
    await sql`select pg_advisory_xact_lock(${sql.lit(AUDIT_LOCK_KEY)})`.execute(db);
  }
  const last = await db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  // Numbered here under the lock rather than by a sequence: PostgreSQL sequences skip numbers on
  // rollback, and a gap must only ever mean a deleted event.
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = auditEventHash(prevHash, fields);
  await db
    .insertInto('audit_events')
    .values({ seq, ...fields, detail: canonicalJson(fields.detail), prev_hash: prevHash, hash })
    .execute();
  return toEvent({ seq, ...fields, detail: canonicalJson(fields.detail), prev_hash: prevHash, hash });
}

/** Walks the whole chain in order and reports the first event that does not verify. */
export async function verifyAudit(db: Db, options: { batchSize?: number } = {}): Promise<AuditVerification> {
  const batchSize = Math.max(1, options.batchSize ?? 1000);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const problem = check(row, expectedSeq, prevHash);
      if (problem) return { ok: false, count, firstBad: { seq: row.seq, id: row.id, reason: problem } };
      count++;
      expectedSeq++;
      prevHash = row.hash;
    }
    if (rows.length < batchSize) return { ok: true, count, lastHash: prevHash };
  }
}

function check(
  row: Selectable<AuditEventsTable>,
  expectedSeq: number,
  prevHash: string,
): AuditProblem | undefined {
  if (row.seq !== expectedSeq) return 'missing';
  let detail: JsonValue;
  try {
    detail = JSON.parse(row.detail) as JsonValue;
  } catch {
    return 'altered';
  }
  const recomputed = auditEventHash(row.prev_hash, {
    id: row.id,
    at: row.at,
    school_id: row.school_id,
    actor_account_id: row.actor_account_id,
    actor_label: row.actor_label,
    action: row.action,
    target_type: row.target_type,
    target_id: row.target_id,
    detail,
    ip: row.ip,
  });
  if (recomputed !== row.hash) return 'altered';
  if (row.prev_hash !== prevHash) return 'broken-link';
  return undefined;
}

/** Events matching every given filter, newest first, a page at a time. */
export async function listAudit(db: Db, query: AuditQuery = {}): Promise<AuditPage> {
  const limit = clampLimit(query.limit);
  let select = db.selectFrom('audit_events').selectAll();
  if (query.schoolId !== undefined) select = select.where('school_id', '=', query.schoolId);
  if (query.actorAccountId !== undefined)
    select = select.where('actor_account_id', '=', query.actorAccountId);
  if (query.action !== undefined) {
    const actions = Array.isArray(query.action) ? query.action : [query.action];
    if (actions.length === 0) return { items: [], nextBeforeSeq: null };
    select = select.where('action', 'in', actions);
  }
  if (query.targetType !== undefined) select = select.where('target_type', '=', query.targetType);
  if (query.targetId !== undefined) select = select.where('target_id', '=', query.targetId);
  if (query.from !== undefined) select = select.where('at', '>=', query.from);
  if (query.to !== undefined) select = select.where('at', '<', query.to);
  if (query.beforeSeq !== undefined) select = select.where('seq', '<', query.beforeSeq);
  // One extra row says whether another page exists without a count over the whole log.
  const rows = await select
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(toEvent);
  const more = rows.length > limit;
  return { items, nextBeforeSeq: more ? (items.at(-1)?.seq ?? null) : null };
}

function toEvent(row: Selectable<AuditEventsTable>): AuditEvent {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at,
    schoolId: row.school_id,
    actorAccountId: row.actor_account_id,
    actorLabel: row.actor_label,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    detail: JSON.parse(row.detail) as AuditDetail,
    ip: row.ip,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Key endings that name a secret (compared lower-case with punctuation removed). */
const SECRET_KEY_ENDINGS = [
  'password',
  'passwordhash',
  'passphrase',
  'secret',
  'token',
  'recoverycode',
  'recoverycodes',
  'totpcode',
  'otpcode',
];

function refuseSecrets(value: JsonValue, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      refuseSecrets(item, `${path}[${index}]`);
    });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    const plain = key.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (SECRET_KEY_ENDINGS.some((ending) => plain.endsWith(ending))) {
      throw new AuditDetailError(
        `Audit detail may not carry secrets: ${path}.${key} looks like one. Record that it changed, not its value.`,
      );
    }
    refuseSecrets(item, `${path}.${key}`);
  }
}
