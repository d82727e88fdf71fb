import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { t } from '../../i18n.ts';
import { type InboxItem, incidentApi, incidentFiles, incidentKeys } from '../../incidents/endpoints.ts';
import { paths } from '../../paths.ts';

/** Asked for again while open: a new urgent report should not wait for a reload. */
const REFRESH_MS = 30_000;

/** The DSL's inbox: the incidents this person may see, urgent first, then the longest waiting. */
export function IncidentInbox() {
  const schoolId = useSchoolId();
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const list = useQuery({
    queryKey: incidentKeys.inbox(schoolId, status),
    queryFn: () => incidentApi.inbox(schoolId, status),
    refetchInterval: REFRESH_MS,
  });
  const columns: Column<InboxItem>[] = [
    {
      key: 'number',
      header: t('web.inbox.number'),
      cell: (i) => <Link to={paths.incident(i.id)}>{t('web.inbox.incident', { number: i.number })}</Link>,
      rowHeader: true,
      className: 'nowrap',
    },
    {
      key: 'flags',
      header: t('web.inbox.flags'),
      cell: (i) => (
        <>
          {i.urgent ? <span className="badge status-declined">{t('web.notifications.urgent')}</span> : null}{' '}
          {i.path === 'illegal' ? (
            <span className="badge status-open">{t('web.incident.path.illegal')}</span>
          ) : null}{' '}
          {i.restriction !== 'none' ? <span className="badge">{t('web.incident.restricted')}</span> : null}
        </>
      ),
    },
    { key: 'summary', header: t('web.inbox.summary'), cell: (i) => i.summary, className: 'wide' },
    {
      key: 'waiting',
      header: t('web.inbox.waiting'),
      cell: (i) => (i.ageHours < 1 ? t('web.inbox.justNow') : t('web.inbox.hours', { hours: i.ageHours })),
      className: 'nowrap',
    },
  ];
  return (
    <Page title={t('web.inbox.title')}>
      <p>{t('web.inbox.intro')}</p>
      <p>
        <a href={incidentFiles.csv(schoolId)}>{t('web.inbox.csv')}</a>
      </p>
      <div className="form">
        <SelectField
          id="inbox-status"
          label={t('web.inbox.show')}
          value={status}
          onChange={(e) => setStatus(e.target.value === 'closed' ? 'closed' : 'open')}
          options={[
            { value: 'open', label: t('web.incident.status.open') },
            { value: 'closed', label: t('web.incident.status.closed') },
          ]}
        />
      </div>
      {list.data ? (
        <DataTable
          caption={t('web.inbox.caption')}
          columns={columns}
          rows={list.data.incidents}
          rowKey={(i) => i.id}
          rowClassName={(i) => (i.urgent ? 'row-urgent' : undefined)}
          empty={<p>{status === 'open' ? t('web.inbox.noneOpen') : t('web.inbox.none')}</p>}
        />
      ) : list.isError ? (
        <ErrorMessage error={list.error} retry={() => void list.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
