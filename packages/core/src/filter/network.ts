/**
 * Client addresses to filter groups: a school maps subnets (the staff VLAN, the KS3 suite, the
 * guest wireless) to groups. The longest matching prefix wins, so a /28 for the sixth-form room
 * can sit inside the /16 for pupils.
 */

export interface Cidr {
  family: 4 | 6;
  /** Address as 16 bytes (IPv4 as an IPv4-mapped IPv6 address, so both families share one path). */
  bytes: Uint8Array;
  /** Prefix length in the 128-bit space. */
  bits: number;
  text: string;
}

function parseIpv4(s: string): Uint8Array | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(16);
  out[10] = 0xff;
  out[11] = 0xff;
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255 || (p.length > 1 && p.startsWith('0'))) return null;
    out[12 + i] = Number(p);
  }
  return out;
}

function parseIpv6(s: string): Uint8Array | null {
  let text = s;
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  let tail: Uint8Array | null = null;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    tail = parseIpv4(text.slice(lastColon + 1));
    if (!tail) return null;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const groups = halves.length === 2 ? 8 - head.length - rest.length : 0;
  if (halves.length === 1 && head.length !== 8) return null;
  if (groups < 0 || (halves.length === 2 && groups < 1)) return null;
  const all = [...head, ...Array<string>(groups).fill('0'), ...rest];
  if (all.length !== 8) return null;
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    const g = all[i]!;
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    const v = Number.parseInt(g, 16);
    out[i * 2] = v >> 8;
    out[i * 2 + 1] = v & 0xff;
  }
  if (tail) out.set(tail.subarray(12), 12);
  return out;
}

/** An IP address as 16 bytes, or null where it is not one. */
export function parseAddress(s: string): Uint8Array | null {
  return s.includes(':') ? parseIpv6(s) : parseIpv4(s);
}

export function parseCidr(text: string): Cidr | null {
  const [addr, len, extra] = text.trim().split('/');
  if (addr === undefined || extra !== undefined) return null;
  const bytes = parseAddress(addr);
  if (!bytes) return null;
  const family = addr.includes(':') ? 6 : 4;
  const max = family === 4 ? 32 : 128;
  const prefix = len === undefined ? max : /^\d{1,3}$/.test(len) ? Number(len) : Number.NaN;
  if (!(prefix >= 0 && prefix <= max)) return null;
  return { family, bytes, bits: family === 4 ? prefix + 96 : prefix, text: text.trim() };
}

export function cidrContains(cidr: Cidr, address: Uint8Array): boolean {
  let bits = cidr.bits;
  for (let i = 0; i < 16 && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((cidr.bytes[i]! & mask) !== (address[i]! & mask)) return false;
  }
  return true;
}

/** Longest-prefix match over a list of networks. */
export class NetworkMap<T> {
  readonly #entries: { cidr: Cidr; value: T }[];

  constructor(entries: readonly { cidr: Cidr; value: T }[]) {
    this.#entries = [...entries].sort((a, b) => b.cidr.bits - a.cidr.bits);
  }

  lookup(address: string): T | null {
    const bytes = parseAddress(address);
    if (!bytes) return null;
    for (const e of this.#entries) if (cidrContains(e.cidr, bytes)) return e.value;
    return null;
  }
}
