import { z } from 'zod';

/**
 * The school's timetable, as the filter needs it: when lessons are on. "Acceptable at certain
 * times" (CT) in the seeds' matrices means allowed outside lessons: before and after the school
 * day, at break and lunch, at weekends and in holidays. The seeds name no times, so a school
 * starts from Haven's default and edits it.
 *
 * Times are wall-clock times in the school's time zone, so a change of clocks (BST/GMT) moves
 * nothing: 08:45 is 08:45 on both sides of it.
 */

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time HH:MM, e.g. 08:45');
const isoDate = z.iso.date();

export const period = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty'),
  start: clock,
  /** An end at or before the start crosses midnight (an evening session ending at 00:30). */
  end: clock,
  /** `lesson` adds lesson time (an after-school lesson); `free` takes it away (break, lunch). */
  kind: z.enum(['lesson', 'free']),
});
export type Period = z.infer<typeof period>;

const dateRange = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty'),
    start: isoDate,
    end: isoDate,
  })
  .refine((r) => r.start <= r.end, { message: 'must not end before it starts', path: ['end'] });

export const timetable = z
  .strictObject({
    timeZone: z.string().refine(isTimeZone, 'is not a time zone this system knows (e.g. Europe/London)'),
    /** ISO weekdays with lessons: 1 = Monday ... 7 = Sunday. */
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'must name at least one school day')
      .refine((d) => new Set(d).size === d.length, 'must not repeat a day'),
    day: z.strictObject({ start: clock, end: clock }),
    periods: z.array(period).default([]),
    /** Term dates; when empty, every school day of the year is a term day. */
    terms: z.array(dateRange).default([]),
    /** Holidays and closures inside terms (half terms, bank holidays, INSET days). */
    holidays: z.array(dateRange).default([]),
  })
  .superRefine((t, ctx) => {
    if (t.day.start === t.day.end)
      ctx.addIssue({ code: 'custom', path: ['day', 'end'], message: 'must differ from the start' });
    t.periods.forEach((p, i) => {
      if (p.start === p.end)
        ctx.addIssue({ code: 'custom', path: ['periods', i, 'end'], message: 'must differ from the start' });
    });
  });
export type Timetable = z.output<typeof timetable>;
export type TimetableInput = z.input<typeof timetable>;

