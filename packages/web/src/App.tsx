import { can } from '@haven/core/access';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from './components/AppLayout.tsx';
import { FilterLayout } from './components/filter/FilterLayout.tsx';
import { RequireGrant } from './components/filter/RequireGrant.tsx';
import { PublicLayout } from './components/PublicLayout.tsx';
import { RequireSchool } from './components/RequireSchool.tsx';
import { StageGate } from './components/StageGate.tsx';
import { t } from './i18n.ts';
import { Account } from './pages/Account.tsx';
import { AccountTwoFactor } from './pages/AccountTwoFactor.tsx';
import { Agreements, SignAgreement } from './pages/Agreements.tsx';
import { Compliance } from './pages/Compliance.tsx';
import { Consents, MyChildrenConsents } from './pages/Consents.tsx';
import { DirectoryImport } from './pages/DirectoryImport.tsx';
import { FilterChangeLog } from './pages/filter/FilterChangeLog.tsx';
import { FilterCheck } from './pages/filter/FilterCheck.tsx';
import { FilterDecisions } from './pages/filter/FilterDecisions.tsx';
import { FilterExceptions } from './pages/filter/FilterExceptions.tsx';
import { FilterGroups } from './pages/filter/FilterGroups.tsx';
import { FilterIllegalHits } from './pages/filter/FilterIllegalHits.tsx';
import { FilterReviews } from './pages/filter/FilterReviews.tsx';
import { FilterTestRun } from './pages/filter/FilterTestRun.tsx';
import { FilterTests } from './pages/filter/FilterTests.tsx';
import { FilterTimetable } from './pages/filter/FilterTimetable.tsx';
import { Home } from './pages/Home.tsx';
import { BreachLog, ReportBreach } from './pages/incidents/Breaches.tsx';
import { IncidentCounts } from './pages/incidents/IncidentCounts.tsx';
import { IncidentInbox } from './pages/incidents/IncidentInbox.tsx';
import { IncidentPage } from './pages/incidents/IncidentPage.tsx';
import { MyReports } from './pages/incidents/MyReports.tsx';
import { ReportConcern } from './pages/incidents/ReportConcern.tsx';
import { Matrix } from './pages/Matrix.tsx';
import { MonitorAlerts } from './pages/MonitorAlerts.tsx';
import { MonitorReports } from './pages/MonitorReports.tsx';
import { MonitorSettings } from './pages/MonitorSettings.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { People } from './pages/People.tsx';
import { Policy } from './pages/Policy.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { SsoSettings } from './pages/SsoSettings.tsx';
import { TwoFactorChallenge } from './pages/TwoFactorChallenge.tsx';
import { TwoFactorEnrol } from './pages/TwoFactorEnrol.tsx';
import { MyTraining } from './pages/training/MyTraining.tsx';
import { NeedsAudit } from './pages/training/NeedsAudit.tsx';
import { TrainingCounts } from './pages/training/TrainingCounts.tsx';
import { NeedsAuditsSummary, TrainingOverview } from './pages/training/TrainingOverview.tsx';
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
          <Route path={paths.directoryImport} element={<DirectoryImport />} />
          <Route path={paths.report} element={<ReportConcern />} />
          <Route path={paths.myReports} element={<MyReports />} />
          <Route path={paths.incidents} element={<IncidentInbox />} />
          <Route path={paths.incidentPattern} element={<IncidentPage />} />
          <Route path={paths.incidentCounts} element={<IncidentCounts />} />
          <Route path={paths.monitorAlerts} element={<MonitorAlerts />} />
          <Route
            path={paths.monitorReports}
            element={
              <RequireGrant
                check={(g) => can(g, 'monitorReports', 'read')}
                title={t('web.monitorReport.title')}
              >
                <MonitorReports />
              </RequireGrant>
            }
          />
          <Route path={paths.monitorSettings} element={<MonitorSettings />} />
          <Route path={paths.ssoSettings} element={<SsoSettings />} />
          <Route path={paths.breaches} element={<BreachLog />} />
          <Route path={paths.agreements} element={<Agreements />} />
          <Route path={paths.signAgreementPattern} element={<SignAgreement />} />
          <Route path={paths.consents} element={<Consents />} />
          <Route path={paths.compliance} element={<Compliance />} />
          <Route path={paths.myConsents} element={<MyChildrenConsents />} />
          <Route path={paths.myTraining} element={<MyTraining />} />
          <Route path={paths.trainingAudit} element={<NeedsAudit />} />
          <Route path={paths.training} element={<TrainingOverview />} />
          <Route path={paths.trainingAudits} element={<NeedsAuditsSummary />} />
          <Route path={paths.trainingCounts} element={<TrainingCounts />} />
          <Route path={paths.reportBreach} element={<ReportBreach />} />
          <Route path={`${paths.breaches}/:breachId`} element={<BreachLog />} />
          <Route path={paths.filter} element={<FilterLayout />}>
            <Route index element={<Navigate to={paths.filterGroups} replace />} />
            <Route path={paths.filterGroups} element={<FilterGroups />} />
            <Route path={paths.filterCheck} element={<FilterCheck />} />
            <Route path={paths.filterTimetable} element={<FilterTimetable />} />
            <Route
              path={paths.filterExceptions}
              element={
                <RequireGrant
                  check={(g) => can(g, 'filterExceptions', 'read')}
                  title={t('web.filter.exceptions.title')}
                >
                  <FilterExceptions />
                </RequireGrant>
              }
            />
            <Route
              path={paths.filterChangeLog}
              element={
                <RequireGrant
                  check={(g) => can(g, 'filterChangeLog', 'read')}
                  title={t('web.filter.changeLog.title')}
                >
                  <FilterChangeLog />
                </RequireGrant>
              }
            />
            <Route
              path={paths.filterDecisions}
              element={
                <RequireGrant
                  check={(g) => can(g, 'filterDecisions', 'read')}
                  title={t('web.filter.decisions.title')}
                >
                  <FilterDecisions />
                </RequireGrant>
              }
            />
            <Route
              path={paths.filterReviews}
              element={
                <RequireGrant
                  check={(g) => can(g, 'filterReviews', 'read')}
                  title={t('web.filter.reviews.title')}
                >
                  <FilterReviews />
                </RequireGrant>
              }
            />
            <Route
              path={paths.filterIllegalHits}
              element={
                <RequireGrant
                  check={(g) => can(g, 'filterIllegalHits', 'read')}
                  title={t('web.filter.illegalHits.title')}
                >
                  <FilterIllegalHits />
                </RequireGrant>
              }
            />
            <Route
              path={paths.filterTests}
              element={
                <RequireGrant
                  check={(g) => can(g, 'filterTests', 'read')}
                  title={t('web.filter.tests.title')}
                >
                  <FilterTests />
                </RequireGrant>
              }
            />
            <Route
              path={paths.filterTestRunPattern}
              element={
                <RequireGrant
                  check={(g) => can(g, 'filterTests', 'read')}
                  title={t('web.filter.tests.title')}
                >
                  <FilterTestRun />
                </RequireGrant>
              }
            />
          </Route>
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
