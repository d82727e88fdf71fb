import { rowOutcome } from '../../filter/test-runs.ts';
import type { FilterTestRow } from '../../filter/types.ts';
import { actionWord, categoryName, observedWord } from '../../filter/words.ts';
import { t } from '../../i18n.ts';
import { type Column, DataTable } from '../DataTable.tsx';

interface TestRowsTableProps {
  rows: FilterTestRow[];
  categories: Partial<Record<string, string>> | undefined;
  groupName(id: string): string;
}

/** Each group and category of one run: what the policy says, what DNS and the proxy did. */
export function TestRowsTable({ rows, categories, groupName }: TestRowsTableProps) {
  const columns: Column<FilterTestRow>[] = [
    {
      key: 'row',
      header: t('web.filter.tests.row'),
      cell: (r) =>
        t('web.filter.tests.rowName', {
          group: groupName(r.group),
          category: categoryName(categories, r.category),
        }),
      rowHeader: true,
    },
    {
      key: 'host',
      header: t('web.filter.tests.host'),
      cell: (r) => r.host ?? r.note ?? '',
      className: 'break',
    },
    { key: 'expected', header: t('web.filter.tests.expected'), cell: (r) => actionWord(r.expected) },
    { key: 'dns', header: t('web.filter.tests.dns'), cell: (r) => observedWord(r.dns) },
    { key: 'proxy', header: t('web.filter.tests.proxy'), cell: (r) => observedWord(r.proxy) },
    {
      key: 'ok',
      header: t('web.filter.tests.outcome'),
      cell: (r) => {
        const outcome = rowOutcome(r);
        return (
          <span className={`badge outcome-${outcome}`}>
            {t(`web.filter.tests.outcome.${outcome}` as const)}
          </span>
        );
      },
    },
  ];
  return (
    <DataTable
      caption={t('web.filter.tests.rowsCaption')}
      columns={columns}
      rows={rows}
      rowKey={(r) => `${r.group}/${r.category}`}
      rowClassName={(r) => `outcome-row-${rowOutcome(r)}`}
      empty={<p>{t('web.filter.tests.noRows')}</p>}
    />
  );
}
