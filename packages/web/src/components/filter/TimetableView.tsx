import { formatDate } from '../../dates.ts';
import type { Timetable } from '../../filter/types.ts';
import { weekdayName } from '../../filter/words.ts';
import { t } from '../../i18n.ts';
import { type Column, DataTable } from '../DataTable.tsx';

type Range = Timetable['terms'][number];
type PeriodRow = Timetable['periods'][number];

/** The timetable as it stands, for those who may read it but not change it. */
export function TimetableView({ timetable }: { timetable: Timetable }) {
  const periodColumns: Column<PeriodRow>[] = [
    { key: 'name', header: t('web.filter.timetable.rowName'), cell: (p) => p.name, rowHeader: true },
    { key: 'start', header: t('web.filter.timetable.periodStart'), cell: (p) => p.start },
    { key: 'end', header: t('web.filter.timetable.periodEnd'), cell: (p) => p.end },
    {
      key: 'kind',
      header: t('web.filter.timetable.periodKind'),
      cell: (p) =>
        p.kind === 'lesson' ? t('web.filter.timetable.kindLesson') : t('web.filter.timetable.kindFree'),
    },
  ];
  const rangeColumns: Column<Range>[] = [
    { key: 'name', header: t('web.filter.timetable.rowName'), cell: (r) => r.name, rowHeader: true },
    { key: 'start', header: t('web.filter.timetable.rangeStart'), cell: (r) => formatDate(r.start) },
    { key: 'end', header: t('web.filter.timetable.rangeEnd'), cell: (r) => formatDate(r.end) },
  ];
  const rangeKey = (r: Range) => `${r.name}|${r.start}|${r.end}`;
  return (
    <>
      <h2>{t('web.filter.timetable.dayHeading')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('web.filter.timetable.dayStart')}</dt>
          <dd>{timetable.day.start}</dd>
        </div>
        <div>
          <dt>{t('web.filter.timetable.dayEnd')}</dt>
          <dd>{timetable.day.end}</dd>
        </div>
        <div>
          <dt>{t('web.filter.timetable.days')}</dt>
          <dd>
            {[...timetable.days]
              .sort((a, b) => a - b)
              .map(weekdayName)
              .join(', ')}
          </dd>
        </div>
        <div>
          <dt>{t('web.filter.timetable.timeZone')}</dt>
          <dd>{timetable.timeZone}</dd>
        </div>
      </dl>
      <h2>{t('web.filter.timetable.periodsHeading')}</h2>
      <DataTable
        caption={t('web.filter.timetable.periodsHeading')}
        captionHidden
        columns={periodColumns}
        rows={timetable.periods}
        rowKey={(p) => `${p.name}|${p.start}|${p.end}`}
        empty={<p>{t('web.filter.timetable.noPeriods')}</p>}
      />
      <h2>{t('web.filter.timetable.termsHeading')}</h2>
      <DataTable
        caption={t('web.filter.timetable.termsHeading')}
        captionHidden
        columns={rangeColumns}
        rows={timetable.terms}
        rowKey={rangeKey}
        empty={<p>{t('web.filter.timetable.noTerms')}</p>}
      />
      <h2>{t('web.filter.timetable.holidaysHeading')}</h2>
      <DataTable
        caption={t('web.filter.timetable.holidaysHeading')}
        captionHidden
        columns={rangeColumns}
        rows={timetable.holidays}
        rowKey={rangeKey}
        empty={<p>{t('web.filter.timetable.noHolidays')}</p>}
      />
    </>
  );
}
