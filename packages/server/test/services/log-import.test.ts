/**
 * The log importer on both databases (issue 5 point 6): an interrupted import resumes after the
 * last chunk it wrote and adds each line once; a log of the past is put to whoever was signed in
 * at the address then (not whoever is now); a mapping file names the people a DNS log cannot; the
 * site is recorded; a site the school does not have is refused before anything is written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitor } from '@haven/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { recordSignIn } from '../../src/repositories/filter-address-users.ts';
import { importLog } from '../../src/services/log-import-service.ts';
import { forEachHaven } from '../helpers/havens.ts';

const ROOT = mkdtempSync(path.join(tmpdir(), 'haven-log-import-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const squidLine = (t: number, client: string, url: string, user = '-') =>
  `${t.toFixed(3)}     10 ${client} TCP_MISS/200 411 GET ${url} ${user} DIRECT/1.2.3.4 text/html`;

forEachHaven('log import', (t) => {
  let demo: DemoResult;
  let n = 0;
  const file = (name: string, lines: string[]) => {
    const p = path.join(ROOT, `${t.dialect}-${++n}-${name}`);
    writeFileSync(p, `${lines.join('\n')}\n`);
    return p;
  };

  beforeAll(async () => {
    demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 2 });
  });

  it('resumes an interrupted import after its last chunk, adding every line exactly once', async () => {
    const start = Date.parse('2026-11-30T09:00:00Z') / 1000;
    const lines = Array.from({ length: 12_345 }, (_, i) =>
      i === 7 ? 'not a squid line' : squidLine(start + i, '10.9.0.1', `http://site${i}.example/`),
    );
    const p = file('big.log', lines);
    const first = await importLog(t.haven, demo.school.id, 'squid', p, { stopAfterChunks: 1 });
    expect(first).toMatchObject({ imported: 5_000, problems: 1, duplicate: false, resumedAfter: 0 });
    const row = await t.haven.db.selectFrom('log_imports').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ done_lines: first.lines, finished_at: null });

    const second = await importLog(t.haven, demo.school.id, 'squid', p);
    expect(second).toMatchObject({
      lines: 12_345,
      imported: 12_344,
      problems: 1,
      duplicate: false,
      resumedAfter: first.lines,
    });
    const counted = await t.haven.db
      .selectFrom('filter_decisions')
      .select((eb) => eb.fn.count<number | string>('host').distinct().as('hosts'))
      .select((eb) => eb.fn.countAll<number | string>().as('rows'))
      .where('client', '=', '10.9.0.1')
      .executeTakeFirstOrThrow();
    expect({ hosts: Number(counted.hosts), rows: Number(counted.rows) }).toEqual({
      hosts: 12_344,
      rows: 12_344,
    });

    const third = await importLog(t.haven, demo.school.id, 'squid', p);
    expect(third).toMatchObject({ imported: 0, duplicate: true, lines: 12_345 });
  });

  it('puts a past request to whoever was signed in at the address then, and a mapping file names the rest', async () => {
    const signedInAt = Date.parse('2026-11-30T08:00:00Z');
    await recordSignIn(t.haven.db, demo.school.id, {
      address: '10.9.0.2',
      user: 'amy.pupil@milford.example',
      group: 'ks3',
      since: new Date(signedInAt).toISOString(),
      until: new Date(signedInAt + 3_600_000).toISOString(),
    });
    const at = (ms: number) => ms / 1000;
    const p = file('history.log', [
      squidLine(at(signedInAt + 60_000), '10.9.0.2', 'http://during.example/'),
      squidLine(at(signedInAt + 2 * 3_600_000), '10.9.0.2', 'http://after.example/'),
      squidLine(at(signedInAt + 60_000), '10.9.0.3', 'http://mapped.example/'),
      squidLine(at(signedInAt + 60_000), '10.9.0.3', 'http://own-user.example/', 'own.user'),
    ]);
    const mapping = monitor.parseAddressMap('address,user,group\n10.9.0.3,ben.staff,staff\n');
    const sites = await t.haven.db
      .selectFrom('sites')
      .select(['id', 'slug'])
      .where('school_id', '=', demo.school.id)
      .execute();
    const site = sites[0]!;
    const r = await importLog(t.haven, demo.school.id, 'squid', p, { mapping, site: site.slug });
    expect(r).toMatchObject({ lines: 4, imported: 4, problems: 0 });
    const rows = await t.haven.db
      .selectFrom('filter_decisions')
      .select(['host', 'username', 'group_id', 'site'])
      .where('host', 'in', ['during.example', 'after.example', 'mapped.example', 'own-user.example'])
      .orderBy('host')
      .execute();
    expect(rows).toEqual([
      { host: 'after.example', username: null, group_id: expect.any(String), site: site.id },
      { host: 'during.example', username: 'amy.pupil@milford.example', group_id: 'ks3', site: site.id },
      { host: 'mapped.example', username: 'ben.staff', group_id: 'staff', site: site.id },
      { host: 'own-user.example', username: 'own.user', group_id: expect.any(String), site: site.id },
    ]);
    expect(rows[0]!.group_id).not.toBe('ks3');
  });

  it('refuses a site the school does not have, writing nothing', async () => {
    const p = file('nosite.log', [squidLine(1764583200, '10.9.0.4', 'http://nosite.example/')]);
    await expect(importLog(t.haven, demo.school.id, 'squid', p, { site: 'atlantis' })).rejects.toThrow(
      /not valid|validation|site/i,
    );
    expect(
      await t.haven.db
        .selectFrom('filter_decisions')
        .select('host')
        .where('host', '=', 'nosite.example')
        .execute(),
    ).toEqual([]);
  });
});
