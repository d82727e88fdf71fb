import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useFilter } from '../../components/filter/FilterLayout.tsx';
import { TestHowTo } from '../../components/filter/TestHowTo.tsx';
import { TestRunsTable } from '../../components/filter/TestRunsTable.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { useTestRuns } from '../../filter/queries.ts';
import { t } from '../../i18n.ts';

/** The annual filter test's stored runs: when, by whom, how many rows agreed with the policy. */
export function FilterTests() {
  const schoolId = useSchoolId();
  const { timeZone } = useFilter();
  const runs = useTestRuns(schoolId);
  return (
    <Page title={t('web.filter.tests.title')}>
      <p>{t('web.filter.tests.intro')}</p>
      <TestHowTo schoolId={schoolId} />
      {runs.data ? (
        <TestRunsTable runs={runs.data.runs} timeZone={timeZone} />
      ) : runs.isError ? (
        <ErrorMessage error={runs.error} retry={() => void runs.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
