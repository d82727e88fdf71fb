import { formatDate } from '../../dates.ts';
import { actionWord } from '../../filter/words.ts';
import { t } from '../../i18n.ts';
import { type ActivityReport, type BySeverity, type ReportDay, SEVERITIES } from '../../monitor/types.ts';
import { ChartFigure } from '../charts/ChartFigure.tsx';
import { type BarRow, HorizontalBars } from '../charts/HorizontalBars.tsx';
import { type BarSeries, StackedBars } from '../charts/StackedBars.tsx';
import { formatCount, percentOf } from '../charts/scale.ts';
import type { Column } from '../DataTable.tsx';
import { SelectField } from '../SelectField.tsx';

/** How the activity chart splits each day's requests. */
export type ActivityBreakdown = 'action' | 'group' | 'category';
export const ACTIVITY_BREAKDOWNS: readonly ActivityBreakdown[] = ['action', 'group', 'category'];

/**
 * Groups or categories drawn one by one before the rest are put together as "Other" (six when
 * that makes "Other" just one more: `chart-fill-0` to `chart-fill-5`).
 */
const SERIES_SHOWN = 5;
/** Categories drawn in the chart of requests by category (the table lists every one). */
const CATEGORIES_DRAWN = 15;

export interface ReportNames {
  group(id: string): string;
  /** A filter category, or `uncategorised`. */
  category(id: string): string;
  /** A monitoring category. */
  alertCategory(id: string): string;
}

type Blocked = ActivityReport['topBlockedCategories'][number];
type AlertCategory = ActivityReport['alerts']['byCategory'][number];

const ALLOW = 'chart-allow';
const BLOCK = 'chart-block';
const severityClass = (s: number) => `chart-severity-${s}`;
const severityLabel = (s: number) => t('web.monitorReport.severity', { severity: s });

function dayColumn<T extends { day: string }>(): Column<T> {
  return {
    key: 'day',
    header: t('web.monitorReport.day'),
    cell: (d) => <time dateTime={d.day}>{formatDate(d.day)}</time>,
    rowHeader: true,
    className: 'nowrap',
  };
}

/** The column that names each row: a group, a category. */
const nameColumn = <T,>(header: string, name: (row: T) => string): Column<T> => ({
  key: 'name',
  header,
  cell: name,
  rowHeader: true,
});

const countColumn = <T,>(key: string, header: string, value: (row: T) => number): Column<T> => ({
  key,
  header,
  cell: (row) => formatCount(value(row)),
  className: 'numeric',
});

/** The series of the activity chart: allowed and blocked, or the busiest groups or categories. */
function activitySeries(report: ActivityReport, by: ActivityBreakdown, names: ReportNames): BarSeries[] {
  if (by === 'action')
    return [
      {
        key: 'allow',
        label: actionWord('allow'),
        className: ALLOW,
        values: report.days.map((d) => d.byAction.allow),
      },
      {
        key: 'block',
        label: actionWord('block'),
        className: BLOCK,
        values: report.days.map((d) => d.byAction.block),
      },
    ];
  const ranked =
    by === 'group' ? report.byGroup.map((g) => g.group) : report.byCategory.map((c) => c.category);
  const shown = ranked.length > SERIES_SHOWN + 1 ? ranked.slice(0, SERIES_SHOWN) : ranked;
  const of = (d: ReportDay) => (by === 'group' ? d.byGroup : d.byCategory);
  const series: BarSeries[] = shown.map((key, i) => ({
    key,
    label: by === 'group' ? names.group(key) : names.category(key),
    className: `chart-fill-${i}`,
    values: report.days.map((d) => of(d)[key] ?? 0),
  }));
  if (shown.length < ranked.length)
    series.push({
      key: '(other)',
      label: t('web.monitorReport.other'),
      className: 'chart-fill-other',
      values: report.days.map((d) => d.requests - shown.reduce((sum, key) => sum + (of(d)[key] ?? 0), 0)),
    });
  return series;
}

