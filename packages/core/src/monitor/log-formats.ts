/**
 * Log lines of filters a school already has, read into one shape. Pure: a line in, an entry, a
 * skip or a reason out; no input ever throws.
 *
 * Proxies and web filters (`source: 'proxy'`):
 *
 * - Squid native: `time elapsed client code/status bytes method URL user hierarchy/peer type`
 *     1286536308.779    180 192.168.0.224 TCP_MISS/200 411 GET http://www.google.com/ - DIRECT/74.125.39.104 text/html
 * - Squid combined (Apache-like):
 *     192.168.0.224 - alice [10/Oct/2010:13:55:36 +0000] "GET http://example.org/ HTTP/1.1" 200 2326 "-" "Mozilla/5.0" TCP_MISS:HIER_DIRECT
 * - e2guardian `logfileformat = 6`, "Protex format with server field blanked" (configs/e2guardian.conf.in;
 *   written by log_listener in src/FatController.cpp, v5.x). One line, tab-separated:
 *     time(unix.ms) server(empty in 6) user from [clienthost] URL method status size mimetype
 *     useragent - duration(ms) - message-no reason weight category group-name group-number
 *   From v5.4 the client is one column (the host name, else the address) unless
 *   `logclientnameandip` is on (its default), which writes both: so 19 or 20 fields. A denied
 *   request's reason starts with `*DENIED*` (`*DENIED-POST*`, `*DENIED-PARAMS*`); an infected
 *   download's with `*INFECTED*`. Both count as blocked. The markers come from the language file
 *   (messages 52 and 53), so this reads the English ones.
 * - FortiGate web filter (FortiOS Log Message Reference, "webfilter" subtype): key=value pairs,
 *   values quoted or bare, optionally after a syslog header. FortiOS 5.6-6.0 log `url` as a path
 *   only; the whole address is then built from `service`, `hostname` and `dstport`. Lines of
 *   other subtypes are skipped.
 *
 * DNS resolvers (`source: 'dns'`, method `DNS`, no URL):
 *
 * - unbound (util/log.c, util/net_help.c, services/localzone.c): `log-queries` lines
 *   `client name. TYPE CLASS`, `log-replies` lines `client name. TYPE CLASS RCODE secs cached size`,
 *   `log-local-actions` lines `zone. action client@port name. TYPE CLASS`; each after
 *   `[unixtime] unbound[pid:thread] info: `, or a `log-time-ascii` time, or a syslog header.
 *   Local actions that refuse a name (deny, refuse, redirect, always_nxdomain, always_null, ...)
 *   are blocks. `static` is not: a static zone answers from local data first, so it serves a
 *   school's own names as often as it blocks.
 * - dnsmasq (src/cache.c log_query): `query[A] name from client` after a syslog header, and with
 *   `log-queries=extra` a serial number and the requestor (`17 192.168.0.5/53211 query[A] ...`).
 *   Only query lines are events. An answer from the configuration that refuses the name (`config
 *   name is 0.0.0.0`, `::`, `NXDOMAIN`, `NODATA`), from a hosts file with 0.0.0.0 or ::, or a
 *   Pi-hole block (`gravity blocked`, `regex blacklisted`, ...) marks its query as blocked.
 * - BIND 9 (lib/ns/client.c ns_client_logv, lib/ns/query.c): `client @0x… addr#port (name):
 *   [view v: ]query: name CLASS TYPE flags (server)`, older versions without `@0x…` or `(name)`,
 *   after BIND's own time, an ISO time or a syslog header, with or without `category: severity:`.
 *   RPZ rewrites (`rpz QNAME NXDOMAIN rewrite name/TYPE/CLASS via owner`) that refuse the name
 *   are blocks; PASSTHRU, TCP-Only and `disabled` (log-only) ones are not.
 *
 * A DNS resolver writes a blocked query twice: the query line, then the line that says it was
 * refused (unbound's local action, dnsmasq's config answer, BIND's RPZ rewrite). Read one line at
 * a time (LOG_FORMATS) that is an allowed event and then a blocked one, and dnsmasq's config line
 * names no client at all. So a file should be read with createLogParser, which holds each DNS
 * event back for the next 64 lines to let the refusal join it, and hands over what it still holds
 * when told the file has ended.
 *
 * Times without a zone (syslog, BIND, dnsmasq, unbound's ascii time, FortiGate without `tz`) are
 * wall-clock times in `ctx.timeZone`; an hour that happens twice in autumn is read as the first.
 * Syslog times have no year: `ctx.year` is the year of the file's first line, and
 * createLogParser moves to the next year when the months wrap from December to January.
 */

import { instantOf } from '../filter/timetable.ts';

export interface LogEntry {
  /** ISO 8601, UTC. */
  at: string;
  /** The client's address (or the host name the log gives instead). */
  client: string;
  user: string | null;
  /** The HTTP method; `DNS` for a DNS query; `-` where the log does not name one. */
  method: string;
  /** The whole address where the log has one; for CONNECT, `host:port`; null for DNS. */
  url: string | null;
  /** Lower case, no trailing dot. */
  host: string;
  /** Refused by the school's filter. */
  blocked: boolean;
  source: 'proxy' | 'dns';
  /** The school's own filter's category or reason, where the log names one (FortiGate catdesc, e2guardian's reason) */
  filterCategory?: string | null;
}

