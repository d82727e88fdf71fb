/**
 * The DNS filter end to end over real sockets: clients on 127.0.0.1 asking the filter, which forwards
 * to a small authoritative server (dns-fixtures.ts) that can be slow, silent, failing or forging.
 */
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseMessage, RRClass, RRType } from '../src/dns/codec.ts';
import type { DnsQueryInfo, DnsVerdict } from '../src/dns/index.ts';
import {
  A,
  AAAA,
  addresses,
  blackHole,
  decode,
  FakeUpstream,
  type FilterHarness,
  makeQuery,
  SPOOFED_ADDRESS,
  startFilter,
  tcpAsk,
  tcpExchange,
  testClock,
  udpAsk,
  udpExchange,
} from './dns-fixtures.ts';

const cleanups: (() => Promise<void>)[] = [];
let upstream: FakeUpstream;

beforeAll(async () => {
  upstream = await FakeUpstream.start();
});
afterAll(async () => {
  await upstream.close();
});
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function filterFor(
  upstreams: { host: string; port: number }[],
  overrides: Parameters<typeof startFilter>[1] = {},
): Promise<FilterHarness> {
  const harness = await startFilter(upstreams, overrides);
  cleanups.push(() => harness.filter.close());
  return harness;
}

async function dedicatedUpstream(): Promise<FakeUpstream> {
  const server = await FakeUpstream.start();
  cleanups.push(() => server.close());
  return server;
}

let nextId = 1;
function query(name: string, type: number, options: Parameters<typeof makeQuery>[2] = {}): Buffer {
  nextId = (nextId + 1) & 0xffff;
  return makeQuery(name, type, { id: nextId, ...options });
}

const NODATA_OR_NX = (rcode: number) => ({
  rcode,
  answers: [],
  authorities: [expect.objectContaining({ type: 6 })],
});

describe('DNS filter: forwarding', () => {
  it('forwards a query and relays the answer, with the ID, RD and question copied and RA set', async () => {
    const decisions: unknown[] = [];
    const h = await filterFor([upstream.server], {
      onDecision: (q, v, from, rcode) => decisions.push([q, v, from, rcode]),
    });
    const packet = makeQuery('www.test', A, { id: 0xabcd });
    const reply = await udpAsk(h.udpPort, packet);
    expect(reply).toMatchObject({ id: 0xabcd, qr: true, aa: false, rd: true, ra: true, tc: false, rcode: 0 });
    expect(reply.questions).toEqual([{ name: 'www.test', type: A, class: RRClass.IN }]);
    expect(addresses(reply)).toEqual(['192.0.2.10']);
    expect(reply.answers[0]?.ttl).toBe(300);
    expect(reply.edns).toMatchObject({ udpPayloadSize: 1232, version: 0 });
    expect(decisions).toEqual([
      [
        { name: 'www.test', type: A, client: '127.0.0.1', transport: 'udp' },
        { kind: 'forward' },
        'upstream',
        0,
      ],
    ]);
    const aaaa = await tcpAsk(h.tcpPort, query('www.test', AAAA));
    expect(addresses(aaaa)).toEqual(['2001:db8::10']);
    const chain = await udpAsk(h.udpPort, query('alias.test', A));
    expect(chain.answers.map((r) => r.type)).toEqual([RRType.CNAME, A]);
    expect(h.filter.stats()).toMatchObject({ queries: 3, cacheHits: 0, upstreamQueries: 3, servFail: 0 });
    expect(h.errors).toEqual([]);
  });

  it('keeps the client’s letter case in the question and answers (0x20), and gives decide lower case', async () => {
    const names: string[] = [];
    const h = await filterFor([upstream.server], {
      decide: (q) => {
        names.push(q.name);
        return { kind: 'forward' };
      },
    });
    for (const name of ['WwW.TeSt', 'wWw.tEsT']) {
      const reply = await udpAsk(h.udpPort, query(name, A));
      expect(reply.questions[0]?.name).toBe(name);
      expect(reply.answers[0]?.name).toBe(name);
    }
    expect(names).toEqual(['www.test', 'www.test']);
    expect(h.filter.stats().cacheHits).toBe(1);
  });

  it('passes NXDOMAIN and NODATA through with the SOA (RFC 2308)', async () => {
    const h = await filterFor([upstream.server]);
    const nx = await udpAsk(h.udpPort, query('missing.test', A));
    expect(nx).toMatchObject(NODATA_OR_NX(3));
    const nodata = await udpAsk(h.udpPort, query('www.test', RRType.MX));
    expect(nodata).toMatchObject(NODATA_OR_NX(0));
  });
});

