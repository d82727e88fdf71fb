/**
 * R000-040 the daily internet usage summary on both databases: made once per school and day after
 * 07:00 school time, with the right numbers from the decision log, illegal-list hits, alerts,
 * exceptions and review requests; kept in Haven; e-mailed over real SMTP to the DSL once, whatever
 * runs again; retried when the mail server refuses, and never lost.
 */
import { beforeAll, expect, it } from 'vitest';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { smtpMailer } from '../../src/mail/mailer.ts';
import { insertFilterDecisions, type NewFilterDecision } from '../../src/repositories/filter-decisions.ts';
import { recordFilterIllegalHit } from '../../src/repositories/filter-illegal-hits.ts';
import { runDailySummaries } from '../../src/services/daily-summary-service.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';
import { makeAlert } from '../helpers/incidents.ts';
import { startSmtp } from '../helpers/smtp.ts';

forEachHaven('the daily internet usage summary', (t) => {
  let demo: DemoResult;
  let dsl: TestBrowser;
  let teacher: TestBrowser;

  beforeAll(async () => {
    // Monday 23 November 2026, 09:00 UTC (the test clock); the day summarised is Sunday the 22nd.
    demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 2 });
    const signIns = new SignIns(t);
    dsl = await signIns.browser(credential(demo, 'dsl'));
    teacher = await signIns.browser(credential(demo, 'teacher'));
    const d = (
      at: string,
      user: string | null,
      category: string | null,
      action: 'allow' | 'block',
    ): NewFilterDecision => ({
      schoolId: demo.school.id,
      at,
      site: null,
      gatewayId: null,
      group: 'ks3',
      username: user,
      client: '10.0.0.7',
      host: 'x.example',
      url: null,
      category,
      action,
      kind: 'policy',
      rule: null,
      source: 'dns',
      batchId: null,
    });
    await insertFilterDecisions(t.haven.db, [
      d('2026-11-22T10:00:00.000Z', 'amy.pupil', 'gambling', 'block'),
      d('2026-11-22T10:01:00.000Z', 'amy.pupil', 'gambling', 'block'),
      d('2026-11-22T11:00:00.000Z', 'ben.pupil', 'bypass', 'block'),
      d('2026-11-22T12:00:00.000Z', 'ben.pupil', null, 'allow'),
      d('2026-11-22T23:30:00.000Z', null, 'gaming', 'block'), // Sunday 23:30 in London (GMT)
      d('2026-11-21T12:00:00.000Z', 'amy.pupil', 'gambling', 'block'), // Saturday: not counted
      d('2026-11-23T08:00:00.000Z', 'amy.pupil', 'gambling', 'block'), // Monday: not counted
    ]);
    await recordFilterIllegalHit(t.haven.db, {
      schoolId: demo.school.id,
      at: '2026-11-22T15:00:00.000Z',
      gatewayId: null,
      group: 'ks3',
      username: 'ben.pupil',
      client: null,
      source: 'dns',
    });
    t.clock.set(new Date('2026-11-22T16:00:00.000Z'));
    await makeAlert(t.haven, demo.school.id);
    t.clock.set(new Date('2026-11-23T09:00:00.000Z'));
  });

  it('is not made before 07:00 school time', async () => {
    t.clock.set(new Date('2026-11-23T06:59:00.000Z'));
    expect(await runDailySummaries(t.haven, null)).toEqual({ made: 0, sent: 0 });
    t.clock.set(new Date('2026-11-23T09:00:00.000Z'));
  });

  it('keeps a pending summary when the mail server is away, then sends it once it is back, once', async () => {
    const gone = smtpMailer('smtp://127.0.0.1:1', 'Haven <haven@school.example>');
    expect(await runDailySummaries(t.haven, gone)).toEqual({ made: 1, sent: 0 });
    gone.close();
    const row = await t.haven.db.selectFrom('daily_summaries').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ day: '2026-11-22', email_state: 'pending', attempts: 1 });
    expect(row.text).not.toContain('amy.pupil');

    const smtp = await startSmtp();
    try {
      const mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'Haven <haven@school.example>');
      expect(await runDailySummaries(t.haven, mailer)).toEqual({ made: 0, sent: 1 });
      expect(await runDailySummaries(t.haven, mailer)).toEqual({ made: 0, sent: 0 });
      mailer.close();
      const mail = smtp.received.filter((m) => m.to.includes(credential(demo, 'dsl').email));
      expect(mail).toHaveLength(1);
      const body = mail[0]!.data;
      expect(body).toContain('Daily internet usage summary');
      expect(body).toContain('2026-11-22');
      expect(body).toMatch(/Requests: 5/);
      expect(body).toMatch(/Blocked: 4/);
      expect(body).toMatch(/Illegal-list attempts: 1/);
      expect(body).toMatch(/Filter bypass attempts: 1/);
      expect(body).toMatch(/amy\.pupil: 2/);
      expect(body).toMatch(/severity 3: 1/);
      expect(body).toContain('text/html');
      expect(smtp.received.some((m) => m.to.includes(credential(demo, 'teacher').email))).toBe(false);
    } finally {
      await smtp.close();
    }
  });

  it('is kept in Haven for the DSL, and refused to others', async () => {
    const res = await dsl.get(`/api/schools/${demo.school.id}/monitor/summaries`);
    expect(res.statusCode).toBe(200);
    expect(res.json().summaries[0]).toMatchObject({ day: '2026-11-22', emailState: 'sent' });
    expect(res.json().summaries[0].text).toMatch(/Blocked: 4/);
    expectError(await teacher.get(`/api/schools/${demo.school.id}/monitor/summaries`), 403, 'forbidden');
  });
});
