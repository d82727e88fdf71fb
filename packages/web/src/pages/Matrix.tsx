import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { MatrixTable } from '../components/MatrixTable.tsx';
import { Notice } from '../components/Notice.tsx';
import { Page } from '../components/Page.tsx';
import { useSchoolId } from '../components/RequireSchool.tsx';
import { api, queryKeys } from '../endpoints.ts';
import { t } from '../i18n.ts';
import { matrixName, matrixRowHeader } from '../matrices.ts';
import { paths } from '../paths.ts';
import { isMatrixName, type MatrixName } from '../types.ts';
import { NotFound } from './NotFound.tsx';

/** One of the policy's matrices, by its API name in the address. */
export function Matrix() {
  const { matrix = '' } = useParams();
  if (!isMatrixName(matrix)) return <NotFound />;
  return <MatrixPage name={matrix} />;
}

function MatrixPage({ name }: { name: MatrixName }) {
  const schoolId = useSchoolId();
  const view = useQuery({
    queryKey: queryKeys.matrix(schoolId, name),
    queryFn: () => api.matrix(schoolId, name),
  });

  const back = (
    <p>
      <Link to={paths.policy}>{t('web.matrix.back')}</Link>
    </p>
  );

  if (!view.data) {
    return (
      <Page title={matrixName(name)}>
        {back}
        {isApiError(view.error, 'policy.no-matrix') ? (
          <Notice tone="info">
            <p>{t('web.matrix.none', { matrix: matrixName(name) })}</p>
          </Notice>
        ) : view.isError ? (
          <ErrorMessage error={view.error} retry={() => void view.refetch()} />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }

  return (
    <Page title={view.data.title}>
      {back}
      <MatrixTable view={view.data} rowHeader={matrixRowHeader(name)} />
    </Page>
  );
}
