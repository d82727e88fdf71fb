/**
 * Training on both databases (R000-020, R000-040, R000-057, R000-058, R000-060, R000-063,
 * R003-043, R003-052, R003-055, R003-113): a member of staff's own training and needs audit; the
 * online safety lead's due and overdue lists and recording for someone; the counts for governors;
 * refusals; and the weekly reminder over real SMTP: once per person, course and week, whatever runs
 * again or restarts, and retried when the mail server is away.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { smtpMailer } from '../../src/mail/mailer.ts';
import { startNotificationMail } from '../../src/mail/notification-mail-job.ts';
import { getAccountByEmail } from '../../src/repositories/accounts.ts';
import { sendPendingEmails } from '../../src/services/notification-service.ts';
import { runTrainingReminders } from '../../src/services/training-service.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';
import { startSmtp } from '../helpers/smtp.ts';
import { CERTIFICATE_PDF } from '../helpers/training.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c80000000049454e44ae426082',
  'hex',
);
const ratings = (r: number) => ({
  policy: r,
  reporting: r,
  risks: r,
  nudes: r,
  'filtering-monitoring': r,
  'social-media': r,
  'data-security': r,
  teaching: r,
});

forEachHaven('training', (t) => {
  let demo: DemoResult;
  let admin: TestBrowser;
  let teacher: TestBrowser;
  let dsl: TestBrowser;
  let governor: TestBrowser;
  let teacherPersonId: string;
  const url = (p: string) => `/api/schools/${demo.school.id}/training${p}`;

  beforeAll(async () => {
    // Monday 23 November 2026, 09:00 UTC (the test clock).
    demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 2 });
    // Everyone joined in September, so the induction period (30 days) is over.
    await t.haven.db.updateTable('people').set({ created_at: '2026-09-01T08:00:00.000Z' }).execute();
    const signIns = new SignIns(t);
    admin = await signIns.browser(credential(demo, 'admin'));
    teacher = await signIns.browser(credential(demo, 'teacher'));
    dsl = await signIns.browser(credential(demo, 'dsl'));
    governor = await signIns.browser(credential(demo, 'governor'));
    teacherPersonId = (await getAccountByEmail(t.haven.db, credential(demo, 'teacher').email))!.personId!;
  });

  describe('my training', () => {
    it('shows a teacher every course with where they stand (overdue after induction; DSL training not required)', async () => {
      const res = await teacher.get(url('/mine'));
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.today).toBe('2026-11-23');
      const state = (id: string) => body.courses.find((c: { id: string }) => c.id === id).status;
      expect(state('online-safety-induction')).toEqual({
        courseId: 'online-safety-induction',
        state: 'overdue',
        lastCompletedOn: null,
        nextDueOn: '2026-10-01',
      });
      expect(body.courses.find((c: { id: string }) => c.id === 'online-safety-induction').title).toBe(
        'e-Safety induction',
      );
      expect(state('dsl-training').state).toBe('not-required');
      expect(state('governor-training').state).toBe('not-required');
      expect(body.audit.areas).toHaveLength(8);
      expect(body.audit.latest).toBeNull();
    });

    it('a DSL has DSL training required of them (KCSIE, every two years)', async () => {
      const body = (await dsl.get(url('/mine'))).json();
      expect(body.courses.find((c: { id: string }) => c.id === 'dsl-training').status.state).toBe('overdue');
    });

    it('records their own course with a note, and with a certificate kept with its SHA-256', async () => {
      const res = await teacher.post(url('/mine/records'), {
        courseId: 'cyber-security',
        completedOn: '2026-11-20',
        provider: 'DfE',
        note: 'Online module',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        courseId: 'cyber-security',
        completedOn: '2026-11-20',
        certificate: null,
      });
      const withCert = await teacher.post(url('/mine/records'), {
        courseId: 'online-safety-induction',
        completedOn: '2026-11-21',
        certificate: {
          filename: 'induction.pdf',
          mediaType: 'application/pdf',
          content: CERTIFICATE_PDF.toString('base64'),
        },
      });
      expect(withCert.statusCode, withCert.body).toBe(201);
      expect(withCert.json().certificate.sha256).toMatch(/^[0-9a-f]{64}$/);
      const body = (await teacher.get(url('/mine'))).json();
      const state = (id: string) => body.courses.find((c: { id: string }) => c.id === id).status;
      expect(state('cyber-security')).toMatchObject({
        state: 'done',
        lastCompletedOn: '2026-11-20',
        nextDueOn: '2027-11-20',
      });
      expect(state('online-safety-induction')).toMatchObject({ state: 'done', nextDueOn: null });
      expect(body.records).toHaveLength(2);

      // The administrator reads the certificate back, byte for byte.
      const cert = await admin.get(url(`/records/${withCert.json().id}/certificate`));
      expect(cert.statusCode).toBe(200);
      expect(cert.headers['content-disposition']).toContain('attachment');
      expect(Buffer.from(cert.rawPayload).equals(CERTIFICATE_PDF)).toBe(true);
    });

    it('refuses bad input precisely, and writes nothing', async () => {
      const before = await t.haven.db.selectFrom('training_records').select('id').execute();
      const noEvidence = expectError(
        await teacher.post(url('/mine/records'), { courseId: 'data-protection', completedOn: '2026-11-20' }),
        400,
        'validation',
      );
      expect(noEvidence.details).toEqual([{ path: 'note', reason: expect.stringContaining('certificate') }]);
      const bad = expectError(
        await teacher.post(url('/mine/records'), {
          courseId: 'knitting',
          completedOn: '2026-12-25',
          note: 'x',
        }),
        400,
        'validation',
      );
      expect(bad.details?.map((d) => d.path)).toEqual(['courseId', 'completedOn']);
      expectError(
        await teacher.post(url('/mine/records'), {
          courseId: 'data-protection',
          completedOn: '20-11-2026',
          note: 'x',
        }),
        400,
        'validation',
      );
      const disguised = await teacher.post(url('/mine/records'), {
        courseId: 'data-protection',
        completedOn: '2026-11-20',
        certificate: {
          filename: 'certificate.pdf',
          mediaType: 'application/pdf',
          content: PNG.toString('base64'),
        },
      });
      expectError(disguised, 422, 'evidence-refused');
      expect(await t.haven.db.selectFrom('training_records').select('id').execute()).toHaveLength(
        before.length,
      );
    });
  });

  describe("the online safety lead's view", () => {
    it('records for someone, and lists everyone due and overdue by post, with counts (audit-logged)', async () => {
      const res = await admin.post(url('/records'), {
        personId: teacherPersonId,
        courseId: 'data-protection',
        completedOn: '2026-11-22',
        note: 'Staff meeting',
      });
      expect(res.statusCode, res.body).toBe(201);
      expectError(
        await admin.post(url('/records'), {
          personId: 'nobody',
          courseId: 'data-protection',
          completedOn: '2026-11-22',
        }),
        400,
        'validation',
      );

      const list = await admin.get(url('/people'));
      expect(list.statusCode).toBe(200);
      const body = list.json();
      const teacherRow = body.people.find((p: { personId: string }) => p.personId === teacherPersonId);
      const st = (row: { status: { courseId: string; state: string }[] }, id: string) =>
        row.status.find((s) => s.courseId === id)!.state;
      expect(st(teacherRow, 'data-protection')).toBe('done');
      expect(st(teacherRow, 'online-safety-refresher')).toBe('overdue');
      const dslRow = body.people.find((p: { posts: { id: string }[] }) =>
        p.posts.some((r) => r.id === 'safeguarding-designated-person'),
      );
      expect(st(dslRow, 'dsl-training')).toBe('overdue');
      const dslCounts = body.counts.find((c: { courseId: string }) => c.courseId === 'dsl-training');
      // The DSL and the deputy.
      expect(dslCounts).toMatchObject({ required: 2, overdue: 2 });
      const audit = await t.haven.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'training.viewed')
        .execute();
      expect(audit.length).toBeGreaterThan(0);
    });

    it('gives governors counts for their report, without names', async () => {
      const res = await governor.get(url('/summary'));
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(
        body.byCourse.find((c: { courseId: string }) => c.courseId === 'governor-training').overdue,
      ).toBe(9);
      expect(
        body.byPost.find((p: { roleId: string }) => p.roleId === 'safeguarding-designated-person'),
      ).toMatchObject({
        people: 2,
      });
      expect(body.byKind.map((k: { kind: string }) => k.kind)).toEqual(['staff', 'governor']);
      const teacherName = (
        await t.haven.db
          .selectFrom('people')
          .select('display_name')
          .where('id', '=', teacherPersonId)
          .executeTakeFirstOrThrow()
      ).display_name;
      expect(res.body).not.toContain(teacherName);
    });

    it('refuses the lists to a teacher and recording for others to a governor', async () => {
      expectError(await teacher.get(url('/people')), 403, 'forbidden');
      expectError(await teacher.get(url('/summary')), 403, 'forbidden');
      expectError(await teacher.get(url('/audits')), 403, 'forbidden');
      expectError(
        await governor.post(url('/records'), {
          personId: teacherPersonId,
          courseId: 'data-protection',
          completedOn: '2026-11-22',
          note: 'x',
        }),
        403,
        'forbidden',
      );
      expectError(await admin.get(url('/mine')), 403, 'forbidden');
    });
  });

  describe('the training-needs audit (R000-058, R003-043)', () => {
    it('a teacher fills in their own; low confidence becomes needs; the lead sees everyone and reviews', async () => {
      const bad = expectError(
        await teacher.post(url('/mine/audit'), { ratings: { ...ratings(3), policy: 7 } }),
        400,
        'validation',
      );
      expect(bad.details?.[0]?.path).toBe('body.ratings.policy');
      const res = await teacher.post(url('/mine/audit'), {
        ratings: { ...ratings(3), nudes: 1, 'data-security': 2 },
        performanceManagement: 'Filtering and monitoring, raised at my review',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().needs).toEqual(['nudes', 'data-security']);
      expect((await teacher.get(url('/mine'))).json().audit.latest.needs).toEqual(['nudes', 'data-security']);

      const all = (await admin.get(url('/audits'))).json();
      const mine = all.people.find((p: { personId: string }) => p.personId === teacherPersonId);
      expect(mine.audit).toMatchObject({ needs: ['nudes', 'data-security'], reviewedBy: null });
      expect(all.summary.find((s: { areaId: string }) => s.areaId === 'nudes')).toMatchObject({ needing: 1 });
      expect(all.people.filter((p: { audit: unknown }) => p.audit === null).length).toBeGreaterThan(30);

      const reviewed = await admin.post(url(`/audits/${mine.audit.id}/review`));
      expect(reviewed.statusCode).toBe(200);
      expect(reviewed.json().reviewedBy).toBe(credential(demo, 'admin').email);
      expectError(await admin.post(url('/audits/nope/review')), 404, 'not-found');

      const summary = (await governor.get(url('/summary'))).json();
      expect(summary.needsAudit).toMatchObject({ completed: 1 });
    });
  });

  describe('reminders (one per person, course and week; in the app and by e-mail)', () => {
    it('sends each signed-up person one reminder per course due or overdue, once a week, surviving a restart and an SMTP failure', async () => {
      const teacherEmail = credential(demo, 'teacher').email;
      const first = await runTrainingReminders(t.haven);
      // The teacher: refresher and "Social media and professional identity" still overdue.
      const teacherReminders = await t.haven.db
        .selectFrom('training_reminders')
        .select(['course_id', 'week'])
        .where('person_id', '=', teacherPersonId)
        .orderBy('course_id')
        .execute();
      expect(teacherReminders).toEqual([
        { course_id: 'online-safety-refresher', week: '2026-W48' },
        { course_id: 'professional-identity', week: '2026-W48' },
      ]);
      expect(first.sent).toBeGreaterThanOrEqual(2);
      expect(await runTrainingReminders(t.haven)).toEqual({ sent: 0 });

      // In the app, for the teacher alone.
      const notes = (await teacher.get('/api/account/notifications')).json().notifications;
      expect(notes.map((n: { title: string }) => n.title)).toEqual(
        expect.arrayContaining(['Training overdue: e-Safety training programme']),
      );
      expect(
        (await admin.get('/api/account/notifications'))
          .json()
          .notifications.some((n: { kind: string }) => n.kind === 'training-reminder'),
      ).toBe(false);

      // The mail server is away: nothing lost, tried again.
      const gone = smtpMailer('smtp://127.0.0.1:1', 'Haven <haven@school.example>');
      expect((await sendPendingEmails(t.haven, gone)).sent).toBe(0);
      gone.close();
      const pending = await t.haven.db
        .selectFrom('notifications')
        .select(['email_state', 'email_attempts'])
        .where('kind', '=', 'training-reminder')
        .execute();
      expect(pending.every((p) => p.email_state === 'pending' && p.email_attempts === 1)).toBe(true);

      const smtp = await startSmtp();
      try {
        const mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'Haven <haven@school.example>');
        // The real job, started, stopped and started again (a restart), a day later in the same week.
        t.clock.advance(86_400_000);
        const errorsSeen: Error[] = [];
        for (let i = 0; i < 2; i++) {
          const stop = startNotificationMail(t.haven, {
            mailer,
            intervalMs: 50,
            scheduleMs: 0,
            onError: (e) => errorsSeen.push(e),
          });
          await new Promise((r) => setTimeout(r, 600));
          stop();
        }
        expect(errorsSeen).toEqual([]);
        const toTeacher = () => smtp.received.filter((m) => m.to.includes(teacherEmail));
        expect(toTeacher()).toHaveLength(2);
        expect(
          toTeacher()
            .map((m) => m.data)
            .join('\n'),
        ).toContain('Training overdue: e-Safety training programme');
        expect(toTeacher()[0]!.data).toContain('/training/mine');
        expect(toTeacher()[0]!.data).toContain('at most once a week');

        // A week on: one more each.
        t.clock.advance(7 * 86_400_000);
        const mailer2 = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'Haven <haven@school.example>');
        await runTrainingReminders(t.haven);
        await runTrainingReminders(t.haven);
        await sendPendingEmails(t.haven, mailer2);
        mailer2.close();
        expect(toTeacher()).toHaveLength(4);
      } finally {
        await smtp.close();
      }
    });
  });
});
