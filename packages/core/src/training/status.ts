import type { RoleKind } from '../policy/schema.ts';
import type { Course, TrainingPersonKind } from './courses.ts';

/** The weeks a new member of staff has for their induction training (and anything never taken). */
export const INDUCTION_DAYS = 30;
/** How far ahead "due soon" looks, and the reminders with it. */
export const DUE_SOON_DAYS = 30;

export interface TrainingPerson {
  kind: TrainingPersonKind;
  /** The canonical kinds of the posts they hold in the current policy. */
  roleKinds: readonly RoleKind[];
  /** When they joined (or were added to Haven): the induction period runs from here. */
  startedOn: string;
}

export interface TrainingRecordInput {
  courseId: string;
  /** 'YYYY-MM-DD'. */
  completedOn: string;
}

export const TRAINING_STATES = ['done', 'due-soon', 'overdue', 'not-required'] as const;
export type TrainingState = (typeof TRAINING_STATES)[number];

export interface CourseStatus {
  courseId: string;
  state: TrainingState;
  lastCompletedOn: string | null;
  /** Null when nothing more is due (an induction course done, or a course not required). */
  nextDueOn: string | null;
}

const DAY = 86_400_000;
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY;
const fromDayNumber = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const addDays = (d: string, days: number) => fromDayNumber(dayNumber(d) + days);
/** The same date some years on; 29 February falls back to 28 February. */
function addYears(d: string, years: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

export function isRequired(course: Course, person: TrainingPerson): boolean {
  return (
    course.requiredFor.personKinds.includes(person.kind) ||
    person.roleKinds.some((k) => course.requiredFor.roleKinds.includes(k))
  );
}

/** When a course is next due after a completion on `on` (null: never again). */
export function nextDue(course: Course, on: string): string | null {
  if (course.frequency === 'induction') return null;
  return addYears(on, course.frequency === 'annual' ? 1 : 2);
}

/**
 * Where a person stands on each course on `today`: done (with the last date and when it is next
 * due), due soon (never taken, or next due within `soonDays`), overdue, or not required of them.
 * A course taken though not required still shows as done, so the record is not lost from view.
 */
export function trainingStatus(
  person: TrainingPerson,
  records: readonly TrainingRecordInput[],
  courses: readonly Course[],
  today: string,
  soonDays: number = DUE_SOON_DAYS,
): CourseStatus[] {
  return courses.map((course) => {
    const last =
      records
        .filter((r) => r.courseId === course.id)
        .map((r) => r.completedOn)
        .sort()
        .at(-1) ?? null;
    const required = isRequired(course, person);
    if (!required)
      return {
        courseId: course.id,
        state: last ? 'done' : 'not-required',
        lastCompletedOn: last,
        nextDueOn: null,
      };
    const due = last ? nextDue(course, last) : addDays(person.startedOn, INDUCTION_DAYS);
    if (due === null) return { courseId: course.id, state: 'done', lastCompletedOn: last, nextDueOn: null };
    const daysLeft = dayNumber(due) - dayNumber(today);
    const state: TrainingState =
      daysLeft < 0 ? 'overdue' : !last || daysLeft <= soonDays ? 'due-soon' : 'done';
    return { courseId: course.id, state, lastCompletedOn: last, nextDueOn: due };
  });
}

/** The ISO week a date falls in, as 'YYYY-Www': reminders go at most once a week per course. */
export function isoWeek(d: string): string {
  const n = dayNumber(d);
  const weekday = (new Date(n * DAY).getUTCDay() + 6) % 7; // Monday 0
  const thursday = n - weekday + 3;
  const year = new Date(thursday * DAY).getUTCFullYear();
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
