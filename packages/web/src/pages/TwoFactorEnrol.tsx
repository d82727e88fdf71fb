import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../api.ts';
import { CodeField, normaliseCode } from '../components/CodeField.tsx';
import { ErrorMessage, errorText } from '../components/ErrorMessage.tsx';
import { ErrorSummary, type FormProblem } from '../components/ErrorSummary.tsx';
import { Page } from '../components/Page.tsx';
import { RecoveryCodes } from '../components/RecoveryCodes.tsx';
import { TotpSetup } from '../components/TotpSetup.tsx';
import { api } from '../endpoints.ts';
import { t } from '../i18n.ts';
import { useSession } from '../session.tsx';
import type { MfaEnrolled } from '../types.ts';

/**
 * Setting up two-factor sign-in: start (which makes a new secret), scan or type it, confirm with
 * a code, then keep the recovery codes. Used when the account must enrol before anything else,
 * and from account settings by anyone who chooses to.
 */
export function TwoFactorEnrol({ onDone }: { onDone?: () => void }) {
  const { session, applySession, endSession } = useSession();
  const required = session.stage === 'mfa-enrol';
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [enrolled, setEnrolled] = useState<MfaEnrolled | null>(null);

  // Started by a button, not on page load: each start makes a new secret on the server.
  const start = useMutation({ mutationFn: api.startMfaEnrolment });
  const confirm = useMutation({
    mutationFn: () => api.confirmMfaEnrolment(normaliseCode(code)),
    onSuccess: (result) => setEnrolled(result),
    onError: (error) => {
      setCode('');
      setProblems([
        {
          field: 'code',
          message: isApiError(error, 'auth.mfa-invalid') ? t('web.enrol.invalid') : errorText(error),
        },
      ]);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (normaliseCode(code) === '') {
      setProblems([{ field: 'code', message: t('web.mfa.codeMissing') }]);
      return;
    }
    setProblems([]);
    confirm.mutate();
  };

  const finish = () => {
    if (enrolled) applySession(enrolled.session);
    onDone?.();
  };

  if (enrolled) {
    return (
      <Page key="done" title={t('web.enrol.doneTitle')}>
        <p>{t('web.enrol.done')}</p>
        <RecoveryCodes codes={enrolled.recoveryCodes} onStored={finish} />
      </Page>
    );
  }

  return (
    <Page title={t('web.enrol.title')}>
      <p>{required ? t('web.enrol.requiredIntro') : t('web.enrol.intro')}</p>
      {start.data ? (
        <>
          <TotpSetup enrolment={start.data} />
          <ErrorSummary problems={problems} />
          <form onSubmit={submit} noValidate className="form">
            <CodeField
              value={code}
              onChange={setCode}
              error={problems.find((p) => p.field === 'code')?.message}
              allowRecovery={false}
            />
            <div className="actions">
              <button type="submit" disabled={confirm.isPending}>
                {confirm.isPending ? t('web.mfa.verifying') : t('web.enrol.confirm')}
              </button>
            </div>
          </form>
        </>
      ) : (
        <>
          {start.isError ? <ErrorMessage error={start.error} /> : null}
          <div className="actions">
            <button type="button" onClick={() => start.mutate()} disabled={start.isPending}>
              {start.isPending ? t('web.loading') : t('web.enrol.start')}
            </button>
            {required ? (
              <button
                type="button"
                className="button-secondary"
                onClick={() => void endSession({ kind: 'signed-out' })}
              >
                {t('web.action.signOut')}
              </button>
            ) : null}
          </div>
        </>
      )}
    </Page>
  );
}
