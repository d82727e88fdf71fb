import { randomBytes } from 'node:crypto';
import { access } from '@haven/core';
import QRCode from 'qrcode';
import { decoyHash, hashPassword, passwordProblems, verifyPassword } from '../auth/passwords.ts';
import { newRecoveryCodes, newToken, recoveryCodeHash, tokenId } from '../auth/tokens.ts';
import { base32Encode, matchTotp, otpauthUrl } from '../auth/totp.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import {
  type Account,
  claimSignInAttempt,
  claimTotpStep,
  getAccountByEmail,
  getAccountById,
  recordFailedSignIn,
  updateAccount,
  useRecoveryCode,
} from '../repositories/accounts.ts';
import { getCurrentPolicyVersion } from '../repositories/policy-versions.ts';
import { listRoleAssignmentsByPerson } from '../repositories/role-assignments.ts';
import {
  createSession,
  deleteSession,
  deleteSessionsForAccount,
  getSession,
  type Session,
  touchSession,
  updateSession,
} from '../repositories/sessions.ts';
import type { Actor } from './actor.ts';
import { audit } from './audit.ts';

/** Failed sign-ins before each further try must wait, doubling from 15 seconds. */
export const BACKOFF_AFTER = 5;
const BACKOFF_BASE_SECONDS = 15;
/** Failed sign-ins that lock the account (until an administrator resets it, or the lock ends). */
export const LOCK_AFTER = 10;
export const LOCK_MINUTES = 30;

export type SessionStageView = 'anonymous' | 'mfa-enrol' | 'mfa-challenge' | 'signed-in';

/** A resolved session: the account behind it and what it may do now. */
export interface SessionContext {
  session: Session;
  account: Account;
  grants: string[];
  stage: Exclude<SessionStageView, 'anonymous'>;
  actor: Actor;
}

function lockUntil(now: Date): string {
  return new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
}

/** Locks the account and ends every session it has: whoever is guessing is shut out. */
async function lockAccount(haven: Haven, account: Account, actor: Actor, now: Date): Promise<void> {
  const until = lockUntil(now);
  await updateAccount(haven.db, account.id, { lockedUntil: until });
  await deleteSessionsForAccount(haven.db, account.id);
  await audit(
    haven.db,
    actor,
    'auth.locked',
    { type: 'account', id: account.id, schoolId: account.schoolId },
    { until },
  );
}

/** A wrong second factor or current password counts like a wrong password, up to the lock. */
async function countFailure(
  haven: Haven,
  ctx: SessionContext,
  action: 'auth.mfa.failed' | 'auth.password-change.failed',
  reason: string,
): Promise<void> {
  const now = haven.now();
  const failures = (await recordFailedSignIn(haven.db, ctx.account.id, now.toISOString())) ?? 0;
  const target = { type: 'account', id: ctx.account.id, schoolId: ctx.account.schoolId };
  await audit(haven.db, ctx.actor, action, target, {
    reason,
    failures,
  });
  if (failures >= LOCK_AFTER) {
    await lockAccount(haven, ctx.account, ctx.actor, now);
    throw errors.locked(lockUntil(now));
  }
}

function backoffSeconds(failures: number): number {
  if (failures < BACKOFF_AFTER) return 0;
  return Math.min(BACKOFF_BASE_SECONDS * 2 ** (failures - BACKOFF_AFTER), LOCK_MINUTES * 60);
}

export function actorFor(account: Account | undefined, ip: string | null, grants: string[] = []): Actor {
  return {
    accountId: account?.id ?? null,
    label: account?.email ?? 'anonymous',
    schoolId: account?.schoolId ?? null,
    grants,
    ip,
  };
}

/**
 * The account's grants: those given to the account directly, and those its person holds through
 * a role in the school's current policy (the DSL gets `dsl` by being named DSL).
 */
