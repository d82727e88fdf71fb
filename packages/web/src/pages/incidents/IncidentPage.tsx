import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import {
  AddEntryPanel,
  Chronology,
  ClosePanel,
  EvidencePanel,
  NudesPanel,
  ReportSummary,
  SanctionsPanel,
  StepsPanel,
} from '../../components/incidents/IncidentPanels.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { t } from '../../i18n.ts';
import { incidentApi, incidentFiles, incidentKeys } from '../../incidents/endpoints.ts';

/**
 * One incident, for those who handle it: the report, the flowchart's steps for its path, what
 * the school's sanctions matrix recommends, the nudes protocol where it applies, the chronology
 * (added to, never edited) and closure. Opening it is recorded in the audit log.
 */
export function IncidentPage() {
  const schoolId = useSchoolId();
  const { incidentId = '' } = useParams();
  const incident = useQuery({
    queryKey: incidentKeys.one(schoolId, incidentId),
    queryFn: () => incidentApi.get(schoolId, incidentId),
  });
  if (!incident.data)
    return (
      <Page title={t('web.incident.loading')}>
        {incident.isError ? (
          <ErrorMessage error={incident.error} retry={() => void incident.refetch()} />
        ) : (
          <Loading />
        )}
      </Page>
    );
  const i = incident.data;
  return (
    <Page title={t('web.inbox.incident', { number: i.number })}>
      <p>
        <span className={`badge status-${i.status}`}>{t(`web.incident.status.${i.status}`)}</span>{' '}
        {i.urgent ? <span className="badge status-declined">{t('web.notifications.urgent')}</span> : null}{' '}
        {i.path ? <span className="badge">{t(`web.incident.path.${i.path}`)}</span> : null}
      </p>
      <p>
        <a href={incidentFiles.pdf(schoolId, i.id)}>{t('web.incident.exportPdf')}</a>
      </p>
      {i.path === 'illegal' ? (
        <Notice tone="error" title={t('web.incident.illegalTitle')}>
          <p>{t('web.incident.illegalText')}</p>
        </Notice>
      ) : null}
      {i.restriction !== 'none' ? (
        <Notice tone="warning">
          <p>{t(`web.incident.restriction.${i.restriction}`)}</p>
        </Notice>
      ) : null}
      <ReportSummary incident={i} />
      <StepsPanel incident={i} schoolId={schoolId} />
      {i.report.nudes ? <NudesPanel incident={i} schoolId={schoolId} /> : null}
      {i.path === 'inappropriate' && i.status === 'open' ? (
        <SanctionsPanel incident={i} schoolId={schoolId} />
      ) : null}
      <EvidencePanel incident={i} schoolId={schoolId} />
      {i.status === 'open' ? <AddEntryPanel incident={i} schoolId={schoolId} /> : null}
      <Chronology incident={i} />
      <ClosePanel incident={i} schoolId={schoolId} />
    </Page>
  );
}
