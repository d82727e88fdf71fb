import { useQuery } from '@tanstack/react-query';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useFilter } from '../../components/filter/FilterLayout.tsx';
import { KeysetPager } from '../../components/KeysetPager.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { filterApi, filterKeys } from '../../filter/endpoints.ts';
import { formatSchoolTime } from '../../filter/time.ts';
import type { ChangeLogEntry } from '../../filter/types.ts';
import { changeKindWord } from '../../filter/words.ts';
import { useKeysetPages } from '../../hooks/useKeysetPages.ts';
import { t } from '../../i18n.ts';

const PAGE_SIZE = 25;

/** The filter's change-control log, the record governors read: newest first, a page at a time. */
export function FilterChangeLog() {
  const schoolId = useSchoolId();
  const { timeZone } = useFilter();
  const pages = useKeysetPages<number>();
  const log = useQuery({
    queryKey: filterKeys.changeLog(schoolId, pages.cursor),
    queryFn: () => filterApi.changeLog(schoolId, pages.cursor, PAGE_SIZE),
    placeholderData: (previous) => previous,
  });

  const columns: Column<ChangeLogEntry>[] = [
    {
      key: 'at',
      header: t('web.filter.changeLog.when'),
      cell: (e) => <time dateTime={e.at}>{formatSchoolTime(e.at, timeZone)}</time>,
      rowHeader: true,
      className: 'nowrap',
    },
    { key: 'actor', header: t('web.filter.changeLog.who'), cell: (e) => e.actor },
    { key: 'kind', header: t('web.filter.changeLog.kind'), cell: (e) => changeKindWord(e.kind) },
    { key: 'summary', header: t('web.filter.changeLog.summary'), cell: (e) => e.summary, className: 'wide' },
  ];

  return (
    <Page title={t('web.filter.changeLog.title')}>
      <p>{t('web.filter.changeLog.intro')}</p>
      {log.data ? (
        <>
          <DataTable
            caption={t('web.filter.changeLog.caption')}
            columns={columns}
            rows={log.data.entries}
            rowKey={(e) => String(e.seq)}
            empty={<p>{t('web.filter.changeLog.none')}</p>}
          />
          <KeysetPager pages={pages} next={log.data.nextBeforeSeq} busy={log.isFetching} />
        </>
      ) : log.isError ? (
        <ErrorMessage error={log.error} retry={() => void log.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