/** For formats whose times lack a year or a zone (syslog); times are local to timeZone. */
export interface LogContext {
  year: number;
  timeZone: string;
}

export type LogLineResult =
  | { ok: true; entry: LogEntry }
  /** A malformed line: a short, precise reason. */
  | { ok: false; reason: string }
  /** A well-formed line that is not a request (a dnsmasq reply, a startup message, ...). */
  | { ok: 'skip' };

/** One line on its own. */
export type LogParser = (line: string, ctx: LogContext) => LogLineResult;

export type LogFormat =
  | 'squid'
  | 'squid-combined'
  | 'e2guardian'
  | 'unbound'
  | 'dnsmasq'
  | 'bind'
  | 'fortigate';

export const LOG_FORMAT_IDS: readonly LogFormat[] = [
  'squid',
  'squid-combined',
  'e2guardian',
  'unbound',
  'dnsmasq',
  'bind',
  'fortigate',
];

/** Reads one file, line by line, in order. */
export interface LogReader {
  (line: string): LogLineResult;
  /** After the last line: the entries still held back, waiting for a line that might block them. */
  end(): LogEntry[];
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

const SKIP: LogLineResult = { ok: 'skip' };
const bad = (reason: string): LogLineResult => ({ ok: false, reason });
const good = (entry: LogEntry): LogLineResult => ({ ok: true, entry });

/** A piece of the line, quoted and escaped, so a reason never carries control bytes or a megabyte. */
const quote = (s: string, n = 40): string => JSON.stringify(s.length > n ? `${s.slice(0, n)}…` : s);

/** Longer than any real log line; past it, a regular expression is not worth the risk. */
const MAX_LINE = 100_000;

function isoAt(ms: number): string | null {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null;
}

const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Milliseconds from a fraction of a second written with any number of digits. */
const fracMs = (frac: string | undefined): number => (frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0);

function validDate(y: number, month: number, d: number): boolean {
  if (!Number.isInteger(y) || y < 1000 || y > 9999 || month < 0 || month > 11 || d < 1) return false;
  return d <= new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
}

/** Where a file's times come from: its zone, and (for yearless syslog times) its year. */
class Clock {
  private lastMonth = -1;
  constructor(
    readonly timeZone: string,
    private year: number,
    private readonly rolls: boolean,
  ) {}

  /** The year of a yearless time in `month`: a file that runs from December into January moves on. */
  yearOf(month: number): number {
    if (this.rolls) {
      if (this.lastMonth >= 0 && month < this.lastMonth - 6) this.year++;
      this.lastMonth = month;
    }
    return this.year;
  }
}

// Intl costs microseconds a call and a log has a million lines: one lookup per wall-clock minute.
const minuteCache = new Map<string, number>();
const unknownZones = new Set<string>();

/** UTC milliseconds of a wall-clock time in a zone, or why not. */
function localToUtc(
  timeZone: string,
  y: number,
  month: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): number | string {
  if (!validDate(y, month, d) || h > 23 || mi > 59 || s > 60)
    return `${y}-${pad2(month + 1)}-${pad2(d)} ${pad2(h)}:${pad2(mi)}:${pad2(s)} is not a time`;
  const wall = `${y}-${pad2(month + 1)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}`;
  const key = `${timeZone}|${wall}`;
  let base = minuteCache.get(key);
  if (base === undefined) {
    if (unknownZones.has(timeZone)) return `${quote(String(timeZone))} is not a time zone this system knows`;
    try {
      base = instantOf(timeZone, wall).getTime();
    } catch {
      if (unknownZones.size < 64) unknownZones.add(timeZone);
      return `${quote(String(timeZone))} is not a time zone this system knows`;
    }
    if (!Number.isFinite(base)) return `${quote(String(timeZone))} is not a time zone this system knows`;
    if (minuteCache.size >= 4096) minuteCache.clear();
    minuteCache.set(key, base);
  }
  return base + s * 1000 + ms;
}

/** UTC milliseconds of a time written with its offset (`Z`, `+0100`, `+01:00`). */
function zonedToUtc(
  y: number,
  month: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  zone: string,
): number | string {
  if (!validDate(y, month, d) || h > 23 || mi > 59 || s > 60)
    return `${y}-${pad2(month + 1)}-${pad2(d)} ${pad2(h)}:${pad2(mi)}:${pad2(s)} is not a time`;
  let offset = 0;
  if (zone !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (!z || Number(z[2]) > 14 || Number(z[3]) > 59) return `${quote(zone)} is not a UTC offset`;
    offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 60_000;
  }
  return Date.UTC(y, month, d, h, mi, s, ms) - offset;
}

const BSD_TIME = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? +(.*)$/;
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})? +(.*)$/;

/** Why a line could not be read: `shape` when it is not this kind of line at all. */
interface Fail {
  fail: string;
  shape: boolean;
}