export async function effectiveGrants(haven: Haven, account: Account): Promise<string[]> {
  const grants = new Set(account.grants);
  if (account.personId && account.schoolId) {
    const assignments = await listRoleAssignmentsByPerson(haven.db, account.personId);
    if (assignments.length > 0) {
      const current = await getCurrentPolicyVersion(haven.db, account.schoolId);
      const doc = current ? await haven.policyDocument(current.id) : undefined;
      for (const a of assignments) {
        const role = doc?.roles.find((r) => r.id === a.policyRoleId);
        if (role) for (const g of access.grantsForRoleKinds(role.kinds)) grants.add(g);
      }
    }
  }
  return [...grants].sort();
}

function stageOf(session: Session, account: Account, grants: string[]): SessionContext['stage'] {
  if (session.stage === 'password') return account.totpEnabledAt ? 'mfa-challenge' : 'mfa-enrol';
  // A grant added after sign-in can make two-factor newly required (unless the identity
  // provider's MFA stands for it in this session).
  if (access.mfaRequired(grants) && !account.totpEnabledAt && !session.mfaByProvider) return 'mfa-enrol';
  return 'signed-in';
}

export interface SignInRequest {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Checks an email and password with every guard a sign-in has: unknown and disabled accounts
 * cost the same time as real ones, locks and back-off hold, and the attempt is counted before
 * the check so simultaneous guesses cannot share one count. On success the attempt is still
 * counted: the caller decides whether it clears the count. Audits each failure.
 */
async function checkPassword(
  haven: Haven,
  req: { email: string; password: string; ip: string | null },
  now: Date,
): Promise<{
  account: Account;
  actor: Actor;
  target: { type: string; id: string; schoolId: string | null };
}> {
  let account = await getAccountByEmail(haven.db, req.email);
  if (!account || account.disabledAt) {
    // Spend the same time as a real check, so response time does not say which emails exist.
    await verifyPassword(await decoyHash(), req.password);
    await audit(haven.db, actorFor(undefined, req.ip), 'auth.sign-in.failed', null, {
      reason: account ? 'disabled' : 'unknown-account',
    });
    throw errors.invalidCredentials();
  }
  const actor = actorFor(account, req.ip);
  const target = { type: 'account', id: account.id, schoolId: account.schoolId };

  if (account.lockedUntil) {
    if (account.lockedUntil > now.toISOString()) {
      await audit(haven.db, actor, 'auth.sign-in.failed', target, { reason: 'locked' });
      throw errors.locked(account.lockedUntil);
    }
    account =
      (await updateAccount(haven.db, account.id, { lockedUntil: null, failedAttempts: 0 })) ?? account;
  }
  const wait = backoffSeconds(account.failedAttempts);
  if (wait > 0 && account.lastFailedAt) {
    const elapsed = (now.getTime() - Date.parse(account.lastFailedAt)) / 1000;
    if (elapsed < wait) {
      await audit(haven.db, actor, 'auth.sign-in.failed', target, { reason: 'throttled' });
      throw errors.throttled(Math.ceil(wait - elapsed));
    }
  }

  // Count the attempt before checking it, so simultaneous guesses cannot share one count.
  const claimed = await claimSignInAttempt(
    haven.db,
    account.id,
    { failedAttempts: account.failedAttempts, lastFailedAt: account.lastFailedAt },
    now.toISOString(),
  );
  if (!claimed) {
    await audit(haven.db, actor, 'auth.sign-in.failed', target, { reason: 'concurrent-attempt' });
    throw errors.throttled(Math.max(1, backoffSeconds(account.failedAttempts + 1)));
  }
  const failures = account.failedAttempts + 1;

  if (!(await verifyPassword(account.passwordHash, req.password))) {
    await audit(haven.db, actor, 'auth.sign-in.failed', target, { reason: 'wrong-password', failures });
    if (failures >= LOCK_AFTER) await lockAccount(haven, account, actor, now);
    throw failures >= LOCK_AFTER ? errors.locked(lockUntil(now)) : errors.invalidCredentials();
  }
  return { account, actor, target };
}

export async function signIn(
  haven: Haven,
  req: SignInRequest,
): Promise<{ token: string; context: SessionContext }> {
  const now = haven.now();
  const { account, actor } = await checkPassword(haven, req, now);
  const grants = await effectiveGrants(haven, account);
  const needsSecondStep = Boolean(account.totpEnabledAt) || access.mfaRequired(grants);
  // Only a completed sign-in clears the count. With a second step to come, this attempt stays
  // counted until the code is right, so a known password cannot reset the count between code
  // guesses.
  if (!needsSecondStep) await updateAccount(haven.db, account.id, { failedAttempts: 0, lastFailedAt: null });
  return beginSession(haven, {
    account,
    actor,
    grants,
    needsSecondStep,
    req,
    firstStep: 'auth.password-accepted',
    detail: {},
  });
}

/**
 * Opens a session for an account whose first factor has been checked (a password here, an
 * identity provider's ID token in sso-service.ts): one way to make sessions, so both kinds
 * expire, rotate and audit alike.
 */
export async function beginSession(
  haven: Haven,
  input: {
    account: Account;
    actor: Actor;
    grants: string[];
    needsSecondStep: boolean;
    /** The identity provider did MFA and the school trusts it to (SSO only). */
    mfaByProvider?: boolean;
    req: { ip: string | null; userAgent: string | null };
    /** What the audit log calls a first step accepted with a second still to come. */
    firstStep: 'auth.password-accepted' | 'auth.sso.accepted';
    detail: Record<string, string | boolean>;
  },
): Promise<{ token: string; context: SessionContext }> {
  const { account, grants, req } = input;
  const now = haven.now();
  const actor = { ...input.actor, grants };
  const target = { type: 'account', id: account.id, schoolId: account.schoolId };
  const token = newToken();
  const session = await createSession(haven.db, {
    id: tokenId(token),
    accountId: account.id,
    csrfToken: newToken(),
    stage: input.needsSecondStep ? 'password' : 'signed-in',
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + haven.config.sessionMaxHours * 3_600_000).toISOString(),
    ip: req.ip,
    userAgent: req.userAgent?.slice(0, 300) ?? null,
    mfaByProvider: input.mfaByProvider ?? false,
  });
  const stage = stageOf(session, account, grants);
  await audit(haven.db, actor, stage === 'signed-in' ? 'auth.sign-in' : input.firstStep, target, {
    ...input.detail,
    next: stage,
  });
  return { token, context: { session, account, grants, stage, actor } };
}

