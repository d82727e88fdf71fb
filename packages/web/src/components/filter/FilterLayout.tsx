import { can } from '@haven/core/access';
import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { Outlet } from 'react-router-dom';
import { isApiError } from '../../api.ts';
import { filterApi, filterKeys } from '../../filter/endpoints.ts';
import type { FilterSettingsView } from '../../filter/types.ts';
import { t } from '../../i18n.ts';
import { useAccount } from '../../session.tsx';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { Loading } from '../Loading.tsx';
import { Notice } from '../Notice.tsx';
import { Page } from '../Page.tsx';
import { useSchoolId } from '../RequireSchool.tsx';
import { FilterNav } from './FilterNav.tsx';
import { NoAccess } from './NoAccess.tsx';

interface FilterContextValue {
  /** The school's filter settings as last loaded (the timetable page edits and saves them). */
  view: FilterSettingsView;
  /** The school's time zone: every time on the filter pages is shown and typed in it. */
  timeZone: string;
  /** A group's name from its id (the id itself for a group no longer in the settings). */
  groupName(id: string): string;
}

const FilterContext = createContext<FilterContextValue | null>(null);

/** The filter settings and the school's time zone; only inside the filter pages. */
export function useFilter(): FilterContextValue {
  const value = useContext(FilterContext);
  if (!value) throw new Error('useFilter() outside <FilterLayout>');
  return value;
}

/**
 * The frame of the filter pages: their own navigation, and the school's filter settings loaded
 * once for all of them. Without an approved policy there is no filter to show, and it says so.
 */
export function FilterLayout() {
  const schoolId = useSchoolId();
  const { grants } = useAccount();
  const allowed = can(grants, 'filter', 'read');
  const settings = useQuery({
    queryKey: filterKeys.settings(schoolId),
    queryFn: () => filterApi.settings(schoolId),
    enabled: allowed,
  });
  const view = settings.data;
  const value = useMemo<FilterContextValue | null>(() => {
    if (!view) return null;
    const names = new Map(view.settings.groups.map((g) => [g.id, g.name]));
    return {
      view,
      timeZone: view.settings.timetable.timeZone,
      groupName: (id) => names.get(id) ?? id,
    };
  }, [view]);

  if (!allowed) return <NoAccess title={t('web.filter.title')} />;

  let body: ReactNode;
  if (value) {
    body = (
      <FilterContext.Provider value={value}>
        <Outlet />
      </FilterContext.Provider>
    );
  } else if (isApiError(settings.error, 'filter.no-policy')) {
    body = (
      <Page title={t('web.filter.title')}>
        <Notice tone="info">
          <p>{t('web.filter.noPolicy')}</p>
        </Notice>
      </Page>
    );
  } else if (settings.isError) {
    body = (
      <Page title={t('web.filter.title')}>
        <ErrorMessage error={settings.error} retry={() => void settings.refetch()} />
      </Page>
    );
  } else {
    body = <Loading />;
  }

  return (
    <>
      <FilterNav grants={grants} />
      {body}
    </>
  );
}
