// Writes Squid url_rewrite request lines for the helper benchmark:
//   <URL> <client-ip>/- - <METHOD> myip=10.0.0.1 myport=3128
// A share (--listed, default 0.3) of the lines are for domains sampled uniformly from the distinct
// domains of every UT1 category; the rest are synthetic host names that no list holds. 60% are GET
// of an http:// URL (a quarter of them under "www."), 40% CONNECT host:443. Deterministic (--seed).
// Also writes <out>.sources: one line per request, the UT1 categories of its domain or "-".
//
// node bench/lib/gen-squid-input.mjs --out FILE [--lines 500000] [--listed 0.3] [--seed 1] [--ut1 DIR]
import { createWriteStream } from 'node:fs';
import { distinctDomains, findUt1Dir, listedIn, readUt1, rng, syntheticHost } from './ut1.mjs';

const args = {};
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a.startsWith('--')) args[a.slice(2)] = process.argv[++i];
}
const total = Number(args.lines ?? 500000);
const share = Number(args.listed ?? 0.3);
const random = rng(Number(args.seed ?? 1));
const dir = args.ut1 ?? findUt1Dir();
if (!args.out) throw new Error('--out FILE is required');

const categories = readUt1(dir);
const byDomain = distinctDomains(categories);
const domains = [...byDomain.keys()].filter((d) => /^[a-z0-9._-]+$/.test(d) && d.includes('.'));
const listedSet = new Set(byDomain.keys());

const out = createWriteStream(args.out);
const src = createWriteStream(`${args.out}.sources`);
let listed = 0;
let unlisted = 0;
let connects = 0;
let buf = '';
let sbuf = '';
const word = () => Math.floor(random() * 36 ** 5).toString(36);
for (let n = 0; n < total; n++) {
  let host;
  let cats = '-';
  if (random() < share) {
    const d = domains[Math.floor(random() * domains.length)];
    cats = byDomain.get(d).join(',');
    host = random() < 0.25 ? `www.${d}` : d;
    listed++;
  } else {
    do host = syntheticHost(random);
    while (listedIn(listedSet, host));
    unlisted++;
  }
  const client = `10.0.${Math.floor(random() * 8)}.${1 + Math.floor(random() * 250)}`;
  if (random() < 0.4) {
    buf += `${host}:443 ${client}/- - CONNECT myip=10.0.0.1 myport=3128\n`;
    connects++;
  } else {
    const path = random() < 0.3 ? '/' : `/${word()}/${word()}.html`;
    buf += `http://${host}${path} ${client}/- - GET myip=10.0.0.1 myport=3128\n`;
  }
  sbuf += `${cats}\n`;
  if (buf.length > 1 << 20) {
    out.write(buf);
    src.write(sbuf);
    buf = '';
    sbuf = '';
  }
}
out.end(buf);
src.end(sbuf);
const catsWithDomains = categories.filter((c) => c.domains.length > 0).length;
const domainLines = categories.reduce((s, c) => s + c.domains.length, 0);
process.stdout.write(
  `${JSON.stringify({
    ut1Dir: dir,
    categories: categories.length,
    categoriesWithDomains: catsWithDomains,
    domainLines,
    distinctDomains: byDomain.size,
    lines: total,
    listed,
    unlisted,
    connects,
  })}\n`,
);
