import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { PolicyDocumentFrame } from '../components/PolicyDocumentFrame.tsx';
import { PolicySummary } from '../components/PolicySummary.tsx';
import { PolicyVersionsTable } from '../components/PolicyVersionsTable.tsx';
import { useSchoolId } from '../components/RequireSchool.tsx';
import { api, queryKeys } from '../endpoints.ts';
import { t } from '../i18n.ts';
import { matrixTitle } from '../matrices.ts';
import { paths } from '../paths.ts';
import { MATRIX_NAMES } from '../types.ts';

/** The current policy: its status, its matrices, its versions, and the document to read. */
export function Policy() {
  const schoolId = useSchoolId();
  const policy = useQuery({ queryKey: queryKeys.policy(schoolId), queryFn: () => api.policy(schoolId) });
  const versions = useQuery({
    queryKey: queryKeys.policyVersions(schoolId),
    queryFn: () => api.policyVersions(schoolId),
    enabled: policy.isSuccess,
  });

  if (!policy.data) {
    return (
      <Page title={t('web.policy.title')}>
        {policy.isError ? (
          <ErrorMessage error={policy.error} retry={() => void policy.refetch()} />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }

  const { version, document, matrices } = policy.data;
  const present = MATRIX_NAMES.filter((m) => matrices.includes(m));
  return (
    <Page title={version.title}>
      <section aria-labelledby="summary-heading" className="panel">
        <h2 id="summary-heading">{t('web.policy.summaryHeading')}</h2>
        <PolicySummary policy={version} showLink={false} />
      </section>

      <section aria-labelledby="matrices-heading" className="panel">
        <h2 id="matrices-heading">{t('web.policy.matricesHeading')}</h2>
        {present.length > 0 ? (
          <ul className="link-list">
            {present.map((m) => (
              <li key={m}>
                <Link to={paths.matrix(m)}>{matrixTitle(document, m)}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('web.policy.noMatrices')}</p>
        )}
      </section>

      <section aria-labelledby="versions-heading" className="panel">
        <h2 id="versions-heading">{t('web.versions.heading')}</h2>
        {versions.data ? (
          <PolicyVersionsTable versions={versions.data.versions} />
        ) : versions.isError ? (
          <ErrorMessage error={versions.error} retry={() => void versions.refetch()} />
        ) : (
          <Loading />
        )}
      </section>

      <section aria-labelledby="document-heading" className="panel">
        <h2 id="document-heading">{t('web.policy.documentHeading')}</h2>
        <PolicyDocumentFrame schoolId={schoolId} title={version.title} />
      </section>
    </Page>
  );
}
