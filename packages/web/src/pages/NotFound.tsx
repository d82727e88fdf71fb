import { Link } from 'react-router-dom';
import { Page } from '../components/Page.tsx';
import { t } from '../i18n.ts';
import { paths } from '../paths.ts';

export function NotFound() {
  return (
    <Page title={t('web.notFound.title')}>
      <p>{t('web.notFound.text')}</p>
      <p>
        <Link to={paths.home}>{t('web.notFound.home')}</Link>
      </p>
    </Page>
  );
}
