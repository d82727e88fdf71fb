/** The proxy auto-configuration file (PAC): everything through the proxy, except the listed destinations. */
import type { PacOptions } from './types.ts';

const DOMAIN =
  /^\.?(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4(text: string): number[] | null {
  const match = IPV4.exec(text);
  if (match === null) return null;
  const parts = match.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

function maskOf(bits: number): string {
  const parts: number[] = [];
  for (let i = 0; i < 4; i++) {
    const take = Math.max(0, Math.min(8, bits - i * 8));
    parts.push(take === 0 ? 0 : (0xff << (8 - take)) & 0xff);
  }
  return parts.join('.');
}

/** One PAC condition for a `direct` entry; throws on an entry that is not a domain, IPv4 address or IPv4 CIDR. */
function condition(entry: string): string {
  const text = entry.trim().toLowerCase();
  if (/^[\d.]+(\/\d+)?$/.test(text)) {
    const [ip = '', prefix] = text.split('/');
    const address = ipv4(ip);
    const bits = prefix === undefined ? 32 : Number(prefix);
    if (address === null || bits > 32) {
      throw new Error(`PAC direct entry is not an IPv4 address or range: ${JSON.stringify(entry)}`);
    }
    return `(isIp && isInNet(host, ${JSON.stringify(address.join('.'))}, ${JSON.stringify(maskOf(bits))}))`;
  }
  if (!DOMAIN.test(text)) throw new Error(`PAC direct entry is not a domain: ${JSON.stringify(entry)}`);
  if (text.startsWith('.')) return `dnsDomainIs(host, ${JSON.stringify(text)})`;
  return `(host === ${JSON.stringify(text)} || dnsDomainIs(host, ${JSON.stringify(`.${text}`)}))`;
}

/** The PAC file's text; throws when an option is not valid. */
export function renderPac(options: PacOptions): string {
  const proxyHost = options.proxyHost.trim();
  if (!/^[A-Za-z0-9._-]+$/.test(proxyHost) && !/^\[?[0-9A-Fa-f:.]+\]?$/.test(proxyHost)) {
    throw new Error('PAC proxyHost is not a host name or address');
  }
  if (!Number.isInteger(options.proxyPort) || options.proxyPort < 1 || options.proxyPort > 65535) {
    throw new Error('PAC proxyPort is not a port');
  }
  const proxy =
    proxyHost.includes(':') && !proxyHost.startsWith('[')
      ? `[${proxyHost}]:${options.proxyPort}`
      : `${proxyHost}:${options.proxyPort}`;
  const conditions = (options.direct ?? []).map(condition);
  const lines = [
    '// Haven web proxy: every address goes through the school proxy, except those listed here.',
    'function FindProxyForURL(url, host) {',
    '  host = host.toLowerCase();',
    '  var isIp = /^\\d+\\.\\d+\\.\\d+\\.\\d+$/.test(host);',
    '  if (host === "localhost" || host === "127.0.0.1") return "DIRECT";',
    ...conditions.map((c) => `  if (${c}) return "DIRECT";`),
    `  return ${JSON.stringify(`PROXY ${proxy}`)};`,
    '}',
    '',
  ];
  return lines.join('\n');
}
