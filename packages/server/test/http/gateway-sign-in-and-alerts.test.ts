/**
 * Proxy sign-in at a gateway against the school's accounts (the address is tied to the person
 * and their group, and reaches the snapshot; a success neither clears nor adds to the failure
 * count), and the alert an illegal-list hit raises at once for the DSL and deputies: in the app
 * for them alone, and by e-mail over real SMTP with a link and no personal content.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, verifyAudit } from '../../src/audit/audit-log.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { smtpMailer } from '../../src/mail/mailer.ts';
import { createAccount, getAccountByEmail, updateAccount } from '../../src/repositories/accounts.ts';
import { createPerson } from '../../src/repositories/people.ts';
import { sendPendingEmails } from '../../src/services/notification-service.ts';
import { signEverything } from '../helpers/agreements.ts';
import { MapLists } from '../helpers/filter.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';
import { startSmtp } from '../helpers/smtp.ts';

const SECRET_HOST = 'secret-illegal-host.example';
const PUPIL_PASSWORD = 'harbour lantern meadow 42';

forEachHaven(
  'proxy sign-in and illegal-hit alerts',
  (t) => {
    let demo: DemoResult;
    let admin: TestBrowser;
    let dsl: TestBrowser;
    let teacher: TestBrowser;
    let base: string;
    let token: string;
    let pupilEmail: string;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;

    const gateway = (
      method: 'GET' | 'POST',
      url: string,
      payload?: object,
    ): Promise<LightMyRequestResponse> =>
      t.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload ? { payload } : {}),
      });
    const signIn = (username: string, password: string, client = '10.20.1.77') =>
      gateway('POST', '/api/gateway/sign-in', { username, password, client });

    beforeAll(async () => {
      smtp = await startSmtp();
      demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 4 });
      const signIns = new SignIns(t);
      admin = await signIns.browser(credential(demo, 'admin'));
      dsl = await signIns.browser(credential(demo, 'dsl'));
      teacher = await signIns.browser(credential(demo, 'teacher'));
      base = `/api/schools/${demo.school.id}/filter`;
      const res = await admin.post(`${base}/gateways`, { name: 'Library', site: 'main' });
      expect(res.statusCode, res.body).toBe(201);
      ({ token } = res.json());
      // A Year 8 pupil with an account of their own, for the proxy.
      const pupil = await createPerson(t.haven.db, {
        schoolId: demo.school.id,
        kind: 'pupil',
        givenName: 'Ada',
        familyName: 'Pupil',
        displayName: 'Ada Pupil',
        yearGroup: 'Year 8',
      });
      pupilEmail = `ada.pupil@${credential(demo, 'teacher').email.split('@')[1]}`;
      const account = await createAccount(t.haven.db, {
        schoolId: demo.school.id,
        personId: pupil.id,
        email: pupilEmail,
        displayName: 'Ada Pupil',
        passwordHash: await hashPassword(PUPIL_PASSWORD),
        grants: ['pupil'],
      });
      // Access follows signing (agreements-gateway.test.ts): Ada has signed her agreement.
      await signEverything(t.haven, account.id);
    });
    afterAll(async () => {
      await smtp?.close();
    });

    describe('proxy sign-in', () => {
      it("ties the address to a pupil and their key stage's group, and the snapshot carries it", async () => {
        const res = await signIn(pupilEmail, PUPIL_PASSWORD, '10.20.1.77');
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ user: pupilEmail, group: 'ks3' });
        const snapshot = (await gateway('GET', '/api/gateway/snapshot')).json();
        expect(snapshot.addressUsers).toEqual([
          expect.objectContaining({ address: '10.20.1.77', user: pupilEmail, group: 'ks3' }),
        ]);
        const audited = (await listAudit(t.haven.db, { action: 'gateway.sign-in' })).items;
        expect(audited[0]).toMatchObject({ actorLabel: pupilEmail });
        expect(JSON.stringify(audited)).not.toContain(PUPIL_PASSWORD);
      });

      it('puts a member of staff in the staff group', async () => {
        const c = credential(demo, 'teacher');
        await signEverything(t.haven, (await getAccountByEmail(t.haven.db, c.email))!.id);
        const res = await signIn(c.email, c.password, '10.20.1.78');
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ user: c.email, group: 'staff' });
      });

      it('refuses a wrong password, an unknown account and a missing token alike', async () => {
        expectError(await signIn(pupilEmail, 'not the password'), 401, 'auth.invalid');
        expectError(await signIn('nobody@example.org', 'whatever it is'), 401, 'auth.invalid');
        const bare = await t.app.inject({
          method: 'POST',
          url: '/api/gateway/sign-in',
          payload: { username: pupilEmail, password: PUPIL_PASSWORD },
        });
        expect(bare.statusCode).toBe(401);
      });

      it('neither clears nor adds to the failure count when it succeeds', async () => {
        await updateAccount(t.haven.db, (await getAccountByEmail(t.haven.db, pupilEmail))!.id, {
          failedAttempts: 0,
          lastFailedAt: null,
        });
        expectError(await signIn(pupilEmail, 'wrong one'), 401, 'auth.invalid');
        expectError(await signIn(pupilEmail, 'wrong two'), 401, 'auth.invalid');
        expect((await getAccountByEmail(t.haven.db, pupilEmail))!.failedAttempts).toBe(2);
        for (let i = 0; i < 3; i++) expect((await signIn(pupilEmail, PUPIL_PASSWORD)).statusCode).toBe(200);
        expect((await getAccountByEmail(t.haven.db, pupilEmail))!.failedAttempts).toBe(2);
      });

      it('refuses an account of another school', async () => {
        const other = await createDemoSchool(t.haven, 'westover', { pupils: 1 });
        const c = credential(other, 'teacher');
        expectError(await signIn(c.email, c.password), 401, 'auth.invalid');
      });
    });

    describe('an illegal-list hit', () => {
      it('alerts the DSL in the app at once, and nobody without the post', async () => {
        const res = await gateway('POST', '/api/gateway/events', {
          batchId: 'illegal-1',
          events: [
            {
              at: t.clock.now().toISOString(),
              group: 'ks3',
              user: pupilEmail,
              client: '10.20.1.77',
              host: SECRET_HOST,
              url: `http://${SECRET_HOST}/path`,
              category: null,
              action: 'block',
              kind: 'illegal-list',
              rule: null,
              source: 'proxy',
              exceptionId: null,
              alert: 'illegal-list',
            },
          ],
        });
        expect(res.statusCode, res.body).toBe(200);

        const mine = await dsl.get('/api/account/notifications');
        expect(mine.statusCode).toBe(200);
        expect(mine.json().unread).toBe(1);
        const [n] = mine.json().notifications;
        expect(n).toMatchObject({
          kind: 'illegal-hit',
          urgent: true,
          link: '/filter/illegal-hits',
          readAt: null,
        });
        expect(JSON.stringify(n)).not.toContain(SECRET_HOST);
        expect(JSON.stringify(n)).not.toContain(pupilEmail);

        expect((await teacher.get('/api/account/notifications')).json()).toEqual({
          notifications: [],
          unread: 0,
        });
        expectError(await teacher.post(`/api/account/notifications/${n.id}/read`, {}), 404, 'not-found');

        expect((await dsl.post(`/api/account/notifications/${n.id}/read`, {})).statusCode).toBe(204);
        expect((await dsl.get('/api/account/notifications')).json().unread).toBe(0);
      });

      it('shows the DSL who and where, never what, and audit-logs the look; others are refused', async () => {
        const res = await dsl.get(`${base}/illegal-hits`);
        expect(res.statusCode).toBe(200);
        expect(res.json().hits).toEqual([
          expect.objectContaining({ group: 'ks3', user: pupilEmail, client: '10.20.1.77', source: 'proxy' }),
        ]);
        expect(res.body).not.toContain(SECRET_HOST);
        expect((await listAudit(t.haven.db, { action: 'filter.illegal-hits.viewed' })).items.length).toBe(1);
        expectError(await teacher.get(`${base}/illegal-hits`), 403, 'forbidden');
        expectError(await admin.get(`${base}/illegal-hits`), 403, 'forbidden');
      });

      it('e-mails the DSL over SMTP with a link and nothing personal, once', async () => {
        const mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'Haven <haven@school.example>');
        try {
          expect(await sendPendingEmails(t.haven, mailer)).toEqual({ sent: 1, failed: 0 });
          expect(await sendPendingEmails(t.haven, mailer)).toEqual({ sent: 0, failed: 0 });
        } finally {
          mailer.close();
        }
        const dslEmail = credential(demo, 'dsl').email;
        const mail = smtp.received.filter((m) => m.to.includes(dslEmail));
        expect(mail).toHaveLength(1);
        const text = mail[0]!.data;
        expect(text).toContain('/filter/illegal-hits');
        expect(text).toContain('illegal-content list');
        for (const secret of [SECRET_HOST, pupilEmail, '10.20.1.77', 'Ada'])
          expect(text, secret).not.toContain(secret);
        expect(smtp.received.some((m) => m.to.includes(credential(demo, 'teacher').email))).toBe(false);
      });

      it('without a mail server, keeps the alert in the app and marks the e-mail not configured', async () => {
        await gateway('POST', '/api/gateway/events', {
          batchId: 'illegal-2',
          events: [
            {
              at: t.clock.now().toISOString(),
              group: 'ks3',
              user: null,
              client: '10.20.1.80',
              host: SECRET_HOST,
              url: null,
              category: null,
              action: 'block',
              kind: 'illegal-list',
              rule: null,
              source: 'dns',
              exceptionId: null,
              alert: 'illegal-list',
            },
          ],
        });
        expect(await sendPendingEmails(t.haven, null)).toEqual({ sent: 0, failed: 0 });
        const rows = await t.haven.db.selectFrom('notifications').select('email_state').execute();
        expect(rows.map((r) => r.email_state).sort()).toEqual(['not-configured', 'sent']);
        expect((await dsl.get('/api/account/notifications')).json().unread).toBe(1);
      });
    });

    it('keeps an intact audit chain', async () => {
      expect((await verifyAudit(t.haven.db)).ok).toBe(true);
    });
  },
  { lists: new MapLists() },
);
