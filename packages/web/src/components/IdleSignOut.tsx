import { useEffect, useRef } from 'react';
import { lastServerContact } from '../api.ts';
import { api } from '../endpoints.ts';
import { useIdleTimer } from '../hooks/useIdleTimer.ts';
import { t, tCount } from '../i18n.ts';
import { useSession } from '../session.tsx';

/**
 * Signs the user out after the session's idle timeout (seed 001: lock-out after 10 idle minutes),
 * warning first and offering to stay (WCAG 2.2.1). While the user is active it touches the
 * session now and then, so the server's own idle clock does not end it under them.
 */
export function IdleSignOut() {
  const { session, applySession, endSession } = useSession();
  const timeout = session.idleTimeoutSeconds;
  const warnSeconds = Math.min(60, Math.floor(timeout / 4));
  const touching = useRef(false);

  const { secondsLeft, stayActive } = useIdleTimer({
    timeoutSeconds: timeout,
    warnSeconds,
    onTimeout: () => void endSession({ kind: 'idle', minutes: Math.max(1, Math.round(timeout / 60)) }),
    onActive: (at) => {
      if (touching.current || at - lastServerContact() < (timeout * 1000) / 2) return;
      touching.current = true;
      api
        .session()
        .then((fresh) => {
          if (fresh.stage === 'signed-in') applySession(fresh);
          else void endSession({ kind: 'expired' }, false);
        })
        .catch(() => {
          // Unreachable for now: the next request will tell.
        })
        .finally(() => {
          touching.current = false;
        });
    },
  });

  const dialog = useRef<HTMLDialogElement>(null);
  const open = secondsLeft !== null;
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  // Escape closes the dialog: that is a choice to stay signed in.
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const onCancel = () => stayActive();
    d.addEventListener('cancel', onCancel);
    return () => d.removeEventListener('cancel', onCancel);
  }, [stayActive]);

  return (
    <dialog ref={dialog} className="idle-dialog" aria-labelledby="idle-title" aria-describedby="idle-text">
      <h2 id="idle-title">{t('web.idle.title')}</h2>
      <p id="idle-text">
        {secondsLeft === null ? null : tCount(secondsLeft, 'web.idle.textOne', 'web.idle.textOther')}
      </p>
      <div className="actions">
        <button type="button" onClick={stayActive}>
          {t('web.idle.stay')}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => void endSession({ kind: 'signed-out' })}
        >
          {t('web.action.signOut')}
        </button>
      </div>
    </dialog>
  );
}
