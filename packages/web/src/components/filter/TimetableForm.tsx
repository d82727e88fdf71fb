import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api.ts';
import { filterApi, filterKeys } from '../../filter/endpoints.ts';
import { apiProblems, messageFor } from '../../filter/field-errors.ts';
import { timeZoneOptions } from '../../filter/time.ts';
import {
  fromDraft,
  TIMETABLE_WITHIN,
  type TimetableDraft,
  timetableField,
  timetableFieldId,
  toDraft,
} from '../../filter/timetable-form.ts';
import type { FilterSettingsView } from '../../filter/types.ts';
import { weekdayName } from '../../filter/words.ts';
import { t } from '../../i18n.ts';
import { ErrorSummary, type FormProblem } from '../ErrorSummary.tsx';
import { Notice } from '../Notice.tsx';
import { SelectField } from '../SelectField.tsx';
import { TextField } from '../TextField.tsx';
import { PeriodRows, RangeRows } from './TimetableRows.tsx';

const WEEK = [1, 2, 3, 4, 5, 6, 7];

interface TimetableFormProps {
  schoolId: string;
  view: FilterSettingsView;
  /** Fetch the settings again (after someone else saved them). */
  reload(): Promise<FilterSettingsView | undefined>;
}

/**
 * The timetable, editable: the school day, the days of the week, free and lesson periods, terms
 * and holidays, the time zone. Saving sends the whole settings document back with the edited
 * timetable and the revision it was loaded at; the server checks it and says which field is wrong.
 */
export function TimetableForm({ schoolId, view, reload }: TimetableFormProps) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<TimetableDraft>(() => toDraft(view.settings.timetable));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [stale, setStale] = useState(false);

  const save = useMutation({
    mutationFn: () =>
      filterApi.saveSettings(schoolId, { ...view.settings, timetable: fromDraft(draft) }, view.revision),
    onMutate: () => {
      setProblems([]);
      setStale(false);
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(filterKeys.settings(schoolId), saved);
      await queryClient.invalidateQueries({
        queryKey: filterKeys.all(schoolId),
        predicate: (q) => q.queryKey[3] !== 'settings',
      });
    },
    onError: (error) => {
      setStale(isApiError(error, 'conflict'));
      setProblems(apiProblems(error, timetableField, TIMETABLE_WITHIN));
    },
  });

  const change = (patch: Partial<TimetableDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    save.reset();
  };
  // Rows move when one is added or removed, and the errors name rows by position: start afresh.
  const changeRows = (patch: Partial<TimetableDraft>) => {
    change(patch);
    setProblems([]);
  };

  const loadLatest = async () => {
    const fresh = await reload();
    if (fresh) setDraft(toDraft(fresh.settings.timetable));
    setProblems([]);
    setStale(false);
    save.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  const error = (path: string) => messageFor(problems, timetableFieldId(path));
  const daysError = messageFor(problems, 'tt-days-1');
  return (
    <form onSubmit={submit} noValidate className="form form-wide">
      <ErrorSummary problems={problems} />
      {stale ? (
        <div className="actions">
          <button type="button" className="button-secondary" onClick={() => void loadLatest()}>
            {t('web.filter.timetable.loadLatest')}
          </button>
        </div>
      ) : null}
      {save.isSuccess ? (
        <Notice tone="success" live="polite">
          <p>{t('web.filter.timetable.saved', { revision: save.data.revision })}</p>
        </Notice>
      ) : null}

      <h2>{t('web.filter.timetable.dayHeading')}</h2>
      <div className="row-fields">
        <TextField
          id={timetableFieldId('day.start')}
          type="time"
          label={t('web.filter.timetable.dayStart')}
          value={draft.day.start}
          onChange={(e) => change({ day: { ...draft.day, start: e.target.value } })}
          error={error('day.start')}
        />
        <TextField
          id={timetableFieldId('day.end')}
          type="time"
          label={t('web.filter.timetable.dayEnd')}
          value={draft.day.end}
          onChange={(e) => change({ day: { ...draft.day, end: e.target.value } })}
          error={error('day.end')}
        />
      </div>
      <fieldset
        className={daysError ? 'field fieldset field-invalid' : 'field fieldset'}
        aria-describedby={daysError ? 'tt-days-error' : undefined}
      >
        <legend>{t('web.filter.timetable.days')}</legend>
        {daysError ? (
          <p className="field-error" id="tt-days-error">
            {daysError}
          </p>
        ) : null}
        <div className="day-checks">
          {WEEK.map((day) => (
            <div className="checkbox" key={day}>
              <input
                id={`tt-days-${day}`}
                type="checkbox"
                checked={draft.days.includes(day)}
                onChange={(e) =>
                  change({
                    days: e.target.checked ? [...draft.days, day] : draft.days.filter((d) => d !== day),
                  })
                }
              />
              <label htmlFor={`tt-days-${day}`}>{weekdayName(day)}</label>
            </div>
          ))}
        </div>
      </fieldset>

      <h2>{t('web.filter.timetable.periodsHeading')}</h2>
      <p className="field-hint">{t('web.filter.timetable.periodsHint')}</p>
      <PeriodRows rows={draft.periods} onChange={(periods) => changeRows({ periods })} problems={problems} />

      <h2>{t('web.filter.timetable.termsHeading')}</h2>
      <p className="field-hint">{t('web.filter.timetable.termsHint')}</p>
      <RangeRows
        list="terms"
        rows={draft.terms}
        onChange={(terms) => changeRows({ terms })}
        problems={problems}
      />

      <h2>{t('web.filter.timetable.holidaysHeading')}</h2>
      <p className="field-hint">{t('web.filter.timetable.holidaysHint')}</p>
      <RangeRows
        list="holidays"
        rows={draft.holidays}
        onChange={(holidays) => changeRows({ holidays })}
        problems={problems}
      />

      <h2>{t('web.filter.timetable.timeZoneHeading')}</h2>
      <SelectField
        id={timetableFieldId('timeZone')}
        label={t('web.filter.timetable.timeZone')}
        hint={t('web.filter.timetable.timeZoneHint')}
        value={draft.timeZone}
        onChange={(e) => change({ timeZone: e.target.value })}
        options={timeZoneOptions(draft.timeZone).map((z) => ({ value: z, label: z }))}
        error={error('timeZone')}
      />

      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('web.filter.timetable.saving') : t('web.filter.timetable.save')}
        </button>
      </div>
    </form>
  );
}
