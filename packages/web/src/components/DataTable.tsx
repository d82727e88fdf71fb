import { type ReactNode, useId } from 'react';
import { ScrollRegion } from './ScrollRegion.tsx';

export interface Column<T> {
  /** Unique among the table's columns. */
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** The column that names each row (a `th scope="row"`); at most one. */
  rowHeader?: boolean;
  className?: string;
}

interface DataTableProps<T> {
  caption: string;
  /** Hide the caption from sight (it is still read out) where a heading already says it. */
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  rowClassName?: (row: T) => string | undefined;
}

/**
 * A table of records for the log pages: a caption, a header per column, one row per record. It
 * scrolls sideways in its own keyboard-reachable region on a narrow screen.
 */
export function DataTable<T>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  empty,
  rowClassName,
}: DataTableProps<T>) {
  const captionId = useId();
  if (rows.length === 0) return <>{empty}</>;
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className="data-table">
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.key} className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th scope="row" key={c.key} className={c.className}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={c.className}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
