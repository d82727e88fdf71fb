import { can } from '@haven/core/access';
import { MONITOR_CATEGORIES } from '@haven/core/monitor/categories';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isApiError } from '../api.ts';
import { formatCount } from '../components/charts/scale.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import type { FormProblem } from '../components/ErrorSummary.tsx';
import { Loading } from '../components/Loading.tsx';
import {
  ACTIVITY_BREAKDOWNS,
  type ActivityBreakdown,
  ReportCharts,
  type ReportNames,
} from '../components/monitor/ReportCharts.tsx';
import { REPORT_FIELDS, ReportFilterForm } from '../components/monitor/ReportFilterForm.tsx';
import { Page } from '../components/Page.tsx';
import { useSchoolId } from '../components/RequireSchool.tsx';
import { formatDate } from '../dates.ts';
import { apiProblems } from '../filter/field-errors.ts';
import { useFilterGroups } from '../filter/queries.ts';
import { categoryName } from '../filter/words.ts';
import { t } from '../i18n.ts';
import { monitorApi, monitorKeys } from '../monitor/endpoints.ts';
import type { ReportFilters } from '../monitor/types.ts';
import { useAccount } from '../session.tsx';

const FILTER_PARAMS = ['from', 'to', 'group', 'user'] as const;

/** The filters a link carries: `?from=&to=&group=&user=` (a user only for those who may ask). */
function filtersFrom(params: URLSearchParams, byUser: boolean): ReportFilters {
  const filters: ReportFilters = {};
  for (const name of FILTER_PARAMS) {
    const value = params.get(name)?.trim();
    if (value && (name !== 'user' || byUser)) filters[name] = value;
  }
  return filters;
}

/**
 * Reports: activity over time by action, group or category, the most blocked categories, and the
 * alert trend by severity, for a range of the school's days. The filters live in the address, so
 * a report can be shared as a link; each report opened is audit-logged, so it is fetched when the
 * filters change and not again behind the reader's back.
 */
export function MonitorReports() {
  const schoolId = useSchoolId();
  const { grants } = useAccount();
  const byUser = can(grants, 'monitorReports', 'byUser');
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params, byUser);
  const by = ACTIVITY_BREAKDOWNS.find((b) => b === params.get('by')) ?? 'action';
  const report = useQuery({
    queryKey: monitorKeys.report(schoolId, filters),
    queryFn: () => monitorApi.report(schoolId, filters),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    placeholderData: (previous) => previous,
  });
  const groups = useFilterGroups(schoolId);
  const [serverProblems, setServerProblems] = useState<FormProblem[]>([]);
  const { error } = report;
  useEffect(() => {
    setServerProblems(isApiError(error, 'validation') ? apiProblems(error, (p) => REPORT_FIELDS[p]) : []);
  }, [error]);

  const groupNames = new Map((groups.data?.groups ?? []).map((g) => [g.id, g.name]));
  const names: ReportNames = {
    group: (id) => groupNames.get(id) ?? id,
    category: (id) =>
      id === 'uncategorised'
        ? t('web.monitorReport.uncategorised')
        : categoryName(groups.data?.categories, id),
    alertCategory: (id) => MONITOR_CATEGORIES.find((c) => c.id === id)?.label ?? id,
  };
  const groupOptions = [...groupNames].map(([value, label]) => ({ value, label }));

  const show = (next: ReportFilters) => {
    const search = new URLSearchParams();
    for (const name of FILTER_PARAMS) if (next[name]) search.set(name, next[name]!);
    if (by !== 'action') search.set('by', by);
    setParams(search);
  };
  const setBy = (next: ActivityBreakdown) => {
    const search = new URLSearchParams(params);
    if (next === 'action') search.delete('by');
    else search.set('by', next);
    setParams(search, { replace: true });
  };

  const data = report.data;
  const shown = data && !report.isPlaceholderData ? data : undefined;
  return (
    <Page title={t('web.monitorReport.title')}>
      <p>{t('web.monitorReport.intro')}</p>
      <ReportFilterForm
        // Starts again from the address whenever it, or the range the server settled on, changes.
        key={`${params.toString()}|${shown?.from ?? ''}|${shown?.to ?? ''}`}
        initial={{ ...filters, from: filters.from ?? shown?.from, to: filters.to ?? shown?.to }}
        groups={groupOptions}
        byUser={byUser}
        timeZone={data?.timeZone}
        busy={report.isFetching}
        serverProblems={serverProblems}
        onShow={show}
      />
      {report.isError && !isApiError(report.error, 'validation') ? (
        <ErrorMessage error={report.error} retry={() => void report.refetch()} />
      ) : data && !report.isError ? (
        <div aria-busy={report.isFetching}>
          <h2 className="visually-hidden">{t('web.monitorReport.figures')}</h2>
          <dl className="facts report-totals">
            <div>
              <dt>{t('web.monitorReport.period')}</dt>
              <dd>
                {t('web.monitorReport.periodValue', {
                  from: formatDate(data.from),
                  to: formatDate(data.to),
                  days: data.days.length,
                })}
              </dd>
            </div>
            <div>
              <dt>{t('web.monitorReport.who')}</dt>
              <dd>
                {data.filters.user
                  ? t('web.monitorReport.whoUser', {
                      user: data.filters.user,
                      group: data.filters.group
                        ? names.group(data.filters.group)
                        : t('web.monitorReport.allGroups'),
                    })
                  : data.filters.group
                    ? names.group(data.filters.group)
                    : t('web.monitorReport.allGroups')}
              </dd>
            </div>
            <div>
              <dt>{t('web.monitorReport.requests')}</dt>
              <dd>{formatCount(data.totals.requests)}</dd>
            </div>
            <div>
              <dt>{t('web.monitorReport.blocked')}</dt>
              <dd>{formatCount(data.totals.blocked)}</dd>
            </div>
            <div>
              <dt>{t('web.monitorReport.alerts')}</dt>
              <dd>{formatCount(data.alerts.total)}</dd>
            </div>
          </dl>
          <ReportCharts report={data} by={by} onBy={setBy} names={names} />
        </div>
      ) : report.isPending ? (
        <Loading />
      ) : null}
    </Page>
  );
}
