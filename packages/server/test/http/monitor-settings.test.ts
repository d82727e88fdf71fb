/**
 * Monitoring settings over HTTP on both databases (issue 5 points 1 and 4): a school's phrase
 * changes (added, disabled, re-graded) change what alerts; alert thresholds per filter group (a
 * younger group alerted at once for less); a false positive suppresses that phrase in that
 * context and nowhere else, until lifted; the alerts not sent at once reach the DSL in one digest
 * per period with nothing personal; the daily summary follows its configured time and recipients.
 */
import { beforeAll, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/audit-log.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { smtpMailer } from '../../src/mail/mailer.ts';
import { createAccount } from '../../src/repositories/accounts.ts';
import { runDailySummaries } from '../../src/services/daily-summary-service.ts';
import { runAlertDigests } from '../../src/services/monitor-digest-service.ts';
import { sendPendingEmails } from '../../src/services/notification-service.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';
import { startSmtp } from '../helpers/smtp.ts';

forEachHaven('monitoring settings', (t) => {
  let demo: DemoResult;
  let dsl: TestBrowser;
  let teacher: TestBrowser;
  let token: string;
  let school: string;
  let signIns: SignIns;
  let batch = 0;

  const seen = async (q: string, user: string, group = 'ks3') => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/gateway/events',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        batchId: `settings-${++batch}`,
        events: [
          {
            at: t.clock.now().toISOString(),
            group,
            user,
            client: '10.20.1.9',
            host: 'www.google.co.uk',
            url: `http://www.google.co.uk/search?q=${encodeURIComponent(q)}`,
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
    expect(r.statusCode, r.body).toBe(200);
  };
  const alertsOf = async (user: string) =>
    (await dsl.get(`/api/schools/${school}/monitor/alerts`))
      .json()
      .alerts.filter((a: { subject: string }) => a.subject === user) as {
      id: string;
      category: string;
      severity: number;
      phrase: string;
    }[];
  const urgentNotes = async () =>
    (await dsl.get('/api/account/notifications'))
      .json()
      .notifications.filter((n: { kind: string }) => n.kind === 'monitor-alert').length as number;
  const save = (settings: unknown, revision?: number) =>
    dsl.request('PUT', `/api/schools/${school}/monitor/settings`, {
      settings,
      ...(revision === undefined ? {} : { revision }),
    });

  beforeAll(async () => {
    demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 2 });
    school = demo.school.id;
    signIns = new SignIns(t);
    dsl = await signIns.browser(credential(demo, 'dsl'));
    teacher = await signIns.browser(credential(demo, 'teacher'));
    const admin = await signIns.browser(credential(demo, 'admin'));
    token = (await admin.post(`/api/schools/${school}/filter/gateways`, { name: 'Proxy' })).json().token;
  });

  it('shows the defaults and the whole phrase list, and refuses bad settings with the field at fault', async () => {
    const got = (await dsl.get(`/api/schools/${school}/monitor/settings`)).json();
    expect(got).toMatchObject({
      revision: 0,
      defaults: true,
      settings: {
        digestHours: 4,
        summaryTime: '07:00',
        defaultThreshold: { alertFrom: 1, immediateFrom: 4 },
      },
    });
    expect(got.groups.map((g: { id: string }) => g.id)).toContain('ks3');
    expect(got.phrases).toContainEqual(
      expect.objectContaining({ id: 'en:suicide:kil myself', severity: 5, enabled: true, language: 'en' }),
    );
    expect(got.phrases.some((p: { language: string }) => p.language === 'cy')).toBe(true);

    const badGroup = expectError(
      await save({ thresholds: { 'no-such-group': { alertFrom: 1, immediateFrom: 3 } } }),
      400,
      'validation',
    );
    expect(badGroup.details).toEqual([
      { path: 'settings.thresholds.no-such-group', reason: 'no filter group has this id' },
    ]);
    const badTime = expectError(await save({ summaryTime: '7am' }), 400, 'validation');
    expect(badTime.details?.[0]?.path).toBe('settings.summaryTime');
    const upside = expectError(
      await save({ thresholds: { ks3: { alertFrom: 4, immediateFrom: 2 } } }),
      400,
      'validation',
    );
    expect(upside.details?.[0]?.path).toBe('settings.thresholds.ks3.immediateFrom');
    const badId = expectError(
      await save({ phrases: [{ op: 'disable', id: 'en:suicide:nothing' }] }),
      400,
      'validation',
    );
    expect(badId.details?.[0]?.path).toBe('settings.phrases.0.id');
    expectError(
      await teacher.request('PUT', `/api/schools/${school}/monitor/settings`, { settings: {} }),
      403,
      'forbidden',
    );
    expect((await dsl.get(`/api/schools/${school}/monitor/settings`)).json().revision).toBe(0);
  });

  it('alerts a younger group at once for less, by its threshold, and skips what is below it', async () => {
    const r = await save({
      thresholds: {
        ks3: { alertFrom: 1, immediateFrom: 3 },
        staff: { alertFrom: 4, immediateFrom: 5 },
      },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().revision).toBe(1);
    expectError(await save({}, 0), 409, 'conflict');

    const before = await urgentNotes();
    await seen('self harm', 'pupil.threshold');
    expect(await alertsOf('pupil.threshold')).toEqual([
      expect.objectContaining({ category: 'self-harm', severity: 3 }),
    ]);
    expect(await urgentNotes()).toBe(before + 1);
    await seen('self harm', 'staff.threshold', 'staff');
    expect(await alertsOf('staff.threshold')).toEqual([]);
  });

  it("follows the school's phrase changes: added, disabled and re-graded", async () => {
    const current = (await dsl.get(`/api/schools/${school}/monitor/settings`)).json();
    const r = await save(
      {
        ...current.settings,
        phrases: [
          { op: 'add', category: 'bullying', severity: 4, text: 'milford bridge challenge' },
          { op: 'disable', id: 'en:suicide:kil myself' },
          { op: 'regrade', id: 'en:eating-disorders:thigh gap', severity: 1 },
        ],
      },
      current.revision,
    );
    expect(r.statusCode, r.body).toBe(200);
    await seen('the milford bridge challenge video', 'pupil.phrases');
    await seen('kill myself', 'pupil.phrases');
    await seen('thigh gap', 'pupil.phrases');
    const alerts = await alertsOf('pupil.phrases');
    expect(alerts.map((a) => [a.category, a.severity, a.phrase]).sort()).toEqual([
      ['bullying', 4, 'milford bridge challenge'],
      ['eating-disorders', 1, 'thigh gap'],
    ]);
    const list = (await dsl.get(`/api/schools/${school}/monitor/settings`)).json().phrases;
    expect(list).toContainEqual(expect.objectContaining({ id: 'en:suicide:kil myself', enabled: false }));
    expect(list).toContainEqual(
      expect.objectContaining({ id: 'en:eating-disorders:thigh gap', severity: 1, librarySeverity: 3 }),
    );
    expect(list).toContainEqual(
      expect.objectContaining({ language: 'school', text: 'milford bridge challenge' }),
    );
  });

  it('suppresses a false positive in its context only, until lifted', async () => {
    await seen('overdose in the cricket match', 'pupil.fp');
    const [alert] = await alertsOf('pupil.fp');
    expect(alert).toMatchObject({ category: 'suicide', phrase: 'overdose' });
    const triaged = await dsl.post(`/api/schools/${school}/monitor/alerts/${alert!.id}/triage`, {
      status: 'false-positive',
      note: 'Cricket commentary',
    });
    expect(triaged.statusCode, triaged.body).toBe(200);
    const { suppressions } = (await dsl.get(`/api/schools/${school}/monitor/suppressions`)).json();
    expect(suppressions).toEqual([
      expect.objectContaining({
        phraseId: 'en:suicide:overdose',
        alertId: alert!.id,
        context: expect.any(String),
      }),
    ]);

    await seen('overdose in the cricket match', 'pupil.fp');
    expect(await alertsOf('pupil.fp')).toEqual([]);
    await seen('how much paracetamol is an overdose', 'pupil.fp');
    expect(await alertsOf('pupil.fp')).toHaveLength(1);

    const lifted = await dsl.post(`/api/schools/${school}/monitor/suppressions/remove`, {
      phraseId: suppressions[0].phraseId,
      context: suppressions[0].context,
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expectError(
      await dsl.post(`/api/schools/${school}/monitor/suppressions/remove`, {
        phraseId: suppressions[0].phraseId,
        context: suppressions[0].context,
      }),
      404,
      'not-found',
    );
    await seen('overdose in the cricket match', 'pupil.fp2');
    expect(await alertsOf('pupil.fp2')).toHaveLength(1);
  });

  it('gathers the alerts not sent at once into one digest per period, with nothing personal', async () => {
    const current = (await dsl.get(`/api/schools/${school}/monitor/settings`)).json();
    expect((await save({ ...current.settings, digestHours: 1 }, current.revision)).statusCode).toBe(200);
    t.clock.advance(2 * 3_600_000);
    // The earlier tests' alerts go in this period's digest; the next waits for the next period.
    expect(await runAlertDigests(t.haven)).toBe(1);
    await seen('razor blades', 'pupil.digest');
    expect(await runAlertDigests(t.haven)).toBe(0);
    t.clock.advance(3_600_000);
    expect(await runAlertDigests(t.haven)).toBe(1);
    // Hours have passed: the DSL's session has timed out.
    dsl = await signIns.browser(credential(demo, 'dsl'));
    expect(await runAlertDigests(t.haven)).toBe(0);
    const digests = (await dsl.get('/api/account/notifications'))
      .json()
      .notifications.filter((n: { kind: string }) => n.kind === 'monitor-digest');
    expect(digests).toHaveLength(2);
    expect(digests[0]).toMatchObject({
      urgent: false,
      link: '/monitor/alerts',
      title: 'Monitoring digest: 1 new alert to review (Self-harm 1)',
    });
    expect(JSON.stringify(digests[0])).not.toMatch(/pupil\.|razor/);
    const smtp = await startSmtp();
    try {
      const mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'Haven <haven@school.example>');
      await sendPendingEmails(t.haven, mailer);
      mailer.close();
      const mail = smtp.received.find((m) => m.data.includes('Monitoring digest'));
      expect(mail?.to).toContain(credential(demo, 'dsl').email);
      expect(mail?.data).not.toMatch(/pupil\.|razor/);
    } finally {
      await smtp.close();
    }
  });

  it('makes the daily summary after its configured time and sends it to whom the settings name', async () => {
    const current = (await dsl.get(`/api/schools/${school}/monitor/settings`)).json();
    await createAccount(t.haven.db, {
      schoolId: school,
      personId: null,
      email: 'head@settings.example',
      displayName: 'Headteacher',
      passwordHash: 'not-used',
      grants: ['headteacher'],
    });
    const r = await save(
      { ...current.settings, summaryTime: '09:30', summaryTo: ['dsl', 'headteacher'] },
      current.revision,
    );
    expect(r.statusCode, r.body).toBe(200);
    expectError(await save({ ...current.settings, summaryTo: ['headteacher'] }), 400, 'validation');
    // Move to 08:00 tomorrow, London time (GMT in December: 08:00Z).
    const tomorrow = new Date(t.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    t.clock.set(new Date(`${tomorrow}T08:00:00Z`));
    const smtp = await startSmtp();
    try {
      const mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'Haven <haven@school.example>');
      expect((await runDailySummaries(t.haven, mailer)).made).toBe(0);
      t.clock.set(new Date(`${tomorrow}T09:31:00Z`));
      expect(await runDailySummaries(t.haven, mailer)).toEqual({ made: 1, sent: 1 });
      mailer.close();
      const to = smtp.received.flatMap((m) => m.to);
      expect(to).toContain(credential(demo, 'dsl').email);
      expect(to).toContain('head@settings.example');
    } finally {
      await smtp.close();
    }
  });

  it('keeps an intact audit chain with each settings change in it', async () => {
    expect((await verifyAudit(t.haven.db)).ok).toBe(true);
    const changes = await t.haven.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'in', ['monitor.settings-changed', 'monitor.suppression-lifted'])
      .execute();
    expect(changes.length).toBeGreaterThanOrEqual(5);
  });
});
