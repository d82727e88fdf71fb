import { type FormEvent, useState } from 'react';
import { type FieldRef, messageFor } from '../../filter/field-errors.ts';
import { fromLocalInput, nowLocalInput } from '../../filter/time.ts';
import type { ExplainRequest, FilterGroup } from '../../filter/types.ts';
import { t } from '../../i18n.ts';
import { ErrorSummary, type FormProblem } from '../ErrorSummary.tsx';
import { SelectField } from '../SelectField.tsx';
import { TextField } from '../TextField.tsx';

export const CHECK_FIELDS: Record<string, FieldRef> = {
  url: { id: 'check-url', label: t('web.filter.check.url') },
  group: { id: 'check-group', label: t('web.filter.check.group') },
  at: { id: 'check-at', label: t('web.filter.check.at') },
  user: { id: 'check-user', label: t('web.filter.check.userOptional') },
};

interface CheckFormProps {
  groups: readonly FilterGroup[];
  timeZone: string;
  busy: boolean;
  /** Problems from the server's answer, beside the fields they name. */
  serverProblems: FormProblem[];
  onCheck(request: ExplainRequest): void;
}

/** A web address, a group, a time (now by default, in school time) and optionally a user. */
export function CheckForm({ groups, timeZone, busy, serverProblems, onCheck }: CheckFormProps) {
  const [url, setUrl] = useState('');
  const [group, setGroup] = useState(groups[0]?.id ?? '');
  const [at, setAt] = useState(() => nowLocalInput(timeZone));
  const [user, setUser] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormProblem[] = [];
    const instant = fromLocalInput(timeZone, at);
    if (url.trim() === '')
      found.push({ field: CHECK_FIELDS.url?.id, message: t('web.filter.check.urlMissing') });
    if (!instant) found.push({ field: CHECK_FIELDS.at?.id, message: t('web.filter.timeMissing') });
    setProblems(found);
    if (found.length > 0 || !instant) return;
    onCheck({
      url: url.trim(),
      group,
      at: instant.toISOString(),
      ...(user.trim() ? { user: user.trim() } : {}),
    });
  };

  const shown = problems.length > 0 ? problems : serverProblems;
  const error = (name: string) => messageFor(shown, CHECK_FIELDS[name]?.id ?? '');
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary problems={shown} />
      <TextField
        id="check-url"
        label={t('web.filter.check.url')}
        hint={t('web.filter.check.urlHint')}
        inputMode="url"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={error('url')}
      />
      <SelectField
        id="check-group"
        label={t('web.filter.check.group')}
        value={group}
        onChange={(e) => setGroup(e.target.value)}
        options={groups.map((g) => ({ value: g.id, label: g.name }))}
        error={error('group')}
      />
      <TextField
        id="check-at"
        type="datetime-local"
        label={t('web.filter.check.at')}
        hint={t('web.filter.check.atHint', { timeZone })}
        value={at}
        onChange={(e) => setAt(e.target.value)}
        error={error('at')}
      />
      <TextField
        id="check-user"
        label={t('web.filter.check.userOptional')}
        hint={t('web.filter.check.userHint')}
        autoCapitalize="none"
        autoComplete="off"
        spellCheck={false}
        value={user}
        onChange={(e) => setUser(e.target.value)}
        error={error('user')}
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('web.filter.check.submitting') : t('web.filter.check.submit')}
        </button>
        <button type="button" className="button-secondary" onClick={() => setAt(nowLocalInput(timeZone))}>
          {t('web.filter.check.now')}
        </button>
      </div>
    </form>
  );
}
