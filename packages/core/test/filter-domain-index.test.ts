import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, type CategoryId } from '../src/filter/categories.ts';
import { HashSet64 } from '../src/filter/domain-index.ts';
import {
  canonicalEntryPath,
  DomainIndex,
  DomainIndexBuilder,
  DomainIndexFormatError,
  fnv1a64Hex,
  urlPathPrefixes,
} from '../src/filter/lists.ts';

/** mulberry32: a small seeded PRNG, so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample(): DomainIndex {
  return new DomainIndexBuilder()
    .addDomain('example.com', 'pornography')
    .addDomain('b.example.com', ['gambling', 'gaming'])
    .addDomain('com', 'advertising')
    .addDomain('other.org', 'chat')
    .addDomain('1.2.3.4', 'malware-hacking')
    .addDomain('2001:db8::1', 'bypass')
    .addDomain('xn--bcher-kva.example', 'shopping')
    .addUrl('example.net/a/b', 'bypass')
    .addUrl('x.example.net/a', 'drugs')
    .addUrl('example.net/', 'chat')
    .addUrl('proxy.example/cgi/', 'bypass')
    .addUrl('search.example/find?q=cache', 'bypass')
    .addUrl('1.2.3.5/~user', 'hate-speech')
    .build();
}

describe('DomainIndex.lookupHost', () => {
  const index = sample();

  it('matches the host and its parent domains', () => {
    expect(index.lookupHost('example.com')).toEqual({
      matched: 'example.com',
      categories: ['pornography', 'advertising'],
    });
    expect(index.lookupHost('www.example.com')?.matched).toBe('example.com');
    expect(index.lookupHost('a.b.example.com')).toEqual({
      matched: 'b.example.com',
      categories: ['gambling', 'pornography', 'gaming', 'advertising'],
    });
    expect(index.lookupHost('deep.er.other.org')).toEqual({ matched: 'other.org', categories: ['chat'] });
  });

  it('compares whole labels only', () => {
    expect(index.lookupHost('notexample.com')).toEqual({ matched: 'com', categories: ['advertising'] });
    expect(index.lookupHost('another.org')).toBeNull();
    expect(index.lookupHost('other.org.uk')).toBeNull();
    expect(index.lookupHost('xother.org')).toBeNull();
    expect(index.lookupHost('org')).toBeNull();
  });

  it('returns the union of categories in CATEGORY_IDS order, and the most specific match', () => {
    const m = index.lookupHost('x.b.example.com');
    expect(m?.matched).toBe('b.example.com');
    const order = (m?.categories ?? []).map((c) => CATEGORY_IDS.indexOf(c));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('treats IP literals as exact entries', () => {
    expect(index.lookupHost('1.2.3.4')).toEqual({ matched: '1.2.3.4', categories: ['malware-hacking'] });
    expect(index.lookupHost('1.2.3.5')).toBeNull();
    expect(index.lookupHost('2001:db8::1')?.categories).toEqual(['bypass']);
    expect(index.lookupHost('2001:db8::2')).toBeNull();
  });

  it('tolerates one trailing dot and refuses empty input', () => {
    expect(index.lookupHost('www.example.com.')?.matched).toBe('example.com');
    expect(index.lookupHost('')).toBeNull();
    expect(index.lookupHost('.')).toBeNull();
  });

  it('does not normalise: lookups take normalised hosts', () => {
    expect(index.lookupHost('xn--bcher-kva.example')?.categories).toEqual(['shopping']);
    expect(index.lookupHost('bücher.example')).toBeNull();
  });

  it('returns the same frozen categories array for the same set', () => {
    const a = index.lookupHost('other.org');
    const b = index.lookupHost('x.other.org');
    expect(a?.categories).toBe(b?.categories);
    expect(Object.isFrozen(a?.categories)).toBe(true);
  });
});

describe('DomainIndex.lookupUrl', () => {
  const index = sample();

  it('matches a path prefix at a segment boundary', () => {
    expect(index.lookupUrl('example.net', '/a/b')).toEqual({
      matched: 'example.net/a/b',
      categories: ['chat', 'bypass'],
    });
    expect(index.lookupUrl('example.net', '/a/b/c')?.matched).toBe('example.net/a/b');
    expect(index.lookupUrl('example.net', '/a/b?x=1')?.matched).toBe('example.net/a/b');
    expect(index.lookupUrl('example.net', '/a/b/')?.matched).toBe('example.net/a/b');
    // Not at a boundary: only the root entry matches.
    expect(index.lookupUrl('example.net', '/a/bc')).toEqual({
      matched: 'example.net/',
      categories: ['chat'],
    });
  });

  it('matches entries of parent domains, longest path first', () => {
    expect(index.lookupUrl('x.example.net', '/a/b/c')).toEqual({
      matched: 'example.net/a/b',
      categories: ['drugs', 'chat', 'bypass'],
    });
    expect(index.lookupUrl('x.example.net', '/a')).toEqual({
      matched: 'x.example.net/a',
      categories: ['drugs', 'chat'],
    });
    expect(index.lookupUrl('y.example.net', '/a')).toEqual({ matched: 'example.net/', categories: ['chat'] });
    expect(index.lookupUrl('notexample.net', '/a/b')).toBeNull();
  });

  it('stores entry paths without a trailing slash', () => {
    expect(index.lookupUrl('proxy.example', '/cgi')?.matched).toBe('proxy.example/cgi');
    expect(index.lookupUrl('proxy.example', '/cgi/')?.matched).toBe('proxy.example/cgi');
    expect(index.lookupUrl('proxy.example', '/cgi/nph-proxy.cgi')?.matched).toBe('proxy.example/cgi');
    expect(index.lookupUrl('proxy.example', '/cgi-bin')).toBeNull();
  });

  it('matches query entries before `&` only', () => {
    expect(index.lookupUrl('search.example', '/find?q=cache')?.categories).toEqual(['bypass']);
    expect(index.lookupUrl('search.example', '/find?q=cache&x=1')?.categories).toEqual(['bypass']);
    expect(index.lookupUrl('search.example', '/find?q=cached')).toBeNull();
    expect(index.lookupUrl('search.example', '/find')).toBeNull();
  });

  it('does not consult domain entries, and handles IP hosts', () => {
    expect(index.lookupUrl('other.org', '/')).toBeNull();
    expect(index.lookupUrl('1.2.3.5', '/~user/x')?.categories).toEqual(['hate-speech']);
    expect(index.lookupUrl('1.2.3.5', '/~users')).toBeNull();
  });

  it('returns null quickly for an index without URL entries', () => {
    const plain = new DomainIndexBuilder().addDomain('example.com', 'chat').build();
    expect(plain.lookupUrl('example.com', '/')).toBeNull();
  });
});

describe('DomainIndexBuilder', () => {
  it('merges repeated entries by union', () => {
    const index = new DomainIndexBuilder()
      .addDomain('example.com', 'chat')
      .addDomain('example.com', ['chat', 'dating'])
      .addDomain('example.com', 'pornography')
      .addUrl('example.com/x', 'drugs')
      .addUrl('example.com/x/', 'violence')
      .build();
    expect(index.lookupHost('example.com')?.categories).toEqual(['pornography', 'chat', 'dating']);
    expect(index.lookupUrl('example.com', '/x')?.categories).toEqual(['drugs', 'violence']);
    expect(index.stats()).toMatchObject({ domains: 1, urls: 1, urlHosts: 1 });
    expect(index.size).toBe(2);
  });

  it('refuses bad input', () => {
    const b = new DomainIndexBuilder();
    expect(() => b.addDomain('', 'chat')).toThrow(RangeError);
    expect(() => b.addDomain('example.com', [])).toThrow(/at least one category/);
    expect(() => b.addDomain('example.com', 'nope' as CategoryId)).toThrow(/unknown category/);
    expect(() => b.addUrl('/path', 'chat')).toThrow(/without a host/);
  });

  it('is not fooled by a reused, mutated categories array', () => {
    const cats: CategoryId[] = ['chat'];
    const b = new DomainIndexBuilder().addDomain('a.example', cats);
    cats[0] = 'drugs';
    b.addDomain('b.example', cats);
    const index = b.build();
    expect(index.lookupHost('a.example')?.categories).toEqual(['chat']);
    expect(index.lookupHost('b.example')?.categories).toEqual(['drugs']);
  });

  it('can go on after build, and each build is independent', () => {
    const b = new DomainIndexBuilder().addDomain('a.example', 'chat');
    const first = b.build();
    b.addDomain('b.example', 'chat');
    const second = b.build();
    expect(first.lookupHost('b.example')).toBeNull();
    expect(second.lookupHost('b.example')).not.toBeNull();
  });

  it('builds an empty index', () => {
    const index = new DomainIndexBuilder().build();
    expect(index.size).toBe(0);
    expect(index.lookupHost('example.com')).toBeNull();
    expect(index.lookupUrl('example.com', '/')).toBeNull();
    expect(DomainIndex.fromBytes(index.toBytes()).size).toBe(0);
  });

  it('reports stats', () => {
    const s = sample().stats();
    expect(s).toMatchObject({ domains: 7, urls: 6, urlHosts: 5 });
    expect(s.categorySets).toBeGreaterThan(0);
    expect(s.bytes).toBeGreaterThan(0);
  });
});

describe('hashing', () => {
  it('is FNV-1a 64', () => {
    expect(fnv1a64Hex('')).toBe('cbf29ce484222325');
    expect(fnv1a64Hex('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64Hex('foobar')).toBe('85944171f73967e8');
  });

  it('HashSet64 finds repeats and grows', () => {
    const set = new HashSet64(4);
    let added = 0;
    let repeated = 0;
    for (let i = 0; i < 10_000; i++) if (set.add(`h${i}`)) added++;
    for (let i = 0; i < 10_000; i++) if (!set.add(`h${i}`)) repeated++;
    expect([added, repeated, set.size]).toEqual([10_000, 10_000, 10_000]);
  });
});

/** The checksum of the byte format, written out independently of the implementation. */
function fixChecksum(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < bytes.byteLength / 4; i++) {
    if (i === 17) continue;
    h = Math.imul(h ^ view.getInt32(i * 4, true), 0x01000193);
  }
  view.setUint32(68, h >>> 0, true);
}

