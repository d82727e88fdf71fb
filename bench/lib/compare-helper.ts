/**
 * Explains why squidGuard and Haven block different numbers of the same request lines.
 * Reads the request file, its .sources sidecar (UT1 categories of each line's domain), and both
 * helpers' answers; prints the agreement and, for lines only one of them blocked, why, using
 * Haven's own UT1 map and the school's compiled rules for the group.
 *
 * node --import tsx bench/lib/compare-helper.ts <requests> <squidguard.out> <haven.out> <school> <group>
 */
import { readFileSync } from 'node:fs';
import { UT1_CATEGORY_MAP } from '../../packages/core/src/filter/ut1.ts';
import { filter, policy } from '../../packages/core/src/index.ts';

const [reqFile, sgFile, hvFile, school, group] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const sources = readFileSync(`${reqFile}.sources`, 'utf8').split('\n');
const sg = readFileSync(sgFile, 'utf8').split('\n');
const hv = readFileSync(hvFile, 'utf8').split('\n');

const bundled = policy.template(school);
if (!bundled) throw new Error(`no template ${school}`);
const snapshot = filter.buildSnapshot({
  school: { id: bundled.id, name: bundled.school.name },
  policy: bundled,
  policyVersion: null,
  settings: filter.defaultFilterSettings(bundled),
  exceptions: [],
  generatedAt: new Date(),
});
const rules = snapshot.groups.find((g) => g.id === group)?.rules ?? {};

const blocked = (line: string | undefined) => (line ?? '').replace(/^\d+ /, '').startsWith('OK');
let both = 0;
let neither = 0;
let onlySg = 0;
let onlyHaven = 0;
const why = new Map<string, number>();
const count = (k: string) => why.set(k, (why.get(k) ?? 0) + 1);

for (let i = 0; i < sources.length - 1; i++) {
  const s = blocked(sg[i]);
  const h = blocked(hv[i]);
  if (s && h) both++;
  else if (!s && !h) neither++;
  else if (s) {
    onlySg++;
    const cats = (sources[i] as string).split(',');
    // The reason of the first UT1 category of the domain (most domains are in one category).
    const parts = cats.map((c) => {
      const m = UT1_CATEGORY_MAP[c];
      if (!m) return `UT1 "${c}": not a category Haven knows`;
      if (m.haven === null) return `UT1 "${c}": not imported by Haven (${m.note.split(/[.;(]/)[0]?.trim()})`;
      const r = rules[m.haven] as { effect?: string } | undefined;
      return `UT1 "${c}" -> ${m.haven}: ${r ? `rule "${r.effect}" for ${group}` : `no rule for ${group} (allowed)`}`;
    });
    count(parts.join(' + '));
  } else {
    onlyHaven++;
    count(`blocked by Haven only (sources: ${sources[i]})`);
  }
}
const lines = sources.length - 1;
console.log(
  `  lines compared: ${lines}; both block ${both}, both pass ${neither}, only squidGuard blocks ${onlySg}, only Haven blocks ${onlyHaven}`,
);
console.log('  lines only one of them blocked, by reason (top 15):');
for (const [k, n] of [...why.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`    ${String(n).padStart(7)}  ${k}`);
if (why.size > 15)
  console.log(
    `    (${why.size - 15} more reasons, ${[...why.values()]
      .sort((a, b) => b - a)
      .slice(15)
      .reduce((a, b) => a + b, 0)} lines)`,
  );
