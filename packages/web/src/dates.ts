/**
 * Dates as the API gives them (ISO `2024-05-24`, or a full timestamp) shown the British way, and
 * the review-date check behind the home page's warning.
 */

const DAY_MS = 86_400_000;
const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Midnight UTC of a calendar date, so that day arithmetic ignores clocks and time zones. */
function calendarDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function today(now: Date): number {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
}

/** "24 May 2023"; the input unchanged where it is not a date. */
export function formatDate(iso: string): string {
  const day = calendarDay(iso);
  return day === null ? iso : longDate.format(new Date(day));
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "24 May 2025 at 14:05" in the browser's time zone, for a full timestamp. */
export function formatDateTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : dateTime.format(new Date(ms));
}

/** How many days warning the home page gives before a policy review falls due. */
export const REVIEW_WARNING_DAYS = 60;

export type ReviewState =
  | { kind: 'none' }
  | { kind: 'overdue'; days: number }
  | { kind: 'today' }
  | { kind: 'soon'; days: number }
  | { kind: 'later'; days: number };

/** Where the next review date stands against today. */
export function reviewState(nextReview: string | null, now: Date = new Date()): ReviewState {
  const due = nextReview === null ? null : calendarDay(nextReview);
  if (due === null) return { kind: 'none' };
  const days = Math.round((due - today(now)) / DAY_MS);
  if (days < 0) return { kind: 'overdue', days: -days };
  if (days === 0) return { kind: 'today' };
  if (days <= REVIEW_WARNING_DAYS) return { kind: 'soon', days };
  return { kind: 'later', days };
}
