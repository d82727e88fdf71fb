/**
 * The filter's repositories on both databases: keyset paging of the decision log (equal
 * timestamps included) and the plan that keeps it fast, retention, idempotent intake, the
 * append-only change log, exceptions' compare-and-set, settings revisions and gateway hashes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendChangeLog, listChangeLog } from '../../src/repositories/filter-change-log.ts';
import {
  claimEventBatch,
  decisionSearchQuery,
  deleteFilterDecisionsBefore,
  type FilterDecisionRecord,
  insertFilterDecisions,
  type NewFilterDecision,
  searchFilterDecisions,
} from '../../src/repositories/filter-decisions.ts';
import {
  createFilterException,
  decideFilterException,
  listEndedExceptions,
  listExceptionsForSnapshot,
  recordFilterExceptionUse,
} from '../../src/repositories/filter-exceptions.ts';
import { getStoredFilterSettings, saveStoredFilterSettings } from '../../src/repositories/filter-settings.ts';
import { createGateway, getGatewayByCredentialHash, revokeGateway } from '../../src/repositories/gateways.ts';
import type { School } from '../../src/repositories/schools.ts';
import { forEachDatabase } from '../helpers/databases.ts';
import { makeSchool } from '../helpers/fixtures.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute)).toISOString();

function decision(schoolId: string, overrides: Partial<NewFilterDecision> = {}): NewFilterDecision {
  return {
    schoolId,
    at: at(0),
    site: null,
    gatewayId: null,
    group: 'ks3',
    username: 'pupil1',
    client: '10.0.0.1',
    host: 'www.example.org',
    url: null,
    category: null,
    action: 'allow',
    kind: 'uncategorised',
    rule: null,
    source: 'dns',
    batchId: null,
    ...overrides,
  };
}

/** Newest first, ties broken by id: the order every page must follow. */
const newestFirst = (a: FilterDecisionRecord, b: FilterDecisionRecord) =>
  a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1;

async function allPages(
  page: (after: { at: string; id: number } | undefined) => ReturnType<typeof searchFilterDecisions>,
) {
  const seen: FilterDecisionRecord[] = [];
  let after: { at: string; id: number } | undefined;
  for (let i = 0; i < 100; i++) {
    const result = await page(after);
    seen.push(...result.items);
    if (!result.next) return seen;
    after = result.next;
  }
  throw new Error('paging did not end');
}

