import { Link, useParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useFilter } from '../../components/filter/FilterLayout.tsx';
import { TestRowsTable } from '../../components/filter/TestRowsTable.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { useFilterGroups, useTestRuns } from '../../filter/queries.ts';
import { notTested, testRows } from '../../filter/test-runs.ts';
import { formatSchoolTime } from '../../filter/time.ts';
import { t } from '../../i18n.ts';
import { paths } from '../../paths.ts';

/** One stored run of the filter test, row by row. */
export function FilterTestRun() {
  const { runId = '' } = useParams();
  const schoolId = useSchoolId();
  const { timeZone, groupName } = useFilter();
  const runs = useTestRuns(schoolId);
  const groups = useFilterGroups(schoolId);
  const back = (
    <p>
      <Link to={paths.filterTests}>{t('web.filter.tests.back')}</Link>
    </p>
  );

  if (!runs.data) {
    return (
      <Page title={t('web.filter.tests.title')}>
        {back}
        {runs.isError ? <ErrorMessage error={runs.error} retry={() => void runs.refetch()} /> : <Loading />}
      </Page>
    );
  }
  const run = runs.data.runs.find((r) => r.id === runId);
  if (!run) {
    return (
      <Page title={t('web.filter.tests.title')}>
        {back}
        <Notice tone="info">
          <p>{t('web.filter.tests.runNotFound')}</p>
        </Notice>
      </Page>
    );
  }
  const when = formatSchoolTime(run.at, timeZone);
  return (
    <Page title={t('web.filter.tests.runTitle', { when })}>
      {back}
      <dl className="facts">
        <div>
          <dt>{t('web.filter.tests.who')}</dt>
          <dd>{run.runBy}</dd>
        </div>
        <div>
          <dt>{t('web.filter.tests.passed')}</dt>
          <dd>{run.passed}</dd>
        </div>
        <div>
          <dt>{t('web.filter.tests.failed')}</dt>
          <dd>{run.failed}</dd>
        </div>
        <div>
          <dt>{t('web.filter.tests.notTested')}</dt>
          <dd>{notTested(run)}</dd>
        </div>
      </dl>
      {run.failed > 0 ? (
        <Notice tone="warning">
          <p>{t('web.filter.tests.failedNote')}</p>
        </Notice>
      ) : null}
      <TestRowsTable rows={testRows(run.result)} categories={groups.data?.categories} groupName={groupName} />
    </Page>
  );
}
