import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, ILLEGAL_CATEGORIES } from '../src/filter/categories.ts';
import {
  parseDomainList,
  parseUrlList,
  UT1_ATTRIBUTION,
  UT1_CATEGORY_MAP,
  ut1CategoryFor,
} from '../src/filter/lists.ts';

/**
 * The UT1 snapshot lives outside the repository (it must never be committed): `HAVEN_UT1_DIR`
 * (the `ut1` folder or its `blacklists` folder), else the first `shared/data/ut1` found walking up
 * from this file.
 */
function findUt1Blacklists(): string | null {
  const fromEnv = process.env.HAVEN_UT1_DIR;
  const candidates: string[] = [];
  if (fromEnv) candidates.push(join(fromEnv, 'blacklists'), fromEnv);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    candidates.push(join(dir, 'shared', 'data', 'ut1', 'blacklists'));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  for (const c of candidates) if (existsSync(join(c, 'global_usage'))) return resolve(c);
  return null;
}

const BLACKLISTS = findUt1Blacklists();
if (!BLACKLISTS) {
  console.warn(
    'UT1 snapshot not found (set HAVEN_UT1_DIR or provide ../shared/data/ut1): skipping the tests on real data',
  );
}

const NOT_CATEGORIES = new Set(['global_usage', 'README', 'LICENSE.pdf', 'cc-by-sa-4-0.pdf']);

interface Ut1Category {
  name: string;
  /** For an alias (a symbolic link, or a one-line file naming the target as git stores links): the target. */
  aliasOf: string | null;
}

function ut1Categories(root: string): Ut1Category[] {
  const out: Ut1Category[] = [];
  for (const name of readdirSync(root).sort()) {
    if (NOT_CATEGORIES.has(name) || name.startsWith('.')) continue;
    const path = join(root, name);
    const link = lstatSync(path);
    if (link.isSymbolicLink()) {
      out.push({ name, aliasOf: basename(readlinkSync(path)) });
    } else if (link.isDirectory()) {
      out.push({ name, aliasOf: null });
    } else if (link.isFile() && link.size < 64) {
      const target = readFileSync(path, 'utf8').trim();
      if (target !== '' && statSync(join(root, target), { throwIfNoEntry: false })?.isDirectory()) {
        out.push({ name, aliasOf: target });
      }
    }
  }
  return out;
}

describe('UT1 category map', () => {
  it('maps only to known Haven categories, never to an illegal-content one', () => {
    for (const [name, m] of Object.entries(UT1_CATEGORY_MAP)) {
      if (m.haven !== null) expect(CATEGORY_IDS, name).toContain(m.haven);
      expect(ILLEGAL_CATEGORIES, name).not.toContain(m.haven);
      expect(m.note.length, name).toBeGreaterThan(5);
    }
  });

  it('never imports "child" (sites for children, not abuse content)', () => {
    expect(UT1_CATEGORY_MAP.child?.haven).toBeNull();
    expect(UT1_CATEGORY_MAP.child?.note).toMatch(/NOT ABUSE CONTENT/);
    expect(ut1CategoryFor('child')).toBeNull();
  });

  it('does not import allow-lists', () => {
    for (const name of [
      'liste_blanche',
      'liste_bu',
      'exceptions_liste_bu',
      'sexual_education',
      'examen_pix',
    ]) {
      expect(ut1CategoryFor(name), name).toBeNull();
    }
  });

  it('maps the main block lists as agreed', () => {
    expect(ut1CategoryFor('adult')).toBe('pornography');
    expect(ut1CategoryFor('porn')).toBe('pornography');
    expect(ut1CategoryFor('agressif')).toBe('hate-speech');
    expect(ut1CategoryFor('dangerous_material')).toBe('violence');
    expect(ut1CategoryFor('drogue')).toBe('drugs');
    expect(ut1CategoryFor('gambling')).toBe('gambling');
    expect(ut1CategoryFor('games')).toBe('gaming');
    expect(ut1CategoryFor('educational_games')).toBe('gaming-educational');
    expect(ut1CategoryFor('phishing')).toBe('malware-hacking');
    expect(ut1CategoryFor('warez')).toBe('piracy');
    expect(ut1CategoryFor('redirector')).toBe('bypass');
    expect(ut1CategoryFor('doh')).toBe('bypass');
    expect(ut1CategoryFor('social_networks')).toBe('social-media');
    expect(ut1CategoryFor('audio-video')).toBe('video-broadcasting');
    expect(ut1CategoryFor('fakenews')).toBe('misinformation');
    expect(ut1CategoryFor('publicite')).toBe('advertising');
    expect(ut1CategoryFor('remote-control')).toBe('remote-access');
    expect(ut1CategoryFor('ai')).toBe('ai-chatbots');
    expect(ut1CategoryFor('sect')).toBeNull();
  });

  it('maps aliases as their targets', () => {
    for (const [name, m] of Object.entries(UT1_CATEGORY_MAP)) {
      if (m.aliasOf === undefined) continue;
      const target = UT1_CATEGORY_MAP[m.aliasOf];
      expect(target, name).toBeDefined();
      expect(target?.aliasOf, name).toBeUndefined();
      expect(m.haven, name).toBe(target?.haven);
    }
  });

  it('returns null for unknown names, including Object.prototype keys', () => {
    expect(ut1CategoryFor('no-such-category')).toBeNull();
    expect(ut1CategoryFor('constructor')).toBeNull();
    expect(ut1CategoryFor('__proto__')).toBeNull();
  });

  it('carries the licence attribution', () => {
    expect(UT1_ATTRIBUTION).toMatch(/Université Toulouse 1 Capitole/);
    expect(UT1_ATTRIBUTION).toMatch(/CC BY-SA 4\.0/);
  });
});

