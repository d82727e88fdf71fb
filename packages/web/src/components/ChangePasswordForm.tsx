import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../api.ts';
import { api } from '../endpoints.ts';
import { type FormFields, problemFor, problemsFrom } from '../form-errors.ts';
import { t } from '../i18n.ts';
import { ErrorSummary, type FormProblem } from './ErrorSummary.tsx';
import { Notice } from './Notice.tsx';
import { TextField } from './TextField.tsx';

/** The server's rule; checked here too so the message comes before the round trip. */
const MIN_LENGTH = 12;

const fields: FormFields = {
  currentPassword: { id: 'current-password', label: t('web.password.current') },
  newPassword: { id: 'new-password', label: t('web.password.new') },
  confirm: { id: 'confirm-password', label: t('web.password.confirm') },
};

export function ChangePasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);

  const change = useMutation({
    mutationFn: () => api.changePassword(current, next),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
    },
    onError: (error) => {
      // A wrong current password comes back as 401 auth.invalid or as a validation detail on it.
      const wrongCurrent =
        isApiError(error, 'auth.invalid') ||
        (isApiError(error, 'validation') && error.details.some((d) => d.path.endsWith('currentPassword')));
      const others = isApiError(error, 'auth.invalid')
        ? []
        : problemsFrom(error, fields).filter((p) => p.field !== fields.currentPassword?.id);
      setProblems(
        wrongCurrent
          ? [{ field: fields.currentPassword?.id, message: t('web.password.currentWrong') }, ...others]
          : others,
      );
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormProblem[] = [];
    if (current === '') found.push({ field: 'current-password', message: t('web.password.currentMissing') });
    if (next.length < MIN_LENGTH) {
      found.push({ field: 'new-password', message: t('web.password.tooShort', { min: MIN_LENGTH }) });
    } else if (next === current) {
      found.push({ field: 'new-password', message: t('web.password.same') });
    }
    if (confirm !== next) found.push({ field: 'confirm-password', message: t('web.password.mismatch') });
    setProblems(found);
    if (found.length === 0) change.mutate();
    else change.reset();
  };

  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary problems={problems} />
      {change.isSuccess ? (
        <Notice tone="success" live="polite">
          <p>{t('web.password.changed')}</p>
        </Notice>
      ) : null}
      <TextField
        id="current-password"
        label={t('web.password.current')}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={problemFor(problems, 'current-password')}
      />
      <TextField
        id="new-password"
        label={t('web.password.new')}
        hint={t('web.password.rules', { min: MIN_LENGTH })}
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={(e) => setNext(e.target.value)}
        error={problemFor(problems, 'new-password')}
      />
      <TextField
        id="confirm-password"
        label={t('web.password.confirm')}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={problemFor(problems, 'confirm-password')}
      />
      <div className="actions">
        <button type="submit" disabled={change.isPending}>
          {change.isPending ? t('web.password.submitting') : t('web.password.submit')}
        </button>
      </div>
    </form>
  );
}
