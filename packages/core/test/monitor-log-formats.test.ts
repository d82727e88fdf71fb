/**
 * The log-line readers: each format's lines as the software writes them (our own sample data,
 * laid out as the sources say), blocked and allowed, times in GMT and BST, the lines that are
 * skipped, the malformed ones and why, and random bytes that never throw.
 */
import { describe, expect, it } from 'vitest';
import {
  createLogParser,
  LOG_FORMAT_IDS,
  LOG_FORMATS,
  type LogContext,
  type LogEntry,
  type LogFormat,
  type LogLineResult,
  parseBind,
  parseDnsmasq,
  parseE2guardian,
  parseFortigate,
  parseSquidCombined,
  parseSquidNative,
  parseUnbound,
} from '../src/monitor/index.ts';

const ctx: LogContext = { year: 2026, timeZone: 'Europe/London' };

/** Feeds a whole file through a reader and collects what it hands over, in order. */
function readAll(format: LogFormat, lines: string[], c: LogContext = ctx) {
  const read = createLogParser(format, c);
  const entries: LogEntry[] = [];
  const problems: string[] = [];
  let skipped = 0;
  for (const line of lines) {
    const r = read(line);
    if (r.ok === true) entries.push(r.entry);
    else if (r.ok === false) problems.push(r.reason);
    else skipped++;
  }
  entries.push(...read.end());
  return { entries, problems, skipped };
}

const entryOf = (r: LogLineResult): LogEntry => {
  if (r.ok !== true) throw new Error(`expected an entry, got ${JSON.stringify(r)}`);
  return r.entry;
};

describe('the format list', () => {
  it('names every format once, each with a parser', () => {
    expect([...LOG_FORMAT_IDS].sort()).toEqual(Object.keys(LOG_FORMATS).sort());
    expect(LOG_FORMAT_IDS).toEqual([
      'squid',
      'squid-combined',
      'e2guardian',
      'unbound',
      'dnsmasq',
      'bind',
      'fortigate',
    ]);
  });
});

describe('Squid', () => {
  it('reads native and combined lines as proxy events', () => {
    expect(
      parseSquidNative(
        '1796119200.250    120 192.168.0.5 TCP_MISS/200 5120 GET http://www.example.com/ - HIER_DIRECT/93.184.216.34 text/html',
      ),
    ).toEqual({
      ok: true,
      entry: {
        at: '2026-12-01T10:00:00.250Z',
        client: '192.168.0.5',
        user: null,
        method: 'GET',
        url: 'http://www.example.com/',
        host: 'www.example.com',
        blocked: false,
        source: 'proxy',
        filterCategory: null,
      },
    });
    expect(
      entryOf(
        parseSquidCombined(
          '192.168.0.5 - bob [01/Dec/2026:10:00:00 -0030] "GET http://www.example.com/ HTTP/1.1" 403 0 "-" "Mozilla/5.0" TCP_DENIED:HIER_NONE',
        ),
      ),
    ).toMatchObject({ at: '2026-12-01T10:30:00.000Z', user: 'bob', blocked: true, source: 'proxy' });
  });
  it('says what is wrong, and never throws on a time too large for a date', () => {
    expect(parseSquidNative('1e300 1 192.168.0.5 TCP_MISS/200 1 GET http://x.example/')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Unix time/),
    });
    expect(parseSquidNative('1 1 192.168.0.5 TCP_MISS/200 1 GET http://x.example/ %E0%A4%A')).toMatchObject({
      ok: true,
      entry: { user: '%E0%A4%A' },
    });
  });
});

// e2guardian v5: src/FatController.cpp log_listener, "case 5: case 6:" (configs/e2guardian.conf.in:
// "6 = Protex format with server field blanked"). Tab-separated; blank fields are "-".
const e2 = (...fields: string[]) => fields.join('\t');
const E2_ALLOWED = e2(
  '1796119200.123',
  '',
  '-',
  '192.168.0.5',
  '192.168.0.5',
  'http://www.example.com/index.html',
  'GET',
  '200',
  '5120',
  'text/html',
  '-',
  '-',
  '35',
  '-',
  '-',
  '-',
  '0',
  '-',
  'pupils',
  '2',
);
const E2_DENIED = e2(
  '1796119260.456',
  '',
  'alice',
  '192.168.0.6',
  'pc-06.school.lan',
  'http://www.bad.example/page?q=1',
  'GET',
  '403',
  '0',
  '-',
  '-',
  '-',
  '2',
  '-',
  '500',
  '*DENIED* Banned site: www.bad.example',
  '0',
  'Pornography',
  'pupils',
  '2',
);

