import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../api.ts';
import { CodeField, normaliseCode } from '../components/CodeField.tsx';
import { errorText } from '../components/ErrorMessage.tsx';
import { ErrorSummary, type FormProblem } from '../components/ErrorSummary.tsx';
import { Page } from '../components/Page.tsx';
import { formatDateTime } from '../dates.ts';
import { api } from '../endpoints.ts';
import { t, tCount } from '../i18n.ts';
import { useSession } from '../session.tsx';

/** Password accepted; now the code from the authenticator app, or a recovery code. */
export function TwoFactorChallenge() {
  const { applySession, endSession, clearNotice } = useSession();
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);

  const verify = useMutation({
    mutationFn: () => api.submitMfaCode(normaliseCode(code)),
    onSuccess: (session) => {
      clearNotice();
      applySession(session);
    },
    onError: (error) => {
      setCode('');
      setProblems([{ field: 'code', message: challengeError(error) }]);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (normaliseCode(code) === '') {
      setProblems([{ field: 'code', message: t('web.mfa.codeMissing') }]);
      return;
    }
    setProblems([]);
    verify.mutate();
  };

  return (
    <Page title={t('web.mfa.challengeTitle')}>
      <p>{t('web.mfa.challengeIntro')}</p>
      <ErrorSummary problems={problems} />
      <form onSubmit={submit} noValidate className="form">
        <CodeField
          value={code}
          onChange={setCode}
          error={problems.find((p) => p.field === 'code')?.message}
          allowRecovery
        />
        <div className="actions">
          <button type="submit" disabled={verify.isPending}>
            {verify.isPending ? t('web.mfa.verifying') : t('web.mfa.verify')}
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => void endSession({ kind: 'signed-out' })}
          >
            {t('web.mfa.cancel')}
          </button>
        </div>
      </form>
    </Page>
  );
}

function challengeError(error: unknown): string {
  if (isApiError(error, 'auth.mfa-invalid')) return t('web.mfa.invalid');
  if (isApiError(error, 'auth.throttled')) {
    return error.retryAfterSeconds === null
      ? t('web.signIn.throttled')
      : tCount(error.retryAfterSeconds, 'web.signIn.throttledOne', 'web.signIn.throttledOther');
  }
  if (isApiError(error, 'auth.locked')) {
    const until = error.details.find((d) => d.path === 'lockedUntil')?.reason;
    return until ? t('web.signIn.lockedUntil', { time: formatDateTime(until) }) : t('web.signIn.locked');
  }
  return errorText(error);
}
