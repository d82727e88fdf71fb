/**
 * Monitoring's pure parts: normalisation of spelling tricks, the one-pass matcher on word
 * boundaries (the "Scunthorpe" problem), context that lowers or raises severity, the English and
 * Welsh libraries, a school's phrase changes and phrase file, and search terms from URLs.
 */
import { describe, expect, it } from 'vitest';
import {
  basePhrases,
  MONITOR_CATEGORY_IDS,
  normalise,
  PhraseMatcher,
  parsePhraseFile,
  parseSquidCombined,
  parseSquidNative,
  scannableText,
  schoolPhrases,
  searchTerms,
} from '../src/monitor/index.ts';

const matcher = new PhraseMatcher(basePhrases());
const scan = (t: string) => matcher.scan(t).map((m) => [m.category, m.severity, m.phrase]);

describe('normalise', () => {
  it('undoes case, accents, character swaps, repeated and spaced-out letters and punctuation', () => {
    expect(normalise('K1LL   My$3LF!!!')).toBe('kil myself');
    expect(normalise('soooo saaad')).toBe('so sad');
    expect(normalise('k i l l m y s e l f')).toBe('kilmyself');
    expect(normalise('Hunan-niweidio')).toBe('hunan niweidio');
    expect(normalise('ŵyr ŷd âr')).toBe('wyr yd ar');
    expect(normalise('born in 2012, aged 13')).toBe('born in 2012 aged 13');
  });
});

describe('the fast path for ASCII text', () => {
  it('agrees with the general path on 3,000 random texts (letters, digits, swaps, punctuation)', () => {
    const alphabet = 'aAbkKlLmMsSyYeE i 0 1 3 4 5 7 @ $ ! | . , - _ ?  xyz  12 13 k i l l';
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = Math.floor(rand() * 40);
      for (let k = 0; k < len; k++) text += alphabet[Math.floor(rand() * alphabet.length)];
      // "ébc " forces the general path (not ASCII) and adds one known word in front.
      const general = normalise(`ébc ${text}`);
      const fast = normalise(text);
      expect(general, JSON.stringify(text)).toBe(fast ? `ebc ${fast}` : 'ebc');
    }
  });
});

describe('the matcher', () => {
  it('finds phrases through the spelling tricks pupils use', () => {
    expect(scan('how do I k1ll myseeelf')).toEqual([['suicide', 5, 'kill myself']]);
    expect(scan('k i l l   m y s e l f')).toEqual([['suicide', 5, 'kill myself']]);
    expect(scan('killmyself')).toEqual([['suicide', 5, 'kill myself']]);
  });
  it('matches whole words only: innocent words that contain a phrase do not trigger', () => {
    for (const t of [
      'Scunthorpe United results',
      'classic cars',
      'skill myself up',
      'pornography laws essay'.replace('pornography', 'cornography'),
      'the analysis',
      'a weed killer for the garden',
    ])
      expect(scan(t), t).toEqual([]);
  });
  it('lowers severity for learning and help, and raises it for intent', () => {
    expect(scan('essay on the history of suicide')).toEqual([['suicide', 1, 'suicide']]);
    expect(scan('suicide prevention charity')).toEqual([['suicide', 1, 'suicide']]);
    expect(scan('I want to kill myself tonight')[0]).toEqual(['suicide', 5, 'kill myself']);
    expect(scan('how to get high')[0]?.[1]).toBe(3);
    expect(scan('i want to buy weed')[0]).toEqual(['drugs-alcohol', 4, 'buy weed']);
  });
  it('knows Welsh, with or without the circumflex', () => {
    expect(scan('dw i eisiau marw')).toEqual([['suicide', 5, 'eisiau marw']]);
    expect(scan('pawb yn fy nghasáu')).toEqual([['bullying', 4, 'pawb yn fy nghasau']]);
  });
  it('finds several categories in one pass', () => {
    const found = scan('they said kys and I want to cut myself');
    expect(found.map((f) => f[0]).sort()).toEqual(['bullying', 'self-harm']);
  });
});

