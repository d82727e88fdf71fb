// Shared helpers for the benchmark generators: finding and reading the UT1 lists, a seeded random
// number generator, and synthetic (unlisted) host names. Plain Node, no dependencies.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The UT1 `blacklists` folder: $HAVEN_UT1_DIR, else `shared/data/ut1` found walking up from bench/. */
export function findUt1Dir() {
  const fromEnv = process.env.HAVEN_UT1_DIR;
  const candidates = [];
  if (fromEnv) candidates.push(fromEnv);
  else {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    for (;;) {
      candidates.push(path.join(dir, 'shared', 'data', 'ut1'));
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  for (const c of candidates) {
    for (const d of [path.join(c, 'blacklists'), c]) {
      if (existsSync(d) && statSync(d).isDirectory() && existsSync(path.join(d, 'gambling'))) return d;
    }
  }
  throw new Error(
    `UT1 lists not found (tried ${candidates.join(', ')}); set HAVEN_UT1_DIR to the folder holding <category>/domains`,
  );
}

function lines(file) {
  if (!existsSync(file)) return [];
  const out = [];
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const l = raw.trim();
    if (l && !l.startsWith('#')) out.push(l.toLowerCase());
  }
  return out;
}

/** Every category folder: { name, domains: string[], urls: string[] } (sorted by name). */
export function readUt1(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (!statSync(full).isDirectory()) continue;
    out.push({ name, domains: lines(path.join(full, 'domains')), urls: lines(path.join(full, 'urls')) });
  }
  return out;
}

/** Distinct domains of the given categories, each with every category that lists it. */
export function distinctDomains(categories) {
  const map = new Map();
  for (const c of categories) {
    for (const d of c.domains) {
      const had = map.get(d);
      if (had) {
        if (!had.includes(c.name)) had.push(c.name);
      } else map.set(d, [c.name]);
    }
  }
  return map;
}

/** mulberry32: a small, seeded PRNG returning floats in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates shuffle in place. */
export function shuffle(array, random) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [array[i], array[j]] = [array[j], array[i]];
  }
  return array;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const TLDS = ['com', 'com', 'com', 'net', 'org', 'co.uk', 'de', 'fr', 'io', 'info', 'org.uk', 'nl'];
const PREFIXES = ['', '', '', 'www.', 'www.', 'cdn.', 'api.', 'static.', 'img.', 'mail.'];

function label(random, min, max) {
  const n = min + Math.floor(random() * (max - min + 1));
  let s = LETTERS[Math.floor(random() * 26)];
  for (let i = 1; i < n; i++) s += ALNUM[Math.floor(random() * 36)];
  return s;
}

/** A synthetic host name such as `www.k3j9qx7ab.co.uk`: random enough never to be listed. */
export function syntheticHost(random) {
  return `${PREFIXES[Math.floor(random() * PREFIXES.length)]}${label(random, 7, 14)}.${TLDS[Math.floor(random() * TLDS.length)]}`;
}

/** A synthetic registrable domain (no prefix), for index entries. */
export function syntheticDomain(random) {
  return `${label(random, 6, 16)}.${TLDS[Math.floor(random() * TLDS.length)]}`;
}

/** True when `host` or one of its parent domains is in `set`. */
export function listedIn(set, host) {
  for (let i = -1; ; ) {
    if (set.has(i < 0 ? host : host.slice(i + 1))) return true;
    i = host.indexOf('.', i + 1);
    if (i < 0) return false;
  }
}
