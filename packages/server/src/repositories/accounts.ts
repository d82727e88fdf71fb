import type { Selectable } from 'kysely';
import type { AccountsTable, Db, IsoTimestamp } from '../db/schema.ts';
import { newId, nowIso, parseStringArray } from '../db/values.ts';

export interface Account {
  id: string;
  schoolId: string | null;
  personId: string | null;
  /** Lower-case. */
  email: string;
  displayName: string;
  passwordHash: string;
  /** Access-role names. */
  grants: string[];
  /** As the auth service stored it (encrypted there, not here). */
  totpSecret: string | null;
  /** A secret being set up, until confirmed. */
  totpPendingSecret: string | null;
  totpEnabledAt: IsoTimestamp | null;
  totpLastStep: number | null;
  /** Hashes of the unused recovery codes. */
  recoveryCodes: string[];
  failedAttempts: number;
  lastFailedAt: IsoTimestamp | null;
  lockedUntil: IsoTimestamp | null;
  createdAt: IsoTimestamp;
  disabledAt: IsoTimestamp | null;
  passwordChangedAt: IsoTimestamp;
}

export interface NewAccount {
  schoolId?: string | null;
  personId?: string | null;
  email: string;
  displayName: string;
  passwordHash: string;
  grants?: string[];
  id?: string;
  createdAt?: IsoTimestamp;
}

export type AccountPatch = Partial<Omit<Account, 'id' | 'createdAt'>>;

/** Emails are compared case-insensitively everywhere, so they are stored folded. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

const toAccount = (row: Selectable<AccountsTable>): Account => ({
  id: row.id,
  schoolId: row.school_id,
  personId: row.person_id,
  email: row.email,
  displayName: row.display_name,
  passwordHash: row.password_hash,
  grants: parseStringArray(row.grants, 'accounts.grants'),
  totpSecret: row.totp_secret,
  totpPendingSecret: row.totp_pending_secret,
  totpEnabledAt: row.totp_enabled_at,
  totpLastStep: row.totp_last_step,
  recoveryCodes: parseStringArray(row.recovery_codes, 'accounts.recovery_codes'),
  failedAttempts: row.failed_attempts,
  lastFailedAt: row.last_failed_at,
  lockedUntil: row.locked_until,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
  passwordChangedAt: row.password_changed_at,
});

export async function createAccount(db: Db, input: NewAccount): Promise<Account> {
  const createdAt = input.createdAt ?? nowIso();
  const row = await db
    .insertInto('accounts')
    .values({
      id: input.id ?? newId(),
      school_id: input.schoolId ?? null,
      person_id: input.personId ?? null,
      email: normaliseEmail(input.email),
      display_name: input.displayName,
      password_hash: input.passwordHash,
      grants: JSON.stringify(input.grants ?? []),
      recovery_codes: '[]',
      failed_attempts: 0,
      created_at: createdAt,
      password_changed_at: createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAccount(row);
}

export async function getAccountById(db: Db, id: string): Promise<Account | undefined> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAccount(row);
}

export async function getAccountByEmail(db: Db, email: string): Promise<Account | undefined> {
  const row = await db
    .selectFrom('accounts')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  return row && toAccount(row);
}

export async function listAccountsBySchool(db: Db, schoolId: string): Promise<Account[]> {
  const rows = await db
    .selectFrom('accounts')
    .selectAll()
    .where('school_id', '=', schoolId)
    .orderBy('email')
    .execute();
  return rows.map(toAccount);
}

/** Sets the given fields; returns the account as it now is, or undefined when there is none. */
export async function updateAccount(db: Db, id: string, patch: AccountPatch): Promise<Account | undefined> {
  const values = {
    school_id: patch.schoolId,
    person_id: patch.personId,
    email: patch.email === undefined ? undefined : normaliseEmail(patch.email),
    display_name: patch.displayName,
    password_hash: patch.passwordHash,
    grants: patch.grants === undefined ? undefined : JSON.stringify(patch.grants),
    totp_secret: patch.totpSecret,
    totp_pending_secret: patch.totpPendingSecret,
    totp_enabled_at: patch.totpEnabledAt,
    totp_last_step: patch.totpLastStep,
    recovery_codes: patch.recoveryCodes === undefined ? undefined : JSON.stringify(patch.recoveryCodes),
    failed_attempts: patch.failedAttempts,
    last_failed_at: patch.lastFailedAt,
    locked_until: patch.lockedUntil,
    disabled_at: patch.disabledAt,
    password_changed_at: patch.passwordChangedAt,
  };
  if (Object.values(values).every((value) => value === undefined)) return getAccountById(db, id);
  const row = await db
    .updateTable('accounts')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toAccount(row);
}

/**
 * Counts a failed sign-in in one statement, so simultaneous guesses cannot both read the old
 * count. Returns the new count, or undefined when there is no such account.
 */
export async function recordFailedSignIn(db: Db, id: string, at: IsoTimestamp): Promise<number | undefined> {
  const row = await db
    .updateTable('accounts')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), last_failed_at: at }))
    .where('id', '=', id)
    .returning('failed_attempts')
    .executeTakeFirst();
  return row?.failed_attempts;
}

/**
 * Counts a sign-in attempt as failed *before* the password is checked, but only if no other
 * attempt was counted since the caller read the account (compare-and-set on the count and the
 * time of the last failure). Simultaneous guesses therefore cannot all be checked against the
 * same count: all but one are refused, and each one checked is counted. A successful check
 * resets the count afterwards.
 */
export async function claimSignInAttempt(
  db: Db,
  id: string,
  seen: { failedAttempts: number; lastFailedAt: IsoTimestamp | null },
  at: IsoTimestamp,
): Promise<boolean> {
  let query = db
    .updateTable('accounts')
    .set({ failed_attempts: seen.failedAttempts + 1, last_failed_at: at })
    .where('id', '=', id)
    .where('failed_attempts', '=', seen.failedAttempts);
  query =
    seen.lastFailedAt === null
      ? query.where('last_failed_at', 'is', null)
      : query.where('last_failed_at', '=', seen.lastFailedAt);
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Accepts a TOTP time step only if it is later than the last one accepted, in one statement, so
 * the same code cannot be used twice even by two requests at once.
 */
export async function claimTotpStep(db: Db, id: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Removes one recovery-code hash if it is still there. The update only applies if the list is
 * unchanged since it was read, so two requests with the same code cannot both succeed.
 */
export async function useRecoveryCode(db: Db, id: string, codeHash: string): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await db
      .selectFrom('accounts')
      .select('recovery_codes')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return false;
    const codes = parseStringArray(row.recovery_codes, 'accounts.recovery_codes');
    if (!codes.includes(codeHash)) return false;
    const result = await db
      .updateTable('accounts')
      .set({ recovery_codes: JSON.stringify(codes.filter((code) => code !== codeHash)) })
      .where('id', '=', id)
      .where('recovery_codes', '=', row.recovery_codes)
      .executeTakeFirst();
    if (result.numUpdatedRows > 0n) return true;
  }
  return false;
}
