import { Link, useSearchParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useFilter } from '../../components/filter/FilterLayout.tsx';
import { GroupFacts, GroupRules } from '../../components/filter/GroupRules.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { useFilterGroups } from '../../filter/queries.ts';
import { t } from '../../i18n.ts';
import { paths } from '../../paths.ts';

/**
 * The filter groups, each with who is in it and its safe-search settings; and, for the group
 * chosen (kept in the address), its effective rule for every category and the clauses behind it.
 */
export function FilterGroups() {
  const schoolId = useSchoolId();
  const { groupName } = useFilter();
  const [params] = useSearchParams();
  const groups = useFilterGroups(schoolId);
  const title = t('web.filter.groups.title');

  if (!groups.data) {
    return (
      <Page title={title}>
        {groups.isError ? (
          <ErrorMessage error={groups.error} retry={() => void groups.refetch()} />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }

  const { groups: list, categories, defaultGroup, policyVersion, unenforceable } = groups.data;
  const chosen = list.find((g) => g.id === params.get('group')) ?? list[0];
  return (
    <Page title={title}>
      <p>
        {policyVersion === null
          ? t('web.filter.groups.introNoVersion')
          : t('web.filter.groups.intro', { version: policyVersion })}
      </p>

      <section aria-labelledby="groups-heading" className="panel">
        <h2 id="groups-heading">{t('web.filter.groups.groupsHeading')}</h2>
        <ul className="card-list">
          {list.map((g) => (
            <li key={g.id} className={g.id === chosen?.id ? 'card card-current' : 'card'}>
              <h3>{g.name}</h3>
              <GroupFacts group={g} />
              {g.id === defaultGroup ? <p className="muted">{t('web.filter.groups.default')}</p> : null}
              <p>
                <Link
                  to={`${paths.filterGroups}?group=${encodeURIComponent(g.id)}`}
                  aria-current={g.id === chosen?.id ? 'true' : undefined}
                  preventScrollReset
                >
                  {t('web.filter.groups.showRules')}
                  <span className="visually-hidden">
                    {' '}
                    {t('web.filter.groups.showRulesFor', { group: g.name })}
                  </span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      </section>

      {chosen ? (
        <section aria-labelledby="rules-heading" className="panel">
          <h2 id="rules-heading">{t('web.filter.groups.rulesHeading', { group: chosen.name })}</h2>
          <p>{t('web.filter.groups.howToRead')}</p>
          <GroupRules group={chosen} categories={categories} groupName={groupName} />
        </section>
      ) : null}

      {unenforceable.length > 0 ? (
        <section aria-labelledby="unenforceable-heading" className="panel">
          <h2 id="unenforceable-heading">{t('web.filter.groups.unenforceableHeading')}</h2>
          <p>{t('web.filter.groups.unenforceableIntro')}</p>
          <ul>
            {unenforceable.map((u) => (
              <li key={`${u.source}/${u.id}`}>{u.label}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
