import { formatDate, REVIEW_WARNING_DAYS, reviewState } from '../dates.ts';
import { t, tCount } from '../i18n.ts';
import { Notice } from './Notice.tsx';

/** The next review date, with a warning when it has passed or falls within 60 days. */
export function ReviewDate({ nextReview }: { nextReview: string | null }) {
  const state = reviewState(nextReview);
  if (nextReview === null || state.kind === 'none') return <p>{t('web.review.none')}</p>;
  const date = formatDate(nextReview);
  switch (state.kind) {
    case 'overdue':
      return (
        <Notice tone="error" title={t('web.review.overdueTitle')}>
          <p>{tCount(state.days, 'web.review.overdueOne', 'web.review.overdueOther', { date })}</p>
        </Notice>
      );
    case 'today':
      return (
        <Notice tone="warning" title={t('web.review.soonTitle')}>
          <p>{t('web.review.today', { date })}</p>
        </Notice>
      );
    case 'soon':
      return (
        <Notice tone="warning" title={t('web.review.soonTitle')}>
          <p>
            {tCount(state.days, 'web.review.soonOne', 'web.review.soonOther', {
              date,
              window: REVIEW_WARNING_DAYS,
            })}
          </p>
        </Notice>
      );
    case 'later':
      return <p>{t('web.review.later', { date })}</p>;
  }
}
