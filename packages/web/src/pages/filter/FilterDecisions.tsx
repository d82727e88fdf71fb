import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isApiError } from '../../api.ts';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import type { FormProblem } from '../../components/ErrorSummary.tsx';
import { DECISION_FIELDS, DecisionSearch } from '../../components/filter/DecisionSearch.tsx';
import { useFilter } from '../../components/filter/FilterLayout.tsx';
import { KeysetPager } from '../../components/KeysetPager.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { filterApi, filterKeys } from '../../filter/endpoints.ts';
import { apiProblems } from '../../filter/field-errors.ts';
import { useFilterGroups } from '../../filter/queries.ts';
import { formatSchoolTime } from '../../filter/time.ts';
import type { DecisionFilters, FilterDecision } from '../../filter/types.ts';
import {
  actionWord,
  categoryName,
  decisionKindWord,
  decisionSourceWord,
  ruleRefText,
} from '../../filter/words.ts';
import { useKeysetPages } from '../../hooks/useKeysetPages.ts';
import { t } from '../../i18n.ts';

const PAGE_SIZE = 50;

/**
 * The decision log: what the filter allowed and blocked, for whom. It names pupils, so only those
 * who need it may search it, each search is audit-logged, and nothing is fetched until asked.
 */
export function FilterDecisions() {
  const schoolId = useSchoolId();
  const { timeZone, groupName } = useFilter();
  const [filters, setFilters] = useState<DecisionFilters | null>(null);
  const pages = useKeysetPages<string>();
  const groups = useFilterGroups(schoolId);
  const categories = groups.data?.categories;
  const results = useQuery({
    queryKey: filterKeys.decisions(schoolId, filters ?? {}, pages.cursor),
    queryFn: () => filterApi.decisions(schoolId, filters ?? {}, pages.cursor, PAGE_SIZE),
    enabled: filters !== null,
    // Every search is recorded: search again only when asked to.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    placeholderData: (previous) => previous,
  });
  const [serverProblems, setServerProblems] = useState<FormProblem[]>([]);
  const { error } = results;
  useEffect(() => {
    // A search the server finds wrong is shown on the form; any other failure below it.
    setServerProblems(isApiError(error, 'validation') ? apiProblems(error, (p) => DECISION_FIELDS[p]) : []);
  }, [error]);

  const columns: Column<FilterDecision>[] = [
    {
      key: 'at',
      header: t('web.filter.decisions.when'),
      cell: (d) => <time dateTime={d.at}>{formatSchoolTime(d.at, timeZone)}</time>,
      rowHeader: true,
      className: 'nowrap',
    },
    { key: 'group', header: t('web.filter.decisions.group'), cell: (d) => groupName(d.group) },
    {
      key: 'who',
      header: t('web.filter.decisions.who'),
      cell: (d) => d.user ?? d.client ?? t('web.filter.decisions.unknown'),
      className: 'break',
    },
    { key: 'site', header: t('web.filter.decisions.site'), cell: (d) => d.url ?? d.host, className: 'break' },
    {
      key: 'category',
      header: t('web.filter.decisions.category'),
      cell: (d) => (d.category ? categoryName(categories, d.category) : t('web.filter.decisions.none')),
    },
    {
      key: 'action',
      header: t('web.filter.decisions.action'),
      cell: (d) => <span className={`badge verdict-badge-${d.action}`}>{actionWord(d.action)}</span>,
    },
    {
      key: 'rule',
      header: t('web.filter.decisions.rule'),
      cell: (d) => (d.rule ? ruleRefText(d.rule) : decisionKindWord(d.kind)),
      className: 'break',
    },
    { key: 'source', header: t('web.filter.decisions.source'), cell: (d) => decisionSourceWord(d.source) },
  ];

  return (
    <Page title={t('web.filter.decisions.title')}>
      <p>{t('web.filter.decisions.intro')}</p>
      <Notice tone="warning">
        <p>{t('web.filter.decisions.audited')}</p>
      </Notice>
      <DecisionSearch
        categories={categories}
        timeZone={timeZone}
        busy={results.isFetching}
        serverProblems={serverProblems}
        onSearch={(next) => {
          setFilters(next);
          pages.newest();
        }}
      />
      <section aria-labelledby="decision-results-heading" className="panel">
        <h2 id="decision-results-heading">{t('web.filter.decisions.results')}</h2>
        {filters === null ? (
          <p>{t('web.filter.decisions.notYet')}</p>
        ) : results.data ? (
          <>
            <DataTable
              caption={t('web.filter.decisions.caption')}
              captionHidden
              columns={columns}
              rows={results.data.decisions}
              rowKey={(d) => String(d.id)}
              empty={<p>{t('web.filter.decisions.noneFound')}</p>}
            />
            <KeysetPager pages={pages} next={results.data.nextCursor} busy={results.isFetching} />
          </>
        ) : results.isError ? (
          isApiError(results.error, 'validation') ? null : (
            <ErrorMessage error={results.error} retry={() => void results.refetch()} />
          )
        ) : (
          <Loading />
        )}
      </section>
    </Page>
  );
}