forEachDatabase('filter decision log', (t) => {
  let school: School;
  let other: School;
  let all: FilterDecisionRecord[];

  beforeAll(async () => {
    school = await makeSchool(t.db);
    other = await makeSchool(t.db);
    const rows: NewFilterDecision[] = [];
    // 23 decisions over 6 minutes: several share a timestamp, so ids must break the ties.
    for (let i = 0; i < 23; i++) {
      rows.push(
        decision(school.id, {
          at: at(i % 6),
          username: i % 3 === 0 ? 'pupil1' : i % 3 === 1 ? 'pupil2' : null,
          category: i % 2 === 0 ? 'gambling' : 'social-media',
          action: i % 4 === 0 ? 'block' : 'allow',
          host: i % 5 === 0 ? 'my_site.example.org' : `host${i}.example.org`,
        }),
      );
    }
    await insertFilterDecisions(t.db, rows);
    await insertFilterDecisions(t.db, [decision(other.id, { username: 'pupil1' })]);
    all = (await searchFilterDecisions(t.db, school.id, { limit: 500 })).items;
  });

  it('stores every row and returns the newest first, ties by id', async () => {
    expect(all).toHaveLength(23);
    expect([...all].sort(newestFirst)).toEqual(all);
    expect(all.every((d) => d.schoolId === school.id)).toBe(true);
    expect(new Set(all.map((d) => d.id)).size).toBe(23);
  });

  it('pages through equal timestamps without losing or repeating a row', async () => {
    for (const limit of [1, 2, 3, 4, 7]) {
      const paged = await allPages((after) =>
        searchFilterDecisions(t.db, school.id, { limit, ...(after ? { after } : {}) }),
      );
      expect(
        paged.map((d) => d.id),
        `limit ${limit}`,
      ).toEqual(all.map((d) => d.id));
    }
  });

  it('filters by username, category, action, time and host prefix, and pages within the filter', async () => {
    const cases = [
      { query: { username: 'pupil1' }, keep: (d: FilterDecisionRecord) => d.username === 'pupil1' },
      { query: { category: 'gambling' }, keep: (d: FilterDecisionRecord) => d.category === 'gambling' },
      { query: { action: 'block' as const }, keep: (d: FilterDecisionRecord) => d.action === 'block' },
      {
        query: { from: at(2), to: at(4) },
        keep: (d: FilterDecisionRecord) => d.at >= at(2) && d.at < at(4),
      },
      // `_` is a LIKE wildcard: escaped, "my_s" must not match "myxs".
      { query: { hostPrefix: 'MY_S' }, keep: (d: FilterDecisionRecord) => d.host.startsWith('my_s') },
      { query: { hostPrefix: 'host1' }, keep: (d: FilterDecisionRecord) => d.host.startsWith('host1') },
      {
        query: { username: 'pupil2', action: 'allow' as const, category: 'social-media' },
        keep: (d: FilterDecisionRecord) =>
          d.username === 'pupil2' && d.action === 'allow' && d.category === 'social-media',
      },
    ];
    for (const { query, keep } of cases) {
      const expected = all.filter(keep).map((d) => d.id);
      expect(expected.length, JSON.stringify(query)).toBeGreaterThan(0);
      const paged = await allPages((after) =>
        searchFilterDecisions(t.db, school.id, { ...query, limit: 2, ...(after ? { after } : {}) }),
      );
      expect(
        paged.map((d) => d.id),
        JSON.stringify(query),
      ).toEqual(expected);
    }
    expect((await searchFilterDecisions(t.db, school.id, { hostPrefix: '%' })).items).toEqual([]);
  });

  it('reads the log in index order with no sort, so a page costs the same at any size', async () => {
    const plans = [
      decisionSearchQuery(t.db, school.id, { limit: 50 }),
      decisionSearchQuery(t.db, school.id, { limit: 50, after: { at: at(3), id: 5 } }),
      decisionSearchQuery(t.db, school.id, { limit: 50, username: 'pupil1' }),
    ];
    for (const query of plans) {
      const compiled = query.compile();
      // EXPLAIN cannot take bound parameters here, so they are written in as literals.
      let inlined = compiled.sql;
      compiled.parameters.forEach((p, i) => {
        const literal = typeof p === 'number' ? String(p) : `'${String(p).replace(/'/g, "''")}'`;
        inlined =
          t.dialect === 'sqlite'
            ? inlined.replace('?', literal)
            : inlined.replace(new RegExp(`\\$${i + 1}(?!\\d)`), literal);
      });
      if (t.dialect === 'sqlite') {
        const { rows } = await sql.raw<{ detail: string }>(`explain query plan ${inlined}`).execute(t.db);
        const text = rows.map((r) => r.detail).join('\n');
        expect(text).toMatch(/USING INDEX filter_decisions_school_(at|user)/);
        expect(text).not.toMatch(/TEMP B-TREE/);
      } else {
        const text = await t.db.transaction().execute(async (trx) => {
          // The test table is tiny: forbid the sequential scan a planner would rightly pick here.
          await sql`set local enable_seqscan = off`.execute(trx);
          const { rows } = await sql.raw<{ 'QUERY PLAN': string }>(`explain ${inlined}`).execute(trx);
          return rows.map((r) => r['QUERY PLAN']).join('\n');
        });
        expect(text).toMatch(/Index Scan.*filter_decisions_school_(at|user)/);
        expect(text).not.toMatch(/\bSort\b/);
      }
    }
  });

  it('deletes decisions older than the cut-off in chunks, for one school only', async () => {
    const s = await makeSchool(t.db);
    await insertFilterDecisions(t.db, [
      ...Array.from({ length: 7 }, (_, i) => decision(s.id, { at: at(i) })),
      decision(s.id, { at: at(30) }),
    ]);
    await claimEventBatch(t.db, {
      gatewayId: 'g',
      batchId: 'old',
      schoolId: s.id,
      receivedAt: at(1),
      count: 1,
    });
    await claimEventBatch(t.db, {
      gatewayId: 'g',
      batchId: 'new',
      schoolId: s.id,
      receivedAt: at(40),
      count: 1,
    });
    const otherBefore = (await searchFilterDecisions(t.db, other.id)).items.length;

    expect(await deleteFilterDecisionsBefore(t.db, s.id, at(20), { chunkSize: 2 })).toBe(7);
    const left = (await searchFilterDecisions(t.db, s.id)).items;
    expect(left.map((d) => d.at)).toEqual([at(30)]);
    expect((await searchFilterDecisions(t.db, other.id)).items).toHaveLength(otherBefore);
    expect(await deleteFilterDecisionsBefore(t.db, s.id, at(20), { chunkSize: 2 })).toBe(0);
    // The intake record of an old batch goes too; a recent one stays (so a resend is still caught).
    expect(
      await claimEventBatch(t.db, {
        gatewayId: 'g',
        batchId: 'old',
        schoolId: s.id,
        receivedAt: at(50),
        count: 1,
      }),
    ).toBe(true);
    expect(
      await claimEventBatch(t.db, {
        gatewayId: 'g',
        batchId: 'new',
        schoolId: s.id,
        receivedAt: at(50),
        count: 1,
      }),
    ).toBe(false);
  });

  it('claims a batch once per gateway', async () => {
    const input = { gatewayId: 'gw-1', batchId: 'b-1', schoolId: school.id, receivedAt: at(0), count: 3 };
    expect(await claimEventBatch(t.db, input)).toBe(true);
    expect(await claimEventBatch(t.db, input)).toBe(false);
    expect(await claimEventBatch(t.db, { ...input, gatewayId: 'gw-2' })).toBe(true);
  });
});

