/**
 * Query and configuration files for the DNS benchmark.
 *
 * Blocked names: distinct UT1 domains (of the categories Haven imports), shuffled with a fixed seed,
 * kept when they are plain DNS names and Haven's decide() blocks them for the group at any time of
 * day (a rule other than "outside lessons"), using the lists imported into HAVEN_DATA_DIR.
 * Allowed names: synthetic host names that no list holds (decide() allows them, uncategorised).
 *
 * node --import tsx bench/lib/gen-dns.ts <out-dir> <school> <group> <blocked> <allowed>
 * Writes: queries.txt (blocked and allowed alternating, "name A"), warm.txt (allowed only),
 * unbound-blocked.conf, dnsmasq-blocked.conf; prints a JSON summary.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { UT1_CATEGORY_MAP } from '../../packages/core/src/filter/ut1.ts';
import { filter, policy } from '../../packages/core/src/index.ts';
import { ListStore } from '../../packages/server/src/filter/list-store.ts';
// @ts-expect-error plain JavaScript helper
import { distinctDomains, findUt1Dir, readUt1, rng, shuffle, syntheticHost } from './ut1.mjs';

const [outDir, school, group, nBlocked, nAllowed] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const dataDir = process.env.HAVEN_DATA_DIR;
if (!dataDir) throw new Error('set HAVEN_DATA_DIR (with the UT1 lists imported)');
const bundled = policy.template(school);
if (!bundled) throw new Error(`no template ${school}`);
const prepared = new filter.PreparedFilter(
  filter.buildSnapshot({
    school: { id: bundled.id, name: bundled.school.name },
    policy: bundled,
    policyVersion: null,
    settings: filter.defaultFilterSettings(bundled),
    exceptions: [],
    generatedAt: new Date(),
  }),
);
const lists = ListStore.open(dataDir).current();
const at = Date.now();
const decide = (host: string) => filter.decide(prepared, lists, { group, at, host });

const NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const categories = readUt1(findUt1Dir()) as { name: string; domains: string[] }[];
const imported = categories.filter((c) => UT1_CATEGORY_MAP[c.name]?.haven);
const random = rng(7);
const candidates = shuffle(
  [...(distinctDomains(imported) as Map<string, string[]>).keys()],
  random,
) as string[];

const blocked: string[] = [];
const byCategory: Record<string, number> = {};
let refused = 0;
for (const d of candidates) {
  if (blocked.length >= Number(nBlocked)) break;
  if (!NAME.test(d)) continue;
  const r = decide(d);
  if (r.action !== 'block' || r.rule?.effect === 'outside-lessons' || r.kind !== 'policy') {
    refused++;
    continue;
  }
  blocked.push(d);
  byCategory[r.category as string] = (byCategory[r.category as string] ?? 0) + 1;
}
const allowed: string[] = [];
const seen = new Set<string>();
while (allowed.length < Number(nAllowed)) {
  const h = syntheticHost(random) as string;
  if (seen.has(h)) continue;
  seen.add(h);
  if (decide(h).action === 'allow') allowed.push(h);
}

const queries: string[] = [];
for (let i = 0; i < Math.max(blocked.length, allowed.length); i++) {
  if (i < blocked.length) queries.push(`${blocked[i]} A`);
  if (i < allowed.length) queries.push(`${allowed[i]} A`);
}
writeFileSync(path.join(outDir, 'queries.txt'), `${queries.join('\n')}\n`);
writeFileSync(path.join(outDir, 'warm.txt'), `${allowed.map((h) => `${h} A`).join('\n')}\n`);
writeFileSync(path.join(outDir, 'blocked.txt'), `${blocked.join('\n')}\n`);
writeFileSync(
  path.join(outDir, 'unbound-blocked.conf'),
  `${blocked.map((d) => `local-zone: "${d}." always_nxdomain`).join('\n')}\n`,
);
writeFileSync(
  path.join(outDir, 'dnsmasq-blocked.conf'),
  `${blocked.map((d) => `address=/${d}/`).join('\n')}\n`,
);
process.stdout.write(
  `${JSON.stringify({
    blocked: blocked.length,
    allowed: allowed.length,
    queries: queries.length,
    candidatesSkipped: refused,
    blockedByHavenCategory: byCategory,
  })}\n`,
);
