import { Navigate, useNavigate } from 'react-router-dom';
import { paths } from '../paths.ts';
import { useAccount } from '../session.tsx';
import { TwoFactorEnrol } from './TwoFactorEnrol.tsx';

/** Setting up two-factor sign-in by choice, from account settings. */
export function AccountTwoFactor() {
  const account = useAccount();
  const navigate = useNavigate();
  if (account.mfaEnabled) return <Navigate to={paths.account} replace />;
  return <TwoFactorEnrol onDone={() => navigate(paths.account)} />;
}
