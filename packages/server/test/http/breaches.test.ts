/**
 * R003-110 R003-111 R001-221 the data-breach log over HTTP on both databases: any member of staff
 * reports (lost equipment, a virus, a breach); the SIRO, DPO, headteacher and administrator are
 * told at once without personal content; the 72-hour clock runs from awareness with reminders;
 * the ICO decision stops it; closure needs that decision; the details are sealed at rest.
 */
import { beforeAll, expect, it } from 'vitest';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { sendBreachReminders } from '../../src/services/breach-service.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';

forEachHaven('the data-breach log', (t) => {
  let demo: DemoResult;
  let signIns: SignIns;
  let admin: TestBrowser;
  let teacher: TestBrowser;
  let dsl: TestBrowser;
  let base: string;
  let id: string;

  beforeAll(async () => {
    demo = await createDemoSchool(t.haven, 'wsapc', { pupils: 2 });
    signIns = new SignIns(t);
    admin = await signIns.browser(credential(demo, 'admin'));
    teacher = await signIns.browser(credential(demo, 'teacher'));
    dsl = await signIns.browser(credential(demo, 'dsl'));
    base = `/api/schools/${demo.school.id}/breaches`;
  });

  it('takes a report from any member of staff and tells the managers at once, without the details', async () => {
    const aware = new Date(t.clock.now().getTime() - 2 * 3_600_000).toISOString();
    const res = await teacher.post(base, {
      kind: 'lost-equipment',
      awareAt: aware,
      details: {
        whatHappened: 'Laptop with pupil reports left on a bus',
        equipment: 'Laptop WS-114',
        peopleAffectedCount: 28,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json().clock).toMatchObject({ state: 'running', remainingMs: 70 * 3_600_000 });
    const alerts = (await admin.get('/api/account/notifications')).json().notifications;
    const alert = alerts.find((n: { link: string }) => n.link === `/breaches/${id}`);
    expect(alert).toMatchObject({ kind: 'breach-reported', urgent: true });
    expect(JSON.stringify(alerts)).not.toContain('Laptop');
    const rows = await t.haven.db.selectFrom('data_breaches').select('details').execute();
    expect(JSON.stringify(rows)).not.toContain('Laptop');
  });

  it('refuses an awareness time in the future, and a report that says nothing', async () => {
    expectError(
      await teacher.post(base, {
        kind: 'virus',
        awareAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
        details: { whatHappened: 'x' },
      }),
      400,
      'validation',
    );
    expectError(
      await teacher.post(base, { kind: 'virus', awareAt: t.clock.now().toISOString(), details: {} }),
      400,
      'validation',
    );
  });

  it('shows the log with its clock to the managers only', async () => {
    const log = await admin.get(base);
    expect(log.statusCode).toBe(200);
    expect(log.json().breaches[0]).toMatchObject({
      number: 1,
      kind: 'lost-equipment',
      details: { equipment: 'Laptop WS-114' },
    });
    expectError(await teacher.get(base), 403, 'forbidden');
    expectError(await dsl.get(`${base}/${id}`), 403, 'forbidden');
  });

  it('reminds as the clock runs, once for each reminder hour, and is overdue after 72 hours', async () => {
    t.clock.advance(23 * 3_600_000); // 25 h since awareness
    expect(await sendBreachReminders(t.haven)).toBe(1);
    expect(await sendBreachReminders(t.haven)).toBe(0);
    t.clock.advance(48 * 3_600_000); // 73 h
    expect(await sendBreachReminders(t.haven)).toBe(1);
    // Three days on, everyone signs in afresh.
    admin = await signIns.browser(credential(demo, 'admin'));
    const b = (await admin.get(`${base}/${id}`)).json();
    expect(b.clock).toMatchObject({ state: 'overdue', late: true });
    const reminders = (await admin.get('/api/account/notifications'))
      .json()
      .notifications.filter((n: { kind: string }) => n.kind === 'breach-clock');
    expect(reminders).toHaveLength(2);
  });

  it('will not close before the ICO decision, then stops the clock and closes', async () => {
    expectError(await admin.post(`${base}/${id}/close`), 400, 'validation');
    const decided = await admin.post(`${base}/${id}/ico`, {
      reportedAt: t.clock.now().toISOString(),
      reference: 'ICO-0001',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().clock).toMatchObject({ state: 'reported', late: true });
    expectError(await admin.post(`${base}/${id}/ico`, { notReportableReason: 'again' }), 409, 'conflict');
    expect(await sendBreachReminders(t.haven)).toBe(0);
    const closed = await admin.post(`${base}/${id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expectError(
      await admin.request('PUT', `${base}/${id}`, { details: { whatHappened: 'changed' } }),
      409,
      'conflict',
    );
  });
});
