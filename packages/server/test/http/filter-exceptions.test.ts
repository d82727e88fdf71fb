/**
 * Filter exceptions over HTTP: asked for by staff, approved by someone else (never the asker),
 * sent to gateways in the snapshot, counted when used, expired when their end passes, every step
 * in the change-control log. Illegal content is never an exception: the illegal categories, a
 * category the policy marks illegal and a host on the illegal lists are refused outright.
 */
import { filter } from '@haven/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit, verifyAudit } from '../../src/audit/audit-log.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { listChangeLog } from '../../src/repositories/filter-change-log.ts';
import { expireDue } from '../../src/services/exception-service.ts';
import { filterState, MapLists } from '../helpers/filter.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';

const lists = new MapLists();
lists.categories.set('games.example', ['gaming']);
lists.categories.set('adult.example', ['pornography']);
lists.illegalHosts.add('forbidden.example');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

forEachHaven(
  'filter exceptions over HTTP',
  (t) => {
    let demo: DemoResult;
    let admin: TestBrowser;
    let dsl: TestBrowser;
    let teacher: TestBrowser;
    let base: string;
    let gatewayToken: string;

    const iso = (offsetMs: number) => new Date(t.clock.now().getTime() + offsetMs).toISOString();
    const ask = (browser: TestBrowser, overrides: Record<string, unknown> = {}) =>
      browser.post(`${base}/exceptions`, {
        target: { kind: 'host', host: 'Games.Example' },
        scope: { kind: 'group', group: 'ks3' },
        startsAt: iso(-60_000),
        endsAt: iso(2 * HOUR),
        reason: 'Year 9 lesson on game design',
        ...overrides,
      });
    const snapshot = async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/gateway/snapshot',
        headers: { authorization: `Bearer ${gatewayToken}` },
      });
      expect(res.statusCode, res.body).toBe(200);
      return filter.filterSnapshot.parse(res.json());
    };
    const decideNow = async (group: string, host: string) => {
      const prepared = new filter.PreparedFilter(await snapshot());
      return filter.decide(prepared, lists, { group, at: t.clock.now(), host });
    };
    const changeKinds = async (subjectId: string) =>
      (await listChangeLog(t.haven.db, demo.school.id, { subjectId })).items.map((e) => e.kind).reverse();

    let signIns: SignIns;
    /** Moves the clock on; sessions idle out after 10 minutes, so everyone signs in again. */
    const advance = async (ms: number) => {
      t.clock.advance(ms);
      admin = await signIns.browser(credential(demo, 'admin'));
      dsl = await signIns.browser(credential(demo, 'dsl'));
      teacher = await signIns.browser(credential(demo, 'teacher'));
    };

    beforeAll(async () => {
      demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 4 });
      signIns = new SignIns(t);
      await advance(0);
      base = `/api/schools/${demo.school.id}/filter`;
      const registered = await admin.post(`${base}/gateways`, { name: 'Main building' });
      expect(registered.statusCode, registered.body).toBe(201);
      gatewayToken = registered.json().token;
    });

    describe('the lifecycle: request, approve, in the snapshot, used, expired', () => {
      let id: string;

      it('a teacher asks; the host is normalised; the change log says who asked for what', async () => {
        expect((await decideNow('ks3', 'games.example')).action).toBe('block');
        const teacherName = (await teacher.get('/api/session')).json().account.displayName as string;
        const res = await ask(teacher);
        expect(res.statusCode, res.body).toBe(201);
        const body = res.json();
        id = body.id;
        expect(body).toMatchObject({
          status: 'requested',
          target: { kind: 'host', host: 'games.example' },
          scope: { kind: 'group', group: 'ks3' },
          requestedBy: teacherName,
          useCount: 0,
        });
        const [entry] = (await listChangeLog(t.haven.db, demo.school.id, { subjectId: id })).items;
        expect(entry).toMatchObject({ kind: 'exception-requested' });
        expect(entry!.summary).toMatch(
          new RegExp(
            `^${teacherName} asked for games\\.example to be allowed for the Key Stage 3 group from .+ to .+\\.$`,
          ),
        );
        expect(entry!.details).toMatchObject({
          reason: 'Year 9 lesson on game design',
          target: 'games.example',
        });
        // Not in force until approved.
        expect((await snapshot()).exceptions.map((e) => e.id)).not.toContain(id);
        const listed = (await teacher.get(`${base}/exceptions?status=requested`)).json();
        expect(listed.exceptions.map((e: { id: string }) => e.id)).toContain(id);
      });

      it('is approved by someone else, and then the gateway snapshot carries it and allows the host', async () => {
        const res = await dsl.post(`${base}/exceptions/${id}/approve`, { note: 'Fine for this lesson' });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ status: 'approved', decisionNote: 'Fine for this lesson' });
        const snap = await snapshot();
        expect(snap.exceptions).toEqual([
          expect.objectContaining({
            id,
            target: { kind: 'host', host: 'games.example' },
            reason: 'Year 9 lesson on game design',
          }),
        ]);
        const d = await decideNow('ks3', 'games.example');
        expect(d).toMatchObject({ action: 'allow', kind: 'exception' });
        // Only for the group it names.
        expect((await decideNow('ks4', 'games.example')).action).toBe('block');
        // A second decision is refused: it is no longer waiting.
        expectError(await admin.post(`${base}/exceptions/${id}/decline`, {}), 409, 'conflict');
      });

      it('counts its uses from gateway events, logging only the first', async () => {
        const event = {
          at: t.clock.now().toISOString(),
          group: 'ks3',
          user: null,
          client: '10.20.1.5',
          host: 'games.example',
          url: null,
          category: 'gaming',
          action: 'allow',
          kind: 'exception',
          rule: 'user-actions/online-gaming',
          source: 'dns',
          exceptionId: id,
          alert: null,
        };
        for (const batchId of ['use-1', 'use-2']) {
          const res = await t.app.inject({
            method: 'POST',
            url: '/api/gateway/events',
            headers: { authorization: `Bearer ${gatewayToken}` },
            payload: { batchId, events: [event, event] },
          });
          expect(res.statusCode, res.body).toBe(200);
        }
        const listed = (await admin.get(`${base}/exceptions`)).json().exceptions;
        expect(listed.find((e: { id: string }) => e.id === id)).toMatchObject({ useCount: 4 });
        expect(await changeKinds(id)).toEqual([
          'exception-requested',
          'exception-approved',
          'exception-used',
        ]);
      });

      it('expires when its end passes (once), leaves the snapshot, and the host is blocked again', async () => {
        expect(await expireDue(t.haven)).toBe(0);
        await advance(2 * HOUR + 60_000);
        expect(await expireDue(t.haven)).toBe(1);
        expect(await expireDue(t.haven)).toBe(0);
        const listed = (await admin.get(`${base}/exceptions`)).json().exceptions;
        expect(listed.find((e: { id: string }) => e.id === id)).toMatchObject({ status: 'expired' });
        expect((await snapshot()).exceptions).toEqual([]);
        expect((await decideNow('ks3', 'games.example')).action).toBe('block');
        expect(await changeKinds(id)).toEqual([
          'exception-requested',
          'exception-approved',
          'exception-used',
          'exception-expired',
        ]);
        const [expired] = (await listChangeLog(t.haven.db, demo.school.id, { subjectId: id, limit: 1 }))
          .items;
        expect(expired).toMatchObject({ actor: 'system', actorName: 'Haven' });
        expect(expired!.summary).toBe(
          'The exception allowing games.example for the Key Stage 3 group ended.',
        );
        const audited = await listAudit(t.haven.db, { targetType: 'filter-exception', targetId: id });
        expect(audited.items.map((e) => e.action).reverse()).toEqual([
          'filter.exception-requested',
          'filter.exception-approved',
          'filter.exception-expired',
        ]);
      });
    });

    it('refuses self-approval: the DSL cannot approve their own request, another approver can', async () => {
      const asked = await ask(dsl, { target: { kind: 'category', category: 'gaming' } });
      expect(asked.statusCode, asked.body).toBe(201);
      const id = asked.json().id as string;
      const error = expectError(await dsl.post(`${base}/exceptions/${id}/approve`, {}), 403, 'forbidden');
      expect(error.message).toMatch(/someone else must approve it/);
      expect(
        (await admin.get(`${base}/exceptions`)).json().exceptions.find((e: { id: string }) => e.id === id),
      ).toMatchObject({ status: 'requested' });
      expect((await admin.post(`${base}/exceptions/${id}/approve`, {})).statusCode).toBe(200);
      expect(await changeKinds(id)).toEqual(['exception-requested', 'exception-approved']);
    });

    it('lets the asker withdraw their request, but not someone else’s unless they approve exceptions', async () => {
      const mine = (await ask(teacher)).json().id as string;
      const theirs = (await ask(dsl)).json().id as string;
      expectError(await teacher.post(`${base}/exceptions/${theirs}/withdraw`), 403, 'forbidden');
      expect((await teacher.post(`${base}/exceptions/${mine}/withdraw`)).json()).toMatchObject({
        status: 'withdrawn',
      });
      expectError(await teacher.post(`${base}/exceptions/${mine}/withdraw`), 409, 'conflict');
      expect((await admin.post(`${base}/exceptions/${theirs}/withdraw`)).json()).toMatchObject({
        status: 'withdrawn',
      });
      expect(await changeKinds(mine)).toEqual(['exception-requested', 'exception-withdrawn']);
    });

    it('lapses a request nobody decided before its end', async () => {
      const id = (await ask(teacher, { endsAt: iso(HOUR) })).json().id as string;
      await advance(HOUR + 1000);
      expect(await expireDue(t.haven)).toBeGreaterThanOrEqual(1);
      expect(await changeKinds(id)).toEqual(['exception-requested', 'exception-expired']);
      const [entry] = (await listChangeLog(t.haven.db, demo.school.id, { subjectId: id, limit: 1 })).items;
      expect(entry!.summary).toMatch(/lapsed: nobody decided it before its end/);
    });

    describe('illegal content is never an exception (422 illegal-not-overridable)', () => {
      const refused = [
        ['the child-abuse category', { target: { kind: 'category', category: 'child-abuse' } }],
        [
          'the terrorism category, for one user',
          {
            target: { kind: 'category', category: 'terrorism' },
            scope: { kind: 'user', user: 'j.smith' },
          },
        ],
        [
          'a category the policy marks illegal (pornography)',
          { target: { kind: 'category', category: 'pornography' } },
        ],
        ['a host on the illegal list', { target: { kind: 'host', host: 'forbidden.example' } }],
        [
          'a subdomain of a host on the illegal list, pasted as a URL',
          {
            target: { kind: 'host', host: 'https://www.Forbidden.example/page' },
          },
        ],
        ['a host the lists put in an illegal category', { target: { kind: 'host', host: 'adult.example' } }],
      ] as const;
      for (const [what, overrides] of refused) {
        it(`refuses ${what}, storing nothing and not echoing it to the audit log`, async () => {
          const before = await filterState(t.haven.db, demo.school.id);
          const error = expectError(await ask(admin, overrides), 422, 'illegal-not-overridable');
          expect(error.message).toMatch(/cannot be unblocked/);
          expect(await filterState(t.haven.db, demo.school.id)).toEqual(before);
          const [audited] = (
            await listAudit(t.haven.db, {
              schoolId: demo.school.id,
              action: 'filter.exception-refused',
              limit: 1,
            })
          ).items;
          expect(audited?.detail).toMatchObject({ reason: 'illegal-not-overridable' });
          expect(JSON.stringify(audited)).not.toMatch(/forbidden|adult|child-abuse|terrorism|pornography/);
        });
      }
    });

    describe('other refusals', () => {
      it('refuses an exception longer than the school allows, naming endsAt', async () => {
        const error = expectError(await ask(teacher, { endsAt: iso(29 * DAY) }), 400, 'validation');
        expect(error.details).toEqual([
          {
            path: 'endsAt',
            reason: 'is more than 28 days after the start, the longest the school allows an exception to run',
          },
        ]);
        expect((await ask(teacher, { startsAt: iso(0), endsAt: iso(28 * DAY) })).statusCode).toBe(201);
      });

      it('refuses an end before the start, an end already past, an unknown group, a bad host, no reason', async () => {
        const cases: [Record<string, unknown>, string][] = [
          [{ startsAt: iso(HOUR), endsAt: iso(0) }, 'endsAt'],
          [{ startsAt: iso(-2 * HOUR), endsAt: iso(-HOUR) }, 'endsAt'],
          [{ scope: { kind: 'group', group: 'year-12' } }, 'scope.group'],
          [{ target: { kind: 'host', host: 'not a host' } }, 'target.host'],
          [{ reason: '   ' }, 'body.reason'],
          [{ target: { kind: 'category', category: 'no-such-category' } }, 'body.target.category'],
        ];
        for (const [overrides, path] of cases) {
          const before = await filterState(t.haven.db, demo.school.id);
          const error = expectError(await ask(teacher, overrides), 400, 'validation');
          expect(
            error.details?.map((d) => d.path),
            JSON.stringify(overrides),
          ).toContain(path);
          expect(await filterState(t.haven.db, demo.school.id)).toEqual(before);
        }
      });

      it('refuses approval once the policy makes the category illegal in the meantime (checked again)', async () => {
        // A host the lists later put in an illegal category.
        lists.categories.set('later.example', ['gaming']);
        const id = (await ask(teacher, { target: { kind: 'host', host: 'later.example' } })).json()
          .id as string;
        lists.categories.set('later.example', ['pornography']);
        expectError(await admin.post(`${base}/exceptions/${id}/approve`, {}), 422, 'illegal-not-overridable');
        lists.categories.delete('later.example');
      });

      it('governors cannot ask for exceptions', async () => {
        const governor = await signIns.browser(credential(demo, 'governor'));
        expectError(await ask(governor), 403, 'forbidden');
      });
    });

    it('keeps an intact audit chain', async () => {
      expect((await verifyAudit(t.haven.db)).ok).toBe(true);
    });
  },
  { lists },
);
