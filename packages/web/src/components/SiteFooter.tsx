import { useQuery } from '@tanstack/react-query';
import { api, queryKeys } from '../endpoints.ts';
import { t } from '../i18n.ts';

export function SiteFooter() {
  const health = useQuery({
    queryKey: queryKeys.health,
    queryFn: api.health,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <footer className="site-footer">
      <p>
        {health.data ? t('web.footer.version', { version: health.data.version }) : t('app.name')}
        {' · '}
        {t('web.footer.licence')}
      </p>
    </footer>
  );
}
