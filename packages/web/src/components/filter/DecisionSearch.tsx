import { type FormEvent, useState } from 'react';
import { type FieldRef, messageFor } from '../../filter/field-errors.ts';
import { fromLocalInput } from '../../filter/time.ts';
import type { DecisionFilters } from '../../filter/types.ts';
import { actionWord, categoryName } from '../../filter/words.ts';
import { t } from '../../i18n.ts';
import { ErrorSummary, type FormProblem } from '../ErrorSummary.tsx';
import { SelectField } from '../SelectField.tsx';
import { TextField } from '../TextField.tsx';

export const DECISION_FIELDS: Record<string, FieldRef> = {
  user: { id: 'dec-user', label: t('web.filter.decisions.user') },
  from: { id: 'dec-from', label: t('web.filter.decisions.from') },
  to: { id: 'dec-to', label: t('web.filter.decisions.to') },
  category: { id: 'dec-category', label: t('web.filter.decisions.category') },
  action: { id: 'dec-action', label: t('web.filter.decisions.action') },
  host: { id: 'dec-host', label: t('web.filter.decisions.host') },
};
const id = (name: string) => DECISION_FIELDS[name]?.id ?? name;

interface DecisionSearchProps {
  categories: Partial<Record<string, string>> | undefined;
  timeZone: string;
  busy: boolean;
  serverProblems: FormProblem[];
  onSearch(filters: DecisionFilters): void;
}

/** Narrow the decision log by user, time, category, action and the start of the site's name. */
export function DecisionSearch({
  categories,
  timeZone,
  busy,
  serverProblems,
  onSearch,
}: DecisionSearchProps) {
  const [user, setUser] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [category, setCategory] = useState('');
  const [action, setAction] = useState('');
  const [host, setHost] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormProblem[] = [];
    const instant = (name: 'from' | 'to', value: string) => {
      if (value === '') return undefined;
      const at = fromLocalInput(timeZone, value);
      if (!at) found.push({ field: id(name), message: t('web.filter.timeMissing') });
      return at?.toISOString();
    };
    const fromAt = instant('from', from);
    const toAt = instant('to', to);
    if (fromAt && toAt && toAt < fromAt)
      found.push({ field: id('to'), message: t('web.filter.decisions.toBeforeFrom') });
    setProblems(found);
    if (found.length > 0) return;
    const filters: DecisionFilters = {};
    if (user.trim()) filters.user = user.trim();
    if (fromAt) filters.from = fromAt;
    if (toAt) filters.to = toAt;
    if (category) filters.category = category;
    if (action === 'allow' || action === 'block') filters.action = action;
    if (host.trim()) filters.host = host.trim().toLowerCase();
    onSearch(filters);
  };

  const shown = problems.length > 0 ? problems : serverProblems;
  const error = (name: string) => messageFor(shown, id(name));
  return (
    <search aria-label={t('web.filter.decisions.searchLabel')}>
      <ErrorSummary problems={shown} />
      <form onSubmit={submit} noValidate className="form form-inline">
        <TextField
          id={id('user')}
          label={t('web.filter.decisions.user')}
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          value={user}
          onChange={(e) => setUser(e.target.value)}
          error={error('user')}
        />
        <TextField
          id={id('host')}
          label={t('web.filter.decisions.host')}
          hint={t('web.filter.decisions.hostHint')}
          autoCapitalize="none"
          spellCheck={false}
          value={host}
          onChange={(e) => setHost(e.target.value)}
          error={error('host')}
        />
        <TextField
          id={id('from')}
          type="datetime-local"
          label={t('web.filter.decisions.from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          error={error('from')}
        />
        <TextField
          id={id('to')}
          type="datetime-local"
          label={t('web.filter.decisions.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          error={error('to')}
        />
        <SelectField
          id={id('category')}
          label={t('web.filter.decisions.category')}
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          options={[
            { value: '', label: t('web.filter.decisions.anyCategory') },
            ...Object.keys(categories ?? {}).map((c) => ({ value: c, label: categoryName(categories, c) })),
          ]}
          error={error('category')}
        />
        <SelectField
          id={id('action')}
          label={t('web.filter.decisions.action')}
          value={action}
          onChange={(e) => setAction(e.target.value)}
          options={[
            { value: '', label: t('web.filter.decisions.anyAction') },
            { value: 'allow', label: actionWord('allow') },
            { value: 'block', label: actionWord('block') },
          ]}
          error={error('action')}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('web.filter.decisions.submit')}
          </button>
        </div>
      </form>
      <p className="field-hint">{t('web.filter.schoolTime', { timeZone })}</p>
    </search>
  );
}
