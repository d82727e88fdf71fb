/**
 * Single sign-on through OpenID Connect over real HTTP on both databases (issue 6 point 5): Haven
 * listens on 127.0.0.1, a real `oidc-provider` runs beside it, and the browser's part (redirects,
 * cookies, the provider's login) is driven with fetch. A sign-in through the provider reaches
 * /api/session as the account; every response that fails a check signs nobody in and is audited.
 * R001-125 (individual, audited log-in through single sign-on with the school's credentials),
 * R001-246 (every log-in audited), R004-075 (personal accounts only: no account is made or shared).
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { updateAccount } from '../../src/repositories/accounts.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';
import { CookieJar, startTestIdp, type TestIdp } from '../helpers/oidc.ts';

interface Flow {
  /** Where the provider sent the browser back. */
  callback: URL;
  /** Haven's answer to the callback. */
  landing: Response;
  session: { stage: string; account?: { email: string; grants: string[] } };
  jar: CookieJar;
}

forEachHaven('single sign-on through OpenID Connect', (t) => {
  let base: string;
  let idp: TestIdp;
  let demo: DemoResult;
  let admin: TestBrowser;
  let schoolId: string;
  let domain: string;

  const settings = (extra: Record<string, unknown> = {}) => ({
    label: 'Google Workspace',
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    allowedDomains: [domain],
    ...extra,
  });

  let signIns: SignIns;
  const put = async (extra: Record<string, unknown> = {}) => {
    // A fresh sign-in each time: tests move the clock past the idle timeout.
    admin = await signIns.browser(credential(demo, 'admin'));
    const res = await admin.request('PUT', `/api/schools/${schoolId}/sso`, settings(extra));
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  const user = (sub: string, claims: Record<string, unknown>) => {
    idp.users.set(sub, claims);
    idp.nextUser = sub;
  };

  /** The browser's part: start at Haven, through the provider's login, back to the callback. */
  async function toCallback(
    jar = new CookieJar(),
    provider?: TestIdp,
  ): Promise<{ callback: URL; jar: CookieJar }> {
    const start = await jar.get(`${base}/api/auth/oidc/${demo.school.slug}/start`);
    expect(start.status).toBe(302);
    let location = new URL(String(start.headers.get('location')));
    expect(location.origin).toBe(idp.issuer);
    // A mix-up: the same request answered by another provider.
    if (provider) location = new URL(`${location.pathname}${location.search}`, provider.issuer);
    const idpJar = new CookieJar();
    for (let hop = 0; hop < 10; hop++) {
      if (location.origin === base) return { callback: location, jar };
      const res = await idpJar.get(location.href);
      expect([302, 303], await res.clone().text()).toContain(res.status);
      location = new URL(String(res.headers.get('location')), location);
    }
    throw new Error('the provider never sent the browser back');
  }

  async function finish(callback: URL, jar: CookieJar): Promise<Omit<Flow, 'callback'>> {
    const landing = await jar.get(callback.href);
    expect(landing.status).toBe(302);
    const session = (await (await jar.get(`${base}/api/session`)).json()) as Flow['session'];
    return { landing, session, jar };
  }

  async function signInThroughIdp(): Promise<Flow> {
    const { callback, jar } = await toCallback();
    return { callback, ...(await finish(callback, jar)) };
  }

  const lastFailure = async () => {
    const row = await t.haven.db
      .selectFrom('audit_events')
      .select(['detail', 'action', 'target_id'])
      .where('action', '=', 'auth.sso.failed')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    return JSON.parse(row.detail) as Record<string, unknown>;
  };

  const expectRefused = async (flow: Omit<Flow, 'callback'>, reason: string) => {
    expect(flow.landing.headers.get('location')).toBe(`${base}/sign-in?sso=${reason}`);
    expect(flow.session.stage).toBe('anonymous');
    expect(flow.jar.cookies.has('haven_session')).toBe(false);
    const detail = await lastFailure();
    expect(detail.reason).toBe(reason);
    return detail;
  };

  beforeAll(async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    t.haven.config.publicUrl = base;
    idp = await startTestIdp(`${base}/api/auth/oidc/callback`);
    demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 2 });
    schoolId = demo.school.id;
    domain = credential(demo, 'teacher').email.split('@')[1] ?? '';
    signIns = new SignIns(t);
    admin = await signIns.browser(credential(demo, 'admin'));
  });

  afterAll(async () => {
    await idp?.close();
  });

  describe('settings', () => {
    it('keeps the client secret write-only and refuses bad settings field by field', async () => {
      const empty = await admin.get(`/api/schools/${schoolId}/sso`);
      expect(empty.json()).toMatchObject({ configured: false, clientSecretSet: false });

      const bad = await admin.request('PUT', `/api/schools/${schoolId}/sso`, {
        label: '',
        issuer: 'http://accounts.example.com',
        clientId: 'x',
        allowedDomains: ['not a domain'],
        tenantId: 'tenant',
      });
      expectError(bad, 400, 'validation');
      const paths = (bad.json() as { error: { details: { path: string }[] } }).error.details.map(
        (d) => d.path,
      );
      expect(paths).toEqual(expect.arrayContaining(['label', 'issuer', 'allowedDomains.0', 'tenantId']));
      const first = await admin.request('PUT', `/api/schools/${schoolId}/sso`, {
        ...settings(),
        clientSecret: undefined,
      });
      expectError(first, 400, 'validation');
      expect(first.body).toContain('clientSecret');

      const saved = await put();
      expect(saved).toMatchObject({
        configured: true,
        clientSecretSet: true,
        issuer: idp.issuer,
        redirectUri: `${base}/api/auth/oidc/callback`,
      });
      const read = await admin.get(`/api/schools/${schoolId}/sso`);
      expect(read.body).not.toContain(idp.clientSecret);
      const stored = await t.haven.db
        .selectFrom('sso_providers')
        .select('client_secret')
        .executeTakeFirstOrThrow();
      expect(stored.client_secret).not.toContain(idp.clientSecret);
      expect(t.haven.box.open(stored.client_secret)).toBe(idp.clientSecret);
      // Saved again without the secret: the stored one stays.
      const kept = await admin.request('PUT', `/api/schools/${schoolId}/sso`, {
        ...settings(),
        clientSecret: undefined,
      });
      expect(kept.statusCode).toBe(200);
      const audits = await t.haven.db
        .selectFrom('audit_events')
        .select('detail')
        .where('action', '=', 'sso.updated')
        .execute();
      expect(audits.map((a) => a.detail).join()).not.toContain(idp.clientSecret);

      const teacher = await signIns.browser(credential(demo, 'teacher'));
      expectError(await teacher.get(`/api/schools/${schoolId}/sso`), 403, 'forbidden');
    });

    it('lists the school on the sign-in page, with nothing secret', async () => {
      const res = await fetch(`${base}/api/auth/oidc/providers`);
      const body = (await res.json()) as { providers: Record<string, string>[] };
      expect(body.providers).toEqual([
        {
          school: demo.school.slug,
          schoolName: demo.school.name,
          label: 'Google Workspace',
          startUrl: `/api/auth/oidc/${demo.school.slug}/start`,
        },
      ]);
      expect(JSON.stringify(body)).not.toContain(idp.clientId);
    });
  });

  describe('signing in', () => {
    it('signs a member of staff in through the provider, as a password sign-in would', async () => {
      const teacher = credential(demo, 'teacher');
      user('teacher-sub', { email: teacher.email, email_verified: true });
      const flow = await signInThroughIdp();
      expect(flow.landing.headers.get('location')).toBe(`${base}/`);
      expect(flow.session.stage).toBe('signed-in');
      expect(flow.session.account?.email).toBe(teacher.email);
      // The login state was used: the same callback again signs nobody in.
      const again = new CookieJar();
      for (const [k, v] of flow.jar.cookies) if (k !== 'haven_session') again.cookies.set(k, v);
      const replay = await finish(flow.callback, again);
      await expectRefused(replay, 'no-login-state');
      const signedIn = await t.haven.db
        .selectFrom('audit_events')
        .select('detail')
        .where('action', '=', 'auth.sign-in')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(signedIn.detail)).toMatchObject({ method: 'oidc', next: 'signed-in' });
      // Nothing in the log carries the code or the state.
      const all = await t.haven.db.selectFrom('audit_events').select('detail').execute();
      const text = all.map((r) => r.detail).join('\n');
      expect(text).not.toContain(String(flow.callback.searchParams.get('code')));
      expect(text).not.toContain(String(flow.callback.searchParams.get('state')));
    });

    it("still asks for Haven's second step when the account needs two-factor", async () => {
      const dsl = credential(demo, 'dsl');
      user('dsl-sub', { email: dsl.email, email_verified: true });
      idp.amr = ['pwd', 'mfa'];
      const flow = await signInThroughIdp();
      expect(['mfa-enrol', 'mfa-challenge']).toContain(flow.session.stage);
      expect(flow.session.account?.grants).toEqual([]);
      const res = await fetch(`${base}/api/schools/${schoolId}/incidents`, {
        headers: { cookie: flow.jar.header() },
      });
      expect(res.status).toBe(403);
    });

    it("takes the provider's MFA instead only when the school says so and the token's amr says mfa", async () => {
      await put({ providerEnforcesMfa: true });
      const dsl = credential(demo, 'dsl');
      user('dsl-sub', { email: dsl.email, email_verified: true });
      idp.amr = ['pwd'];
      expect(['mfa-enrol', 'mfa-challenge']).toContain((await signInThroughIdp()).session.stage);
      idp.amr = ['pwd', 'mfa'];
      const flow = await signInThroughIdp();
      expect(flow.session.stage).toBe('signed-in');
      expect(flow.session.account?.grants).toContain('dsl');
      await put({ providerEnforcesMfa: false });
      idp.amr = ['pwd'];
    });
  });

  describe('refusals: nobody signed in, each audited', () => {
    const teacherUser = () =>
      user('teacher-sub', { email: credential(demo, 'teacher').email, email_verified: true });

    it('refuses a wrong state', async () => {
      teacherUser();
      const { callback, jar } = await toCallback();
      callback.searchParams.set('state', 'not-the-state');
      await expectRefused(await finish(callback, jar), 'state-mismatch');
    });

    it('refuses a callback without the browser cookie that began it', async () => {
      teacherUser();
      const { callback } = await toCallback();
      await expectRefused(await finish(callback, new CookieJar()), 'no-login-state');
    });

    it('refuses a sign-in begun more than ten minutes ago', async () => {
      teacherUser();
      const { callback, jar } = await toCallback();
      t.clock.advance(11 * 60_000);
      await expectRefused(await finish(callback, jar), 'expired');
    });

    it('refuses an ID token with the wrong nonce', async () => {
      teacherUser();
      idp.tamper = {
        claims: (c) => {
          c.nonce = 'another-nonce';
        },
      };
      const detail = await expectRefused(await signInThroughIdp(), 'token-invalid');
      expect(String(detail.check)).toContain('nonce');
    });

    it('refuses an ID token signed by a key the provider does not publish', async () => {
      teacherUser();
      idp.tamper = { otherKey: true };
      const detail = await expectRefused(await signInThroughIdp(), 'token-invalid');
      expect(String(detail.check)).not.toBe('');
    });

    it('refuses an ID token from another issuer', async () => {
      teacherUser();
      idp.tamper = {
        claims: (c) => {
          c.iss = 'https://accounts.example.com';
        },
      };
      const detail = await expectRefused(await signInThroughIdp(), 'token-invalid');
      expect(String(detail.check)).toContain('iss');
    });

    it('refuses an answer from a second provider, with its own keys and codes', async () => {
      idp.tamper = null;
      const second = await startTestIdp(`${base}/api/auth/oidc/callback`);
      try {
        second.users.set('teacher-sub', { email: credential(demo, 'teacher').email, email_verified: true });
        second.nextUser = 'teacher-sub';
        const { callback, jar } = await toCallback(new CookieJar(), second);
        expect(callback.searchParams.get('iss')).toBe(second.issuer);
        await expectRefused(await finish(callback, jar), 'token-invalid');
      } finally {
        await second.close();
      }
    });

    it('refuses an ID token for another audience', async () => {
      teacherUser();
      idp.tamper = {
        claims: (c) => {
          c.aud = 'some-other-client';
        },
      };
      const detail = await expectRefused(await signInThroughIdp(), 'token-invalid');
      expect(String(detail.check)).toContain('aud');
    });

    it('refuses an expired ID token', async () => {
      teacherUser();
      const now = Math.floor(Date.now() / 1000);
      idp.tamper = {
        claims: (c) => {
          c.iat = now - 3700;
          c.exp = now - 3600;
        },
      };
      const detail = await expectRefused(await signInThroughIdp(), 'token-invalid');
      expect(String(detail.check)).toMatch(/exp|iat/);
    });

    it('refuses an expired authorization code', async () => {
      teacherUser();
      idp.tamper = null;
      idp.codeTtlSeconds = 1;
      const { callback, jar } = await toCallback();
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const detail = await expectRefused(await finish(callback, jar), 'token-invalid');
      expect(String(detail.check)).toContain('invalid_grant');
      idp.codeTtlSeconds = 60;
    });

    it('refuses an e-mail the provider has not verified', async () => {
      idp.tamper = null;
      user('unverified', { email: credential(demo, 'teacher').email, email_verified: false });
      await expectRefused(await signInThroughIdp(), 'email-unverified');
    });

    it('refuses an e-mail of a domain the school has not allowed', async () => {
      user('elsewhere', { email: 'teacher@elsewhere.example', email_verified: true });
      const detail = await expectRefused(await signInThroughIdp(), 'domain-not-allowed');
      expect(detail.emailDomain).toBe('elsewhere.example');
    });

    it('refuses an e-mail with no account in the school, creating none', async () => {
      user('stranger', { email: `nobody@${domain}`, email_verified: true });
      const before = await t.haven.db.selectFrom('accounts').select('id').execute();
      await expectRefused(await signInThroughIdp(), 'no-account');
      expect(await t.haven.db.selectFrom('accounts').select('id').execute()).toHaveLength(before.length);
    });

    it('refuses a disabled or locked account', async () => {
      const teacher = credential(demo, 'teacher');
      teacherUser();
      const account = await t.haven.db
        .selectFrom('accounts')
        .select('id')
        .where('email', '=', teacher.email)
        .executeTakeFirstOrThrow();
      const until = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
      await updateAccount(t.haven.db, account.id, { lockedUntil: until });
      await expectRefused(await signInThroughIdp(), 'locked');
      await updateAccount(t.haven.db, account.id, {
        lockedUntil: null,
        disabledAt: t.clock.now().toISOString(),
      });
      await expectRefused(await signInThroughIdp(), 'disabled');
      await updateAccount(t.haven.db, account.id, { disabledAt: null });
    });

    it("refuses Google's hosted domain and Entra's tenant when they do not match", async () => {
      teacherUser();
      await put({ hostedDomain: domain });
      await expectRefused(await signInThroughIdp(), 'wrong-hosted-domain');
      await put({ tenantId: '00000000-0000-4000-8000-000000000001' });
      await expectRefused(await signInThroughIdp(), 'wrong-tenant');
      await put();
      expect((await signInThroughIdp()).session.stage).toBe('signed-in');
    });

    it('refuses to start when the school has no enabled provider', async () => {
      await put({ enabled: false });
      const start = await new CookieJar().get(`${base}/api/auth/oidc/${demo.school.slug}/start`);
      expect(start.status).toBe(302);
      expect(start.headers.get('location')).toBe(`${base}/sign-in?sso=not-configured`);
      const listed = (await (await fetch(`${base}/api/auth/oidc/providers`)).json()) as { providers: [] };
      expect(listed.providers).toEqual([]);
      await put();
    });
  });
});