describe('DomainIndex bytes', () => {
  const index = sample();
  const bytes = index.toBytes();

  it('writes a versioned header', () => {
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('HAVENIDX');
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(8, true)).toBe(1);
    expect(view.getUint32(20, true)).toBe(CATEGORY_IDS.length);
    expect(view.getUint32(36, true)).toBe(7);
    expect(view.getUint32(52, true)).toBe(6);
    expect(view.getUint32(64, true)).toBe(bytes.byteLength);
  });

  it('round-trips', () => {
    const again = DomainIndex.fromBytes(bytes);
    for (const h of ['a.b.example.com', 'notexample.com', 'other.org', '1.2.3.4', 'nothing.invalid']) {
      expect(again.lookupHost(h)).toEqual(index.lookupHost(h));
    }
    for (const [h, p] of [
      ['x.example.net', '/a/b/c'],
      ['search.example', '/find?q=cache&x'],
      ['example.net', '/zz'],
    ] as const) {
      expect(again.lookupUrl(h, p)).toEqual(index.lookupUrl(h, p));
    }
    expect(again.stats()).toEqual(index.stats());
    expect(again.toBytes()).toEqual(bytes);
  });

  it('loads from an unaligned buffer (copying it)', () => {
    const big = new Uint8Array(bytes.byteLength + 3);
    big.set(bytes, 3);
    const again = DomainIndex.fromBytes(big.subarray(3));
    expect(again.lookupHost('a.b.example.com')).toEqual(index.lookupHost('a.b.example.com'));
  });

  it('refuses a buffer that is not an index', () => {
    expect(() => DomainIndex.fromBytes(new Uint8Array(10))).toThrow(DomainIndexFormatError);
    expect(() => DomainIndex.fromBytes(new Uint8Array(200))).toThrow(/bad magic/);
    expect(() => DomainIndex.fromBytes(new TextEncoder().encode('x'.repeat(200)))).toThrow(/bad magic/);
  });

  it('refuses another format version', () => {
    const copy = bytes.slice();
    new DataView(copy.buffer).setUint32(8, 2, true);
    expect(() => DomainIndex.fromBytes(copy)).toThrow(/format version 2/);
  });

  it('refuses a truncated or padded buffer', () => {
    expect(() => DomainIndex.fromBytes(bytes.slice(0, bytes.byteLength - 8))).toThrow(/truncated/);
    const padded = new Uint8Array(bytes.byteLength + 8);
    padded.set(bytes);
    expect(() => DomainIndex.fromBytes(padded)).toThrow(/truncated/);
  });

  it('refuses a corrupt buffer (checksum)', () => {
    for (const at of [100, bytes.byteLength - 1, 36]) {
      const copy = bytes.slice();
      copy[at] = (copy[at] as number) ^ 0x10;
      expect(() => DomainIndex.fromBytes(copy)).toThrow(DomainIndexFormatError);
    }
    const copy = bytes.slice();
    copy[bytes.byteLength - 20] = (copy[bytes.byteLength - 20] as number) ^ 1;
    expect(() => DomainIndex.fromBytes(copy)).toThrow(/checksum/);
  });

  it('refuses inconsistent counts even with a valid checksum', () => {
    const copy = bytes.slice();
    new DataView(copy.buffer).setUint32(36, 6, true); // domain entries
    fixChecksum(copy);
    expect(() => DomainIndex.fromBytes(copy)).toThrow(/domains: 7 entries found, header says 6/);
  });

  it('refuses an index naming a category this Haven does not know', () => {
    const copy = bytes.slice();
    const names = new TextDecoder().decode(
      copy.subarray(96, 96 + new DataView(copy.buffer).getUint32(60, true)),
    );
    const at = 96 + names.indexOf('pornography');
    copy.set(new TextEncoder().encode('pornographx'), at);
    fixChecksum(copy);
    expect(() => DomainIndex.fromBytes(copy)).toThrow(/category "pornographx"/);
  });

  it('maps categories by name when their order differs', () => {
    // Swap two equal-length category names in the stored list: the stored bits now mean the other.
    const copy = bytes.slice();
    const namesLength = new DataView(copy.buffer).getUint32(60, true);
    const names = new TextDecoder().decode(copy.subarray(96, 96 + namesLength)).split('\n');
    const i = names.indexOf('chat');
    const j = names.indexOf('blogs');
    expect(i >= 0 && j >= 0).toBe(true);
    [names[i], names[j]] = [names[j] as string, names[i] as string];
    copy.set(new TextEncoder().encode(names.join('\n')), 96);
    fixChecksum(copy);
    const swapped = DomainIndex.fromBytes(copy);
    expect(swapped.lookupHost('other.org')?.categories).toEqual(['blogs']);
    expect(swapped.lookupHost('a.b.example.com')?.categories).toEqual(
      index.lookupHost('a.b.example.com')?.categories,
    );
  });
});