interface ActivityProps {
  report: ActivityReport;
  by: ActivityBreakdown;
  onBy(by: ActivityBreakdown): void;
  names: ReportNames;
}

function ActivityOverTime({ report, by, onBy, names }: ActivityProps) {
  const series = activitySeries(report, by, names);
  const busiest = report.days.reduce((a, d) => (d.requests > a.requests ? d : a), report.days[0]!);
  const { requests, blocked } = report.totals;
  const range = { from: formatDate(report.from), to: formatDate(report.to) };
  const rows = report.days.map((d, i) => ({
    day: d.day,
    total: d.requests,
    values: series.map((s) => s.values[i] ?? 0),
  }));
  return (
    <ChartFigure
      title={t(`web.monitorReport.activity.title.${by}`)}
      summary={
        requests === 0
          ? t('web.monitorReport.activity.none', range)
          : t('web.monitorReport.activity.summary', {
              ...range,
              requests: formatCount(requests),
              blocked: formatCount(blocked),
              percent: percentOf(blocked, requests),
              busiest: formatDate(busiest.day),
              busiestCount: formatCount(busiest.requests),
            })
      }
      empty={t('web.monitorReport.activity.none', range)}
      controls={
        <div className="form">
          <SelectField
            id="report-by"
            label={t('web.monitorReport.activity.by')}
            value={by}
            onChange={(e) => onBy(ACTIVITY_BREAKDOWNS.find((b) => b === e.target.value) ?? 'action')}
            options={ACTIVITY_BREAKDOWNS.map((b) => ({
              value: b,
              label: t(`web.monitorReport.activity.by.${b}`),
            }))}
          />
        </div>
      }
      table={{
        caption: t(`web.monitorReport.activity.title.${by}`),
        rowKey: (r) => r.day,
        rows: requests === 0 ? [] : rows,
        columns: [
          dayColumn(),
          ...series.map((s, i) =>
            countColumn<(typeof rows)[number]>(s.key, s.label, (r) => r.values[i] ?? 0),
          ),
          countColumn<(typeof rows)[number]>('total', t('web.monitorReport.requests'), (r) => r.total),
        ],
      }}
    >
      {(describedBy) => (
        <StackedBars
          bars={report.days.map((d) => ({ key: d.day, label: formatDate(d.day) }))}
          series={series}
          title={t(`web.monitorReport.activity.title.${by}`)}
          describedBy={describedBy}
        />
      )}
    </ChartFigure>
  );
}

const allowedAndBlocked = (requests: number, blocked: number): BarRow['parts'] => [
  { key: 'allow', label: actionWord('allow'), className: ALLOW, value: requests - blocked },
  { key: 'block', label: actionWord('block'), className: BLOCK, value: blocked },
];
const actionLegend = [
  { key: 'allow', label: actionWord('allow'), className: ALLOW },
  { key: 'block', label: actionWord('block'), className: BLOCK },
];

function TopBlocked({ report, names }: { report: ActivityReport; names: ReportNames }) {
  const total = report.totals.blocked;
  const top = report.topBlockedCategories[0];
  const title = t('web.monitorReport.topBlocked.title');
  return (
    <ChartFigure
      title={title}
      summary={
        top
          ? t('web.monitorReport.topBlocked.summary', {
              blocked: formatCount(total),
              category: names.category(top.category),
              count: formatCount(top.blocked),
              percent: percentOf(top.blocked, total),
            })
          : t('web.monitorReport.topBlocked.none')
      }
      empty={t('web.monitorReport.topBlocked.none')}
      table={{
        caption: title,
        rowKey: (r) => r.category,
        rows: report.topBlockedCategories,
        columns: [
          nameColumn<Blocked>(t('web.monitorReport.category'), (r) => names.category(r.category)),
          countColumn<Blocked>('blocked', t('web.monitorReport.blocked'), (r) => r.blocked),
          {
            key: 'share',
            header: t('web.monitorReport.share'),
            cell: (r) => t('web.monitorReport.percent', { percent: percentOf(r.blocked, total) }),
            className: 'numeric',
          },
        ],
      }}
    >
      {() => (
        <HorizontalBars
          rows={report.topBlockedCategories.map((c) => ({
            key: c.category,
            label: names.category(c.category),
            text: t('web.monitorReport.countShare', {
              count: formatCount(c.blocked),
              percent: percentOf(c.blocked, total),
            }),
            parts: [{ key: 'block', label: actionWord('block'), className: BLOCK, value: c.blocked }],
          }))}
        />
      )}
    </ChartFigure>
  );
}

