import { useId } from 'react';
import { t } from '../i18n.ts';
import type { MatrixView } from '../types.ts';
import { isShortCode, MatrixCell } from './MatrixCell.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';
import { SourceNote } from './SourceNote.tsx';

type Row = MatrixView['rows'][number];

/** Consecutive rows under the same heading, in the policy's order. */
function groupRows(rows: Row[]): { group: string | undefined; rows: Row[] }[] {
  const groups: { group: string | undefined; rows: Row[] }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.group === row.group) last.rows.push(row);
    else groups.push({ group: row.group, rows: [row] });
  }
  return groups;
}

/**
 * A policy matrix as a real table: a caption, column headers from the matrix's labels, a row
 * header for each row, cells read through the legend, and each row's source on demand. It
 * scrolls sideways inside its own region on a narrow screen, reachable by keyboard.
 */
export function MatrixTable({ view, rowHeader }: { view: MatrixView; rowHeader: string }) {
  const captionId = useId();
  const codes = Object.entries(view.legend).filter(([code]) => isShortCode(code));
  const columnCount = view.columns.length + 2;

  return (
    <>
      {codes.length > 0 ? (
        <section className="legend" aria-labelledby={`${captionId}-legend`}>
          <h2 id={`${captionId}-legend`}>{t('web.matrix.legend')}</h2>
          <dl>
            {codes.map(([code, meaning]) => (
              <div key={code}>
                <dt>
                  <span className="code">{code}</span>
                </dt>
                <dd>{meaning}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <ScrollRegion labelledBy={captionId}>
        <table className="matrix">
          <caption id={captionId}>{view.title}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {view.columns.map((column) => (
                <th scope="col" key={column}>
                  {view.columnLabels[column] ?? column}
                </th>
              ))}
              <th scope="col">{t('web.matrix.source')}</th>
            </tr>
          </thead>
          {groupRows(view.rows).map(({ group, rows }) => (
            <tbody key={rows[0]?.id}>
              {group ? (
                <tr className="group-row">
                  <th scope="rowgroup" colSpan={columnCount}>
                    {group}
                  </th>
                </tr>
              ) : null}
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.label}</th>
                  {view.columns.map((column) => {
                    const value = row.cells[column] ?? null;
                    return (
                      <td
                        key={column}
                        data-value={typeof value === 'string' ? value : undefined}
                        className={typeof value === 'boolean' ? 'mark' : undefined}
                      >
                        {value === null && row.inherited ? (
                          <span className="inherited">
                            {t('web.matrix.inherited', {
                              value: view.legend[row.inherited] ?? row.inherited,
                            })}
                          </span>
                        ) : (
                          <MatrixCell value={value} legend={view.legend} />
                        )}
                      </td>
                    );
                  })}
                  <td>
                    <details className="source">
                      <summary>
                        {t('web.matrix.showSource')}
                        <span className="visually-hidden">
                          {' '}
                          {t('web.matrix.sourceFor', { row: row.label })}
                        </span>
                      </summary>
                      <SourceNote source={row.source} />
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </ScrollRegion>
    </>
  );
}
