/**
 * The session: fetched once at start, kept in the query cache, replaced by every sign-in step.
 * Ending a session (sign out, idle, or a 401 from the server) clears every cached answer, so the
 * next person at a shared school computer sees nothing of the last one's data.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { onSessionProblem, setCsrfToken } from './api.ts';
import { ErrorMessage } from './components/ErrorMessage.tsx';
import { Loading } from './components/Loading.tsx';
import { api, queryKeys } from './endpoints.ts';
import type { Account, Session } from './types.ts';

/** Why the last session ended, shown on the sign-in page. */
export type SignOutNotice =
  | { kind: 'signed-out' }
  | { kind: 'expired' }
  /** Minutes of inactivity, where known. */
  | { kind: 'idle'; minutes: number | null };

interface SessionContextValue {
  session: Session;
  /** Take a session returned by a sign-in step as the current one. */
  applySession(session: Session): void;
  /** Sign out (telling the server unless it already ended the session) and show `notice`. */
  endSession(notice: SignOutNotice, tellServer?: boolean): Promise<void>;
  notice: SignOutNotice | null;
  clearNotice(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<SignOutNotice | null>(null);
  const query = useQuery({
    queryKey: queryKeys.session,
    queryFn: api.session,
    staleTime: 60_000,
    gcTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });

  const applySession = useCallback(
    (session: Session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(queryKeys.session, session);
    },
    [queryClient],
  );

  const endSession = useCallback(
    async (next: SignOutNotice, tellServer = true) => {
      if (tellServer) {
        try {
          await api.signOut();
        } catch {
          // Already ended on the server, or unreachable: the local sign-out below still happens.
        }
      }
      setNotice(next);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.session[0] });
      const previous = queryClient.getQueryData<Session>(queryKeys.session);
      queryClient.setQueryData<Session>(queryKeys.session, {
        stage: 'anonymous',
        csrfToken: '',
        idleTimeoutSeconds: previous?.idleTimeoutSeconds ?? 0,
      });
      // A fresh anonymous session brings the CSRF token the sign-in form needs.
      await queryClient.invalidateQueries({ queryKey: queryKeys.session });
    },
    [queryClient],
  );

  useEffect(() => {
    onSessionProblem((error) => {
      const current = queryClient.getQueryData<Session>(queryKeys.session);
      if (error.id === 'auth.mfa-required') {
        // Still at a two-factor stage on the server: fetch the session and let the gates route.
        void queryClient.invalidateQueries({ queryKey: queryKeys.session });
        return;
      }
      if (current?.stage === 'anonymous') return;
      const minutes = current?.idleTimeoutSeconds
        ? Math.max(1, Math.round(current.idleTimeoutSeconds / 60))
        : null;
      void endSession(error.id === 'auth.idle' ? { kind: 'idle', minutes } : { kind: 'expired' }, false);
    });
    return () => onSessionProblem(null);
  }, [endSession, queryClient]);

  const clearNotice = useCallback(() => setNotice(null), []);
  const session = query.data;
  const value = useMemo(
    () => (session ? { session, applySession, endSession, notice, clearNotice } : null),
    [session, applySession, endSession, notice, clearNotice],
  );

  if (!value) {
    if (query.isError) {
      return (
        <main id="main" className="page page-narrow">
          <ErrorMessage error={query.error} retry={() => void query.refetch()} />
        </main>
      );
    }
    return (
      <main id="main" className="page page-narrow">
        <Loading />
      </main>
    );
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside <SessionProvider>');
  return value;
}

/** The signed-in account; only for pages behind the signed-in gate. */
export function useAccount(): Account {
  const { session } = useSession();
  if (!session.account) throw new Error('useAccount() without a signed-in account');
  return session.account;
}
