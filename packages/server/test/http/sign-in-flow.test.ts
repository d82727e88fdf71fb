import { beforeAll, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/audit-log.ts';
import { base32Decode, hotp, totpStep } from '../../src/auth/totp.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { forEachHaven, TestBrowser } from '../helpers/havens.ts';

forEachHaven('sign-in with two-factor, end to end over HTTP', (t) => {
  let demo: DemoResult;
  const cred = (local: string) => demo.credentials.find((c) => c.email.startsWith(`${local}@`))!;

  beforeAll(async () => {
    demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 12 });
  });

  it('lets a teacher (no safeguarding access) in with a password alone, and refuses them the directory', async () => {
    const browser = new TestBrowser(t.app);
    const res = await browser.signIn(cred('teacher').email, cred('teacher').password);
    expect(res.statusCode).toBe(200);
    expect(res.json().stage).toBe('signed-in');
    const overview = await browser.get(`/api/schools/${demo.school.id}/overview`);
    expect(overview.statusCode).toBe(200);
    expect(overview.json().school.name).toBe('Milford Haven School');
    const people = await browser.get(`/api/schools/${demo.school.id}/people`);
    expect(people.statusCode).toBe(403);
    expect(people.json().error.id).toBe('forbidden');
  });

  it('requires the DSL to set up two-factor before anything else, then to use it at every sign-in', async () => {
    const browser = new TestBrowser(t.app);
    const first = await browser.signIn(cred('dsl').email, cred('dsl').password);
    expect(first.json().stage).toBe('mfa-enrol');
    expect(first.json().account.grants).toEqual([]);
    const blocked = await browser.get(`/api/schools/${demo.school.id}/overview`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.id).toBe('auth.mfa-required');

    const enrol = await browser.post('/api/session/mfa/enrol/start');
    expect(enrol.statusCode).toBe(200);
    const { secret, qrSvg } = enrol.json() as { secret: string; qrSvg: string };
    expect(qrSvg).toContain('<svg');
    const key = base32Decode(secret);
    const code = () => hotp(key, totpStep(t.clock.now().getTime()));

    expect((await browser.post('/api/session/mfa/enrol/confirm', { code: '000000' })).statusCode).toBe(401);
    const confirmed = await browser.post('/api/session/mfa/enrol/confirm', { code: code() });
    expect(confirmed.statusCode).toBe(200);
    const recoveryCodes = confirmed.json().recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    expect(confirmed.json().session.stage).toBe('signed-in');
    expect(confirmed.json().session.account.grants).toContain('dsl');
    expect((await browser.get(`/api/schools/${demo.school.id}/people?kind=pupil`)).statusCode).toBe(200);
    expect((await browser.delete('/api/session')).statusCode).toBe(204);

    // The same code again (same time step) is a replay and is refused.
    const again = new TestBrowser(t.app);
    expect((await again.signIn(cred('dsl').email, cred('dsl').password)).json().stage).toBe('mfa-challenge');
    const replay = await again.post('/api/session/mfa', { code: code() });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.id).toBe('auth.mfa-invalid');
    t.clock.advance(30_000);
    const ok = await again.post('/api/session/mfa', { code: code() });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().stage).toBe('signed-in');

    // A recovery code works once.
    const third = new TestBrowser(t.app);
    await third.signIn(cred('dsl').email, cred('dsl').password);
    expect(
      (await third.post('/api/session/mfa', { code: recoveryCodes[0]!.toUpperCase() })).json().stage,
    ).toBe('signed-in');
    const fourth = new TestBrowser(t.app);
    await fourth.signIn(cred('dsl').email, cred('dsl').password);
    expect((await fourth.post('/api/session/mfa', { code: recoveryCodes[0]! })).statusCode).toBe(401);
  });

  it('keeps an intact audit chain through all of it', async () => {
    const result = await verifyAudit(t.haven.db);
    expect(result.ok).toBe(true);
    expect(result.count).toBeGreaterThan(10);
  });
});
