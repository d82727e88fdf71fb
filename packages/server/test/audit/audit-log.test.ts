import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  AuditDetailError,
  appendAudit,
  auditEventHash,
  GENESIS_HASH,
  listAudit,
  verifyAudit,
} from '../../src/audit/audit-log.ts';
import { canonicalJson } from '../../src/audit/canonical-json.ts';
import { forEachDatabase } from '../helpers/databases.ts';
import { dropAuditGuards } from '../helpers/introspect.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 10, minute)).toISOString();

forEachDatabase('audit log: appending and verifying', (t) => {
  it('verifies an empty log', async () => {
    expect(await verifyAudit(t.db)).toEqual({ ok: true, count: 0, lastHash: GENESIS_HASH });
  });

  it('chains each event to the one before', async () => {
    const first = await appendAudit(t.db, {
      action: 'account.signed-in',
      actorLabel: 'Ms Patel',
      actorAccountId: 'acc-1',
      schoolId: 'school-1',
      targetType: 'account',
      targetId: 'acc-1',
      detail: { method: 'password', mfa: true },
      ip: '192.0.2.10',
      at: at(0),
    });
    const second = await appendAudit(t.db, { action: 'policy.viewed', actorLabel: 'Ms Patel', at: at(1) });

    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.hash).toBe(
      auditEventHash(GENESIS_HASH, {
        id: first.id,
        at: at(0),
        school_id: 'school-1',
        actor_account_id: 'acc-1',
        actor_label: 'Ms Patel',
        action: 'account.signed-in',
        target_type: 'account',
        target_id: 'acc-1',
        detail: { mfa: true, method: 'password' },
        ip: '192.0.2.10',
      }),
    );
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, schoolId: null, detail: {} });
    expect(await verifyAudit(t.db)).toEqual({ ok: true, count: 2, lastHash: second.hash });
  });

  it('stores detail as canonical JSON, whatever order the keys came in', async () => {
    const event = await appendAudit(t.db, {
      action: 'people.imported',
      actorLabel: 'MIS import',
      detail: { rows: 120, problems: [{ line: 4, reason: 'no surname' }], source: 'csv' },
    });
    const stored = await t.db
      .selectFrom('audit_events')
      .select('detail')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(stored.detail).toBe('{"problems":[{"line":4,"reason":"no surname"}],"rows":120,"source":"csv"}');
  });

  it('verifies across batch boundaries', async () => {
    for (let i = 0; i < 7; i++)
      await appendAudit(t.db, { action: 'test.batch', actorLabel: 'tester', detail: { i } });
    const result = await verifyAudit(t.db, { batchSize: 3 });
    expect(result).toMatchObject({ ok: true, count: 10 });
  });

  it('refuses detail that looks like a secret, and times not in ISO UTC form', async () => {
    await expect(
      appendAudit(t.db, {
        action: 'account.password-changed',
        actorLabel: 'x',
        detail: { newPassword: 'hunter2' },
      }),
    ).rejects.toThrow(AuditDetailError);
    await expect(
      appendAudit(t.db, { action: 'x', actorLabel: 'x', detail: { nested: [{ totp_secret: 'ABC' }] } }),
    ).rejects.toThrow(/detail\.nested\[0\]\.totp_secret/);
    await expect(appendAudit(t.db, { action: 'x', actorLabel: 'x', at: '2026-11-23 10:00' })).rejects.toThrow(
      /ISO-8601/,
    );
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('serialises concurrent appends so no two share a previous hash', async () => {
    const before = await verifyAudit(t.db);
    const events = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        appendAudit(t.db, { action: 'test.concurrent', actorLabel: `w${i}` }),
      ),
    );
    const seqs = events.map((event) => event.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(50);
    expect(new Set(events.map((event) => event.prevHash)).size).toBe(50);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true, count: before.count + 50 });
  });

  it('joins a caller transaction, and leaves no gap when that transaction rolls back', async () => {
    const before = await verifyAudit(t.db);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await appendAudit(trx, { action: 'test.rolled-back', actorLabel: 'tester' });
        throw new Error('the change being audited failed');
      }),
    ).rejects.toThrow('the change being audited failed');
    const committed = await t.db
      .transaction()
      .execute((trx) => appendAudit(trx, { action: 'test.committed', actorLabel: 'tester' }));
    expect(committed.seq).toBe(before.count + 1);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true, count: before.count + 1 });
  });
});

forEachDatabase('audit log: listing', (t) => {
  it('filters and pages newest first', async () => {
    for (let i = 0; i < 5; i++) {
      await appendAudit(t.db, {
        action: i % 2 === 0 ? 'policy.viewed' : 'account.signed-in',
        actorLabel: 'tester',
        actorAccountId: i < 3 ? 'acc-a' : 'acc-b',
        schoolId: 'school-a',
        targetType: 'policy',
        targetId: `p${i}`,
        at: at(i),
      });
    }
    await appendAudit(t.db, {
      action: 'policy.viewed',
      actorLabel: 'other school',
      schoolId: 'school-b',
      at: at(9),
    });

    const all = await listAudit(t.db, { schoolId: 'school-a' });
    expect(all.items.map((event) => event.targetId)).toEqual(['p4', 'p3', 'p2', 'p1', 'p0']);
    expect(all.nextBeforeSeq).toBeNull();

    const first = await listAudit(t.db, { schoolId: 'school-a', limit: 2 });
    expect(first.items.map((event) => event.targetId)).toEqual(['p4', 'p3']);
    const second = await listAudit(t.db, { schoolId: 'school-a', limit: 2, beforeSeq: first.nextBeforeSeq! });
    expect(second.items.map((event) => event.targetId)).toEqual(['p2', 'p1']);
    const third = await listAudit(t.db, { schoolId: 'school-a', limit: 2, beforeSeq: second.nextBeforeSeq! });
    expect(third.items.map((event) => event.targetId)).toEqual(['p0']);
    expect(third.nextBeforeSeq).toBeNull();

    const viewed = await listAudit(t.db, { action: 'policy.viewed' });
    expect(viewed.items.map((event) => event.targetId ?? event.schoolId)).toEqual([
      'school-b',
      'p4',
      'p2',
      'p0',
    ]);
    expect(
      (await listAudit(t.db, { action: ['account.signed-in'], actorAccountId: 'acc-b' })).items,
    ).toHaveLength(1);
    expect((await listAudit(t.db, { targetType: 'policy', targetId: 'p3' })).items[0]?.seq).toBe(4);
    const window = await listAudit(t.db, { from: at(1), to: at(3) });
    expect(window.items.map((event) => event.targetId)).toEqual(['p2', 'p1']);
    expect((await listAudit(t.db, { action: [] })).items).toEqual([]);
  });
});

