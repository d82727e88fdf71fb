/**
 * Where a file stops being UTF-8. SIMS exports are often Windows-1252, where "é" is the single
 * byte 0xE9: read as UTF-8 that is an invalid sequence, and the admin needs the line to look at
 * (and the hint to choose windows-1252). Decoding itself is the caller's (TextDecoder).
 */

export const CSV_ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export interface InvalidUtf8 {
  /** 1-based line and byte column of the first bad byte. */
  line: number;
  column: number;
  /** The bad byte, as two hex digits. */
  byte: string;
}

/** The first invalid UTF-8 sequence in `bytes`, or null when it is all valid. */
export function findInvalidUtf8(bytes: Uint8Array): InvalidUtf8 | null {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      if (b === 0x0a) {
        line++;
        lineStart = i + 1;
      }
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length === 0) return { line, column: i - lineStart + 1, byte: b.toString(16).padStart(2, '0') };
    i += length;
  }
  return null;
}

/** The length of a valid UTF-8 sequence starting at `i` (2 to 4), or 0 when it is not valid. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  const cont = (k: number, low = 0x80, high = 0xbf) => {
    const c = bytes[i + k];
    return c !== undefined && c >= low && c <= high;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  // Overlong forms and UTF-16 surrogates are invalid: hence the narrower second-byte ranges.
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b >= 0xe1 && b <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** The reason to show for an invalid UTF-8 file. */
export function invalidUtf8Reason(bad: InvalidUtf8): string {
  return `byte 0x${bad.byte} at column ${bad.column} is not valid UTF-8: if the file came from SIMS, import it as windows-1252`;
}
