import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { paths } from '../paths.ts';
import { useSession } from '../session.tsx';
import type { SessionStage } from '../types.ts';

/** Where each stage of signing in belongs. */
const HOME_OF: Record<Exclude<SessionStage, 'signed-in'>, string> = {
  anonymous: paths.signIn,
  'mfa-challenge': paths.twoFactor,
  'mfa-enrol': paths.twoFactorSetup,
};

interface ReturnState {
  from?: string;
}

/**
 * Shows its children only at the given sign-in stage; otherwise sends the user where their stage
 * belongs, remembering the page they asked for so that signing in brings them back to it.
 */
export function StageGate({ stage, children }: { stage: SessionStage; children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (session.stage === stage) return children;

  const state = (location.state ?? {}) as ReturnState;
  if (session.stage === 'signed-in') {
    return <Navigate to={state.from ?? paths.home} replace />;
  }
  const from = state.from ?? (stage === 'signed-in' ? location.pathname + location.search : undefined);
  return <Navigate to={HOME_OF[session.stage]} replace state={from ? { from } : undefined} />;
}
