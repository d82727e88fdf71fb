import { ChangePasswordForm } from '../components/ChangePasswordForm.tsx';
import { Page } from '../components/Page.tsx';
import { TwoFactorStatus } from '../components/TwoFactorStatus.tsx';
import { t, tOr } from '../i18n.ts';
import { useAccount } from '../session.tsx';

/** Who you are signed in as, your password, and two-factor sign-in. */
export function Account() {
  const account = useAccount();
  return (
    <Page title={t('web.account.title')}>
      <section aria-labelledby="me-heading" className="panel">
        <h2 id="me-heading">{t('web.account.details')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('web.account.name')}</dt>
            <dd>{account.displayName}</dd>
          </div>
          <div>
            <dt>{t('web.account.email')}</dt>
            <dd className="break">{account.email}</dd>
          </div>
          <div>
            <dt>{t('web.account.access')}</dt>
            <dd>
              {account.grants.length > 0
                ? account.grants.map((g) => tOr(`web.grant.${g}`, g)).join(', ')
                : t('web.account.noAccess')}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="password-heading" className="panel">
        <h2 id="password-heading">{t('web.password.heading')}</h2>
        <ChangePasswordForm />
      </section>

      <section aria-labelledby="mfa-heading" className="panel">
        <h2 id="mfa-heading">{t('web.twoFactor.heading')}</h2>
        <TwoFactorStatus account={account} />
      </section>
    </Page>
  );
}
