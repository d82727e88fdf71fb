/**
 * CSRF: every state-changing route refuses a request without the right x-csrf-token header, before
 * sign-in (double-submit cookie) and after (the session's own token, rotated when sign-in
 * completes). GETs need no token. See docs/security.md "Sessions and CSRF".
 */
import { policy } from '@haven/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/audit-log.ts';
import { newToken } from '../../src/auth/tokens.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../src/http/session.ts';
import { getAccountByEmail } from '../../src/repositories/accounts.ts';
import { listPeople } from '../../src/repositories/people.ts';
import { listPolicyVersions } from '../../src/repositories/policy-versions.ts';
import { assignRole, listRoleAssignmentsBySchool } from '../../src/repositories/role-assignments.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { saveDraft } from '../../src/services/policy-service.ts';
import { filterState } from '../helpers/filter.ts';
import { forEachHaven, TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns, sendWithCsrf } from '../helpers/http.ts';
import { type RouteIds, STATE_CHANGING_ROUTES } from '../helpers/routes.ts';

forEachHaven('CSRF protection on every state-changing route', (t) => {
  let demo: DemoResult;
  let signIns: SignIns;
  let ids: RouteIds;

  /** What a forged request could change: counted before and after. */
  const snapshot = async () => ({
    people: (await listPeople(t.haven.db, ids.schoolId)).total,
    versions: (await listPolicyVersions(t.haven.db, ids.schoolId)).map((v) => `${v.id}:${v.status}`),
    assignments: (await listRoleAssignmentsBySchool(t.haven.db, ids.schoolId)).map((a) => a.id).sort(),
    filter: await filterState(t.haven.db, ids.schoolId),
    sso: await t.haven.db.selectFrom('sso_providers').selectAll().execute(),
  });

  beforeAll(async () => {
    demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 4 });
    signIns = new SignIns(t);
    const schoolId = demo.school.id;
    const pupil = (await listPeople(t.haven.db, schoolId, { kind: 'pupil', limit: 1 })).items[0]!;
    const staff = (await listPeople(t.haven.db, schoolId, { kind: 'staff', limit: 1 })).items[0]!;
    const assignment = await assignRole(t.haven.db, {
      schoolId,
      personId: staff.id,
      policyRoleId: 'senior-leadership-team',
    });
    const draft = await saveDraft(t.haven, SYSTEM_ACTOR, schoolId, policy.template('milford-haven'), {
      skipAuthorise: true,
    });
    ids = {
      schoolId,
      versionId: draft.id,
      assignmentId: assignment.id,
      personId: pupil.id,
      policyRoleId: 'teaching-and-support-staff',
      templateId: 'milford-haven',
      matrix: 'communications',
      // CSRF is refused before any of these is looked at.
      exceptionId: 'not-reached',
      ownExceptionId: 'not-reached',
      reviewId: 'not-reached',
      gatewayId: 'not-reached',
      draftId: 'not-reached',
      incidentId: 'not-reached',
      evidenceId: 'not-reached',
      breachId: 'not-reached',
      alertId: 'not-reached',
      pupilId: pupil.id,
      trainingRecordId: 'not-reached',
      needsAuditId: 'not-reached',
      agreementId: 'not-reached',
      agreementVersion: '1',
      agreementTextHash: 'not-reached',
      signatureId: 'not-reached',
    };
  });

  it('needs no token for GETs, and hands an anonymous browser a double-submit cookie', async () => {
    const browser = new TestBrowser(t.app);
    const res = await browser.get('/api/session');
    expect(res.statusCode).toBe(200);
    const token = res.json().csrfToken as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = res.cookies.find((c) => c.name === CSRF_COOKIE);
    expect(cookie?.value).toBe(token);
    expect(cookie?.sameSite).toBe('Strict');
    expect(cookie?.httpOnly).toBe(true);

    const admin = await signIns.browser(credential(demo, 'admin'));
    admin.csrf = '';
    for (const url of [
      '/api/session',
      '/api/health',
      `/api/schools/${ids.schoolId}/overview`,
      `/api/schools/${ids.schoolId}/people`,
      `/api/schools/${ids.schoolId}/policy`,
      `/api/schools/${ids.schoolId}/policy/versions`,
    ]) {
      const got = await admin.request('GET', url, undefined, {});
      expect(got.statusCode, url).toBe(200);
    }
  });

  describe('before sign-in (double-submit cookie)', () => {
    for (const route of STATE_CHANGING_ROUTES) {
      it(`${route.name}: refuses a missing or wrong token with 403 csrf`, async () => {
        const browser = new TestBrowser(t.app);
        await browser.get('/api/session');
        expect(browser.cookies.get(CSRF_COOKIE)).toBeTruthy();
        const before = await snapshot();
        for (const token of [null, '', newToken(), `${browser.csrf}x`, browser.csrf.slice(1)]) {
          const res = await sendWithCsrf(
            browser,
            route.method,
            route.url(ids),
            route.body?.(ids, '2026-11-20'),
            token,
          );
          expectError(res, 403, 'csrf');
        }
        expect(await snapshot()).toEqual(before);
      });
    }

    it('refuses a header with no cookie to match, and a cookie with no header', async () => {
      const browser = new TestBrowser(t.app);
      await browser.get('/api/session');
      const token = browser.csrf;
      browser.cookies.delete(CSRF_COOKIE);
      expectError(
        await sendWithCsrf(browser, 'POST', '/api/session', { email: 'a@b.c', password: 'x' }, token),
        403,
        'csrf',
      );
      const fresh = new TestBrowser(t.app);
      await fresh.get('/api/session');
      expectError(
        await sendWithCsrf(fresh, 'POST', '/api/session', { email: 'a@b.c', password: 'x' }, null),
        403,
        'csrf',
      );
    });

    it('lets the matching token through (the request then fails on its merits, not on CSRF)', async () => {
      const browser = new TestBrowser(t.app);
      await browser.get('/api/session');
      const res = await browser.post('/api/session', { email: 'nobody@example.org', password: 'not it' });
      expectError(res, 401, 'auth.invalid');
      expectError(await browser.post(`/api/schools/${ids.schoolId}/people`, {}), 400, 'validation');
    });
  });

  describe('after sign-in (the session token)', () => {
    for (const route of STATE_CHANGING_ROUTES) {
      it(`${route.name}: refuses a missing, wrong, other session's or pre-sign-in token with 403 csrf`, async () => {
        const admin = new TestBrowser(t.app);
        await admin.get('/api/session');
        const anonymousToken = admin.csrf;
        await signIns.complete(admin, credential(demo, 'admin'));
        const teacher = await signIns.browser(credential(demo, 'teacher'));
        const before = await snapshot();
        const account = async () => {
          const a = (await getAccountByEmail(t.haven.db, credential(demo, 'admin').email))!;
          return [a.passwordHash, a.totpSecret, a.recoveryCodes.join()];
        };
        const accountBefore = await account();
        for (const token of [
          null,
          '',
          newToken(),
          anonymousToken,
          teacher.csrf,
          `${admin.csrf.slice(0, -1)}A`,
        ]) {
          if (token === admin.csrf) continue;
          const res = await sendWithCsrf(
            admin,
            route.method,
            route.url(ids),
            route.body?.(ids, '2026-11-20'),
            token,
          );
          expectError(res, 403, 'csrf');
        }
        expect(await snapshot()).toEqual(before);
        expect(await account()).toEqual(accountBefore);
        // Still signed in: not even the sign-out went through.
        const session = await admin.get('/api/session');
        expect(session.json().stage).toBe('signed-in');
        expect(admin.cookies.get(SESSION_COOKIE)).toBeTruthy();
      });
    }

    it('accepts the session token on the same routes (control)', async () => {
      const admin = await signIns.browser(credential(demo, 'admin'));
      const before = (await listPeople(t.haven.db, ids.schoolId)).total;
      const created = await admin.post(`/api/schools/${ids.schoolId}/people`, {
        kind: 'staff',
        givenName: 'Genuine',
        familyName: 'Request',
      });
      expect(created.statusCode).toBe(201);
      expect((await listPeople(t.haven.db, ids.schoolId)).total).toBe(before + 1);
      expect((await admin.delete('/api/session')).statusCode).toBe(204);
    });
  });

  describe('token rotation', () => {
    it('gives a new token when a password-only sign-in completes; the pre-sign-in token stops working', async () => {
      const browser = new TestBrowser(t.app);
      await browser.get('/api/session');
      const anonymous = browser.csrf;
      const teacher = credential(demo, 'teacher');
      const res = await browser.post('/api/session', { email: teacher.email, password: teacher.password });
      expect(res.json().stage).toBe('signed-in');
      const signedIn = res.json().csrfToken as string;
      expect(signedIn).not.toBe(anonymous);
      // The double-submit cookie is still in the browser, but no longer what the server checks.
      expect(browser.cookies.get(CSRF_COOKIE)).toBe(anonymous);
      expectError(await sendWithCsrf(browser, 'DELETE', '/api/session', undefined, anonymous), 403, 'csrf');
      expect((await browser.get('/api/session')).json().stage).toBe('signed-in');
      expect((await sendWithCsrf(browser, 'DELETE', '/api/session', undefined, signedIn)).statusCode).toBe(
        204,
      );
    });

    it('gives a new token again when two-factor completes (R001-147); the password-stage token stops working', async () => {
      const dsl = credential(demo, 'dsl');
      const browser = new TestBrowser(t.app);
      await browser.get('/api/session');
      const anonymous = browser.csrf;
      // First time: enrolment.
      const first = await browser.post('/api/session', { email: dsl.email, password: dsl.password });
      expect(first.json().stage).toBe('mfa-enrol');
      const passwordStage = first.json().csrfToken as string;
      expect(passwordStage).not.toBe(anonymous);
      expectError(
        await sendWithCsrf(browser, 'POST', '/api/session/mfa/enrol/start', {}, anonymous),
        403,
        'csrf',
      );
      await browser.delete('/api/session');
      await signIns.complete(browser, dsl);
      const afterEnrol = browser.csrf;
      expect(afterEnrol).not.toBe(passwordStage);
      expect((await browser.delete('/api/session')).statusCode).toBe(204);

      // Later sign-ins: the challenge.
      const again = new TestBrowser(t.app);
      const challenged = await again.signIn(dsl.email, dsl.password);
      expect(challenged.json().stage).toBe('mfa-challenge');
      const challengeToken = again.csrf;
      const done = await again.post('/api/session/mfa', { code: signIns.freshCode(dsl.email) });
      expect(done.json().stage).toBe('signed-in');
      expect(done.json().csrfToken).not.toBe(challengeToken);
      expectError(
        await sendWithCsrf(again, 'POST', `/api/schools/${ids.schoolId}/people`, {}, challengeToken),
        403,
        'csrf',
      );
    });

    it('refuses the signed-in token once the session has ended', async () => {
      const browser = await signIns.browser(credential(demo, 'teacher'));
      const token = browser.csrf;
      expect((await browser.delete('/api/session')).statusCode).toBe(204);
      expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
      expectError(
        await sendWithCsrf(browser, 'POST', '/api/session', { email: 'a@b.c', password: 'x' }, token),
        403,
        'csrf',
      );
    });
  });

  it('keeps an intact audit chain', async () => {
    const result = await verifyAudit(t.haven.db);
    expect(result.ok).toBe(true);
    expect(result.count).toBeGreaterThan(10);
  });
});
