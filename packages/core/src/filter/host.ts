/**
 * Host and URL normalisation for filter lists and for the requests the gateway checks.
 *
 * Everything that is compared against a list (and every SHA-256 digest in an illegal-content
 * list) goes through these functions first, so the rules below are a contract: change them and
 * every compiled index and every hashed list built with the old rules stops matching.
 *
 * Host rules (`normaliseHost`):
 *  1. Trim white space; strip one leading `*.` or `.` (list conventions for "this domain and its
 *     subdomains") and one trailing `.` (the DNS root).
 *  2. IPv6 literals, with or without brackets, become the WHATWG URL serialisation without brackets
 *     (lower case, zeros compressed: `2001:DB8::0:1` -> `2001:db8::1`). Zone ids are refused.
 *  3. Everything else goes through the WHATWG URL host parser (`new URL('http://' + host)`), which
 *     lower-cases, applies UTS #46 (IDNs become punycode A-labels: `bücher.example` ->
 *     `xn--bcher-kva.example`) and turns IPv4 literals in any accepted spelling (`127.1`,
 *     `0x7f.0.0.1`, `2130706433`) into the dotted quad (`127.0.0.1`). A dotted quad that is already
 *     canonical is therefore kept as it is. Plain lower-case ASCII names skip the URL parser (the
 *     result is the same; it is only faster).
 *  4. The result is then checked: no empty label (`a..b`), labels of at most 63 characters, at most
 *     253 characters in all, labels made of letters, digits, hyphens and underscores, no label that
 *     starts or ends with a hyphen. Underscores are accepted although RFC 952/1123 host names do
 *     not allow them: DNS and browsers resolve such names (`my_blog.blogspot.com`) and real lists
 *     contain them, so refusing them would leave those sites unfiltered.
 *
 * URL rules (`normaliseUrl`), for list URL entries (`host/path`, usually without a scheme) and for
 * request URLs:
 *  1. Trim; drop any `scheme://` (or a leading `//`), any `user:password@` and any port (lists name
 *     sites by host; `example.com:8080/x` is the same site as `example.com/x`).
 *  2. The host follows the host rules above.
 *  3. The fragment (`#...`) is dropped. An empty path becomes `/`; an empty query (`/a?`) is dropped.
 *  4. Percent-encoding is normalised in the path and the query: `%xx` escapes of unreserved
 *     characters (`A-Z a-z 0-9 - . _ ~`) are decoded, every other escape gets upper-case hex
 *     (`%2f` -> `%2F`), a `%` that does not start an escape becomes `%25`, and characters outside
 *     RFC 3986 (spaces, controls, `"<>\^\`{|}`, non-ASCII) are encoded as UTF-8 with upper-case hex.
 *  5. Dot segments (`/./`, `/../`, including their escaped forms) are removed from the path
 *     (RFC 3986 section 5.2.4), never from the query.
 *  6. Case is kept in the path and the query (paths are case-sensitive); nothing else changes: no
 *     `www.` stripping (lookups try every parent domain anyway), no trailing-slash change, no query
 *     reordering.
 *
 * The key of a normalised URL is `normalisedUrlKey(host, path) = host + path` (the path always
 * starts with `/`), e.g. `xn--bcher-kva.example/Some%20Page?q=1`. SHA-256 digests in illegal-content
 * lists are digests of the UTF-8 bytes of such keys (or of a bare normalised host), as lower-case
 * hex.
 */

export type HostResult = { ok: true; host: string } | { ok: false; reason: string };
export type UrlResult = { ok: true; host: string; path: string } | { ok: false; reason: string };

const MAX_LABEL = 63;
const MAX_NAME = 253;

/** 1 for a-z 0-9 - _ and `.`, the characters the fast path accepts as they are. */
const FAST_CHARS = new Uint8Array(128);
for (let c = 97; c <= 122; c++) FAST_CHARS[c] = 1;
for (let c = 48; c <= 57; c++) FAST_CHARS[c] = 1;
FAST_CHARS[45] = 1; // -
FAST_CHARS[95] = 1; // _
FAST_CHARS[46] = 1; // .

