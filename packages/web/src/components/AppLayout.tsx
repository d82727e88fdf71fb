import { can } from '@haven/core/access';
import { NavLink, Outlet } from 'react-router-dom';
import { t } from '../i18n.ts';
import { paths } from '../paths.ts';
import { useAccount, useSession } from '../session.tsx';
import { IdleSignOut } from './IdleSignOut.tsx';
import { SiteFooter } from './SiteFooter.tsx';
import { SkipLink } from './SkipLink.tsx';

/** The frame for a signed-in user: skip link, header with navigation, main, footer. */
export function AppLayout() {
  const account = useAccount();
  const { endSession } = useSession();
  const hasSchool = account.schoolId !== null;
  const links = [
    { to: paths.home, label: t('web.nav.home'), show: hasSchool && can(account.grants, 'school', 'read') },
    {
      to: paths.policy,
      label: t('web.nav.policy'),
      show: hasSchool && can(account.grants, 'policy', 'read'),
    },
    {
      to: paths.filter,
      label: t('web.filter.nav.link'),
      show: hasSchool && can(account.grants, 'filter', 'read'),
    },
    {
      to: paths.report,
      label: t('web.nav.report'),
      show: hasSchool && can(account.grants, 'incidents', 'report'),
    },
    {
      to: paths.incidents,
      label: t('web.nav.incidents'),
      show: hasSchool && can(account.grants, 'incidents', 'triage'),
    },
    {
      to: paths.monitorAlerts,
      label: t('web.nav.alerts'),
      show: hasSchool && can(account.grants, 'monitorAlerts', 'read'),
    },
    {
      to: paths.monitorReports,
      label: t('web.nav.monitorReports'),
      show: hasSchool && can(account.grants, 'monitorReports', 'read'),
    },
    {
      to: paths.monitorSettings,
      label: t('web.nav.monitorSettings'),
      show: hasSchool && can(account.grants, 'monitorSettings', 'read'),
    },
    {
      to: paths.ssoSettings,
      label: t('web.nav.ssoSettings'),
      show: hasSchool && can(account.grants, 'sso', 'read'),
    },
    {
      to: paths.incidentCounts,
      label: t('web.nav.incidentCounts'),
      show:
        hasSchool &&
        can(account.grants, 'incidents', 'summary') &&
        !can(account.grants, 'incidents', 'triage'),
    },
    {
      to: paths.breaches,
      label: t('web.nav.breaches'),
      show: hasSchool && can(account.grants, 'breaches', 'manage'),
    },
    {
      to: paths.myTraining,
      label: t('web.nav.myTraining'),
      show: hasSchool && can(account.grants, 'training', 'own'),
    },
    {
      to: paths.training,
      label: t('web.nav.training'),
      show: hasSchool && can(account.grants, 'training', 'manage'),
    },
    {
      to: paths.trainingCounts,
      label: t('web.nav.trainingCounts'),
      show:
        hasSchool && can(account.grants, 'training', 'summary') && !can(account.grants, 'training', 'manage'),
    },
    {
      to: paths.agreements,
      label: t('web.nav.agreements'),
      show: hasSchool && can(account.grants, 'agreements', 'read'),
    },
    {
      to: paths.consents,
      label: t('web.nav.consents'),
      show: hasSchool && can(account.grants, 'consents', 'list'),
    },
    {
      to: paths.myConsents,
      label: t('web.nav.myConsents'),
      show: hasSchool && can(account.grants, 'consents', 'own'),
    },
    {
      to: paths.compliance,
      label: t('web.nav.compliance'),
      show: hasSchool && can(account.grants, 'compliance', 'summary'),
    },
    {
      to: paths.people,
      label: t('web.nav.people'),
      show: hasSchool && can(account.grants, 'people', 'read'),
    },
    {
      to: paths.directoryImport,
      label: t('web.nav.directoryImport'),
      show: hasSchool && can(account.grants, 'people', 'import'),
    },
    { to: paths.account, label: t('web.nav.account'), show: true },
  ];

  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header-inner">
          <p className="brand">{t('app.name')}</p>
          <nav aria-label={t('web.nav.label')}>
            <ul className="nav-list">
              {links
                .filter((l) => l.show)
                .map((l) => (
                  <li key={l.to}>
                    <NavLink to={l.to} end={l.to === paths.home}>
                      {l.label}
                    </NavLink>
                  </li>
                ))}
            </ul>
          </nav>
          <div className="account-bar">
            <span className="account-name">{t('web.nav.signedInAs', { name: account.displayName })}</span>
            <button
              type="button"
              className="button-link"
              onClick={() => void endSession({ kind: 'signed-out' })}
            >
              {t('web.action.signOut')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page">
        <Outlet />
      </main>
      <SiteFooter />
      <IdleSignOut />
    </>
  );
}
