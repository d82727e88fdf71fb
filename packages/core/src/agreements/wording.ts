/**
 * Checks that an agreement is written in Haven's words rather than copied from its seed. Agreement
 * items paraphrase the school's text; a long run of the same words in the same order is a copy.
 * Used by the template tests, and usable on a school's own edits before they are published.
 */

/** Words for comparison: case, apostrophes and punctuation do not make a copy original. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘'`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** The longest run of consecutive words that `a` and `b` share, and its words. */
export function longestSharedRun(a: string, b: string): { length: number; words: string[] } {
  const x = wordsOf(a);
  const y = wordsOf(b);
  let best = 0;
  let end = 0;
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const row = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] === y[j - 1]) {
        row[j] = prev[j - 1]! + 1;
        if (row[j]! > best) {
          best = row[j]!;
          end = i;
        }
      }
    }
    prev = row;
  }
  return { length: best, words: x.slice(end - best, end) };
}

/** Every run of `n` consecutive words in `text`, joined by spaces. */
export function wordRuns(text: string, n: number): Set<string> {
  const w = wordsOf(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

/** The runs of `n` words that `text` shares with a body of text given as its runs (see `wordRuns`). */
export function copiedRuns(text: string, sourceRuns: ReadonlySet<string>, n: number): string[] {
  return [...wordRuns(text, n)].filter((run) => sourceRuns.has(run));
}
