import type { MonitorCategory, Severity } from './categories.ts';
import type { Phrase } from './library.ts';
import { normalise } from './normalise.ts';

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
    return this.scanNormalised(normalise(text));
  }
}