/** The obvious implementation the index must agree with. */
class NaiveIndex {
  readonly domains = new Map<string, Set<CategoryId>>();
  readonly urls = new Map<string, Set<CategoryId>>();

  addDomain(host: string, cats: readonly CategoryId[]): void {
    const set = this.domains.get(host) ?? new Set();
    for (const c of cats) set.add(c);
    this.domains.set(host, set);
  }

  addUrl(key: string, cats: readonly CategoryId[]): void {
    const slash = key.indexOf('/');
    const k = key.slice(0, slash) + canonicalEntryPath(key.slice(slash));
    const set = this.urls.get(k) ?? new Set();
    for (const c of cats) set.add(c);
    this.urls.set(k, set);
  }

  private static sorted(set: Set<CategoryId>): CategoryId[] {
    return CATEGORY_IDS.filter((c) => set.has(c));
  }

  private static suffixes(host: string): string[] {
    const labels = host.split('.');
    return labels.map((_, i) => labels.slice(i).join('.'));
  }

  lookupHost(host: string): { matched: string; categories: CategoryId[] } | null {
    const union = new Set<CategoryId>();
    let matched: string | null = null;
    for (const s of NaiveIndex.suffixes(host)) {
      const cats = this.domains.get(s);
      if (!cats) continue;
      matched ??= s;
      for (const c of cats) union.add(c);
    }
    return matched === null ? null : { matched, categories: NaiveIndex.sorted(union) };
  }