describe('DNS filter: verdicts', () => {
  it('answers blocked A and AAAA with the block addresses, other types with NODATA, without asking upstream', async () => {
    const decisions: [string, string][] = [];
    const h = await filterFor([upstream.server], {
      decide: (q) => (q.name.endsWith('blocked.test') ? { kind: 'block' } : { kind: 'forward' }),
      blockTtl: 42,
      onDecision: (q, _v, from) => decisions.push([q.name, from]),
    });
    const before = upstream.log.length;
    const a4 = await udpAsk(h.udpPort, query('ads.blocked.test', A));
    expect(a4).toMatchObject({ rcode: 0, aa: false });
    expect(a4.answers).toEqual([
      { name: 'ads.blocked.test', type: A, class: 1, ttl: 42, data: { kind: 'a', address: '192.0.2.1' } },
    ]);
    const a6 = await tcpAsk(h.tcpPort, query('ads.blocked.test', AAAA));
    expect(addresses(a6)).toEqual(['2001:db8::1']);
    const mx = await udpAsk(h.udpPort, query('ads.blocked.test', RRType.MX));
    expect(mx).toMatchObject(NODATA_OR_NX(0));
    expect(mx.authorities[0]).toMatchObject({ name: 'ads.blocked.test', ttl: 42, data: { minimum: 42 } });
    const https = await udpAsk(h.udpPort, query('ads.blocked.test', RRType.HTTPS));
    expect(https).toMatchObject(NODATA_OR_NX(0));
    expect(upstream.log.length).toBe(before);
    expect(h.filter.stats()).toMatchObject({ blocked: 4, upstreamQueries: 0 });
    expect(decisions.every(([, from]) => from === 'local')).toBe(true);
  });

  it('answers AAAA for a blocked name with NODATA when there is no IPv6 block address', async () => {
    const h = await filterFor([upstream.server], {
      decide: () => ({ kind: 'block' }),
      blockAddress6: undefined,
    });
    const a6 = await udpAsk(h.udpPort, query('www.test', AAAA));
    expect(a6).toMatchObject(NODATA_OR_NX(0));
    expect(addresses(await udpAsk(h.udpPort, query('www.test', A)))).toEqual(['192.0.2.1']);
  });

  it('answers blocked names with NXDOMAIN in nxdomain mode', async () => {
    const h = await filterFor([upstream.server], {
      decide: () => ({ kind: 'block' }),
      blockMode: 'nxdomain',
    });
    for (const type of [A, AAAA, RRType.TXT]) {
      expect(await udpAsk(h.udpPort, query('www.test', type))).toMatchObject(NODATA_OR_NX(3));
    }
    expect(upstream.count('www.test', RRType.TXT)).toBe(0);
  });

  it('answers the nxdomain verdict with NXDOMAIN (the DoH canary)', async () => {
    const h = await filterFor([upstream.server], {
      decide: (q) => (q.name === 'use-application-dns.net' ? { kind: 'nxdomain' } : { kind: 'forward' }),
    });
    const reply = await udpAsk(h.udpPort, query('use-application-dns.net', A));
    expect(reply).toMatchObject(NODATA_OR_NX(3));
    expect(upstream.count('use-application-dns.net')).toBe(0);
    expect(h.filter.stats().blocked).toBe(0);
  });

  it('answers the cname verdict with the CNAME and the target’s records (safe search)', async () => {
    const decisions: unknown[] = [];
    const h = await filterFor([upstream.server], {
      decide: (q): DnsVerdict =>
        q.name === 'search.test'
          ? { kind: 'cname', target: 'Safe.Test.' }
          : q.name === 'gone.test'
            ? { kind: 'cname', target: 'nowhere.test' }
            : { kind: 'forward' },
      onDecision: (_q, v, from, rcode) => decisions.push([v.kind, from, rcode]),
    });
    const reply = await udpAsk(h.udpPort, query('Search.test', A));
    expect(reply.rcode).toBe(0);
    expect(reply.answers).toEqual([
      {
        name: 'Search.test',
        type: RRType.CNAME,
        class: 1,
        ttl: 60,
        data: { kind: 'name', target: 'safe.test' },
      },
      { name: 'safe.test', type: A, class: 1, ttl: 300, data: { kind: 'a', address: '192.0.2.53' } },
    ]);
    const six = await tcpAsk(h.tcpPort, query('search.test', AAAA));
    expect(addresses(six)).toEqual(['2001:db8::53']);
    const onlyAlias = await udpAsk(h.udpPort, query('search.test', RRType.CNAME));
    expect(onlyAlias.answers.map((r) => r.type)).toEqual([RRType.CNAME]);
    // The target's answer was cached: asking again does not go upstream.
    const again = await udpAsk(h.udpPort, query('search.test', A));
    expect(addresses(again)).toEqual(['192.0.2.53']);
    expect(upstream.count('search.test')).toBe(0);
    expect(upstream.count('safe.test', A)).toBe(1);
    // A target that does not exist: NXDOMAIN after the CNAME (RFC 6604), with the SOA.
    const gone = await udpAsk(h.udpPort, query('gone.test', A));
    expect(gone).toMatchObject({ rcode: 3, answers: [expect.objectContaining({ type: RRType.CNAME })] });
    expect(gone.authorities[0]?.type).toBe(RRType.SOA);
    expect(decisions).toEqual([
      ['cname', 'upstream', 0],
      ['cname', 'upstream', 0],
      ['cname', 'local', 0],
      ['cname', 'cache', 0],
      ['cname', 'upstream', 3],
    ]);
  });

  it('calls options.decide afresh on every query, so a swapped policy applies at once (verdicts are not cached)', async () => {
    const h = await filterFor([upstream.server]);
    expect(addresses(await udpAsk(h.udpPort, query('other.test', A)))).toEqual(['192.0.2.11']);
    h.options.decide = () => ({ kind: 'block' });
    expect(addresses(await udpAsk(h.udpPort, query('other.test', A)))).toEqual(['192.0.2.1']);
    h.options.decide = () => ({ kind: 'forward' });
    expect(addresses(await udpAsk(h.udpPort, query('other.test', A)))).toEqual(['192.0.2.11']);
    expect(h.filter.stats()).toMatchObject({ cacheHits: 1, blocked: 1 });
  });

  it('answers SERVFAIL when decide throws or returns nonsense, and reports it', async () => {
    const h = await filterFor([upstream.server], {
      decide: (q: DnsQueryInfo) => {
        if (q.name === 'throw.test') throw new Error('policy broke');
        return { kind: 'bogus' } as unknown as DnsVerdict;
      },
    });
    expect((await udpAsk(h.udpPort, query('throw.test', A))).rcode).toBe(2);
    expect((await udpAsk(h.udpPort, query('bogus.test', A))).rcode).toBe(2);
    expect(h.errors.map((e) => e.context)).toEqual(['decide', 'decide']);
    expect(h.filter.stats().servFail).toBe(2);
  });

  it('still answers when onDecision throws', async () => {
    const h = await filterFor([upstream.server], {
      onDecision: () => {
        throw new Error('logger broke');
      },
    });
    expect(addresses(await udpAsk(h.udpPort, query('www.test', A)))).toEqual(['192.0.2.10']);
    expect(addresses(await udpAsk(h.udpPort, query('www.test', A)))).toEqual(['192.0.2.10']);
    expect(h.errors.map((e) => e.context)).toEqual(['onDecision', 'onDecision']);
  });
});