/** A syslog time (`Dec  1 10:00:00`, or rsyslog's RFC 3339) at the start of a line, and the rest. */
function leadingTime(line: string, clock: Clock): { at: number; rest: string } | Fail {
  let m = BSD_TIME.exec(line);
  if (m) {
    const month = MONTHS[m[1]!];
    if (month === undefined) return { fail: `${quote(m[1]!)} is not a month`, shape: false };
    const at = localToUtc(
      clock.timeZone,
      clock.yearOf(month),
      month,
      Number(m[2]),
      Number(m[3]),
      Number(m[4]),
      Number(m[5]),
      fracMs(m[6]),
    );
    return typeof at === 'string' ? { fail: at, shape: false } : { at, rest: m[7]! };
  }
  m = ISO_TIME.exec(line);
  if (m) {
    const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const ms = fracMs(m[7]);
    const at = m[8]
      ? zonedToUtc(y, mo - 1, d, h, mi, s, ms, m[8])
      : localToUtc(clock.timeZone, y, mo - 1, d, h, mi, s, ms);
    return typeof at === 'string' ? { fail: at, shape: false } : { at, rest: m[9]! };
  }
  return { fail: 'does not start with a syslog time (e.g. "Dec  1 10:00:00")', shape: true };
}

// Host names hold no colon or bracket, so "dnsmasq[812]:" is never mistaken for one.
const SYSLOG_TAG = /^(?:([^\s:[\]]+) )?([^\s:[\]]+)(?:\[(\d+)\])?: (.*)$/;

/** `time [host] program[pid]: message`. */
function syslogHead(line: string, clock: Clock): { at: number; program: string; msg: string } | Fail {
  const t = leadingTime(line, clock);
  if ('fail' in t) return t;
  const m = SYSLOG_TAG.exec(t.rest);
  if (!m) return { fail: 'has no program name after its time (e.g. "dnsmasq[812]:")', shape: true };
  return { at: t.at, program: m[2]!, msg: m[4]! };
}

function isIpv4(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((p) => Number(p) <= 255);
}

function isIp(s: string): boolean {
  if (isIpv4(s)) return true;
  return /^[0-9a-fA-F:]*:[0-9a-fA-F:.]*(?:%[\w.-]+)?$/.test(s) && s.length <= 60;
}

/** A DNS name as a host: lower case, no trailing dot; null for the root or something not a name. */
function dnsHost(name: string): string | null {
  const h = name.toLowerCase().replace(/\.$/, '');
  return h && h.length <= 1024 && !/[\s/]/.test(h) ? h : null;
}

function hostOf(method: string, url: string): string | null {
  if (method === 'CONNECT') {
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(url);
    return m?.[1]?.toLowerCase() ?? null;
  }
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase() || null;
  } catch {
    return null;
  }
}

function squidUser(u: string | undefined): string | null {
  if (!u || u === '-') return null;
  try {
    return decodeURIComponent(u);
  } catch {
    return u;
  }
}

// ---------------------------------------------------------------------------------------------
// Squid

function squidNative(line: string): LogLineResult {
  const f = line.trim().split(/\s+/);
  if (f.length < 7) return bad(`expected at least 7 fields, found ${f.length}`);
  const [time, , client, codeStatus, , method, url, rfc931] = f as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string?,
  ];
  const t = Number(time);
  if (!Number.isFinite(t) || t <= 0) return bad(`${quote(time, 30)} is not a Unix time`);
  if (!/^[A-Z_]+\/\d{3}$/.test(codeStatus))
    return bad(`${quote(codeStatus, 30)} is not a Squid result code/status`);
  const host = hostOf(method, url);
  if (!host) return bad(`${quote(url, 60)} is not an address`);
  const at = isoAt(Math.round(t * 1000));
  if (!at) return bad(`${quote(time, 30)} is not a Unix time`);
  const [code, status] = codeStatus.split('/');
  return good({
    at,
    client,
    user: squidUser(rfc931),
    method,
    url,
    host,
    blocked: code === 'TCP_DENIED' || status === '403',
    source: 'proxy',
    filterCategory: null,
  });
}

function squidCombined(line: string): LogLineResult {
  const m =
    /^(\S+) \S+ (\S+) \[(\d{2})\/(\w{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-]\d{4})\] "(\S+) (\S+)(?: [^"]*)?" (\d{3}) \S+(?: "[^"]*" "[^"]*")?(?: (\S+))?/.exec(
      line.trim(),
    );
  if (!m) return bad('not in the combined format (client ident user [time] "request" status bytes ...)');
  const [, client, u, dd, mon, yyyy, hh, mi, ss, zone, method, url, status, squid] = m as unknown as string[];
  const month = MONTHS[mon!];
  if (month === undefined) return bad(`${quote(mon!)} is not a month`);
  const t = zonedToUtc(Number(yyyy), month, Number(dd), Number(hh), Number(mi), Number(ss), 0, zone!);
  if (typeof t === 'string') return bad(t);
  const host = hostOf(method!, url!);
  if (!host) return bad(`${quote(url!, 60)} is not an address`);
  return good({
    at: isoAt(t)!,
    client: client!,
    user: squidUser(u),
    method: method!,
    url: url!,
    host,
    blocked: (squid ?? '').startsWith('TCP_DENIED') || status === '403',
    source: 'proxy',
    filterCategory: null,
  });
}

// ---------------------------------------------------------------------------------------------
// e2guardian, logfileformat 6

const E2_METHOD = /^[A-Z][A-Z0-9_-]{0,19}$/;
const E2_STATUS = /^\d{3}$/;
const blank = (s: string | undefined) => !s || s === '-';

