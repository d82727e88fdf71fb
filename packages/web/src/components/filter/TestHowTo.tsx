import { useQuery } from '@tanstack/react-query';
import { api, queryKeys } from '../../endpoints.ts';
import { t } from '../../i18n.ts';

/** How the test is run: on the gateway's machine, by the command line, which stores it here. */
export function TestHowTo({ schoolId }: { schoolId: string }) {
  const overview = useQuery({
    queryKey: queryKeys.overview(schoolId),
    queryFn: () => api.overview(schoolId),
  });
  // The school's slug, as the command takes it; until it is known, a placeholder rather than an id
  // nobody would type.
  const school = overview.data?.school.slug ?? '…';
  return (
    <div className="notice notice-info">
      <p className="notice-title">{t('web.filter.tests.howToTitle')}</p>
      <p>{t('web.filter.tests.howTo')}</p>
      <pre className="command">
        <code>haven filter test --school {school}</code>
      </pre>
      <p>{t('web.filter.tests.howToAfter')}</p>
    </div>
  );
}
