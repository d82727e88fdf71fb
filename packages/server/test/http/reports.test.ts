/**
 * The activity report over HTTP on both databases: requests and blocked attempts by the school's
 * local day (the day the clocks go back is 25 hours long and keeps every one of them), by action,
 * group and category; the most blocked categories; alerts by day, severity, category and status;
 * the group and user filters; the default week; bad dates and ranges refused field by field; the
 * access table (and the user filter kept to those who read alerts); each look audit-logged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit, verifyAudit } from '../../src/audit/audit-log.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { insertFilterDecisions } from '../../src/repositories/filter-decisions.ts';
import { updateSchool } from '../../src/repositories/schools.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';
import { reportDecision, seedClockChange } from '../helpers/reports.ts';

forEachHaven('the activity report', (t) => {
  let demo: DemoResult;
  let india: DemoResult;
  let signIns: SignIns;
  let dsl: TestBrowser;
  let teacher: TestBrowser;
  let governor: TestBrowser;
  let admin: TestBrowser;
  let url: string;

  const report = async (browser: TestBrowser, query: string) => {
    const res = await browser.get(`${url}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 2 });
    india = await createDemoSchool(t.haven, 'westover', { pupils: 2 });
    await updateSchool(t.haven.db, india.school.id, { timeZone: 'Asia/Kolkata' });
    signIns = new SignIns(t);
    dsl = await signIns.browser(credential(demo, 'dsl'));
    teacher = await signIns.browser(credential(demo, 'teacher'));
    governor = await signIns.browser(credential(demo, 'governor'));
    admin = await signIns.browser(credential(demo, 'admin'));
    url = `/api/schools/${demo.school.id}/monitor/reports`;
    await seedClockChange(t.haven, demo.school.id);
    // The last day before the default week, and today (the test clock's Monday 23 November).
    await insertFilterDecisions(t.haven.db, [
      reportDecision(demo.school.id, '2026-11-16T23:59:59.000Z', 'ks3', 'amy.pupil', 'gambling', 'block'),
      reportDecision(demo.school.id, '2026-11-23T08:00:00.000Z', 'ks3', 'amy.pupil', 'gambling', 'block'),
      reportDecision(india.school.id, '2026-10-24T18:29:59.000Z', 'ks3', 'raj.pupil', 'gaming', 'block'),
      reportDecision(india.school.id, '2026-10-24T18:30:00.000Z', 'ks3', 'raj.pupil', 'gaming', 'block'),
    ]);
  });

  const views = async () =>
    (await listAudit(t.haven.db, { action: 'monitor.report-viewed', limit: 500 })).items.length;

  const sev = (s: Partial<Record<1 | 2 | 3 | 4 | 5, number>>) => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, ...s });

  it('counts every request in its local day, the day the clocks go back included, by action, group and category', async () => {
    const r = await report(dsl, '?from=2026-10-24&to=2026-10-26');
    expect(r).toMatchObject({
      from: '2026-10-24',
      to: '2026-10-26',
      timeZone: 'Europe/London',
      filters: { group: null, user: null },
      totals: { requests: 10, blocked: 6, byAction: { allow: 4, block: 6 } },
    });
    expect(r.days).toEqual([
      {
        day: '2026-10-24',
        requests: 3,
        blocked: 2,
        byAction: { allow: 1, block: 2 },
        byGroup: { ks3: 2, ks4: 1 },
        byCategory: { gambling: 1, shopping: 1, 'social-media': 1 },
      },
      {
        day: '2026-10-25',
        requests: 5,
        blocked: 3,
        byAction: { allow: 2, block: 3 },
        byGroup: { ks3: 2, ks4: 2, staff: 1 },
        byCategory: { gambling: 2, uncategorised: 1, 'social-media': 2 },
      },
      {
        day: '2026-10-26',
        requests: 2,
        blocked: 1,
        byAction: { allow: 1, block: 1 },
        byGroup: { ks3: 2 },
        byCategory: { shopping: 1, gaming: 1 },
      },
    ]);
    expect(r.byCategory).toEqual([
      { category: 'gambling', requests: 3, blocked: 3 },
      { category: 'social-media', requests: 3, blocked: 2 },
      { category: 'shopping', requests: 2, blocked: 0 },
      { category: 'gaming', requests: 1, blocked: 1 },
      { category: 'uncategorised', requests: 1, blocked: 0 },
    ]);
    expect(r.topBlockedCategories).toEqual([
      { category: 'gambling', blocked: 3 },
      { category: 'social-media', blocked: 2 },
      { category: 'gaming', blocked: 1 },
    ]);
    expect(r.byGroup).toEqual([
      { group: 'ks3', requests: 6, blocked: 4 },
      { group: 'ks4', requests: 3, blocked: 2 },
      { group: 'staff', requests: 1, blocked: 0 },
    ]);
  });

  it('counts alerts by the local day they were first seen, by severity, status and category', async () => {
    const { alerts } = await report(dsl, '?from=2026-10-24&to=2026-10-26');
    expect(alerts).toEqual({
      total: 5,
      bySeverity: sev({ 2: 1, 3: 2, 4: 1, 5: 1 }),
      byStatus: { new: 3, 'in-review': 0, escalated: 1, 'no-action': 0, 'false-positive': 1 },
      byDay: [
        { day: '2026-10-24', total: 1, bySeverity: sev({ 3: 1 }) },
        { day: '2026-10-25', total: 3, bySeverity: sev({ 3: 1, 4: 1, 5: 1 }) },
        { day: '2026-10-26', total: 1, bySeverity: sev({ 2: 1 }) },
      ],
      byCategory: [
        { category: 'bullying', total: 3, bySeverity: sev({ 2: 1, 3: 2 }) },
        { category: 'self-harm', total: 1, bySeverity: sev({ 4: 1 }) },
        { category: 'suicide', total: 1, bySeverity: sev({ 5: 1 }) },
      ],
    });
  });

  it('names no site, phrase or person when no one is asked about', async () => {
    const text = JSON.stringify(await report(dsl, '?from=2026-10-24&to=2026-10-26'));
    expect(text).not.toMatch(/reported\.example|reported phrase|amy\.pupil|ben\.pupil|10\.0\.0\.7/);
  });

  it('narrows to a group', async () => {
    const r = await report(dsl, '?from=2026-10-24&to=2026-10-26&group=ks4');
    expect(r.filters).toEqual({ group: 'ks4', user: null });
    expect(r.totals).toEqual({ requests: 3, blocked: 2, byAction: { allow: 1, block: 2 } });
    expect(r.days.map((d: { requests: number; blocked: number }) => [d.requests, d.blocked])).toEqual([
      [1, 1],
      [2, 1],
      [0, 0],
    ]);
    expect(r.byGroup).toEqual([{ group: 'ks4', requests: 3, blocked: 2 }]);
    expect(r.topBlockedCategories).toEqual([{ category: 'social-media', blocked: 2 }]);
    expect(r.alerts.total).toBe(2);
    expect(r.alerts.byCategory.map((c: { category: string }) => c.category)).toEqual([
      'bullying',
      'self-harm',
    ]);
    const none = await report(dsl, '?from=2026-10-24&to=2026-10-26&group=no-such-group');
    expect(none.totals.requests).toBe(0);
    expect(none.days).toHaveLength(3);
  });

  it('narrows to a user, alone or within a group', async () => {
    const r = await report(dsl, '?from=2026-10-24&to=2026-10-26&user=amy.pupil');
    expect(r.filters).toEqual({ group: null, user: 'amy.pupil' });
    expect(r.totals).toEqual({ requests: 5, blocked: 3, byAction: { allow: 2, block: 3 } });
    expect(r.days.map((d: { requests: number }) => d.requests)).toEqual([2, 2, 1]);
    expect(r.alerts.total).toBe(3);
    expect(r.alerts.bySeverity).toEqual(sev({ 2: 1, 3: 1, 5: 1 }));
    const both = await report(dsl, '?from=2026-10-24&to=2026-10-26&user=amy.pupil&group=ks4');
    expect(both.totals.requests).toBe(0);
    expect(both.alerts.total).toBe(0);
  });

  it('buckets by the school’s own zone, half-hour offsets too (Asia/Kolkata)', async () => {
    const res = await signIns.browser(credential(india, 'dsl'));
    const r = (
      await res.get(`/api/schools/${india.school.id}/monitor/reports?from=2026-10-24&to=2026-10-25`)
    ).json();
    expect(r.timeZone).toBe('Asia/Kolkata');
    expect(r.days.map((d: { day: string; requests: number }) => [d.day, d.requests])).toEqual([
      ['2026-10-24', 1],
      ['2026-10-25', 1],
    ]);
  });

  it('covers the week up to today in the school’s zone by default, or a week from or up to one date', async () => {
    const week = await report(dsl, '');
    expect([week.from, week.to]).toEqual(['2026-11-17', '2026-11-23']);
    expect(week.days).toHaveLength(7);
    expect(week.totals.requests).toBe(1);
    expect(week.days.at(-1)).toMatchObject({ day: '2026-11-23', requests: 1, blocked: 1 });
    const from = await report(dsl, '?from=2026-10-24');
    expect([from.from, from.to]).toEqual(['2026-10-24', '2026-10-30']);
    expect(from.totals.requests).toBe(11);
    const to = await report(dsl, '?to=2026-10-26');
    expect([to.from, to.to]).toEqual(['2026-10-20', '2026-10-26']);
    expect(to.totals.requests).toBe(11);
  });

  it('takes a whole year (366 days with a leap day) and no more', async () => {
    const year = await report(dsl, '?from=2028-01-01&to=2028-12-31');
    expect(year.days).toHaveLength(366);
    expect(year.days[59].day).toBe('2028-02-29');
    const span = await report(dsl, '?from=2025-11-24&to=2026-11-24');
    expect(span.days).toHaveLength(366);
    expect(span.totals.requests).toBe(14);
  });

  describe('refuses what it cannot read, field by field, and records nothing', () => {
    it.each([
      ['from=2026-10-26&to=2026-10-24', 'querystring.to', /not be before from/],
      ['from=2025-11-24&to=2026-11-25', 'querystring.to', /within 366 days/],
      ['from=2026-02-30', 'querystring.from', /.+/],
      ['to=24%2F10%2F2026', 'querystring.to', /.+/],
      ['from=2026-10-24T00:00:00Z', 'querystring.from', /.+/],
      [`group=${'g'.repeat(65)}`, 'querystring.group', /.+/],
      ['user=', 'querystring.user', /.+/],
    ])('%s', async (query, path, reason) => {
      const before = await views();
      const error = expectError(await dsl.get(`${url}?${query}`), 400, 'validation');
      expect(error.details).toEqual([{ path, reason: expect.stringMatching(reason) }]);
      expect(await views()).toBe(before);
    });
  });

  it('is refused to the teacher, the governor and the school administrator', async () => {
    const before = await views();
    for (const browser of [teacher, governor, admin]) expectError(await browser.get(url), 403, 'forbidden');
    expect(await views()).toBe(before);
  });

  it('records each look with its range and filters, the user asked about included', async () => {
    await report(dsl, '?from=2026-10-24&to=2026-10-26&group=ks3&user=amy.pupil');
    const [event] = (await listAudit(t.haven.db, { action: 'monitor.report-viewed', limit: 1 })).items;
    expect(event).toMatchObject({
      schoolId: demo.school.id,
      targetType: 'school',
      targetId: demo.school.id,
      detail: { from: '2026-10-24', to: '2026-10-26', group: 'ks3', user: 'amy.pupil' },
    });
    await report(dsl, '');
    const [plain] = (await listAudit(t.haven.db, { action: 'monitor.report-viewed', limit: 1 })).items;
    expect(plain?.detail).toEqual({ from: '2026-11-17', to: '2026-11-23', group: null, user: null });
  });

  it('shows the online safety lead the school’s report, but not one about a person', async () => {
    const me = (await teacher.get('/api/session')).json().account as { displayName: string };
    const found = await admin.get(
      `/api/schools/${demo.school.id}/people?kind=staff&q=${encodeURIComponent(me.displayName)}`,
    );
    const person = (found.json().people as { id: string; displayName: string }[]).find(
      (p) => p.displayName === me.displayName,
    )!;
    const assigned = await admin.post(`/api/schools/${demo.school.id}/role-assignments`, {
      personId: person.id,
      policyRoleId: 'e-safety-officer',
      deputy: false,
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    const lead = await signIns.browser(credential(demo, 'teacher'));
    expect((await lead.get('/api/session')).json().account.grants).toContain('online-safety-lead');
    expect((await report(lead, '?from=2026-10-24&to=2026-10-26&group=ks3')).totals.requests).toBe(6);
    const before = await views();
    const refused = expectError(await lead.get(`${url}?user=amy.pupil`), 403, 'forbidden');
    expect(refused.message).toMatch(/DSL/);
    expect(await views()).toBe(before);
  });

  it('keeps an intact audit chain', async () => {
    expect((await verifyAudit(t.haven.db)).ok).toBe(true);
  });
});
