import { formatDate } from '../dates.ts';
import { t } from '../i18n.ts';
import type { PolicyVersionSummary } from '../types.ts';
import { policyStatus } from './PolicySummary.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

/** Every version of the policy, newest first as the API lists them. */
export function PolicyVersionsTable({ versions }: { versions: PolicyVersionSummary[] }) {
  if (versions.length === 0) return <p>{t('web.versions.none')}</p>;
  return (
    <ScrollRegion labelledBy="versions-caption">
      <table>
        <caption id="versions-caption">{t('web.versions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('web.policy.version')}</th>
            <th scope="col">{t('web.policy.status')}</th>
            <th scope="col">{t('web.policy.approvedOn')}</th>
            <th scope="col">{t('web.policy.approvedBy')}</th>
            <th scope="col">{t('web.policy.nextReview')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.versionId}>
              <th scope="row">{v.version}</th>
              <td>{policyStatus(v.status)}</td>
              <td>{v.approvedOn ? formatDate(v.approvedOn) : t('web.policy.notRecorded')}</td>
              <td>{v.approvedBy ?? t('web.policy.notRecorded')}</td>
              <td>{v.nextReview ? formatDate(v.nextReview) : t('web.policy.notRecorded')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
