import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayBounds,
  defaultTimetable,
  describeMoment,
  instantOf,
  isLessonTime,
  localTime,
  timetable,
} from '../src/filter/timetable.ts';

const london = defaultTimetable();
const at = (wall: string) => instantOf('Europe/London', wall);

describe('default timetable (Mon-Fri 08:45-15:15, break 10:30-10:45, lunch 12:15-13:00)', () => {
  it.each([
    ['2026-11-23T08:44', false, 'before the school day'],
    ['2026-11-23T08:45', true, 'first minute of the day'],
    ['2026-11-23T10:29', true, 'just before break'],
    ['2026-11-23T10:30', false, 'break'],
    ['2026-11-23T10:45', true, 'after break'],
    ['2026-11-23T12:15', false, 'lunch'],
    ['2026-11-23T12:59', false, 'end of lunch'],
    ['2026-11-23T13:00', true, 'afternoon'],
    ['2026-11-23T15:14', true, 'last minute'],
    ['2026-11-23T15:15', false, 'after school'],
    ['2026-11-28T11:00', false, 'Saturday'],
    ['2026-11-29T11:00', false, 'Sunday'],
  ])('%s is lesson time: %s (%s)', (wall, lesson) => {
    expect(isLessonTime(london, at(wall))).toBe(lesson);
  });

  it('describes the moment in words for explanations', () => {
    expect(describeMoment(london, at('2026-11-23T12:30'))).toBe('at lunch');
    expect(describeMoment(london, at('2026-11-23T11:00'))).toBe('during lessons');
    expect(describeMoment(london, at('2026-11-28T11:00'))).toContain('weekend');
    expect(describeMoment(london, at('2026-11-23T16:00'))).toBe('outside the school day');
  });
});

describe('terms and holidays', () => {
  const t = timetable.parse({
    ...london,
    terms: [{ name: 'Autumn', start: '2026-09-03', end: '2026-12-18' }],
    holidays: [{ name: 'Half term', start: '2026-10-26', end: '2026-10-30' }],
  });
  it('a weekday in half term is outside lessons', () => {
    expect(isLessonTime(t, at('2026-10-27T11:00'))).toBe(false);
    expect(describeMoment(t, at('2026-10-27T11:00'))).toBe('in a holiday (Half term)');
  });
  it('a weekday outside every term is outside lessons', () => {
    expect(isLessonTime(t, at('2026-12-21T11:00'))).toBe(false);
    expect(describeMoment(t, at('2026-12-21T11:00'))).toBe('outside term');
  });
  it('a term weekday is lesson time', () => {
    expect(isLessonTime(t, at('2026-11-23T11:00'))).toBe(true);
  });
});

describe('clock changes (Europe/London)', () => {
  it('08:45 is the start of the day on both sides of the spring change', () => {
    // Clocks go forward at 01:00 UTC on Sunday 29 March 2026.
    expect(at('2026-03-27T09:00').toISOString()).toBe('2026-03-27T09:00:00.000Z');
    expect(at('2026-03-30T09:00').toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(isLessonTime(london, new Date('2026-03-30T07:50:00Z'))).toBe(true); // 08:50 BST
    expect(isLessonTime(london, new Date('2026-03-27T08:50:00Z'))).toBe(true); // 08:50 GMT
    expect(isLessonTime(london, new Date('2026-03-30T07:40:00Z'))).toBe(false); // 08:40 BST
  });
  it('a time the clocks skip reads as the same distance past the change', () => {
    expect(at('2026-03-29T01:30').toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 02:30 BST
  });
  it('a time that happens twice reads as the first', () => {
    // Clocks go back at 01:00 UTC on Sunday 25 October 2026: 01:30 happens in BST, then GMT.
    expect(at('2026-10-25T01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
  it('reads local time in other zones too', () => {
    expect(localTime('America/New_York', new Date('2026-11-23T16:00:00Z'))).toEqual({
      date: '2026-11-23',
      weekday: 1,
      minute: 11 * 60,
    });
  });
});

describe('periods crossing midnight', () => {
  const evening = timetable.parse({
    timeZone: 'Europe/London',
    days: [5],
    day: { start: '22:00', end: '02:00' },
    periods: [{ name: 'Supper', start: '23:50', end: '00:10', kind: 'free' }],
  });
  it('belong to the day they start on', () => {
    expect(isLessonTime(evening, at('2026-11-27T22:30'))).toBe(true); // Friday night
    expect(isLessonTime(evening, at('2026-11-28T01:00'))).toBe(true); // early Saturday, Friday's session
    expect(isLessonTime(evening, at('2026-11-29T01:00'))).toBe(false); // early Sunday: Saturday had none
    expect(isLessonTime(evening, at('2026-11-28T03:00'))).toBe(false);
  });
  it('a free period across midnight is free on both sides', () => {
    expect(isLessonTime(evening, at('2026-11-27T23:55'))).toBe(false);
    expect(isLessonTime(evening, at('2026-11-28T00:05'))).toBe(false);
    expect(isLessonTime(evening, at('2026-11-28T00:15'))).toBe(true);
  });
});

describe('invalid timetables are refused with the field', () => {
  it.each([
    [{ ...london, day: { start: '25:00', end: '15:15' } }, 'day.start'],
    [{ ...london, day: { start: '08:45', end: '08:45' } }, 'day.end'],
    [{ ...london, timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ ...london, days: [] }, 'days'],
    [{ ...london, days: [1, 1] }, 'days'],
    [{ ...london, terms: [{ name: 'Autumn', start: '2026-12-18', end: '2026-09-03' }] }, 'terms.0.end'],
    [
      { ...london, periods: [{ name: 'Break', start: '10:30', end: '10:45', kind: 'snack' }] },
      'periods.0.kind',
    ],
    [{ ...london, holidays: [{ name: 'x', start: '2026-02-30', end: '2026-03-01' }] }, 'holidays.0.start'],
  ])('%#: %s', (input, path) => {
    const r = timetable.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
  it('a local time that is not one is refused', () => {
    expect(() => instantOf('Europe/London', '23/11/2026 10:00')).toThrow(/not a local time/);
  });
});

describe('local days as instants', () => {
  it('counts calendar days across months, years and leap days', () => {
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29');
  });
  it('gives a day 23 hours in spring, 25 in autumn and 24 otherwise (London)', () => {
    const hours = (day: string) => {
      const { start, end } = dayBounds('Europe/London', day);
      return (end.getTime() - start.getTime()) / 3_600_000;
    };
    expect(dayBounds('Europe/London', '2026-10-25').start.toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(dayBounds('Europe/London', '2026-10-25').end.toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-11-23')).toBe(24);
  });
  it('starts a day whose midnight the clocks skip when they resume (Santiago, 6 September 2026)', () => {
    const { start } = dayBounds('America/Santiago', '2026-09-06');
    expect(start.toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });
});
