import { INCIDENT_TYPES, optionLabel } from '@haven/core/incidents/options';
import { useQuery } from '@tanstack/react-query';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { t, tOr } from '../../i18n.ts';
import { incidentApi, incidentKeys } from '../../incidents/endpoints.ts';

type Row = { key: string; label: string; count: number };

/** Incident counts for governors: by month, type, path and status. No names, no narrative. */
export function IncidentCounts() {
  const schoolId = useSchoolId();
  const summary = useQuery({
    queryKey: incidentKeys.summary(schoolId),
    queryFn: () => incidentApi.summary(schoolId),
  });
  const columns = (header: string): Column<Row>[] => [
    { key: 'label', header, cell: (r) => r.label, rowHeader: true },
    { key: 'count', header: t('web.counts.count'), cell: (r) => String(r.count) },
  ];
  const rows = (o: Record<string, number>, label: (k: string) => string): Row[] =>
    Object.entries(o)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => ({ key, label: label(key), count }));
  return (
    <Page title={t('web.counts.title')}>
      <p>{t('web.counts.intro')}</p>
      {summary.data ? (
        <>
          <p>{t('web.counts.total', { total: summary.data.total, restricted: summary.data.restricted })}</p>
          <DataTable
            caption={t('web.counts.byMonth')}
            columns={columns(t('web.counts.month'))}
            rows={rows(summary.data.byMonth, (k) => k)}
            rowKey={(r) => r.key}
            empty={<p>—</p>}
          />
          <DataTable
            caption={t('web.counts.byType')}
            columns={columns(t('web.counts.type'))}
            rows={rows(summary.data.byType, (k) =>
              tOr(`web.counts.type.${k}`, optionLabel(INCIDENT_TYPES, k)),
            )}
            rowKey={(r) => r.key}
            empty={<p>—</p>}
          />
          <DataTable
            caption={t('web.counts.byPath')}
            columns={columns(t('web.counts.path'))}
            rows={rows(summary.data.byPath, (k) => tOr(`web.incident.path.${k}`, k))}
            rowKey={(r) => r.key}
            empty={<p>—</p>}
          />
          <DataTable
            caption={t('web.counts.byStatus')}
            columns={columns(t('web.counts.status'))}
            rows={rows(summary.data.byStatus, (k) => tOr(`web.incident.status.${k}`, k))}
            rowKey={(r) => r.key}
            empty={<p>—</p>}
          />
        </>
      ) : summary.isError ? (
        <ErrorMessage error={summary.error} retry={() => void summary.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
