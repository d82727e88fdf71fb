import { describe, expect, it } from 'vitest';
import { buildTemplate, renderTemplate } from '../src/dns/answer.ts';
import { DnsCache, MAX_NEGATIVE_TTL, MAX_POSITIVE_TTL, prepareUpstreamAnswer } from '../src/dns/cache.ts';
import {
  type DnsMessage,
  type DnsRecord,
  parseMessage,
  parseQuery,
  Rcode,
  RRType,
} from '../src/dns/codec.ts';
import { a, cname, makeQuery, testClock, ZONE_SOA } from './dns-fixtures.ts';

function response(rcode: number, answers: DnsRecord[], authorities: DnsRecord[] = []): DnsMessage {
  return {
    id: 1,
    qr: true,
    opcode: 0,
    aa: true,
    tc: false,
    rd: true,
    ra: true,
    ad: false,
    cd: false,
    rcode,
    questions: [{ name: 'x.test', type: RRType.A, class: 1 }],
    answers,
    authorities,
    additionals: [],
    edns: null,
  };
}

const soa = (ttl: number, minimum: number): DnsRecord => ({
  ...ZONE_SOA,
  ttl,
  data: { ...(ZONE_SOA.data as Extract<DnsRecord['data'], { kind: 'soa' }>), minimum },
});

describe('DNS cache: what is kept and for how long', () => {
  it('keeps a positive answer for its shortest TTL, capped at a day, and drops the authority section', () => {
    const prepared = prepareUpstreamAnswer(
      response(Rcode.NOERROR, [cname('x.test', 'y.test', 500), a('y.test', '192.0.2.1', 90)], [soa(600, 60)]),
      RRType.A,
    );
    expect(prepared).toMatchObject({ rcode: 0, ttl: 90, authorities: [] });
    const long = prepareUpstreamAnswer(
      response(Rcode.NOERROR, [a('x.test', '192.0.2.1', 604_800)]),
      RRType.A,
    );
    expect(long.ttl).toBe(MAX_POSITIVE_TTL);
    expect(long.answers[0]?.ttl).toBe(MAX_POSITIVE_TTL);
  });

  it('keeps NXDOMAIN and NODATA for min(SOA TTL, MINIMUM), at most an hour, and hands the SOA out with it (RFC 2308)', () => {
    expect(prepareUpstreamAnswer(response(Rcode.NXDOMAIN, [], [soa(600, 120)]), RRType.A)).toMatchObject({
      ttl: 120,
      authorities: [{ type: RRType.SOA, ttl: 120 }],
    });
    expect(prepareUpstreamAnswer(response(Rcode.NOERROR, [], [soa(30, 900)]), RRType.A).ttl).toBe(30);
    expect(prepareUpstreamAnswer(response(Rcode.NXDOMAIN, [], [soa(86_400, 86_400)]), RRType.A).ttl).toBe(
      MAX_NEGATIVE_TTL,
    );
    // A CNAME to a name without the asked type is NODATA: the CNAME's TTL bounds it as well.
    const chain = prepareUpstreamAnswer(
      response(Rcode.NOERROR, [cname('x.test', 'y.test', 40)], [soa(600, 300)]),
      RRType.A,
    );
    expect(chain).toMatchObject({ ttl: 40, answers: [{ type: RRType.CNAME }] });
    // Without an SOA a negative answer is not cached (RFC 2308 §5).
    expect(prepareUpstreamAnswer(response(Rcode.NXDOMAIN, []), RRType.A).ttl).toBe(0);
  });
});

describe('DNS cache: the LRU map', () => {
  it('expires entries on the injected clock', () => {
    const clock = testClock();
    const cache = new DnsCache<string>({ maxEntries: 10, now: clock.now });
    cache.set('k', 'v', 30);
    clock.advance(29.999);
    expect(cache.get('k')?.value).toBe('v');
    clock.advance(0.001);
    expect(cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set('zero', 'v', 0);
    expect(cache.get('zero')).toBeUndefined();
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new DnsCache<number>({ maxEntries: 3, now: () => 0 });
    cache.set('a', 1, 60);
    cache.set('b', 2, 60);
    cache.set('c', 3, 60);
    cache.get('a');
    cache.set('d', 4, 60);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a')?.value, cache.get('c')?.value, cache.get('d')?.value]).toEqual([1, 3, 4]);
    expect(cache.size).toBe(3);
  });

  it('keys on the lower-cased name, the type and the class', () => {
    expect(DnsCache.key('www.test', 1, 1)).not.toBe(DnsCache.key('www.test', 28, 1));
    expect(DnsCache.key('www.test', 1, 1)).not.toBe(DnsCache.key('www.test', 1, 3));
  });
});

describe('DNS cache: rendering a stored answer', () => {
  it('patches the ID, flags, question case and aged TTLs into a copy, leaving the template intact', () => {
    const prepared = prepareUpstreamAnswer(
      response(Rcode.NOERROR, [cname('www.test', 'cdn.test', 100), a('cdn.test', '192.0.2.9', 50)]),
      RRType.A,
    );
    const template = buildTemplate({ name: 'www.test', type: RRType.A, class: 1 }, prepared);
    const before = Buffer.from(template.wire);
    const request = makeQuery('WWW.Test', RRType.A, { id: 0x7777, edns: null });
    const query = parseQuery(request);
    if (!query.ok) throw new Error('query did not parse');
    const out = renderTemplate(template, query, request, 20, 512);
    const parsed = parseMessage(out);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.message).toMatchObject({ id: 0x7777, qr: true, rd: true, ra: true, edns: null });
    expect(parsed.message.questions[0]?.name).toBe('WWW.Test');
    expect(parsed.message.answers.map((r) => [r.name, r.ttl])).toEqual([
      ['WWW.Test', 80],
      // The shared suffix points into the question, so it reads in the client's case.
      ['cdn.Test', 30],
    ]);
    expect(template.wire.equals(before)).toBe(true);
    // Never below zero.
    const late = parseMessage(renderTemplate(template, query, request, 1000, 512));
    expect(late.ok && late.message.answers.map((r) => r.ttl)).toEqual([0, 0]);
  });
});