describe('e2guardian (logfileformat 6)', () => {
  it('reads an allowed request', () => {
    expect(parseE2guardian(E2_ALLOWED, ctx)).toEqual({
      ok: true,
      entry: {
        at: '2026-12-01T10:00:00.123Z',
        client: '192.168.0.5',
        user: null,
        method: 'GET',
        url: 'http://www.example.com/index.html',
        host: 'www.example.com',
        blocked: false,
        source: 'proxy',
        filterCategory: null,
      },
    });
  });
  it('reads a denial, its user, its reason and its category', () => {
    expect(entryOf(parseE2guardian(E2_DENIED, ctx))).toEqual({
      at: '2026-12-01T10:01:00.456Z',
      client: '192.168.0.6',
      user: 'alice',
      method: 'GET',
      url: 'http://www.bad.example/page?q=1',
      host: 'www.bad.example',
      blocked: true,
      source: 'proxy',
      filterCategory: 'Banned site: www.bad.example (Pornography)',
    });
  });
  it('counts POST and parameter denials and infected downloads as blocked, exceptions as allowed', () => {
    const withWhat = (what: string, cat = '-') =>
      entryOf(
        parseE2guardian(
          E2_DENIED.replace('*DENIED* Banned site: www.bad.example', what).replace('Pornography', cat),
          ctx,
        ),
      );
    expect(withWhat('*DENIED-POST* Banned phrase found: x')).toMatchObject({ blocked: true });
    expect(withWhat('*DENIED-PARAMS* Banned search term found')).toMatchObject({ blocked: true });
    expect(withWhat('*INFECTED* Virus or bad content detected. Eicar-Signature')).toMatchObject({
      blocked: true,
    });
    expect(withWhat('*EXCEPTION* Exception site match: bbc.co.uk')).toMatchObject({
      blocked: false,
      filterCategory: 'Exception site match: bbc.co.uk',
    });
    expect(withWhat('*DENIED* Weighted phrase limit of 50 : 120 (porn)', 'porn')).toMatchObject({
      blocked: true,
      filterCategory: 'Weighted phrase limit of 50 : 120 (porn)',
    });
  });
  it('reads the one-client-column layout (v5.4 with logclientnameandip off) and CONNECT', () => {
    const line = e2(
      '1796119200.000',
      '',
      '-',
      '192.168.0.9',
      'https://proxy-bypass.example:443',
      'CONNECT',
      '403',
      '0',
      '-',
      '-',
      '',
      '1',
      '',
      '501',
      '*DENIED* Banned site: proxy-bypass.example',
      '0',
      'Proxies',
      'pupils',
      '2',
    );
    expect(entryOf(parseE2guardian(line, ctx))).toMatchObject({
      client: '192.168.0.9',
      method: 'CONNECT',
      url: 'proxy-bypass.example:443',
      host: 'proxy-bypass.example',
      blocked: true,
      filterCategory: 'Banned site: proxy-bypass.example (Proxies)',
    });
  });
  it('reads a line that came through syslog', () => {
    expect(
      entryOf(parseE2guardian(`Dec  1 10:00:00 proxy e2guardian[901]: ${E2_DENIED}`, ctx)),
    ).toMatchObject({
      at: '2026-12-01T10:01:00.456Z',
      blocked: true,
    });
  });
  it('says what is wrong with a malformed line', () => {
    expect(parseE2guardian('1796119200.123\t\t-\t192.168.0.5', ctx)).toEqual({
      ok: false,
      reason: 'expected 19 or 20 tab-separated fields (e2guardian logfileformat 6), found 4',
    });
    expect(parseE2guardian(E2_ALLOWED.replace('\tGET\t', '\tget\t'), ctx)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no method and HTTP status/),
    });
    expect(parseE2guardian(E2_ALLOWED.replace('1796119200.123', 'yesterday'), ctx)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not an e2guardian line/),
    });
    expect(parseE2guardian(E2_ALLOWED.replace('http://www.example.com/index.html', 'nowhere'), ctx)).toEqual({
      ok: false,
      reason: '"nowhere" is not an address',
    });
  });
});

