/**
 * Filter settings, groups and "what happens to this URL" over HTTP: the defaults from the approved
 * policy, a save and read back, refusals naming the field paths, stale edits, the change-control
 * log (a summary of what changed, each standing entry with its reason) and the audit log.
 */
import { filter, policy } from '@haven/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit, verifyAudit } from '../../src/audit/audit-log.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { HavenError } from '../../src/http/errors.ts';
import { listChangeLog } from '../../src/repositories/filter-change-log.ts';
import { createSchool } from '../../src/repositories/schools.ts';
import { getFilterSettings, saveFilterSettings } from '../../src/services/filter-settings-service.ts';
import { MapLists } from '../helpers/filter.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';

const lists = new MapLists();
lists.categories.set('games.example', ['gaming']);
lists.categories.set('tube.example', ['video-broadcasting']);
lists.categories.set('friends.example', ['social-media']);
lists.illegalHosts.add('forbidden.example');

forEachHaven(
  'filter settings, groups and explain over HTTP',
  (t) => {
    let demo: DemoResult;
    let admin: TestBrowser;
    let teacher: TestBrowser;
    let governor: TestBrowser;
    let base: string;

    beforeAll(async () => {
      demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 4 });
      const signIns = new SignIns(t);
      admin = await signIns.browser(credential(demo, 'admin'));
      teacher = await signIns.browser(credential(demo, 'teacher'));
      governor = await signIns.browser(credential(demo, 'governor'));
      base = `/api/schools/${demo.school.id}/filter`;
    });

    const put = (body: unknown) => admin.request('PUT', `${base}/settings`, body);

    describe('settings', () => {
      it("starts from the defaults the approved policy gives (groups from the school's phase)", async () => {
        const res = await teacher.get(`${base}/settings`);
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json();
        expect(body).toMatchObject({ revision: 0, defaults: true, policyVersion: 1 });
        expect(body.settings).toEqual(
          JSON.parse(JSON.stringify(filter.defaultFilterSettings(policy.template('milford-haven')!))),
        );
        expect(body.settings.groups.map((g: { id: string }) => g.id)).toEqual([
          'ks3',
          'ks4',
          'sixth-form',
          'staff',
          'guests',
        ]);
      });

      it('saves, reads back, logs what changed and audits it', async () => {
        const before = (await admin.get(`${base}/settings`)).json();
        const settings = {
          ...before.settings,
          exceptionMaxDays: 14,
          networks: [{ cidr: '10.20.0.0/16', group: 'ks3' }],
          standing: [
            {
              id: 'revision-site',
              action: 'allow',
              host: 'Revise.Example.org',
              reason: 'GCSE revision site the English department uses',
            },
          ],
        };
        const res = await put({ settings, revision: 0 });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ revision: 1, defaults: false });

        const read = (await governor.get(`${base}/settings`)).json();
        expect(read.revision).toBe(1);
        expect(read.settings.exceptionMaxDays).toBe(14);
        expect(read.settings.networks).toEqual([{ cidr: '10.20.0.0/16', group: 'ks3' }]);
        // Host lower-cased by the schema; who and when stamped by the server.
        expect(read.settings.standing).toEqual([
          {
            id: 'revision-site',
            action: 'allow',
            host: 'revise.example.org',
            reason: 'GCSE revision site the English department uses',
            by: 'School administrator',
            at: t.clock.now().toISOString(),
          },
        ]);

        const log = (await listChangeLog(t.haven.db, demo.school.id, { limit: 10 })).items;
        const changed = log.find((e) => e.kind === 'settings-changed')!;
        expect(changed.summary).toMatch(/^School administrator changed the filter settings: /);
        expect(changed.summary).toContain('the longest exception allowed (28 to 14 days)');
        expect(changed.summary).toContain('which networks belong to which group');
        expect(changed.details).toMatchObject({ revision: 1, changed: ['exceptionMaxDays', 'networks'] });
        const added = log.find((e) => e.kind === 'standing-added')!;
        expect(added.summary).toBe(
          'School administrator added a standing allow entry for revise.example.org: GCSE revision site the English department uses',
        );
        expect(added.subjectId).toBe('revision-site');

        const events = await listAudit(t.haven.db, {
          schoolId: demo.school.id,
          action: 'filter.settings-saved',
        });
        expect(events.items[0]?.detail).toMatchObject({
          revision: 1,
          changed: ['exceptionMaxDays', 'networks'],
          standingAdded: ['revision-site'],
          standingRemoved: [],
        });
      });

      it('logs a standing entry removed, with the reason it had', async () => {
        const current = (await admin.get(`${base}/settings`)).json();
        const res = await put({
          settings: { ...current.settings, standing: [] },
          revision: current.revision,
        });
        expect(res.statusCode, res.body).toBe(200);
        const [latest] = (await listChangeLog(t.haven.db, demo.school.id, { limit: 1 })).items;
        expect(latest).toMatchObject({ kind: 'standing-removed', subjectId: 'revision-site' });
        expect(latest!.summary).toBe(
          'School administrator removed the standing allow entry for revise.example.org (it was there because: GCSE revision site the English department uses).',
        );
      });

      it('refuses invalid settings with the paths of what is wrong, and stores nothing', async () => {
        const current = (await admin.get(`${base}/settings`)).json();
        const bad = {
          ...current.settings,
          groups: [{ ...current.settings.groups[0], id: 'Key Stage 3' }, ...current.settings.groups.slice(1)],
          defaultGroup: 'nobody',
          exceptionMaxDays: 0,
          illegalLists: 'off',
        };
        const error = expectError(await put({ settings: bad }), 400, 'validation');
        const paths = error.details!.map((d) => d.path);
        expect(paths).toEqual(
          expect.arrayContaining([
            'settings.groups.0.id',
            'settings.exceptionMaxDays',
            'settings',
            'settings.defaultGroup',
          ]),
        );
        expect(error.details!.find((d) => d.path === 'settings')?.reason).toMatch(/illegalLists/);
        expectError(await put({ settings: 'not settings' }), 400, 'validation');
        expect((await admin.get(`${base}/settings`)).json().revision).toBe(current.revision);
      });

      it('refuses a save over someone else’s newer one (409), naming the revision', async () => {
        const current = (await admin.get(`${base}/settings`)).json();
        const error = expectError(
          await put({ settings: current.settings, revision: current.revision - 1 }),
          409,
          'conflict',
        );
        expect(error.message).toContain(`revision ${current.revision}`);
      });

      it('refuses a save by someone without the settings grant', async () => {
        const current = (await admin.get(`${base}/settings`)).json();
        expectError(
          await teacher.request('PUT', `${base}/settings`, { settings: current.settings }),
          403,
          'forbidden',
        );
      });

      it('says plainly when the school has no approved policy yet (409 filter.no-policy)', async () => {
        const { school } = await createSchool(t.haven.db, {
          slug: 'no-policy-yet',
          name: 'No Policy Yet Academy',
          templateId: 'blank',
          timeZone: 'Europe/London',
          locale: 'en',
        });
        const actor = {
          accountId: null,
          label: 'test',
          schoolId: school.id,
          grants: ['school-admin'],
          ip: null,
        };
        for (const attempt of [
          () => getFilterSettings(t.haven, actor, school.id),
          () => saveFilterSettings(t.haven, actor, school.id, { settings: {} }),
        ]) {
          const error = await attempt().catch((e: unknown) => e);
          expect(error).toBeInstanceOf(HavenError);
          expect(error).toMatchObject({ id: 'filter.no-policy', status: 409 });
          expect((error as Error).message).toMatch(/no approved policy/);
        }
      });
    });

    describe('groups', () => {
      it('shows each group with its compiled rules and the clauses behind them', async () => {
        const res = await governor.get(`${base}/groups`);
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json();
        expect(body.policyVersion).toBe(1);
        const ks3 = body.groups.find((g: { id: string }) => g.id === 'ks3');
        expect(ks3.rules.gambling).toMatchObject({
          effect: 'block',
          governing: { source: 'user-actions', label: 'On-line gambling' },
        });
        expect(ks3.rules['child-abuse'].effect).toBe('illegal');
        expect(body.categories.gaming).toBe('online games');
      });
    });

    describe('explain', () => {
      const explain = (body: object, browser = teacher) => browser.post(`${base}/explain`, body);

      it('answers with the CLI contract: action, category, reason, policy', async () => {
        const res = await explain({ group: 'ks3', url: 'https://games.example/play?level=2' });
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json();
        expect(body).toMatchObject({
          action: 'block',
          category: 'gaming',
          policy: { matrix: 'user-actions', row: 'On-line gaming (non educational)', value: 'unacceptable' },
        });
        expect(body.reason).toMatch(/online games/);
        expect(body.decision).toMatchObject({
          kind: 'policy',
          group: 'ks3',
          host: 'games.example',
          path: '/play?level=2',
          matched: 'games.example',
          overridable: true,
        });
        expect(body.decision.rule.governing.text).toContain('On-line gaming');
      });

      it('reads the timetable: social media for staff is blocked in lessons, allowed after school', async () => {
        // 09:00 on a Monday in term: a lesson.
        const inLesson = (
          await explain({ group: 'staff', url: 'friends.example', at: '2026-11-23T09:30:00Z' })
        ).json();
        expect(inLesson).toMatchObject({ action: 'block', category: 'social-media' });
        expect(inLesson.decision.lessonTime).toBe(true);
        const after = (
          await explain({ group: 'staff', url: 'friends.example', at: '2026-11-23T17:00:00Z' })
        ).json();
        expect(after).toMatchObject({ action: 'allow', category: 'social-media' });
        expect(after.decision.path).toBeNull();
      });

      it('never reveals an illegal-list entry, and records the check as a hit', async () => {
        const before = await t.haven.db.selectFrom('filter_illegal_hits').select('id').execute();
        const body = (await explain({ group: 'ks3', url: 'http://sub.forbidden.example/x' }, admin)).json();
        expect(body).toMatchObject({ action: 'block', category: null, policy: null });
        expect(body.decision).toMatchObject({ kind: 'illegal-list', host: null, path: null, matched: null });
        expect(body.decision.overridable).toBe(false);
        const after = await t.haven.db.selectFrom('filter_illegal_hits').selectAll().execute();
        expect(after.length).toBe(before.length + 1);
        expect(after.at(-1)).toMatchObject({ source: 'check', group_id: 'ks3' });
        expect(JSON.stringify(after)).not.toContain('forbidden');
      });

      it('refuses an unknown group or an unreadable address', async () => {
        const error = expectError(
          await explain({ group: 'year-99', url: 'games.example' }),
          400,
          'validation',
        );
        expect(error.details).toEqual([{ path: 'group', reason: 'there is no filter group "year-99"' }]);
        expectError(await explain({ group: 'ks3', url: 'http://' }), 400, 'validation');
      });
    });

    it('keeps an intact audit chain', async () => {
      expect((await verifyAudit(t.haven.db)).ok).toBe(true);
    });
  },
  { lists },
);
