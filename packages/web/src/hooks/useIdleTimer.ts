import { useCallback, useEffect, useRef, useState } from 'react';

/** Events that show someone is using the app (pointer movement alone does not count). */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
/** Activity in another tab of the app counts too. */
const STORAGE_KEY = 'haven.lastActivity';

export interface IdleTimerOptions {
  timeoutSeconds: number;
  /** How long before the end to warn, in seconds. */
  warnSeconds: number;
  onTimeout: () => void;
  /** Called (at most every few seconds) while the user is active, to keep the server session alive. */
  onActive?: (lastActivity: number) => void;
}

/**
 * Watches for activity and calls `onTimeout` after `timeoutSeconds` without any. Returns the
 * seconds left once inside the warning window (null before it), and `stayActive` to reset.
 */
export function useIdleTimer({ timeoutSeconds, warnSeconds, onTimeout, onActive }: IdleTimerOptions) {
  const lastActivity = useRef(Date.now());
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const timedOut = useRef(false);
  const callbacks = useRef({ onTimeout, onActive });
  callbacks.current = { onTimeout, onActive };

  const stayActive = useCallback(() => {
    const now = Date.now();
    lastActivity.current = now;
    try {
      localStorage.setItem(STORAGE_KEY, String(now));
    } catch {
      // Storage may be unavailable (private browsing); this tab's own timer still works.
    }
    callbacks.current.onActive?.(now);
  }, []);

  useEffect(() => {
    if (timeoutSeconds <= 0) return;
    let lastNoted = 0;
    const noteActivity = () => {
      const now = Date.now();
      if (now - lastNoted < 1000) return;
      lastNoted = now;
      stayActive();
    };
    const fromOtherTab = (event: StorageEvent) => {
      if (event.key !== STORAGE_KEY || event.newValue === null) return;
      const at = Number(event.newValue);
      if (Number.isFinite(at) && at > lastActivity.current) lastActivity.current = at;
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, noteActivity, { passive: true, capture: true });
    window.addEventListener('storage', fromOtherTab);

    const tick = window.setInterval(() => {
      const left = timeoutSeconds - (Date.now() - lastActivity.current) / 1000;
      if (left <= 0) {
        if (!timedOut.current) {
          timedOut.current = true;
          callbacks.current.onTimeout();
        }
        return;
      }
      setSecondsLeft(left <= warnSeconds ? Math.ceil(left) : null);
    }, 1000);

    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, noteActivity, { capture: true });
      window.removeEventListener('storage', fromOtherTab);
      window.clearInterval(tick);
    };
  }, [timeoutSeconds, warnSeconds, stayActive]);

  return { secondsLeft, stayActive };
}
