/**
 * The answer cache: what upstream resolvers said, kept for as long as its TTLs allow (RFC 1035
 * §3.2.1, RFC 2181 §8), with negative answers kept as RFC 2308 says, in a bounded LRU map.
 *
 * Only upstream answers are cached, never Haven's verdicts: a policy change applies to the very next
 * query. The cache stores whatever the caller gives it (the server stores ready-encoded answers)
 * under a key of the lower-cased name, the type and the class.
 */
import { type DnsMessage, type DnsRecord, Rcode, RRType } from './codec.ts';

/** The longest a positive answer is kept or handed out (as unbound's cache-max-ttl default). */
export const MAX_POSITIVE_TTL = 86_400;
/** The longest a negative answer is kept: RFC 2308 §5 suggests one to three hours. */
export const MAX_NEGATIVE_TTL = 3_600;

/** What to keep of an upstream answer, and for how long. */
export interface PreparedAnswer {
  rcode: number;
  answers: DnsRecord[];
  authorities: DnsRecord[];
  /** Seconds the answer may be reused; 0 means answer this query with it but do not cache it. */
  ttl: number;
}

/**
 * Chooses the records of an upstream NOERROR or NXDOMAIN answer that clients get, with their TTLs
 * capped, and how long it may be cached. Answers are minimal (as unbound's `minimal-responses`): the
 * answer section, and for a negative answer the SOA that lets clients cache it too.
 */
export function prepareUpstreamAnswer(message: DnsMessage, qtype: number): PreparedAnswer {
  const answers = message.answers.map((record) => capTtl(record, MAX_POSITIVE_TTL));
  const positive =
    message.rcode === Rcode.NOERROR &&
    answers.some((record) => record.type === qtype || qtype === RRType.ANY);
  let ttl = answers.reduce((least, record) => Math.min(least, record.ttl), MAX_POSITIVE_TTL);
  if (positive) return { rcode: message.rcode, answers, authorities: [], ttl };
  // RFC 2308 §3 and §5: a negative answer (NXDOMAIN, or NOERROR without the asked type: NODATA) is
  // cached for the lesser of the SOA's TTL and its MINIMUM field, and the SOA is handed out with that
  // TTL. Without an SOA it is not cached at all (§5).
  const soa = message.authorities.find((record) => record.type === RRType.SOA && record.data.kind === 'soa');
  if (soa?.data.kind !== 'soa') return { rcode: message.rcode, answers, authorities: [], ttl: 0 };
  const negativeTtl = Math.min(soa.ttl, soa.data.minimum, MAX_NEGATIVE_TTL);
  ttl = Math.min(ttl, negativeTtl);
  return { rcode: message.rcode, answers, authorities: [{ ...soa, ttl: negativeTtl }], ttl };
}

function capTtl(record: DnsRecord, cap: number): DnsRecord {
  return record.ttl > cap ? { ...record, ttl: cap } : record;
}

export interface CacheEntry<T> {
  value: T;
  /** When it was stored, in the clock's milliseconds. */
  storedAt: number;
  expiresAt: number;
  /** Used since it was last passed over for eviction (the "second chance" bit). */
  used: boolean;
}

export interface DnsCacheOptions {
  maxEntries: number;
  now: () => number;
}

/**
 * A TTL-bounded map with second-chance (CLOCK) eviction, an approximation of LRU that costs a hit one
 * map lookup and a flag instead of a reordering: when full, the oldest entries are looked at in
 * insertion order, and one used since it was last looked at is moved to the back instead of evicted.
 */
export class DnsCache<T> {
  private readonly entries = new Map<string, CacheEntry<T>>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: DnsCacheOptions) {
    this.maxEntries = Math.max(1, Math.floor(options.maxEntries));
    this.now = options.now;
  }

  /** The key for a lower-cased name (no trailing dot), a type and a class. */
  static key(lowerName: string, type: number, cls: number): string {
    return `${type}/${cls}/${lowerName}`;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The live entry for `key`; undefined when absent or expired. */
  get(key: string): CacheEntry<T> | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.now() >= entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    entry.used = true;
    return entry;
  }

  /** Stores `value` for `ttlSeconds`; does nothing for a TTL of 0 or less (RFC 1035 §3.2.1). */
  set(key: string, value: T, ttlSeconds: number): void {
    if (!(ttlSeconds > 0)) return;
    const storedAt = this.now();
    this.entries.delete(key);
    this.entries.set(key, { value, storedAt, expiresAt: storedAt + ttlSeconds * 1000, used: false });
    // Each pass either evicts or clears a flag, so this ends within two rounds of the map.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.entries().next();
      if (oldest.done) break;
      const [oldestKey, entry] = oldest.value;
      this.entries.delete(oldestKey);
      if (entry.used && storedAt < entry.expiresAt) {
        entry.used = false;
        this.entries.set(oldestKey, entry);
      }
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
