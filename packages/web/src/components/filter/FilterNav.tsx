import { can } from '@haven/core/access';
import { NavLink } from 'react-router-dom';
import { t } from '../../i18n.ts';
import { paths } from '../../paths.ts';

/** The filter pages this account may use (the server refuses the others anyway). */
export function filterLinks(grants: readonly string[]): { to: string; label: string }[] {
  const links = [
    { to: paths.filterGroups, label: t('web.filter.nav.groups'), show: can(grants, 'filter', 'read') },
    { to: paths.filterCheck, label: t('web.filter.nav.check'), show: can(grants, 'filter', 'read') },
    {
      to: paths.filterTimetable,
      label: t('web.filter.nav.timetable'),
      show: can(grants, 'filter', 'read'),
    },
    {
      to: paths.filterExceptions,
      label: t('web.filter.nav.exceptions'),
      show: can(grants, 'filterExceptions', 'read'),
    },
    {
      to: paths.filterChangeLog,
      label: t('web.filter.nav.changeLog'),
      show: can(grants, 'filterChangeLog', 'read'),
    },
    {
      to: paths.filterDecisions,
      label: t('web.filter.nav.decisions'),
      show: can(grants, 'filterDecisions', 'read'),
    },
    {
      to: paths.filterReviews,
      label: t('web.filter.nav.reviews'),
      show: can(grants, 'filterReviews', 'read'),
    },
    { to: paths.filterTests, label: t('web.filter.nav.tests'), show: can(grants, 'filterTests', 'read') },
    {
      to: paths.filterIllegalHits,
      label: t('web.filter.nav.illegalHits'),
      show: can(grants, 'filterIllegalHits', 'read'),
    },
  ];
  return links.filter((l) => l.show).map(({ to, label }) => ({ to, label }));
}

export function FilterNav({ grants }: { grants: readonly string[] }) {
  return (
    <nav className="subnav" aria-label={t('web.filter.nav.label')}>
      <ul>
        {filterLinks(grants).map((l) => (
          <li key={l.to}>
            <NavLink to={l.to}>{l.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