/** Haven's default until a school edits it (the filtering issue's stated default). */
export function defaultTimetable(timeZone = 'Europe/London'): Timetable {
  return {
    timeZone,
    days: [1, 2, 3, 4, 5],
    day: { start: '08:45', end: '15:15' },
    periods: [
      { name: 'Break', start: '10:30', end: '10:45', kind: 'free' },
      { name: 'Lunch', start: '12:15', end: '13:00', kind: 'free' },
    ],
    terms: [],
    holidays: [],
  };
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock reading of an instant in a time zone. */
export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** 1 = Monday ... 7 = Sunday */
  weekday: number;
  /** Minutes since local midnight. */
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

// Formatting with Intl costs microseconds; a gateway asks about the same minute thousands of times.
let memo: { tz: string; minuteKey: number; value: LocalTime } | null = null;

export function localTime(timeZone: string, at: Date | number): LocalTime {
  const ms = typeof at === 'number' ? at : at.getTime();
  const minuteKey = Math.floor(ms / 60_000);
  if (memo && memo.tz === timeZone && memo.minuteKey === minuteKey) return memo.value;
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  const value: LocalTime = {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
  memo = { tz: timeZone, minuteKey, value };
  return value;
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function previousDate(date: string): { date: string; weekday: number } {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  const weekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  return { date: d.toISOString().slice(0, 10), weekday };
}

function inRanges(date: string, ranges: readonly { start: string; end: string }[]): boolean {
  return ranges.some((r) => r.start <= date && date <= r.end);
}

/** A school day: a timetabled weekday, in a term (when terms are set), not a holiday. */
export function isSchoolDay(t: Timetable, date: string, weekday: number): boolean {
  if (!t.days.includes(weekday)) return false;
  if (t.terms.length > 0 && !inRanges(date, t.terms)) return false;
  return !inRanges(date, t.holidays);
}

/**
 * Whether a window [start, end) covers `minute` on `date`. A window that crosses midnight
 * belongs to the day it starts on: its early-morning part counts only if the day before was
 * a school day.
 */
function windowCovers(
  t: Timetable,
  start: string,
  end: string,
  now: LocalTime,
  dayIsSchoolDay: boolean,
): boolean {
  const s = minutes(start);
  const e = minutes(end);
  if (s < e) return dayIsSchoolDay && now.minute >= s && now.minute < e;
  if (now.minute >= s) return dayIsSchoolDay;
  if (now.minute < e) {
    const prev = previousDate(now.date);
    return isSchoolDay(t, prev.date, prev.weekday);
  }
  return false;
}

/** True while lessons are on; "outside lessons" is every other moment. */
export function isLessonTime(t: Timetable, at: Date | number): boolean {
  const now = localTime(t.timeZone, at);
  const schoolDay = isSchoolDay(t, now.date, now.weekday);
  let lesson = windowCovers(t, t.day.start, t.day.end, now, schoolDay);
  for (const p of t.periods) {
    if (!windowCovers(t, p.start, p.end, now, schoolDay)) continue;
    lesson = p.kind === 'lesson';
  }
  return lesson;
}

/** What the timetable says about a moment, in words, for explanations. */
export function describeMoment(t: Timetable, at: Date | number): string {
  const now = localTime(t.timeZone, at);
  if (isLessonTime(t, at)) return 'during lessons';
  if (!t.days.includes(now.weekday)) return 'at the weekend or on a non-school day';
  if (t.terms.length > 0 && !inRanges(now.date, t.terms)) return 'outside term';
  const holiday = t.holidays.find((h) => h.start <= now.date && now.date <= h.end);
  if (holiday) return `in a holiday (${holiday.name})`;
  for (const p of t.periods) {
    if (p.kind === 'free' && windowCovers(t, p.start, p.end, now, true)) return `at ${p.name.toLowerCase()}`;
  }
  return 'outside the school day';
}

/**
 * The instant a local wall-clock time names in a time zone ("2026-03-29T01:30" in London).
 * A time the clocks skip (spring forward) is read as the same distance past the change; a time
 * that happens twice (autumn) is read as the first.
 */
export function instantOf(timeZone: string, wall: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!m) throw new RangeError(`"${wall}" is not a local time like 2026-11-23T10:00`);
  const [, y, mo, d, h, mi, s] = m;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  // The zone's offset at a moment: its wall clock minus UTC.
  const offsetAt = (ms: number): number => {
    const parts: Record<string, string> = {};
    for (const p of formatter(timeZone).formatToParts(ms)) parts[p.type] = p.value;
    const wallMs = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
    );
    return wallMs - Math.floor(ms / 60_000) * 60_000;
  };
  const before = offsetAt(asUtc - 86_400_000);
  const after = offsetAt(asUtc + 86_400_000);
  const first = asUtc - Math.max(before, after);
  const second = asUtc - Math.min(before, after);
  // Try the earlier reading first (ambiguous autumn hour); fall back to the other offset.
  for (const candidate of [first, second]) {
    if (asUtc - offsetAt(candidate) === candidate) return new Date(candidate);
  }
  return new Date(asUtc - before);
}

/** The calendar date `days` after `date` (before, when negative); both `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A local day as instants: its first moment and the next day's, in a time zone. A day the clocks
 * change on is 23 or 25 hours long; where a zone skips midnight, the day starts when it resumes.
 */
export function dayBounds(timeZone: string, date: string): { start: Date; end: Date } {
  return {
    start: instantOf(timeZone, `${date}T00:00`),
    end: instantOf(timeZone, `${addDays(date, 1)}T00:00`),
  };
}
