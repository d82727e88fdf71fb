import { describe, expect, it } from 'vitest';
import {
  DomainIndexBuilder,
  type ParseResult,
  parseDomainList,
  parseDomainListInto,
  parseHashList,
  parseHostsFile,
  parseHostsFileInto,
  parseUrlList,
  parseUrlListInto,
} from '../src/filter/lists.ts';

const SHA_A = 'a'.repeat(64);
const SHA_MIXED = '0123456789abcdefABCDEF0123456789abcdefABCDEF0123456789abcdefABCD';

function consistent(r: ParseResult): void {
  const { counts } = r;
  expect(counts.entries).toBe(r.entries.length);
  expect(r.problems.length).toBe(Math.min(counts.rejected, 1000));
  for (const p of r.problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(counts.lines);
    expect(p.reason.length).toBeGreaterThan(0);
  }
}

describe('parseDomainList', () => {
  it('reads messy lines', () => {
    const text = [
      '# UT1 style header',
      'example.com',
      '  Example.org  ',
      '.leading-dot.example',
      '*.wildcard.example',
      'trailing-dot.example.',
      'bücher.example',
      '',
      '   ',
      'bad..example',
      `${'a'.repeat(64)}.example`,
      '-hyphen.example',
      'two fields.example',
      'commented.example # a trailing comment',
      'commented.example#glued comment',
      'EXAMPLE.COM',
      '1.2.3.4',
      '#',
      'under_score.example',
    ].join('\n');
    const r = parseDomainList(text);
    consistent(r);
    expect(r.entries).toEqual([
      'example.com',
      'example.org',
      'leading-dot.example',
      'wildcard.example',
      'trailing-dot.example',
      'xn--bcher-kva.example',
      'commented.example',
      '1.2.3.4',
      'under_score.example',
    ]);
    expect(r.problems).toEqual([
      { line: 10, text: 'bad..example', reason: 'empty label' },
      { line: 11, text: `${'a'.repeat(64)}.example`, reason: 'label longer than 63 characters' },
      { line: 12, text: '-hyphen.example', reason: 'label starts or ends with a hyphen' },
      { line: 13, text: 'two fields.example', reason: 'more than one field (expected one domain a line)' },
    ]);
    expect(r.counts).toEqual({
      lines: 19,
      entries: 9,
      blank: 2,
      comments: 2,
      duplicates: 2,
      rejected: 4,
      skipped: 0,
    });
  });

  it('accepts CRLF endings, trailing spaces and a missing final newline', () => {
    const r = parseDomainList('a.example \r\nb.example\t\r\n\r\nc.example');
    expect(r.entries).toEqual(['a.example', 'b.example', 'c.example']);
    expect(r.counts).toMatchObject({ lines: 4, entries: 3, blank: 1, rejected: 0 });
  });

  it('counts a final newline as ending the last line, not starting another', () => {
    expect(parseDomainList('a.example\n').counts.lines).toBe(1);
    expect(parseDomainList('a.example\n\n').counts).toMatchObject({ lines: 2, blank: 1 });
  });

  it('handles an empty file and a file of only comments', () => {
    expect(parseDomainList('')).toEqual({
      entries: [],
      problems: [],
      counts: { lines: 0, entries: 0, blank: 0, comments: 0, duplicates: 0, rejected: 0, skipped: 0 },
    });
    expect(parseDomainList('# one\n# two\n').counts).toMatchObject({ lines: 2, comments: 2, entries: 0 });
  });

  it('skips a byte-order mark', () => {
    expect(parseDomainList('\ufeffexample.com\n').entries).toEqual(['example.com']);
  });

  it('counts duplicates after normalisation', () => {
    const r = parseDomainList(
      'example.com\n.EXAMPLE.com\n*.example.com.\nbücher.example\nxn--bcher-kva.example\n',
    );
    expect(r.entries).toEqual(['example.com', 'xn--bcher-kva.example']);
    expect(r.counts.duplicates).toBe(3);
  });

  it('streams entries to onEntry, and can leave duplicates to the caller', () => {
    const seen: string[] = [];
    const r = parseDomainList('a.example\nb.example\na.example\n', { onEntry: (e) => seen.push(e) });
    expect(seen).toEqual(['a.example', 'b.example']);
    expect(r.entries).toEqual([]);
    expect(r.counts).toMatchObject({ entries: 2, duplicates: 1 });

    const all: string[] = [];
    const r2 = parseDomainList('a.example\nb.example\na.example\n', {
      onEntry: (e) => all.push(e),
      dedupe: false,
    });
    expect(all).toEqual(['a.example', 'b.example', 'a.example']);
    expect(r2.counts).toMatchObject({ entries: 3, duplicates: 0 });
  });

  it('keeps at most maxProblems problems but counts them all', () => {
    const text = Array.from({ length: 50 }, (_, i) => `bad${i}..example`).join('\n');
    const r = parseDomainList(text, { maxProblems: 5 });
    expect(r.problems).toHaveLength(5);
    expect(r.counts.rejected).toBe(50);
  });

  it('cuts very long problem lines', () => {
    const r = parseDomainList(`${'x'.repeat(100_000)}..example`);
    expect(r.problems[0]?.text.length).toBeLessThanOrEqual(201);
    expect(r.problems[0]?.reason).toBe('name longer than 253 characters');
  });

  it('reads a large list without trouble', () => {
    const lines: string[] = [];
    for (let i = 0; i < 200_000; i++) lines.push(`host${i}.example${i % 13}.com`);
    const r = parseDomainList(lines.join('\n'));
    expect(r.counts).toMatchObject({ lines: 200_000, entries: 200_000, rejected: 0, duplicates: 0 });
    expect(r.entries[199_999]).toBe(`host199999.example${199_999 % 13}.com`);
  });

  it('never throws on garbage', () => {
    const garbage = [
      '\u0000\u0001\u0002',
      '\u0001example.com',
      '\uD800',
      '[',
      ']]]',
      '%%%',
      'a'.repeat(10_000),
      ':::',
    ];
    const text = `${garbage.join('\n')}\n\r\r\r\n\u00a0\u3000\n`;
    for (const parse of [parseDomainList, parseHostsFile, parseUrlList, parseHashList]) {
      expect(() => parse(text)).not.toThrow();
      expect(parse(text).counts).toMatchObject({ lines: 10, entries: 0, rejected: 8, blank: 2 });
    }
  });
});

