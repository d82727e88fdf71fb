import { Route, Routes } from 'react-router-dom';
import { AppLayout } from './components/AppLayout.tsx';
import { PublicLayout } from './components/PublicLayout.tsx';
import { RequireSchool } from './components/RequireSchool.tsx';
import { StageGate } from './components/StageGate.tsx';
import { Account } from './pages/Account.tsx';
import { AccountTwoFactor } from './pages/AccountTwoFactor.tsx';
import { Home } from './pages/Home.tsx';
import { Matrix } from './pages/Matrix.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { People } from './pages/People.tsx';
import { Policy } from './pages/Policy.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { TwoFactorChallenge } from './pages/TwoFactorChallenge.tsx';
import { TwoFactorEnrol } from './pages/TwoFactorEnrol.tsx';
import { paths } from './paths.ts';

/**
 * The routes. Each sign-in stage has its own page, and the gate sends the user to the page for
 * the stage their session is at; everything else needs a signed-in session.
 */
export function App() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route
          path={paths.signIn}
          element={
            <StageGate stage="anonymous">
              <SignIn />
            </StageGate>
          }
        />
        <Route
          path={paths.twoFactor}
          element={
            <StageGate stage="mfa-challenge">
              <TwoFactorChallenge />
            </StageGate>
          }
        />
        <Route
          path={paths.twoFactorSetup}
          element={
            <StageGate stage="mfa-enrol">
              <TwoFactorEnrol />
            </StageGate>
          }
        />
      </Route>
      <Route
        element={
          <StageGate stage="signed-in">
            <AppLayout />
          </StageGate>
        }
      >
        <Route path={paths.account} element={<Account />} />
        <Route path={paths.accountTwoFactor} element={<AccountTwoFactor />} />
        <Route element={<RequireSchool />}>
          <Route index element={<Home />} />
          <Route path={paths.policy} element={<Policy />} />
          <Route path={paths.matrixPattern} element={<Matrix />} />
          <Route path={paths.people} element={<People />} />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
