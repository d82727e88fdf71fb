import { type ReactNode, useId } from 'react';
import { t } from '../../i18n.ts';
import { type Column, DataTable } from '../DataTable.tsx';

interface ChartFigureProps<T> {
  title: string;
  /** The chart in a sentence or two: what a reader should take from it. */
  summary: string;
  /** The chart itself, given the id of the summary that describes it. */
  children: (describedBy: string) => ReactNode;
  /** The same numbers as a table, for screen readers, narrow screens and copying out. */
  table: { caption: string; columns: Column<T>[]; rows: readonly T[]; rowKey: (row: T) => string };
  empty: string;
  /** Choices that change what the chart shows, between its summary and the picture. */
  controls?: ReactNode;
}

/**
 * A chart with its title, a text summary and the numbers behind it as a table under "Show the
 * numbers", so it reads the same without sight of the picture.
 */
export function ChartFigure<T>({ title, summary, children, table, empty, controls }: ChartFigureProps<T>) {
  const titleId = useId();
  const summaryId = useId();
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <p id={summaryId} className="chart-summary">
        {summary}
      </p>
      {controls}
      {table.rows.length > 0 ? (
        <>
          {children(summaryId)}
          <details className="more chart-table">
            <summary>{t('web.chart.showNumbers')}</summary>
            <DataTable
              caption={table.caption}
              columns={table.columns}
              rows={table.rows}
              rowKey={table.rowKey}
              empty={<p>{empty}</p>}
            />
          </details>
        </>
      ) : null}
    </figure>
  );
}
