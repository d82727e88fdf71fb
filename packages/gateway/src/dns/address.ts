/**
 * IPv4 and IPv6 addresses as text and as the 4 and 16 octets of A and AAAA RDATA (RFC 1035 §3.4.1,
 * RFC 3596 §2.2). Text output for IPv6 follows RFC 5952 (lower case, no leading zeros, the longest run
 * of two or more zero groups as `::`).
 */

/** Writes a dotted-quad IPv4 address into `out` at `offset`; false if `text` is not one. */
export function writeIpv4(text: string, out: Uint8Array, offset: number): boolean {
  const parts = text.split('.');
  if (parts.length !== 4) return false;
  for (let i = 0; i < 4; i++) {
    const part = parts[i]!;
    if (!/^(?:0|[1-9]\d{0,2})$/.test(part)) return false;
    const value = Number(part);
    if (value > 255) return false;
    out[offset + i] = value;
  }
  return true;
}

export function readIpv4(bytes: Uint8Array, offset: number): string {
  return `${bytes[offset]}.${bytes[offset + 1]}.${bytes[offset + 2]}.${bytes[offset + 3]}`;
}

function parseGroups(text: string, groups: number[]): boolean {
  if (text === '') return true;
  const parts = text.split(':');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = new Uint8Array(4);
      if (!writeIpv4(part, v4, 0)) return false;
      groups.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return false;
    groups.push(Number.parseInt(part, 16));
  }
  return true;
}

/** Writes an IPv6 address (any RFC 4291 §2.2 text form, no zone index) as 16 octets; false if invalid. */
export function writeIpv6(text: string, out: Uint8Array, offset: number): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const head: number[] = [];
  const tail: number[] = [];
  if (!parseGroups(halves[0]!, head)) return false;
  if (halves.length === 2) {
    if (!parseGroups(halves[1]!, tail)) return false;
    if (head.length + tail.length > 7) return false;
  } else if (head.length !== 8) {
    return false;
  }
  const groups = new Array<number>(8).fill(0);
  head.forEach((g, i) => {
    groups[i] = g;
  });
  tail.forEach((g, i) => {
    groups[8 - tail.length + i] = g;
  });
  for (let i = 0; i < 8; i++) {
    out[offset + 2 * i] = groups[i]! >> 8;
    out[offset + 2 * i + 1] = groups[i]! & 0xff;
  }
  return true;
}

export function readIpv6(bytes: Uint8Array, offset: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push((bytes[offset + 2 * i]! << 8) | bytes[offset + 2 * i + 1]!);
  // RFC 5952 §5: IPv4-mapped addresses keep the dotted quad.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${readIpv4(bytes, offset + 12)}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
