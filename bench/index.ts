/**
 * Haven's domain index at 5 million domains: parse + build time from the text lists, load time of
 * the serialised index (DomainIndex.fromBytes), peak memory, and lookups per second.
 *
 *   node --import tsx bench/index.ts            (BENCH_INDEX_DOMAINS=5000000 BENCH_INDEX_LOOKUPS=2000000)
 *
 * The UT1 snapshot holds about 590,000 domains of the categories Haven imports; synthetic domains
 * (random names, imported as "pornography", standing in for UT1's 4.6-million-line adult list that
 * the snapshot lacks) bring the total to 5 million. Each phase runs in a fresh Node process so its
 * peak RSS is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CategoryId } from '../packages/core/src/filter/categories.ts';
import { DomainIndex, DomainIndexBuilder } from '../packages/core/src/filter/domain-index.ts';
import { parseDomainList } from '../packages/core/src/filter/list-parsers.ts';
import { UT1_CATEGORY_MAP } from '../packages/core/src/filter/ut1.ts';
// @ts-expect-error plain JavaScript helper
import { findUt1Dir, rng, shuffle, syntheticDomain, syntheticHost } from './lib/ut1.mjs';

const TARGET_BUILD_S = 5;
const TARGET_RSS_MB = 500;

function vmHwmMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}
const rssMb = () => process.memoryUsage().rss / 1048576;
const now = () => performance.now() / 1000;

interface ListFile {
  file: string;
  category: CategoryId;
  lines: number;
}

/* ------------------------------------------------------------- phase: build (fresh process) */
function phaseBuild(work: string): void {
  const files = JSON.parse(readFileSync(path.join(work, 'files.json'), 'utf8')) as ListFile[];
  const t0 = now();
  const builder = new DomainIndexBuilder();
  let entries = 0;
  let rejected = 0;
  let readS = 0;
  for (const f of files) {
    const r0 = now();
    const text = readFileSync(f.file, 'utf8');
    readS += now() - r0;
    const result = parseDomainList(text, {
      dedupe: false,
      onEntry: (h) => {
        builder.addDomain(h, f.category);
      },
    });
    entries += result.counts.entries;
    rejected += result.counts.rejected;
  }
  const t1 = now();
  const index = builder.build();
  const t2 = now();
  const bytes = index.toBytes();
  writeFileSync(path.join(work, 'index.bin'), bytes);
  const t3 = now();
  const out = {
    entries,
    rejected,
    readS: +readS.toFixed(3),
    parseAddS: +(t1 - t0).toFixed(3),
    buildS: +(t2 - t1).toFixed(3),
    totalS: +(t2 - t0).toFixed(3),
    toBytesWriteS: +(t3 - t2).toFixed(3),
    stats: index.stats(),
    fileBytes: bytes.byteLength,
    rssMb: +rssMb().toFixed(1),
    vmHwmMb: +vmHwmMb().toFixed(1),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/* ------------------------------------------------------- phase: load + lookups (fresh process) */
function phaseLoad(work: string): void {
  const file = path.join(work, 'index.bin');
  const t0 = now();
  const buf = readFileSync(file);
  const t1 = now();
  const index = DomainIndex.fromBytes(buf);
  const t2 = now();
  const afterLoad = { rssMb: +rssMb().toFixed(1), vmHwmMb: +vmHwmMb().toFixed(1) };

  const queries = readFileSync(path.join(work, 'queries.txt'), 'utf8').split('\n');
  queries.pop();
  const passes = Number(process.env.BENCH_INDEX_PASSES ?? 3);
  let hits = 0;
  // One warm-up pass (JIT), then timed passes.
  for (const q of queries) if (index.lookupHost(q)) hits++;
  hits = 0;
  const l0 = now();
  for (let p = 0; p < passes; p++) for (const q of queries) if (index.lookupHost(q)) hits++;
  const l1 = now();
  // Loading with a copy first, as ListStore#load does (new Uint8Array(readFileSync(...))).
  const t3 = now();
  const copied = DomainIndex.fromBytes(new Uint8Array(readFileSync(file)));
  const t4 = now();
  if (copied.stats().domains !== index.stats().domains) throw new Error('reloaded index differs');
  const out = {
    readS: +(t1 - t0).toFixed(3),
    fromBytesS: +(t2 - t1).toFixed(3),
    readAndCopyAndFromBytesS: +(t4 - t3).toFixed(3),
    afterLoad,
    lookups: queries.length * passes,
    hitShare: +(hits / (queries.length * passes)).toFixed(4),
    lookupsPerS: Math.round((queries.length * passes) / (l1 - l0)),
    nsPerLookup: +(((l1 - l0) / (queries.length * passes)) * 1e9).toFixed(1),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/* ------------------------------------------------------------------------------ orchestrator */
function lineCount(file: string): number {
  const b = readFileSync(file);
  let n = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  return n;
}

function main(): void {
  const total = Number(process.env.BENCH_INDEX_DOMAINS ?? 5_000_000);
  const nLookups = Number(process.env.BENCH_INDEX_LOOKUPS ?? 1_000_000);
  const ut1 = findUt1Dir() as string;
  const work = mkdtempSync(path.join(os.tmpdir(), 'haven-bench-index.'));
  const self = fileURLToPath(import.meta.url);
  try {
    console.log('== Domain index: 5 million domains ==');
    console.log(`date:     ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
    console.log(
      `machine:  ${os.cpus().length} CPU(s), ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`,
    );
    console.log(
      `load:     ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );

    // The UT1 domain files Haven imports, with the category each is imported as.
    const files: ListFile[] = [];
    const listed: string[] = [];
    const ut1Distinct = new Set<string>();
    for (const name of readdirSync(ut1).sort()) {
      const file = path.join(ut1, name, 'domains');
      const category = UT1_CATEGORY_MAP[name]?.haven;
      if (!category || !statSync(path.join(ut1, name)).isDirectory()) continue;
      try {
        statSync(file);
      } catch {
        continue;
      }
      const n = lineCount(file);
      files.push({ file, category, lines: n });
      for (const l of readFileSync(file, 'utf8').split('\n')) {
        const d = l.trim().toLowerCase();
        if (d && !ut1Distinct.has(d)) {
          ut1Distinct.add(d);
          listed.push(d);
        }
      }
    }
    const ut1Lines = files.reduce((s, f) => s + f.lines, 0);
    const synthetic = Math.max(0, total - ut1Distinct.size);
    const random = rng(42) as () => number;
    const synthFile = path.join(work, 'synthetic-domains');
    {
      const parts: string[] = [];
      const chunk: string[] = [];
      const synthSample: string[] = [];
      const seen = new Set<string>();
      for (let i = 0; i < synthetic; i++) {
        let d = syntheticDomain(random) as string;
        while (seen.has(d) || ut1Distinct.has(d)) d = syntheticDomain(random) as string;
        seen.add(d);
        chunk.push(d);
        if (i % 9 === 0) synthSample.push(d);
        if (chunk.length === 100_000) {
          parts.push(`${chunk.join('\n')}\n`);
          chunk.length = 0;
        }
      }
      if (chunk.length) parts.push(`${chunk.join('\n')}\n`);
      writeFileSync(synthFile, parts.join(''));
      files.push({ file: synthFile, category: 'pornography', lines: synthetic });
      for (const d of synthSample) listed.push(d);
    }
    console.log(
      `data:     ${ut1Lines.toLocaleString('en')} domain lines (${ut1Distinct.size.toLocaleString('en')} distinct) from ${files.length - 1} UT1 category files Haven imports (${ut1})`,
    );
    console.log(
      `          + ${synthetic.toLocaleString('en')} SYNTHETIC domains (random names, imported as "pornography", standing in for`,
    );
    console.log(
      `          UT1's adult/domains, ~4.6 million lines, absent from the snapshot): ${(ut1Lines + synthetic).toLocaleString('en')} lines, ${(ut1Distinct.size + synthetic).toLocaleString('en')} distinct domains`,
    );
    writeFileSync(path.join(work, 'files.json'), JSON.stringify(files));

    // Lookup mix: half listed hosts (a listed domain, a third of them under a subdomain), half
    // synthetic hosts that are not listed.
    const q: string[] = [];
    const prefixes = ['', '', 'www.', 'cdn.', 'a.b.'];
    shuffle(listed, random);
    for (let i = 0; i < nLookups / 2; i++) {
      q.push(`${prefixes[i % prefixes.length]}${listed[i % listed.length]}`);
      q.push(syntheticHost(random) as string);
    }
    writeFileSync(path.join(work, 'queries.txt'), `${q.join('\n')}\n`);
    console.log(
      `lookups:  ${q.length.toLocaleString('en')} hosts, 50% listed (UT1 and synthetic entries, some under www./cdn./a.b.), 50% unlisted synthetic hosts`,
    );

    const run = (phase: string) =>
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', self, '--phase', phase, work], {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
          stdio: ['ignore', 'pipe', 'inherit'],
        }),
      );
    console.log(
      '-- phase 1 (fresh process): read the text files, parseDomainList (dedupe: false) into DomainIndexBuilder, build()',
    );
    const b = run('build');
    console.log(`          ${JSON.stringify(b)}`);
    console.log(
      '-- phase 2 (fresh process): read index.bin, DomainIndex.fromBytes (peak RSS taken here), then lookupHost over the mix',
    );
    const l = run('load');
    console.log(`          ${JSON.stringify(l)}`);

    const ok = (v: boolean) => (v ? 'met' : 'NOT met');
    const mb = (n: number) => `${n.toFixed(0)} MB`;
    console.log('');
    console.log(
      `==== summary: DomainIndex, ${b.stats.domains.toLocaleString('en')} distinct domains (${synthetic.toLocaleString('en')} synthetic) ====`,
    );
    console.log(
      `  parse + build from text     ${b.totalS.toFixed(2)} s (read ${b.readS.toFixed(2)} s, parse+add ${b.parseAddS.toFixed(2)} s incl. read, build ${b.buildS.toFixed(2)} s)   target < ${TARGET_BUILD_S} s: ${ok(b.totalS < TARGET_BUILD_S)}`,
    );
    console.log(
      `  peak RSS while building     ${mb(b.vmHwmMb)} (VmHWM; rss at the end ${mb(b.rssMb)})   target < ${TARGET_RSS_MB} MB: ${ok(b.vmHwmMb < TARGET_RSS_MB)}`,
    );
    console.log(
      `  index size                  ${(b.fileBytes / 1048576).toFixed(1)} MB serialised, ${(b.stats.bytes / 1048576).toFixed(1)} MB of typed arrays`,
    );
    console.log(
      `  load (fromBytes)            ${(l.fromBytesS * 1000).toFixed(0)} ms (+ ${(l.readS * 1000).toFixed(0)} ms to read the file); with ListStore's extra copy ${(l.readAndCopyAndFromBytesS * 1000).toFixed(0)} ms`,
    );
    console.log(
      `  peak RSS after load         ${mb(l.afterLoad.vmHwmMb)} (VmHWM; rss ${mb(l.afterLoad.rssMb)})   target < ${TARGET_RSS_MB} MB: ${ok(l.afterLoad.vmHwmMb < TARGET_RSS_MB)}`,
    );
    console.log(
      `  lookups/s (lookupHost)      ${l.lookupsPerS.toLocaleString('en')} (${l.nsPerLookup} ns each, ${l.lookups.toLocaleString('en')} lookups, ${(l.hitShare * 100).toFixed(1)}% hits, one thread)`,
    );
    console.log(
      `  (no peer: the targets are Haven's own, < ${TARGET_BUILD_S} s and < ${TARGET_RSS_MB} MB for 5 million domains)`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const phaseAt = process.argv.indexOf('--phase');
if (phaseAt >= 0) {
  const phase = process.argv[phaseAt + 1];
  const work = process.argv[phaseAt + 2] as string;
  if (phase === 'build') phaseBuild(work);
  else if (phase === 'load') phaseLoad(work);
  else throw new Error(`unknown phase ${phase}`);
} else main();
