/**
 * Monitoring over HTTP on both databases: a pupil's search seen by the proxy reaches the DSL at
 * once for a high-severity phrase (in the app, and by SMTP with a link and nothing personal); a
 * benign query that merely contains a risky word does not; repeats group into one alert; triage
 * escalates to an incident pre-filled from the alert, or closes with a reason; others are refused.
 */
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/audit-log.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { smtpMailer } from '../../src/mail/mailer.ts';
import { sendPendingEmails } from '../../src/services/notification-service.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';
import { startSmtp } from '../helpers/smtp.ts';

forEachHaven('monitoring alerts', (t) => {
  let demo: DemoResult;
  let dsl: TestBrowser;
  let teacher: TestBrowser;
  let token: string;
  let base: string;
  let batch = 0;

  const seen = (url: string, user = 'pupil.one'): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method: 'POST',
      url: '/api/gateway/events',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        batchId: `monitor-${++batch}`,
        events: [
          {
            at: t.clock.now().toISOString(),
            group: 'ks3',
            user,
            client: '10.20.1.9',
            host: new URL(url).hostname,
            url,
            category: null,
            action: 'allow',
            kind: 'uncategorised',
            rule: null,
            source: 'proxy',
            exceptionId: null,
            alert: null,
          },
        ],
      },
    });

  beforeAll(async () => {
    demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 2 });
    const signIns = new SignIns(t);
    dsl = await signIns.browser(credential(demo, 'dsl'));
    teacher = await signIns.browser(credential(demo, 'teacher'));
    const admin = await signIns.browser(credential(demo, 'admin'));
    token = (await admin.post(`/api/schools/${demo.school.id}/filter/gateways`, { name: 'Proxy' })).json()
      .token;
    base = `/api/schools/${demo.school.id}/monitor/alerts`;
  });

  it('takes a high-severity search to the DSL at once, in the app and by e-mail, with nothing personal', async () => {
    expect((await seen('http://www.google.co.uk/search?q=how+to+k1ll+myself')).statusCode).toBe(200);
    const alerts = (await dsl.get(base)).json().alerts;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      category: 'suicide',
      severity: 5,
      phrase: 'kill myself',
      subject: 'pupil.one',
      source: 'search',
      occurrences: 1,
    });
    const note = (await dsl.get('/api/account/notifications'))
      .json()
      .notifications.find((n: { kind: string }) => n.kind === 'monitor-alert');
    expect(note).toMatchObject({ urgent: true, link: `/monitor/alerts#${alerts[0].id}` });
    expect(JSON.stringify(note)).not.toMatch(/pupil\.one|myself/);
    const smtp = await startSmtp();
    try {
      const mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'Haven <haven@school.example>');
      await sendPendingEmails(t.haven, mailer);
      mailer.close();
      const mail = smtp.received.find((m) => m.to.includes(credential(demo, 'dsl').email));
      expect(mail?.data).toContain('/monitor/alerts');
      expect(mail?.data).not.toMatch(/pupil\.one|myself|k1ll/);
    } finally {
      await smtp.close();
    }
    // Sealed at rest: what was searched is not in the table in the clear.
    expect(
      JSON.stringify(await t.haven.db.selectFrom('monitor_alerts').select('evidence').execute()),
    ).not.toContain('myself');
  });

  it('does not alert at once for a benign query that contains a risky-looking word', async () => {
    const before = (await dsl.get('/api/account/notifications')).json().notifications.length;
    await seen('http://www.bing.com/search?q=essay+on+the+history+of+suicide+prevention', 'pupil.two');
    await seen('http://www.google.com/search?q=scunthorpe+united+classic+shirts', 'pupil.two');
    const alerts = (await dsl.get(base))
      .json()
      .alerts.filter((a: { subject: string }) => a.subject === 'pupil.two');
    expect(alerts).toEqual([expect.objectContaining({ category: 'suicide', severity: 1 })]);
    expect((await dsl.get('/api/account/notifications')).json().notifications.length).toBe(before);
  });

  it('groups repeats by person, category and half hour into one alert that counts', async () => {
    t.clock.advance(5 * 60_000);
    await seen('http://www.google.co.uk/search?q=i+want+to+end+my+life');
    const alerts = (await dsl.get(base))
      .json()
      .alerts.filter((a: { subject: string }) => a.subject === 'pupil.one');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ occurrences: 2, severity: 5 });
    expect(alerts[0].evidence.map((e: { text: string }) => e.text)).toEqual(
      ['how to kil myself', 'i want to end my life'].map((x) => x.replace('kil', 'k1ll')),
    );
  });

  it('escalates to an incident pre-filled from the alert, or closes with a reason; others are refused', async () => {
    const [first, second] = (await dsl.get(base)).json().alerts;
    expectError(await dsl.post(`${base}/${second.id}/triage`, { status: 'no-action' }), 400, 'validation');
    const closed = await dsl.post(`${base}/${second.id}/triage`, {
      status: 'no-action',
      note: 'Homework on PSHE',
    });
    expect(closed.json()).toMatchObject({ status: 'no-action', triageNote: 'Homework on PSHE' });
    const escalated = await dsl.post(`${base}/${first.id}/triage`, { status: 'escalated' });
    expect(escalated.statusCode, escalated.body).toBe(200);
    const incidentId = escalated.json().incidentId as string;
    const incident = (await dsl.get(`/api/schools/${demo.school.id}/incidents/${incidentId}`)).json();
    expect(incident).toMatchObject({ channel: 'monitoring', safeguarding: true });
    expect(incident.report.description).toContain('Monitoring alert: Suicide (severity 5)');
    expect(incident.report.involved[0].name).toBe('pupil.one');
    expectError(await dsl.post(`${base}/${first.id}/triage`, { status: 'in-review' }), 409, 'conflict');
    expectError(await teacher.get(base), 403, 'forbidden');
    expect((await dsl.get(`${base}?status=done`)).json().alerts).toHaveLength(2);
  });

  it('keeps an intact audit chain', async () => {
    expect((await verifyAudit(t.haven.db)).ok).toBe(true);
  });
});