function e2guardianLine(line: string, clock: Clock): LogLineResult {
  let text = line.replace(/[\r\n]+$/, '');
  // With logsyslog on, each line arrives behind a syslog header.
  if (!/^\d{1,12}(?:\.\d{1,3})?\t/.test(text)) {
    const h = syslogHead(text, clock);
    if ('fail' in h)
      return bad(
        h.shape ? `not an e2guardian line: it neither starts with a Unix time nor ${h.fail}` : h.fail,
      );
    text = h.msg;
  }
  const f = text.split('\t');
  if (f.length < 19)
    return bad(`expected 19 or 20 tab-separated fields (e2guardian logfileformat 6), found ${f.length}`);
  // Where the address sits: after two client columns (logclientnameandip on) or one.
  let w: number;
  if (E2_METHOD.test(f[6]!) && E2_STATUS.test(f[7]!)) w = 5;
  else if (E2_METHOD.test(f[5]!) && E2_STATUS.test(f[6]!)) w = 4;
  else return bad('no method and HTTP status where logfileformat 6 puts them (fields 7-8, or 6-7)');
  if (f.length < w + 15)
    return bad(`expected ${w + 15} tab-separated fields for this layout, found ${f.length}`);

  const time = f[0]!;
  if (!/^\d{1,12}(?:\.\d{1,3})?$/.test(time)) return bad(`${quote(time, 30)} is not a Unix time`);
  const at = isoAt(Math.round(Number(time) * 1000));
  if (!at) return bad(`${quote(time, 30)} is not a Unix time`);

  const client = w === 5 ? (blank(f[3]) ? f[4]! : f[3]!) : f[3]!;
  if (blank(client)) return bad('names no client');
  const where = f[w]!;
  const method = f[w + 1]!;
  let url: string;
  let host: string | null;
  if (method === 'CONNECT') {
    const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(\[[^\]]+\]|[^/:\s]+)(?::(\d+))?/i.exec(where);
    host = m ? m[1]!.replace(/^\[|\]$/g, '').toLowerCase() : null;
    url = m ? `${m[1]!.toLowerCase()}:${m[2] ?? '443'}` : where;
  } else {
    url = where;
    host = hostOf(method, where);
  }
  if (!host) return bad(`${quote(where, 60)} is not an address`);

  const what = f[w + 10]!;
  const reason = what.replace(/^(?:\*[A-Z]+(?:-[A-Z]+)?\*\s*)+/, '').trim();
  const category = blank(f[w + 12]) ? '' : f[w + 12]!.trim();
  const said = blank(reason) ? '' : reason;
  const filterCategory =
    said && category && !said.includes(category) ? `${said} (${category})` : said || category || null;
  return good({
    at,
    client,
    user: blank(f[2]) ? null : f[2]!,
    method,
    url,
    host,
    blocked: /\*(?:DENIED|INFECTED)(?:-[A-Z]+)?\*/.test(what),
    source: 'proxy',
    filterCategory,
  });
}

// ---------------------------------------------------------------------------------------------
// FortiGate web filter

/** key=value pairs; a quoted value may hold spaces, `=` and escaped quotes. */
function keyValues(text: string): Map<string, string> | string {
  const start = /(?:^|[\s>])([A-Za-z_][\w-]*)=/.exec(text);
  if (!start) return 'has no key=value pairs';
  const out = new Map<string, string>();
  const key = /[A-Za-z_][\w-]*=/y;
  let i = start.index + (start[0].length - start[1]!.length - 1);
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= n) break;
    key.lastIndex = i;
    const k = key.exec(text);
    if (!k) return `expected key=value at ${quote(text.slice(i, i + 30))}`;
    const name = k[0].slice(0, -1);
    i += k[0].length;
    let value: string;
    if (text[i] === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= n) return `the quoted value of ${name} is not closed`;
      value = text.slice(i + 1, j).replace(/\\(.)/g, '$1');
      i = j + 1;
    } else {
      let j = i;
      while (j < n && text[j] !== ' ' && text[j] !== '\t') j++;
      value = text.slice(i, j);
      i = j;
    }
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

// A warning or login page holds the request back, so those count as refusals too.
const FORTI_BLOCK = new Set(['blocked', 'block', 'deny', 'denied', 'dropped', 'warning', 'authenticate']);
const FORTI_PASS = new Set(['passthrough', 'pass', 'monitor', 'allowed', 'allow', 'exempt', 'accept']);

