import { can } from '@haven/core/access';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useFilter } from '../../components/filter/FilterLayout.tsx';
import { ReviewItem } from '../../components/filter/ReviewItem.tsx';
import { KeysetPager } from '../../components/KeysetPager.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { filterApi, filterKeys } from '../../filter/endpoints.ts';
import { REVIEW_STATUSES, type ReviewStatus } from '../../filter/types.ts';
import { reviewStatusWord } from '../../filter/words.ts';
import { useKeysetPages } from '../../hooks/useKeysetPages.ts';
import { t } from '../../i18n.ts';
import { useAccount } from '../../session.tsx';

const PAGE_SIZE = 20;

function isStatus(value: string): value is ReviewStatus {
  return (REVIEW_STATUSES as readonly string[]).includes(value);
}

/** "Ask for this to be reviewed" requests from the block page, for the network manager to act on. */
export function FilterReviews() {
  const { grants } = useAccount();
  const canHandle = can(grants, 'filterReviews', 'handle');
  const schoolId = useSchoolId();
  const { timeZone, groupName } = useFilter();
  const [status, setStatus] = useState<ReviewStatus>('open');
  const pages = useKeysetPages<string>();
  const query = { status, ...(pages.cursor ? { before: pages.cursor } : {}), limit: PAGE_SIZE };
  const list = useQuery({
    queryKey: filterKeys.reviews(schoolId, query),
    queryFn: () => filterApi.reviews(schoolId, query),
    placeholderData: (previous) => previous,
  });
  const items = list.data?.reviews ?? [];
  const next = items.length === PAGE_SIZE ? (items.at(-1)?.at ?? null) : null;

  return (
    <Page title={t('web.filter.reviews.title')}>
      <p>{t('web.filter.reviews.intro')}</p>
      <div className="form">
        <SelectField
          id="review-status"
          label={t('web.filter.reviews.show')}
          value={status}
          onChange={(e) => {
            if (isStatus(e.target.value)) setStatus(e.target.value);
            pages.newest();
          }}
          options={REVIEW_STATUSES.map((s) => ({ value: s, label: reviewStatusWord(s) }))}
        />
      </div>
      {list.data ? (
        items.length === 0 ? (
          <p>{status === 'open' ? t('web.filter.reviews.noneOpen') : t('web.filter.reviews.none')}</p>
        ) : (
          <ul className="card-list card-list-wide">
            {items.map((r) => (
              <ReviewItem
                key={r.id}
                schoolId={schoolId}
                review={r}
                canHandle={canHandle}
                timeZone={timeZone}
                groupName={groupName}
              />
            ))}
          </ul>
        )
      ) : list.isError ? (
        <ErrorMessage error={list.error} retry={() => void list.refetch()} />
      ) : (
        <Loading />
      )}
      <KeysetPager pages={pages} next={next} busy={list.isFetching} />
    </Page>
  );
}
