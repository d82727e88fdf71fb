import type { Selectable } from 'kysely';
import type { Db, IsoTimestamp, SessionStage, SessionsTable } from '../db/schema.ts';
import { nowIso } from '../db/values.ts';

export interface Session {
  /** The SHA-256 (hex) of the session token (see `tokenId` in src/auth/tokens.ts). */
  id: string;
  accountId: string;
  csrfToken: string;
  stage: SessionStage;
  createdAt: IsoTimestamp;
  lastSeenAt: IsoTimestamp;
  expiresAt: IsoTimestamp;
  ip: string | null;
  userAgent: string | null;
  /** The identity provider's MFA stands in for Haven's second step. */
  mfaByProvider: boolean;
}

export interface NewSession {
  id: string;
  accountId: string;
  csrfToken: string;
  stage: SessionStage;
  expiresAt: IsoTimestamp;
  createdAt?: IsoTimestamp;
  lastSeenAt?: IsoTimestamp;
  ip?: string | null;
  userAgent?: string | null;
  mfaByProvider?: boolean;
}

export type SessionPatch = Partial<Pick<Session, 'stage' | 'csrfToken' | 'lastSeenAt' | 'expiresAt'>>;

const TOKEN_HASH = /^[0-9a-f]{64}$/;

/**
 * A leaked sessions table must not hand out live sessions, so only token hashes are stored.
 * Refusing anything else here catches a caller that passes the raw token by mistake.
 */
function assertTokenHash(id: string): void {
  if (!TOKEN_HASH.test(id)) {
    throw new TypeError('A session id must be the SHA-256 hex of the token, never the token itself.');
  }
}

const toSession = (row: Selectable<SessionsTable>): Session => ({
  id: row.id,
  accountId: row.account_id,
  csrfToken: row.csrf_token,
  stage: row.stage,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  expiresAt: row.expires_at,
  ip: row.ip,
  userAgent: row.user_agent,
  mfaByProvider: row.mfa_by_provider === 1,
});

export async function createSession(db: Db, input: NewSession): Promise<Session> {
  assertTokenHash(input.id);
  const createdAt = input.createdAt ?? nowIso();
  const row = await db
    .insertInto('sessions')
    .values({
      id: input.id,
      account_id: input.accountId,
      csrf_token: input.csrfToken,
      stage: input.stage,
      created_at: createdAt,
      last_seen_at: input.lastSeenAt ?? createdAt,
      expires_at: input.expiresAt,
      ip: input.ip ?? null,
      user_agent: input.userAgent ?? null,
      mfa_by_provider: input.mfaByProvider ? 1 : 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSession(row);
}

export async function getSession(db: Db, id: string): Promise<Session | undefined> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSession(row);
}

export async function listSessionsForAccount(db: Db, accountId: string): Promise<Session[]> {
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map(toSession);
}

/** Records activity (and optionally slides the expiry). Returns false when the session is gone. */
export async function touchSession(
  db: Db,
  id: string,
  seen: { lastSeenAt: IsoTimestamp; expiresAt?: IsoTimestamp },
): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ last_seen_at: seen.lastSeenAt, expires_at: seen.expiresAt })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function updateSession(db: Db, id: string, patch: SessionPatch): Promise<Session | undefined> {
  const values = {
    stage: patch.stage,
    csrf_token: patch.csrfToken,
    last_seen_at: patch.lastSeenAt,
    expires_at: patch.expiresAt,
  };
  if (Object.values(values).every((value) => value === undefined)) return getSession(db, id);
  const row = await db
    .updateTable('sessions')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toSession(row);
}

export async function deleteSession(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Signs an account out everywhere (or everywhere but `except`, the session asking). Returns how many. */
export async function deleteSessionsForAccount(
  db: Db,
  accountId: string,
  options: { except?: string } = {},
): Promise<number> {
  let query = db.deleteFrom('sessions').where('account_id', '=', accountId);
  if (options.except !== undefined) query = query.where('id', '!=', options.except);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes sessions whose expiry is at or before `now`. Returns how many. */
export async function deleteExpiredSessions(db: Db, now: IsoTimestamp): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