function fortigateTime(kv: Map<string, string>, clock: Clock): number | string {
  const ev = kv.get('eventtime');
  if (ev && /^\d{1,20}$/.test(ev)) {
    // Seconds on FortiOS 6.0, nanoseconds from 6.2; milli- and microseconds in between, by size.
    const digits = ev.replace(/^0+(?=\d)/, '');
    const cut = digits.length > 17 ? 6 : digits.length > 14 ? 3 : 0;
    const value = Number(digits.slice(0, digits.length - cut));
    return digits.length > 11 ? value : value * 1000;
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(kv.get('date') ?? '');
  const time = /^(\d{2}):(\d{2}):(\d{2})$/.exec(kv.get('time') ?? '');
  if (!date || !time) return 'has neither eventtime nor date and time';
  const [y, mo, d] = date.slice(1).map(Number) as [number, number, number];
  const [h, mi, s] = time.slice(1).map(Number) as [number, number, number];
  const tz = kv.get('tz');
  return tz
    ? zonedToUtc(y, mo - 1, d, h, mi, s, 0, tz)
    : localToUtc(clock.timeZone, y, mo - 1, d, h, mi, s, 0);
}

function fortigateLine(line: string, clock: Clock): LogLineResult {
  if (/(?:^|\s)CEF: ?\d\|/.test(line))
    return bad('is in CEF; set the FortiGate to send its logs in the default (key=value) format');
  const kv = keyValues(line);
  if (typeof kv === 'string') return bad(`not a FortiGate log line: ${kv}`);
  if (!kv.has('type') && !kv.has('subtype') && !kv.has('logid'))
    return bad('not a FortiGate log line: no type, subtype or logid');
  if (kv.get('subtype') !== 'webfilter' && kv.get('type') !== 'webfilter') return SKIP;

  const action = (kv.get('action') ?? '').toLowerCase();
  let blocked: boolean;
  if (FORTI_BLOCK.has(action)) blocked = true;
  else if (FORTI_PASS.has(action)) blocked = false;
  else return bad(action ? `action ${quote(action)} is neither a block nor a pass` : 'has no action');

  const client = kv.get('srcip') ?? '';
  if (!client) return bad('has no srcip');

  const service = (kv.get('service') ?? '').toUpperCase();
  const port = kv.get('dstport') ?? '';
  const scheme = service === 'HTTPS' || (service !== 'HTTP' && port === '443') ? 'https' : 'http';
  const hostname = (kv.get('hostname') ?? '').trim();
  const raw = (kv.get('url') ?? '').trim();
  let url: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) url = raw;
  else if (raw && !raw.startsWith('/')) url = `${scheme}://${raw}`;
  else if (hostname) {
    const defaultPort = scheme === 'https' ? '443' : '80';
    const hostPart = hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname;
    const portPart = port && port !== defaultPort && /^\d+$/.test(port) ? `:${port}` : '';
    url = `${scheme}://${hostPart}${portPart}${raw || '/'}`;
  } else return bad('has neither a whole url nor a hostname');
  const host = (hostname ? hostname.replace(/^\[|\]$/g, '').toLowerCase() : null) ?? hostOf('GET', url);
  if (!host || !hostOf('GET', url)) return bad(`${quote(url, 60)} is not an address`);

  const t = fortigateTime(kv, clock);
  if (typeof t === 'string') return bad(t);
  const at = isoAt(t);
  if (!at) return bad(`${quote(kv.get('eventtime') ?? '', 30)} is not a time`);

  const named = (k: string) => {
    const v = (kv.get(k) ?? '').trim();
    return v && v !== 'N/A' ? v : null;
  };
  return good({
    at,
    client,
    user: named('user') ?? named('unauthuser'),
    // FortiOS's own `method` field says how the URL was rated (domain, ip), not the HTTP method.
    method: named('httpmethod') ?? '-',
    url,
    host,
    blocked,
    source: 'proxy',
    filterCategory: named('catdesc') ?? (blocked ? named('msg') : null),
  });
}

// ---------------------------------------------------------------------------------------------
// DNS resolvers: each line is classified, then read alone or paired with its query.

type DnsLine =
  /** A query: an event, which a later block line may turn into a block. */
  | { kind: 'query'; entry: LogEntry; key: string }
  /** unbound's log-replies line: an event only in a file that logs no queries. */
  | { kind: 'reply'; entry: LogEntry; key: string }
  /** The resolver refused the query with this key; `entry` where the line names the client. */
  | { kind: 'block'; key: string; entry: LogEntry | null; category: string; name: string }
  | { kind: 'other' }
  | { kind: 'bad'; reason: string };

const OTHER: DnsLine = { kind: 'other' };
const dnsBad = (reason: string): DnsLine => ({ kind: 'bad', reason });

function dnsEntry(at: number, client: string, host: string): LogEntry {
  return {
    at: isoAt(at)!,
    client,
    user: null,
    method: 'DNS',
    url: null,
    host,
    blocked: false,
    source: 'dns',
    filterCategory: null,
  };
}

const blockedEntry = (e: LogEntry, category: string): LogEntry => ({
  ...e,
  blocked: true,
  filterCategory: category,
});

// unbound ------------------------------------------------------------------------------------

const UNBOUND_FILE = /^\[(\d{1,12})\] (\S+?)\[(\d+):([0-9a-fA-F]+)\] ([a-z]+(?: error)?): (.*)$/;
const UNBOUND_IDENT = /^(\S+?)\[(\d+):([0-9a-fA-F]+)\] ([a-z]+(?: error)?): (.*)$/;
const UNBOUND_SYSLOG = /^(?:\[(\d+):([0-9a-fA-F]+)\] )?([a-z]+(?: error)?): (.*)$/;

// Local-zone types that answer with a refusal rather than with the name's data.
const UNBOUND_BLOCKS = new Set([
  'deny',
  'refuse',
  'redirect',
  'inform_deny',
  'inform_redirect',
  'always_refuse',
  'always_nxdomain',
  'always_null',
  'always_nodata',
  'always_deny',
  'block_a',
]);

