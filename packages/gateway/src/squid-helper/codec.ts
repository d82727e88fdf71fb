/**
 * Squid's url_rewrite helper protocol (Squid 3.4 and later), one line each way.
 *
 * In:  `[channel-ID ]URL [client_ip/fqdn user method [key=value ...]]`, `-` meaning unknown.
 * Out: `[channel-ID ]OK rewrite-url="..."` (send the block page instead), `[channel-ID ]ERR` (leave the
 * URL alone), `[channel-ID ]BH message="..."` (the helper could not read the line).
 *
 * This is the hot path of the helper, so it scans with charCodeAt and indexOf, not regular expressions.
 */

export interface HelperRequest {
  ok: true;
  /** The channel-ID Squid put in front of the line (concurrency > 0), echoed in the answer. */
  channel: string | null;
  url: string;
  /** Lower-case host, without port, brackets or a trailing dot. */
  host: string;
  /** The port in the URL, or the scheme's default (http 80, https 443, ftp 21); 0 when unknown. */
  port: number;
  client: string | null;
  user: string | null;
  method: string | null;
  /** A CONNECT request (or a bare host:port): the decision is by host only. */
  connect: boolean;
}

export interface HelperLineError {
  ok: false;
  channel: string | null;
  reason: string;
}

export type HelperLine = HelperRequest | HelperLineError;

export type HelperReply =
  | { kind: 'pass' }
  | { kind: 'block'; redirectUrl: string }
  | { kind: 'error'; message: string };

/** How a block is answered: Squid fetches the block page in place of the URL (`rewrite`, as squidGuard does), or the browser is sent there with a 302 (`redirect`). */
export type BlockStyle = 'rewrite' | 'redirect';

/** The reason parseHelperLine gives for a blank line; Squid never sends one, so it gets no answer. */
export const EMPTY_LINE = 'empty line';

function allDigits(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return end > start;
}

function defaultPort(url: string, sep: number): number {
  // The scheme is url[0, sep); compared without allocating.
  if (sep === 4 && url.startsWith('http')) return 80;
  if (sep === 5 && url.startsWith('https')) return 443;
  if (sep === 3 && url.startsWith('ftp')) return 21;
  const scheme = url.slice(0, sep).toLowerCase();
  if (scheme === 'http' || scheme === 'ws') return 80;
  if (scheme === 'https' || scheme === 'wss') return 443;
  if (scheme === 'ftp') return 21;
  return 0;
}

interface Target {
  host: string;
  port: number;
  /** No scheme: the `host:port` form Squid uses for CONNECT. */
  authorityForm: boolean;
}

/** Where a URL's userinfo ends ('@' before the first '/', '?' or '#'), or -1. */
function userinfoEnd(url: string, from: number): number {
  const n = url.length;
  let at = -1;
  for (let i = from; i < n; i++) {
    const c = url.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35) break;
    if (c === 64) at = i;
  }
  return at;
}

/** A delimiter that ends an authority: end of string, '/', '?' or '#'. */
function endsAuthority(c: number): boolean {
  return Number.isNaN(c) || c === 47 || c === 63 || c === 35;
}

/**
 * The host and port of a URL token (`scheme://[userinfo@]host[:port]/...` or `host:port`), or a
 * string saying what is wrong. Host names may hold a-z, 0-9, '-', '.', '_'; IPv6 addresses are
 * bracketed. One pass over the authority in the usual case; userinfo takes a second look.
 */
function parseTarget(url: string, connect: boolean): Target | string {
  const sep = url.indexOf('://');
  let start: number;
  let port: number;
  let authorityForm = false;
  if (sep > 0) {
    start = sep + 3;
    port = defaultPort(url, sep);
  } else {
    if (url.indexOf('/') !== -1) return 'not a URL';
    start = 0;
    port = connect ? 443 : -1;
    authorityForm = true;
  }
  const n = url.length;

  for (let attempt = 0; attempt < 2; attempt++) {
    let i = start;
    let upper = false;
    let host: string | null = null;
    if (url.charCodeAt(start) === 91) {
      // [IPv6]
      for (i = start + 1; i < n; i++) {
        const c = url.charCodeAt(i);
        if ((c >= 48 && c <= 58) || (c >= 97 && c <= 102) || c === 46) continue; // 0-9 : a-f .
        if (c >= 65 && c <= 70) {
          upper = true;
          continue;
        }
        break;
      }
      if (i < n && url.charCodeAt(i) === 93 && i > start + 1) {
        host = url.slice(start + 1, i);
        i++;
      }
    } else {
      for (; i < n; i++) {
        const c = url.charCodeAt(i);
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 95) continue;
        if (c >= 65 && c <= 90) {
          upper = true;
          continue;
        }
        break;
      }
      let hostEnd = i;
      if (hostEnd - start > 1 && url.charCodeAt(hostEnd - 1) === 46) hostEnd--; // one trailing dot
      if (hostEnd > start && hostEnd - start <= 253) host = url.slice(start, hostEnd);
    }
    let c = url.charCodeAt(i);
    let value = -1;
    if (host !== null && c === 58) {
      // :port
      value = 0;
      let digits = 0;
      for (i++; i < n; i++) {
        c = url.charCodeAt(i);
        if (c < 48 || c > 57) break;
        value = value * 10 + (c - 48);
        digits++;
      }
      c = url.charCodeAt(i);
      if (digits === 0) value = -1;
      else if (digits > 5 || value < 1 || value > 65535) value = -2;
    }
    if (host !== null && endsAuthority(c)) {
      if (value === -2) return 'port is not valid';
      if (value > 0) port = value;
      if (port < 0) return 'not a URL';
      return { host: upper ? host.toLowerCase() : host, port, authorityForm };
    }
    // Not a plain host[:port]: perhaps userinfo came first.
    const at = attempt === 0 && !authorityForm ? userinfoEnd(url, start) : -1;
    if (at === -1) break;
    start = at + 1;
  }
  if (start >= n || endsAuthority(url.charCodeAt(start))) return 'no host in URL';
  return 'host is not valid';
}