/**
 * The session behind a cookie token, or null. A session idle for longer than the configured
 * time (10 minutes by default, seed 001) or past its maximum age is ended here.
 */
export async function resolveSession(
  haven: Haven,
  token: string | undefined,
  ip: string | null,
): Promise<SessionContext | null> {
  if (!token || token.length > 200) return null;
  const id = tokenId(token);
  const session = await getSession(haven.db, id);
  if (!session) return null;
  const now = haven.now();
  const idleMs = haven.config.idleTimeoutMinutes * 60_000;
  const account = await getAccountById(haven.db, session.accountId);
  if (!account || account.disabledAt) {
    await deleteSession(haven.db, id);
    return null;
  }
  if (Date.parse(session.lastSeenAt) + idleMs < now.getTime() || session.expiresAt <= now.toISOString()) {
    await deleteSession(haven.db, id);
    const maximumAge = session.expiresAt <= now.toISOString();
    await audit(
      haven.db,
      actorFor(account, ip),
      'auth.session-expired',
      { type: 'account', id: account.id },
      {
        reason: maximumAge ? 'maximum-age' : 'idle',
      },
    );
    throw maximumAge ? errors.expired(haven.config.sessionMaxHours) : errors.idle();
  }
  await touchSession(haven.db, id, { lastSeenAt: now.toISOString() });
  const grants = await effectiveGrants(haven, account);
  return {
    session: { ...session, lastSeenAt: now.toISOString() },
    account,
    grants,
    stage: stageOf(session, account, grants),
    actor: actorFor(account, ip, grants),
  };
}