forEachDatabase('filter change log', (t) => {
  const entry = (schoolId: string, summary: string) => ({
    schoolId,
    at: at(0),
    actor: 'system',
    actorName: 'Haven',
    kind: 'settings-changed' as const,
    summary,
    details: { n: 1 },
  });

  it('numbers each school’s entries 1, 2, 3 and pages newest first', async () => {
    const a = await makeSchool(t.db);
    const b = await makeSchool(t.db);
    for (let i = 1; i <= 5; i++) await appendChangeLog(t.db, entry(a.id, `a${i}`));
    await appendChangeLog(t.db, entry(b.id, 'b1'));
    const first = await listChangeLog(t.db, a.id, { limit: 2 });
    expect(first.items.map((e) => [e.seq, e.summary])).toEqual([
      [5, 'a5'],
      [4, 'a4'],
    ]);
    const rest = await listChangeLog(t.db, a.id, { beforeSeq: first.nextBeforeSeq!, limit: 10 });
    expect(rest.items.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(rest.nextBeforeSeq).toBeNull();
    expect((await listChangeLog(t.db, b.id)).items.map((e) => e.seq)).toEqual([1]);
    expect(first.items[0]!.details).toEqual({ n: 1 });
  });

  it('numbers simultaneous appends without a clash', async () => {
    const s = await makeSchool(t.db);
    await Promise.all(Array.from({ length: 8 }, (_, i) => appendChangeLog(t.db, entry(s.id, `e${i}`))));
    const seqs = (await listChangeLog(t.db, s.id)).items.map((e) => e.seq).sort((x, y) => x - y);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('refuses UPDATE and DELETE (append-only, like the audit log)', async () => {
    const s = await makeSchool(t.db);
    const e = await appendChangeLog(t.db, entry(s.id, 'kept'));
    await expect(
      t.db.updateTable('filter_change_log').set({ summary: 'rewritten' }).where('id', '=', e.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('filter_change_log').where('id', '=', e.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.deleteFrom('filter_change_log').execute()).rejects.toThrow(/append-only/);
    expect((await listChangeLog(t.db, s.id)).items.map((x) => x.summary)).toEqual(['kept']);
  });

  if (t.dialect === 'postgres') {
    it('refuses TRUNCATE', async () => {
      await expect(sql`truncate filter_change_log`.execute(t.db)).rejects.toThrow(/append-only/);
    });
  }

  it('refuses an unknown kind', async () => {
    const s = await makeSchool(t.db);
    await expect(appendChangeLog(t.db, { ...entry(s.id, 'x'), kind: 'made-up' as never })).rejects.toThrow();
  });
});

forEachDatabase('filter exceptions, settings and gateways', (t) => {
  let school: School;
  beforeAll(async () => {
    school = await makeSchool(t.db);
  });

  const newException = (overrides: { startsAt?: string; endsAt?: string } = {}) =>
    createFilterException(t.db, {
      schoolId: school.id,
      target: { kind: 'host', host: 'example.org' },
      scope: { kind: 'class', name: '7B', users: ['a.pupil', 'b.pupil'] },
      reason: 'Project',
      requestedBy: 'acct-1',
      requestedByName: 'A Teacher',
      requestedAt: at(0),
      startsAt: overrides.startsAt ?? at(10),
      endsAt: overrides.endsAt ?? at(50),
    });

  it('round-trips target and scope, and decides by compare-and-set', async () => {
    const e = await newException();
    expect(e).toMatchObject({
      status: 'requested',
      target: { kind: 'host', host: 'example.org' },
      scope: { kind: 'class', name: '7B', users: ['a.pupil', 'b.pupil'] },
      useCount: 0,
      firstUsedAt: null,
    });
    const approved = await decideFilterException(t.db, school.id, e.id, {
      status: 'approved',
      from: ['requested'],
      decidedBy: 'acct-2',
      decidedByName: 'The Head',
      decidedAt: at(5),
    });
    expect(approved).toMatchObject({ status: 'approved', decidedByName: 'The Head', decidedAt: at(5) });
    // A second decision finds it no longer requested.
    expect(
      await decideFilterException(t.db, school.id, e.id, { status: 'declined', from: ['requested'] }),
    ).toBeUndefined();
    // Another school cannot touch it.
    const elsewhere = await makeSchool(t.db);
    expect(
      await decideFilterException(t.db, elsewhere.id, e.id, { status: 'withdrawn', from: ['approved'] }),
    ).toBeUndefined();
  });

  it('refuses an exception that ends before it starts', async () => {
    await expect(newException({ startsAt: at(10), endsAt: at(10) })).rejects.toThrow();
  });

  it('sends gateways approved exceptions in force or starting within the horizon', async () => {
    const s = await makeSchool(t.db);
    const make = async (startsAt: string, endsAt: string, approve = true) => {
      const e = await createFilterException(t.db, {
        schoolId: s.id,
        target: { kind: 'category', category: 'gaming' },
        scope: { kind: 'group', group: 'ks3' },
        reason: 'r',
        requestedBy: 'x',
        requestedByName: 'X',
        requestedAt: at(0),
        startsAt,
        endsAt,
      });
      if (approve) await decideFilterException(t.db, s.id, e.id, { status: 'approved', from: ['requested'] });
      return e.id;
    };
    const now = at(20);
    const inForce = await make(at(10), at(30));
    const soon = await make(at(40), at(59));
    await make(at(0), at(20)); // ended exactly now
    await make(at(50), at(59), false); // not approved
    const inTwoDays = Date.parse(now) + 2 * 86_400_000;
    const later = await make(
      new Date(inTwoDays).toISOString(),
      new Date(inTwoDays + 3_600_000).toISOString(),
    );
    const ids = (await listExceptionsForSnapshot(t.db, s.id, now, at(45))).map((e) => e.id);
    expect(ids).toEqual([inForce, soon]);
    expect(ids).not.toContain(later);
    const ended = await listEndedExceptions(t.db, now, ['approved'], s.id);
    expect(ended).toHaveLength(1);
  });

  it('counts uses and says which were the first', async () => {
    const e = await newException();
    expect(await recordFilterExceptionUse(t.db, school.id, e.id, 3, at(12))).toEqual({ first: true });
    expect(await recordFilterExceptionUse(t.db, school.id, e.id, 2, at(13))).toEqual({ first: false });
    expect(await recordFilterExceptionUse(t.db, school.id, 'no-such-id', 1, at(13))).toBeUndefined();
    const elsewhere = await makeSchool(t.db);
    expect(await recordFilterExceptionUse(t.db, elsewhere.id, e.id, 1, at(13))).toBeUndefined();
    const [stored] = await t.db.selectFrom('filter_exceptions').selectAll().where('id', '=', e.id).execute();
    expect(stored).toMatchObject({ use_count: 5, first_used_at: at(12) });
  });

  it('saves settings revision by revision, refusing a stale one', async () => {
    const s = await makeSchool(t.db);
    expect(await getStoredFilterSettings(t.db, s.id)).toBeUndefined();
    const save = (expected: number, marker: number) =>
      saveStoredFilterSettings(t.db, {
        schoolId: s.id,
        settings: { marker },
        expected,
        updatedBy: 'x',
        at: at(1),
      });
    expect(await save(0, 1)).toBe(1);
    expect(await save(0, 2)).toBeUndefined();
    expect(await save(1, 3)).toBe(2);
    expect(await save(1, 4)).toBeUndefined();
    expect(await getStoredFilterSettings(t.db, s.id)).toMatchObject({ revision: 2, settings: { marker: 3 } });
  });

  describe('gateways', () => {
    const hash = () => createHash('sha256').update(randomBytes(32)).digest('hex');

    it('stores only the hash of a credential, finds by it, and revokes once', async () => {
      const credentialHash = hash();
      const g = await createGateway(t.db, {
        schoolId: school.id,
        name: 'Main',
        site: null,
        credentialHash,
        createdAt: at(0),
      });
      expect(await getGatewayByCredentialHash(t.db, credentialHash)).toEqual(g);
      expect(await revokeGateway(t.db, school.id, g.id, at(1))).toBe(true);
      expect(await revokeGateway(t.db, school.id, g.id, at(2))).toBe(false);
      expect((await getGatewayByCredentialHash(t.db, credentialHash))?.revokedAt).toBe(at(1));
    });

    it('refuses a raw token in place of its hash', async () => {
      await expect(
        createGateway(t.db, {
          schoolId: school.id,
          name: 'Oops',
          site: null,
          credentialHash: `hgw_${randomBytes(32).toString('base64url')}`,
          createdAt: at(0),
        }),
      ).rejects.toThrow(/SHA-256/);
    });
  });
});
