import { type Automaton, normaliseAndScan, type ScanListener } from './normalise-stream.ts';

/**
 * Text as the matcher sees it: lower case, accents and diacritics gone (Welsh ŵ ŷ â become w y
 * a), the common character swaps undone (0→o, 1→i, 3→e, 4→a, 5→s, 7→t, @→a, $→s, !→i, |→l),
 * punctuation turned to spaces, letters repeated for emphasis folded to one ("soooo" → "so"), and
 * spaced-out letters joined ("k i l l" → "kil"). Phrases are normalised the same way, so both
 * sides agree. Words stay separated by one space, which is what word boundaries are tested on.
 *
 * Each line stands alone (a log line, a search, a page title): lines are normalised one by one,
 * the empty ones dropped and the rest joined by a space. The work is done in normalise-stream.ts,
 * which the matcher drives with its automaton; here it runs with one that never matches, so the
 * string and what the matcher reads cannot differ.
 */
export function normalise(text: string): string {
  const pieces: string[] = [];
  const listener: ScanListener = {
    ended() {},
    rollback() {},
    piece(buf, from, end) {
      // In slices: `fromCharCode` takes its codes as arguments, and there is a limit to those.
      for (let k = from; k < end; k += 8192)
        pieces.push(String.fromCharCode.apply(null, buf.subarray(k, Math.min(end, k + 8192)) as never));
    },
  };
  normaliseAndScan(text, nothing(), listener, 0);
  return pieces.length === 1 ? pieces[0]! : pieces.join('');
}

let none: Automaton | null = null;

/** One state, every symbol 0, no key ending anywhere. */
function nothing(): Automaton {
  none ??= { delta: new Int32Array(1), symbolOf: new Uint16Array(65536), ending: 1 };
  return none;
}
