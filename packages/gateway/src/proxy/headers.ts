/**
 * Header handling for forwarded messages: hop-by-hop headers removed (RFC 9110 §7.6.1), Via added
 * (§7.6.3), and the Basic credentials of Proxy-Authorization read (RFC 7617).
 *
 * Headers travel as Node's raw flat arrays ([name, value, name, value, ...]) so their order, case and
 * repetitions (Set-Cookie) survive.
 */

/** Always hop-by-hop, whatever Connection says. */
const HOP_BY_HOP = new Set([
  'connection',
  'proxy-connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-authenticate',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Header names listed in Connection headers (lower case). */
function connectionTokens(raw: readonly string[]): Set<string> {
  const tokens = new Set<string>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (name !== 'connection' && name !== 'proxy-connection') continue;
    for (const token of raw[i + 1]!.split(',')) {
      const trimmed = token.trim().toLowerCase();
      if (trimmed !== '') tokens.add(trimmed);
    }
  }
  return tokens;
}

export interface FilteredHeaders {
  headers: string[];
  /** The Via values received, joined. */
  via: string | null;
  /** A Transfer-Encoding header was present (the body has no declared length). */
  transferEncoding: boolean;
  contentLength: string | null;
}

/**
 * Removes hop-by-hop headers and the Connection-nominated ones, plus any names in `drop` (lower
 * case). Via is taken out and returned so the caller can append its own entry.
 */
export function filterHeaders(raw: readonly string[], drop: ReadonlySet<string>): FilteredHeaders {
  const nominated = connectionTokens(raw);
  const headers: string[] = [];
  const via: string[] = [];
  let transferEncoding = false;
  let contentLength: string | null = null;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    const value = raw[i + 1]!;
    const lower = name.toLowerCase();
    if (lower === 'transfer-encoding') transferEncoding = true;
    if (HOP_BY_HOP.has(lower) || drop.has(lower) || nominated.has(lower)) continue;
    if (lower === 'via') {
      via.push(value);
      continue;
    }
    if (lower === 'content-length') contentLength = value;
    headers.push(name, value);
  }
  return { headers, via: via.length === 0 ? null : via.join(', '), transferEncoding, contentLength };
}

/** The Via value to send: what was received, then this proxy ("1.1 haven-abc123"). */
export function appendVia(received: string | null, httpVersion: string, pseudonym: string): string {
  const entry = `${httpVersion} ${pseudonym}`;
  return received === null || received.trim() === '' ? entry : `${received}, ${entry}`;
}

/** Whether a Via value already holds this proxy's pseudonym (a request that has looped back). */
export function viaHasPseudonym(via: string | null, pseudonym: string): boolean {
  if (via === null) return false;
  return via.split(',').some((entry) => entry.trim().split(/\s+/)[1] === pseudonym);
}

/** Username and password from a `Basic` Proxy-Authorization value, or null when it is not one. */
export function parseBasicCredentials(
  value: string | undefined,
): { username: string; password: string } | null {
  if (value === undefined) return null;
  const match = /^\s*basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(value);
  if (match === null || match[1] === undefined || match[1].length > 4096) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** A quoted-string for a header parameter (RFC 9110 §5.6.4). */
export function quotedString(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is being removed
  return `"${text.replace(/[\x00-\x1f\x7f]/g, '').replace(/["\\]/g, '\\$&')}"`;
}
