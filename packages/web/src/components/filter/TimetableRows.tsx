import type { FormProblem } from '../../components/ErrorSummary.tsx';
import { messageFor } from '../../filter/field-errors.ts';
import {
  type DateRangeRow,
  type PeriodRow,
  type RangeList,
  rowFieldLabel,
  rowKey,
  rowName,
  timetableFieldId,
} from '../../filter/timetable-form.ts';
import { t } from '../../i18n.ts';
import { SelectField } from '../SelectField.tsx';
import { TextField } from '../TextField.tsx';

interface RowsProps<R> {
  rows: R[];
  onChange(rows: R[]): void;
  problems: readonly FormProblem[];
}

function update<R>(rows: R[], index: number, patch: Partial<R>): R[] {
  return rows.map((r, i) => (i === index ? { ...r, ...patch } : r));
}

function RemoveButton({ what, onRemove }: { what: string; onRemove(): void }) {
  return (
    <button type="button" className="button-secondary button-small" onClick={onRemove}>
      {t('web.filter.timetable.remove')}
      <span className="visually-hidden"> {what}</span>
    </button>
  );
}

/** Breaks, lunch and extra lessons: name, start, end, and whether it is lesson time. */
export function PeriodRows({ rows, onChange, problems }: RowsProps<PeriodRow>) {
  const id = (i: number, part: string) => timetableFieldId(`periods.${i}.${part}`);
  return (
    <>
      {rows.length === 0 ? <p className="muted">{t('web.filter.timetable.noPeriods')}</p> : null}
      {rows.map((row, i) => (
        <fieldset className="row-fieldset" key={row.key}>
          <legend>{rowName('periods', i)}</legend>
          <div className="row-fields">
            <TextField
              id={id(i, 'name')}
              label={rowFieldLabel('periods', 'name')}
              value={row.name}
              onChange={(e) => onChange(update(rows, i, { name: e.target.value }))}
              error={messageFor(problems, id(i, 'name'))}
            />
            <TextField
              id={id(i, 'start')}
              type="time"
              label={rowFieldLabel('periods', 'start')}
              value={row.start}
              onChange={(e) => onChange(update(rows, i, { start: e.target.value }))}
              error={messageFor(problems, id(i, 'start'))}
            />
            <TextField
              id={id(i, 'end')}
              type="time"
              label={rowFieldLabel('periods', 'end')}
              value={row.end}
              onChange={(e) => onChange(update(rows, i, { end: e.target.value }))}
              error={messageFor(problems, id(i, 'end'))}
            />
            <SelectField
              id={id(i, 'kind')}
              label={rowFieldLabel('periods', 'kind')}
              value={row.kind}
              onChange={(e) =>
                onChange(update(rows, i, { kind: e.target.value === 'lesson' ? 'lesson' : 'free' }))
              }
              options={[
                { value: 'free', label: t('web.filter.timetable.kindFree') },
                { value: 'lesson', label: t('web.filter.timetable.kindLesson') },
              ]}
              error={messageFor(problems, id(i, 'kind'))}
            />
          </div>
          <RemoveButton
            what={rowName('periods', i)}
            onRemove={() => onChange(rows.filter((_, j) => j !== i))}
          />
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            onChange([...rows, { key: rowKey(), name: '', start: '12:00', end: '13:00', kind: 'free' }])
          }
        >
          {t('web.filter.timetable.addPeriod')}
        </button>
      </div>
    </>
  );
}

/** Terms or holidays: a name and the first and last days. */
export function RangeRows({ list, rows, onChange, problems }: RowsProps<DateRangeRow> & { list: RangeList }) {
  const id = (i: number, part: string) => timetableFieldId(`${list}.${i}.${part}`);
  return (
    <>
      {rows.length === 0 ? (
        <p className="muted">
          {list === 'terms' ? t('web.filter.timetable.noTerms') : t('web.filter.timetable.noHolidays')}
        </p>
      ) : null}
      {rows.map((row, i) => (
        <fieldset className="row-fieldset" key={row.key}>
          <legend>{rowName(list, i)}</legend>
          <div className="row-fields">
            <TextField
              id={id(i, 'name')}
              label={rowFieldLabel(list, 'name')}
              value={row.name}
              onChange={(e) => onChange(update(rows, i, { name: e.target.value }))}
              error={messageFor(problems, id(i, 'name'))}
            />
            <TextField
              id={id(i, 'start')}
              type="date"
              label={rowFieldLabel(list, 'start')}
              value={row.start}
              onChange={(e) => onChange(update(rows, i, { start: e.target.value }))}
              error={messageFor(problems, id(i, 'start'))}
            />
            <TextField
              id={id(i, 'end')}
              type="date"
              label={rowFieldLabel(list, 'end')}
              value={row.end}
              onChange={(e) => onChange(update(rows, i, { end: e.target.value }))}
              error={messageFor(problems, id(i, 'end'))}
            />
          </div>
          <RemoveButton what={rowName(list, i)} onRemove={() => onChange(rows.filter((_, j) => j !== i))} />
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          className="button-secondary"
          onClick={() => onChange([...rows, { key: rowKey(), name: '', start: '', end: '' }])}
        >
          {list === 'terms' ? t('web.filter.timetable.addTerm') : t('web.filter.timetable.addHoliday')}
        </button>
      </div>
    </>
  );
}
