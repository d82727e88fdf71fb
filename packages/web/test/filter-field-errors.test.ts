import { describe, expect, it } from 'vitest';
import { parseApiError } from '../src/api.ts';
import { apiProblems, fieldForPath, relativePath } from '../src/filter/field-errors.ts';
import { fromDraft, TIMETABLE_WITHIN, timetableField, toDraft } from '../src/filter/timetable-form.ts';

function validation(...details: { path: string; reason: string }[]) {
  return parseApiError(400, { error: { id: 'validation', message: 'Not valid.', details } });
}

describe('relativePath', () => {
  it('takes off where the value was sent and the parts the form sits in', () => {
    expect(relativePath('settings.timetable.periods.0.end', TIMETABLE_WITHIN)).toBe('periods.0.end');
    expect(relativePath('body.settings.timetable.day.start', TIMETABLE_WITHIN)).toBe('day.start');
    expect(relativePath('body/target/host')).toBe('target.host');
    expect(relativePath('querystring.from')).toBe('from');
  });

  it('keeps a path outside the form whole', () => {
    expect(relativePath('settings.groups.0.id', TIMETABLE_WITHIN)).toBe('groups.0.id');
  });
});

describe('timetableField', () => {
  it('names each field of the timetable form', () => {
    expect(timetableField('periods.0.end')).toEqual({ id: 'tt-periods-0-end', label: 'Period 1, Ends' });
    expect(timetableField('terms.1.start')).toEqual({ id: 'tt-terms-1-start', label: 'Term 2, First day' });
    expect(timetableField('holidays.0.name')?.id).toBe('tt-holidays-0-name');
    expect(timetableField('day.end')).toEqual({ id: 'tt-day-end', label: 'Lessons end' });
    expect(timetableField('timeZone')?.id).toBe('tt-timeZone');
    expect(timetableField('days')?.id).toBe('tt-days-1');
  });

  it('sends a whole row to its name, and knows nothing of other paths', () => {
    expect(timetableField('periods.2')).toEqual({ id: 'tt-periods-2-name', label: 'Period 3' });
    expect(timetableField('periods.x.end')).toBeUndefined();
    expect(timetableField('groups.0.id')).toBeUndefined();
  });

  it('finds the nearest field for a path deeper than any field', () => {
    expect(fieldForPath('days.3', timetableField)?.id).toBe('tt-days-1');
    expect(fieldForPath('periods.1.end.extra', timetableField)?.id).toBe('tt-periods-1-end');
  });
});

describe('apiProblems', () => {
  it('puts each validation detail beside its field, as a sentence', () => {
    const problems = apiProblems(
      validation(
        { path: 'settings.timetable.periods.0.end', reason: 'must differ from the start' },
        { path: 'settings.timetable.terms.0.end', reason: 'must not end before it starts' },
      ),
      timetableField,
      TIMETABLE_WITHIN,
    );
    expect(problems).toEqual([
      { field: 'tt-periods-0-end', label: 'Period 1, Ends', message: 'Must differ from the start' },
      { field: 'tt-terms-0-end', label: 'Term 1, Last day', message: 'Must not end before it starts' },
    ]);
  });

  it('keeps a problem no field can show at the top, saying where it is', () => {
    const [problem] = apiProblems(
      validation({ path: 'settings.defaultGroup', reason: 'no group "x"' }),
      timetableField,
      TIMETABLE_WITHIN,
    );
    expect(problem).toEqual({ message: 'defaultGroup: no group "x"' });
  });

  it('says a refusal or a conflict once, for the whole form', () => {
    const conflict = parseApiError(409, {
      error: { id: 'conflict', message: 'The filter settings have changed since you loaded them.' },
    });
    expect(apiProblems(conflict, timetableField)).toEqual([
      { message: 'The filter settings have changed since you loaded them.' },
    ]);
  });

  it('names the same field once', () => {
    const fields = (p: string) => (p === 'target.host' ? { id: 'exc-host', label: 'Site' } : undefined);
    const problems = apiProblems(
      validation(
        { path: 'body.target.host', reason: 'too long' },
        { path: 'target.host', reason: 'too long' },
      ),
      fields,
    );
    expect(problems).toHaveLength(1);
  });
});

describe('the timetable draft', () => {
  it('gives the timetable back as it was, days in week order, keys gone', () => {
    const timetable = {
      timeZone: 'Europe/London',
      days: [5, 1, 2, 3, 4],
      day: { start: '08:45', end: '15:15' },
      periods: [{ name: 'Break', start: '10:30', end: '10:45', kind: 'free' as const }],
      terms: [{ name: 'Autumn', start: '2026-09-02', end: '2026-12-18' }],
      holidays: [],
    };
    const draft = toDraft(timetable);
    expect(draft.periods[0]?.key).toBeTruthy();
    expect(fromDraft(draft)).toEqual({ ...timetable, days: [1, 2, 3, 4, 5] });
  });
});
