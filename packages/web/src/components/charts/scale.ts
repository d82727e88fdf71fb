/** What the charts share: a round top for an axis, and counts written the British way. */

/** The smallest round number at or above `n` (2, 4, 6, 8, 10, 20, 40 …), so half of it is whole too. */
export function niceCeiling(n: number): number {
  if (n <= 2) return 2;
  const power = 10 ** Math.floor(Math.log10(n));
  const steps = power >= 10 ? [1, 2, 4, 5, 6, 8, 10] : [2, 4, 6, 8, 10];
  return (steps.find((s) => s * power >= n) ?? 10) * power;
}

const counts = new Intl.NumberFormat('en-GB');

/** 12,345 */
export function formatCount(n: number): string {
  return counts.format(n);
}

/** A share as a whole percentage, "less than 1%" kept apart from none at all. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0 || part <= 0) return 0;
  return Math.max(1, Math.round((part / whole) * 100));
}
