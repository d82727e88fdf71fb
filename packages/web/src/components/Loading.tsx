import { t } from '../i18n.ts';

export function Loading({ label }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label ?? t('web.loading')}
    </p>
  );
}
