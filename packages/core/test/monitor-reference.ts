/**
 * PRE-OPTIMISATION REFERENCE — used only by monitor-differential.test.ts.
 *
 * The normaliser and matcher exactly as they were (commit b317703) before the normaliser was
 * fused into the scan, so the differential test can prove the fast code gives identical results.
 * Do not change it to match new behaviour: if the behaviour is meant to change, change the
 * differential test's expectations instead and say so.
 */

import type { Severity } from '../src/monitor/categories.ts';
import { LANGUAGES, type Language, type Phrase } from '../src/monitor/library.ts';
import type { Match } from '../src/monitor/matcher.ts';

// ---- normalise.ts as it was ----
/**
 * Text as the matcher sees it: lower case, accents and diacritics gone (Welsh ŵ ŷ â become w y
 * a), the common character swaps undone (0→o, 1→i, 3→e, 4→a, 5→s, 7→t, @→a, $→s, !→i, |→l),
 * punctuation turned to spaces, letters repeated for emphasis folded to one ("soooo" → "so"), and
 * spaced-out letters joined ("k i l l" → "kil"). Phrases are normalised the same way, so both
 * sides agree. Words stay separated by one space, which is what word boundaries are tested on.
 */

const SWAPS: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '€': 'e',
  '£': 'l',
};

/** A digit stays a digit when the word is all digits ("13", "2024"): only mixed words are swapped. */
function unswap(word: string): string {
  if (/^[0-9]+$/.test(word)) return word;
  let out = '';
  for (const ch of word) out += SWAPS[ch] ?? ch;
  return out;
}

const SWAP_CODES = new Int16Array(128).fill(-1);
for (const [from, to] of Object.entries(SWAPS))
  if (from.charCodeAt(0) < 128) SWAP_CODES[from.charCodeAt(0)] = to.charCodeAt(0);

/**
 * The same as the general path for text that is all ASCII (most of what a school's network
 * sees), in one loop without regular expressions: the matcher's throughput depends on it.
 */
/** ASCII character classes: 0 separates words, 1 letter (lower-cased by the table), 2 digit, 3 a swap symbol. */
const CLASS = new Uint8Array(128);
const LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;
  const l = LOWER[c]!;
  CLASS[c] =
    l >= 97 && l <= 122 ? 1 : l >= 48 && l <= 57 ? 2 : l === 64 || l === 36 || l === 33 || l === 124 ? 3 : 0;
}

function normaliseAscii(text: string): string {
  const n = text.length;
  const out = new Uint8Array(n + 1);
  let pos = 0;
  // A run of one-letter words ("k i l l"): where it starts in `out`, and how many letters.
  let runStart = -1;
  let runLetters = 0;
  const endRun = () => {
    if (runLetters >= 3) {
      // Join the letters (drop the spaces between them) and fold repeats, in place.
      let w = runStart;
      let last = -1;
      for (let r = runStart; r < pos; r++) {
        const d = out[r]!;
        if (d === 32 || d === last) continue;
        out[w++] = d;
        last = d;
      }
      pos = w;
      out[pos++] = 32;
    }
    runStart = -1;
    runLetters = 0;
  };
  let i = 0;
  while (i < n) {
    // Copy one word, lower-cased, noting whether it is all digits (then nothing is swapped).
    const wordStart = pos;
    let allDigits = true;
    while (i < n) {
      const c = text.charCodeAt(i);
      const k = CLASS[c]!;
      if (k === 0) break;
      if (k !== 2) allDigits = false;
      out[pos++] = LOWER[c]!;
      i++;
    }
    i++; // the separator
    if (pos === wordStart) continue;
    if (!allDigits) {
      // "!" ending a word is an exclamation and "|" at either end a bar; then the swaps and the
      // folding of repeated letters, in place.
      let end = pos;
      while (end > wordStart && out[end - 1] === 33) end--;
      let b = wordStart;
      while (b < end && out[b] === 124) b++;
      while (end > b && out[end - 1] === 124) end--;
      let allDigitsLeft = true;
      for (let k = b; k < end; k++)
        if (CLASS[out[k]!] !== 2) {
          allDigitsLeft = false;
          break;
        }
      let w = wordStart;
      let last = -1;
      for (let k = b; k < end; k++) {
        let d = out[k]!;
        if (!allDigitsLeft) {
          const swapped = SWAP_CODES[d]!;
          if (swapped >= 0) d = swapped;
          if (d === last && d >= 97 && d <= 122) continue;
        }
        last = d;
        out[w++] = d;
      }
      pos = w;
      if (pos === wordStart) continue;
    }
    const length = pos - wordStart;
    const first = out[wordStart]!;
    if (length === 1 && first >= 97 && first <= 122) {
      if (runStart < 0) runStart = wordStart;
      runLetters++;
    } else if (runStart >= 0) {
      // The word just written ends the run: set it aside, settle the run, put it back.
      const word = out.slice(wordStart, pos);
      pos = wordStart;
      endRun();
      out.set(word, pos);
      pos += word.length;
    }
    out[pos++] = 32;
  }
  if (runStart >= 0) endRun();
  if (pos > 0 && out[pos - 1] === 32) pos--;
  return LATIN1.decode(out.subarray(0, pos));
}