describe.skipIf(!BLACKLISTS)('UT1 snapshot (real data)', () => {
  const root = BLACKLISTS as string;

  it('has a mapping entry for every category directory and alias', () => {
    const cats = ut1Categories(root);
    expect(cats.filter((c) => c.aliasOf === null).length).toBeGreaterThanOrEqual(60);
    const missing = cats.filter((c) => !Object.hasOwn(UT1_CATEGORY_MAP, c.name)).map((c) => c.name);
    expect(missing).toEqual([]);
    for (const c of cats) {
      expect(UT1_CATEGORY_MAP[c.name]?.aliasOf ?? null, c.name).toBe(c.aliasOf);
    }
  });

  it('has a global_usage description for every mapped directory it describes', () => {
    const usage = readFileSync(join(root, 'global_usage'), 'utf8');
    const described = new Set([...usage.matchAll(/^NAME:\s*(\S+)/gm)].map((m) => m[1]));
    // Every described category is mapped (the description is what the mapping was checked against).
    for (const name of described) expect(Object.hasOwn(UT1_CATEGORY_MAP, name as string), name).toBe(true);
    expect(described.has('child')).toBe(true);
    expect(usage).toMatch(/NAME:\s+child\s*\nDEFAULT_TYPE: white/);
  });

  it('parses every domains and urls file without an exception', () => {
    const totals = { files: 0, lines: 0, entries: 0, duplicates: 0, rejected: 0, blank: 0, comments: 0 };
    const urlTotals = { files: 0, lines: 0, entries: 0, duplicates: 0, rejected: 0 };
    const rejectedSamples: string[] = [];
    for (const c of ut1Categories(root)) {
      if (c.aliasOf !== null) continue;
      const domains = join(root, c.name, 'domains');
      if (existsSync(domains)) {
        const r = parseDomainList(readFileSync(domains, 'utf8'));
        totals.files++;
        totals.lines += r.counts.lines;
        totals.entries += r.counts.entries;
        totals.duplicates += r.counts.duplicates;
        totals.rejected += r.counts.rejected;
        totals.blank += r.counts.blank;
        totals.comments += r.counts.comments;
        for (const p of r.problems.slice(0, 2))
          rejectedSamples.push(`${c.name}:${p.line} ${p.text} (${p.reason})`);
        expect(
          r.counts.entries + r.counts.duplicates + r.counts.rejected + r.counts.blank + r.counts.comments,
        ).toBe(r.counts.lines);
      }
      const urls = join(root, c.name, 'urls');
      if (existsSync(urls)) {
        const r = parseUrlList(readFileSync(urls, 'utf8'));
        urlTotals.files++;
        urlTotals.lines += r.counts.lines;
        urlTotals.entries += r.counts.entries;
        urlTotals.duplicates += r.counts.duplicates;
        urlTotals.rejected += r.counts.rejected;
      }
    }
    console.info('UT1 domains:', totals);
    console.info('UT1 urls:', urlTotals);
    if (rejectedSamples.length > 0) console.info('UT1 rejected (samples):', rejectedSamples.slice(0, 20));
    expect(totals.files).toBeGreaterThan(50);
    expect(totals.lines).toBeGreaterThan(500_000);
    // Real lists are clean: well under 0.1% of lines refused.
    expect(totals.rejected).toBeLessThan(totals.lines / 1000);
  });
});
