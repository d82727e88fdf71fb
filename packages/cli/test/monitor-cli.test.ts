/**
 * The monitoring contract through the real CLI: `haven monitor scan --school <id> --jsonl` reads
 * lines on stdin and writes one object per line, in order, with the matches (empty when none);
 * URLs of search engines are scanned for their search terms. `haven monitor summary` counts a
 * local day of an imported log, in the school's time zone, and keeps nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { haven } from './run-haven.ts';

const DATA = mkdtempSync(path.join(tmpdir(), 'haven-monitor-cli-'));
afterAll(() => rmSync(DATA, { recursive: true, force: true }));

describe('haven monitor scan', () => {
  it('answers each line in order, with the category, severity and phrase of each match', async () => {
    const lines = [
      'how do i k1ll myself',
      'https://www.google.co.uk/search?q=essay+on+the+history+of+suicide',
      'Scunthorpe United',
      '',
      'https://www.youtube.com/results?search_query=zombie+knife',
      'dw i eisiau marw',
    ];
    const r = await haven(
      DATA,
      ['monitor', 'scan', '--school', 'milford-haven', '--jsonl'],
      `${lines.join('\n')}\n`,
    );
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.input)).toEqual(lines);
    expect(out[0]).toEqual({
      input: lines[0],
      matches: [{ category: 'suicide', severity: 5, phrase: 'kill myself' }],
    });
    expect(out[1].matches).toEqual([{ category: 'suicide', severity: 1, phrase: 'suicide' }]);
    expect(out[2]).toEqual({ input: 'Scunthorpe United', matches: [] });
    expect(out[3]).toEqual({ input: '', matches: [] });
    expect(out[4].matches[0]).toMatchObject({ category: 'violence-weapons', phrase: 'zombie knife' });
    expect(out[5].matches[0]).toMatchObject({ category: 'suicide', severity: 5 });
    for (const o of out) expect(Object.keys(o)).toEqual(['input', 'matches']);
  });

  it('needs --jsonl and a known school', { timeout: 90_000 }, async () => {
    expect((await haven(DATA, ['monitor', 'scan', '--school', 'milford-haven'], '')).code).toBe(2);
    const unknown = await haven(DATA, ['monitor', 'scan', '--school', 'nowhere', '--jsonl'], 'x\n');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no template or school named "nowhere"');
  });

  it('publishes the library for parents', async () => {
    const r = await haven(DATA, ['monitor', 'phrases', '--json']);
    expect(r.code).toBe(0);
    const lib = JSON.parse(r.stdout);
    expect(lib.phrases.length).toBeGreaterThan(100);
    expect(lib.phrases.some((p: { language: string }) => p.language === 'cy')).toBe(true);
  });
});

describe('haven monitor summary', () => {
  const ROOT = mkdtempSync(path.join(tmpdir(), 'haven-monitor-summary-'));
  const SUMMARY_DATA = path.join(ROOT, 'data');
  afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

  const at = (iso: string) => (Date.parse(iso) / 1000).toFixed(3);
  // 15 June is in British Summer Time: the school's day runs from 23:00 UTC on the 14th, so the
  // first line belongs to it and the last (00:30 on the 16th, London time) does not.
  const LOG = [
    `${at('2026-06-14T23:30:00Z')}     40 10.0.0.6 TCP_MISS/200 900 GET http://news.example/early - DIRECT/5.6.7.8 text/html`,
    `${at('2026-06-15T09:00:00Z')}    180 10.0.0.5 TCP_MISS/200 411 GET http://www.google.co.uk/search?q=how+to+k1ll+myself amy.pupil DIRECT/1.2.3.4 text/html`,
    `${at('2026-06-15T09:01:00Z')}     12 10.0.0.5 TCP_DENIED/403 3722 CONNECT pokerstars.com:443 amy.pupil HIER_NONE/- text/html`,
    `${at('2026-06-15T09:02:00Z')}     12 10.0.0.5 TCP_DENIED/403 3722 CONNECT pokerstars.com:443 amy.pupil HIER_NONE/- text/html`,
    `${at('2026-06-15T09:03:00Z')}     12 10.0.0.7 TCP_DENIED/403 3722 CONNECT pokerstars.com:443 - HIER_NONE/- text/html`,
    `${at('2026-06-15T23:30:00Z')}     40 10.0.0.6 TCP_DENIED/403 900 CONNECT pokerstars.com:443 - HIER_NONE/- text/html`,
    '',
  ].join('\n');

  it("counts the school's local day of an imported log, as text or JSON, and keeps nothing", {
    timeout: 90_000,
  }, async () => {
    const file = path.join(ROOT, 'access.log');
    writeFileSync(file, LOG);
    const imported = await haven(SUMMARY_DATA, [
      'import',
      'squid',
      file,
      '--school',
      'milford-haven',
      '--json',
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ lines: 6, imported: 6, problems: 0 });

    const day = ['monitor', 'summary', '--school', 'milford-haven', '--day', '2026-06-15'];
    const json = await haven(SUMMARY_DATA, [...day, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      school: 'milford-haven',
      day: '2026-06-15',
      timeZone: 'Europe/London',
      from: '2026-06-14T23:00:00.000Z',
      to: '2026-06-15T23:00:00.000Z',
      total: 5,
      blocked: 3,
      topBlocked: [
        { who: 'amy.pupil', count: 2 },
        { who: '10.0.0.7', count: 1 },
      ],
      alertsBySeverity: [{ severity: 5, count: 1 }],
      illegalHits: 0,
    });

    const text = await haven(SUMMARY_DATA, day);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Daily internet usage summary: Milford Haven School, 2026-06-15');
    expect(text.stdout).toContain('Requests: 5\nBlocked: 3\n');
    expect(text.stdout).toContain('  amy.pupil: 2\n  10.0.0.7: 1\n');
    expect(text.stdout).toContain('  severity 5: 1\n');

    const next = await haven(SUMMARY_DATA, [
      'monitor',
      'summary',
      '--school',
      'milford-haven',
      '--day',
      '2026-06-16',
      '--json',
    ]);
    expect(JSON.parse(next.stdout)).toMatchObject({ total: 1, blocked: 1, alertsBySeverity: [] });

    const db = new Database(path.join(SUMMARY_DATA, 'haven.sqlite'), { readonly: true });
    try {
      expect(db.prepare('select count(*) as n from daily_summaries').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('refuses an unknown school and a day that is not a date', { timeout: 90_000 }, async () => {
    const unknown = await haven(SUMMARY_DATA, [
      'monitor',
      'summary',
      '--school',
      'nowhere',
      '--day',
      '2026-06-15',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no school "nowhere"');
    for (const bad of ['2026-02-30', '2026-13-01']) {
      const r = await haven(SUMMARY_DATA, ['monitor', 'summary', '--school', 'milford-haven', '--day', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain('--day must be a date written YYYY-MM-DD');
    }
  });
});
