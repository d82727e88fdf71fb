import { describe, expect, it } from 'vitest';
import {
  canonicalEntryPath,
  isIpLiteral,
  normalisedUrlKey,
  normaliseHost,
  normaliseUrl,
  urlPathPrefixes,
} from '../src/filter/lists.ts';

function host(raw: string): string {
  const r = normaliseHost(raw);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be accepted: ${r.reason}`);
  return r.host;
}

function refused(raw: string): string {
  const r = normaliseHost(raw);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused, got ${r.host}`);
  return r.reason;
}

function url(raw: string): string {
  const r = normaliseUrl(raw);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be accepted: ${r.reason}`);
  return normalisedUrlKey(r.host, r.path);
}

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

describe('normaliseHost', () => {
  it('trims, lower-cases and strips list decorations', () => {
    expect(host('example.com')).toBe('example.com');
    expect(host('  Example.COM  ')).toBe('example.com');
    expect(host('example.com.')).toBe('example.com');
    expect(host('.example.com')).toBe('example.com');
    expect(host('*.example.com')).toBe('example.com');
    expect(host('\t*.Sub.Example.com.\t')).toBe('sub.example.com');
    expect(host('localhost')).toBe('localhost');
  });

  it('strips only one decoration at each end', () => {
    expect(refused('..example.com')).toBe('empty label');
    expect(refused('example.com..')).toBe('empty label');
    expect(refused('*.*.example.com')).toMatch(/invalid character/);
    expect(refused('*example.com')).toMatch(/invalid character/);
  });

  it('refuses empty names and empty labels', () => {
    expect(refused('')).toBe('empty host');
    expect(refused('   ')).toBe('empty host');
    expect(refused('.')).toBe('empty host');
    expect(refused('*.')).toBe('empty host');
    expect(refused('a..b')).toBe('empty label');
    expect(refused('a..b.com')).toBe('empty label');
  });

  it('limits labels to 63 characters and names to 253', () => {
    const l63 = 'a'.repeat(63);
    expect(host(`${l63}.com`)).toBe(`${l63}.com`);
    expect(refused(`${'a'.repeat(64)}.com`)).toBe('label longer than 63 characters');
    const name253 = `${[l63, l63, l63].join('.')}.${'b'.repeat(61)}`;
    expect(name253.length).toBe(253);
    expect(host(name253)).toBe(name253);
    expect(refused(`${name253}c`)).toBe('name longer than 253 characters');
    // The trailing dot does not count.
    expect(host(`${name253}.`)).toBe(name253);
  });

  it('refuses labels that start or end with a hyphen, but not inner double hyphens', () => {
    expect(refused('-a.com')).toBe('label starts or ends with a hyphen');
    expect(refused('a-.com')).toBe('label starts or ends with a hyphen');
    expect(refused('w-w-i-s-.com')).toBe('label starts or ends with a hyphen');
    expect(refused('a.-b.com')).toBe('label starts or ends with a hyphen');
    expect(host('a-b.com')).toBe('a-b.com');
    expect(host('ab--cd.com')).toBe('ab--cd.com');
  });

  it('accepts underscores, which real names and lists use', () => {
    expect(host('my_blog.blogspot.com')).toBe('my_blog.blogspot.com');
    expect(host('_video.example')).toBe('_video.example');
  });

  it('refuses characters outside letters, digits, hyphens and underscores', () => {
    for (const bad of ['a*b.com', 'a b.com', 'a!b.com', 'exa$mple.com', 'a,b.com', 'a~b.com']) {
      expect(refused(bad)).toMatch(/invalid character/);
    }
    expect(refused('a%2eb.com')).toMatch(/invalid character/);
    expect(refused('user@example.com')).toMatch(/invalid character/);
    expect(refused('example.com#x')).toMatch(/invalid character/);
    expect(refused('exa\u0001mple.com')).toBe('control character');
    expect(refused('http://example.com/')).toMatch(/URL/);
    expect(refused('example.com/path')).toMatch(/URL/);
  });

  it('converts IDNs to punycode A-labels (UTS #46)', () => {
    expect(host('bücher.example')).toBe('xn--bcher-kva.example');
    expect(host('BÜCHER.example')).toBe('xn--bcher-kva.example');
    expect(host('.bücher.example.')).toBe('xn--bcher-kva.example');
    expect(host('faß.de')).toBe('xn--fa-hia.de');
    expect(host('例え.テスト')).toBe('xn--r8jz45g.xn--zckzah');
    expect(host('XN--BCHER-KVA.example')).toBe('xn--bcher-kva.example');
    // A full-width dot is mapped to a dot.
    expect(host('ex\uff0eample.com')).toBe('ex.ample.com');
  });

  it('refuses invalid punycode and disallowed code points', () => {
    expect(refused('xn--zz.example')).toBe('invalid internationalised name');
    expect(refused('xn--.com')).toBe('invalid internationalised name');
    expect(refused('a\u200cb.com')).toBe('invalid internationalised name');
  });

  it('keeps IPv4 literals, canonicalising other spellings of them', () => {
    expect(host('192.168.1.10')).toBe('192.168.1.10');
    expect(host('0.0.0.0')).toBe('0.0.0.0');
    expect(host('127.1')).toBe('127.0.0.1');
    expect(host('0x7f.0.0.1')).toBe('127.0.0.1');
    expect(host('2130706433')).toBe('127.0.0.1');
    expect(host('1.2.3.4.')).toBe('1.2.3.4');
    expect(refused('1.2.3.256')).toMatch(/numeric final label/);
    expect(refused('foo.123')).toMatch(/numeric final label/);
    // A numeric label elsewhere is fine.
    expect(host('123.example.com')).toBe('123.example.com');
    expect(host('a.b1')).toBe('a.b1');
  });

  it('accepts IPv6 literals, with or without brackets', () => {
    expect(host('::1')).toBe('::1');
    expect(host('[::1]')).toBe('::1');
    expect(host('2001:DB8::0:1')).toBe('2001:db8::1');
    expect(host('[2001:db8:0:0:0:0:0:1]')).toBe('2001:db8::1');
    expect(host('::')).toBe('::');
    expect(refused('fe80::1%lo0')).toMatch(/zone/);
    expect(refused('[::1')).toMatch(/unterminated/);
    expect(refused('1:2:3:4:5:6:7:8:9')).toBe('invalid IPv6 address');
    expect(refused('::g')).toBe('invalid IPv6 address');
  });

  it('recognises IP literals', () => {
    expect(isIpLiteral('1.2.3.4')).toBe(true);
    expect(isIpLiteral('::1')).toBe(true);
    expect(isIpLiteral('example.com')).toBe(false);
    expect(isIpLiteral('a.b1')).toBe(false);
  });

  it('never throws, and is idempotent, on random input', () => {
    const rnd = prng(42);
    const alphabet = 'abcXYZ019-_.*:[]%/@ \tüß例\u200c\uff0e\u0000#xn--';
    for (let i = 0; i < 5000; i++) {
      let s = '';
      const len = Math.floor(rnd() * 30);
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const r = normaliseHost(s);
      if (r.ok) {
        const again = normaliseHost(r.host);
        expect(again).toEqual({ ok: true, host: r.host });
      } else {
        expect(r.reason.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('normaliseUrl', () => {
  it('takes list entries without a scheme', () => {
    expect(url('example.com/a/b')).toBe('example.com/a/b');
    expect(url('204.71.88.20/ygg')).toBe('204.71.88.20/ygg');
    expect(url('example.com')).toBe('example.com/');
    expect(url('Example.COM/Path/File.HTML')).toBe('example.com/Path/File.HTML');
  });

  it('drops the scheme, user info, port and fragment', () => {
    expect(url('https://example.com/a')).toBe('example.com/a');
    expect(url('HTTP://user:pw@Example.com:8080/a#frag')).toBe('example.com/a');
    expect(url('http://example.com:80')).toBe('example.com/');
    expect(url('//example.com/a')).toBe('example.com/a');
    expect(url('ftp://example.com/a')).toBe('example.com/a');
  });

  it('keeps the query, dropping an empty one', () => {
    expect(url('example.com/search?q=a&b=c')).toBe('example.com/search?q=a&b=c');
    expect(url('example.com?x=1')).toBe('example.com/?x=1');
    expect(url('example.com/a?')).toBe('example.com/a');
    expect(url('example.com/a?#x')).toBe('example.com/a');
  });

  it('does not strip www (lookups try parent domains instead)', () => {
    expect(url('www.example.com/a')).toBe('www.example.com/a');
  });

  it('normalises percent-encoding', () => {
    expect(url('example.com/a%2fb')).toBe('example.com/a%2Fb');
    expect(url('example.com/%7euser')).toBe('example.com/~user');
    expect(url('example.com/%41%42')).toBe('example.com/AB');
    expect(url('example.com/a%3Fb?x=%3d')).toBe('example.com/a%3Fb?x=%3D');
    expect(url('example.com/100%')).toBe('example.com/100%25');
    expect(url('example.com/%zz')).toBe('example.com/%25zz');
    expect(url('example.com/a b')).toBe('example.com/a%20b');
    expect(url('example.com/ü')).toBe('example.com/%C3%BC');
    expect(url('example.com/%c3%bc')).toBe('example.com/%C3%BC');
    expect(url('example.com/a"b<c>')).toBe('example.com/a%22b%3Cc%3E');
    expect(url("example.com/a!$&'()*+,;=:@b")).toBe("example.com/a!$&'()*+,;=:@b");
  });

  it('removes dot segments, including escaped ones, in the path only', () => {
    expect(url('example.com/a/./b/../c')).toBe('example.com/a/c');
    expect(url('example.com/a/%2E%2E/b')).toBe('example.com/b');
    expect(url('example.com/../../etc')).toBe('example.com/etc');
    expect(url('example.com/a/..')).toBe('example.com/');
    expect(url('example.com/a/.')).toBe('example.com/a/');
    expect(url('example.com/a?x=/../b')).toBe('example.com/a?x=/../b');
  });

  it('normalises the host as normaliseHost does', () => {
    expect(url('http://bücher.example/Ä')).toBe('xn--bcher-kva.example/%C3%84');
    expect(url('http://[2001:DB8::1]:443/x')).toBe('2001:db8::1/x');
    expect(url('http://127.1/x')).toBe('127.0.0.1/x');
  });

  it('refuses what it cannot read', () => {
    expect(normaliseUrl('')).toEqual({ ok: false, reason: 'empty URL' });
    expect(normaliseUrl('http:///path').ok).toBe(false);
    expect(normaliseUrl('example.com:abc/x')).toEqual({ ok: false, reason: 'invalid port' });
    expect(normaliseUrl('a..b/x')).toEqual({ ok: false, reason: 'empty label' });
    expect(normaliseUrl('::1/x').ok).toBe(false);
  });

  it('is idempotent and never throws on random input', () => {
    const rnd = prng(7);
    const alphabet = 'abcXY01/.?&=#%2fE%zz:@ ü~-_';
    for (let i = 0; i < 5000; i++) {
      let s = 'example.com/';
      const len = Math.floor(rnd() * 25);
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const r = normaliseUrl(s);
      if (!r.ok) continue;
      const again = normaliseUrl(r.host + r.path);
      expect(again).toEqual(r);
      expect(r.path.startsWith('/')).toBe(true);
    }
  });
});

describe('URL path prefixes', () => {
  it('lists the prefixes an entry can match, at segment boundaries', () => {
    expect(urlPathPrefixes('/a/b/c?x=1&y=2')).toEqual([
      '/',
      '/a',
      '/a/b',
      '/a/b/c',
      '/a/b/c?x=1',
      '/a/b/c?x=1&y=2',
    ]);
    expect(urlPathPrefixes('/')).toEqual(['/']);
    expect(urlPathPrefixes('/a/bc')).not.toContain('/a/b');
    expect(urlPathPrefixes('/a/b/', true)).toEqual(['/', '/a', '/a/', '/a/b', '/a/b/']);
  });

  it('canonicalises entry paths by dropping a trailing slash', () => {
    expect(canonicalEntryPath('/proxy/')).toBe('/proxy');
    expect(canonicalEntryPath('/')).toBe('/');
    expect(canonicalEntryPath('/a?b=/')).toBe('/a?b=/');
  });
});