// unbound: util/log.c (log_vmsg: "[time] ident[pid:thread] type: message", log-time-ascii
// "%b %d %H:%M:%S"), util/net_help.c (log_query_in, log_reply_info) and services/localzone.c
// (lz_inform_print: "zone action ip@port" then name, type and class).
describe('unbound', () => {
  const Q = '[1796119200] unbound[1234:0] info: 192.168.0.5 www.example.com. A IN';
  it('reads a query line as an allowed DNS event', () => {
    expect(parseUnbound(Q, ctx)).toEqual({
      ok: true,
      entry: {
        at: '2026-12-01T10:00:00.000Z',
        client: '192.168.0.5',
        user: null,
        method: 'DNS',
        url: null,
        host: 'www.example.com',
        blocked: false,
        source: 'dns',
        filterCategory: null,
      },
    });
    expect(
      entryOf(parseUnbound('[1796119200] unbound[1234:1] query: 2001:db8::5 WWW.Example.COM. AAAA IN', ctx)),
    ).toMatchObject({ client: '2001:db8::5', host: 'www.example.com' });
  });
  it('reads log-time-ascii times in the school zone: GMT in December, BST in July', () => {
    expect(
      entryOf(parseUnbound('Dec 01 10:00:00 unbound[1234:0] info: 192.168.0.5 www.example.com. A IN', ctx))
        .at,
    ).toBe('2026-12-01T10:00:00.000Z');
    expect(
      entryOf(parseUnbound('Jul 01 10:00:00 unbound[1234:0] info: 192.168.0.5 www.example.com. A IN', ctx))
        .at,
    ).toBe('2026-07-01T09:00:00.000Z');
    expect(
      entryOf(
        parseUnbound(
          'Dec  1 10:00:00 resolver unbound: [1234:0] info: 192.168.0.5 www.example.com. A IN',
          ctx,
        ),
      ),
    ).toMatchObject({ at: '2026-12-01T10:00:00.000Z', host: 'www.example.com' });
  });
  it('reads local actions that refuse a name as blocks, with the action and zone', () => {
    expect(
      entryOf(
        parseUnbound(
          '[1796119200] unbound[1234:0] info: bad.example. always_nxdomain 192.168.0.5@53211 www.bad.example. A IN',
          ctx,
        ),
      ),
    ).toMatchObject({
      client: '192.168.0.5',
      host: 'www.bad.example',
      blocked: true,
      filterCategory: 'always_nxdomain (local-zone bad.example.)',
    });
    for (const action of ['redirect', 'refuse', 'deny', 'always_null', 'inform_deny'])
      expect(
        parseUnbound(
          `[1796119200] unbound[1234:0] info: bad.example. ${action} 192.168.0.5@53211 bad.example. A IN`,
          ctx,
        ),
      ).toMatchObject({ ok: true, entry: { blocked: true } });
  });
  it('skips replies, local data, transparent zones and the resolver talking about itself', () => {
    for (const line of [
      '[1796119200] unbound[1234:0] info: 192.168.0.5 www.example.com. A IN NOERROR 0.012345 0 61',
      '[1796119200] unbound[1234:0] reply: 192.168.0.5 www.example.com. A IN NOERROR 0.000000 1 61',
      '[1796119200] unbound[1234:0] info: 192.168.0.5 - - - FORMERR - - - ',
      '[1796119200] unbound[1234:0] info: school.lan. static 192.168.0.5@53211 moodle.school.lan. A IN',
      '[1796119200] unbound[1234:0] info: school.lan. transparent 192.168.0.5@53211 moodle.school.lan. A IN',
      '[1796119200] unbound[1234:0] notice: init module 0: validator',
      '[1796119200] unbound[1234:0] info: start of service (unbound 1.19.0).',
      '[1796119200] unbound[1234:0] info: 192.168.0.5 . NS IN',
      'Dec  1 10:00:00 resolver sshd[77]: Accepted publickey for admin',
    ])
      expect(parseUnbound(line, ctx), line).toEqual({ ok: 'skip' });
  });
  it('says what is wrong with a malformed line', () => {
    expect(parseUnbound('unbound says hello', ctx)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^not an unbound line/),
    });
    expect(parseUnbound('Dec 32 10:00:00 unbound[1:0] info: 192.168.0.5 a.example. A IN', ctx)).toMatchObject(
      {
        ok: false,
        reason: expect.stringMatching(/is not a time/),
      },
    );
  });
  it('read as a file, joins a query and the local action that blocked it into one blocked event', () => {
    const { entries, problems } = readAll('unbound', [
      Q,
      '[1796119201] unbound[1234:1] info: 192.168.0.6 www.example.org. A IN',
      '[1796119201] unbound[1234:0] info: 192.168.0.5 www.bad.example. A IN',
      '[1796119201] unbound[1234:0] info: bad.example. always_nxdomain 192.168.0.5@53211 www.bad.example. A IN',
      '[1796119201] unbound[1234:0] info: 192.168.0.5 www.bad.example. A IN NXDOMAIN 0.000000 0 40',
    ]);
    expect(problems).toEqual([]);
    expect(entries.map((e) => [e.host, e.blocked, e.at])).toEqual([
      ['www.example.com', false, '2026-12-01T10:00:00.000Z'],
      ['www.example.org', false, '2026-12-01T10:00:01.000Z'],
      ['www.bad.example', true, '2026-12-01T10:00:01.000Z'],
    ]);
    expect(entries[2]?.filterCategory).toBe('always_nxdomain (local-zone bad.example.)');
  });
  it('read as a file that logs only replies (and local actions), counts each reply once', () => {
    const { entries } = readAll('unbound', [
      '[1796119200] unbound[1234:0] info: 192.168.0.5 www.example.com. A IN NOERROR 0.010000 0 61',
      '[1796119201] unbound[1234:0] info: bad.example. always_nxdomain 192.168.0.5@53211 bad.example. A IN',
      '[1796119201] unbound[1234:0] info: 192.168.0.5 bad.example. A IN NXDOMAIN 0.000000 0 40',
    ]);
    expect(entries.map((e) => [e.host, e.blocked])).toEqual([
      ['www.example.com', false],
      ['bad.example', true],
    ]);
  });
});

