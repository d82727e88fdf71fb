import { can } from '@haven/core/access';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { AddPersonForm } from '../components/AddPersonForm.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { Pagination } from '../components/Pagination.tsx';
import { PeopleList } from '../components/PeopleList.tsx';
import { type PeopleFilter, PeopleSearch } from '../components/PeopleSearch.tsx';
import { useSchoolId } from '../components/RequireSchool.tsx';
import { api, queryKeys } from '../endpoints.ts';
import { t, tCount } from '../i18n.ts';
import { paths } from '../paths.ts';
import { useAccount } from '../session.tsx';

const PAGE_SIZE = 25;

/** The school's directory: search and filter (kept in the address), add people, assign roles. */
export function People() {
  const schoolId = useSchoolId();
  const { grants } = useAccount();
  const [params, setParams] = useSearchParams();
  const filter: PeopleFilter = { q: params.get('q') ?? '', kind: params.get('kind') ?? '' };
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);
  const query = { q: filter.q, kind: filter.kind, offset, limit: PAGE_SIZE };

  const people = useQuery({
    queryKey: queryKeys.people(schoolId, query),
    queryFn: () => api.people(schoolId, query),
    placeholderData: (previous) => previous,
  });
  const canAssign = can(grants, 'roleAssignments', 'write');
  const overview = useQuery({
    queryKey: queryKeys.overview(schoolId),
    queryFn: () => api.overview(schoolId),
    enabled: canAssign,
  });

  const go = (next: PeopleFilter, nextOffset = 0) => {
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.kind) search.set('kind', next.kind);
    if (nextOffset > 0) search.set('offset', String(nextOffset));
    setParams(search);
  };

  return (
    <Page title={t('web.people.title')}>
      <PeopleSearch key={`${filter.q}|${filter.kind}`} value={filter} onSearch={(f) => go(f)} />

      <section aria-labelledby="results-heading" className="panel">
        <h2 id="results-heading">{t('web.people.results')}</h2>
        <p role="status" className="muted">
          {people.data ? tCount(people.data.total, 'web.people.foundOne', 'web.people.foundOther') : ''}
        </p>
        {people.data ? (
          <>
            <PeopleList
              schoolId={schoolId}
              people={people.data.people}
              assignableRoles={canAssign ? (overview.data?.roles ?? []) : null}
            />
            <Pagination
              offset={offset}
              limit={PAGE_SIZE}
              total={people.data.total}
              onChange={(o) => go(filter, o)}
            />
          </>
        ) : people.isError ? (
          <ErrorMessage error={people.error} retry={() => void people.refetch()} />
        ) : (
          <Loading />
        )}
      </section>

      {can(grants, 'people', 'write') ? (
        <section aria-labelledby="add-heading" className="panel">
          <h2 id="add-heading">{t('web.addPerson.heading')}</h2>
          <AddPersonForm schoolId={schoolId} />
        </section>
      ) : null}
      {can(grants, 'people', 'import') ? (
        <p>
          <Link to={paths.directoryImport}>{t('web.people.importLink')}</Link>
        </p>
      ) : null}
    </Page>
  );
}
