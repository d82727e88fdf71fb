import { useQuery } from '@tanstack/react-query';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useFilter } from '../../components/filter/FilterLayout.tsx';
import { KeysetPager } from '../../components/KeysetPager.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { filterApi, filterKeys } from '../../filter/endpoints.ts';
import { formatSchoolTime } from '../../filter/time.ts';
import type { IllegalHit } from '../../filter/types.ts';
import { decisionSourceWord } from '../../filter/words.ts';
import { useKeysetPages } from '../../hooks/useKeysetPages.ts';
import { t } from '../../i18n.ts';

const PAGE_SIZE = 25;

/**
 * Requests that matched an illegal-content list, for the DSL: when, which group, who or which
 * device. Never the address asked for: Haven does not keep it, so nobody is led to the content.
 */
export function FilterIllegalHits() {
  const schoolId = useSchoolId();
  const { timeZone, groupName } = useFilter();
  const pages = useKeysetPages<string>();
  const list = useQuery({
    queryKey: filterKeys.illegalHits(schoolId, pages.cursor),
    queryFn: () => filterApi.illegalHits(schoolId, pages.cursor, PAGE_SIZE),
    placeholderData: (previous) => previous,
  });
  const hits = list.data?.hits ?? [];
  const next = hits.length === PAGE_SIZE ? (hits.at(-1)?.at ?? null) : null;

  const columns: Column<IllegalHit>[] = [
    {
      key: 'at',
      header: t('web.filter.illegalHits.when'),
      cell: (h) => <time dateTime={h.at}>{formatSchoolTime(h.at, timeZone)}</time>,
      rowHeader: true,
      className: 'nowrap',
    },
    { key: 'group', header: t('web.filter.illegalHits.group'), cell: (h) => groupName(h.group) },
    {
      key: 'who',
      header: t('web.filter.illegalHits.who'),
      cell: (h) => h.user ?? h.client ?? t('web.filter.illegalHits.unknown'),
    },
    { key: 'source', header: t('web.filter.illegalHits.source'), cell: (h) => decisionSourceWord(h.source) },
  ];

  return (
    <Page title={t('web.filter.illegalHits.title')}>
      <Notice tone="warning">
        <p>{t('web.filter.illegalHits.intro')}</p>
        <p>{t('web.filter.illegalHits.doNot')}</p>
      </Notice>
      {list.data ? (
        <DataTable
          caption={t('web.filter.illegalHits.caption')}
          columns={columns}
          rows={hits}
          rowKey={(h) => h.id}
          empty={<p>{t('web.filter.illegalHits.none')}</p>}
        />
      ) : list.isError ? (
        <ErrorMessage error={list.error} retry={() => void list.refetch()} />
      ) : (
        <Loading />
      )}
      <KeysetPager pages={pages} next={next} busy={list.isFetching} />
    </Page>
  );
}