function unboundLine(line: string, clock: Clock): DnsLine {
  let at: number;
  let type: string;
  let msg: string;
  const f = UNBOUND_FILE.exec(line);
  if (f) {
    at = Number(f[1]) * 1000;
    type = f[5]!;
    msg = f[6]!;
  } else {
    const t = leadingTime(line, clock);
    if ('fail' in t)
      return dnsBad(
        t.shape
          ? `not an unbound line: it neither starts with "[unixtime] unbound[pid:thread]" nor ${t.fail}`
          : t.fail,
      );
    at = t.at;
    const own = UNBOUND_IDENT.exec(t.rest);
    if (own) {
      type = own[4]!;
      msg = own[5]!;
    } else {
      const tag = SYSLOG_TAG.exec(t.rest);
      if (!tag) return dnsBad('has no "unbound[pid:thread]" or syslog program name after its time');
      if (!/unbound/i.test(tag[2]!)) return OTHER;
      const u = UNBOUND_SYSLOG.exec(tag[4]!);
      if (!u) return OTHER;
      type = u[3]!;
      msg = u[4]!;
    }
  }
  if (!isoAt(at)) return dnsBad(`${quote(String(at / 1000), 30)} is not a Unix time`);
  // log-tag-queryreply writes "query:" and "reply:" where it would write "info:".
  if (type !== 'info' && type !== 'query' && type !== 'reply') return OTHER;
  const tokens = msg.trim().split(' ');

  if (tokens.length === 6 && tokens[2]!.includes('@')) {
    const [zone, action, from, name, qtype] = tokens as [string, string, string, string, string];
    const ip = from.slice(0, from.lastIndexOf('@'));
    const host = dnsHost(name);
    if (!isIp(ip) || !host || !/^[a-z_]+$/.test(action)) return OTHER;
    if (!UNBOUND_BLOCKS.has(action)) return OTHER;
    return {
      kind: 'block',
      key: `${ip}|${host}|${qtype}`,
      entry: blockedEntry(dnsEntry(at, ip, host), `${action} (local-zone ${zone})`),
      category: `${action} (local-zone ${zone})`,
      name: host,
    };
  }
  if (tokens.length === 8 && isIp(tokens[0]!) && /^\d+\.\d+$/.test(tokens[5]!)) {
    const host = dnsHost(tokens[1]!);
    if (!host) return OTHER;
    return { kind: 'reply', entry: dnsEntry(at, tokens[0]!, host), key: `${tokens[0]}|${host}|${tokens[2]}` };
  }
  if (tokens.length === 4 && isIp(tokens[0]!) && tokens[1]!.endsWith('.')) {
    const host = dnsHost(tokens[1]!);
    // A query for the root zone is a resolver priming itself, not a visit.
    if (!host) return OTHER;
    return { kind: 'query', entry: dnsEntry(at, tokens[0]!, host), key: `${tokens[0]}|${host}|${tokens[2]}` };
  }
  return OTHER;
}

// dnsmasq ------------------------------------------------------------------------------------

const DNSMASQ_EXTRA = /^(\d+|\*) (?:(\S+)\/\d+ )?(.*)$/;
const DNSMASQ_QUERY = /^query\[([^\]\s]+)\] (\S+) from (\S+)/;
const DNSMASQ_ANSWER =
  /^(config|gravity blocked|exactly blacklisted|regex blacklisted|exactly denied|regex denied|special domain|\/\S+) (\S+) is (\S+)/;
const REFUSED_ANSWER = /^(?:0\.0\.0\.0|::|NXDOMAIN|NODATA(?:-IPv[46])?)$/;

function dnsmasqLine(line: string, clock: Clock): DnsLine {
  const h = syslogHead(line, clock);
  if ('fail' in h) return dnsBad(h.shape ? `not a dnsmasq line: it ${h.fail}` : h.fail);
  // A shared syslog file holds other programs' lines too.
  if (!/^(?:dnsmasq|pihole-FTL)$/i.test(h.program)) return OTHER;
  let msg = h.msg;
  let serial: string | null = null;
  let requestor: string | null = null;
  const x = DNSMASQ_EXTRA.exec(msg);
  if (x) {
    serial = x[1] === '*' ? null : x[1]!;
    requestor = x[2] ?? null;
    msg = x[3]!;
  }
  const q = DNSMASQ_QUERY.exec(msg);
  if (q) {
    const host = dnsHost(q[2]!);
    if (!host) return OTHER;
    if (!isIp(q[3]!)) return dnsBad(`${quote(q[3]!)} is not a client address`);
    return { kind: 'query', entry: dnsEntry(h.at, q[3]!, host), key: serial ? `#${serial}` : host };
  }
  const a = DNSMASQ_ANSWER.exec(msg);
  if (a) {
    const [, src, name, answer] = a as unknown as [string, string, string, string];
    const host = dnsHost(name);
    if (!host) return OTHER;
    const refused =
      src === 'config'
        ? REFUSED_ANSWER.test(answer)
        : src.startsWith('/')
          ? /^(?:0\.0\.0\.0|::)$/.test(answer)
          : true;
    if (!refused) return OTHER;
    const category = src === 'config' ? `config (${answer})` : src;
    return {
      kind: 'block',
      key: serial ? `#${serial}` : host,
      entry: requestor && isIp(requestor) ? blockedEntry(dnsEntry(h.at, requestor, host), category) : null,
      category,
      name: host,
    };
  }
  return OTHER;
}

// BIND ---------------------------------------------------------------------------------------

const BIND_TIME = /^(\d{2})-([A-Z][a-z]{2})-(\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))? (.*)$/;
const BIND_CLIENT =
  /^client (?:@(0x[0-9a-fA-F]+) )?(\S+?)#(\d+)(?:\/key \S+)?(?: \((\S*)\))?: (?:view ([^:\s]+): )?(.*)$/;
