/**
 * Request targets: absolute-form for HTTP requests (RFC 9112 §3.2.2) and authority-form for CONNECT
 * (§3.2.3). Hosts are canonicalised with the WHATWG URL host parser (lower case, IDNA, IPv4 in any
 * of its numeric spellings as dotted quad) so the decision sees the host that will really be
 * contacted; the path is passed on byte for byte.
 */

export interface Authority {
  /** Canonical host: lower case, no trailing dot, IPv6 without brackets. */
  host: string;
  port: number;
  /** host[:port] as written in a URL or Host header (IPv6 bracketed, port left out when it is the default). */
  hostHeader: string;
}

export interface AbsoluteTarget extends Authority {
  /** Path and query, as sent (never empty; starts with '/'). */
  path: string;
  /** The absolute URL, rebuilt from the canonical host and the path. */
  url: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Characters never allowed in an authority (space, controls, delimiters, '%' and non-ASCII). */
function badAuthorityChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return true;
    if (c === 0x2f || c === 0x3f || c === 0x23 || c === 0x40 || c === 0x5c || c === 0x25) return true; // / ? # @ \ %
  }
  return false;
}

/** Canonical form of a host, or null when it is not one. */
export function canonicalHost(host: string): string | null {
  if (host === '' || badAuthorityChar(host)) return null;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
  if (hostname.startsWith('[')) return hostname.slice(1, -1);
  if (hostname.endsWith('.')) hostname = hostname.slice(0, -1);
  if (hostname === '' || hostname.length > 253) return null;
  return hostname;
}

function bracketed(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** host[:port]; `defaultPort` null means the port must be given (CONNECT). */
export function parseAuthority(authority: string, defaultPort: number | null): Parsed<Authority> {
  if (authority === '' || badAuthorityChar(authority)) return { ok: false, reason: 'bad authority' };
  let hostPart: string;
  let portPart: string | null = null;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close === -1) return { ok: false, reason: 'bad authority' };
    hostPart = authority.slice(0, close + 1);
    const after = authority.slice(close + 1);
    if (after !== '') {
      if (!after.startsWith(':')) return { ok: false, reason: 'bad authority' };
      portPart = after.slice(1);
    }
  } else {
    const colon = authority.lastIndexOf(':');
    if (colon !== -1) {
      hostPart = authority.slice(0, colon);
      portPart = authority.slice(colon + 1);
      if (hostPart.includes(':')) return { ok: false, reason: 'bad authority' };
    } else {
      hostPart = authority;
    }
  }
  let port: number;
  if (portPart === null || portPart === '') {
    if (defaultPort === null) return { ok: false, reason: 'port required' };
    port = defaultPort;
  } else {
    if (!/^\d{1,5}$/.test(portPart)) return { ok: false, reason: 'bad port' };
    port = Number(portPart);
    if (port < 1 || port > 65535) return { ok: false, reason: 'bad port' };
  }
  const host = canonicalHost(hostPart);
  if (host === null) return { ok: false, reason: 'bad host' };
  const hostHeader = port === (defaultPort ?? -1) ? bracketed(host) : `${bracketed(host)}:${port}`;
  return { ok: true, value: { host, port, hostHeader } };
}

/** An absolute-form target `http://authority/path?query`; other schemes are refused. */
export function parseAbsoluteTarget(target: string): Parsed<AbsoluteTarget> {
  if (target.length < 8 || target.slice(0, 7).toLowerCase() !== 'http://') {
    return {
      ok: false,
      reason: /^[a-z][a-z0-9+.-]*:\/\//i.test(target) ? 'unsupported scheme' : 'bad target',
    };
  }
  const rest = target.slice(7);
  let end = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (c === 0x2f || c === 0x3f || c === 0x23) {
      end = i;
      break;
    }
  }
  const authority = parseAuthority(rest.slice(0, end), 80);
  if (!authority.ok) return authority;
  let path = rest.slice(end);
  const hash = path.indexOf('#');
  if (hash !== -1) path = path.slice(0, hash);
  if (path === '') path = '/';
  else if (path.startsWith('?')) path = `/${path}`;
  const { hostHeader } = authority.value;
  return { ok: true, value: { ...authority.value, path, url: `http://${hostHeader}${path}` } };
}

/** The client address as seen by decide(): IPv4-mapped IPv6 addresses written as IPv4. */
export function clientAddress(address: string | undefined): string {
  if (address === undefined) return '';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