const LATIN1 = new TextDecoder('latin1');

/**
 * Characters outside ASCII that are neither letters, digits nor marks (typographic quotes and
 * dashes, symbols, emoji) only separate words, except the two currency signs the swaps read:
 * turned to spaces before the ASCII test.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, control characters included
const SEPARATORS = /[^\x00-\x7f\p{L}\p{N}\p{M}€£]/gu;

/**
 * Each line stands alone (a log line, a search, a page title); a line that is ASCII once its
 * typographic punctuation is set aside takes the fast path, any other the general one.
 */
export function referenceNormalise(text: string): string {
  const lines = text.replace(SEPARATORS, ' ').split('\n');
  if (lines.length === 1) return normaliseLine(lines[0]!);
  const out: string[] = [];
  for (const line of lines) {
    const n = normaliseLine(line);
    if (n) out.push(n);
  }
  return out.join(' ');
}

function normaliseLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is for ASCII, control characters included
  if (/^[\x00-\x7f]*$/.test(text)) return normaliseAscii(text);
  const lowered = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  // Words: runs of letters, digits and the swap characters; everything else separates.
  const words = lowered.match(/[\p{L}\p{N}@$!|€£]+/gu) ?? [];
  const out: string[] = [];
  let spelled = '';
  const flush = () => {
    if (spelled.length >= 3) out.push(spelled.replace(/(\p{L})\1+/gu, '$1'));
    else for (const ch of spelled) out.push(ch);
    spelled = '';
  };
  for (const raw of words) {
    // "!" ending a word is an exclamation, not an "i"; "|" at either end is a bar.
    const w = unswap(raw.replace(/!+$/, '').replace(/^\|+|\|+$/g, '')).replace(/(\p{L})\1+/gu, '$1');
    if (w.length === 0) continue;
    // Letters spelled out one by one ("k i l l") are joined back into a word.
    if (w.length === 1 && /\p{L}/u.test(w)) {
      spelled += w;
      continue;
    }
    flush();
    out.push(w);
  }
  flush();
  return out.join(' ');
}

// ---- matcher.ts as it was ----

/**
 * Finds every phrase of a library in a text in one pass (Aho–Corasick over the normalised text),
 * on word boundaries only, so "scunthorpe" does not match a phrase inside it and "classic" does
 * not match "ass". Words just before a match can lower or raise its severity: "essay on", "history
 * of" or "helpline for" lower it; "i want to", "how to" or "tonight" raise it.
 */

/** Context that makes a match about learning, news or getting help. */
const LOWERING = [
  'essay on',
  'essay about',
  'history of',
  'research',
  'statistics',
  'prevention',
  'awareness',
  'helpline',
  'help for',
  'support for',
  'what is',
  'definition of',
  'news',
  'documentary',
  'book about',
  'poem about',
].map(referenceNormalise);

/** Words just after a match that make it about getting help or learning ("suicide prevention"). */
const LOWERING_AFTER = [
  'prevention',
  'awareness',
  'helpline',
  'hotline',
  'statistics',
  'support',
  'charity',
  'research',
  'rates',
].map(referenceNormalise);

/** Context that makes a match about intent or method. */
const RAISING = [
  'want to',
  'wanna',
  'how to',
  'how do i',
  'best way to',
  'going to',
  'tonight',
  'i will',
  'im going to',
].map(referenceNormalise);

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Keys ending here: the phrase's index and the key's length (a phrase and its run-together form differ). */
  out: [number, number][];
}

export class ReferenceMatcher {
  readonly #phrases: Phrase[];
  /** The full automaton as a table: state × symbol → state (failure moves already folded in). */
  readonly #delta: Int32Array;
  readonly #symbols: number;
  /** Character code → symbol; 0 for a character no phrase has. */
  readonly #symbolOf = new Uint16Array(65536);
  readonly #out: ([number, number][] | null)[];

