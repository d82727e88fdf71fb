/**
 * Two-factor sign-in (R001-147 "two-factor authentication for staff using critical systems,
 * including Haven"; docs/security.md "Two-factor sign-in"), beyond the happy path that
 * sign-in-flow.test.ts walks: wrong, stale and replayed codes, stage checks, secrets at rest,
 * audit — and the gaps found while writing these tests.
 */
import { beforeAll, expect, it } from 'vitest';
import { listAudit, verifyAudit } from '../../src/audit/audit-log.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import { base32Decode, hotp, TOTP_STEP_SECONDS, totpStep } from '../../src/auth/totp.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { createAccount, getAccountById } from '../../src/repositories/accounts.ts';
import { LOCK_AFTER } from '../../src/services/auth-service.ts';
import { forEachHaven, TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';

const STEP_MS = TOTP_STEP_SECONDS * 1000;

forEachHaven('two-factor sign-in (R001-147)', (t) => {
  let demo: DemoResult;
  let n = 0;

  /** A new account that must use two-factor (school-admin), enrolled; returns its secret. */
  const enrolledAccount = async () => {
    const password = `lantern-orchard-${++n}-quartz`;
    const account = await createAccount(t.haven.db, {
      schoolId: demo.school.id,
      email: `mfa-${n}-${t.dialect}@milford-haven.example`,
      displayName: `Second Factor ${n}`,
      passwordHash: await hashPassword(password),
      grants: ['school-admin'],
    });
    const browser = new TestBrowser(t.app);
    expect((await browser.signIn(account.email, password)).json().stage).toBe('mfa-enrol');
    const start = await browser.post('/api/session/mfa/enrol/start');
    const secret = start.json().secret as string;
    const key = base32Decode(secret);
    const confirm = await browser.post('/api/session/mfa/enrol/confirm', {
      code: hotp(key, totpStep(t.clock.now().getTime())),
    });
    expect(confirm.statusCode).toBe(200);
    t.clock.advance(STEP_MS); // the enrolment code's step is used up
    return {
      id: account.id,
      email: account.email,
      password,
      secret,
      key,
      recoveryCodes: confirm.json().recoveryCodes as string[],
      browser,
      code: (offsetSteps = 0) => hotp(key, totpStep(t.clock.now().getTime()) + offsetSteps),
    };
  };

  /** A browser at the mfa-challenge stage for the account. */
  const challenged = async (account: { email: string; password: string }) => {
    const browser = new TestBrowser(t.app);
    const res = await browser.signIn(account.email, account.password);
    expect(res.json().stage).toBe('mfa-challenge');
    return browser;
  };

  beforeAll(async () => {
    demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 4 });
  });

  it('requires two-factor of exactly the demo accounts that reach safeguarding or personal data', async () => {
    const signIns = new SignIns(t);
    for (const local of ['admin', 'dsl', 'teacher', 'governor'] as const) {
      const cred = credential(demo, local);
      const browser = new TestBrowser(t.app);
      const res = await browser.signIn(cred.email, cred.password);
      expect(res.json().stage, local).toBe(cred.twoFactor === 'required' ? 'mfa-enrol' : 'signed-in');
      expect(res.json().account.mfaRequired, local).toBe(cred.twoFactor === 'required');
      if (cred.twoFactor === 'required') await signIns.complete(new TestBrowser(t.app), cred);
    }
  });

  it('refuses a wrong code with 401 auth.mfa-invalid, and audits it without the code', async () => {
    const account = await enrolledAccount();
    const browser = await challenged(account);
    const wrong = account.code() === '000000' ? '111111' : '000000';
    expectError(await browser.post('/api/session/mfa', { code: wrong }), 401, 'auth.mfa-invalid');
    expectError(
      await browser.post('/api/session/mfa', { code: 'not-a-recovery-code' }),
      401,
      'auth.mfa-invalid',
    );
    expect((await browser.get('/api/session')).json().stage).toBe('mfa-challenge');
    const events = (await listAudit(t.haven.db, { action: 'auth.mfa.failed', targetId: account.id })).items;
    expect(events.map((e) => e.detail.reason).sort()).toEqual(['wrong-code', 'wrong-recovery-code']);
    expect(JSON.stringify(events)).not.toContain(wrong);
    // The right code still works afterwards.
    expect((await browser.post('/api/session/mfa', { code: account.code() })).json().stage).toBe('signed-in');
  });

  it('allows one step of clock drift either way, but not two', async () => {
    const account = await enrolledAccount();
    const tooOld = await challenged(account);
    expectError(await tooOld.post('/api/session/mfa', { code: account.code(-2) }), 401, 'auth.mfa-invalid');
    expectError(await tooOld.post('/api/session/mfa', { code: account.code(2) }), 401, 'auth.mfa-invalid');
    expect((await tooOld.post('/api/session/mfa', { code: account.code(1) })).statusCode).toBe(200);
    // A code one step behind is accepted only if that step is later than the last one used.
    t.clock.advance(3 * STEP_MS);
    const behind = await challenged(account);
    expect((await behind.post('/api/session/mfa', { code: account.code(-1) })).statusCode).toBe(200);
  });

  it('refuses a code from a step before the last one accepted (no replay, even of an older code)', async () => {
    const account = await enrolledAccount();
    const first = await challenged(account);
    const used = account.code(1); // the step after the current one
    expect((await first.post('/api/session/mfa', { code: used })).statusCode).toBe(200);
    const second = await challenged(account);
    expectError(await second.post('/api/session/mfa', { code: account.code() }), 401, 'auth.mfa-invalid');
    expectError(await second.post('/api/session/mfa', { code: used }), 401, 'auth.mfa-invalid');
    const replays = (await listAudit(t.haven.db, { action: 'auth.mfa.failed', targetId: account.id })).items;
    expect(replays.map((e) => e.detail.reason)).toEqual(['replayed-code', 'replayed-code']);
  });

  it('keeps the secret encrypted at rest and hands out ten recovery codes, stored only as hashes', async () => {
    const account = await enrolledAccount();
    const stored = (await getAccountById(t.haven.db, account.id))!;
    expect(stored.totpSecret).toBeTruthy();
    expect(stored.totpSecret).not.toContain(account.secret);
    expect(t.haven.box.open(stored.totpSecret!)).toBe(account.secret);
    expect(account.recoveryCodes).toHaveLength(10);
    expect(new Set(account.recoveryCodes).size).toBe(10);
    expect(stored.recoveryCodes).toHaveLength(10);
    for (const code of account.recoveryCodes) expect(JSON.stringify(stored)).not.toContain(code);
    const events = (await listAudit(t.haven.db, { targetId: account.id, limit: 50 })).items;
    const text = JSON.stringify(events);
    expect(text).not.toContain(account.secret);
    for (const code of account.recoveryCodes) expect(text).not.toContain(code);
  });

  it('lets a session at each stage do only what that stage allows', async () => {
    const account = await enrolledAccount();
    const browser = await challenged(account);
    // Waiting for the code: no enrolment (which would replace the factor), no password change.
    expectError(await browser.post('/api/session/mfa/enrol/start'), 403, 'auth.mfa-required');
    expectError(
      await browser.post('/api/session/mfa/enrol/confirm', { code: account.code() }),
      403,
      'auth.mfa-required',
    );
    expectError(
      await browser.post('/api/account/password', {
        currentPassword: account.password,
        newPassword: 'x'.repeat(20),
      }),
      403,
      'auth.mfa-required',
    );
    expect((await browser.get('/api/session')).json().account.grants).toEqual([]);
    // Signed in: there is no challenge waiting.
    expect((await browser.post('/api/session/mfa', { code: account.code() })).statusCode).toBe(200);
    expectError(await browser.post('/api/session/mfa', { code: account.code() }), 403, 'auth.mfa-required');
    // Anonymous: nothing.
    const anonymous = new TestBrowser(t.app);
    await anonymous.get('/api/session');
    expectError(await anonymous.post('/api/session/mfa', { code: '123456' }), 401, 'auth.required');
    expectError(await anonymous.post('/api/session/mfa/enrol/start'), 401, 'auth.required');
  });

  it('refuses to confirm an enrolment that was never started', async () => {
    const password = 'juniper-beacon-ripple-umber';
    const account = await createAccount(t.haven.db, {
      schoolId: demo.school.id,
      email: `never-started-${t.dialect}@milford-haven.example`,
      displayName: 'Never Started',
      passwordHash: await hashPassword(password),
      grants: ['dsl'],
    });
    const browser = new TestBrowser(t.app);
    expect((await browser.signIn(account.email, password)).json().stage).toBe('mfa-enrol');
    expectError(
      await browser.post('/api/session/mfa/enrol/confirm', { code: '123456' }),
      403,
      'auth.mfa-required',
    );
    expect((await getAccountById(t.haven.db, account.id))!.totpEnabledAt).toBeNull();
  });

  // A set-up started and not confirmed must never disturb the authenticator in use. Since
  // two-factor cannot be replaced from a session (see below), the start is refused outright;
  // the pending secret lives in its own column either way.
  it('keeps the enrolled authenticator working when a new set-up is started but not confirmed', async () => {
    const account = await enrolledAccount();
    const signedIn = await challenged(account);
    expect((await signedIn.post('/api/session/mfa', { code: account.code() })).statusCode).toBe(200);
    expect((await signedIn.post('/api/session/mfa/enrol/start')).statusCode).toBe(409);
    await signedIn.delete('/api/session');
    t.clock.advance(STEP_MS);
    const next = await challenged(account);
    const res = await next.post('/api/session/mfa', { code: account.code() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().stage).toBe('signed-in');
  });

  // Regression guard (was a security bug, fixed): a signed-in session can replace the second factor — a new secret and ten new
  // recovery codes, the old ones void — without the current code or password
  // (auth-service.ts startEnrolment/confirmEnrolment). Anyone at a computer left signed in
  // (the case R001-165 guards against) can take over or lock out the DSL's two-factor. Replacing
  // an enrolled factor should need proof: the current TOTP code, a recovery code or the password.
  it('does not let a signed-in session replace the second factor without proof', async () => {
    const account = await enrolledAccount();
    const browser = await challenged(account);
    expect((await browser.post('/api/session/mfa', { code: account.code() })).statusCode).toBe(200);
    const start = await browser.post('/api/session/mfa/enrol/start');
    expect(start.statusCode).toBeGreaterThanOrEqual(400);
    expect(start.statusCode).toBeLessThan(500);
  });

  // Regression guard (was a security bug, fixed): wrong second-factor codes are audited but never limited
  // (auth-service.ts verifySecondFactor counts nothing), so someone with the password can keep
  // guessing six-digit codes for as long as the session lasts — about 1 in 333,000 per guess with
  // the ±1 step window, and nothing stops a script. Failed codes should count towards the same
  // back-off and lock as failed passwords (or end the session): after LOCK_AFTER wrong codes, even
  // the right one must not finish the sign-in.
  it('stops accepting codes after repeated wrong guesses', async () => {
    const account = await enrolledAccount();
    const browser = await challenged(account);
    const right = account.code();
    const valid = new Set([account.code(-1), right, account.code(1)]);
    const guesses = Array.from({ length: LOCK_AFTER + 10 }, (_, i) =>
      String((Number(right) + 7_919 * (i + 1)) % 1_000_000).padStart(6, '0'),
    ).filter((g) => !valid.has(g));
    for (const guess of guesses.slice(0, LOCK_AFTER + 5)) {
      const res = await browser.post('/api/session/mfa', { code: guess });
      expect(res.statusCode).not.toBe(200);
    }
    const res = await browser.post('/api/session/mfa', { code: right });
    expect(res.statusCode).not.toBe(200);
    expect((await browser.get('/api/session')).json().stage).not.toBe('signed-in');
  });

  it('keeps an intact audit chain', async () => {
    const result = await verifyAudit(t.haven.db);
    expect(result.ok).toBe(true);
    expect(result.count).toBeGreaterThan(20);
  });
});
