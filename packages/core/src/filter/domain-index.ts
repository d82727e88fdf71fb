import { CATEGORY_IDS, type CategoryId } from './categories.ts';

/**
 * The compiled domain and URL index the gateway queries for every request.
 *
 * Design (see also docs/filter-lists.md):
 *
 * - No strings are kept. Every entry is reduced to a 64-bit FNV-1a hash, held as two 32-bit halves
 *   in an `Int32Array` (open addressing, linear probing, load factor at most 0.5, so an absent key
 *   costs about 2.5 slot reads on average, adjacent in memory). A parallel `Uint16Array` (or
 *   `Uint32Array` when there are more than 65,535 distinct sets) holds the id of the entry's
 *   category set; the distinct sets live in a small table of bitsets with
 *   ceil(CATEGORY_IDS.length / 32) words each. With 32 categories that is one `Uint32` bitmask a
 *   set; more categories need no change. About 10 bytes a slot, 20 bytes a domain: 5 million
 *   domains take about 113 MB.
 * - Host hashes are computed right to left (FNV-1a over the UTF-16 code units of the host, last
 *   character first), so one scan from the end of `a.b.example.com` yields the hashes of `com`,
 *   `example.com`, `b.example.com` and `a.b.example.com` in turn without slicing or allocating.
 *   URL entries hash `host` that way and then continue the same hash over the path left to right,
 *   so a request path is checked prefix by prefix in one pass too.
 * - False positives: two different keys share a 64-bit hash with probability 2^-64. A lookup of an
 *   unlisted host tries at most a handful of suffixes, each of which would have to equal one of the
 *   n stored hashes: about (suffixes * n) / 2^64, i.e. 1e-12 for 5 million entries, far below any
 *   other error in a filter list. A collision can only add a match (never hide a listed entry:
 *   colliding entries merge their categories). FNV-1a is not keyed, so someone could craft a host
 *   that collides with a listed one on purpose; all they gain is getting their own host blocked.
 * - A collision among the entries themselves (n^2 / 2^65, about 7e-7 for 5 million) merges the
 *   two entries' categories; both remain blocked.
 * - A small Bloom filter in front of the domain table (see `Filter`) saves most of the
 *   memory reads for suffixes that are not listed.
 * - Only on a hit is anything allocated: `matched` is sliced from the host (and path) that was
 *   looked up, since the scan position tells which suffix matched.
 * - `toBytes()` / `fromBytes()` write and read the typed arrays as one buffer (byte format below);
 *   loading views the buffer without copying it when it is 8-byte aligned.
 *
 * Lookups expect normalised input (`normaliseHost` / `normaliseUrl`): lower case, punycode. A
 * single trailing dot on the host is tolerated. IP literals need no special case: an IPv4
 * address's suffixes (`2.3.4`) are never valid entries, and IPv6 literals contain no dots.
 */

const OFFSET_LO = 0x84222325 | 0;
const OFFSET_HI = 0xcbf29ce4 | 0;
const TWO_32 = 4294967296;

const CATEGORY_COUNT = CATEGORY_IDS.length;
/** Words a category bitset takes. With up to 32 categories this is 1: a plain Uint32 bitmask. */
const WORDS = Math.max(1, Math.ceil(CATEGORY_COUNT / 32));
const CATEGORY_INDEX: ReadonlyMap<string, number> = new Map(CATEGORY_IDS.map((c, i) => [c, i]));

/*
 * One FNV-1a 64 step in 32-bit halves: (hi:lo) = ((hi:lo) ^ c) * (2^40 + 0x1b3) mod 2^64, i.e.
 * with u = lo ^ c: lo' = u * 0x1b3 mod 2^32 and hi' = hi * 0x1b3 + (u << 8) + fnvCarry(u) mod
 * 2^32. Written out in the hot loops below; integer arithmetic only.
 */

/** The high 32 bits of u * 0x1b3 (u unsigned), from u's 16-bit halves. */
function fnvCarry(u: number): number {
  return ((u >>> 16) * 0x1b3 + (((u & 0xffff) * 0x1b3) >>> 16)) >>> 16;
}

// Scratch output of the hash helpers below (the halves of one 64-bit hash), so no arrays are made.
let outLo = 0;
let outHi = 0;

/** FNV-1a 64 of `s` read right to left, continuing from (lo, hi); result in outLo/outHi. */
function hashRtl(s: string, lo: number, hi: number): void {
  for (let i = s.length - 1; i >= 0; i--) {
    const u = lo ^ s.charCodeAt(i);
    hi = (Math.imul(hi, 0x1b3) + (u << 8) + fnvCarry(u)) | 0;
    lo = Math.imul(u, 0x1b3);
  }
  outLo = lo;
  outHi = hi;
}

