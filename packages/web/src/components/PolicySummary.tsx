import { Link } from 'react-router-dom';
import { formatDate } from '../dates.ts';
import { t, tOr } from '../i18n.ts';
import { paths } from '../paths.ts';
import type { PolicyVersionSummary } from '../types.ts';
import { ReviewDate } from './ReviewDate.tsx';

export function policyStatus(status: string): string {
  return tOr(`web.policyStatus.${status}`, status);
}

/** The approved policy in brief: title, status and version, approval, next review. */
export function PolicySummary({ policy, showLink }: { policy: PolicyVersionSummary; showLink: boolean }) {
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('web.policy.titleLabel')}</dt>
          <dd>{policy.title}</dd>
        </div>
        <div>
          <dt>{t('web.policy.status')}</dt>
          <dd>
            <span className={`badge badge-${policy.status}`}>{policyStatus(policy.status)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('web.policy.version')}</dt>
          <dd>{policy.version}</dd>
        </div>
        <div>
          <dt>{t('web.policy.approvedOn')}</dt>
          <dd>{policy.approvedOn ? formatDate(policy.approvedOn) : t('web.policy.notRecorded')}</dd>
        </div>
        <div>
          <dt>{t('web.policy.approvedBy')}</dt>
          <dd>{policy.approvedBy ?? t('web.policy.notRecorded')}</dd>
        </div>
      </dl>
      <h3>{t('web.review.heading')}</h3>
      <ReviewDate nextReview={policy.nextReview} />
      {showLink ? (
        <p>
          <Link to={paths.policy}>{t('web.home.readPolicy')}</Link>
        </p>
      ) : null}
    </>
  );
}