// dnsmasq: src/cache.c log_query ("%s %s %s %s": source, name, verb, answer; with
// log-queries=extra "%u %s/%u ..." serial and requestor first), after a syslog header.
describe('dnsmasq', () => {
  it('reads query lines as allowed DNS events, with or without a host name in the header', () => {
    expect(
      parseDnsmasq('Dec  1 10:00:00 dnsmasq[812]: query[A] www.example.com from 192.168.0.5', ctx),
    ).toEqual({
      ok: true,
      entry: {
        at: '2026-12-01T10:00:00.000Z',
        client: '192.168.0.5',
        user: null,
        method: 'DNS',
        url: null,
        host: 'www.example.com',
        blocked: false,
        source: 'dns',
        filterCategory: null,
      },
    });
    expect(
      entryOf(
        parseDnsmasq(
          'Dec  1 10:00:00 gw dnsmasq[812]: 17 192.168.0.5/53211 query[AAAA] Www.Example.com from 192.168.0.5',
          ctx,
        ),
      ),
    ).toMatchObject({ host: 'www.example.com', client: '192.168.0.5' });
  });
  it('reads syslog times in the school zone: GMT in December, BST in July', () => {
    expect(
      entryOf(parseDnsmasq('Dec  1 10:00:00 dnsmasq[812]: query[A] a.example from 192.168.0.5', ctx)).at,
    ).toBe('2026-12-01T10:00:00.000Z');
    expect(
      entryOf(parseDnsmasq('Jul  1 10:00:00 dnsmasq[812]: query[A] a.example from 192.168.0.5', ctx)).at,
    ).toBe('2026-07-01T09:00:00.000Z');
    expect(
      entryOf(
        parseDnsmasq('Jul  1 10:00:00 dnsmasq[812]: query[A] a.example from 192.168.0.5', {
          year: 2026,
          timeZone: 'UTC',
        }),
      ).at,
    ).toBe('2026-07-01T10:00:00.000Z');
  });
  it('skips forwarded, reply, cached and other programs’ lines, and answers that are not refusals', () => {
    for (const line of [
      'Dec  1 10:00:00 dnsmasq[812]: forwarded www.example.com to 1.1.1.1',
      'Dec  1 10:00:00 dnsmasq[812]: reply www.example.com is 93.184.216.34',
      'Dec  1 10:00:00 dnsmasq[812]: reply nowhere.example is NXDOMAIN',
      'Dec  1 10:00:00 dnsmasq[812]: cached www.example.com is <CNAME>',
      'Dec  1 10:00:00 dnsmasq[812]: config printer.school.lan is 192.168.0.20',
      'Dec  1 10:00:00 dnsmasq[812]: /etc/hosts localhost is 127.0.0.1',
      'Dec  1 10:00:00 dnsmasq[812]: started, version 2.90 cachesize 150',
      'Dec  1 10:00:00 dnsmasq[812]: 17 forwarded www.example.com to 1.1.1.1',
      'Dec  1 10:00:00 gw sshd[99]: Accepted publickey for admin',
    ])
      expect(parseDnsmasq(line, ctx), line).toEqual({ ok: 'skip' });
  });
  it('alone, a refusal with a client (log-queries=extra) is a blocked event; without one it says so', () => {
    expect(
      entryOf(
        parseDnsmasq(
          'Dec  1 10:00:02 dnsmasq[812]: 18 192.168.0.7/53211 config www.bad.example is NXDOMAIN',
          ctx,
        ),
      ),
    ).toMatchObject({
      client: '192.168.0.7',
      host: 'www.bad.example',
      blocked: true,
      filterCategory: 'config (NXDOMAIN)',
    });
    expect(parseDnsmasq('Dec  1 10:00:01 dnsmasq[812]: config www.bad.example is 0.0.0.0', ctx)).toEqual({
      ok: false,
      reason:
        'names no client: the refusal of www.bad.example belongs to the query before it (read with createLogParser)',
    });
  });
  it('says what is wrong with a malformed line', () => {
    expect(parseDnsmasq('query[A] www.example.com from 192.168.0.5', ctx)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^not a dnsmasq line: it does not start with a syslog time/),
    });
    expect(parseDnsmasq('Dec  1 10:00:00 dnsmasq[812]: query[A] www.example.com from here', ctx)).toEqual({
      ok: false,
      reason: '"here" is not a client address',
    });
    expect(
      parseDnsmasq('Dec  1 10:00:00 dnsmasq[812]: query[A] a.example from 192.168.0.5', {
        year: 2026,
        timeZone: 'Mars/Olympus',
      }),
    ).toEqual({
      ok: false,
      reason: '"Mars/Olympus" is not a time zone this system knows',
    });
  });
  it('read as a file, marks the query a config answer refused as blocked, once', () => {
    const { entries, problems, skipped } = readAll('dnsmasq', [
      'Dec  1 10:00:00 dnsmasq[812]: query[A] www.example.com from 192.168.0.5',
      'Dec  1 10:00:00 dnsmasq[812]: forwarded www.example.com to 1.1.1.1',
      'Dec  1 10:00:00 dnsmasq[812]: reply www.example.com is 93.184.216.34',
      'Dec  1 10:00:01 dnsmasq[812]: query[A] www.bad.example from 192.168.0.6',
      'Dec  1 10:00:01 dnsmasq[812]: config www.bad.example is 0.0.0.0',
      'Dec  1 10:00:01 dnsmasq[812]: query[AAAA] www.bad.example from 192.168.0.7',
      'Dec  1 10:00:01 dnsmasq[812]: config www.bad.example is ::',
      'Dec  1 10:00:02 dnsmasq[812]: 21 192.168.0.8/40001 query[A] ads.example from 192.168.0.8',
      'Dec  1 10:00:02 dnsmasq[812]: 21 192.168.0.8/40001 gravity blocked ads.example is 0.0.0.0',
      'Dec  1 10:00:03 dnsmasq[812]: query[A] tracker.example from 192.168.0.9',
      'Dec  1 10:00:03 dnsmasq[812]: /etc/dnsmasq.d/blocklist.hosts tracker.example is 0.0.0.0',
      'Dec  1 10:00:04 dnsmasq[812]: query[A] printer.school.lan from 192.168.0.5',
      'Dec  1 10:00:04 dnsmasq[812]: config printer.school.lan is 192.168.0.20',
    ]);
    expect(problems).toEqual([]);
    expect(skipped).toBe(13);
    expect(entries.map((e) => [e.client, e.host, e.blocked, e.filterCategory])).toEqual([
      ['192.168.0.5', 'www.example.com', false, null],
      ['192.168.0.6', 'www.bad.example', true, 'config (0.0.0.0)'],
      ['192.168.0.7', 'www.bad.example', true, 'config (::)'],
      ['192.168.0.8', 'ads.example', true, 'gravity blocked'],
      ['192.168.0.9', 'tracker.example', true, '/etc/dnsmasq.d/blocklist.hosts'],
      ['192.168.0.5', 'printer.school.lan', false, null],
    ]);
  });
  it('read as a file, says so when a refusal has no query before it to name the client', () => {
    expect(
      readAll('dnsmasq', ['Dec  1 10:00:01 dnsmasq[812]: config www.bad.example is NXDOMAIN']).problems,
    ).toEqual(['names no client, and no query for www.bad.example came before it']);
  });
  it('read as a file, still counts a refusal whose query was handed over by end() mid-file', () => {
    const read = createLogParser('dnsmasq', ctx);
    expect(read('Dec  1 10:00:01 dnsmasq[812]: query[A] www.bad.example from 192.168.0.6')).toEqual({
      ok: 'skip',
    });
    expect(read.end()).toMatchObject([{ host: 'www.bad.example', blocked: false }]);
    expect(read('Dec  1 10:00:01 dnsmasq[812]: config www.bad.example is 0.0.0.0')).toEqual({ ok: 'skip' });
    expect(read('Dec  1 10:00:01 dnsmasq[812]: config www.bad.example is ::')).toEqual({ ok: 'skip' });
    expect(read.end()).toMatchObject([
      { client: '192.168.0.6', host: 'www.bad.example', blocked: true, filterCategory: 'config (0.0.0.0)' },
    ]);
  });
  it('read as a file, moves to the next year when the months wrap from December to January', () => {
    const { entries } = readAll('dnsmasq', [
      'Dec 31 23:59:59 dnsmasq[812]: query[A] a.example from 192.168.0.5',
      'Jan  1 00:00:01 dnsmasq[812]: query[A] b.example from 192.168.0.5',
    ]);
    expect(entries.map((e) => e.at)).toEqual(['2026-12-31T23:59:59.000Z', '2027-01-01T00:00:01.000Z']);
  });
  it('read as a file, hands over at most 64 lines late and the rest at the end', () => {
    const read = createLogParser('dnsmasq', ctx);
    const results = Array.from({ length: 70 }, (_, i) =>
      read(`Dec  1 10:00:00 dnsmasq[812]: query[A] host${i}.example from 192.168.0.5`),
    );
    expect(results.slice(0, 64).every((r) => r.ok === 'skip')).toBe(true);
    expect(results.slice(64).map((r) => entryOf(r).host)).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => `host${i}.example`),
    );
    expect(read.end()).toHaveLength(64);
    expect(read.end()).toEqual([]);
  });
});