/** FNV-1a 64 of `s` read left to right, continuing from (lo, hi); result in outLo/outHi. */
function hashLtr(s: string, lo: number, hi: number): void {
  for (let i = 0; i < s.length; i++) {
    const u = lo ^ s.charCodeAt(i);
    hi = (Math.imul(hi, 0x1b3) + (u << 8) + fnvCarry(u)) | 0;
    lo = Math.imul(u, 0x1b3);
  }
  outLo = lo;
  outHi = hi;
}

/**
 * FNV-1a 64 of a string (UTF-16 code units, left to right) as 16 lower-case hex digits. Exported
 * for tests and tools; the index itself never builds these strings.
 */
export function fnv1a64Hex(s: string): string {
  hashLtr(s, OFFSET_LO, OFFSET_HI);
  return (outHi >>> 0).toString(16).padStart(8, '0') + (outLo >>> 0).toString(16).padStart(8, '0');
}

/** murmur3's 32-bit finaliser: spreads the hash over the slot range. */
function mix(lo: number, hi: number): number {
  let h = lo ^ hi;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The slot a hash starts probing at: `floor(mix * cap / 2^32)` (Lemire's "fastrange"), so the
 * capacity need not be a power of two and the table can be sized at exactly twice its entries.
 * Deterministic, so the same in the builder, the index and a reloaded index.
 */
function home(lo: number, hi: number, scale: number): number {
  return (mix(lo, hi) * scale) | 0;
}

/** Linear probing from slot `i`: the slot holding (lo, hi), or -1. */
function probeFrom(slots: Int32Array, cap: number, i: number, lo: number, hi: number): number {
  for (;;) {
    const a = slots[2 * i] as number;
    const b = slots[2 * i + 1] as number;
    if (a === lo && b === hi) return i;
    if ((a | b) === 0) return -1;
    if (++i === cap) i = 0;
  }
}

/** (0, 0) marks an empty slot, so a key that hashes to it is stored as (1, 0). */
function probe(slots: Int32Array, cap: number, scale: number, lo: number, hi: number): number {
  if ((lo | hi) === 0) lo = 1;
  let i = home(lo, hi, scale);
  for (;;) {
    const a = slots[2 * i] as number;
    const b = slots[2 * i + 1] as number;
    if (a === lo && b === hi) return i;
    if ((a | b) === 0) return -1;
    if (++i === cap) i = 0;
  }
}

/** A small, growable, 64-bit-hash set of strings (used to count duplicate lines). */
export class HashSet64 {
  private slots: Int32Array;
  private cap: number;
  private scale: number;
  private count = 0;

  /** `expected`: about how many strings will be added (the set grows past it if need be). */
  constructor(expected = 16) {
    this.cap = Math.max(16, Math.ceil(expected / 0.7));
    this.scale = this.cap / TWO_32;
    this.slots = new Int32Array(this.cap * 2);
  }

  get size(): number {
    return this.count;
  }

  /** Adds `s`; returns false when it was already there. */
  add(s: string): boolean {
    hashLtr(s, OFFSET_LO, OFFSET_HI);
    let lo = outLo;
    const hi = outHi;
    if ((lo | hi) === 0) lo = 1;
    const { slots, cap } = this;
    let i = home(lo, hi, this.scale);
    for (;;) {
      const a = slots[2 * i] as number;
      const b = slots[2 * i + 1] as number;
      if (a === lo && b === hi) return false;
      if ((a | b) === 0) break;
      if (++i === cap) i = 0;
    }
    slots[2 * i] = lo;
    slots[2 * i + 1] = hi;
    this.count++;
    if (this.count > this.cap * 0.75) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.cap *= 2;
    this.scale = this.cap / TWO_32;
    this.slots = new Int32Array(this.cap * 2);
    for (let j = 0; j < old.length; j += 2) {
      const lo = old[j] as number;
      const hi = old[j + 1] as number;
      if ((lo | hi) !== 0) insertHash(this.slots, this.cap, this.scale, lo, hi);
    }
  }
}

function insertHash(slots: Int32Array, cap: number, scale: number, lo: number, hi: number): number {
  let i = home(lo, hi, scale);
  for (;;) {
    const a = slots[2 * i] as number;
    const b = slots[2 * i + 1] as number;
    if ((a | b) === 0) {
      slots[2 * i] = lo;
      slots[2 * i + 1] = hi;
      return i;
    }
    if (a === lo && b === hi) return -1 - i;
    if (++i === cap) i = 0;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Distinct category sets, as bitsets of WORDS words, numbered from 0. */
class SetInterner {
  readonly words: number[] = [];
  private readonly ids = new Map<string, number>();
  private readonly single = new Map<string, number>();
  private readonly unions = new Map<number, number>();
  private lastInput: string[] = [];
  private lastSingle = '';
  private lastSingleId = -1;
  private lastId = -1;

  get size(): number {
    return this.ids.size;
  }

  private intern(bits: readonly number[]): number {
    const key = bits.join(',');
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
      for (const w of bits) this.words.push(w >>> 0);
    }
    return id;
  }

  idFor(categories: readonly CategoryId[] | CategoryId): number {
    if (typeof categories === 'string') {
      if (categories === this.lastSingle) return this.lastSingleId;
      let id = this.single.get(categories);
      if (id === undefined) {
        id = this.idFor([categories]);
        this.single.set(categories, id);
      }
      this.lastSingle = categories;
      this.lastSingleId = id;
      return id;
    }
    if (sameList(categories, this.lastInput)) return this.lastId;
    if (categories.length === 0) throw new RangeError('an index entry needs at least one category');
    const bits = new Array<number>(WORDS).fill(0);
    for (const c of categories) {
      const i = CATEGORY_INDEX.get(c);
      if (i === undefined) throw new RangeError(`unknown category ${JSON.stringify(c)}`);
      bits[i >> 5] = ((bits[i >> 5] as number) | (1 << (i & 31))) >>> 0;
    }
    const id = this.intern(bits);
    this.lastInput = [...categories];
    this.lastId = id;
    return id;
  }

  union(a: number, b: number): number {
    if (a === b) return a;
    const key = a < b ? a * TWO_32 + b : b * TWO_32 + a;
    const cacheable = key <= Number.MAX_SAFE_INTEGER;
    let id = cacheable ? this.unions.get(key) : undefined;
    if (id === undefined) {
      const bits: number[] = [];
      for (let w = 0; w < WORDS; w++) {
        bits.push(((this.words[a * WORDS + w] as number) | (this.words[b * WORDS + w] as number)) >>> 0);
      }
      id = this.intern(bits);
      if (cacheable) this.unions.set(key, id);
    }
    return id;
  }
}

const BUCKET_BITS = 8;
const BUCKETS = 1 << BUCKET_BITS;
const MAX_CHUNK = 4096;

/**
 * An append-only log of (hash lo, hash hi, set id) triples, kept in 256 buckets by the top bits of
 * the slot hash. Slot positions grow with the slot hash whatever the table's capacity, so filling
 * the table bucket by bucket writes it front to back: each bucket's writes stay within 1/256 of
 * the table (cache-resident) instead of landing anywhere in 100 MB. Stored in chunks (at most
 * 4,096 triples each), so it never copies as it grows.
 */
const EMPTY_CHUNK = new Int32Array(0);

class HashLog {
  private readonly chunks: Int32Array[][] = Array.from({ length: BUCKETS }, () => []);
  /** Each bucket's current chunk, and how many ints of it are used. */
  private readonly current: Int32Array[] = new Array<Int32Array>(BUCKETS).fill(EMPTY_CHUNK);
  private readonly fill = new Int32Array(BUCKETS);
  count = 0;

  push(lo: number, hi: number, id: number): void {
    if ((lo | hi) === 0) lo = 1;
    const b = mix(lo, hi) >>> (32 - BUCKET_BITS);
    let chunk = this.current[b] as Int32Array;
    let j = this.fill[b] as number;
    if (j === chunk.length) {
      const list = this.chunks[b] as Int32Array[];
      chunk = new Int32Array(Math.min(MAX_CHUNK, 64 << list.length) * 3);
      list.push(chunk);
      this.current[b] = chunk;
      j = 0;
    }
    chunk[j] = lo;
    chunk[j + 1] = hi;
    chunk[j + 2] = id;
    this.fill[b] = j + 3;
    this.count++;
  }

  /** Calls `fn` for every chunk, bucket by bucket, with the number of ints used in it. */
  forEachChunk(fn: (chunk: Int32Array, used: number) => void): void {
    for (let b = 0; b < BUCKETS; b++) {
      const list = this.chunks[b] as Int32Array[];
      for (let c = 0; c < list.length; c++) {
        const chunk = list[c] as Int32Array;
        fn(chunk, c === list.length - 1 ? (this.fill[b] as number) : chunk.length);
      }
    }
  }
}

type SetIds = Uint16Array | Uint32Array;

interface Table {
  slots: Int32Array;
  ids: SetIds | null;
  cap: number;
  count: number;
}

function capacityFor(n: number): number {
  return Math.max(2, n * 2);
}

/**
 * A one-hash Bloom filter over the domain table (8 to 16 bits an entry, a power of two, so 6-12%
 * of absent keys get past it). It is small enough to stay in the CPU cache (8 MB for 5 million
 * entries), so most suffixes that are not listed are turned away without a read from the 100 MB
 * table. Not stored: the builder sets it while it fills the table, and `fromBytes` while it checks
 * the table. A key's bit is the top bits of `mix`, like the key's slot, so either way it is
 * written front to back; that costs nothing in accuracy, since a key's bit depends only on its
 * hash.
 */
interface Filter {
  filter: Int32Array;
  shift: number;
}

function emptyFilter(count: number): Filter {
  let log2 = 6;
  while (2 ** log2 < count * 8 && log2 < 30) log2++;
  return { filter: new Int32Array(2 ** (log2 - 5)), shift: 32 - log2 };
}

function addToFilter(f: Filter, lo: number, hi: number): void {
  const bit = mix(lo, hi) >>> f.shift;
  f.filter[bit >>> 5] = (f.filter[bit >>> 5] as number) | (1 << (bit & 31));
}

/**
 * Inserts a log into a table of the given capacity, merging the sets of equal hashes, and sets
 * each new key's bit in `filter` if one is given.
 */
function fillTable(log: HashLog, cap: number, sets: SetInterner | null, filter: Filter | null): Table {
  const slots = new Int32Array(cap * 2);
  const scale = cap / TWO_32;
  let ids: SetIds | null = sets ? (sets.size <= 0xffff ? new Uint16Array(cap) : new Uint32Array(cap)) : null;
  let count = 0;
  log.forEachChunk((chunk, used) => {
    for (let j = 0; j < used; j += 3) {
      const lo = chunk[j] as number;
      const hi = chunk[j + 1] as number;
      const id = chunk[j + 2] as number;
      const at = insertHash(slots, cap, scale, lo, hi);
      if (at >= 0) {
        count++;
        if (filter) addToFilter(filter, lo, hi);
        if (ids) {
          if (id > 0xffff && ids instanceof Uint16Array) ids = Uint32Array.from(ids);
          ids[at] = id;
        }
      } else if (ids && sets) {
        const i = -1 - at;
        const merged = sets.union(ids[i] as number, id);
        if (merged > 0xffff && ids instanceof Uint16Array) ids = Uint32Array.from(ids);
        ids[i] = merged;
      }
    }
  });
  return { slots, ids, cap, count };
}

function buildTable(log: HashLog, sets: SetInterner | null, filter: Filter | null = null): Table {
  const first = fillTable(log, capacityFor(log.count), sets, filter);
  // Many duplicates (the same list imported under several names) leave the table sparse: rebuild
  // it at twice its distinct entries. Its slots are in hash order, so no re-merging is needed.
  if (first.count >= 16 && first.count * 2 < first.cap * 0.75) {
    const cap = capacityFor(first.count);
    const slots = new Int32Array(cap * 2);
    const scale = cap / TWO_32;
    const ids: SetIds | null = first.ids
      ? first.ids instanceof Uint16Array
        ? new Uint16Array(cap)
        : new Uint32Array(cap)
      : null;
    for (let i = 0; i < first.cap; i++) {
      const lo = first.slots[2 * i] as number;
      const hi = first.slots[2 * i + 1] as number;
      if ((lo | hi) === 0) continue;
      const at = insertHash(slots, cap, scale, lo, hi);
      if (ids && first.ids) ids[at] = first.ids[i] as number;
    }
    return { slots, ids, cap, count: first.count };
  }
  return first;
}

export interface HostMatch {
  /** The most specific listed entry that matched (the longest matching suffix of the host). */
  matched: string;
  /** The union of the categories of every matching entry, in CATEGORY_IDS order. */
  categories: readonly CategoryId[];
}

export interface UrlMatch {
  /** The most specific URL entry that matched, as a `host/path` key (longest path, then host). */
  matched: string;
  /** The union of the categories of every matching URL entry, in CATEGORY_IDS order. */
  categories: readonly CategoryId[];
}

export interface DomainIndexStats {
  /** Distinct domain entries. */
  domains: number;
  /** Distinct URL entries. */
  urls: number;
  /** Distinct hosts that URL entries name. */
  urlHosts: number;
  /** Distinct category sets. */
  categorySets: number;
  /** Bytes held by the index's typed arrays. */
  bytes: number;
}

interface IndexParts {
  setWords: Uint32Array;
  setCount: number;
  /** The domain table's Bloom filter. */
  filter: Filter;
  domains: Table;
  urlHosts: Table;
  urls: Table;
}

/** The error `DomainIndex.fromBytes` throws for a buffer it will not load. */
export class DomainIndexFormatError extends Error {
  constructor(message: string) {
    super(`Cannot load domain index: ${message}`);
    this.name = 'DomainIndexFormatError';
  }
}

const MAGIC = 'HAVENIDX';
const FORMAT_VERSION = 1;
/** Hash algorithm id in the header: FNV-1a 64, hosts right to left, URL paths continuing left to right. */
const HASH_ALGORITHM = 1;
const HEADER_BYTES = 96;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function align8(n: number): number {
  return (n + 7) & ~7;
}

/** Checksum of a buffer (multiple of 4 bytes) as 32-bit words, skipping the word at `skip`. */
function checksum(bytes: Uint8Array, skipWord: number): number {
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < words.length; i++) {
    if (i === skipWord) continue;
    h = Math.imul(h ^ (words[i] as number), 0x01000193);
  }
  return h >>> 0;
}

/**
 * The compiled index: immutable once built. Swap a reloaded index in by reference.
 *
 * Byte format (`toBytes` / `fromBytes`), version 1: a 96-byte header of little-endian u32 fields,
 *
 *     0  magic "HAVENIDX" (8 bytes)        36  domain entries    60  category names' byte length
 *     8  format version (1)                40  domain slots      64  total bytes
 *    12  header bytes (96)                 44  URL hosts         68  checksum
 *    16  hash algorithm (1)                48  URL host slots    72..95 reserved (0)
 *    20  category count                    52  URL entries
 *    24  words per category set            56  URL slots
 *    28  category sets
 *    32  bytes per set id (2 or 4)
 *
 * followed by these sections, each starting at a multiple of 8 bytes and stored little-endian:
 * the category ids joined by `\n` (UTF-8; categories are stored by name, so an index built by an
 * older Haven with a different category order still loads, and one naming a category this Haven
 * does not know is refused), the set bitsets (u32), the domain slots (2 x i32 each), the domain
 * set ids, the URL-host slots, the URL slots and the URL set ids. The checksum is FNV-1a 32 over
 * all 32-bit words of the buffer except its own.
 */
export class DomainIndex {
  private readonly setWords: Uint32Array;
  private readonly setCount: number;
  private readonly dSlots: Int32Array;
  private readonly dIds: SetIds;
  private readonly dCap: number;
  private readonly dScale: number;
  private readonly dCount: number;
  private readonly hSlots: Int32Array;
  private readonly hCap: number;
  private readonly hScale: number;
  private readonly hCount: number;
  private readonly uSlots: Int32Array;
  private readonly uIds: SetIds;
  private readonly uCap: number;
  private readonly uScale: number;
  private readonly uCount: number;
  private readonly filter: Int32Array;
  private readonly filterShift: number;
  private readonly setCategories: (readonly CategoryId[] | undefined)[];
  private readonly scratch = new Uint32Array(WORDS);

  /** @internal Use `DomainIndexBuilder.build()` or `DomainIndex.fromBytes()`. */
  constructor(parts: IndexParts) {
    this.setWords = parts.setWords;
    this.setCount = parts.setCount;
    this.dSlots = parts.domains.slots;
    this.dIds = parts.domains.ids ?? new Uint16Array(parts.domains.cap);
    this.dCap = parts.domains.cap;
    this.dScale = this.dCap / TWO_32;
    this.dCount = parts.domains.count;
    this.hSlots = parts.urlHosts.slots;
    this.hCap = parts.urlHosts.cap;
    this.hScale = this.hCap / TWO_32;
    this.hCount = parts.urlHosts.count;
    this.uSlots = parts.urls.slots;
    this.uIds = parts.urls.ids ?? new Uint16Array(parts.urls.cap);
    this.uCap = parts.urls.cap;
    this.uScale = this.uCap / TWO_32;
    this.uCount = parts.urls.count;
    this.setCategories = new Array(this.setCount);
    const { filter, shift } = parts.filter;
    this.filter = filter;
    this.filterShift = shift;
  }

  /** Entries in the index: distinct domains plus distinct URL entries. */
  get size(): number {
    return this.dCount + this.uCount;
  }

  stats(): DomainIndexStats {
    const bytes =
      this.setWords.byteLength +
      this.dSlots.byteLength +
      this.dIds.byteLength +
      this.hSlots.byteLength +
      this.uSlots.byteLength +
      this.uIds.byteLength +
      this.filter.byteLength;
    return {
      domains: this.dCount,
      urls: this.uCount,
      urlHosts: this.hCount,
      categorySets: this.setCount,
      bytes,
    };
  }

  private categoriesOf(id: number): readonly CategoryId[] {
    let cats = this.setCategories[id];
    if (cats === undefined) {
      const out: CategoryId[] = [];
      for (let i = 0; i < CATEGORY_COUNT; i++) {
        if (((this.setWords[id * WORDS + (i >> 5)] as number) >>> (i & 31)) & 1) {
          out.push(CATEGORY_IDS[i] as CategoryId);
        }
      }
      cats = Object.freeze(out);
      this.setCategories[id] = cats;
    }
    return cats;
  }

  /** The categories of the union of the scratch bitset. */
  private categoriesOfScratch(): readonly CategoryId[] {
    const out: CategoryId[] = [];
    for (let i = 0; i < CATEGORY_COUNT; i++) {
      if (((this.scratch[i >> 5] as number) >>> (i & 31)) & 1) out.push(CATEGORY_IDS[i] as CategoryId);
    }
    return Object.freeze(out);
  }

  private orIntoScratch(id: number): void {
    for (let w = 0; w < WORDS; w++) {
      this.scratch[w] = (this.scratch[w] as number) | (this.setWords[id * WORDS + w] as number);
    }
  }

  /**
   * The domain entries that `host` falls under: the host itself and each parent domain
   * (`a.b.example.com`, `b.example.com`, `example.com`, `com`). Null when none is listed.
   * `notexample.com` never matches `example.com`: only whole labels are compared.
   */
  lookupHost(host: string): HostMatch | null {
    let n = host.length;
    if (n > 0 && host.charCodeAt(n - 1) === 46) n--;
    if (n === 0) return null;
    const slots = this.dSlots;
    const cap = this.dCap;
    const scale = this.dScale;
    const filter = this.filter;
    const fshift = this.filterShift;
    let lo = OFFSET_LO;
    let hi = OFFSET_HI;
    let first = -1;
    let multi = false;
    let start = -1;
    for (let i = n - 1; i >= -1; i--) {
      if (i === -1 || host.charCodeAt(i) === 46) {
        const klo = (lo | hi) === 0 ? 1 : lo;
        const m = mix(klo, hi);
        const f = m >>> fshift;
        if (i + 1 < n && ((filter[f >>> 5] as number) >>> (f & 31)) & 1) {
          const at = probeFrom(slots, cap, (m * scale) | 0, klo, hi);
          if (at >= 0) {
            const id = this.dIds[at] as number;
            if (first < 0) first = id;
            else if (id !== first) {
              if (!multi) {
                this.scratch.fill(0);
                this.orIntoScratch(first);
                multi = true;
              }
              this.orIntoScratch(id);
            }
            start = i + 1;
          }
        }
        if (i === -1) break;
      }
      const u = lo ^ host.charCodeAt(i);
      hi = (Math.imul(hi, 0x1b3) + (u << 8) + fnvCarry(u)) | 0;
      lo = Math.imul(u, 0x1b3);
    }
    if (first < 0) return null;
    return {
      matched: start === 0 && n === host.length ? host : host.slice(start, n),
      categories: multi ? this.categoriesOfScratch() : this.categoriesOf(first),
    };
  }

  /**
   * The URL entries that a request for `host` + `path` falls under: entries for the host or a
   * parent domain whose path is a prefix of `path` ending at a segment boundary (`/a/b` matches
   * `/a/b`, `/a/b/`, `/a/b/c` and `/a/b?x`, not `/a/bc`; `/a/b?x=1` matches `/a/b?x=1&y=2`).
   * `path` must be normalised (`normaliseUrl`), starting with `/`. Domain entries are not
   * consulted: call `lookupHost` for those.
   */
  lookupUrl(host: string, path: string): UrlMatch | null {
    if (this.uCount === 0) return null;
    let n = host.length;
    if (n > 0 && host.charCodeAt(n - 1) === 46) n--;
    if (n === 0) return null;
    const m = path.length;
    let lo = OFFSET_LO;
    let hi = OFFSET_HI;
    let first = -1;
    let multi = false;
    let bestStart = -1;
    let bestEnd = -1;
    for (let i = n - 1; i >= -1; i--) {
      if ((i === -1 || host.charCodeAt(i) === 46) && i + 1 < n) {
        if (probe(this.hSlots, this.hCap, this.hScale, lo, hi) >= 0) {
          let plo = lo;
          let phi = hi;
          let inQuery = false;
          for (let k = 0; k < m; k++) {
            const c = path.charCodeAt(k);
            const u = plo ^ c;
            phi = (Math.imul(phi, 0x1b3) + (u << 8) + fnvCarry(u)) | 0;
            plo = Math.imul(u, 0x1b3);
            if (c === 63) inQuery = true;
            const e = k + 1;
            let boundary = e === 1 || e === m;
            if (!boundary) {
              const d = path.charCodeAt(e);
              boundary = inQuery ? d === 38 : d === 47 || d === 63;
            }
            if (!boundary) continue;
            const at = probe(this.uSlots, this.uCap, this.uScale, plo, phi);
            if (at < 0) continue;
            const id = this.uIds[at] as number;
            if (first < 0) first = id;
            else if (id !== first) {
              if (!multi) {
                this.scratch.fill(0);
                this.orIntoScratch(first);
                multi = true;
              }
              this.orIntoScratch(id);
            }
            const s = i + 1;
            if (e > bestEnd || (e === bestEnd && s < bestStart)) {
              bestEnd = e;
              bestStart = s;
            }
          }
        }
      }
      if (i === -1) break;
      const u = lo ^ host.charCodeAt(i);
      hi = (Math.imul(hi, 0x1b3) + (u << 8) + fnvCarry(u)) | 0;
      lo = Math.imul(u, 0x1b3);
    }
    if (first < 0) return null;
    return {
      matched: host.slice(bestStart, n) + path.slice(0, bestEnd),
      categories: multi ? this.categoriesOfScratch() : this.categoriesOf(first),
    };
  }

  /** The index as one buffer, for caching on disk; see the class comment for the format. */
  toBytes(): Uint8Array {
    if (!LITTLE_ENDIAN) throw new Error('DomainIndex.toBytes needs a little-endian platform');
    const names = new TextEncoder().encode(CATEGORY_IDS.join('\n'));
    const setIdBytes = this.dIds.BYTES_PER_ELEMENT === 4 || this.uIds.BYTES_PER_ELEMENT === 4 ? 4 : 2;
    const sections: ArrayBufferView[] = [
      names,
      this.setWords.subarray(0, this.setCount * WORDS),
      this.dSlots,
      setIdBytes === 4 && this.dIds instanceof Uint16Array ? Uint32Array.from(this.dIds) : this.dIds,
      this.hSlots,
      this.uSlots,
      setIdBytes === 4 && this.uIds instanceof Uint16Array ? Uint32Array.from(this.uIds) : this.uIds,
    ];
    let total = HEADER_BYTES;
    for (const s of sections) total = align8(total + s.byteLength);
    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    for (let i = 0; i < MAGIC.length; i++) out[i] = MAGIC.charCodeAt(i);
    const fields = [
      FORMAT_VERSION,
      HEADER_BYTES,
      HASH_ALGORITHM,
      CATEGORY_COUNT,
      WORDS,
      this.setCount,
      setIdBytes,
      this.dCount,
      this.dCap,
      this.hCount,
      this.hCap,
      this.uCount,
      this.uCap,
      names.byteLength,
      total,
    ];
    for (const [i, v] of fields.entries()) view.setUint32(8 + i * 4, v, true);
    let off = HEADER_BYTES;
    for (const s of sections) {
      out.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), off);
      off = align8(off + s.byteLength);
    }
    view.setUint32(68, checksum(out, 68 >> 2), true);
    return out;
  }

  /**
   * Loads a buffer written by `toBytes`. Refuses (with a `DomainIndexFormatError`) a buffer with
   * the wrong magic, another format version or hash algorithm, a size or checksum that does not
   * match, inconsistent counts, or a category this Haven does not know. When `bytes` is 8-byte
   * aligned the index views it without copying: do not modify it afterwards.
   */
  static fromBytes(bytes: Uint8Array): DomainIndex {
    if (!LITTLE_ENDIAN) throw new DomainIndexFormatError('a little-endian platform is needed');
    if (bytes.byteLength < HEADER_BYTES) {
      throw new DomainIndexFormatError(`${bytes.byteLength} bytes is too short for the header`);
    }
    for (let i = 0; i < MAGIC.length; i++) {
      if (bytes[i] !== MAGIC.charCodeAt(i))
        throw new DomainIndexFormatError('not a Haven domain index (bad magic)');
    }
    // Typed-array views need aligned offsets; copy (`new Uint8Array(x)` copies, `Buffer#slice` would not).
    if (bytes.byteOffset % 8 !== 0) bytes = new Uint8Array(bytes);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const u32 = (off: number) => view.getUint32(off, true);
    const version = u32(8);
    if (version !== FORMAT_VERSION) {
      throw new DomainIndexFormatError(
        `format version ${version}, this Haven reads version ${FORMAT_VERSION}; rebuild it`,
      );
    }
    if (u32(12) !== HEADER_BYTES) throw new DomainIndexFormatError(`unexpected header size ${u32(12)}`);
    if (u32(16) !== HASH_ALGORITHM) throw new DomainIndexFormatError(`unknown hash algorithm ${u32(16)}`);
    const total = u32(64);
    if (total !== bytes.byteLength) {
      throw new DomainIndexFormatError(
        `the header says ${total} bytes but the buffer has ${bytes.byteLength} (truncated?)`,
      );
    }
    if (total % 8 !== 0) throw new DomainIndexFormatError('size is not a multiple of 8');
    if (checksum(bytes, 68 >> 2) !== u32(68))
      throw new DomainIndexFormatError('checksum mismatch: the buffer is corrupt');

    const catCount = u32(20);
    const words = u32(24);
    const setCount = u32(28);
    const setIdBytes = u32(32);
    const [dCount, dCap, hCount, hCap, uCount, uCap] = [u32(36), u32(40), u32(44), u32(48), u32(52), u32(56)];
    const namesBytes = u32(60);
    if (words !== Math.max(1, Math.ceil(catCount / 32)))
      throw new DomainIndexFormatError('bad words per set');
    if (setIdBytes !== 2 && setIdBytes !== 4) throw new DomainIndexFormatError('bad set id size');
    for (const [count, cap] of [
      [dCount, dCap],
      [hCount, hCap],
      [uCount, uCap],
    ] as const) {
      if (cap < 2 || count * 2 > cap) throw new DomainIndexFormatError('a table is overfull or empty');
    }
    const sizes = [
      namesBytes,
      setCount * words * 4,
      dCap * 8,
      dCap * setIdBytes,
      hCap * 8,
      uCap * 8,
      uCap * setIdBytes,
    ];
    const offsets: number[] = [];
    let off = HEADER_BYTES;
    for (const s of sizes) {
      offsets.push(off);
      off = align8(off + s);
    }
    if (off !== total) throw new DomainIndexFormatError('section sizes do not add up to the buffer size');
    const at = (i: number) => bytes.byteOffset + (offsets[i] as number);
    const buf = bytes.buffer;

    const names = new TextDecoder()
      .decode(bytes.subarray(offsets[0], (offsets[0] as number) + namesBytes))
      .split('\n');
    if (names.length !== catCount) throw new DomainIndexFormatError('category names do not match the count');
    const storedWords = new Uint32Array(buf, at(1), setCount * words);
    let setWords = storedWords;
    const same = catCount === CATEGORY_COUNT && names.every((name, i) => name === CATEGORY_IDS[i]);
    if (!same) {
      const map = names.map((name) => {
        const i = CATEGORY_INDEX.get(name);
        if (i === undefined) {
          throw new DomainIndexFormatError(
            `it uses the category "${name}", which this Haven does not know; rebuild it`,
          );
        }
        return i;
      });
      setWords = new Uint32Array(setCount * WORDS);
      for (let s = 0; s < setCount; s++) {
        for (let b = 0; b < catCount; b++) {
          if (((storedWords[s * words + (b >> 5)] as number) >>> (b & 31)) & 1) {
            const to = map[b] as number;
            setWords[s * WORDS + (to >> 5)] = (setWords[s * WORDS + (to >> 5)] as number) | (1 << (to & 31));
          }
        }
      }
    }
    const ids = (i: number, cap: number): SetIds =>
      setIdBytes === 2 ? new Uint16Array(buf, at(i), cap) : new Uint32Array(buf, at(i), cap);
    /** Views a table, checking it as it goes (and building the domain filter in the same pass). */
    const table = (
      slotsAt: number,
      idsAt: number,
      cap: number,
      count: number,
      what: string,
      filter: Filter | null,
    ): Table => {
      const slots = new Int32Array(buf, at(slotsAt), cap * 2);
      const t: Table = { slots, ids: idsAt >= 0 ? ids(idsAt, cap) : null, cap, count };
      let used = 0;
      for (let i = 0; i < cap; i++) {
        const lo = slots[2 * i] as number;
        const hi = slots[2 * i + 1] as number;
        if ((lo | hi) === 0) continue;
        used++;
        if (filter) addToFilter(filter, lo, hi);
        if (t.ids && (t.ids[i] as number) >= setCount) {
          throw new DomainIndexFormatError(`${what}: set id out of range`);
        }
      }
      if (used !== count) {
        throw new DomainIndexFormatError(`${what}: ${used} entries found, header says ${count}`);
      }
      return t;
    };
    const filter = emptyFilter(dCount);
    return new DomainIndex({
      setWords,
      setCount,
      filter,
      domains: table(2, 3, dCap, dCount, 'domains', filter),
      urlHosts: table(4, -1, hCap, hCount, 'URL hosts', null),
      urls: table(5, 6, uCap, uCount, 'URLs', null),
    });
  }
}

