/**
 * The monitoring contract through the real CLI: `haven monitor scan --school <id> --jsonl` reads
 * lines on stdin and writes one object per line, in order, with the matches (empty when none);
 * URLs of search engines are scanned for their search terms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

  it('needs --jsonl and a known school', async () => {
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
