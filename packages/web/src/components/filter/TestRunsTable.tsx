import { Link } from 'react-router-dom';
import { notTested } from '../../filter/test-runs.ts';
import { formatSchoolTime } from '../../filter/time.ts';
import type { FilterTestRun } from '../../filter/types.ts';
import { t } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { type Column, DataTable } from '../DataTable.tsx';

/** The stored runs of the annual filter test, newest first, each opening to its rows. */
export function TestRunsTable({ runs, timeZone }: { runs: FilterTestRun[]; timeZone: string }) {
  const columns: Column<FilterTestRun>[] = [
    {
      key: 'at',
      header: t('web.filter.tests.when'),
      cell: (r) => (
        <Link to={paths.filterTestRun(r.id)}>
          <time dateTime={r.at}>{formatSchoolTime(r.at, timeZone)}</time>
        </Link>
      ),
      rowHeader: true,
      className: 'nowrap',
    },
    { key: 'by', header: t('web.filter.tests.who'), cell: (r) => r.runBy },
    { key: 'passed', header: t('web.filter.tests.passed'), cell: (r) => r.passed, className: 'number' },
    {
      key: 'failed',
      header: t('web.filter.tests.failed'),
      cell: (r) => (r.failed > 0 ? <strong className="fails">{r.failed}</strong> : r.failed),
      className: 'number',
    },
    {
      key: 'notTested',
      header: t('web.filter.tests.notTested'),
      cell: (r) => notTested(r),
      className: 'number',
    },
    { key: 'total', header: t('web.filter.tests.total'), cell: (r) => r.total, className: 'number' },
  ];
  return (
    <DataTable
      caption={t('web.filter.tests.caption')}
      columns={columns}
      rows={runs}
      rowKey={(r) => r.id}
      empty={<p>{t('web.filter.tests.none')}</p>}
    />
  );
}