async function toSignedIn(haven: Haven, ctx: SessionContext, account: Account): Promise<SessionContext> {
  // A new CSRF token at each privilege change, so a token seen before sign-in is useless after.
  const session =
    (await updateSession(haven.db, ctx.session.id, { stage: 'signed-in', csrfToken: newToken() })) ??
    ctx.session;
  return { ...ctx, session, account, stage: 'signed-in' };
}

/** The second step: a TOTP code (each time step once only) or an unused recovery code. */
export async function verifySecondFactor(
  haven: Haven,
  ctx: SessionContext,
  code: string,
): Promise<SessionContext> {
  const account = ctx.account;
  const target = { type: 'account', id: account.id, schoolId: account.schoolId };
  if (ctx.stage !== 'mfa-challenge' || !account.totpSecret || !account.totpEnabledAt) {
    throw errors.mfaStage('There is no two-factor check waiting for this session.');
  }
  if (account.lockedUntil && account.lockedUntil > haven.now().toISOString())
    throw errors.locked(account.lockedUntil);
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const step = matchTotp(haven.box.open(account.totpSecret), trimmed, haven.now().getTime());
    if (step !== null && (await claimTotpStep(haven.db, account.id, step))) {
      await updateAccount(haven.db, account.id, { failedAttempts: 0, lastFailedAt: null });
      await audit(haven.db, ctx.actor, 'auth.sign-in', target, { method: 'totp' });
      return toSignedIn(haven, ctx, account);
    }
    await countFailure(haven, ctx, 'auth.mfa.failed', step === null ? 'wrong-code' : 'replayed-code');
    throw errors.mfaInvalid();
  }
  if (await useRecoveryCode(haven.db, account.id, recoveryCodeHash(trimmed))) {
    await updateAccount(haven.db, account.id, { failedAttempts: 0, lastFailedAt: null });
    const left = (await getAccountById(haven.db, account.id))?.recoveryCodes.length ?? 0;
    await audit(haven.db, ctx.actor, 'auth.sign-in', target, {
      method: 'recovery-code',
      recoveryCodesLeft: left,
    });
    return toSignedIn(haven, ctx, account);
  }
  await countFailure(haven, ctx, 'auth.mfa.failed', 'wrong-recovery-code');
  throw errors.mfaInvalid();
}

/**
 * Starts two-factor set-up: a new secret, held encrypted apart from any secret in use until it
 * is confirmed. An account that already has two-factor cannot replace it from a session alone
 * (a computer left signed in must not hand over the second factor): an administrator resets it.
 */
export async function startEnrolment(
  haven: Haven,
  ctx: SessionContext,
): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
  if (ctx.stage === 'mfa-challenge') throw errors.mfaStage('Enter your current two-factor code first.');
  if (ctx.account.totpEnabledAt) {
    throw errors.conflict(
      'Two-factor sign-in is already on. To move it to a new device, ask your school administrator to reset it.',
    );
  }
  const secret = base32Encode(randomBytes(20));
  const url = otpauthUrl(secret, ctx.account.email);
  await updateAccount(haven.db, ctx.account.id, { totpPendingSecret: haven.box.seal(secret) });
  const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  await audit(haven.db, ctx.actor, 'auth.mfa.enrol-started', {
    type: 'account',
    id: ctx.account.id,
    schoolId: ctx.account.schoolId,
  });
  return { secret, otpauthUrl: url, qrSvg };
}