const BIND_QUERY = /^query: (\S+) (\S+) (\S+) [+-]\S*(?: \(\S+\))?/;
const BIND_RPZ = /^(disabled )?rpz (\S+) (\S+) rewrite (\S+?)(?:\/\S+)? via (\S+)/;
const RPZ_BLOCKS = new Set(['NXDOMAIN', 'NODATA', 'Local-Data', 'CNAME', 'DROP']);

function bindLine(line: string, clock: Clock): DnsLine {
  let at: number;
  let rest: string;
  const b = BIND_TIME.exec(line);
  if (b) {
    const month = MONTHS[b[2]!];
    if (month === undefined) return dnsBad(`${quote(b[2]!)} is not a month`);
    const t = localToUtc(
      clock.timeZone,
      Number(b[3]),
      month,
      Number(b[1]),
      Number(b[4]),
      Number(b[5]),
      Number(b[6]),
      fracMs(b[7]),
    );
    if (typeof t === 'string') return dnsBad(t);
    at = t;
    rest = b[8]!;
  } else {
    const t = leadingTime(line, clock);
    if ('fail' in t)
      return dnsBad(
        t.shape
          ? `not a BIND line: it neither starts with a BIND time (e.g. "01-Dec-2026 10:00:00.123") nor ${t.fail}`
          : t.fail,
      );
    at = t.at;
    // Through syslog: "host named[pid]: ".
    rest = t.rest.replace(/^(?:[^\s:[\]]+ )?[^\s:[\]]+\[\d+\]: /, '');
  }
  // "queries: info: " when the channel prints its category and severity.
  for (let i = 0; i < 2; i++) rest = rest.replace(/^[a-z][a-z0-9-]*(?: \d+)?: /, '');
  const c = BIND_CLIENT.exec(rest);
  if (!c) return OTHER;
  const [, , ip, port, paren, , msg] = c as unknown as [
    string,
    string,
    string,
    string,
    string | undefined,
    string | undefined,
    string,
  ];
  if (!isIp(ip)) return dnsBad(`${quote(ip)} is not a client address`);
  const q = BIND_QUERY.exec(msg);
  if (q) {
    const host = dnsHost(q[1]!);
    if (!host) return OTHER;
    return {
      kind: 'query',
      entry: dnsEntry(at, ip, host),
      key: `${ip}#${port}|${dnsHost(paren ?? '') ?? host}`,
    };
  }
  const r = BIND_RPZ.exec(msg);
  if (r) {
    const [, disabled, trigger, policy, name, via] = r as unknown as [
      string,
      string | undefined,
      string,
      string,
      string,
      string,
    ];
    if (disabled || !RPZ_BLOCKS.has(policy)) return OTHER;
    const host = dnsHost(paren ?? '') ?? dnsHost(name);
    if (!host) return OTHER;
    const category = `RPZ ${trigger} ${policy} via ${via}`;
    return {
      kind: 'block',
      key: `${ip}#${port}|${host}`,
      entry: blockedEntry(dnsEntry(at, ip, host), category),
      category,
      name: host,
    };
  }
  return OTHER;
}

/** A DNS line on its own: a block line is its own event, a reply line is not one. */
function alone(c: DnsLine): LogLineResult {
  switch (c.kind) {
    case 'query':
      return good(c.entry);
    case 'block':
      return c.entry
        ? good(c.entry)
        : bad(
            `names no client: the refusal of ${c.name} belongs to the query before it (read with createLogParser)`,
          );
    case 'bad':
      return bad(c.reason);
    default:
      return SKIP;
  }
}

/** How many lines a DNS event waits for the line that may block it. */
const PAIRING_WINDOW = 64;

/** Pairs each refusal with the query it refuses, so a blocked query is one blocked event. */
class DnsPairing {
  private pending: { entry: LogEntry; key: string; open: boolean }[] = [];
  /** Events already handed over, by key: a refusal that comes too late still finds its client. */
  private done = new Map<string, LogEntry>();
  private sawQuery = false;

  read(c: DnsLine): LogLineResult {
    switch (c.kind) {
      case 'bad':
        return bad(c.reason);
      case 'other':
        return SKIP;
      case 'query':
        this.sawQuery = true;
        return this.hold(c.entry, c.key, true);
      case 'reply':
        // Replies count only where queries are not logged; otherwise each query would count twice.
        if (this.sawQuery || this.seen(c.key)) return SKIP;
        return this.hold(c.entry, c.key, true);
      case 'block': {
        for (let i = this.pending.length - 1; i >= 0; i--) {
          const p = this.pending[i]!;
          if (p.open && p.key === c.key) {
            p.entry = blockedEntry(p.entry, c.category);
            p.open = false;
            return SKIP;
          }
        }
        // A second refusal line for one query (an answer of several records) adds nothing.
        const gone = this.done.get(c.key);
        if (this.pending.some((p) => p.key === c.key && p.entry.blocked) || gone?.blocked) return SKIP;
        // Its query was handed over already (over 64 lines back, or before end()): the block
        // still counts, as an event of its own.
        const entry = c.entry ?? (gone ? blockedEntry(gone, c.category) : null);
        if (!entry) return bad(`names no client, and no query for ${c.name} came before it`);
        return this.hold(entry, c.key, false);
      }
    }
  }