  lookupUrl(host: string, path: string): { matched: string; categories: CategoryId[] } | null {
    const union = new Set<CategoryId>();
    let best: { path: string; host: string } | null = null;
    for (const s of NaiveIndex.suffixes(host)) {
      for (const p of urlPathPrefixes(path)) {
        const cats = this.urls.get(s + p);
        if (!cats) continue;
        for (const c of cats) union.add(c);
        if (
          !best ||
          p.length > best.path.length ||
          (p.length === best.path.length && s.length > best.host.length)
        ) {
          best = { path: p, host: s };
        }
      }
    }
    return best === null ? null : { matched: best.host + best.path, categories: NaiveIndex.sorted(union) };
  }
}

describe('DomainIndex against a naive implementation', () => {
  const rnd = prng(20_240_917);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const label = (): string => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-';
    const n = 1 + Math.floor(rnd() * 8);
    let s = pick([...'abcdefghijklmnopqrstuvwxyz']);
    for (let i = 1; i < n; i++) s += pick([...alphabet.slice(0, 36)]);
    return s;
  };
  const tlds = ['com', 'org', 'net', 'co.uk', 'de', 'example'];
  const randomHost = (): string => {
    const depth = Math.floor(rnd() * 3);
    const parts = [label()];
    for (let i = 0; i < depth; i++) parts.unshift(label());
    return `${parts.join('.')}.${pick(tlds)}`;
  };
  const randomCats = (): CategoryId[] => {
    const n = 1 + Math.floor(rnd() * 3);
    return Array.from({ length: n }, () => pick(CATEGORY_IDS));
  };
  const segments = ['a', 'b', 'c', 'ab', 'x.html', 'p?q=1', 'p?q=1&r=2'];
  const randomPath = (): string => {
    const n = Math.floor(rnd() * 4);
    let p = '';
    for (let i = 0; i < n; i++) p += `/${pick(segments)}`;
    return p === '' ? '/' : rnd() < 0.2 ? `${p}/` : p;
  };

  const naive = new NaiveIndex();
  const builder = new DomainIndexBuilder();
  const listed: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const host = randomHost();
    const cats = randomCats();
    listed.push(host);
    naive.addDomain(host, cats);
    builder.addDomain(host, cats.length === 1 ? (cats[0] as CategoryId) : cats);
  }
  // A few listed TLD-level entries and repeats.
  naive.addDomain('co.uk', ['advertising']);
  builder.addDomain('co.uk', ['advertising']);
  for (let i = 0; i < 2000; i++) {
    const host = pick(listed);
    naive.addDomain(host, ['violence']);
    builder.addDomain(host, 'violence');
  }
  const urlKeys: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const key = `${rnd() < 0.5 ? pick(listed) : randomHost()}${randomPath()}`;
    const cats = randomCats();
    urlKeys.push(key);
    naive.addUrl(key, cats);
    builder.addUrl(key, cats);
  }
  const index = builder.build();
  const reloaded = DomainIndex.fromBytes(index.toBytes());

  it('agrees on 20,000 host lookups (listed, subdomains of listed, unlisted)', () => {
    let hits = 0;
    for (let i = 0; i < 20_000; i++) {
      const kind = i % 4;
      const host =
        kind === 0
          ? pick(listed)
          : kind === 1
            ? `${label()}.${pick(listed)}`
            : kind === 2
              ? randomHost()
              : `x${pick(listed)}`;
      const expected = naive.lookupHost(host);
      expect(index.lookupHost(host), host).toEqual(expected);
      expect(reloaded.lookupHost(host), host).toEqual(expected);
      if (expected) hits++;
    }
    expect(hits).toBeGreaterThan(5000);
    expect(index.stats().domains).toBe(naive.domains.size);
  });

  it('agrees on 10,000 URL lookups', () => {
    let hits = 0;
    for (let i = 0; i < 10_000; i++) {
      const base = pick(urlKeys);
      const slash = base.indexOf('/');
      const host = i % 3 === 0 ? `${label()}.${base.slice(0, slash)}` : base.slice(0, slash);
      const path = i % 2 === 0 ? base.slice(slash) + randomPath().slice(rnd() < 0.5 ? 0 : 1) : randomPath();
      const expected = naive.lookupUrl(host, path);
      expect(index.lookupUrl(host, path), `${host} ${path}`).toEqual(expected);
      expect(reloaded.lookupUrl(host, path), `${host} ${path}`).toEqual(expected);
      if (expected) hits++;
    }
    expect(hits).toBeGreaterThan(3000);
    expect(index.stats().urls).toBe(naive.urls.size);
  });
});