/** A row of a "requests by" chart: a group or a category, named. */
interface Counted {
  key: string;
  name: string;
  requests: number;
  blocked: number;
}

interface RequestsByProps {
  title: string;
  summary: string;
  empty: string;
  nameHeader: string;
  /** Every row goes in the table; the first `drawn` of them in the chart. */
  rows: readonly Counted[];
  drawn?: number;
}

/** Requests and blocked attempts for each of a list (groups, categories), busiest first. */
function RequestsBy({ title, summary, empty, nameHeader, rows, drawn = rows.length }: RequestsByProps) {
  return (
    <ChartFigure
      title={title}
      summary={summary}
      empty={empty}
      table={{
        caption: title,
        rowKey: (r) => r.key,
        rows,
        columns: [
          nameColumn<Counted>(nameHeader, (r) => r.name),
          countColumn<Counted>('requests', t('web.monitorReport.requests'), (r) => r.requests),
          countColumn<Counted>('blocked', t('web.monitorReport.blocked'), (r) => r.blocked),
        ],
      }}
    >
      {() => (
        <HorizontalBars
          legend={actionLegend}
          rows={rows.slice(0, drawn).map((r) => ({
            key: r.key,
            label: r.name,
            text: t('web.monitorReport.requestsBlocked', {
              requests: formatCount(r.requests),
              blocked: formatCount(r.blocked),
            }),
            parts: allowedAndBlocked(r.requests, r.blocked),
          }))}
        />
      )}
    </ChartFigure>
  );
}

function ByGroup({ report, names }: { report: ActivityReport; names: ReportNames }) {
  const top = report.byGroup[0];
  return (
    <RequestsBy
      title={t('web.monitorReport.byGroup.title')}
      summary={
        top
          ? t('web.monitorReport.byGroup.summary', {
              group: names.group(top.group),
              count: formatCount(top.requests),
              requests: formatCount(report.totals.requests),
              groups: report.byGroup.length,
            })
          : t('web.monitorReport.byGroup.none')
      }
      empty={t('web.monitorReport.byGroup.none')}
      nameHeader={t('web.monitorReport.group')}
      rows={report.byGroup.map((g) => ({ ...g, key: g.group, name: names.group(g.group) }))}
    />
  );
}

function ByCategory({ report, names }: { report: ActivityReport; names: ReportNames }) {
  const top = report.byCategory[0];
  const drawn = Math.min(CATEGORIES_DRAWN, report.byCategory.length);
  const summary = top
    ? [
        t('web.monitorReport.byCategory.summary', {
          category: names.category(top.category),
          count: formatCount(top.requests),
          blocked: formatCount(top.blocked),
        }),
        drawn < report.byCategory.length
          ? t('web.monitorReport.byCategory.drawn', { drawn, all: report.byCategory.length })
          : '',
      ]
        .filter(Boolean)
        .join(' ')
    : t('web.monitorReport.byCategory.none');
  return (
    <RequestsBy
      title={t('web.monitorReport.byCategory.title')}
      summary={summary}
      empty={t('web.monitorReport.byCategory.none')}
      nameHeader={t('web.monitorReport.category')}
      rows={report.byCategory.map((c) => ({ ...c, key: c.category, name: names.category(c.category) }))}
      drawn={drawn}
    />
  );
}