/** Collects entries, then compiles them into a `DomainIndex`. Adding the same entry twice unions its categories. */
export class DomainIndexBuilder {
  private readonly sets = new SetInterner();
  private readonly domains = new HashLog();
  private readonly urls = new HashLog();
  private readonly urlHosts = new HashLog();

  /**
   * Adds a domain (already normalised with `normaliseHost`): it and all its subdomains get the
   * categories. Throws on an empty host or category list, or an unknown category.
   */
  addDomain(host: string, categories: readonly CategoryId[] | CategoryId): this {
    if (host.length === 0) throw new RangeError('empty host');
    const id = this.sets.idFor(categories);
    hashRtl(host, OFFSET_LO, OFFSET_HI);
    this.domains.push(outLo, outHi, id);
    return this;
  }

  /**
   * Adds a URL entry given as a normalised `host/path` key (`parseUrlList` entries, or
   * `normalisedUrlKey`). A key without `/` is taken as `host/`. The path is stored in canonical
   * form (`canonicalEntryPath`: a trailing `/` is dropped).
   */
  addUrl(key: string, categories: readonly CategoryId[] | CategoryId): this {
    const slash = key.indexOf('/');
    const host = slash < 0 ? key : key.slice(0, slash);
    let path = slash < 0 ? '/' : key.slice(slash);
    if (host.length === 0) throw new RangeError(`URL key without a host: ${JSON.stringify(key)}`);
    if (path.length > 1 && path.endsWith('/') && !path.includes('?')) path = path.slice(0, -1);
    const id = this.sets.idFor(categories);
    hashRtl(host, OFFSET_LO, OFFSET_HI);
    const hostLo = outLo;
    const hostHi = outHi;
    this.urlHosts.push(hostLo, hostHi, 0);
    hashLtr(path, hostLo, hostHi);
    this.urls.push(outLo, outHi, id);
    return this;
  }

  /** Compiles what has been added. The builder can go on being used (and built again). */
  build(): DomainIndex {
    const filter = emptyFilter(this.domains.count);
    const domains = buildTable(this.domains, this.sets, filter);
    const urlHosts = buildTable(this.urlHosts, null);
    const urls = buildTable(this.urls, this.sets);
    const setCount = this.sets.size;
    return new DomainIndex({
      setWords: Uint32Array.from(this.sets.words),
      setCount,
      filter,
      domains,
      urlHosts,
      urls,
    });
  }
}