/** Characters that would change how `http://` + host is parsed, or that no host may hold. */
const STRUCTURAL = /[\s/\\?#@:%[\]<>^|"`{}]/;

const IPV4_DOTTED = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function trimListDecorations(raw: string): string {
  let s = raw.trim();
  if (s.startsWith('*.')) s = s.slice(2);
  else if (s.startsWith('.')) s = s.slice(1);
  if (s.endsWith('.')) s = s.slice(0, -1);
  return s;
}

/**
 * Whether the last label "ends in a number" in the WHATWG sense (decimal digits, or `0x` and hex
 * digits), in which case the URL parser reads the whole name as an IPv4 address.
 */
function endsInNumber(s: string): boolean {
  const dot = s.lastIndexOf('.');
  const last = s.slice(dot + 1);
  if (last.length === 0) return false;
  if (/^\d+$/.test(last)) return true;
  return /^0x[0-9a-f]*$/i.test(last);
}

/** Checks a lower-case ASCII name label by label; returns a reason, or null when it is valid. */
function checkLabels(s: string): string | null {
  if (s.length === 0) return 'empty host';
  if (s.length > MAX_NAME) return `name longer than ${MAX_NAME} characters`;
  let start = 0;
  const n = s.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : 46;
    if (c === 46) {
      const len = i - start;
      if (len === 0) return 'empty label';
      if (len > MAX_LABEL) return `label longer than ${MAX_LABEL} characters`;
      if (s.charCodeAt(start) === 45 || s.charCodeAt(i - 1) === 45) {
        return 'label starts or ends with a hyphen';
      }
      start = i + 1;
    } else if (c >= 128 || FAST_CHARS[c] !== 1) {
      return `invalid character ${JSON.stringify(s[i])}`;
    }
  }
  return null;
}

function normaliseIpv6(inner: string): HostResult {
  if (inner.includes('%')) return { ok: false, reason: 'IPv6 zone identifiers are not accepted' };
  if (!/^[0-9a-fA-F:.]+$/.test(inner)) return { ok: false, reason: 'invalid IPv6 address' };
  try {
    const h = new URL(`http://[${inner}]/`).hostname;
    return { ok: true, host: h.slice(1, -1) };
  } catch {
    return { ok: false, reason: 'invalid IPv6 address' };
  }
}

/** ASCII white space as `String.prototype.trim` sees it (tab, LF, VT, FF, CR, space). */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Character classes for the fast path, indexed by UTF-16 code unit: 1 for `a-z 0-9 - _`, 2 for
 * `.`, 3 for `A-Z`, 0 for everything else (which sends the name to the full path).
 */
const FAST_CLASS = new Uint8Array(65536);
for (let c = 97; c <= 122; c++) FAST_CLASS[c] = 1;
for (let c = 48; c <= 57; c++) FAST_CLASS[c] = 1;
FAST_CLASS[45] = 1;
FAST_CLASS[95] = 1;
FAST_CLASS[46] = 2;
for (let c = 65; c <= 90; c++) FAST_CLASS[c] = 3;

/**
 * Whether the label [start, end) of `s` is fine for the fast path: 1 to 63 characters, no hyphen
 * at either end, and not a `??--` label (punycode, which the URL parser must validate).
 */
function fastLabel(s: string, start: number, end: number): boolean {
  const len = end - start;
  if (len === 0 || len > MAX_LABEL) return false;
  if (s.charCodeAt(start) === 45 || s.charCodeAt(end - 1) === 45) return false;
  return !(len >= 4 && s.charCodeAt(start + 2) === 45 && s.charCodeAt(start + 3) === 45);
}

/**
 * The common case in one pass, without allocating: a name of ASCII letters, digits, `-` and `_`
 * that passes every check. Returns null for anything else (IP literals, punycode labels, non-ASCII,
 * every error), which `normaliseHost` then handles in full.
 */