// BIND 9: lib/ns/client.c ns_client_logv ("client @%p %s%s%s%s%s%s%s%s: %s": peer, /key signer,
// (qname), ": view " name) and lib/ns/query.c (the query line; rpz_log_rewrite "%srpz %s %s
// rewrite %s/%s/%s via %s").
describe('BIND', () => {
  const Q =
    '01-Dec-2026 10:00:00.123 queries: info: client @0x7f8b2c0 192.168.0.5#53211 (www.example.com): query: www.example.com IN A +E(0)K (192.168.0.1)';
  it('reads a query line as an allowed DNS event', () => {
    expect(parseBind(Q, ctx)).toEqual({
      ok: true,
      entry: {
        at: '2026-12-01T10:00:00.123Z',
        client: '192.168.0.5',
        user: null,
        method: 'DNS',
        url: null,
        host: 'www.example.com',
        blocked: false,
        source: 'dns',
        filterCategory: null,
      },
    });
  });
  it('reads older forms, views, syslog and ISO times', () => {
    for (const line of [
      '01-Dec-2026 10:00:00.123 client 192.168.0.5#53211 (www.example.com): query: www.example.com IN A +E (192.168.0.1)',
      '01-Dec-2026 10:00:00.123 client 192.168.0.5#53211: query: www.example.com IN A +',
      '01-Dec-2026 10:00:00.123 queries: client @0x7f8b2c0 192.168.0.5#53211 (www.example.com): view internal: query: www.example.com IN A +E(0)K (192.168.0.1)',
      '01-Dec-2026 10:00:00.123 info: client @0x7f8b2c0 192.168.0.5#53211/key tsig-key (www.example.com): query: www.example.com IN A +SE(0)K (192.168.0.1)',
      'Dec  1 10:00:00 ns1 named[1234]: client @0x7f8b2c0 192.168.0.5#53211 (www.example.com): query: www.example.com IN A +E(0)K (192.168.0.1)',
      'Dec  1 10:00:00 ns1 named[1234]: queries: info: client @0x7f8b2c0 192.168.0.5#53211 (www.example.com): query: www.example.com IN A +E(0)K (192.168.0.1)',
      '2026-12-01T10:00:00.123Z queries: info: client @0x7f8b2c0 192.168.0.5#53211 (www.example.com): query: www.example.com IN A +E(0)K (192.168.0.1)',
      '2026-12-01T10:00:00.123 queries: info: client @0x7f8b2c0 192.168.0.5#53211 (www.example.com): query: www.example.com IN A +E(0)K (192.168.0.1)',
    ])
      expect(entryOf(parseBind(line, ctx)), line).toMatchObject({
        at: expect.stringMatching(/^2026-12-01T10:00:00/),
        client: '192.168.0.5',
        host: 'www.example.com',
        blocked: false,
      });
  });
  it('reads its own times in the school zone: GMT in December, BST in July', () => {
    expect(entryOf(parseBind(Q.replace('01-Dec-2026', '01-Jul-2026'), ctx)).at).toBe(
      '2026-07-01T09:00:00.123Z',
    );
  });
  it('reads RPZ rewrites that refuse the name as blocks; passthrough and log-only ones are skipped', () => {
    const rpz = (policy: string) =>
      `01-Dec-2026 10:00:01.000 rpz: info: client @0x7f8b2c0 192.168.0.5#53212 (www.bad.example): ${policy} rewrite www.bad.example/A/IN via www.bad.example.rpz.school`;
    expect(entryOf(parseBind(rpz('rpz QNAME NXDOMAIN'), ctx))).toMatchObject({
      client: '192.168.0.5',
      host: 'www.bad.example',
      blocked: true,
      filterCategory: 'RPZ QNAME NXDOMAIN via www.bad.example.rpz.school',
    });
    expect(parseBind(rpz('rpz QNAME Local-Data'), ctx)).toMatchObject({ ok: true, entry: { blocked: true } });
    expect(parseBind(rpz('rpz QNAME PASSTHRU'), ctx)).toEqual({ ok: 'skip' });
    expect(parseBind(rpz('disabled rpz QNAME NXDOMAIN'), ctx)).toEqual({ ok: 'skip' });
  });
  it('skips lines that are not about a query, and says what is wrong with a malformed one', () => {
    expect(
      parseBind('01-Dec-2026 10:00:00.000 general: info: zone school.lan/IN: loaded serial 2026120101', ctx),
    ).toEqual({
      ok: 'skip',
    });
    expect(
      parseBind(
        "01-Dec-2026 10:00:00.000 security: info: client @0x1 192.168.0.5#5 (x.example): query (cache) 'x.example/A/IN' denied",
        ctx,
      ),
    ).toEqual({ ok: 'skip' });
    expect(parseBind('hello', ctx)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^not a BIND line/),
    });
    expect(parseBind('01-Foo-2026 10:00:00.000 client 192.168.0.5#5: query: a IN A +', ctx)).toEqual({
      ok: false,
      reason: '"Foo" is not a month',
    });
  });
  it('read as a file, joins a query and its RPZ rewrite into one blocked event', () => {
    const { entries } = readAll('bind', [
      Q,
      '01-Dec-2026 10:00:01.000 queries: info: client @0x7f8b2c0 192.168.0.5#53212 (www.bad.example): query: www.bad.example IN A +E(0)K (192.168.0.1)',
      '01-Dec-2026 10:00:01.001 queries: info: client @0x7f8b3d0 192.168.0.6#40000 (www.example.org): query: www.example.org IN A +E(0)K (192.168.0.1)',
      '01-Dec-2026 10:00:01.002 rpz: info: client @0x7f8b2c0 192.168.0.5#53212 (www.bad.example): rpz QNAME NXDOMAIN rewrite www.bad.example/A/IN via www.bad.example.rpz.school',
    ]);
    expect(entries.map((e) => [e.host, e.blocked])).toEqual([
      ['www.example.com', false],
      ['www.bad.example', true],
      ['www.example.org', false],
    ]);
  });
});

