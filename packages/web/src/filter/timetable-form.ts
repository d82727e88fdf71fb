/**
 * The timetable form's model: the timetable with a key on each row (so React keeps a row's fields
 * as rows are added and removed), the field ids, and which field an API error path names.
 */
import { t } from '../i18n.ts';
import type { FieldRef } from './field-errors.ts';
import type { Period, Timetable } from './types.ts';

export interface DateRangeRow {
  key: string;
  name: string;
  start: string;
  end: string;
}

export type PeriodRow = Period & { key: string };

export interface TimetableDraft {
  timeZone: string;
  days: number[];
  day: { start: string; end: string };
  periods: PeriodRow[];
  terms: DateRangeRow[];
  holidays: DateRangeRow[];
}

export type RangeList = 'terms' | 'holidays';

/** Where a timetable sits in what PUT settings is sent, for reading its error paths. */
export const TIMETABLE_WITHIN = ['settings', 'timetable'] as const;

let nextKey = 0;
export function rowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

export function toDraft(tt: Timetable): TimetableDraft {
  return {
    timeZone: tt.timeZone,
    days: [...tt.days],
    day: { ...tt.day },
    periods: tt.periods.map((p) => ({ ...p, key: rowKey() })),
    terms: tt.terms.map((r) => ({ ...r, key: rowKey() })),
    holidays: tt.holidays.map((r) => ({ ...r, key: rowKey() })),
  };
}

/** The timetable to send: rows without their keys, days in week order. */
export function fromDraft(draft: TimetableDraft): Timetable {
  const strip = <T extends { key: string }>({ key: _key, ...rest }: T) => rest;
  return {
    timeZone: draft.timeZone,
    days: [...draft.days].sort((a, b) => a - b),
    day: { ...draft.day },
    periods: draft.periods.map(strip),
    terms: draft.terms.map(strip),
    holidays: draft.holidays.map(strip),
  };
}

/** The id of the field for a timetable path: `periods.0.end` → `tt-periods-0-end`. */
export function timetableFieldId(path: string): string {
  return `tt-${path.replace(/\./g, '-')}`;
}

const ROW_FIELDS: Record<string, Record<string, 'name' | 'start' | 'end' | 'kind'>> = {
  periods: { name: 'name', start: 'start', end: 'end', kind: 'kind' },
  terms: { name: 'name', start: 'start', end: 'end' },
  holidays: { name: 'name', start: 'start', end: 'end' },
};

/** "Period 2", "Term 1", "Holiday 3": how a row is named in labels and in the error summary. */
export function rowName(list: 'periods' | RangeList, index: number): string {
  const n = index + 1;
  if (list === 'periods') return t('web.filter.timetable.period', { n });
  if (list === 'terms') return t('web.filter.timetable.term', { n });
  return t('web.filter.timetable.holiday', { n });
}

export function rowFieldLabel(list: 'periods' | RangeList, part: 'name' | 'start' | 'end' | 'kind'): string {
  switch (part) {
    case 'name':
      return t('web.filter.timetable.rowName');
    case 'kind':
      return t('web.filter.timetable.periodKind');
    case 'start':
      return list === 'periods'
        ? t('web.filter.timetable.periodStart')
        : t('web.filter.timetable.rangeStart');
    case 'end':
      return list === 'periods' ? t('web.filter.timetable.periodEnd') : t('web.filter.timetable.rangeEnd');
  }
}

/** The label a row's field shows, and the name it has in the error summary. */
export function rowFieldSummaryLabel(
  list: 'periods' | RangeList,
  index: number,
  part: 'name' | 'start' | 'end' | 'kind',
): string {
  return t('web.filter.timetable.rowField', { row: rowName(list, index), field: rowFieldLabel(list, part) });
}

/**
 * The field a timetable path (relative to the timetable) names: `day.start`, `days`, `timeZone`,
 * `periods.0.end`; a whole row (`terms.1`) goes to its name field.
 */
export function timetableField(path: string): FieldRef | undefined {
  const parts = path.split('.');
  const [head, second, third] = parts;
  if (head === 'timeZone' && parts.length === 1) {
    return { id: timetableFieldId('timeZone'), label: t('web.filter.timetable.timeZone') };
  }
  if (head === 'days') return { id: 'tt-days-1', label: t('web.filter.timetable.days') };
  if (head === 'day' && (second === 'start' || second === 'end') && parts.length === 2) {
    return {
      id: timetableFieldId(path),
      label: second === 'start' ? t('web.filter.timetable.dayStart') : t('web.filter.timetable.dayEnd'),
    };
  }
  if (head === 'periods' || head === 'terms' || head === 'holidays') {
    const index = Number(second);
    if (second === undefined || !Number.isInteger(index) || index < 0) return undefined;
    if (parts.length === 2) {
      return {
        id: timetableFieldId(`${head}.${index}.name`),
        label: rowName(head, index),
      };
    }
    const part = third === undefined ? undefined : ROW_FIELDS[head]?.[third];
    if (!part || parts.length !== 3) return undefined;
    return { id: timetableFieldId(path), label: rowFieldSummaryLabel(head, index, part) };
  }
  return undefined;
}
