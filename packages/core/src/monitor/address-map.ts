import { parseAddress } from '../filter/network.ts';

/**
 * A mapping file for imported logs: which person used which address, for logs from filters that
 * never knew (a DNS server sees only addresses). One entry a line, comma- or tab-separated:
 * `address,username[,group]`; an optional header line naming those columns; `#` comments and
 * blank lines allowed. Each bad line is reported with its number; never throws.
 */

export interface AddressMapEntry {
  user: string;
  group: string | null;
}

export interface AddressMap {
  entries: Map<string, AddressMapEntry>;
  problems: { line: number; reason: string }[];
}

const USERNAME = /^[^\s,]{1,200}$/;
const GROUP = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function parseAddressMap(text: string): AddressMap {
  const entries = new Map<string, AddressMapEntry>();
  const problems: AddressMap['problems'] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/^\uFEFF/, '').trim();
    if (!line || line.startsWith('#')) continue;
    const [address = '', user = '', group = '', ...extra] = line
      .split(/[,\t]/)
      .map((f) => f.trim().replace(/^"|"$/g, ''));
    if (i === 0 && address.toLowerCase() === 'address') continue;
    const reason = extra.some((f) => f !== '')
      ? 'expected address,username[,group]'
      : !parseAddress(address)
        ? `"${address.slice(0, 60)}" is not an IP address`
        : !USERNAME.test(user)
          ? user
            ? `"${user.slice(0, 60)}" is not a username`
            : 'no username'
          : group && !GROUP.test(group)
            ? `"${group.slice(0, 60)}" is not a group id`
            : entries.has(address.toLowerCase())
              ? `${address} is mapped twice`
              : null;
    if (reason) problems.push({ line: i + 1, reason });
    else entries.set(address.toLowerCase(), { user, group: group || null });
  }
  return { entries, problems };
}
