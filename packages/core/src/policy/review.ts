/**
 * Review dates. A policy approved on a date is next reviewed after the policy's interval; Haven
 * derives the date rather than storing a second copy that could drift.
 */

/** `approvedOn` plus `months`, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const targetMonthIndex = m - 1 + months;
  const year = y + Math.floor(targetMonthIndex / 12);
  const month = ((targetMonthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function nextReviewDate(approvedOn: string, intervalMonths: number | null): string | null {
  return intervalMonths === null ? null : addMonths(approvedOn, intervalMonths);
}

export type ReviewState = 'none' | 'ok' | 'due-soon' | 'overdue';

/** Where a review date stands on `today`: due soon within `soonDays` (60 by default). */
export function reviewState(nextReview: string | null, today: string, soonDays = 60): ReviewState {
  if (!nextReview) return 'none';
  if (nextReview < today) return 'overdue';
  const days = (Date.parse(`${nextReview}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= soonDays ? 'due-soon' : 'ok';
}

/** The calendar date (YYYY-MM-DD) it is at `at` in `timeZone`: "today" for a school is its own date. */
export function dateIn(timeZone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