const severityColumns = <T extends { bySeverity: BySeverity; total: number }>(): Column<T>[] => [
  ...SEVERITIES.map((s) => countColumn<T>(`severity-${s}`, severityLabel(s), (r) => r.bySeverity[s])),
  countColumn<T>('total', t('web.monitorReport.alerts'), (r) => r.total),
];
const severityLegend = SEVERITIES.map((s) => ({
  key: String(s),
  label: severityLabel(s),
  className: severityClass(s),
}));

function AlertTrend({ report }: { report: ActivityReport }) {
  const { alerts } = report;
  const range = { from: formatDate(report.from), to: formatDate(report.to) };
  const worst = alerts.byDay.reduce((a, d) => (d.total > a.total ? d : a), alerts.byDay[0]!);
  const title = t('web.monitorReport.alertTrend.title');
  return (
    <ChartFigure
      title={title}
      summary={
        alerts.total === 0
          ? t('web.monitorReport.alertTrend.none', range)
          : t('web.monitorReport.alertTrend.summary', {
              ...range,
              total: formatCount(alerts.total),
              severe: formatCount(alerts.bySeverity[4] + alerts.bySeverity[5]),
              waiting: formatCount((alerts.byStatus.new ?? 0) + (alerts.byStatus['in-review'] ?? 0)),
              most: formatCount(worst.total),
              day: formatDate(worst.day),
            })
      }
      empty={t('web.monitorReport.alertTrend.none', range)}
      table={{
        caption: title,
        rowKey: (r) => r.day,
        rows: alerts.total === 0 ? [] : alerts.byDay,
        columns: [dayColumn(), ...severityColumns()],
      }}
    >
      {(describedBy) => (
        <StackedBars
          title={title}
          describedBy={describedBy}
          bars={alerts.byDay.map((d) => ({ key: d.day, label: formatDate(d.day) }))}
          series={SEVERITIES.map((s) => ({
            key: String(s),
            label: severityLabel(s),
            className: severityClass(s),
            values: alerts.byDay.map((d) => d.bySeverity[s]),
          }))}
        />
      )}
    </ChartFigure>
  );
}

function AlertCategories({ report, names }: { report: ActivityReport; names: ReportNames }) {
  const { alerts } = report;
  const top = alerts.byCategory[0];
  const title = t('web.monitorReport.alertCategories.title');
  return (
    <ChartFigure
      title={title}
      summary={
        top
          ? t('web.monitorReport.alertCategories.summary', {
              category: names.alertCategory(top.category),
              count: formatCount(top.total),
              total: formatCount(alerts.total),
            })
          : t('web.monitorReport.alertCategories.none')
      }
      empty={t('web.monitorReport.alertCategories.none')}
      table={{
        caption: title,
        rowKey: (r) => r.category,
        rows: alerts.byCategory,
        columns: [
          nameColumn<AlertCategory>(t('web.monitorReport.category'), (r) => names.alertCategory(r.category)),
          ...severityColumns<AlertCategory>(),
        ],
      }}
    >
      {() => (
        <HorizontalBars
          legend={severityLegend}
          rows={alerts.byCategory.map((c) => ({
            key: c.category,
            label: names.alertCategory(c.category),
            parts: SEVERITIES.map((s) => ({
              key: String(s),
              label: severityLabel(s),
              className: severityClass(s),
              value: c.bySeverity[s],
            })),
          }))}
        />
      )}
    </ChartFigure>
  );
}

/** The report's figures, each chart with its summary and its table. */
export function ReportCharts({ report, by, onBy, names }: ActivityProps) {
  return (
    <>
      <ActivityOverTime report={report} by={by} onBy={onBy} names={names} />
      <TopBlocked report={report} names={names} />
      <ByGroup report={report} names={names} />
      <ByCategory report={report} names={names} />
      <AlertTrend report={report} />
      <AlertCategories report={report} names={names} />
    </>
  );
}
