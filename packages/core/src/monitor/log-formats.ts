/**
 * Log lines of filters a school already has, read into one shape. Pure: a line in, an entry or
 * a reason out; a bad line never throws.
 *
 * Squid native: `time elapsed client code/status bytes method URL user hierarchy/peer type`
 *   1286536308.779    180 192.168.0.224 TCP_MISS/200 411 GET http://www.google.com/ - DIRECT/74.125.39.104 text/html
 * Squid combined (Apache-like):
 *   192.168.0.224 - alice [10/Oct/2010:13:55:36 +0000] "GET http://example.org/ HTTP/1.1" 200 2326 "-" "Mozilla/5.0" TCP_MISS:HIER_DIRECT
 */

export interface LogEntry {
  at: string;
  client: string;
  user: string | null;
  method: string;
  /** The whole address where the log has one; for CONNECT, `host:port`. */
  url: string;
  host: string;
  /** Denied by the filter (Squid's TCP_DENIED, or 403 from the proxy itself). */
  blocked: boolean;
}

export type LogLineResult = { ok: true; entry: LogEntry } | { ok: false; reason: string };

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

const user = (u: string | undefined) => (u && u !== '-' ? decodeURIComponent(u) : null);

export function parseSquidNative(line: string): LogLineResult {
  const f = line.trim().split(/\s+/);
  if (f.length < 7) return { ok: false, reason: `expected at least 7 fields, found ${f.length}` };
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
  if (!Number.isFinite(t) || t <= 0)
    return { ok: false, reason: `"${time.slice(0, 30)}" is not a Unix time` };
  if (!/^[A-Z_]+\/\d{3}$/.test(codeStatus))
    return { ok: false, reason: `"${codeStatus.slice(0, 30)}" is not a Squid result code/status` };
  const host = hostOf(method, url);
  if (!host) return { ok: false, reason: `"${url.slice(0, 60)}" is not an address` };
  const [code, status] = codeStatus.split('/');
  return {
    ok: true,
    entry: {
      at: new Date(Math.round(t * 1000)).toISOString(),
      client,
      user: user(rfc931),
      method,
      url,
      host,
      blocked: code === 'TCP_DENIED' || status === '403',
    },
  };
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

export function parseSquidCombined(line: string): LogLineResult {
  const m =
    /^(\S+) \S+ (\S+) \[(\d{2})\/(\w{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-]\d{4})\] "(\S+) (\S+)(?: [^"]*)?" (\d{3}) \S+(?: "[^"]*" "[^"]*")?(?: (\S+))?/.exec(
      line.trim(),
    );
  if (!m)
    return {
      ok: false,
      reason: 'not in the combined format (client ident user [time] "request" status bytes ...)',
    };
  const [, client, u, dd, mon, yyyy, hh, mi, ss, zone, method, url, status, squid] = m as unknown as string[];
  const month = MONTHS[mon!];
  if (month === undefined) return { ok: false, reason: `"${mon}" is not a month` };
  const offset =
    (Number(zone!.slice(0, 3)) * 60 + Math.sign(Number(zone!.slice(0, 3)) || 1) * Number(zone!.slice(3))) *
    60_000;
  const at = Date.UTC(Number(yyyy), month, Number(dd), Number(hh), Number(mi), Number(ss)) - offset;
  const host = hostOf(method!, url!);
  if (!host) return { ok: false, reason: `"${url!.slice(0, 60)}" is not an address` };
  return {
    ok: true,
    entry: {
      at: new Date(at).toISOString(),
      client: client!,
      user: user(u),
      method: method!,
      url: url!,
      host,
      blocked: (squid ?? '').startsWith('TCP_DENIED') || status === '403',
    },
  };
}

export const LOG_FORMATS = { squid: parseSquidNative, 'squid-combined': parseSquidCombined } as const;
export type LogFormat = keyof typeof LOG_FORMATS;