  end(): LogEntry[] {
    const out = this.pending;
    this.pending = [];
    for (const p of out) this.remember(p.key, p.entry);
    return out.map((p) => p.entry);
  }

  private seen(key: string): boolean {
    return this.done.has(key) || this.pending.some((p) => p.key === key);
  }

  private hold(entry: LogEntry, key: string, open: boolean): LogLineResult {
    this.pending.push({ entry, key, open });
    if (this.pending.length <= PAIRING_WINDOW) return SKIP;
    const out = this.pending.shift()!;
    this.remember(out.key, out.entry);
    return good(out.entry);
  }

  private remember(key: string, entry: LogEntry): void {
    this.done.delete(key);
    this.done.set(key, entry);
    if (this.done.size > PAIRING_WINDOW * 4) this.done.delete(this.done.keys().next().value!);
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points

type LineReader = (line: string, clock: Clock) => LogLineResult;

const DNS_CLASSIFIERS = {
  unbound: unboundLine,
  dnsmasq: dnsmasqLine,
  bind: bindLine,
} satisfies Partial<Record<LogFormat, (line: string, clock: Clock) => DnsLine>>;

const LINE_READERS: Record<LogFormat, LineReader> = {
  squid: (line) => squidNative(line),
  'squid-combined': (line) => squidCombined(line),
  e2guardian: e2guardianLine,
  fortigate: fortigateLine,
  unbound: (line, clock) => alone(unboundLine(line, clock)),
  dnsmasq: (line, clock) => alone(dnsmasqLine(line, clock)),
  bind: (line, clock) => alone(bindLine(line, clock)),
};

/** The guard every reader goes through: whatever arrives, a result comes back. */
function guarded(line: unknown, read: (line: string) => LogLineResult): LogLineResult {
  if (typeof line !== 'string') return bad('is not text');
  if (line.length > MAX_LINE)
    return bad(`is ${line.length} characters long; the most this reads is ${MAX_LINE}`);
  const text = line.replace(/^\uFEFF/, '').replace(/[\r\n]+$/, '');
  if (text.trim() === '') return bad('is empty');
  try {
    return read(text);
  } catch (e) {
    return bad(`could not be read (${e instanceof Error ? e.message.slice(0, 80) : 'unknown error'})`);
  }
}

function clockOf(ctx: LogContext | undefined, rolls: boolean): Clock {
  const year = Number.isInteger(ctx?.year) ? ctx!.year : new Date().getUTCFullYear();
  return new Clock(typeof ctx?.timeZone === 'string' ? ctx.timeZone : 'UTC', year, rolls);
}

function lineParser(format: LogFormat): LogParser {
  return (line, ctx) => guarded(line, (text) => LINE_READERS[format](text, clockOf(ctx, false)));
}

export const parseSquidNative = (line: string, ctx?: LogContext): LogLineResult =>
  guarded(line, (text) => LINE_READERS.squid(text, clockOf(ctx, false)));
export const parseSquidCombined = (line: string, ctx?: LogContext): LogLineResult =>
  guarded(line, (text) => LINE_READERS['squid-combined'](text, clockOf(ctx, false)));
export const parseE2guardian: LogParser = lineParser('e2guardian');
export const parseFortigate: LogParser = lineParser('fortigate');
export const parseUnbound: LogParser = lineParser('unbound');
export const parseDnsmasq: LogParser = lineParser('dnsmasq');
export const parseBind: LogParser = lineParser('bind');

/**
 * One line on its own, per format. For the DNS formats a refusal line is then an event of its own
 * (and dnsmasq's names no client): read whole files with createLogParser.
 */
export const LOG_FORMATS: Record<LogFormat, LogParser> = {
  squid: parseSquidNative,
  'squid-combined': parseSquidCombined,
  e2guardian: parseE2guardian,
  unbound: parseUnbound,
  dnsmasq: parseDnsmasq,
  bind: parseBind,
  fortigate: parseFortigate,
};

/**
 * A reader for one file, fed its lines in order; call `end()` after the last one. The proxy
 * formats answer each line at once. The DNS formats hold each event back for up to 64 lines, so
 * the line that says the resolver refused it can join it (one blocked event, not an allowed one
 * and a blocked one); so a result may be an entry from an earlier line, and `end()` hands over the
 * rest. `end()` may be called mid-file (at a chunk boundary) and reading go on: a refusal whose
 * query was already handed over is then a blocked event of its own. Syslog times move to the next
 * year when the months wrap from December to January.
 */
export function createLogParser(format: LogFormat, ctx: LogContext): LogReader {
  const clock = clockOf(ctx, true);
  if (format === 'unbound' || format === 'dnsmasq' || format === 'bind') {
    const classify = DNS_CLASSIFIERS[format];
    const pairing = new DnsPairing();
    return Object.assign(
      (line: string) =>
        guarded(line, (text) => {
          const c = classify(text, clock);
          return pairing.read(c);
        }),
      { end: () => pairing.end() },
    );
  }
  const read = LINE_READERS[format];
  if (!read)
    return Object.assign(() => bad(`${quote(String(format))} is not a log format`), { end: () => [] });
  return Object.assign((line: string) => guarded(line, (text) => read(text, clock)), { end: () => [] });
}
