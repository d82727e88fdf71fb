import { type FormEvent, useState } from 'react';
import { type FieldRef, messageFor } from '../../filter/field-errors.ts';
import { t } from '../../i18n.ts';
import type { ReportFilters } from '../../monitor/types.ts';
import { ErrorSummary, type FormProblem } from '../ErrorSummary.tsx';
import { SelectField } from '../SelectField.tsx';
import { TextField } from '../TextField.tsx';

/** The longest report the server gives, counting both ends. */
export const MAX_REPORT_DAYS = 366;

export const REPORT_FIELDS: Record<string, FieldRef> = {
  from: { id: 'report-from', label: t('web.monitorReport.from') },
  to: { id: 'report-to', label: t('web.monitorReport.to') },
  group: { id: 'report-group', label: t('web.monitorReport.group') },
  user: { id: 'report-user', label: t('web.monitorReport.user') },
};
const id = (name: string) => REPORT_FIELDS[name]?.id ?? name;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

interface ReportFilterFormProps {
  /** What the form starts with: the link's filters, the range the report covers. */
  initial: ReportFilters;
  groups: readonly { value: string; label: string }[];
  /** Whether this account may ask about one person (the field is left out otherwise). */
  byUser: boolean;
  timeZone: string | undefined;
  busy: boolean;
  serverProblems: FormProblem[];
  onShow(filters: ReportFilters): void;
}

/** The report's range and who it is about; what is chosen goes into the page's address. */
export function ReportFilterForm({
  initial,
  groups,
  byUser,
  timeZone,
  busy,
  serverProblems,
  onShow,
}: ReportFilterFormProps) {
  const [from, setFrom] = useState(initial.from ?? '');
  const [to, setTo] = useState(initial.to ?? '');
  const [group, setGroup] = useState(initial.group ?? '');
  const [user, setUser] = useState(initial.user ?? '');
  const [problems, setProblems] = useState<FormProblem[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormProblem[] = [];
    if (from && to && to < from)
      found.push({ field: id('to'), message: t('web.monitorReport.toBeforeFrom') });
    else if (from && to && daysBetween(from, to) >= MAX_REPORT_DAYS)
      found.push({ field: id('to'), message: t('web.monitorReport.tooLong', { days: MAX_REPORT_DAYS }) });
    setProblems(found);
    if (found.length > 0) return;
    const filters: ReportFilters = {};
    if (from) filters.from = from;
    if (to) filters.to = to;
    if (group) filters.group = group;
    if (byUser && user.trim()) filters.user = user.trim();
    onShow(filters);
  };

  const shown = problems.length > 0 ? problems : serverProblems;
  const error = (name: string) => messageFor(shown, id(name));
  // A group named in a shared link stays choosable even where this school's groups do not list it.
  const options =
    groups.some((g) => g.value === group) || !group ? groups : [...groups, { value: group, label: group }];
  return (
    <search aria-label={t('web.monitorReport.filtersLabel')}>
      <ErrorSummary problems={shown} />
      <form onSubmit={submit} noValidate className="form form-inline">
        <TextField
          id={id('from')}
          type="date"
          label={t('web.monitorReport.from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          error={error('from')}
        />
        <TextField
          id={id('to')}
          type="date"
          label={t('web.monitorReport.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          error={error('to')}
        />
        <SelectField
          id={id('group')}
          label={t('web.monitorReport.group')}
          value={group}
          onChange={(e) => setGroup(e.target.value)}
          options={[{ value: '', label: t('web.monitorReport.allGroups') }, ...options]}
          error={error('group')}
        />
        {byUser ? (
          <TextField
            id={id('user')}
            label={t('web.monitorReport.user')}
            hint={t('web.monitorReport.userHint')}
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            value={user}
            onChange={(e) => setUser(e.target.value)}
            error={error('user')}
          />
        ) : null}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('web.monitorReport.show')}
          </button>
        </div>
      </form>
      <p className="field-hint">
        {timeZone
          ? t('web.monitorReport.daysHint', { timeZone, days: MAX_REPORT_DAYS })
          : t('web.monitorReport.daysHintNoZone', { days: MAX_REPORT_DAYS })}
      </p>
    </search>
  );
}
