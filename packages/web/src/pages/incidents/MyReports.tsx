import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { t } from '../../i18n.ts';
import { incidentApi, incidentKeys, type MyReport } from '../../incidents/endpoints.ts';
import { paths } from '../../paths.ts';

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '—';

/** The reports this person made: drafts to finish, and where each sent one is. Not what others recorded. */
export function MyReports() {
  const schoolId = useSchoolId();
  const list = useQuery({ queryKey: incidentKeys.mine(schoolId), queryFn: () => incidentApi.mine(schoolId) });
  const columns: Column<MyReport>[] = [
    {
      key: 'number',
      header: t('web.mine.number'),
      cell: (r) => (r.number ? String(r.number) : t('web.mine.draft')),
      rowHeader: true,
    },
    { key: 'summary', header: t('web.mine.summary'), cell: (r) => r.summary || '—', className: 'wide' },
    {
      key: 'when',
      header: t('web.mine.when'),
      cell: (r) => when(r.submittedAt ?? r.updatedAt),
      className: 'nowrap',
    },
    {
      key: 'status',
      header: t('web.mine.status'),
      cell: (r) =>
        r.status === 'draft' ? (
          <Link to={`${paths.report}?draft=${encodeURIComponent(r.id)}`}>{t('web.mine.continue')}</Link>
        ) : (
          <span className={`badge status-${r.status}`}>{t(`web.incident.status.${r.status}`)}</span>
        ),
    },
  ];
  return (
    <Page title={t('web.mine.title')}>
      <p>{t('web.mine.intro')}</p>
      <p>
        <Link to={paths.report}>{t('web.nav.report')}</Link>
      </p>
      {list.data ? (
        <DataTable
          caption={t('web.mine.caption')}
          columns={columns}
          rows={list.data.reports}
          rowKey={(r) => r.id}
          empty={<p>{t('web.mine.none')}</p>}
        />
      ) : list.isError ? (
        <ErrorMessage error={list.error} retry={() => void list.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