describe('parseHostsFile', () => {
  it('reads hosts-file blocklists', () => {
    const text = [
      '# Title: some blocklist',
      '127.0.0.1 localhost',
      '127.0.0.1 localhost.localdomain',
      '127.0.0.1 local',
      '255.255.255.255 broadcasthost',
      '::1 localhost ip6-localhost ip6-loopback',
      'fe80::1%lo0 localhost',
      'ff00::0 ip6-localnet',
      'ff02::1 ip6-allnodes',
      '0.0.0.0 0.0.0.0',
      '',
      '0.0.0.0 ads.example',
      '0.0.0.0\tTracker.Example\tpixel.example   # trailing comment',
      '127.0.0.1 ads.example',
      ':: ipv6-blocked.example',
      'ads2.example',
      'example.com 0.0.0.0',
      '0.0.0.0',
      '0.0.0.0 bad..example good.example',
    ].join('\r\n');
    const r = parseHostsFile(text);
    consistent(r);
    expect(r.entries).toEqual([
      'ads.example',
      'tracker.example',
      'pixel.example',
      'ipv6-blocked.example',
      'good.example',
    ]);
    expect(r.problems.map((p) => [p.line, p.reason])).toEqual([
      [16, 'the first field ("ads2.example") is not an IP address'],
      [17, 'the first field ("example.com") is not an IP address'],
      [18, 'an IP address without host names'],
      [19, '"bad..example": empty label'],
    ]);
    expect(r.counts).toMatchObject({
      lines: 19,
      entries: 5,
      blank: 1,
      comments: 1,
      duplicates: 1,
      rejected: 4,
      skipped: 11,
    });
  });
});

