import { can } from '@haven/core/access';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ExceptionForm } from '../../components/filter/ExceptionForm.tsx';
import { ExceptionItem } from '../../components/filter/ExceptionItem.tsx';
import { useFilter } from '../../components/filter/FilterLayout.tsx';
import { KeysetPager } from '../../components/KeysetPager.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { filterApi, filterKeys } from '../../filter/endpoints.ts';
import { useFilterGroups } from '../../filter/queries.ts';
import { EXCEPTION_STATUSES, type ExceptionStatus } from '../../filter/types.ts';
import { exceptionStatusWord } from '../../filter/words.ts';
import { useKeysetPages } from '../../hooks/useKeysetPages.ts';
import { t } from '../../i18n.ts';
import { useAccount } from '../../session.tsx';

const PAGE_SIZE = 20;

function isStatus(value: string): value is ExceptionStatus {
  return (EXCEPTION_STATUSES as readonly string[]).includes(value);
}

/** Exceptions asked for, approved, declined, withdrawn and expired; and the form to ask for one. */
export function FilterExceptions() {
  const schoolId = useSchoolId();
  const { grants } = useAccount();
  const { view, timeZone, groupName } = useFilter();
  const [params] = useSearchParams();
  const [status, setStatus] = useState<ExceptionStatus | ''>('');
  const pages = useKeysetPages<string>();
  const groups = useFilterGroups(schoolId);
  const query = {
    ...(status ? { status } : {}),
    ...(pages.cursor ? { before: pages.cursor } : {}),
    limit: PAGE_SIZE,
  };
  const list = useQuery({
    queryKey: filterKeys.exceptions(schoolId, query),
    queryFn: () => filterApi.exceptions(schoolId, query),
    placeholderData: (previous) => previous,
  });
  const items = list.data?.exceptions ?? [];
  const next = items.length === PAGE_SIZE ? (items.at(-1)?.requestedAt ?? null) : null;
  const categories = groups.data?.categories;

  return (
    <Page title={t('web.filter.exceptions.title')}>
      <p>{t('web.filter.exceptions.intro')}</p>

      {can(grants, 'filterExceptions', 'request') ? (
        <section aria-labelledby="exception-request-heading" className="panel">
          <h2 id="exception-request-heading">{t('web.filter.exceptions.requestHeading')}</h2>
          <ExceptionForm
            schoolId={schoolId}
            groups={view.settings.groups}
            categories={categories}
            timeZone={timeZone}
            maxDays={view.settings.exceptionMaxDays}
            prefill={{ host: params.get('host') ?? undefined, group: params.get('group') ?? undefined }}
          />
        </section>
      ) : null}

      <section aria-labelledby="exception-list-heading" className="panel">
        <h2 id="exception-list-heading">{t('web.filter.exceptions.listHeading')}</h2>
        <div className="form">
          <SelectField
            id="exc-status"
            label={t('web.filter.exceptions.show')}
            value={status}
            onChange={(e) => {
              setStatus(isStatus(e.target.value) ? e.target.value : '');
              pages.newest();
            }}
            options={[
              { value: '', label: t('web.filter.exceptions.showAll') },
              ...EXCEPTION_STATUSES.map((s) => ({ value: s, label: exceptionStatusWord(s) })),
            ]}
          />
        </div>
        {list.data ? (
          items.length === 0 ? (
            <p>{t('web.filter.exceptions.none')}</p>
          ) : (
            <ul className="card-list card-list-wide">
              {items.map((e) => (
                <ExceptionItem
                  key={e.id}
                  schoolId={schoolId}
                  exception={e}
                  categories={categories}
                  timeZone={timeZone}
                  groupName={groupName}
                />
              ))}
            </ul>
          )
        ) : list.isError ? (
          <ErrorMessage error={list.error} retry={() => void list.refetch()} />
        ) : (
          <Loading />
        )}
        <KeysetPager pages={pages} next={next} busy={list.isFetching} />
      </section>
    </Page>
  );
}