function fastHost(raw: string, from: number, to: number): string | null {
  let start = from;
  let end = to;
  while (start < end && isSpace(raw.charCodeAt(start))) start++;
  while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
  if (start < end && raw.charCodeAt(start) === 42 /* * */) {
    if (end - start < 2 || raw.charCodeAt(start + 1) !== 46) return null;
    start += 2;
  } else if (start < end && raw.charCodeAt(start) === 46) start++;
  if (end > start && raw.charCodeAt(end - 1) === 46) end--;
  if (end === start || end - start > MAX_NAME) return null;
  let upper = false;
  let labelStart = start;
  for (let i = start; i < end; i++) {
    const k = FAST_CLASS[raw.charCodeAt(i)];
    if (k === 1) continue;
    if (k === 2) {
      if (!fastLabel(raw, labelStart, i)) return null;
      labelStart = i + 1;
    } else if (k === 3) upper = true;
    else return null;
  }
  if (!fastLabel(raw, labelStart, end)) return null;
  // A numeric last label (an IPv4 address, or an error), or `0x...` (maybe a hex IPv4 part).
  const first = raw.charCodeAt(labelStart);
  if (first >= 48 && first <= 57) {
    let digits = true;
    for (let i = labelStart + 1; i < end && digits; i++) {
      const c = raw.charCodeAt(i);
      digits = c >= 48 && c <= 57;
    }
    if (digits) return null;
    if (first === 48 && (raw.charCodeAt(labelStart + 1) | 32) === 120) return null;
  }
  const s = start === 0 && end === raw.length ? raw : raw.slice(start, end);
  return upper ? s.toLowerCase() : s;
}

/**
 * The fast path alone, for the list parsers' inner loop: the normalised host of
 * `text.slice(start, end)` when it is a plain, valid ASCII name, without slicing first; else null
 * (then call `normaliseHost`, which also gives the reason for a refusal).
 */
export function quickHostIn(text: string, start: number, end: number): string | null {
  return fastHost(text, start, end);
}

/** Normalises a host name, IPv4 or IPv6 literal; see the module comment for the rules. */
export function normaliseHost(raw: string): HostResult {
  const quick = fastHost(raw, 0, raw.length);
  if (quick !== null) return { ok: true, host: quick };
  let s = trimListDecorations(raw);
  if (s.length === 0) return { ok: false, reason: 'empty host' };

  if (s.includes('/')) return { ok: false, reason: 'contains "/": a URL, not a host name' };
  if (s.charCodeAt(0) === 91 /* [ */) {
    if (!s.endsWith(']')) return { ok: false, reason: 'unterminated IPv6 literal' };
    return normaliseIpv6(s.slice(1, -1));
  }
  if (s.includes(':')) return normaliseIpv6(s);

  // Fast path: plain ASCII letters, digits, `-`, `_` and `.`; upper case is lower-cased here.
  let fast = true;
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 128 || FAST_CHARS[c] !== 1) {
      fast = false;
      break;
    }
  }
  if (fast) {
    if (upper) s = s.toLowerCase();
    if (!s.includes('xn--') && !endsInNumber(s)) {
      const bad = checkLabels(s);
      return bad === null ? { ok: true, host: s } : { ok: false, reason: bad };
    }
    if (IPV4_DOTTED.test(s)) return { ok: true, host: s };
  }

  if (STRUCTURAL.test(s)) {
    const m = STRUCTURAL.exec(s);
    return { ok: false, reason: `invalid character ${JSON.stringify(m?.[0] ?? '')}` };
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 127) return { ok: false, reason: 'control character' };
  }
  let parsed: string;
  try {
    parsed = new URL(`http://${s}/`).hostname;
  } catch {
    if (endsInNumber(s)) return { ok: false, reason: 'numeric final label that is not an IPv4 address' };
    return { ok: false, reason: 'invalid internationalised name' };
  }
  if (parsed.startsWith('[')) return { ok: true, host: parsed.slice(1, -1) };
  if (IPV4_DOTTED.test(parsed)) return { ok: true, host: parsed };
  // UTS #46 may map characters to dots (`．`) or drop them, so strip list decorations again.
  if (parsed.endsWith('.')) parsed = parsed.slice(0, -1);
  const bad = checkLabels(parsed);
  return bad === null ? { ok: true, host: parsed } : { ok: false, reason: bad };
}

