import type { MonitorCategory, Severity } from './categories.ts';
import type { Phrase } from './library.ts';
import { normalise } from './normalise.ts';
import { type Automaton, normaliseAndScan } from './normalise-stream.ts';

/**
 * Finds every phrase of a library in a text in one pass (Aho–Corasick over the normalised text),
 * on word boundaries only, so "scunthorpe" does not match a phrase inside it and "classic" does
 * not match "ass". Words just before a match can lower or raise its severity: "essay on", "history
 * of" or "helpline for" lower it; "i want to", "how to" or "tonight" raise it.
 */

export interface Match {
  category: MonitorCategory;
  severity: Severity;
  /** The phrase as the library writes it. */
  phrase: string;
  phraseId: string;
  /** Severity before context. */
  baseSeverity: Severity;
  /** The words around the match (normalised), for the alert. */
  context: string;
}

/** How far around a phrase its context is read (code units of normalised text). */
const BEFORE = 40;
const AFTER = 40;

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
].map(normalise);

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
].map(normalise);

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
].map(normalise);

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Keys ending here: the phrase's index and the key's length (a phrase and its run-together form differ). */
  out: [number, number][];
}

export class PhraseMatcher {
  readonly #phrases: Phrase[];
  /** The full automaton as a table (failure moves already folded in). */
  readonly #automaton: Automaton;
  readonly #symbols: number;
  /** Character code → symbol; 0 for a character no phrase has. */
  readonly #symbolOf = new Uint16Array(65536);
  /** For each state where keys end, in order from the automaton's `ending`, those keys. */
  readonly #out: [number, number][][];
  /**
   * How much normalised text the scan keeps behind each piece: enough to look back from a
   * phrase's end to the space before its start, and to read the context of a phrase whose
   * following words are in the next piece.
   */
  readonly #keep: number;

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
    // Numbered again so that a state is its row's offset in the table (no multiplication for each
    // character), breadth first so the states near the root that most characters visit share the
    // cache, and those where keys end last (one comparison says there is nothing to do).
    const renumber = new Int32Array(nodes.length);
    const numbered = [0, ...order.filter((s) => nodes[s]!.out.length === 0)];
    const firstEnding = numbered.length;
    numbered.push(...order.filter((s) => nodes[s]!.out.length > 0));
    numbered.forEach((s, k) => {
      renumber[s] = k * symbols;
    });
    const table = new Int32Array(nodes.length * symbols);
    numbered.forEach((s, k) => {
      for (let sym = 0; sym < symbols; sym++) table[k * symbols + sym] = renumber[delta[s * symbols + sym]!]!;
    });
    this.#automaton = { delta: table, symbolOf: this.#symbolOf, ending: firstEnding * symbols };
    this.#out = numbered.slice(firstEnding).map((s) => nodes[s]!.out);
    let longest = 0;
    for (const p of this.#phrases) longest = Math.max(longest, p.normalised.length);
    this.#keep = longest + BEFORE + AFTER + 2;
  }

  get size(): number {
    return this.#phrases.length;
  }

  /** Matches in a text already normalised (for callers that normalise once for several uses). */
  scanNormalised(text: string): Match[] {
    const found = new Map<number, number>(); // phrase index -> start of its first occurrence
    const { delta, symbolOf, ending } = this.#automaton;
    const n = text.length;
    let s = 0;
    for (let i = 0; i < n; i++) {
      s = delta[s + symbolOf[text.charCodeAt(i)]!]!;
      if (s < ending) continue;
      if (i + 1 < n && text.charCodeAt(i + 1) !== 32) continue;
      for (const [p, length] of this.#keysAt(s)) {
        const start = i - length + 1;
        if (start > 0 && text.charCodeAt(start - 1) !== 32) continue;
        if (!found.has(p)) found.set(p, start);
      }
    }
    const matches: Match[] = [];
    for (const [p, start] of found) {
      const from = Math.max(0, start - BEFORE);
      matches.push(
        this.#judge(p, text.slice(from, start + this.#phrases[p]!.normalised.length + AFTER), start - from),
      );
    }
    return sorted(matches);
  }

  /**
   * Normalises and scans in one pass: the normaliser steps the automaton as it writes each
   * character, and only the words around a phrase found become a string.
   */
  scan(text: string): Match[] {
    // Phrases in the order first found, where they start, and where that key ended.
    const phrases: number[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const seen = new Uint8Array(this.#phrases.length);
    const windows: string[] = []; // for each phrase found, the text around it
    let waiting: number[] = []; // indices into `phrases` whose text after them is still to come
    let examined = 0;
    normaliseAndScan(
      text,
      this.#automaton,
      {
        ended: (buf, at, base, state) => {
          for (const [p, length] of this.#keysAt(state)) {
            const start = at - length;
            if (seen[p] || (start + base > 0 && buf[start - 1] !== 32)) continue;
            seen[p] = 1;
            phrases.push(p);
            starts.push(start + base);
            ends.push(at + base);
          }
        },
        rollback: (at) => {
          while (ends.length > examined && ends.at(-1)! > at) {
            seen[phrases.pop()!] = 0;
            starts.pop();
            ends.pop();
          }
        },
        piece: (buf, _from, end, base, last) => {
          for (; examined < phrases.length; examined++) waiting.push(examined);
          if (waiting.length === 0) return;
          const still: number[] = [];
          for (const k of waiting) {
            const start = starts[k]!;
            const stop = start + this.#phrases[phrases[k]!]!.normalised.length + AFTER;
            if (!last && stop > base + end) {
              still.push(k);
              continue;
            }
            const first = Math.max(0, start - BEFORE);
            windows[k] = codes(buf, first - base, Math.min(stop, base + end) - base);
          }
          waiting = still;
        },
      },
      this.#keep,
    );
    const matches = phrases.map((p, k) =>
      this.#judge(p, windows[k]!, starts[k]! - Math.max(0, starts[k]! - BEFORE)),
    );
    return sorted(matches);
  }

  /** The keys (phrase index, length) ending in a state at or past the automaton's `ending`. */
  #keysAt(state: number): [number, number][] {
    return this.#out[(state - this.#automaton.ending) / this.#symbols]!;
  }

  /**
   * Severity in context, from `text`: the normalised text from up to BEFORE code units before
   * the phrase's start (at `at`) to AFTER past the phrase's length, all a scan in pieces keeps.
   * The word after the phrase is read from it too, cut short if it runs past the end: a word cut
   * short has AFTER - 1 letters, more than any in LOWERING_AFTER, so the cut changes nothing.
   */
  #judge(p: number, text: string, at: number): Match {
    const phrase = this.#phrases[p]!;
    const before = text.slice(0, at).trimEnd();
    const end = at + phrase.normalised.length;
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
    return {
      category: phrase.category,
      severity: severity as Severity,
      baseSeverity: phrase.severity,
      phrase: phrase.text,
      phraseId: phrase.id,
      context: text.trim(),
    };
  }
}

/** The longest phrase first where one contains another ("kill myself" over "kill"). */
function sorted(matches: Match[]): Match[] {
  return matches.sort((a, b) => b.severity - a.severity || b.phrase.length - a.phrase.length);
}

function codes(buf: Uint16Array, from: number, to: number): string {
  return String.fromCharCode.apply(null, buf.subarray(from, to) as never);
}