function decodeUser(token: string): string | null {
  if (token.indexOf('%') === -1) return token;
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

/**
 * Parses one line from Squid (without its line ending). Fields are separated by spaces, as Squid
 * writes them; leading and trailing spaces or tabs are ignored.
 */
export function parseHelperLine(line: string): HelperLine {
  let n = line.length;
  let i = 0;
  let c = n > 0 ? line.charCodeAt(0) : 0;
  while (i < n && (c === 32 || c === 9)) c = line.charCodeAt(++i);
  c = n > 0 ? line.charCodeAt(n - 1) : 0;
  while (n > i && (c === 32 || c === 9)) c = line.charCodeAt(--n - 1);
  if (i >= n) return { ok: false, channel: null, reason: EMPTY_LINE };

  let space = line.indexOf(' ', i);
  if (space >= n) space = -1;

  // A channel-ID is all digits and is followed by something; a URL never is all digits.
  let channel: string | null = null;
  if (space !== -1 && allDigits(line, i, space)) {
    channel = line.slice(i, space);
    i = space + 1;
    while (line.charCodeAt(i) === 32) i++;
    space = line.indexOf(' ', i);
    if (space >= n) space = -1;
  }
  const urlEnd = space === -1 ? n : space;
  const url = line.slice(i, urlEnd);
  i = urlEnd;

  // Positional extras (client_ip/fqdn, user, method) until the first key=value pair.
  let client: string | null = null;
  let user: string | null = null;
  let method: string | null = null;
  for (let field = 0; field < 3; field++) {
    while (i < n && line.charCodeAt(i) === 32) i++;
    if (i >= n) break;
    const start = i;
    space = line.indexOf(' ', i);
    const end = space === -1 || space > n ? n : space;
    i = end;
    const equals = line.indexOf('=', start);
    if (equals !== -1 && equals < end) break;
    if (end - start === 1 && line.charCodeAt(start) === 45) continue; // '-'
    if (field === 0) {
      const slash = line.indexOf('/', start);
      const ipEnd = slash !== -1 && slash < end ? slash : end;
      if (ipEnd > start && !(ipEnd - start === 1 && line.charCodeAt(start) === 45)) {
        client = line.slice(start, ipEnd);
      }
    } else if (field === 1) {
      user = decodeUser(line.slice(start, end));
    } else {
      method = line.slice(start, end);
    }
  }

  const connect = method === 'CONNECT';
  const target = parseTarget(url, connect);
  if (typeof target === 'string') return { ok: false, channel, reason: target };
  return {
    ok: true,
    channel,
    url,
    host: target.host,
    port: target.port,
    client,
    user,
    method,
    connect: connect || target.authorityForm,
  };
}

/** Space, controls, '"' and '\\' would break a quoted value in a helper reply. */
function unsafeInReply(code: number): boolean {
  return code <= 0x20 || code === 0x22 || code === 0x5c || code === 0x7f;
}

/** A URL made safe for `rewrite-url="..."`: unsafe characters percent-encoded. */
function quoteUrl(url: string): string {
  let i = 0;
  while (i < url.length && !unsafeInReply(url.charCodeAt(i))) i++;
  if (i === url.length) return url;
  let out = url.slice(0, i);
  for (; i < url.length; i++) {
    const c = url.charCodeAt(i);
    out += unsafeInReply(c) ? `%${c.toString(16).padStart(2, '0').toUpperCase()}` : url[i];
  }
  return out;
}

/** A message made safe for `message="..."`: quotes and backslashes replaced, controls as spaces. */
function quoteMessage(message: string): string {
  let out = '';
  for (let i = 0; i < message.length; i++) {
    const c = message.charCodeAt(i);
    out += c === 0x22 ? "'" : c === 0x5c ? '/' : c < 0x20 || c === 0x7f ? ' ' : message[i];
  }
  return out;
}

/** One answer line for Squid, ending in a newline. */
export function formatHelperReply(
  channel: string | null,
  reply: HelperReply,
  style: BlockStyle = 'rewrite',
): string {
  const prefix = channel === null ? '' : `${channel} `;
  switch (reply.kind) {
    case 'pass':
      return `${prefix}ERR\n`;
    case 'block':
      return style === 'rewrite'
        ? `${prefix}OK rewrite-url="${quoteUrl(reply.redirectUrl)}"\n`
        : `${prefix}OK status=302 url="${quoteUrl(reply.redirectUrl)}"\n`;
    case 'error':
      return `${prefix}BH message="${quoteMessage(reply.message)}"\n`;
  }
}