// FortiGate: FortiOS Log Message Reference, webfilter (logid 0316013056 "URL belongs to a denied
// category in policy", 0316013057 allowed); FortiOS 5.6 writes bare values and a path-only url.
describe('FortiGate web filter', () => {
  const BLOCKED =
    'date=2026-12-01 time=10:00:00 devname="FGT60F" devid="FGT60FTK0000001" logid="0316013056" type="utm" subtype="webfilter" eventtype="ftgd_blk" level="warning" vd="root" eventtime=1796119200123456789 tz="+0000" policyid=1 sessionid=12345 srcip=192.168.0.5 srcport=50000 srcintf="port1" dstip=203.0.113.10 dstport=443 dstintf="wan1" proto=6 service="HTTPS" hostname="www.bad.example" profile="pupils" action="blocked" reqtype="direct" url="https://www.bad.example/path?q=x" sentbyte=100 rcvdbyte=0 direction="outgoing" msg="URL belongs to a denied category in policy" method="domain" cat=26 catdesc="Malicious Websites" user="alice"';
  it('reads a blocked request: whole URL, user, category, nanosecond eventtime', () => {
    expect(parseFortigate(BLOCKED, ctx)).toEqual({
      ok: true,
      entry: {
        at: '2026-12-01T10:00:00.123Z',
        client: '192.168.0.5',
        user: 'alice',
        method: '-',
        url: 'https://www.bad.example/path?q=x',
        host: 'www.bad.example',
        blocked: true,
        source: 'proxy',
        filterCategory: 'Malicious Websites',
      },
    });
  });
  it('reads an allowed request behind a syslog header, quoted values holding spaces and =', () => {
    const line = `Dec  1 10:00:00 fw01 ${BLOCKED.replace('action="blocked"', 'action="passthrough"')
      .replace('eventtype="ftgd_blk"', 'eventtype="ftgd_allow"')
      .replace('catdesc="Malicious Websites"', 'catdesc="Education"')
      .replace(
        'msg="URL belongs to a denied category in policy"',
        'msg="a=b c \\"quoted\\""',
      )} httpmethod="GET"`;
    expect(entryOf(parseFortigate(line, ctx))).toMatchObject({
      blocked: false,
      method: 'GET',
      filterCategory: 'Education',
    });
    expect(
      entryOf(parseFortigate(BLOCKED.replace('action="blocked"', 'action="monitor"'), ctx)).blocked,
    ).toBe(false);
  });
  it('builds the whole URL from service, hostname and port when url is a path (FortiOS 5.6-6.0)', () => {
    const old =
      'date=2026-07-01 time=10:00:00 logid=0316013056 type=utm subtype=webfilter eventtype=ftgd_blk level=warning vd="root" sessionid=58014 user="" srcip=192.168.0.5 srcport=48676 srcintf="port1" dstip=203.0.113.10 dstport=80 dstintf="wan1" proto=6 service=HTTP hostname="www.bad.example" profile="default" action=blocked reqtype=direct url="/videos/1" sentbyte=120 rcvdbyte=948 direction=outgoing msg="URL belongs to a denied category in policy" method=domain cat=25 catdesc="Streaming Media and Download"';
    expect(entryOf(parseFortigate(old, ctx))).toMatchObject({
      // No eventtime and no tz: the date and time are the school's wall clock, BST in July.
      at: '2026-07-01T09:00:00.000Z',
      url: 'http://www.bad.example/videos/1',
      user: null,
      blocked: true,
    });
    expect(entryOf(parseFortigate(old.replace('dstport=80', 'dstport=8080'), ctx)).url).toBe(
      'http://www.bad.example:8080/videos/1',
    );
    expect(
      entryOf(
        parseFortigate(
          old.replace('service=HTTP', 'service=HTTPS').replace('dstport=80', 'dstport=443'),
          ctx,
        ),
      ).url,
    ).toBe('https://www.bad.example/videos/1');
    // FortiOS 6.0: eventtime in seconds.
    expect(entryOf(parseFortigate(`${old} eventtime=1796119200`, ctx)).at).toBe('2026-12-01T10:00:00.000Z');
    expect(entryOf(parseFortigate(old.replace('time=10:00:00', 'time=10:00:00 tz="+0100"'), ctx)).at).toBe(
      '2026-07-01T09:00:00.000Z',
    );
  });
  it('skips other subtypes', () => {
    expect(
      parseFortigate(
        'date=2026-12-01 time=10:00:00 logid="0000000013" type="traffic" subtype="forward" level="notice" srcip=192.168.0.5 action="accept"',
        ctx,
      ),
    ).toEqual({ ok: 'skip' });
    expect(
      parseFortigate(
        'date=2026-12-01 time=10:00:00 logid="1501054802" type="utm" subtype="dns" qname="x.example"',
        ctx,
      ),
    ).toEqual({
      ok: 'skip',
    });
  });
  it('says what is wrong with a malformed line', () => {
    expect(parseFortigate(BLOCKED.replace('user="alice"', 'user="alice'), ctx)).toEqual({
      ok: false,
      reason: 'not a FortiGate log line: the quoted value of user is not closed',
    });
    expect(parseFortigate(BLOCKED.replace('action="blocked"', 'action="shrug"'), ctx)).toEqual({
      ok: false,
      reason: 'action "shrug" is neither a block nor a pass',
    });
    expect(parseFortigate(BLOCKED.replace('srcip=192.168.0.5 ', ''), ctx)).toEqual({
      ok: false,
      reason: 'has no srcip',
    });
    expect(parseFortigate('no pairs here', ctx)).toEqual({
      ok: false,
      reason: 'not a FortiGate log line: has no key=value pairs',
    });
    expect(parseFortigate('a=1 b=2', ctx)).toEqual({
      ok: false,
      reason: 'not a FortiGate log line: no type, subtype or logid',
    });
    expect(
      parseFortigate(
        'Dec 27 11:23:49 FGT CEF: 0|Fortinet|Fortigate|v6.0.3|13056|utm:webfilter ftgd_blk blocked|4|src=1.2.3.4',
        ctx,
      ),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/CEF/) });
  });
});