forEachDatabase('audit log: an altered event', (t) => {
  it('is reported at the first altered seq', async () => {
    for (let i = 0; i < 5; i++)
      await appendAudit(t.db, { action: 'test.event', actorLabel: 'tester', detail: { i } });
    await dropAuditGuards(t);
    await t.db.updateTable('audit_events').set({ detail: '{"i":99}' }).where('seq', '=', 3).execute();
    await t.db
      .updateTable('audit_events')
      .set({ actor_label: 'someone else' })
      .where('seq', '=', 4)
      .execute();
    const result = await verifyAudit(t.db);
    expect(result).toMatchObject({ ok: false, count: 2, firstBad: { seq: 3, reason: 'altered' } });
  });
});

forEachDatabase('audit log: a deleted event', (t) => {
  it('is reported as missing at the event after the gap', async () => {
    const events = [];
    for (let i = 0; i < 5; i++)
      events.push(await appendAudit(t.db, { action: 'test.event', actorLabel: 'tester' }));
    await dropAuditGuards(t);
    await t.db.deleteFrom('audit_events').where('seq', '=', 3).execute();
    expect(await verifyAudit(t.db)).toEqual({
      ok: false,
      count: 2,
      firstBad: { seq: 4, id: events[3]?.id, reason: 'missing' },
    });
  });
});

forEachDatabase('audit log: a deleted first event', (t) => {
  it('is reported as missing', async () => {
    for (let i = 0; i < 2; i++) await appendAudit(t.db, { action: 'test.event', actorLabel: 'tester' });
    await dropAuditGuards(t);
    await t.db.deleteFrom('audit_events').where('seq', '=', 1).execute();
    expect(await verifyAudit(t.db)).toMatchObject({
      ok: false,
      count: 0,
      firstBad: { seq: 2, reason: 'missing' },
    });
  });
});

forEachDatabase('audit log: a rewritten event with a recomputed hash', (t) => {
  it('is reported as a broken link at the event after it', async () => {
    const events = [];
    for (let i = 0; i < 4; i++) {
      events.push(await appendAudit(t.db, { action: 'test.event', actorLabel: 'tester', detail: { i } }));
    }
    await dropAuditGuards(t);
    // A forger who knows the algorithm rewrites event 2 and gives it a self-consistent hash.
    const target = events[1]!;
    const forgedHash = auditEventHash(target.prevHash, {
      id: target.id,
      at: target.at,
      school_id: null,
      actor_account_id: null,
      actor_label: 'tester',
      action: 'test.event',
      target_type: null,
      target_id: null,
      detail: { i: 'forged' },
      ip: null,
    });
    await t.db
      .updateTable('audit_events')
      .set({ detail: canonicalJson({ i: 'forged' }), hash: forgedHash })
      .where('seq', '=', 2)
      .execute();
    expect(await verifyAudit(t.db)).toMatchObject({
      ok: false,
      count: 2,
      firstBad: { seq: 3, reason: 'broken-link' },
    });
  });
});

forEachDatabase('audit log: events renumbered to hide a deletion', (t) => {
  it('is reported as a broken link', async () => {
    for (let i = 0; i < 4; i++) await appendAudit(t.db, { action: 'test.event', actorLabel: 'tester' });
    await dropAuditGuards(t);
    await t.db.deleteFrom('audit_events').where('seq', '=', 2).execute();
    // Renumber in two steps so neither database trips over the primary key mid-update.
    await sql`update audit_events set seq = seq + 100 where seq > 2`.execute(t.db);
    await sql`update audit_events set seq = seq - 101 where seq > 100`.execute(t.db);
    expect(await verifyAudit(t.db)).toMatchObject({
      ok: false,
      count: 1,
      firstBad: { seq: 2, reason: 'broken-link' },
    });
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'x' }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":"x","z":null}]},"b":1}',
    );
  });

  it('writes numbers and strings as ECMAScript JSON does (RFC 8785 §3.2.2)', () => {
    expect(canonicalJson([1e21, 0.1, -0, 'é\u2028"'])).toBe('[1e+21,0.1,0,"é\u2028\\""]');
  });

  it('uses toJSON (dates become ISO strings)', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 10, 23, 10)) })).toBe(
      '{"at":"2026-11-23T10:00:00.000Z"}',
    );
  });

  it('refuses values JSON cannot round-trip', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/\$\.n is NaN/);
    expect(() => canonicalJson([undefined])).toThrow(/\$\[0\] is a undefined/);
    expect(() => canonicalJson({ big: 1n })).toThrow(/bigint/);
  });
});
