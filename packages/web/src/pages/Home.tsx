import { can } from '@haven/core/access';
import { useQuery } from '@tanstack/react-query';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { Notifications } from '../components/Notifications.tsx';
import { Page } from '../components/Page.tsx';
import { PolicySummary } from '../components/PolicySummary.tsx';
import { useSchoolId } from '../components/RequireSchool.tsx';
import { RolesList } from '../components/RolesList.tsx';
import { SchoolCounts } from '../components/SchoolCounts.tsx';
import { api, queryKeys } from '../endpoints.ts';
import { t } from '../i18n.ts';
import { useAccount } from '../session.tsx';

/** The school at a glance, from /overview: policy status and review, roles, numbers. */
export function Home() {
  const schoolId = useSchoolId();
  const { grants } = useAccount();
  const overview = useQuery({
    queryKey: queryKeys.overview(schoolId),
    queryFn: () => api.overview(schoolId),
  });

  if (!overview.data) {
    return (
      <Page title={t('web.home.title')}>
        {overview.isError ? (
          <ErrorMessage error={overview.error} retry={() => void overview.refetch()} />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }

  const { school, policy, roles, counts } = overview.data;
  return (
    <Page title={school.name}>
      {school.sites.length > 1 ? (
        <p>{t('web.home.sites', { sites: school.sites.map((s) => s.name).join(', ') })}</p>
      ) : null}

      <Notifications />

      <section aria-labelledby="policy-heading" className="panel">
        <h2 id="policy-heading">{t('web.home.policyHeading')}</h2>
        {policy ? (
          <PolicySummary policy={policy} showLink={can(grants, 'policy', 'read')} />
        ) : (
          <Notice tone="warning">
            <p>{t('web.home.noPolicy')}</p>
          </Notice>
        )}
      </section>

      <section aria-labelledby="roles-heading" className="panel">
        <h2 id="roles-heading">{t('web.home.rolesHeading')}</h2>
        <RolesList roles={roles} />
      </section>

      <section aria-labelledby="counts-heading" className="panel">
        <h2 id="counts-heading">{t('web.home.countsHeading')}</h2>
        <SchoolCounts counts={counts} />
      </section>
    </Page>
  );
}