describe('the libraries', () => {
  it('cover every category in English, each phrase graded 1 to 5, with no duplicates', () => {
    const en = basePhrases(['en']);
    for (const c of MONITOR_CATEGORY_IDS)
      expect(
        en.some((p) => p.category === c),
        c,
      ).toBe(true);
    expect(new Set(basePhrases().map((p) => p.id)).size).toBe(basePhrases().length);
    expect(basePhrases().every((p) => p.severity >= 1 && p.severity <= 5 && p.normalised.length > 0)).toBe(
      true,
    );
  });
  it("apply a school's additions, disabled phrases and re-grading", () => {
    const id = basePhrases().find((p) => p.text === 'poker')!.id;
    const mine = new PhraseMatcher(
      schoolPhrases([
        { op: 'add', category: 'bullying', severity: 3, text: 'year 9 group chat pile on' },
        { op: 'disable', id },
        { op: 'regrade', id: basePhrases().find((p) => p.text === 'loot boxes')!.id, severity: 4 },
      ]),
    );
    expect(mine.scan('poker night')).toEqual([]);
    expect(mine.scan('loot boxes')[0]?.severity).toBe(4);
    expect(mine.scan('the Year 9 group chat pile-on')[0]?.category).toBe('bullying');
  });
  it('read a phrase file with one problem per bad line, never throwing', () => {
    const r = parsePhraseFile(
      '# ours\nbullying\t3\tmoney for lunch\nnonsense\t3\tx\nsuicide\t9\tx\ngambling\t2\t\n',
    );
    expect(r.changes).toEqual([{ op: 'add', category: 'bullying', severity: 3, text: 'money for lunch' }]);
    expect(r.problems.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(r.problems[0]?.reason).toMatch(/unknown category "nonsense"/);
  });
});

describe('search terms', () => {
  it('come out of the search engines pupils use, and nowhere else', () => {
    expect(searchTerms('https://www.google.co.uk/search?q=how+to+kill+myself&hl=en')).toEqual([
      'how to kill myself',
    ]);
    expect(searchTerms('https://www.bing.com/search?q=pro+ana')).toEqual(['pro ana']);
    expect(searchTerms('https://duckduckgo.com/?q=buy+weed')).toEqual(['buy weed']);
    expect(searchTerms('https://uk.search.yahoo.com/search?p=online+casino')).toEqual(['online casino']);
    expect(searchTerms('https://www.youtube.com/results?search_query=zombie+knife')).toEqual([
      'zombie knife',
    ]);
    expect(searchTerms('https://www.ecosia.org/search?q=thigh+gap')).toEqual(['thigh gap']);
    expect(searchTerms('https://en.wikipedia.org/w/index.php?search=county+lines')).toEqual(['county lines']);
    expect(searchTerms('https://notgoogle.example/?q=kill+myself')).toEqual([]);
    expect(searchTerms('not a url')).toEqual([]);
  });
  it('make a scannable text of a line: the search, the words of a URL, or the line itself', () => {
    expect(scannableText('https://www.google.com/search?q=want+to+die')).toEqual({
      text: 'want to die',
      source: 'search',
    });
    expect(scannableText('http://forum.example/threads/how-to-hide-cuts')).toMatchObject({ source: 'url' });
    expect(scan(scannableText('http://forum.example/threads/how-to-hide-cuts').text)[0]?.[2]).toBe(
      'how to hide cuts',
    );
    expect(scannableText('  hello  ')).toEqual({ text: 'hello', source: 'text' });
  });
});

describe('log lines', () => {
  it('read Squid native lines, CONNECT and denials included, and say what is wrong with a bad one', () => {
    expect(
      parseSquidNative(
        '1286536308.779    180 192.168.0.224 TCP_MISS/200 411 GET http://www.google.com/ - DIRECT/74.125.39.104 text/html',
      ),
    ).toEqual({
      ok: true,
      entry: {
        at: '2010-10-08T11:11:48.779Z',
        client: '192.168.0.224',
        user: null,
        method: 'GET',
        url: 'http://www.google.com/',
        host: 'www.google.com',
        blocked: false,
        source: 'proxy',
        filterCategory: null,
      },
    });
    expect(
      parseSquidNative(
        '1286536309.000 5 10.0.0.9 TCP_DENIED/403 3722 CONNECT pokerstars.com:443 alice HIER_NONE/- -',
      ),
    ).toMatchObject({
      ok: true,
      entry: { host: 'pokerstars.com', user: 'alice', blocked: true },
    });
    expect(parseSquidNative('x')).toEqual({ ok: false, reason: 'expected at least 7 fields, found 1' });
    expect(parseSquidNative('abc 1 2 TCP_MISS/200 4 GET http://x/')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Unix time/),
    });
    expect(parseSquidNative('1 1 2 MISS 4 GET http://x/')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/result code/),
    });
  });
  it('read Squid combined lines with their time zone', () => {
    expect(
      parseSquidCombined(
        '192.168.0.224 - alice [10/Oct/2010:13:55:36 +0100] "GET http://example.org/x HTTP/1.1" 200 2326 "-" "Mozilla/5.0" TCP_DENIED:HIER_NONE',
      ),
    ).toMatchObject({
      ok: true,
      entry: { at: '2010-10-10T12:55:36.000Z', user: 'alice', host: 'example.org', blocked: true },
    });
    expect(parseSquidCombined('not a log line').ok).toBe(false);
  });
});
