/**
 * Regression tests for what the review of the foundation found: a known password resetting the
 * failure count between second-factor guesses; an online safety lead approving a policy that
 * gives their own role more access; a stale cookie blocking a new sign-in.
 */
import { beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/passwords.ts';
import { base32Decode, hotp, TOTP_STEP_SECONDS, totpStep } from '../../src/auth/totp.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { createAccount } from '../../src/repositories/accounts.ts';
import { LOCK_AFTER } from '../../src/services/auth-service.ts';
import { forEachHaven, TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';

forEachHaven('review fixes', (t) => {
  let demo: DemoResult;
  let n = 0;

  beforeAll(async () => {
    demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 4 });
  });

  async function enrolledAdmin(grants: string[]) {
    const password = `harbour-thistle-${++n}-ember`;
    const account = await createAccount(t.haven.db, {
      schoolId: demo.school.id,
      email: `review-${n}-${t.dialect}@milford-haven.example`,
      displayName: `Reviewer ${n}`,
      passwordHash: await hashPassword(password),
      grants,
    });
    const browser = new TestBrowser(t.app);
    await browser.signIn(account.email, password);
    const key = base32Decode((await browser.post('/api/session/mfa/enrol/start')).json().secret);
    const confirmed = await browser.post('/api/session/mfa/enrol/confirm', {
      code: hotp(key, totpStep(t.clock.now().getTime())),
    });
    expect(confirmed.statusCode).toBe(200);
    t.clock.advance(TOTP_STEP_SECONDS * 1000);
    return { email: account.email, password, key, browser };
  }

  it('does not let a known password reset the count between second-factor guesses (R001-147)', async () => {
    const account = await enrolledAdmin(['school-admin']);
    let locked = false;
    // Rounds of: password (right), then wrong codes. Without the fix the count went back to 0 at
    // every password, and the lock was never reached.
    for (let round = 0; round < LOCK_AFTER && !locked; round++) {
      const browser = new TestBrowser(t.app);
      const res = await browser.signIn(account.email, account.password);
      if (res.statusCode === 429) {
        t.clock.advance(Number(res.headers['retry-after'] ?? 1) * 1000);
        continue;
      }
      if (res.statusCode === 423) {
        locked = true;
        break;
      }
      expect(res.json().stage).toBe('mfa-challenge');
      for (let guess = 0; guess < 3; guess++) {
        const wrong = await browser.post('/api/session/mfa', { code: String(100000 + guess) });
        if (wrong.statusCode === 423) {
          locked = true;
          break;
        }
        expect(wrong.statusCode).toBe(401);
      }
    }
    expect(locked).toBe(true);
    // Locked: even the right code after the right password is refused.
    const after = new TestBrowser(t.app);
    expect((await after.signIn(account.email, account.password)).statusCode).toBe(423);
  });

  it("refuses an online safety lead's approval of a version that changes what access a role carries", async () => {
    const lead = await enrolledAdmin(['online-safety-lead']);
    const browser = new TestBrowser(t.app);
    await browser.signIn(lead.email, lead.password);
    expect(
      (await browser.post('/api/session/mfa', { code: hotp(lead.key, totpStep(t.clock.now().getTime())) }))
        .statusCode,
    ).toBe(200);
    const current = (await browser.get(`/api/schools/${demo.school.id}/policy`)).json();
    const document = structuredClone(current.document);
    const officer = document.roles.find((r: { title: string }) => r.title === 'e-Safety Officer');
    officer.kinds = [...officer.kinds, 'headteacher'];
    const draft = await browser.post(`/api/schools/${demo.school.id}/policy/versions`, { document });
    expect(draft.statusCode).toBe(201);
    const approval = `/api/schools/${demo.school.id}/policy/versions/${draft.json().versionId}/approval`;
    const refused = await browser.post(approval, {
      approvedOn: '2026-11-20',
      approvedBy: 'Full governing body',
    });
    expect(expectError(refused, 403, 'forbidden').message).toMatch(/headteacher or the school administrator/);

    // The school administrator may approve it.
    const admin = await new SignIns(t).browser(credential(demo, 'admin'));
    expect(
      (await admin.post(approval, { approvedOn: '2026-11-20', approvedBy: 'Full governing body' }))
        .statusCode,
    ).toBe(200);
  });

  it('lets a browser with an idle session cookie sign in again straight away', async () => {
    const signIns = new SignIns(t);
    const teacher = credential(demo, 'teacher');
    const browser = await signIns.browser(teacher);
    t.clock.advance((t.haven.config.idleTimeoutMinutes + 1) * 60_000);
    // The session's own CSRF token died with it; the browser's anonymous double-submit token stands.
    browser.csrf = browser.cookies.get('haven_csrf') ?? '';
    expect(browser.csrf).not.toBe('');
    const again = await browser.post('/api/session', { email: teacher.email, password: teacher.password });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().stage).toBe('signed-in');
    expect((await browser.get('/api/health')).statusCode).toBe(200);
  });
});