describe('DNS filter: cache', () => {
  it('serves a second query from the cache with TTLs counting down on the injected clock, until they expire', async () => {
    const server = await dedicatedUpstream();
    const clock = testClock();
    const h = await filterFor([server.server], { now: clock.now });
    const first = await udpAsk(h.udpPort, query('www.test', A, { id: 1 }));
    expect(first.answers[0]?.ttl).toBe(300);
    clock.advance(100.5);
    const second = await udpAsk(h.udpPort, query('WWW.TEST', A, { id: 2 }));
    expect(second).toMatchObject({ id: 2, rcode: 0 });
    expect(second.answers[0]).toMatchObject({ name: 'WWW.TEST', ttl: 200 });
    expect(server.count('www.test', A)).toBe(1);
    // Over TCP too, and without EDNS: the same cached bytes, patched for each client.
    const overTcp = await tcpAsk(h.tcpPort, query('www.test', A, { edns: null }));
    expect(overTcp.answers[0]?.ttl).toBe(200);
    expect(overTcp.edns).toBeNull();
    clock.advance(199);
    expect((await udpAsk(h.udpPort, query('www.test', A))).answers[0]?.ttl).toBe(1);
    expect(server.count('www.test', A)).toBe(1);
    clock.advance(1);
    const refreshed = await udpAsk(h.udpPort, query('www.test', A));
    expect(refreshed.answers[0]?.ttl).toBe(300);
    expect(server.count('www.test', A)).toBe(2);
    expect(h.filter.stats()).toMatchObject({ cacheHits: 3, upstreamQueries: 2 });
  });

  it('keeps a CNAME chain under the shortest TTL of its records', async () => {
    const server = await dedicatedUpstream();
    const clock = testClock();
    const h = await filterFor([server.server], { now: clock.now });
    const first = await udpAsk(h.udpPort, query('alias.test', A));
    expect(first.answers.map((r) => r.ttl)).toEqual([200, 300]);
    clock.advance(150);
    expect((await udpAsk(h.udpPort, query('alias.test', A))).answers.map((r) => r.ttl)).toEqual([50, 150]);
    clock.advance(50);
    await udpAsk(h.udpPort, query('alias.test', A));
    expect(server.count('alias.test')).toBe(2);
  });

  it('does not cache records with TTL 0', async () => {
    const server = await dedicatedUpstream();
    const h = await filterFor([server.server]);
    await udpAsk(h.udpPort, query('zero.test', A));
    await udpAsk(h.udpPort, query('zero.test', A));
    expect(server.count('zero.test')).toBe(2);
  });

  it('caches NXDOMAIN and NODATA for min(SOA TTL, SOA MINIMUM) (RFC 2308 §5)', async () => {
    const server = await dedicatedUpstream();
    const clock = testClock();
    const h = await filterFor([server.server], { now: clock.now });
    const nx = await udpAsk(h.udpPort, query('nope.test', A));
    expect(nx.rcode).toBe(3);
    // The zone's SOA has TTL 600 and MINIMUM 120: clients get 120.
    expect(nx.authorities[0]?.ttl).toBe(120);
    clock.advance(60);
    const cached = await udpAsk(h.udpPort, query('nope.test', A));
    expect(cached.rcode).toBe(3);
    expect(cached.authorities[0]?.ttl).toBe(60);
    expect(server.count('nope.test')).toBe(1);
    const nodata = await udpAsk(h.udpPort, query('www.test', RRType.TXT));
    expect(nodata).toMatchObject(NODATA_OR_NX(0));
    await udpAsk(h.udpPort, query('www.test', RRType.TXT));
    expect(server.count('www.test', RRType.TXT)).toBe(1);
    clock.advance(60);
    await udpAsk(h.udpPort, query('nope.test', A));
    expect(server.count('nope.test')).toBe(2);
  });

  it('shares one upstream query among identical queries in flight', async () => {
    const server = await dedicatedUpstream();
    server.behaviour.delayMs = 250;
    const h = await filterFor([server.server]);
    const replies = await Promise.all(
      [1, 2, 3, 4, 5].map((id) => udpAsk(h.udpPort, makeQuery('www.test', A, { id }))),
    );
    expect(replies.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(replies.every((r) => addresses(r)[0] === '192.0.2.10')).toBe(true);
    expect(server.count('www.test')).toBe(1);
  });
});

describe('DNS filter: upstream failures', () => {
  it('fails over to the next upstream when the first never answers', async () => {
    const dead = await blackHole();
    cleanups.push(() => dead.close());
    const h = await filterFor([dead.server, upstream.server], { upstreamTimeoutMs: 100 });
    const started = performance.now();
    const reply = await udpAsk(h.udpPort, query('other.test', A));
    expect(addresses(reply)).toEqual(['192.0.2.11']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    expect(h.filter.stats().upstreamQueries).toBe(2);
    // The silent upstream is now tried last, so the next question goes straight to the live one.
    await udpAsk(h.udpPort, query('www.test', AAAA));
    expect(h.filter.stats().upstreamQueries).toBe(3);
  });

  it('answers SERVFAIL when every upstream fails, and does not cache it', async () => {
    const dead = await blackHole();
    cleanups.push(() => dead.close());
    const failing = await dedicatedUpstream();
    failing.behaviour.mode = 'servfail';
    const refusing = await dedicatedUpstream();
    refusing.behaviour.mode = 'refused';
    const h = await filterFor([failing.server, refusing.server, dead.server], { upstreamTimeoutMs: 100 });
    const reply = await udpAsk(h.udpPort, query('www.test', A));
    expect(reply).toMatchObject({ rcode: 2, answers: [] });
    expect(failing.count('www.test')).toBe(1);
    expect(refusing.count('www.test')).toBe(1);
    expect(h.filter.stats().servFail).toBe(1);
    failing.behaviour.mode = 'answer';
    expect(addresses(await udpAsk(h.udpPort, query('www.test', A)))).toEqual(['192.0.2.10']);
  });

  it('ignores replies with the wrong ID or question and waits for the real one', async () => {
    const server = await dedicatedUpstream();
    server.behaviour.spoof = true;
    const h = await filterFor([server.server]);
    const reply = await udpAsk(h.udpPort, query('www.test', A));
    expect(addresses(reply)).toEqual(['192.0.2.10']);
    expect(addresses(reply)).not.toContain(SPOOFED_ADDRESS);
    expect(h.filter.stats().upstreamQueries).toBe(1);
  });

  it('asks over TCP when the upstream’s UDP reply is truncated', async () => {
    const server = await dedicatedUpstream();
    server.behaviour.truncateUdp = true;
    const h = await filterFor([server.server]);
    expect(addresses(await udpAsk(h.udpPort, query('www.test', A)))).toEqual(['192.0.2.10']);
    expect(server.log.filter((q) => q.name === 'www.test').map((q) => q.transport)).toEqual(['udp', 'tcp']);
  });
});

describe('DNS filter: message size, EDNS and TCP', () => {
  it('truncates UDP answers over 512 octets for clients without EDNS (RFC 1035 §4.2.1)', async () => {
    const h = await filterFor([upstream.server]);
    const plain = await udpAsk(h.udpPort, query('medium.test', A, { edns: null }));
    expect(plain).toMatchObject({ tc: true, rcode: 0, answers: [], edns: null });
    expect(plain.questions[0]?.name).toBe('medium.test');
    const withEdns = await udpAsk(h.udpPort, query('medium.test', A, { edns: 1232 }));
    expect(withEdns.tc).toBe(false);
    expect(withEdns.answers).toHaveLength(40);
    const small = await udpAsk(h.udpPort, query('medium.test', A, { edns: 600 }));
    expect(small).toMatchObject({ tc: true, answers: [], edns: { udpPayloadSize: 1232 } });
    // Payload sizes below 512 count as 512 (RFC 6891 §6.2.5).
    expect((await udpAsk(h.udpPort, query('www.test', A, { edns: 100 }))).tc).toBe(false);
  });

  it('caps UDP answers at 1232 octets whatever the client advertises, and gives the whole answer over TCP', async () => {
    const h = await filterFor([upstream.server]);
    const udp = await udpExchange(h.udpPort, query('big.test', A, { edns: 4096 }));
    expect(udp!.length).toBeLessThanOrEqual(1232);
    expect(decode(udp!)).toMatchObject({ tc: true, answers: [] });
    const tcp = await tcpAsk(h.tcpPort, query('big.test', A, { edns: 4096 }));
    expect(tcp).toMatchObject({ tc: false, rcode: 0 });
    expect(tcp.answers).toHaveLength(120);
    // The upstream's answer was too big for UDP too: the filter fetched it over TCP.
    expect(upstream.log.filter((q) => q.name === 'big.test').map((q) => q.transport)).toContain('tcp');
  });

  it('answers pipelined TCP queries on one connection as each is ready, possibly out of order (RFC 7766 §6.2.1.1)', async () => {
    const slow = await dedicatedUpstream();
    slow.behaviour.delayMs = 150;
    const h = await filterFor([slow.server], {
      decide: (q) => (q.name === 'www.test' ? { kind: 'forward' } : { kind: 'block' }),
    });
    const packets = [
      makeQuery('www.test', A, { id: 100 }),
      ...[101, 102, 103, 104].map((id) => makeQuery(`b${id}.blocked.test`, A, { id })),
    ];
    const replies = (await tcpExchange(h.tcpPort, packets)).map(decode);
    expect(replies.map((r) => r.id).sort()).toEqual([100, 101, 102, 103, 104]);
    expect(replies.at(-1)?.id).toBe(100);
    expect(addresses(replies.at(-1)!)).toEqual(['192.0.2.10']);
    expect(replies.slice(0, 4).every((r) => addresses(r)[0] === '192.0.2.1')).toBe(true);
  });

  it('reassembles TCP messages split across segments and several in one segment', async () => {
    const h = await filterFor([upstream.server], { decide: () => ({ kind: 'block' }) });
    const socket = net.connect({ host: '127.0.0.1', port: h.tcpPort });
    await new Promise((resolve) => socket.once('connect', resolve));
    const frames = [1, 2, 3].map((id) => {
      const packet = makeQuery('x.test', A, { id });
      return Buffer.concat([Buffer.from([packet.length >> 8, packet.length & 0xff]), packet]);
    });
    const all = Buffer.concat(frames);
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    // One octet, then the rest of the first message with half the second, then the rest.
    socket.write(all.subarray(0, 1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    socket.write(all.subarray(1, frames[0]!.length + 10));
    await new Promise((resolve) => setTimeout(resolve, 20));
    socket.write(all.subarray(frames[0]!.length + 10));
    socket.end();
    await new Promise((resolve) => socket.once('close', resolve));
    const data = Buffer.concat(received);
    const ids: number[] = [];
    for (let at = 0; at < data.length; at += 2 + data.readUInt16BE(at)) ids.push(data.readUInt16BE(at + 2));
    expect(ids).toEqual([1, 2, 3]);
  });
});

describe('DNS filter: TCP connections (RFC 7766)', () => {
  function frame(packet: Buffer): Buffer {
    return Buffer.concat([Buffer.from([packet.length >> 8, packet.length & 0xff]), packet]);
  }

  /** Opens a connection; resolves with the octets received by the time the server closes it. */
  function connection(port: number, send?: Buffer, halfClose = false) {
    const socket = net.connect({ host: '127.0.0.1', port });
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', () => {});
    const closed = new Promise<Buffer>((resolve) =>
      socket.on('close', () => resolve(Buffer.concat(received))),
    );
    const connected = new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    void connected.then(() => {
      if (send && halfClose) socket.end(send);
      else if (send) socket.write(send);
    });
    return { socket, connected, closed };
  }

  it('answers what is in flight after the client half-closes, then closes', async () => {
    const slow = await dedicatedUpstream();
    slow.behaviour.delayMs = 100;
    const h = await filterFor([slow.server]);
    const { closed } = connection(h.tcpPort, frame(makeQuery('www.test', A, { id: 77 })), true);
    const data = await closed;
    expect(data.readUInt16BE(0)).toBe(data.length - 2);
    const reply = decode(data.subarray(2));
    expect(reply.id).toBe(77);
    expect(addresses(reply)).toEqual(['192.0.2.10']);
  });

  it('answers hundreds of pipelined queries on one connection, holding at most 128 in flight', async () => {
    const slow = await dedicatedUpstream();
    slow.behaviour.delayMs = 20;
    const h = await filterFor([slow.server]);
    const packets = Array.from({ length: 300 }, (_, i) => makeQuery(`n${i}.test`, A, { id: i }));
    const replies = (await tcpExchange(h.tcpPort, packets, 300, 5000)).map(decode);
    expect(replies.map((r) => r.id).sort((x, y) => x - y)).toEqual(packets.map((_, i) => i));
    expect(replies.every((r) => r.rcode === 3)).toBe(true);
  });

  it('closes idle connections', async () => {
    const h = await filterFor([upstream.server], {
      tcpIdleTimeoutMs: 150,
      decide: () => ({ kind: 'block' }),
    });
    const started = performance.now();
    const { closed } = connection(h.tcpPort, frame(makeQuery('x.test', A, { id: 5 })));
    const data = await closed;
    expect(decode(data.subarray(2)).id).toBe(5);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('closes connections beyond the limit at once, and keeps serving the others', async () => {
    const h = await filterFor([upstream.server], { maxTcpConnections: 2, decide: () => ({ kind: 'block' }) });
    const first = connection(h.tcpPort);
    const second = connection(h.tcpPort);
    await Promise.all([first.connected, second.connected]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const third = connection(h.tcpPort, frame(makeQuery('x.test', A, { id: 3 })));
    expect((await third.closed).length).toBe(0);
    const answered = new Promise<Buffer>((resolve) => first.socket.once('data', resolve));
    first.socket.write(frame(makeQuery('x.test', A, { id: 1 })));
    expect(decode((await answered).subarray(2)).id).toBe(1);
    first.socket.destroy();
    second.socket.destroy();
  });
});

describe('DNS filter: protocol errors', () => {
  it('answers FORMERR to a malformed query whose header is readable, and nothing to a stub of a header', async () => {
    const h = await filterFor([upstream.server]);
    const twoQuestions = Buffer.from([
      0x12, 0x34, 0x01, 0x00, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1,
    ]);
    const reply = await udpExchange(h.udpPort, twoQuestions);
    expect(reply).not.toBeNull();
    expect(decode(reply!)).toMatchObject({ id: 0x1234, qr: true, rd: true, rcode: 1, questions: [] });
    const loop = Buffer.from([0xab, 0xcd, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0x61, 0xc0, 12, 0, 1, 0, 1]);
    expect(decode((await tcpExchange(h.tcpPort, [loop]))[0]!)).toMatchObject({ id: 0xabcd, rcode: 1 });
    expect(await udpExchange(h.udpPort, Buffer.from([1, 2, 3, 4, 5]), 300)).toBeNull();
    // A response sent to the server is never answered (no reflection loops).
    const response = Buffer.from(query('www.test', A));
    response[2]! |= 0x80;
    expect(await udpExchange(h.udpPort, response, 300)).toBeNull();
    expect(h.filter.stats()).toMatchObject({ formErr: 2, queries: 4 });
  });

  it('answers NOTIMP to opcodes other than QUERY and to zone transfers, REFUSED to other classes', async () => {
    const h = await filterFor([upstream.server]);
    const notify = await udpAsk(h.udpPort, query('test', RRType.SOA, { opcode: 4 }));
    expect(notify).toMatchObject({ rcode: 4, opcode: 4, questions: [] });
    expect((await udpAsk(h.udpPort, query('test', RRType.AXFR))).rcode).toBe(4);
    expect((await tcpAsk(h.tcpPort, query('test', RRType.IXFR))).rcode).toBe(4);
    const chaos = await udpAsk(h.udpPort, query('version.bind', RRType.TXT, { cls: RRClass.CH }));
    expect(chaos).toMatchObject({ rcode: 5, questions: [{ name: 'version.bind', class: RRClass.CH }] });
    expect((await udpAsk(h.udpPort, query('www.test', A, { cls: RRClass.ANY }))).rcode).toBe(5);
    expect((await udpAsk(h.udpPort, query('www.test', RRType.OPT))).rcode).toBe(1);
    expect(upstream.count('version.bind')).toBe(0);
  });

  it('answers BADVERS to EDNS versions above 0, with its own OPT saying version 0 (RFC 6891 §6.1.3)', async () => {
    const h = await filterFor([upstream.server]);
    const wire = await udpExchange(h.udpPort, query('www.test', A, { ednsVersion: 1 }));
    const parsed = parseMessage(wire!);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.message.rcode).toBe(16);
    expect(wire![3]! & 0xf).toBe(0);
    expect(parsed.message.edns).toMatchObject({ version: 0 });
  });

  it('copies the DO bit (RFC 3225 §3) and the CD bit', async () => {
    const h = await filterFor([upstream.server]);
    const packet = query('www.test', A, { dnssecOk: true });
    packet[3]! |= 0x10;
    const reply = await udpAsk(h.udpPort, packet);
    expect(reply).toMatchObject({ cd: true, ad: false, edns: { dnssecOk: true } });
  });
});

describe('DNS filter: lifecycle', () => {
  it('listens only where asked, validates its options, and closes idempotently', async () => {
    const both = await filterFor([upstream.server]);
    // Both ports left to the system: TCP takes UDP's, where clients retry truncated answers.
    expect(both.filter.tcpAddress()?.port).toBe(both.filter.udpAddress()?.port);
    const only = await filterFor([upstream.server], { tcp: undefined });
    expect(only.filter.tcpAddress()).toBeNull();
    expect(only.filter.udpAddress()).toMatchObject({ address: '127.0.0.1' });
    await expect(startFilter([upstream.server], { blockAddress4: 'nope' })).rejects.toThrow(/blockAddress4/);
    await expect(startFilter([{ host: 'localhost', port: 53 }])).rejects.toThrow(/IP addresses/);
    await expect(startFilter([])).rejects.toThrow(/upstream/);
    const h = await startFilter([upstream.server]);
    await Promise.all([h.filter.close(), h.filter.close()]);
    await h.filter.close();
    expect(await udpExchange(h.udpPort, query('www.test', A), 200)).toBeNull();
  });
});
