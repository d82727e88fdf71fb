/**
 * The whole gateway, as a school runs it: Haven's compiled policy (Milford Haven's template)
 * behind the DNS filter, the proxy and the block page, asked by real clients (`dig`, `curl -x`)
 * from each group's test address, at lesson time and at lunch, with an exception that unblocks
 * and then expires by itself, and a snapshot swapped while running.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { filter, policy } from '@haven/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventBatch, EventBatcher } from '../src/event-batcher.ts';
import { type Gateway, type GatewayReviewRequest, startGateway } from '../src/gateway.ts';
import { readCachedSnapshot, type SnapshotSource, startSnapshotSource } from '../src/snapshot-source.ts';
import { dig, hasDig } from './dig.ts';
import { a, FakeUpstream } from './dns-fixtures.ts';

const run = promisify(execFile);
const CURL = ['/usr/bin/curl', '/usr/local/bin/curl'].find((p) => existsSync(p));
const BLOCK_ADDRESS = '127.0.0.1';

const doc = policy.template('milford-haven')!;
const GROUPS = filter.defaultFilterSettings(doc).groups.map((g) => g.id); // ks3 ks4 sixth-form staff guests
const from = (group: string) => filter.testAddressFor(GROUPS.indexOf(group));

const LESSON = filter.instantOf('Europe/London', '2026-11-23T11:00').getTime();
const LUNCH = filter.instantOf('Europe/London', '2026-11-23T12:30').getTime();

function lists(): filter.ListLookup {
  const b = new filter.DomainIndexBuilder();
  b.addDomain('facebook.test', 'social-media');
  b.addDomain('bet.test', 'gambling');
  b.addDomain('games.test', 'gaming');
  const index = b.build();
  const illegal = new filter.IllegalListIndex({ domains: ['bad.test'], urls: [], sha256: [] });
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  return {
    categorise: (host, p) =>
      p ? (index.lookupUrl(host, p) ?? index.lookupHost(host)) : index.lookupHost(host),
    illegal: (host, p) => illegal.match(host, p, sha) !== null,
  };
}

function snapshot(exceptions: filter.ActiveException[] = [], standing: filter.StandingEntry[] = []) {
  const settings = filter.filterSettings.parse({ ...filter.defaultFilterSettings(doc), standing });
  return filter.buildSnapshot({
    school: { id: 'milford', name: doc.school.name },
    policy: doc,
    policyVersion: 1,
    settings,
    exceptions,
    generatedAt: new Date(LESSON),
  });
}

const hasTools = hasDig && CURL !== undefined;
if (!hasTools)
  console.warn(
    'dig or curl missing: the gateway end-to-end cases are skipped (apt-get install bind9-dnsutils curl).',
  );

describe('the gateway end to end (dig and curl through a running gateway)', () => {
  if (!hasTools && process.env.CI) {
    it('has dig and curl installed (CI installs them)', () => {
      throw new Error('dig or curl not found, and CI requires them');
    });
    return;
  }

  let upstream: FakeUpstream;
  let origin: http.Server;
  let originPort = 0;
  let gateway: Gateway;
  let source: SnapshotSource;
  let clock = LESSON;
  let served: filter.FilterSnapshot = snapshot();
  const sent: EventBatch[] = [];
  const reviews: GatewayReviewRequest[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'haven-gateway-'));
  let events: EventBatcher;
  let dnsPort = 0;

  beforeAll(async () => {
    if (!hasTools) return;
    upstream = await FakeUpstream.start([
      a('facebook.test', '192.0.2.20'),
      a('bet.test', '192.0.2.21'),
      a('ok.test', '192.0.2.22'),
      a('forcesafesearch.google.com', '216.239.38.120'),
    ]);
    origin = http.createServer((_req, res) => res.end('origin says hello'));
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    originPort = (origin.address() as { port: number }).port;
    source = await startSnapshotSource({
      fetch: async (etag) => (served.etag === etag ? null : served),
      cacheFile: path.join(dir, 'snapshot.json'),
      intervalMs: 60_000,
    });
    events = new EventBatcher({ send: async (b) => void sent.push(b), flushMs: 60_000 });
    gateway = await startGateway({
      snapshots: source,
      lists: { current: lists },
      events,
      dns: {
        listen: { host: '127.0.0.1', port: 0 },
        upstreams: [{ host: upstream.host, port: upstream.port }],
        blockAddress4: BLOCK_ADDRESS,
      },
      proxy: { listen: { host: '127.0.0.1', port: 0 } },
      blockPage: { listen: { host: '127.0.0.1', port: 0 }, publicUrl: 'http://127.0.0.1/' },
      onReviewRequest: async (r) => void reviews.push(r),
      now: () => clock,
    });
    dnsPort = gateway.dns!.udpAddress()!.port;
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
    await new Promise((resolve) => origin?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (group: string, name: string, ...extra: string[]) => {
    const reply = await dig(dnsPort, '-b', from(group), name, 'A', ...extra);
    return {
      status: reply.status,
      data: reply.answers.map((x) => x.data),
      types: reply.answers.map((x) => x.type),
    };
  };
  const curl = async (group: string, url: string) => {
    const { stdout } = await run(
      CURL!,
      [
        '-s',
        '-x',
        `http://127.0.0.1:${gateway.proxyAddress()!.port}`,
        '--interface',
        from(group),
        '-w',
        '\n%{http_code}',
        url,
      ],
      { timeout: 10_000 },
    );
    const i = stdout.lastIndexOf('\n');
    return { body: stdout.slice(0, i), status: Number(stdout.slice(i + 1)) };
  };

  it.skipIf(!hasTools)('staff reach social media at lunch but not in lessons (CT, R000-115)', async () => {
    clock = LESSON;
    expect((await ask('staff', 'facebook.test')).data).toEqual([BLOCK_ADDRESS]);
    clock = LUNCH;
    expect((await ask('staff', 'facebook.test')).data).toEqual(['192.0.2.20']);
  });

  it.skipIf(!hasTools)('Key Stage 3 pupils do not, even at lunch (SP: staff permission)', async () => {
    clock = LUNCH;
    expect((await ask('ks3', 'facebook.test')).data).toEqual([BLOCK_ADDRESS]);
  });

  it.skipIf(!hasTools)('gambling is blocked for every group; an uncategorised name resolves', async () => {
    for (const g of GROUPS) expect((await ask(g, 'bet.test')).data).toEqual([BLOCK_ADDRESS]);
    expect((await ask('ks3', 'ok.test')).data).toEqual(['192.0.2.22']);
  });

  it.skipIf(!hasTools)('an illegal-list name is blocked and its event keeps no name', async () => {
    expect((await ask('staff', 'www.bad.test')).data).toEqual([BLOCK_ADDRESS]);
    await events.flush();
    const hit = sent.flatMap((b) => b.events).find((e) => e.alert === 'illegal-list');
    expect(hit).toMatchObject({ host: '(illegal list)', url: null, action: 'block' });
    expect(JSON.stringify(sent)).not.toContain('bad.test');
  });

  it.skipIf(!hasTools)('the Firefox DoH canary answers NXDOMAIN', async () => {
    expect((await ask('staff', 'use-application-dns.net')).status).toBe('NXDOMAIN');
  });

  it.skipIf(!hasTools)(
    'pupils get Google through its enforced-safe host; staff do not (R001-087)',
    async () => {
      const pupils = await ask('ks4', 'www.google.com');
      expect(pupils.types).toContain('CNAME');
      expect(pupils.data).toContain('forcesafesearch.google.com.');
      expect(pupils.data).toContain('216.239.38.120');
    },
  );

  it.skipIf(!hasTools)(
    'the proxy blocks with the block page naming the clause, and passes the rest',
    async () => {
      clock = LUNCH;
      const blocked = await curl('ks3', 'http://bet.test/odds');
      expect(blocked.status).toBe(403);
      expect(blocked.body).toContain('gambling');
      expect(blocked.body).toContain('On-line gambling');
      const passed = await curl('ks3', `http://localhost:${originPort}/`);
      expect(passed).toEqual({ body: 'origin says hello', status: 200 });
    },
  );

  it.skipIf(!hasTools)('the block page server explains a DNS block and takes a review request', async () => {
    const port = gateway.blockPageAddress()!.port;
    const page = await run(CURL!, [
      '-s',
      '--interface',
      from('ks4'),
      '-H',
      'Host: games.test',
      `http://127.0.0.1:${port}/`,
    ]);
    expect(page.stdout).toContain('online games');
    const form = await run(CURL!, [
      '-s',
      '--interface',
      from('ks4'),
      '-d',
      'host=games.test&url=&reference=ABCD1234&comment=needed+for+computing',
      `http://127.0.0.1:${port}/__haven/review`,
    ]);
    expect(form.stdout).toMatch(/network manager/i);
    expect(reviews.at(-1)).toMatchObject({
      host: 'games.test',
      group: 'ks4',
      comment: 'needed for computing',
    });
  });

  it.skipIf(!hasTools)(
    'an approved exception unblocks for its group, then expires by itself (R000-055)',
    async () => {
      clock = LUNCH;
      served = snapshot([
        {
          id: 'ex-1',
          target: { kind: 'host', host: 'facebook.test' },
          scope: { kind: 'group', group: 'ks3' },
          from: new Date(LUNCH - 60_000).toISOString(),
          until: new Date(LUNCH + 60_000).toISOString(),
          reason: 'Internet literacy lesson',
          approvedBy: 'esafety',
        },
      ]);
      expect(await source.refresh()).toBe(true);
      expect((await ask('ks3', 'facebook.test')).data).toEqual(['192.0.2.20']);
      expect((await ask('ks4', 'facebook.test')).data).toEqual([BLOCK_ADDRESS]);
      clock = LUNCH + 61_000;
      expect((await ask('ks3', 'facebook.test')).data).toEqual([BLOCK_ADDRESS]);
      await events.flush();
      expect(sent.flatMap((b) => b.events).some((e) => e.exceptionId === 'ex-1')).toBe(true);
    },
  );

  it.skipIf(!hasTools)('a new snapshot applies without a restart and is cached on disk', async () => {
    served = snapshot(
      [],
      [
        {
          id: 'block-ok',
          action: 'block',
          host: 'ok.test',
          reason: 'Phishing wave',
          by: 'nm',
          at: new Date(LESSON).toISOString(),
        },
      ],
    );
    expect(await source.refresh()).toBe(true);
    expect((await ask('staff', 'ok.test')).data).toEqual([BLOCK_ADDRESS]);
    expect(readCachedSnapshot(path.join(dir, 'snapshot.json'))?.etag).toBe(served.etag);
  });
});

describe('snapshot source and event batches without a server', () => {
  it('a gateway starts from the cached snapshot when the server is unreachable', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'haven-cache-'));
    try {
      const file = path.join(dir, 'snapshot.json');
      writeFileSync(file, JSON.stringify(snapshot()));
      const errors: string[] = [];
      const s = await startSnapshotSource({
        fetch: async () => {
          throw new Error('connect ECONNREFUSED');
        },
        cacheFile: file,
        onError: (e) => errors.push(e.message),
      });
      expect(s.current()?.snapshot.school.id).toBe('milford');
      expect(errors).toEqual(['connect ECONNREFUSED']);
      s.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a snapshot in a format the gateway does not know is refused and the old one kept', async () => {
    let body: unknown = snapshot();
    const errors: string[] = [];
    const s = await startSnapshotSource({ fetch: async () => body, onError: (e) => errors.push(e.message) });
    const first = s.current();
    body = { ...snapshot(), version: 99 };
    expect(await s.refresh()).toBe(false);
    expect(s.current()).toBe(first);
    expect(errors[0]).toContain('version');
    s.close();
  });

  it('batches wait on disk while the server is down and go later under the same id', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'haven-spool-'));
    try {
      let up = false;
      const received: EventBatch[] = [];
      const b = new EventBatcher({
        spoolDir: dir,
        flushMs: 60_000,
        send: async (batch) => {
          if (!up) throw new Error('server unreachable');
          received.push(batch);
        },
      });
      const event = {
        at: new Date().toISOString(),
        group: 'ks3',
        user: null,
        client: '10.0.0.1',
        host: 'bet.test',
        url: null,
        category: 'gambling',
        action: 'block' as const,
        kind: 'policy',
        rule: 'user-actions/gambling',
        source: 'dns' as const,
        exceptionId: null,
        alert: null,
      };
      b.push(event);
      await b.flush();
      const spooled = readdirSync(dir);
      expect(spooled).toHaveLength(1);
      const id = spooled[0]!.replace(/^\d+-/, '').replace(/\.json$/, '');
      up = true;
      await b.flush();
      expect(received.map((r) => r.batchId)).toEqual([id]);
      expect(readdirSync(dir)).toEqual([]);
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('proxy sign-in through a running gateway (curl -U, then dig from the same address)', () => {
  if (!hasTools) return;
  let upstream: FakeUpstream;
  let gateway: Gateway;
  let source: SnapshotSource;
  const clock = LUNCH;
  const checked: { username: string; client: string }[] = [];
  const PEOPLE: Record<string, { password: string; group: string }> = {
    'alice@school.test': { password: 'alice-secret', group: 'staff' },
    'bob@school.test': { password: 'bob-secret', group: 'ks3' },
  };

  beforeAll(async () => {
    upstream = await FakeUpstream.start([a('facebook.test', '192.0.2.20')]);
    const served = snapshot();
    source = await startSnapshotSource({ fetch: async () => served, intervalMs: 60_000 });
    gateway = await startGateway({
      snapshots: source,
      lists: { current: lists },
      dns: {
        listen: { host: '127.0.0.1', port: 0 },
        upstreams: [{ host: upstream.host, port: upstream.port }],
        blockAddress4: BLOCK_ADDRESS,
      },
      proxy: {
        listen: { host: '127.0.0.1', port: 0 },
        // Stands in for the server's account check (the HTTP API test covers that end).
        async signIn(username, password, client) {
          checked.push({ username, client });
          const p = PEOPLE[username];
          if (!p || p.password !== password) return null;
          return { user: username, group: p.group, until: new Date(clock + 3_600_000).toISOString() };
        },
      },
      now: () => clock,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  const curl = async (url: string, user?: string) => {
    const { stdout } = await run(
      CURL!,
      [
        '-s',
        '-o',
        '/dev/null',
        '-x',
        `http://127.0.0.1:${gateway.proxyAddress()!.port}`,
        ...(user ? ['--proxy-user', user] : []),
        '-w',
        '%{http_code}',
        url,
      ],
      { timeout: 15_000 },
    );
    return Number(stdout);
  };
  const ask = async (name: string) =>
    (await dig(gateway.dns!.udpAddress()!.port, '-b', '127.0.0.1', name, 'A')).answers.map((x) => x.data);

  it('asks for sign-in, files each person in their own group, and ties the address to them', async () => {
    // Before anyone signs in, 127.0.0.1 is in the default group (guests: social media at lunch).
    expect(await ask('facebook.test')).toEqual(['192.0.2.20']);
    expect(await curl('http://facebook.test/')).toBe(407);
    expect(await curl('http://facebook.test/', 'bob@school.test:wrong')).toBe(407);
    // Bob is in Key Stage 3: social media needs staff permission.
    expect(await curl('http://facebook.test/', 'bob@school.test:bob-secret')).toBe(403);
    expect(await ask('facebook.test')).toEqual([BLOCK_ADDRESS]);
    // Alice is staff: allowed at lunch, so the proxy tries the site (which does not exist: 502).
    expect(await curl('http://facebook.test/', 'alice@school.test:alice-secret')).not.toBe(403);
    expect(await ask('facebook.test')).toEqual(['192.0.2.20']);
    expect(checked.map((c) => c.client)).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1']);
  });
});
