import { can } from '@haven/core/access';
import { useQueryClient } from '@tanstack/react-query';
import { useFilter } from '../../components/filter/FilterLayout.tsx';
import { TimetableForm } from '../../components/filter/TimetableForm.tsx';
import { TimetableView } from '../../components/filter/TimetableView.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { filterApi, filterKeys } from '../../filter/endpoints.ts';
import { formatSchoolTime } from '../../filter/time.ts';
import { t } from '../../i18n.ts';
import { useAccount } from '../../session.tsx';

/** The school day, breaks, terms and holidays the filter reads lesson time from. */
export function FilterTimetable() {
  const schoolId = useSchoolId();
  const { grants } = useAccount();
  const { view, timeZone } = useFilter();
  const queryClient = useQueryClient();
  const canEdit = can(grants, 'filterSettings', 'write');

  const reload = () =>
    queryClient.fetchQuery({
      queryKey: filterKeys.settings(schoolId),
      queryFn: () => filterApi.settings(schoolId),
      staleTime: 0,
    });

  return (
    <Page title={t('web.filter.timetable.title')}>
      <p>{t('web.filter.timetable.intro')}</p>
      <p className="muted">
        {view.defaults || view.updatedAt === null
          ? t('web.filter.timetable.defaults')
          : t('web.filter.timetable.lastSaved', { when: formatSchoolTime(view.updatedAt, timeZone) })}
      </p>
      {canEdit ? (
        <TimetableForm schoolId={schoolId} view={view} reload={reload} />
      ) : (
        <>
          <Notice tone="info">
            <p>{t('web.filter.timetable.readOnly')}</p>
          </Notice>
          <TimetableView timetable={view.settings.timetable} />
        </>
      )}
    </Page>
  );
}