/** Confirms enrolment with a code from the new secret; returns ten recovery codes, shown once. */
export async function confirmEnrolment(
  haven: Haven,
  ctx: SessionContext,
  code: string,
): Promise<{ context: SessionContext; recoveryCodes: string[] }> {
  const account = (await getAccountById(haven.db, ctx.account.id)) ?? ctx.account;
  const target = { type: 'account', id: account.id, schoolId: account.schoolId };
  if (ctx.stage === 'mfa-challenge') throw errors.mfaStage('Enter your current two-factor code first.');
  if (account.totpEnabledAt) throw errors.conflict('Two-factor sign-in is already on.');
  if (!account.totpPendingSecret) throw errors.mfaStage('Start two-factor set-up first.');
  const secret = haven.box.open(account.totpPendingSecret);
  const step = matchTotp(secret, code.trim(), haven.now().getTime());
  if (step === null) {
    await audit(haven.db, ctx.actor, 'auth.mfa.failed', target, { reason: 'enrolment-wrong-code' });
    throw errors.mfaInvalid();
  }
  const recoveryCodes = newRecoveryCodes();
  const updated = await updateAccount(haven.db, account.id, {
    totpSecret: haven.box.seal(secret),
    totpPendingSecret: null,
    failedAttempts: 0,
    lastFailedAt: null,
    totpEnabledAt: haven.now().toISOString(),
    totpLastStep: step,
    recoveryCodes: recoveryCodes.map(recoveryCodeHash),
  });
  await audit(haven.db, ctx.actor, 'auth.mfa.enrolled', target);
  await audit(haven.db, ctx.actor, 'auth.sign-in', target, { method: 'totp-enrolment' });
  const context = await toSignedIn(haven, ctx, updated ?? account);
  return { context, recoveryCodes };
}

export async function signOut(haven: Haven, ctx: SessionContext): Promise<void> {
  await deleteSession(haven.db, ctx.session.id);
  await audit(haven.db, ctx.actor, 'auth.sign-out', {
    type: 'account',
    id: ctx.account.id,
    schoolId: ctx.account.schoolId,
  });
}

/**
 * A password check for a gateway's proxy sign-in (Basic: it has no second step). It follows
 * every guard of a web sign-in, but a success neither clears nor adds to the failure count: the
 * count it claimed is given back. So a known password used at the proxy cannot reset the count
 * between guesses of a second-factor code, and a browser that signs in to the proxy all day
 * never locks its owner out.
 */
export async function checkProxyPassword(
  haven: Haven,
  req: { email: string; password: string; ip: string | null },
): Promise<{ account: Account; grants: string[] }> {
  const now = haven.now();
  const before = await getAccountByEmail(haven.db, req.email);
  const { account } = await checkPassword(haven, req, now);
  await updateAccount(haven.db, account.id, {
    failedAttempts: before && !before.lockedUntil ? before.failedAttempts : 0,
    lastFailedAt: before && !before.lockedUntil ? before.lastFailedAt : null,
  });
  return { account, grants: await effectiveGrants(haven, account) };
}

export class PasswordRejected extends Error {
  constructor(readonly reasons: string[]) {
    super(reasons.join('; '));
  }
}

/** Checks a new password against the rules; throws PasswordRejected with the reasons. */
export function assertAcceptablePassword(password: string, personal: string[]): void {
  const problems = passwordProblems(password, personal);
  if (problems.length > 0) throw new PasswordRejected(problems);
}

export async function changePassword(
  haven: Haven,
  ctx: SessionContext,
  current: string,
  next: string,
): Promise<void> {
  const target = { type: 'account', id: ctx.account.id, schoolId: ctx.account.schoolId };
  if (!(await verifyPassword(ctx.account.passwordHash, current))) {
    await countFailure(haven, ctx, 'auth.password-change.failed', 'wrong-current-password');
    throw errors.validation([{ path: 'currentPassword', reason: 'is not your current password' }]);
  }
  const problems = passwordProblems(next, [ctx.account.email, ctx.account.displayName]);
  if (problems.length > 0)
    throw errors.validation(problems.map((reason) => ({ path: 'newPassword', reason })));
  await updateAccount(haven.db, ctx.account.id, {
    passwordHash: await hashPassword(next),
    passwordChangedAt: haven.now().toISOString(),
  });
  // Every other session ends: a changed password should shut out whoever knew the old one.
  await deleteSessionsForAccount(haven.db, ctx.account.id, { except: ctx.session.id });
  await audit(haven.db, ctx.actor, 'auth.password-changed', target);
}
