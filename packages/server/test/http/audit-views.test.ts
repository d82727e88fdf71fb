/**
 * Views of personal data and sign-ins are in the audit log (R001-246 "audit log of every log-in
 * and of who viewed ... user accounts"; docs/security.md "Audit log"): listing people writes a
 * `people.listed` event with the filter but not the results or the search text, a refused
 * listing writes none, and the hash chain verifies afterwards.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type AuditEvent, listAudit, verifyAudit } from '../../src/audit/audit-log.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';

forEachHaven('audit of views and sign-ins', (t) => {
  let demo: DemoResult;
  let signIns: SignIns;
  let dsl: TestBrowser;
  let dslId: string;
  let people: string;

  const listed = async (): Promise<AuditEvent[]> =>
    (await listAudit(t.haven.db, { action: 'people.listed', schoolId: demo.school.id, limit: 500 })).items;

  beforeAll(async () => {
    demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 6 });
    signIns = new SignIns(t);
    dsl = await signIns.browser(credential(demo, 'dsl'));
    dslId = (await dsl.get('/api/session')).json().account.id;
    people = `/api/schools/${demo.school.id}/people`;
  });

  describe('listing people', () => {
    it('writes one people.listed event per listing, by whoever listed, with the filter and the count', async () => {
      const before = await listed();
      const res = await dsl.get(`${people}?kind=pupil&limit=3`);
      expect(res.statusCode).toBe(200);
      expect(res.json().people).toHaveLength(3);
      const after = await listed();
      expect(after).toHaveLength(before.length + 1);
      const event = after[0]!;
      expect(event.actorAccountId).toBe(dslId);
      expect(event.actorLabel).toBe(credential(demo, 'dsl').email);
      expect(event.schoolId).toBe(demo.school.id);
      expect(event.targetType).toBe('school');
      expect(event.targetId).toBe(demo.school.id);
      expect(event.detail).toEqual({ kind: 'pupil', searched: false, returned: 3 });
    });

    it('records that a search happened, not what was searched for, nor any name returned', async () => {
      const first = (await dsl.get(`${people}?kind=pupil&limit=1`)).json().people[0] as {
        displayName: string;
      };
      const surname = first.displayName.split(' ').at(-1)!;
      const res = await dsl.get(`${people}?q=${encodeURIComponent(surname)}`);
      expect(res.statusCode).toBe(200);
      const returned = res.json().people as { displayName: string; id: string }[];
      expect(returned.length).toBeGreaterThan(0);
      const event = (await listed())[0]!;
      expect(event.detail).toEqual({ kind: null, searched: true, returned: returned.length });
      const text = JSON.stringify(event);
      expect(text).not.toContain(surname);
      for (const person of returned) {
        expect(text).not.toContain(person.displayName);
        expect(text).not.toContain(person.id);
      }
    });

    it('writes nothing when the listing is refused (a teacher, another school, anonymous)', async () => {
      const before = await listed();
      const teacher = await signIns.browser(credential(demo, 'teacher'));
      expectError(await teacher.get(people), 403, 'forbidden');
      const westover = await createDemoSchool(t.haven, 'westover', { pupils: 2 });
      const westoverAdmin = await signIns.browser(credential(westover, 'admin'));
      expectError(await westoverAdmin.get(people), 403, 'forbidden');
      const anonymous = await t.app.inject({ method: 'GET', url: people });
      expectError(anonymous, 401, 'auth.required');
      expectError(await dsl.get(`${people}?limit=0`), 400, 'validation');
      expect(await listed()).toHaveLength(before.length);
    });

    it('does not count the overview (counts only, no list of people) as a listing', async () => {
      const before = await listed();
      expect((await dsl.get(`/api/schools/${demo.school.id}/overview`)).statusCode).toBe(200);
      expect(await listed()).toHaveLength(before.length);
    });
  });

  describe('sign-ins (R001-246)', () => {
    it('records the password step and the two-factor step of a sign-in, and the sign-out', async () => {
      const cred = credential(demo, 'admin');
      const browser = await signIns.browser(cred);
      const adminId = (await browser.get('/api/session')).json().account.id as string;
      await browser.delete('/api/session');
      const events = (await listAudit(t.haven.db, { actorAccountId: adminId, limit: 20 })).items
        .map((e) => e.action)
        .reverse();
      expect(events).toEqual([
        'auth.password-accepted',
        'auth.mfa.enrol-started',
        'auth.mfa.enrolled',
        'auth.sign-in',
        'auth.sign-out',
      ]);
      const again = await signIns.browser(cred);
      await again.delete('/api/session');
      const latest = (await listAudit(t.haven.db, { actorAccountId: adminId, limit: 3 })).items
        .map((e) => [e.action, e.detail])
        .reverse();
      expect(latest).toEqual([
        ['auth.password-accepted', { next: 'mfa-challenge' }],
        ['auth.sign-in', { method: 'totp' }],
        ['auth.sign-out', {}],
      ]);
    });

    it('records a password-only sign-in as auth.sign-in', async () => {
      await signIns.browser(credential(demo, 'governor'));
      const event = (await listAudit(t.haven.db, { action: 'auth.sign-in', limit: 1 })).items[0]!;
      expect(event.actorLabel).toBe(credential(demo, 'governor').email);
      expect(event.detail).toEqual({ next: 'signed-in' });
    });
  });

  it('verifies the whole chain at the end', async () => {
    const result = await verifyAudit(t.haven.db);
    expect(result.ok).toBe(true);
    expect(result.count).toBeGreaterThan(20);
    if (result.ok) expect(result.lastHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
