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

/** A character of a word in ASCII text: a letter, a digit or a swap character. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 64 || c === 36 || c === 33 || c === 124;
}

/**
 * The same as the general path for text that is all ASCII (most of what a school's network
 * sees), in one loop without regular expressions: the matcher's throughput depends on it.
 */
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
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (!isWordCode(c)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      let d = text.charCodeAt(i);
      if (d >= 65 && d <= 90) d += 32;
      if (!isWordCode(d)) break;
      i++;
    }
    let end = i;
    let b = start;
    while (end > start && text.charCodeAt(end - 1) === 33) end--;
    while (b < end && text.charCodeAt(b) === 124) b++;
    while (end > b && text.charCodeAt(end - 1) === 124) end--;
    let allDigits = true;
    for (let k = b; k < end; k++) {
      const d = text.charCodeAt(k);
      if (d < 48 || d > 57) {
        allDigits = false;
        break;
      }
    }
    const wordStart = pos;
    let last = -1;
    for (let k = b; k < end; k++) {
      let d = text.charCodeAt(k);
      if (d >= 65 && d <= 90) d += 32;
      if (!allDigits) {
        const swapped = SWAP_CODES[d]!;
        if (swapped >= 0) d = swapped;
        // Letters repeated for emphasis fold to one; digits do not.
        if (d === last && d >= 97 && d <= 122) continue;
      }
      last = d;
      out[pos++] = d;
    }
    const length = pos - wordStart;
    if (length === 0) continue;
    const letter = length === 1 && out[wordStart]! >= 97 && out[wordStart]! <= 122;
    if (letter) {
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

export function normalise(text: string): string {
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