/** Whether a normalised host is an IPv4 or IPv6 literal (suffix matching does not apply to those). */
export function isIpLiteral(host: string): boolean {
  if (host.includes(':')) return true;
  const last = host.charCodeAt(host.length - 1);
  return last >= 48 && last <= 57 && IPV4_DOTTED.test(host);
}

const HEX = '0123456789ABCDEF';

/** 1: kept as is; 2: unreserved (an escape of it is decoded). Everything else is escaped. */
const URL_CHARS = new Uint8Array(128);
for (const ch of "!$&'()*+,;=:@/?") URL_CHARS[ch.charCodeAt(0)] = 1;
for (const ch of '-._~') URL_CHARS[ch.charCodeAt(0)] = 2;
for (let c = 48; c <= 57; c++) URL_CHARS[c] = 2;
for (let c = 65; c <= 90; c++) URL_CHARS[c] = 2;
for (let c = 97; c <= 122; c++) URL_CHARS[c] = 2;

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

const encoder = new TextEncoder();

function escapeByte(b: number): string {
  return `%${HEX[b >> 4]}${HEX[b & 15]}`;
}

/** Percent-encoding normalisation (rule 4), for a path or a query. */
function normalisePercent(s: string): string {
  // Fast check: nothing to do when every character is kept and there is no `%`.
  let clean = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || URL_CHARS[c] === 0) {
      clean = false;
      break;
    }
  }
  if (clean) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37 /* % */) {
      const h1 = i + 2 < s.length ? hexValue(s.charCodeAt(i + 1)) : -1;
      const h2 = h1 >= 0 ? hexValue(s.charCodeAt(i + 2)) : -1;
      if (h2 < 0) {
        out += '%25';
        continue;
      }
      const b = h1 * 16 + h2;
      out += b < 128 && URL_CHARS[b] === 2 ? String.fromCharCode(b) : escapeByte(b);
      i += 2;
    } else if (c < 128) {
      out += URL_CHARS[c] === 0 ? escapeByte(c) : s[i];
    } else {
      // A run of non-ASCII characters, encoded as UTF-8 (lone surrogates become U+FFFD).
      let j = i + 1;
      while (j < s.length && s.charCodeAt(j) >= 128) j++;
      for (const b of encoder.encode(s.slice(i, j))) out += escapeByte(b);
      i = j - 1;
    }
  }
  return out;
}

/** RFC 3986 section 5.2.4 for a path that starts with `/`. */
function removeDotSegments(path: string): string {
  if (!path.includes('/.')) return path;
  const input = path.split('/');
  const out: string[] = [];
  // input[0] is the empty string before the leading `/`.
  for (let i = 1; i < input.length; i++) {
    const seg = input[i] as string;
    const last = i === input.length - 1;
    if (seg === '.') {
      if (last) out.push('');
    } else if (seg === '..') {
      out.pop();
      if (last) out.push('');
    } else {
      out.push(seg);
    }
  }
  return `/${out.join('/')}`;
}

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//;

