/**
 * The monitoring matcher's throughput with the full phrase libraries (English and Welsh), on one
 * core: normalisation plus the one-pass scan, and the scan alone on text already normalised.
 * Haven's own goal (issue 5): at least 50 MB/s. There is no peer to run on the same data.
 *
 *   node --import tsx bench/monitor.ts        (BENCH_MONITOR_MB=100)
 *
 * The text is the five seed policies in ../shared/seeds (real English prose, where phrases rarely
 * occur, as on a school network), repeated to the size asked for, with a risky phrase every 50 KB
 * so the matching path is exercised too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { basePhrases, normalise, PhraseMatcher } from '../packages/core/src/monitor/index.ts';

const TARGET_MB_S = 50;
const sizeMb = Number(process.env.BENCH_MONITOR_MB ?? 100);

function seedsDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'shared', 'seeds');
    try {
      readdirSync(candidate);
      return candidate;
    } catch {
      dir = path.dirname(dir);
    }
  }
  throw new Error('seed policies not found (../shared/seeds)');
}

const dir = seedsDir();
const prose = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(dir, f), 'utf8'))
  .join('\n');
const risky = [
  ' how to k1ll myself ',
  ' essay on the history of suicide ',
  ' buy weed ',
  ' s e n d   m e   n u d e s ',
];
const parts: string[] = [];
let size = 0;
let n = 0;
while (size < sizeMb * 1e6) {
  const piece = prose.slice((n * 50_000) % prose.length, ((n * 50_000) % prose.length) + 50_000);
  parts.push(piece, risky[n % risky.length]!);
  size += piece.length;
  n++;
}
const text = parts.join('');
const bytes = Buffer.byteLength(text);
const matcher = new PhraseMatcher(basePhrases());

const time = (f: () => unknown) => {
  f(); // warm-up
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = process.hrtime.bigint();
    f();
    runs.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  return runs.sort((a, b) => a - b)[2]!;
};

const normalised = normalise(text);
const whole = time(() => matcher.scan(text));
const scanOnly = time(() => matcher.scanNormalised(normalised));
const normaliseOnly = time(() => normalise(text));
const found = matcher.scan(text);

console.log('== Monitoring matcher: throughput on one core ==');
console.log(
  `machine:  ${os.cpus().length} CPU(s), ${os.cpus()[0]?.model ?? 'unknown'}, Node ${process.version}`,
);
console.log(`library:  ${matcher.size} phrases (English and Welsh)`);
console.log(
  `data:     ${(bytes / 1e6).toFixed(1)} MB of the seed policies' text, a risky phrase every 50 KB (${n} inserted)`,
);
console.log(
  `found:    ${found.length} distinct phrases: ${found.map((m) => `${m.phrase} (${m.severity})`).join(', ')}`,
);
console.log('==== summary: monitoring matcher (median of 5 runs) ====');
console.log(
  `  normalise + scan    ${(bytes / 1e6 / whole).toFixed(1)} MB/s   target ≥ ${TARGET_MB_S} MB/s: ${bytes / 1e6 / whole >= TARGET_MB_S ? 'met' : 'not met'}`,
);
console.log(
  `  scan alone          ${(normalised.length / 1e6 / scanOnly).toFixed(1)} MB/s (normalised text)`,
);
console.log(`  normalise alone     ${(bytes / 1e6 / normaliseOnly).toFixed(1)} MB/s`);
console.log("  (no peer: the target is Haven's own)");
