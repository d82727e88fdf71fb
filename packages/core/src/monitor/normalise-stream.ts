/**
 * The normaliser's engine (the rules are in normalise.ts), with the matcher's automaton run in
 * the same loop: each character is stepped through the automaton as it is written into a reused
 * buffer, which is handed on in pieces only for the words around a match. Building a string per
 * line and then one for the whole text, with regular expressions for the separators and the
 * ASCII test, and reading it all again to scan it, held bulk scanning to about 20 MB/s.
 *
 * The text it produces is exactly what the rules give: the lines normalised one by one, the
 * empty ones left out, the rest joined by one space. A line that holds anything outside ASCII
 * other than separators (an accented letter, a Welsh circumflex, another script, a digit such as
 * "¹", or the "€" and "£" the swaps read) goes through the general path, with `toLowerCase` and
 * NFKD as before; the others through one loop over character codes. The differential test
 * (test/monitor-differential.test.ts) holds both to the code as it was before.
 */

/** An Aho–Corasick automaton as the matcher compiles it. */
export interface Automaton {
  /** State + symbol → state, each state numbered by where its row of the table starts. */
  readonly delta: Int32Array;
  /** Character code → symbol. */
  readonly symbolOf: Uint16Array;
  /** States from this one on are where keys end. */
  readonly ending: number;
}

/** What the scan tells the matcher. */
export interface ScanListener {
  /**
   * A word of the normalised text ends at `buf[at - 1]` in a state where keys end; `buf[0]` is
   * position `base` of the whole text. Everything before `at` is as it will stay, with at least
   * the `keep` code units asked for.
   */
  ended(buf: Uint16Array, at: number, base: number, state: number): void;
  /**
   * Forget what `ended` said past position `at` of the whole text: the line is being read again
   * by the general path.
   */
  rollback(at: number): void;
  /**
   * `buf[from, end)` is new normalised text, the `keep` code units before `from` still there.
   * Each piece ends where a line ended, so the next character is a space or there is none.
   * `last` is true once, for the final piece (which may be empty).
   */
  piece(buf: Uint16Array, from: number, end: number, base: number, last: boolean): void;
}

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

// Character classes, as bits so a word's classes can be or-ed together as it is read.
const SEP = 0;
const LETTER = 1;
const DIGIT = 2;
/** "@" and "$": swapped wherever they are. */
const SYMBOL = 4;
/** "!" and "|", which mean something else at a word's edge, so such words take the exact slow path. */
const EDGE = 8;
/** Outside ASCII and not looked at yet; settled to SEP or WIDE the first time it is seen. */
const UNSEEN = 16;
/** Outside ASCII and part of a word (letter, digit, mark, "€", "£"): the line needs the general path. */
const WIDE = 32;
/** A high surrogate: what it is depends on the low one after it. */
const HIGH = 64;

const CLASS = new Uint8Array(65536);
const LOWER = new Uint16Array(128);
/** Lower case, then the swap: what a character becomes in a word that is not all digits. */
const MAPPED = new Uint16Array(128);
for (let c = 0; c < 128; c++) {
  const l = c >= 65 && c <= 90 ? c + 32 : c;
  LOWER[c] = l;
  const swap = SWAPS[String.fromCharCode(l)];
  MAPPED[c] = swap === undefined ? l : swap.charCodeAt(0);
  CLASS[c] =
    l >= 97 && l <= 122
      ? LETTER
      : l >= 48 && l <= 57
        ? DIGIT
        : l === 64 || l === 36
          ? SYMBOL
          : l === 33 || l === 124
            ? EDGE
            : SEP;
}
CLASS.fill(UNSEEN, 128);
CLASS.fill(HIGH, 0xd800, 0xdc00);
// A low surrogate read on its own is either unpaired or follows a high one already found to be a
// separator: a line whose pair is a letter has gone to the general path at the high surrogate.
CLASS.fill(SEP, 0xdc00, 0xe000);

/**
 * The class and the mapped character in one lookup, for the loop over each character: class
 * shifted up 8 bits, character below. A separator is 0, and what needs a closer look is ≥ LOOK.
 */
const ENTRY = new Uint16Array(65536);
for (let c = 0; c < 65536; c++)
  ENTRY[c] = CLASS[c] === SEP ? 0 : (CLASS[c]! << 8) | (c < 128 ? MAPPED[c]! : 0);
const LOOK = UNSEEN << 8;

/** What the rules turn into a space: anything outside ASCII but letters, digits, marks, "€" and "£". */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, control characters included
const SEPARATORS = /[^\x00-\x7f\p{L}\p{N}\p{M}€£]/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above, for one code point
const SEPARATOR = /^[^\x00-\x7f\p{L}\p{N}\p{M}€£]$/u;

const astralSeparator = new Map<number, boolean>();

