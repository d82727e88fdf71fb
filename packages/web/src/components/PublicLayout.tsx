import { Outlet } from 'react-router-dom';
import { t } from '../i18n.ts';
import { SiteFooter } from './SiteFooter.tsx';
import { SkipLink } from './SkipLink.tsx';

/** The frame for signing in: the name of the app and a narrow column. */
export function PublicLayout() {
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header-inner">
          <p className="brand">{t('app.name')}</p>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page page-narrow">
        <Outlet />
      </main>
      <SiteFooter />
    </>
  );
}