/** Normalises a list URL entry or a request URL into a host and a path; see the module comment. */
export function normaliseUrl(raw: string): UrlResult {
  let s = raw.trim();
  if (s.length === 0) return { ok: false, reason: 'empty URL' };
  const scheme = SCHEME.exec(s);
  if (scheme) s = s.slice(scheme[0].length);
  else if (s.startsWith('//')) s = s.slice(2);

  let end = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35) {
      end = i;
      break;
    }
  }
  let authority = s.slice(0, end);
  let rest = s.slice(end);
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);

  let hostPart = authority;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return { ok: false, reason: 'unterminated IPv6 literal' };
    hostPart = authority.slice(0, close + 1);
    const after = authority.slice(close + 1);
    if (after !== '' && !/^:\d*$/.test(after)) return { ok: false, reason: 'invalid port' };
  } else {
    const colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      if (authority.indexOf(':') !== colon) return { ok: false, reason: 'IPv6 literal without brackets' };
      if (!/^\d*$/.test(authority.slice(colon + 1))) return { ok: false, reason: 'invalid port' };
      hostPart = authority.slice(0, colon);
    }
  }
  if (hostPart.length === 0) return { ok: false, reason: 'missing host' };
  const host = normaliseHost(hostPart);
  if (!host.ok) return host;

  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  let pathPart = q >= 0 ? rest.slice(0, q) : rest;
  const query = q >= 0 ? rest.slice(q + 1) : '';
  if (pathPart === '') pathPart = '/';
  pathPart = removeDotSegments(normalisePercent(pathPart));
  const path = query === '' ? pathPart : `${pathPart}?${normalisePercent(query)}`;
  return { ok: true, host: host.host, path };
}

/** The key of a normalised URL: `host + path`, with `path` starting with `/`. */
export function normalisedUrlKey(host: string, path: string): string {
  return host + path;
}

/**
 * Whether position `k` of a normalised path ends a prefix that URL entries match at: the end of
 * the path, before a `/` or the `?` in the path part, or before a `&` in the query. `inQuery` says
 * whether a `?` occurs before position `k`.
 */
function isBoundary(path: string, k: number, inQuery: boolean): boolean {
  if (k === path.length) return true;
  const c = path.charCodeAt(k);
  return inQuery ? c === 38 : c === 47 || c === 63;
}

/**
 * The canonical form of a URL entry's path, as the indexes store it: a trailing `/` is dropped
 * (`/proxy/` -> `/proxy`, which then matches `/proxy`, `/proxy/` and `/proxy/x`) unless the path
 * is `/` itself or has a query.
 */
export function canonicalEntryPath(path: string): string {
  if (path.length > 1 && path.endsWith('/') && !path.includes('?')) return path.slice(0, -1);
  return path;
}

/**
 * Every prefix of a normalised request path that a URL entry can match, shortest first: `/`, each
 * prefix ending before a `/` or `?` in the path part or before a `&` in the query, and the whole
 * path. With `withSlashForms`, each prefix ending before a `/` is also given with that `/` (the
 * form a hashed entry such as `example.com/dir/` takes). An entry path `p` (canonical, see
 * `canonicalEntryPath`) matches a request path when `p` is one of these prefixes: `/a/b` matches
 * `/a/b`, `/a/b/c` and `/a/b?x`, never `/a/bc`.
 */
export function urlPathPrefixes(path: string, withSlashForms = false): string[] {
  const out: string[] = ['/'];
  let inQuery = false;
  for (let k = 1; k <= path.length; k++) {
    if (isBoundary(path, k, inQuery)) {
      const p = path.slice(0, k);
      if (p !== out[out.length - 1]) out.push(p);
      if (withSlashForms && k < path.length && path.charCodeAt(k) === 47) out.push(path.slice(0, k + 1));
    }
    if (k < path.length && path.charCodeAt(k) === 63) inQuery = true;
  }
  return out;
}

/**
 * What a person types to check or unblock: a URL, `host/path`, or a bare host. A path is kept
 * only where one was given, so "example.com" asks about the host and "example.com/" about its
 * home page.
 */
export function parseTarget(
  raw: string,
): { ok: true; host: string; path: string | null } | { ok: false; reason: string } {
  const text = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  if (withScheme || /[/?]/.test(text)) {
    const r = normaliseUrl(withScheme ? text : `http://${text}`);
    return r.ok ? { ok: true, host: r.host, path: r.path } : r;
  }
  const h = normaliseHost(text);
  return h.ok ? { ok: true, host: h.host, path: null } : h;
}