/** A small seeded generator, so a failure here can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLES: Record<LogFormat, string> = {
  squid:
    '1796119200.250    120 192.168.0.5 TCP_MISS/200 5120 GET http://www.example.com/ - HIER_DIRECT/93.184.216.34 text/html',
  'squid-combined':
    '192.168.0.5 - bob [01/Dec/2026:10:00:00 +0000] "GET http://www.example.com/ HTTP/1.1" 200 10 "-" "Mozilla/5.0" TCP_MISS:HIER_DIRECT',
  e2guardian: E2_DENIED,
  unbound:
    '[1796119200] unbound[1234:0] info: bad.example. always_nxdomain 192.168.0.5@53211 www.bad.example. A IN',
  dnsmasq: 'Dec  1 10:00:02 dnsmasq[812]: 18 192.168.0.7/53211 config www.bad.example is NXDOMAIN',
  bind: '01-Dec-2026 10:00:00.123 queries: info: client @0x7f8b2c0 192.168.0.5#53211 (www.example.com): query: www.example.com IN A +E(0)K (192.168.0.1)',
  fortigate:
    'date=2026-12-01 time=10:00:00 logid="0316013056" type="utm" subtype="webfilter" eventtime=1796119200123456789 srcip=192.168.0.5 service="HTTPS" hostname="www.bad.example" action="blocked" url="/x" catdesc="Malicious Websites"',
};

function wellFormed(r: LogLineResult): void {
  if (r.ok === true) {
    expect(Number.isNaN(Date.parse(r.entry.at))).toBe(false);
    expect(r.entry.host).not.toBe('');
    expect(r.entry.host).toBe(r.entry.host.toLowerCase());
  } else if (r.ok === false) {
    expect(typeof r.reason).toBe('string');
    expect(r.reason.length).toBeGreaterThan(0);
    expect(r.reason.length).toBeLessThan(300);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is that reasons carry none
    expect(r.reason).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  } else expect(r).toEqual({ ok: 'skip' });
}

describe('any input', () => {
  it('every sample reads as an entry (so the fuzzing below starts from real lines)', () => {
    for (const f of LOG_FORMAT_IDS) expect(LOG_FORMATS[f](SAMPLES[f], ctx).ok, f).toBe(true);
  });
  it('never throws on random bytes, mangled lines, huge or empty lines, or odd contexts', () => {
    const next = rng(20261201);
    const decoder = new TextDecoder('utf-8');
    const inputs: string[] = [
      '',
      ' ',
      '\t',
      '\r\n',
      '\uFEFF',
      'x'.repeat(200_000),
      '"'.repeat(5000),
      '='.repeat(5000),
    ];
    for (let i = 0; i < 150; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(next() * 300) }, () => Math.floor(next() * 256));
      inputs.push(decoder.decode(bytes));
      inputs.push(String.fromCharCode(...bytes));
    }
    for (const f of LOG_FORMAT_IDS) {
      const sample = SAMPLES[f];
      for (let i = 0; i < 100; i++) {
        const chars = [...sample];
        for (let k = 0; k < 1 + Math.floor(next() * 4); k++) {
          const at = Math.floor(next() * chars.length);
          const op = next();
          if (op < 0.4) chars[at] = String.fromCharCode(Math.floor(next() * 0x3000));
          else if (op < 0.7) chars.splice(at, Math.floor(next() * 10));
          else
            chars.splice(
              at,
              0,
              ...'\t "=[]:#@/'.charAt(Math.floor(next() * 11)).repeat(1 + Math.floor(next() * 3)),
            );
        }
        inputs.push(chars.join(''));
      }
    }
    const contexts: LogContext[] = [
      ctx,
      { year: Number.NaN, timeZone: 'Nowhere/Else' },
      { year: 99999, timeZone: '' },
    ];
    for (const f of LOG_FORMAT_IDS) {
      for (const c of contexts) {
        const read = createLogParser(f, c);
        // A throw fails the test by itself; wellFormed checks the shape of what came back.
        for (const input of inputs) {
          wellFormed(LOG_FORMATS[f](input, c));
          wellFormed(read(input));
        }
        expect(() => read.end()).not.toThrow();
      }
      // Not even a string.
      expect(LOG_FORMATS[f](undefined as unknown as string, ctx)).toEqual({
        ok: false,
        reason: 'is not text',
      });
    }
  });
});
