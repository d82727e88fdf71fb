import { t } from '../../i18n.ts';
import { Notice } from '../Notice.tsx';
import { Page } from '../Page.tsx';

/** A page the account may not use: said plainly, with nothing of the page behind it. */
export function NoAccess({ title }: { title: string }) {
  return (
    <Page title={title}>
      <Notice tone="error" title={t('web.error.forbiddenTitle')}>
        <p>{t('web.error.forbidden')}</p>
      </Notice>
    </Page>
  );
}
