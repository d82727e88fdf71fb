/**
 * The gateway-facing API and what it feeds: bearer-token authentication (missing, wrong and
 * revoked tokens are refused alike; a session cookie is no substitute), the snapshot's ETag,
 * idempotent event batches and their size limits, illegal-list hits recorded without the host or
 * URL anywhere in the database, block-page review requests, and the decision-log search (filters,
 * keyset pages, audit-logged) the school reads.
 */
import { filter } from '@haven/core';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit, verifyAudit } from '../../src/audit/audit-log.ts';
import type { Database } from '../../src/db/schema.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { listChangeLog } from '../../src/repositories/filter-change-log.ts';
import { MapLists } from '../helpers/filter.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';

const lists = new MapLists();

const SECRET_HOST = 'very-secret-illegal-host.example';

interface EventInput {
  at?: string;
  group?: string;
  user?: string | null;
  host?: string;
  url?: string | null;
  category?: string | null;
  action?: 'allow' | 'block';
  kind?: string;
  alert?: string | null;
  exceptionId?: string | null;
}

forEachHaven(
  'the gateway API and the decision log',
  (t) => {
    let demo: DemoResult;
    let admin: TestBrowser;
    let dsl: TestBrowser;
    let teacher: TestBrowser;
    let governor: TestBrowser;
    let base: string;
    let token: string;
    let gatewayId: string;

    const gateway = (
      method: 'GET' | 'POST',
      url: string,
      options: { token?: string | null; payload?: unknown; headers?: Record<string, string> } = {},
    ): Promise<LightMyRequestResponse> =>
      t.app.inject({
        method,
        url,
        headers: {
          ...(options.token === null ? {} : { authorization: `Bearer ${options.token ?? token}` }),
          ...options.headers,
        },
        ...(options.payload === undefined ? {} : { payload: options.payload as object }),
      });

    const event = (e: EventInput = {}) => ({
      at: e.at ?? t.clock.now().toISOString(),
      group: e.group ?? 'ks3',
      user: e.user === undefined ? 'pupil.one' : e.user,
      client: '10.20.1.5',
      host: e.host ?? 'www.example.org',
      url: e.url ?? null,
      category: e.category ?? null,
      action: e.action ?? 'allow',
      kind: e.kind ?? 'uncategorised',
      rule: null,
      source: 'proxy',
      exceptionId: e.exceptionId ?? null,
      alert: e.alert ?? null,
    });

    const post = (batchId: string, events: unknown[], tok?: string) =>
      gateway('POST', '/api/gateway/events', {
        payload: { batchId, events },
        ...(tok ? { token: tok } : {}),
      });

    const decisionCount = async () =>
      Number(
        (
          await t.haven.db
            .selectFrom('filter_decisions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('school_id', '=', demo.school.id)
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 4 });
      const signIns = new SignIns(t);
      admin = await signIns.browser(credential(demo, 'admin'));
      dsl = await signIns.browser(credential(demo, 'dsl'));
      teacher = await signIns.browser(credential(demo, 'teacher'));
      governor = await signIns.browser(credential(demo, 'governor'));
      base = `/api/schools/${demo.school.id}/filter`;
      const res = await admin.post(`${base}/gateways`, { name: 'Main building', site: 'main' });
      expect(res.statusCode, res.body).toBe(201);
      ({ token } = res.json());
      gatewayId = res.json().gateway.id;
    });

    describe('gateways and their tokens', () => {
      it('shows the token once: the list never has it, nor does the database', async () => {
        expect(token).toMatch(/^hgw_[A-Za-z0-9_-]{43}$/);
        const listed = await admin.get(`${base}/gateways`);
        expect(listed.statusCode).toBe(200);
        expect(listed.body).not.toContain(token);
        expect(listed.json().gateways).toEqual([
          expect.objectContaining({ id: gatewayId, name: 'Main building', site: 'main', revokedAt: null }),
        ]);
        expect(Object.keys(listed.json().gateways[0]).sort()).toEqual(
          ['createdAt', 'id', 'lastSeenAt', 'name', 'revokedAt', 'site'].sort(),
        );
        const rows = await t.haven.db.selectFrom('gateways').selectAll().execute();
        expect(JSON.stringify(rows)).not.toContain(token);
        expect(JSON.stringify(rows)).not.toContain(token.slice(4));
      });

      it('refuses a site the school does not have', async () => {
        const error = expectError(
          await admin.post(`${base}/gateways`, { name: 'X', site: 'mars' }),
          400,
          'validation',
        );
        expect(error.details).toEqual([{ path: 'site', reason: 'the school has no site "mars"' }]);
      });

      it('refuses a missing, malformed, wrong or revoked token on every gateway route (401 auth.gateway)', async () => {
        const other = (await admin.post(`${base}/gateways`, { name: 'To revoke' })).json();
        expect((await gateway('GET', '/api/gateway/snapshot', { token: other.token })).statusCode).toBe(200);
        expect((await admin.delete(`${base}/gateways/${other.gateway.id}`)).statusCode).toBe(204);
        // Revoking again is harmless.
        expect((await admin.delete(`${base}/gateways/${other.gateway.id}`)).statusCode).toBe(204);
        const adminCookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
        const attempts: { token?: string | null; headers?: Record<string, string> }[] = [
          { token: null },
          { token: null, headers: { authorization: token } },
          { token: null, headers: { authorization: `Basic ${token}` } },
          { token: `hgw_${'A'.repeat(43)}` },
          { token: 'short' },
          { token: other.token },
          // A signed-in administrator's session is not a gateway.
          { token: null, headers: { cookie: adminCookie, 'x-csrf-token': admin.csrf } },
        ];
        const routes = [
          ['GET', '/api/gateway/snapshot', undefined],
          ['POST', '/api/gateway/events', { batchId: 'refused', events: [event()] }],
          ['POST', '/api/gateway/reviews', { host: 'a.example', reference: 'R1' }],
        ] as const;
        const before = await decisionCount();
        for (const [method, url, payload] of routes) {
          for (const attempt of attempts) {
            const res = await gateway(method, url, { ...attempt, payload });
            const error = expectError(res, 401, 'auth.gateway');
            expect(error.message).toMatch(/credential/);
            expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
          }
        }
        expect(await decisionCount()).toBe(before);
        expect(
          await t.haven.db
            .selectFrom('filter_review_requests')
            .select('id')
            .where('reference', '=', 'R1')
            .execute(),
        ).toEqual([]);
      });

      it('needs no CSRF token and no cookie: the bearer token is the credential', async () => {
        const res = await post('no-csrf', [event()]);
        expect(res.statusCode, res.body).toBe(200);
      });

      it('records when the gateway was last seen', async () => {
        const [row] = await t.haven.db
          .selectFrom('gateways')
          .selectAll()
          .where('id', '=', gatewayId)
          .execute();
        expect(row?.last_seen_at).toBeTruthy();
      });
    });

    describe('the snapshot', () => {
      it('is the versioned contract, with an ETag; If-None-Match answers 304 with no body', async () => {
        const first = await gateway('GET', '/api/gateway/snapshot');
        expect(first.statusCode, first.body).toBe(200);
        const snap = filter.filterSnapshot.parse(first.json());
        expect(snap).toMatchObject({
          format: 'haven-filter-snapshot',
          version: 1,
          school: { id: demo.school.id },
          policyVersion: 1,
        });
        expect(first.headers.etag).toBe(`"${snap.etag}"`);
        const again = await gateway('GET', '/api/gateway/snapshot', {
          headers: { 'if-none-match': `"${snap.etag}"` },
        });
        expect(again.statusCode).toBe(304);
        expect(again.body).toBe('');
        expect(
          (await gateway('GET', '/api/gateway/snapshot', { headers: { 'if-none-match': '"stale", W/"x"' } }))
            .statusCode,
        ).toBe(200);

        // A settings change makes a new snapshot with a new tag.
        const current = (await admin.get(`${base}/settings`)).json();
        const saved = await admin.request('PUT', `${base}/settings`, {
          settings: { ...current.settings, blockMode: 'nxdomain' },
        });
        expect(saved.statusCode, saved.body).toBe(200);
        const changed = await gateway('GET', '/api/gateway/snapshot', {
          headers: { 'if-none-match': `"${snap.etag}"` },
        });
        expect(changed.statusCode).toBe(200);
        expect(changed.json().blockMode).toBe('nxdomain');
        expect(changed.headers.etag).not.toBe(first.headers.etag);
      });
    });

    describe('event batches', () => {
      it('are taken once per batch id: a resend adds nothing and says duplicate', async () => {
        const before = await decisionCount();
        const events = [event(), event({ action: 'block', category: 'gambling', kind: 'policy' }), event()];
        const first = await post('batch-a', events);
        expect(first.statusCode, first.body).toBe(200);
        expect(first.json()).toEqual({ batchId: 'batch-a', duplicate: false, accepted: 3, illegalHits: 0 });
        const again = await post('batch-a', events);
        expect(again.statusCode).toBe(200);
        expect(again.json()).toEqual({ batchId: 'batch-a', duplicate: true, accepted: 0, illegalHits: 0 });
        expect(await decisionCount()).toBe(before + 3);
        const [stored] = await t.haven.db
          .selectFrom('filter_decisions')
          .selectAll()
          .where('batch_id', '=', 'batch-a')
          .orderBy('id')
          .execute();
        expect(stored).toMatchObject({
          gateway_id: gatewayId,
          site: 'main',
          source: 'proxy',
          group_id: 'ks3',
        });
      });

      it('are refused whole when an event is malformed or there are too many (400), or too big (413)', async () => {
        const before = await decisionCount();
        expectError(await post('bad-1', [event(), { ...event(), action: 'maybe' }]), 400, 'validation');
        expectError(await post('bad-2', [{ ...event(), at: 'yesterday' }]), 400, 'validation');
        expectError(await post('bad-3', [{ ...event(), category: 'made-up' }]), 400, 'validation');
        const many = Array.from({ length: 10_001 }, () => event());
        expectError(await post('too-many', many), 400, 'validation');
        const huge = Array.from({ length: 1300 }, () =>
          event({ url: `http://x.example/${'a'.repeat(4000)}` }),
        );
        expectError(await post('too-big', huge), 413, 'body-too-large');
        expect(await decisionCount()).toBe(before);
        // A refused batch id was not used up: it can be sent again, well formed.
        expect((await post('bad-1', [event()])).json().duplicate).toBe(false);
      });

      it('take the full 10,000 events a batch may hold', async () => {
        const before = await decisionCount();
        const res = await post(
          'full',
          Array.from({ length: 10_000 }, (_, i) => event({ host: `h${i}.example.org` })),
        );
        expect(res.statusCode, res.body).toBe(200);
        expect(await decisionCount()).toBe(before + 10_000);
      });
    });

    describe('illegal-list hits', () => {
      it('are recorded as hits with no host or URL anywhere in the database', async () => {
        const hitsBefore = await t.haven.db.selectFrom('filter_illegal_hits').select('id').execute();
        const res = await post('illegal', [
          event({
            host: SECRET_HOST,
            url: `http://${SECRET_HOST}/secret/path`,
            action: 'block',
            kind: 'illegal-list',
            alert: 'illegal-list',
            user: 'pupil.two',
          }),
          event({ host: 'fine.example.org' }),
        ]);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ accepted: 2, illegalHits: 1 });

        const hits = await t.haven.db.selectFrom('filter_illegal_hits').selectAll().execute();
        expect(hits.length).toBe(hitsBefore.length + 1);
        const hit = hits.find((h) => !hitsBefore.some((b) => b.id === h.id))!;
        expect(hit).toMatchObject({
          school_id: demo.school.id,
          gateway_id: gatewayId,
          group_id: 'ks3',
          username: 'pupil.two',
          client: '10.20.1.5',
          source: 'proxy',
          incident_opened: expect.any(String),
        });
        expect(Object.keys(hit).sort()).toEqual(
          [
            'at',
            'client',
            'gateway_id',
            'group_id',
            'id',
            'incident_opened',
            'school_id',
            'source',
            'username',
          ].sort(),
        );

        // Not in any table: not the decision log, the change log, the audit log or anywhere else.
        const tables: (keyof Database)[] = [
          'filter_decisions',
          'filter_illegal_hits',
          'filter_change_log',
          'filter_event_batches',
          'filter_review_requests',
          'filter_exceptions',
          'filter_settings',
          'audit_events',
        ];
        for (const table of tables) {
          const rows = await t.haven.db.selectFrom(table).selectAll().execute();
          expect(JSON.stringify(rows), table).not.toContain('very-secret-illegal');
          expect(JSON.stringify(rows), table).not.toContain('secret/path');
        }
        const [entry] = (await listChangeLog(t.haven.db, demo.school.id, { kind: 'illegal-hit', limit: 1 }))
          .items;
        expect(entry).toMatchObject({ subjectId: hit.id, actor: `gateway:${gatewayId}` });
        expect(entry!.summary).toBe(
          'A request from the ks3 group matched an illegal-content list and was blocked. It is recorded for the designated safeguarding lead.',
        );
        expect(entry!.summary).not.toContain('pupil.two');
        const audited = await listAudit(t.haven.db, { action: 'filter.illegal-hit', targetId: hit.id });
        expect(audited.items).toHaveLength(1);
      });
    });

    describe('review requests from the block page', () => {
      it('are queued for the network manager and logged; handled once', async () => {
        const res = await gateway('POST', '/api/gateway/reviews', {
          payload: {
            host: 'Revision.Example.org',
            url: 'https://revision.example.org/maths',
            reference: 'AB12CD34',
            comment: 'I need this for my homework',
            client: '10.20.1.5',
            group: 'ks3',
            user: 'pupil.one',
          },
        });
        expect(res.statusCode, res.body).toBe(201);
        const id = res.json().id as string;
        const listed = (await admin.get(`${base}/reviews?status=open`)).json().reviews;
        expect(listed.find((r: { id: string }) => r.id === id)).toMatchObject({
          host: 'revision.example.org',
          reference: 'AB12CD34',
          user: 'pupil.one',
          status: 'open',
        });
        const [entry] = (await listChangeLog(t.haven.db, demo.school.id, { subjectId: id })).items;
        expect(entry?.kind).toBe('review-requested');
        expect(entry?.summary).toBe(
          'Someone in the ks3 group asked for the block on revision.example.org to be reviewed.',
        );
        expectError(await dsl.get(`${base}/reviews`), 403, 'forbidden');

        const handled = await admin.post(`${base}/reviews/${id}/handle`, { status: 'done', note: 'Allowed' });
        expect(handled.statusCode, handled.body).toBe(200);
        expect(handled.json()).toMatchObject({
          status: 'done',
          handledBy: 'School administrator',
          note: 'Allowed',
        });
        expectError(
          await admin.post(`${base}/reviews/${id}/handle`, { status: 'rejected' }),
          409,
          'conflict',
        );
        expectError(await admin.post(`${base}/reviews/nope/handle`, { status: 'done' }), 404, 'not-found');
      });
    });

    describe('decision search', () => {
      let ids: { user: string | null; category: string | null; action: string; at: string }[];

      beforeAll(async () => {
        // A separate gateway and school day, so earlier tests' events stay out of the way.
        const day = '2026-11-20';
        const events = [];
        ids = [];
        for (let i = 0; i < 15; i++) {
          const e = {
            // Pairs share a timestamp: the cursor must still step through them exactly once.
            at: `${day}T10:${String(Math.floor(i / 2)).padStart(2, '0')}:00.000Z`,
            user: i % 3 === 0 ? 'pupil.search' : 'other.pupil',
            category: i % 2 === 0 ? 'gambling' : null,
            action: (i % 2 === 0 ? 'block' : 'allow') as 'allow' | 'block',
            host: i % 2 === 0 ? `bet${i}.example` : `site${i}.example.org`,
            kind: i % 2 === 0 ? 'policy' : 'uncategorised',
          };
          events.push(event(e));
          ids.push({ user: e.user, category: e.category, action: e.action, at: e.at });
        }
        expect((await post('search-batch', events)).statusCode).toBe(200);
      });

      const search = async (browser: TestBrowser, query: string) => {
        const pages: { user: string; at: string; category: string | null; action: string; id: number }[][] =
          [];
        let cursor: string | null = null;
        do {
          const res = await browser.get(
            `${base}/decisions?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z&limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`,
          );
          expect(res.statusCode, res.body).toBe(200);
          pages.push(res.json().decisions);
          cursor = res.json().nextCursor;
        } while (cursor && pages.length < 50);
        return pages;
      };

      it('pages through every match newest first, each row once, with filters', async () => {
        const all = (await search(admin, '')).flat();
        expect(all).toHaveLength(15);
        expect(new Set(all.map((d) => d.id)).size).toBe(15);
        const order = [...all].sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1));
        expect(all).toEqual(order);

        const pupil = await search(dsl, '&user=pupil.search');
        expect(pupil.flat().map((d) => d.user)).toEqual(Array(5).fill('pupil.search'));
        expect(pupil.length).toBe(3);

        const blocked = (await search(admin, '&action=block&category=gambling')).flat();
        expect(blocked).toHaveLength(8);
        expect(blocked.every((d) => d.action === 'block' && d.category === 'gambling')).toBe(true);

        const hosts = (await search(admin, '&host=bet1')).flat();
        expect(hosts.map((d) => (d as unknown as { host: string }).host).sort()).toEqual([
          'bet10.example',
          'bet12.example',
          'bet14.example',
        ]);
      });

      it('records every search in the audit log with its filters, not its results', async () => {
        const before = (await listAudit(t.haven.db, { action: 'filter.decisions-searched' })).items.length;
        const res = await dsl.get(`${base}/decisions?user=pupil.search&action=block&limit=1`);
        expect(res.statusCode).toBe(200);
        const events = (await listAudit(t.haven.db, { action: 'filter.decisions-searched', limit: 500 }))
          .items;
        expect(events.length).toBe(before + 1);
        expect(events[0]).toMatchObject({
          actorLabel: credential(demo, 'dsl').email,
          schoolId: demo.school.id,
          detail: {
            username: 'pupil.search',
            action: 'block',
            category: null,
            from: null,
            to: null,
            host: null,
            nextPage: false,
          },
        });
        expect(JSON.stringify(events[0])).not.toContain('bet');
      });

      it('is need-to-know: teachers and governors are refused, and nothing is logged for them', async () => {
        const before = (await listAudit(t.haven.db, { action: 'filter.decisions-searched', limit: 500 }))
          .items.length;
        expectError(await teacher.get(`${base}/decisions`), 403, 'forbidden');
        expectError(await governor.get(`${base}/decisions`), 403, 'forbidden');
        const after = (await listAudit(t.haven.db, { action: 'filter.decisions-searched', limit: 500 })).items
          .length;
        expect(after).toBe(before);
      });

      it('refuses a cursor it did not give out', async () => {
        const error = expectError(
          await admin.get(`${base}/decisions?cursor=bm90LWEtY3Vyc29y`),
          400,
          'validation',
        );
        expect(error.details).toEqual([{ path: 'cursor', reason: 'is not a cursor this server gave out' }]);
      });
    });

    describe('the change log and filter tests, as governors read them', () => {
      it('pages the change log newest first', async () => {
        const first = await governor.get(`${base}/change-log?limit=2`);
        expect(first.statusCode, first.body).toBe(200);
        const body = first.json();
        expect(body.entries).toHaveLength(2);
        expect(body.entries[0].seq).toBeGreaterThan(body.entries[1].seq);
        const next = (
          await governor.get(`${base}/change-log?beforeSeq=${body.nextBeforeSeq}&limit=500`)
        ).json();
        expect(next.entries[0].seq).toBe(body.entries[1].seq - 1);
        expect(next.nextBeforeSeq).toBeNull();
      });

      it('stores a filter test run and lists it, in either summary shape', async () => {
        const posted = await admin.post(`${base}/tests`, {
          at: '2026-11-20T15:00:00Z',
          summary: { rows: 10, ok: 8, failed: 1, notTested: 1 },
          result: { rows: [{ group: 'ks3', category: 'gambling', ok: true }] },
        });
        expect(posted.statusCode, posted.body).toBe(201);
        expect(posted.json()).toMatchObject({
          total: 10,
          passed: 8,
          failed: 1,
          at: '2026-11-20T15:00:00.000Z',
        });
        expectError(
          await admin.post(`${base}/tests`, { summary: { total: 1, passed: 1, failed: 1 }, result: {} }),
          400,
          'validation',
        );
        const listed = (await governor.get(`${base}/tests`)).json().runs;
        expect(listed[0]).toMatchObject({ id: posted.json().id, total: 10, runBy: 'School administrator' });
        expectError(
          await governor.post(`${base}/tests`, { summary: { total: 0, passed: 0, failed: 0 }, result: {} }),
          403,
          'forbidden',
        );
      });
    });

    it('keeps an intact audit chain', async () => {
      expect((await verifyAudit(t.haven.db)).ok).toBe(true);
    });
  },
  { lists },
);
