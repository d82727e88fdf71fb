import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../api.ts';
import { errorText } from '../components/ErrorMessage.tsx';
import { ErrorSummary, type FormProblem } from '../components/ErrorSummary.tsx';
import { Notice } from '../components/Notice.tsx';
import { Page } from '../components/Page.tsx';
import { TextField } from '../components/TextField.tsx';
import { formatDateTime } from '../dates.ts';
import { api } from '../endpoints.ts';
import { useCountdown } from '../hooks/useCountdown.ts';
import { t, tCount, tOr } from '../i18n.ts';
import { type SignOutNotice, useSession } from '../session.tsx';
import { ssoApi, ssoKeys } from '../sso/endpoints.ts';

/** Why a sign-in through the school's provider was refused: Haven sends the browser back with `?sso=`. */
function ssoRefusal(): string | null {
  const reason = new URLSearchParams(window.location.search).get('sso');
  if (!reason || !/^[a-z-]{1,40}$/.test(reason)) return null;
  return tOr(`web.signIn.sso.${reason}`, t('web.signIn.sso.failed'));
}

/** "Sign in with <label>" for each school's identity provider: plain links, so they work without script too. */
function ProviderButtons() {
  const providers = useQuery({ queryKey: ssoKeys.providers, queryFn: ssoApi.providers, retry: false });
  const list = providers.data?.providers ?? [];
  if (list.length === 0) return null;
  const manySchools = new Set(list.map((p) => p.school)).size > 1;
  return (
    <>
      <ul className="sso-providers">
        {list.map((p) => (
          <li key={p.school}>
            <a className="button" href={p.startUrl}>
              {manySchools
                ? t('web.signIn.withProviderFor', { label: p.label, school: p.schoolName })
                : t('web.signIn.withProvider', { label: p.label })}
            </a>
          </li>
        ))}
      </ul>
      <p>{t('web.signIn.or')}</p>
    </>
  );
}

function noticeText(notice: SignOutNotice): string {
  switch (notice.kind) {
    case 'idle':
      return notice.minutes === null
        ? t('web.signIn.idle')
        : tCount(notice.minutes, 'web.signIn.idleOne', 'web.signIn.idleOther');
    case 'expired':
      return t('web.signIn.expired');
    case 'signed-out':
      return t('web.signIn.signedOut');
  }
}

export function SignIn() {
  const { applySession, notice, clearNotice } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>(() => {
    const refused = ssoRefusal();
    return refused ? [{ message: refused }] : [];
  });
  const wait = useCountdown();

  const signIn = useMutation({
    mutationFn: () => api.signIn(email.trim(), password),
    onSuccess: (session) => {
      clearNotice();
      applySession(session);
    },
    onError: (error) => {
      setPassword('');
      if (isApiError(error, 'auth.throttled')) wait.start(error.retryAfterSeconds ?? 30);
      setProblems([{ message: signInError(error) }]);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormProblem[] = [];
    if (email.trim() === '') found.push({ field: 'email', message: t('web.signIn.emailMissing') });
    if (password === '') found.push({ field: 'password', message: t('web.signIn.passwordMissing') });
    setProblems(found);
    if (found.length === 0) signIn.mutate();
  };

  const throttled = wait.secondsLeft > 0;
  return (
    <Page title={t('web.signIn.title')}>
      {notice && problems.length === 0 ? (
        <Notice tone="info" live="polite">
          <p>{noticeText(notice)}</p>
        </Notice>
      ) : null}
      <ErrorSummary problems={problems} />
      <ProviderButtons />
      <form onSubmit={submit} noValidate className="form">
        <TextField
          id="email"
          label={t('web.signIn.email')}
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={problems.find((p) => p.field === 'email')?.message}
        />
        <TextField
          id="password"
          label={t('web.signIn.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={problems.find((p) => p.field === 'password')?.message}
        />
        {throttled ? (
          <p className="field-hint">
            {tCount(wait.secondsLeft, 'web.signIn.waitOne', 'web.signIn.waitOther')}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={signIn.isPending || throttled}>
            {signIn.isPending ? t('web.signIn.submitting') : t('web.signIn.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}

function signInError(error: unknown): string {
  if (!isApiError(error)) return errorText(error);
  switch (error.id) {
    case 'auth.invalid':
      return t('web.signIn.invalid');
    case 'auth.locked': {
      const until = error.details.find((d) => d.path === 'lockedUntil')?.reason;
      return until ? t('web.signIn.lockedUntil', { time: formatDateTime(until) }) : t('web.signIn.locked');
    }
    case 'auth.throttled':
      return error.retryAfterSeconds === null
        ? t('web.signIn.throttled')
        : tCount(error.retryAfterSeconds, 'web.signIn.throttledOne', 'web.signIn.throttledOther');
    default:
      return errorText(error);
  }
}
