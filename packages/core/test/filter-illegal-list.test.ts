import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IllegalListIndex, normaliseUrl } from '../src/filter/lists.ts';

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** Counts how often the injected hash function is called. */
function countingSha(): { fn: (s: string) => string; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fn: (s) => {
      calls.push(s);
      return sha256(s);
    },
  };
}

function request(raw: string): [string, string] {
  const r = normaliseUrl(raw);
  if (!r.ok) throw new Error(r.reason);
  return [r.host, r.path];
}

describe('IllegalListIndex', () => {
  it('matches listed domains and their subdomains, whole labels only', () => {
    const index = new IllegalListIndex({ domains: ['Bad.Example', '.worse.example'], urls: [], sha256: [] });
    expect(index.match('bad.example', '/', sha256)).toEqual({ matched: true });
    expect(index.match('www.bad.example', null, sha256)).toEqual({ matched: true });
    expect(index.match('a.worse.example', '/x', sha256)).toEqual({ matched: true });
    expect(index.match('notbad.example', '/', sha256)).toBeNull();
    expect(index.match('example', '/', sha256)).toBeNull();
  });

  it('matches URL entries by path prefix at a segment boundary, on the host or a parent', () => {
    const index = new IllegalListIndex({
      domains: [],
      urls: ['host.example/gallery/', 'http://Other.Example/page.php?id=5', 'third.example/a%2fb'],
      sha256: [],
    });
    expect(index.match(...request('http://host.example/gallery'), sha256)).toEqual({ matched: true });
    expect(index.match(...request('http://host.example/gallery/1.jpg'), sha256)).toEqual({ matched: true });
    expect(index.match(...request('http://cdn.host.example/gallery?x'), sha256)).toEqual({ matched: true });
    expect(index.match(...request('http://host.example/gallery2'), sha256)).toBeNull();
    expect(index.match(...request('http://host.example/'), sha256)).toBeNull();
    expect(index.match('host.example', null, sha256)).toBeNull();
    expect(index.match(...request('http://other.example/page.php?id=5'), sha256)).toEqual({ matched: true });
    expect(index.match(...request('http://other.example/page.php?id=5&s=1'), sha256)).toEqual({
      matched: true,
    });
    expect(index.match(...request('http://other.example/page.php?id=55'), sha256)).toBeNull();
    expect(index.match(...request('http://third.example/a%2Fb/c'), sha256)).toEqual({ matched: true });
    expect(index.match(...request('http://third.example/a/b'), sha256)).toBeNull();
  });

  it('matches SHA-256 digests of the host, its parents and the URL prefixes', () => {
    const index = new IllegalListIndex({
      domains: [],
      urls: [],
      sha256: [
        sha256('hashed-domain.example'),
        sha256('site.example/dir/').toUpperCase(),
        sha256('exact.example/page.html?id=7'),
        sha256('prefix.example/a'),
      ],
    });
    expect(index.match('hashed-domain.example', null, sha256)).toEqual({ matched: true });
    expect(index.match('sub.hashed-domain.example', '/any', sha256)).toEqual({ matched: true });
    expect(index.match(...request('http://site.example/dir/photo.jpg'), sha256)).toEqual({ matched: true });
    expect(index.match(...request('http://site.example/dir'), sha256)).toBeNull();
    expect(index.match(...request('http://EXACT.example/page.html?id=7#top'), sha256)).toEqual({
      matched: true,
    });
    expect(index.match(...request('http://exact.example/page.html?id=8'), sha256)).toBeNull();
    expect(index.match(...request('http://prefix.example/a/b/c'), sha256)).toEqual({ matched: true });
    expect(index.match(...request('http://prefix.example/ab'), sha256)).toBeNull();
  });

  it('hashes exactly the documented candidate keys', () => {
    const index = new IllegalListIndex({ domains: [], urls: [], sha256: ['0'.repeat(64)] });
    const sha = countingSha();
    expect(index.match('a.b.example', '/x/y?q=1&r=2', sha.fn)).toBeNull();
    expect(sha.calls).toEqual([
      'a.b.example',
      'b.example',
      'example',
      'a.b.example/',
      'a.b.example/x',
      'a.b.example/x/',
      'a.b.example/x/y',
      'a.b.example/x/y?q=1',
      'a.b.example/x/y?q=1&r=2',
    ]);
  });

  it('does not call the hash function without hash entries, and stops at the first match', () => {
    const plain = new IllegalListIndex({ domains: ['bad.example'], urls: [], sha256: [] });
    const sha = countingSha();
    expect(plain.match('good.example', '/a/b', sha.fn)).toBeNull();
    expect(sha.calls).toEqual([]);
    const hashed = new IllegalListIndex({ domains: ['bad.example'], urls: [], sha256: ['1'.repeat(64)] });
    expect(hashed.match('x.bad.example', '/a', sha.fn)).toEqual({ matched: true });
    expect(sha.calls).toEqual([]);
  });

  it('normalises the host it is given', () => {
    const index = new IllegalListIndex({ domains: ['bücher.example'], urls: [], sha256: [] });
    expect(index.match('BÜCHER.example.', null, sha256)).toEqual({ matched: true });
    expect(index.match('xn--bcher-kva.example', null, sha256)).toEqual({ matched: true });
  });

  it('reports entries it cannot use', () => {
    const index = new IllegalListIndex({
      domains: ['ok.example', 'bad..example'],
      urls: ['ok.example/x', 'bad..example/x'],
      sha256: ['a'.repeat(64), 'not-a-digest'],
    });
    expect(index.rejected).toEqual([
      { kind: 'domain', value: 'bad..example', reason: 'empty label' },
      { kind: 'url', value: 'bad..example/x', reason: 'empty label' },
      { kind: 'sha256', value: 'not-a-digest', reason: 'not a SHA-256 digest (64 hexadecimal digits)' },
    ]);
    expect(index.size).toEqual({ domains: 1, urls: 1, sha256: 1 });
  });

  it('matches nothing when empty', () => {
    const index = new IllegalListIndex({ domains: [], urls: [], sha256: [] });
    expect(index.match('example.com', '/', sha256)).toBeNull();
    expect(index.match('', '/', sha256)).toBeNull();
  });
});