  constructor(phrases: readonly Phrase[]) {
    this.#phrases = phrases.filter((p) => p.normalised.length > 0);
    // Each phrase under its own words, and run together ("killmyself", and "k i l l m y s e l f",
    // which the normaliser joins): a word boundary is still needed at both ends.
    const keys: [string, number][] = [];
    this.#phrases.forEach((p, i) => {
      keys.push([p.normalised, i]);
      if (p.normalised.includes(' ')) keys.push([p.normalised.replaceAll(' ', ''), i]);
    });
    let symbols = 1;
    for (const [key] of keys)
      for (let k = 0; k < key.length; k++) {
        const c = key.charCodeAt(k);
        if (this.#symbolOf[c] === 0) this.#symbolOf[c] = symbols++;
      }
    this.#symbols = symbols;

    // The trie, then failure links breadth first (Aho–Corasick).
    const nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
    for (const [key, i] of keys) {
      let s = 0;
      for (let k = 0; k < key.length; k++) {
        const sym = this.#symbolOf[key.charCodeAt(k)]!;
        let t = nodes[s]!.next.get(sym);
        if (t === undefined) {
          t = nodes.length;
          nodes.push({ next: new Map(), fail: 0, out: [] });
          nodes[s]!.next.set(sym, t);
        }
        s = t;
      }
      nodes[s]!.out.push([i, key.length]);
    }
    const delta = new Int32Array(nodes.length * symbols);
    const order: number[] = [];
    for (const [sym, t] of nodes[0]!.next) {
      delta[sym] = t;
      order.push(t);
    }
    for (let q = 0; q < order.length; q++) {
      const s = order[q]!;
      const node = nodes[s]!;
      node.out.push(...nodes[node.fail]!.out);
      for (let sym = 0; sym < symbols; sym++) {
        const t = node.next.get(sym);
        if (t === undefined) delta[s * symbols + sym] = delta[node.fail * symbols + sym]!;
        else {
          delta[s * symbols + sym] = t;
          nodes[t]!.fail = s === 0 ? 0 : delta[node.fail * symbols + sym]!;
          order.push(t);
        }
      }
    }
    this.#delta = delta;
    this.#out = nodes.map((n) => (n.out.length > 0 ? n.out : null));
  }

  get size(): number {
    return this.#phrases.length;
  }

  /** Matches in a text already normalised (for callers that normalise once for several uses). */
  scanNormalised(text: string): Match[] {
    const found = new Map<number, number>(); // phrase index -> start of its first occurrence
    const delta = this.#delta;
    const symbols = this.#symbols;
    const symbolOf = this.#symbolOf;
    const outs = this.#out;
    const n = text.length;
    let s = 0;
    for (let i = 0; i < n; i++) {
      s = delta[s * symbols + symbolOf[text.charCodeAt(i)]!]!;
      const out = outs[s];
      if (out === null || out === undefined) continue;
      if (i + 1 < n && text.charCodeAt(i + 1) !== 32) continue;
      for (const [p, length] of out) {
        const start = i - length + 1;
        if (start > 0 && text.charCodeAt(start - 1) !== 32) continue;
        if (!found.has(p)) found.set(p, start);
      }
    }
    const matches: Match[] = [];
    for (const [p, start] of found) {
      const phrase = this.#phrases[p]!;
      const before = text.slice(Math.max(0, start - 40), start).trimEnd();
      const end = start + phrase.normalised.length;
      const nextWord = text.slice(end + 1).split(' ', 1)[0] ?? '';
      let severity: number = phrase.severity;
      // Intent right before the words outweighs a learning context further off.
      if (RAISING.some((c) => before.endsWith(c))) severity += 1;
      else if (
        LOWERING.some((c) => before.endsWith(c) || before.includes(` ${c} `) || before.startsWith(`${c} `)) ||
        LOWERING_AFTER.includes(nextWord)
      )
        severity -= 2;
      severity = Math.min(5, Math.max(1, severity));
      matches.push({
        category: phrase.category,
        severity: severity as Severity,
        baseSeverity: phrase.severity,
        phrase: phrase.text,
        phraseId: phrase.id,
        context: text.slice(Math.max(0, start - 40), start + phrase.normalised.length + 40).trim(),
      });
    }
    // The longest phrase first where one contains another ("kill myself" over "kill").
    return matches.sort((a, b) => b.severity - a.severity || b.phrase.length - a.phrase.length);
  }

  scan(text: string): Match[] {
    return this.scanNormalised(referenceNormalise(text));
  }
}

/** `basePhrases` as it was, normalising with the reference normaliser. */
export function referenceBasePhrases(languages: readonly Language[] = ['en', 'cy']): Phrase[] {
  const out: Phrase[] = [];
  for (const language of languages)
    for (const [category, severity, text] of LANGUAGES[language]) {
      const n = referenceNormalise(text);
      out.push({ id: `${language}:${category}:${n}`, category, severity, text, normalised: n, language });
    }
  return out;
}
