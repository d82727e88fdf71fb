/**
 * `dig` (Debian's bind9-dnsutils) as a real client of the filter, over UDP and TCP. Without dig these
 * cases are skipped with a message, except under CI, which installs it, where its absence fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dig, hasDig } from './dig.ts';
import { FakeUpstream, type FilterHarness, startFilter } from './dns-fixtures.ts';

describe('dig against the DNS filter', () => {
  if (!hasDig && process.env.CI) {
    it('has dig installed (CI installs bind9-dnsutils)', () => {
      throw new Error('dig not found, and CI requires it (apt-get install bind9-dnsutils)');
    });
    return;
  }

  let upstream: FakeUpstream;
  let h: FilterHarness;
  beforeAll(async () => {
    if (!hasDig) return;
    upstream = await FakeUpstream.start();
    h = await startFilter([upstream.server], {
      decide: (q) => {
        if (q.name === 'blocked.test') return { kind: 'block' };
        if (q.name === 'use-application-dns.net') return { kind: 'nxdomain' };
        if (q.name === 'search.test') return { kind: 'cname', target: 'safe.test' };
        return { kind: 'forward' };
      },
    });
  });
  afterAll(async () => {
    await h?.filter.close();
    await upstream?.close();
  });

  it.skipIf(!hasDig)('resolves a forwarded name over UDP', async () => {
    const reply = await dig(h.udpPort, 'www.test', 'A');
    expect(reply.status).toBe('NOERROR');
    expect(reply.flags).toEqual(expect.arrayContaining(['qr', 'rd', 'ra']));
    expect(reply.flags).not.toContain('aa');
    expect(reply.answers).toEqual([{ name: 'www.test.', ttl: 300, type: 'A', data: '192.0.2.10' }]);
  });

  it.skipIf(!hasDig)('resolves over TCP (+tcp)', async () => {
    const reply = await dig(h.tcpPort, '+tcp', 'www.test', 'AAAA');
    expect(reply.status).toBe('NOERROR');
    expect(reply.answers).toEqual([{ name: 'www.test.', ttl: 300, type: 'AAAA', data: '2001:db8::10' }]);
  });

  it.skipIf(!hasDig)(
    'gets the block address, NXDOMAIN for the DoH canary, and the safe-search CNAME',
    async () => {
      const blocked = await dig(h.udpPort, 'blocked.test', 'A');
      expect(blocked.answers).toEqual([{ name: 'blocked.test.', ttl: 60, type: 'A', data: '192.0.2.1' }]);
      const canary = await dig(h.udpPort, 'use-application-dns.net', 'A');
      expect(canary.status).toBe('NXDOMAIN');
      expect(canary.output).toMatch(/AUTHORITY SECTION:\nuse-application-dns\.net\.\s+60\s+IN\s+SOA/);
      const search = await dig(h.tcpPort, '+tcp', 'search.test', 'A');
      expect(search.answers).toEqual([
        { name: 'search.test.', ttl: 60, type: 'CNAME', data: 'safe.test.' },
        { name: 'safe.test.', ttl: 300, type: 'A', data: '192.0.2.53' },
      ]);
    },
  );

  it.skipIf(!hasDig)('sees TC over UDP for a large answer, and dig’s TCP retry gets all of it', async () => {
    const truncated = await dig(h.udpPort, '+ignore', '+noedns', 'medium.test', 'A');
    expect(truncated.flags).toContain('tc');
    expect(truncated.answers).toEqual([]);
    const retried = await dig(h.udpPort, '+bufsize=4096', 'big.test', 'A');
    expect(retried.output).toContain('Truncated, retrying in TCP mode');
    expect(retried.status).toBe('NOERROR');
    expect(retried.answers).toHaveLength(120);
  });

  it.skipIf(!hasDig)('answers BADVERS to EDNS version 1 and REFUSED to CHAOS', async () => {
    const badvers = await dig(h.udpPort, '+edns=1', '+noednsnegotiation', 'www.test', 'A');
    expect(badvers.status).toBe('BADVERS');
    const chaos = await dig(h.udpPort, 'version.bind', 'TXT', 'CH');
    expect(chaos.status).toBe('REFUSED');
  });

  it.skipIf(!hasDig)('answers NXDOMAIN from upstream, and serves it again from the cache', async () => {
    const first = await dig(h.udpPort, 'nothing.test', 'A');
    expect(first.status).toBe('NXDOMAIN');
    const asked = upstream.count('nothing.test');
    const second = await dig(h.tcpPort, '+tcp', 'nothing.test', 'A');
    expect(second.status).toBe('NXDOMAIN');
    expect(upstream.count('nothing.test')).toBe(asked);
  });
});
