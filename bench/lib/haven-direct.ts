/**
 * A stand-in for the three `haven` CLI commands the benchmarks use, built from the same modules the
 * CLI calls (list store, policy template, decide(), Squid helper loop, gateway composer), for when
 * the CLI itself cannot start. It takes the same arguments:
 *
 *   node --import tsx bench/lib/haven-direct.ts lists import --format ut1 <dir>
 *   node --import tsx bench/lib/haven-direct.ts filter helper --school <id> --group <g> [--block-url <u>]
 *   node --import tsx bench/lib/haven-direct.ts gateway --school <id> [--dns-listen ip:port]
 *       [--proxy-listen ip:port] [--upstream ip:port] --default-group <g> [--block-address ip]
 *       [--block-listen ip:port]
 *
 * Only bundled policy templates (e.g. milford-haven) are supported as --school; the data directory is
 * HAVEN_DATA_DIR. The bench scripts use the real CLI whenever `haven filter groups` works.
 */
import path from 'node:path';
import { filter, policy } from '../../packages/core/src/index.ts';
import { startGateway } from '../../packages/gateway/src/gateway.ts';
import { startSnapshotSource } from '../../packages/gateway/src/snapshot-source.ts';
import { runSquidHelper } from '../../packages/gateway/src/squid-helper/index.ts';
import { importList, ListStore } from '../../packages/server/src/filter/list-store.ts';

function die(message: string): never {
  process.stderr.write(`haven-direct: ${message}\n`);
  process.exit(2);
}

function parse(args: string[]): { positional: string[]; flags: Map<string, string[]> } {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      const value = eq > 0 ? a.slice(eq + 1) : (args[++i] ?? die(`${a} needs a value`));
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else positional.push(a);
  }
  return { positional, flags };
}

const dataDir = process.env.HAVEN_DATA_DIR ?? die('set HAVEN_DATA_DIR');

function prepared(school: string, defaultGroup?: string): filter.PreparedFilter {
  const bundled = policy.template(school) ?? die(`no bundled policy template "${school}"`);
  let snapshot = filter.buildSnapshot({
    school: { id: bundled.id, name: bundled.school.name },
    policy: bundled,
    policyVersion: null,
    settings: filter.defaultFilterSettings(bundled),
    exceptions: [],
    generatedAt: new Date(),
  });
  if (defaultGroup) {
    if (!snapshot.groups.some((g) => g.id === defaultGroup)) die(`no group "${defaultGroup}"`);
    snapshot = { ...snapshot, defaultGroup, etag: `${snapshot.etag}:${defaultGroup}` };
  }
  return new filter.PreparedFilter(snapshot);
}

function hostPort(v: string): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(v) ?? die(`"${v}" must be address:port`);
  return { host: m[1] as string, port: Number(m[2]) };
}

function pathOf(url: string): string | null {
  const scheme = url.indexOf('://');
  const start = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
  return start < 0 ? '/' : url.slice(start);
}

const { positional, flags } = parse(process.argv.slice(2));
const one = (name: string): string | undefined => flags.get(name)?.at(-1);
const cmd = positional.slice(0, 2).join(' ');

if (cmd === 'lists import') {
  const from = positional[2] ?? die('lists import needs a path');
  const r = importList({
    dataDir,
    format: (one('format') ?? die('--format')) as 'ut1',
    from,
    ...(one('category') ? { category: one('category') } : {}),
  });
  const c = r.counts;
  process.stdout.write(
    `Imported ${r.source.entries} entries as "${r.source.id}" (${c.lines} lines: ${c.blank} blank, ${c.comments} comments, ${c.duplicates} duplicates, ${c.rejected} rejected).\n`,
  );
  for (const [k, n] of Object.entries(r.source.byCategory).sort())
    process.stdout.write(`  ${k.padEnd(20)} ${n}\n`);
  for (const k of r.source.skipped ?? [])
    process.stdout.write(`  not imported: ${k.category} (${k.reason})\n`);
} else if (cmd === 'filter helper') {
  const p = prepared(one('school') ?? die('--school'));
  const group = one('group') ?? die('--group');
  if (!p.group(group)) die(`no group "${group}"`);
  const blockBase = new URL(one('block-url') ?? 'http://localhost:8080/blocked');
  const lists = ListStore.open(dataDir).current();
  await runSquidHelper({
    input: process.stdin,
    output: process.stdout,
    decide(req) {
      const d = filter.decide(p, lists, {
        group,
        user: req.user,
        at: Date.now(),
        host: req.host,
        path: req.connect ? null : pathOf(req.url),
      });
      if (d.action === 'allow') return { kind: 'pass' };
      const u = new URL(blockBase);
      if (d.alert !== 'illegal-list' && d.alert !== 'policy-illegal') {
        u.searchParams.set('host', req.host);
        if (d.category) u.searchParams.set('category', d.category);
      }
      u.searchParams.set('group', group);
      return { kind: 'block', redirectUrl: u.toString() };
    },
  });
} else if (positional[0] === 'gateway') {
  const school = one('school') ?? die('--school');
  const p = prepared(school, one('default-group'));
  const dns = one('dns-listen') ? hostPort(one('dns-listen') as string) : null;
  const proxy = one('proxy-listen') ? hostPort(one('proxy-listen') as string) : null;
  if (!dns && !proxy) die('give --dns-listen, --proxy-listen or both');
  const upstreams = (flags.get('upstream') ?? []).map(hostPort);
  const blockAddress = one('block-address') ?? '127.0.0.1';
  const blockListen = one('block-listen')
    ? hostPort(one('block-listen') as string)
    : { host: blockAddress, port: 80 };
  const lists = ListStore.open(dataDir, { watchMs: 5_000 });
  const snapshots = await startSnapshotSource({
    fetch: async () => p.snapshot,
    cacheFile: path.join(dataDir, 'gateway', `${school}.snapshot.json`),
  });
  const onError = (e: Error, context: string) =>
    process.stderr.write(`haven gateway: ${context}: ${e.message}\n`);
  const gateway = await startGateway({
    snapshots,
    lists,
    ...(dns ? { dns: { listen: dns, upstreams, blockAddress4: blockAddress } } : {}),
    ...(proxy ? { proxy: { listen: proxy } } : {}),
    blockPage: { listen: blockListen, publicUrl: `http://${blockAddress}:${blockListen.port}/` },
    onError,
  });
  const d = gateway.dns?.udpAddress();
  const x = gateway.proxyAddress();
  process.stdout.write(
    `Haven gateway for ${p.snapshot.school.name}:${d ? ` DNS ${d.address}:${d.port}` : ''}${x ? ` proxy ${x.address}:${x.port}` : ''}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      lists.close();
      gateway.close().then(resolve, resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
} else {
  die(`unknown command "${positional.join(' ')}"`);
}