/** Whether the character at `i` (outside ASCII, class UNSEEN or HIGH) makes the line take the general path. */
function isWide(text: string, i: number, c: number): boolean {
  if (CLASS[c] === HIGH) {
    const low = text.charCodeAt(i + 1);
    if (!(low >= 0xdc00 && low < 0xe000)) return false; // unpaired: a separator
    const cp = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
    let sep = astralSeparator.get(cp);
    if (sep === undefined) {
      sep = SEPARATOR.test(String.fromCodePoint(cp));
      astralSeparator.set(cp, sep);
    }
    return !sep;
  }
  if (CLASS[c] === UNSEEN) {
    CLASS[c] = SEPARATOR.test(String.fromCharCode(c)) ? SEP : WIDE;
    ENTRY[c] = CLASS[c] === SEP ? 0 : WIDE << 8;
  }
  return CLASS[c] === WIDE;
}

/** A digit stays a digit when the word is all digits ("13", "2024"): only mixed words are swapped. */
function unswap(word: string): string {
  if (/^[0-9]+$/.test(word)) return word;
  let out = '';
  for (const ch of word) out += SWAPS[ch] ?? ch;
  return out;
}

/** The general path, for a line with its separators already spaces and something outside ASCII left. */
function normaliseGeneral(text: string): string {
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

/**
 * A word holding "!" or "|", already in `buf[start, end)` in lower case: a "!" ending it is an
 * exclamation and a "|" at either end a bar, both dropped; then, unless what is left is all
 * digits, the swaps and the folding of repeated letters. Returns the word's new end.
 */
function edgeWord(buf: Uint16Array, start: number, end: number): number {
  while (end > start && buf[end - 1] === 33) end--;
  let b = start;
  while (b < end && buf[b] === 124) b++;
  while (end > b && buf[end - 1] === 124) end--;
  let allDigits = true;
  for (let k = b; k < end; k++)
    if (CLASS[buf[k]!] !== DIGIT) {
      allDigits = false;
      break;
    }
  let w = start;
  let last = -1;
  for (let k = b; k < end; k++) {
    let d = buf[k]!;
    if (!allDigits) {
      d = MAPPED[d]!;
      if (d === last && d >= 97 && d <= 122) continue;
    }
    last = d;
    buf[w++] = d;
  }
  return w;
}

/**
 * Letters spelled out one by one, at `buf[start, end)` each followed by a space, joined with their
 * repeats folded and one space after. Returns the new end.
 */
function joinSpelled(buf: Uint16Array, start: number, end: number): number {
  let w = start;
  let last = -1;
  for (let r = start; r < end; r++) {
    const d = buf[r]!;
    if (d === 32 || d === last) continue;
    buf[w++] = d;
    last = d;
  }
  buf[w++] = 32;
  return w;
}

/** Pieces are handed on at the first line end past this many code units: about 64 KB, in the cache. */
export const PIECE = 1 << 15;
let spare: Uint16Array | null = null;

/**
 * Normalises `text` and runs it through `automaton`, telling `listener`; the last `keep` code
 * units of each piece stay in front of the next one (the matcher looks back to a phrase's start
 * and the words before it). The automaton reads the space after each word as soon as the word
 * is settled, so the space that joins two lines is written but not read again.
 */
export function normaliseAndScan(
  text: string,
  automaton: Automaton,
  listener: ScanListener,
  keep: number,
): void {
  const { delta, symbolOf } = automaton;
  const space = symbolOf[32]!;
  const n = text.length;
  // A buffer left by an earlier call is reused; a nested call (none today) would make its own.
  let buf = spare ?? new Uint16Array(PIECE * 2 + keep);
  spare = null;
  let base = 0;
  let pos = 0;
  let from = 0;
  let state = 0;
  let i = 0;
  while (i <= n) {
    let e = text.indexOf('\n', i);
    if (e < 0) e = n;
    // At most one code unit out for each in, a space after the last word and one joining lines.
    if (pos + (e - i) + 2 > buf.length) buf = grow(buf, pos + (e - i) + 2);
    const joined = base + pos > 0;
    if (joined) buf[pos++] = 32;
    const lineStart = pos;
    pos = asciiLine(text, i, e, buf, pos, state, automaton, listener, base);
    if (pos >= 0) state = lineState;
    else {
      listener.rollback(base + lineStart);
      const line = normaliseGeneral(text.slice(i, e).replace(SEPARATORS, ' '));
      pos = lineStart;
      if (pos + line.length > buf.length) buf = grow(buf, pos + line.length);
      for (let k = 0; k < line.length; k++) buf[pos++] = line.charCodeAt(k);
      if (pos > lineStart)
        state = delta[feed(buf, lineStart, pos, state, automaton, listener, base) + space]!;
    }
    // An empty line adds nothing, not even the space that would have joined it.
    if (pos === lineStart && joined) pos--;
    i = e + 1;
    if (pos - from >= PIECE) {
      listener.piece(buf, from, pos, base, false);
      const cut = Math.max(0, pos - keep);
      buf.copyWithin(0, cut, pos);
      base += cut;
      pos -= cut;
      from = pos;
    }
  }
  listener.piece(buf, from, pos, base, true);
  // One very long line can grow the buffer a long way; that one is not kept.
  if (buf.length <= PIECE * 4 + keep) spare = buf;
}

function grow(buf: Uint16Array, size: number): Uint16Array {
  const bigger = new Uint16Array(Math.max(size, buf.length * 2));
  bigger.set(buf);
  return bigger;
}

/**
 * `buf[from, to)` through the automaton from `state`, telling the listener at each word's end;
 * `to` must be a word's end or just past a space. Returns the state after it.
 */
function feed(
  buf: Uint16Array,
  from: number,
  to: number,
  state: number,
  automaton: Automaton,
  listener: ScanListener,
  base: number,
): number {
  const { delta, symbolOf, ending } = automaton;
  for (let k = from; k < to; k++) {
    state = delta[state + symbolOf[buf[k]!]!]!;
    if (state >= ending && (k + 1 === to || buf[k + 1] === 32)) listener.ended(buf, k + 1, base, state);
  }
  return state;
}

/** The automaton's state after the last line `asciiLine` read (kept here: a function returns one value). */
let lineState = 0;

/**
 * The line `text[i, e)` normalised into `buf` from `pos` and read by the automaton from `state`,
 * the same as the general path would give for ASCII (and separators outside it). Returns the
 * end of what it wrote, leaving the state in `lineState`, or -1 when the line holds something
 * only the general path can read.
 */
function asciiLine(
  text: string,
  i: number,
  e: number,
  buf: Uint16Array,
  pos: number,
  state: number,
  automaton: Automaton,
  listener: ScanListener,
  base: number,
): number {
  const { delta, symbolOf, ending } = automaton;
  const space = symbolOf[32]!;
  const lineStart = pos;
  // A run of one-letter words ("k i l l"): where it starts in `buf`, and how many letters. Its
  // letters are read once it is known whether they are joined; until then `state` stays as it was
  // before the run.
  let runStart = -1;
  let runLetters = 0;
  while (i < e) {
    const wordStart = pos;
    const wordState = state;
    const from = i;
    let classes = 0;
    let last = -1;
    // One word, lower-cased, swapped and with repeated letters folded, on the bet (almost always
    // won) that it is neither all digits nor holding "!" or "|"; if it is, it is redone.
    while (i < e) {
      const c = text.charCodeAt(i);
      const v = ENTRY[c]!;
      if (v === 0) break;
      if (v >= LOOK) {
        if (isWide(text, i, c)) return -1;
        break;
      }
      classes |= v;
      const d = v & 0xff;
      i++;
      if (d === last && d >= 97 && d <= 122) continue;
      buf[pos++] = d;
      state = delta[state + symbolOf[d]!]!;
      last = d;
    }
    const to = i;
    i++; // the separator
    if (pos === wordStart) continue;
    // Whether `state` is the state after the word as it now stands.
    let read = true;
    if (classes & ((DIGIT | EDGE) << 8)) {
      classes >>= 8;
      if (classes === DIGIT) {
        pos = wordStart;
        for (let k = from; k < to; k++) buf[pos++] = text.charCodeAt(k);
        read = false;
      } else if (classes & EDGE) {
        pos = wordStart;
        for (let k = from; k < to; k++) buf[pos++] = LOWER[text.charCodeAt(k)]!;
        pos = edgeWord(buf, wordStart, pos);
        read = false;
        if (pos === wordStart) {
          state = wordState;
          continue;
        }
      }
    }
    if (pos - wordStart === 1 && buf[wordStart]! >= 97 && buf[wordStart]! <= 122) {
      if (runStart < 0) runStart = wordStart;
      runLetters++;
      state = wordState;
      buf[pos++] = 32;
      continue;
    }
    if (runStart >= 0) {
      // The word just written ends the run: settle the run, move the word up behind it, and
      // read both.
      let w = wordStart;
      if (runLetters >= 3) {
        w = joinSpelled(buf, runStart, wordStart);
        buf.copyWithin(w, wordStart, pos);
        pos = w + (pos - wordStart);
      }
      state = feed(buf, runStart, w, wordState, automaton, listener, base);
      state = feed(buf, w, pos, state, automaton, listener, base);
      runStart = -1;
      runLetters = 0;
    } else if (!read) state = feed(buf, wordStart, pos, wordState, automaton, listener, base);
    else if (state >= ending) listener.ended(buf, pos, base, state);
    buf[pos++] = 32;
    state = delta[state + space]!;
  }
  if (runStart >= 0) {
    if (runLetters >= 3) pos = joinSpelled(buf, runStart, pos);
    state = feed(buf, runStart, pos, state, automaton, listener, base);
  }
  if (pos > lineStart && buf[pos - 1] === 32) pos--;
  lineState = state;
  return pos;
}