describe('parseUrlList', () => {
  it('reads UT1 url lines', () => {
    const text = [
      '129.105.212.34/~abutz',
      'adl.org/poisoning_web',
      'archive.org/details/qatal3',
      'cri.univ-tlse1.fr/tools/test_filtrage/child/',
      'Example.COM/Some/Page.html',
      'http://example.com/full?x=1#frag',
      'https://User@Bücher.example:8443/ä',
      '# comment',
      'example.net/a#b # a comment after white space',
      'example.com/Some/Page.html',
      'example.com/%7Euser',
      'example.com/~user',
      'two fields.com/x',
      'bad..host/x',
      '',
    ].join('\n');
    const r = parseUrlList(text);
    consistent(r);
    expect(r.entries).toEqual([
      '129.105.212.34/~abutz',
      'adl.org/poisoning_web',
      'archive.org/details/qatal3',
      'cri.univ-tlse1.fr/tools/test_filtrage/child/',
      'example.com/Some/Page.html',
      'example.com/full?x=1',
      'xn--bcher-kva.example/%C3%A4',
      'example.net/a',
      'example.com/~user',
    ]);
    expect(r.problems.map((p) => [p.line, p.reason])).toEqual([
      [13, 'more than one field (expected one URL a line)'],
      [14, 'empty label'],
    ]);
    expect(r.counts).toMatchObject({
      lines: 14,
      entries: 9,
      duplicates: 2,
      comments: 1,
      blank: 0,
      rejected: 2,
    });
  });
});

describe('parseHashList', () => {
  it('reads SHA-256 lines in either case', () => {
    const text = [
      '# illegal-content list',
      SHA_A,
      SHA_MIXED,
      `  ${SHA_A.toUpperCase()}  `,
      `${SHA_A.slice(1)}`,
      `${SHA_A}0`,
      `${SHA_A.slice(1)}g`,
      `${'b'.repeat(64)} # comment`,
      '',
    ].join('\n');
    const r = parseHashList(text);
    consistent(r);
    expect(r.entries).toEqual([SHA_A, SHA_MIXED.toLowerCase(), 'b'.repeat(64)]);
    expect(r.problems.map((p) => p.line)).toEqual([5, 6, 7]);
    expect(r.counts).toMatchObject({ lines: 8, entries: 3, duplicates: 1, rejected: 3, comments: 1 });
  });
});

describe('parsing straight into a DomainIndexBuilder', () => {
  it('adds every entry with the given categories, leaving repeats to the builder', () => {
    const b = new DomainIndexBuilder();
    const d = parseDomainListInto(b, 'a.example\nB.example\na.example\nbad..example\n', 'gambling');
    expect(d.entries).toEqual([]);
    expect(d.counts).toMatchObject({ lines: 4, entries: 3, duplicates: 0, rejected: 1 });
    const h = parseHostsFileInto(b, '0.0.0.0 c.example a.example\n127.0.0.1 localhost\n', ['chat', 'dating']);
    expect(h.counts).toMatchObject({ entries: 2, skipped: 1 });
    const u = parseUrlListInto(b, 'd.example/x/\n', 'bypass', { dedupe: true });
    expect(u.counts).toMatchObject({ entries: 1 });
    const index = b.build();
    expect(index.lookupHost('www.a.example')?.categories).toEqual(['gambling', 'chat', 'dating']);
    expect(index.lookupHost('b.example')?.categories).toEqual(['gambling']);
    expect(index.lookupHost('c.example')?.categories).toEqual(['chat', 'dating']);
    expect(index.lookupUrl('d.example', '/x/y')?.matched).toBe('d.example/x');
    expect(index.stats()).toMatchObject({ domains: 3, urls: 1 });
  });

  it('counts repeats when asked to', () => {
    const b = new DomainIndexBuilder();
    const r = parseDomainListInto(b, 'a.example\na.example\n', 'gambling', { dedupe: true });
    expect(r.counts).toMatchObject({ entries: 1, duplicates: 1 });
  });
});
