import { Outlet } from 'react-router-dom';
import { t } from '../i18n.ts';
import { useAccount } from '../session.tsx';
import { Notice } from './Notice.tsx';
import { Page } from './Page.tsx';

/** School pages need the account's school; an account without one is told so plainly. */
export function RequireSchool() {
  const account = useAccount();
  if (account.schoolId === null) {
    return (
      <Page title={t('web.noSchool.title')}>
        <Notice tone="info">
          <p>{t('web.noSchool.text')}</p>
        </Notice>
      </Page>
    );
  }
  return <Outlet />;
}

/** The signed-in account's school id; only inside <RequireSchool>. */
export function useSchoolId(): string {
  const { schoolId } = useAccount();
  if (schoolId === null) throw new Error('useSchoolId() outside <RequireSchool>');
  return schoolId;
}
