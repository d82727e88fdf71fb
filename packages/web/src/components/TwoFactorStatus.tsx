import { Link } from 'react-router-dom';
import { t } from '../i18n.ts';
import { paths } from '../paths.ts';
import type { Account } from '../types.ts';
import { Notice } from './Notice.tsx';

/** Whether two-factor sign-in is on, whether the account's access requires it, and how to set it up. */
export function TwoFactorStatus({ account }: { account: Account }) {
  if (account.mfaEnabled) {
    return (
      <Notice tone="success" title={t('web.twoFactor.on')}>
        <p>{account.mfaRequired ? t('web.twoFactor.onRequired') : t('web.twoFactor.onOptional')}</p>
      </Notice>
    );
  }
  return (
    <>
      <Notice tone={account.mfaRequired ? 'warning' : 'info'} title={t('web.twoFactor.off')}>
        <p>{account.mfaRequired ? t('web.twoFactor.offRequired') : t('web.twoFactor.offOptional')}</p>
      </Notice>
      <p>
        <Link to={paths.accountTwoFactor}>{t('web.twoFactor.setUp')}</Link>
      </p>
    </>
  );
}
