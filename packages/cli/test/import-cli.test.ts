/**
 * `haven import squid` through the real CLI: the contract's JSON, each bad line named with its
 * number, the same file twice adding nothing, binary garbage counted and skipped, and imported
 * searches going through monitoring (an alert for the DSL) and the decision log.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { haven } from './run-haven.ts';

const ROOT = mkdtempSync(path.join(tmpdir(), 'haven-import-cli-'));
const DATA = path.join(ROOT, 'data');
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const LOG = [
  '1764583200.100    180 10.0.0.5 TCP_MISS/200 411 GET http://www.google.co.uk/search?q=how+to+k1ll+myself amy.pupil DIRECT/1.2.3.4 text/html',
  '1764583201.200     12 10.0.0.5 TCP_DENIED/403 3722 CONNECT pokerstars.com:443 amy.pupil HIER_NONE/- text/html',
  'this line is broken',
  '1764583202.300     40 10.0.0.6 TCP_MISS/200 900 GET http://news.example/today - DIRECT/5.6.7.8 text/html',
  '',
].join('\n');

describe('haven import squid', () => {
  it('imports a Squid native log, naming each bad line, and says {lines, imported, problems}', async () => {
    const file = path.join(ROOT, 'access.log');
    writeFileSync(file, LOG);
    const r = await haven(DATA, ['import', 'squid', file, '--school', 'milford-haven', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ lines: 4, imported: 3, problems: 1 });
    expect(r.stderr).toContain('access.log:3: expected at least 7 fields');

    const again = await haven(DATA, ['import', 'squid', file, '--school', 'milford-haven', '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ lines: 4, imported: 0, problems: 1 });

    const db = new Database(path.join(DATA, 'haven.sqlite'), { readonly: true });
    try {
      const decisions = db.prepare('select host, action, username from filter_decisions order by at').all();
      expect(decisions).toEqual([
        { host: 'www.google.co.uk', action: 'allow', username: 'amy.pupil' },
        { host: 'pokerstars.com', action: 'block', username: 'amy.pupil' },
        { host: 'news.example', action: 'allow', username: null },
      ]);
      const alerts = db.prepare('select category, severity, subject from monitor_alerts').all();
      expect(alerts).toEqual([{ category: 'suicide', severity: 5, subject: 'amy.pupil' }]);
    } finally {
      db.close();
    }
  });

  it('counts binary garbage and a missing file, and refuses an unknown format', async () => {
    const bin = path.join(ROOT, 'garbage.log');
    writeFileSync(bin, Buffer.from([0, 1, 2, 255, 10, 0, 0]));
    const r = await haven(DATA, ['import', 'squid', bin, '--school', 'milford-haven', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 0, problems: 2 });
    expect(
      (await haven(DATA, ['import', 'squid', path.join(ROOT, 'nope.log'), '--school', 'milford-haven'])).code,
    ).toBe(4);
    expect((await haven(DATA, ['import', 'fortigate', bin, '--school', 'milford-haven'])).code).toBe(2);
  });
});
