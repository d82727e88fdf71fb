import { t } from '../i18n.ts';
import { kindLabel } from '../people.ts';
import type { Person, SchoolRole } from '../types.ts';
import { AssignRoleForm } from './AssignRoleForm.tsx';
import { PersonRoles } from './PersonRoles.tsx';

interface PeopleListProps {
  schoolId: string;
  people: Person[];
  /** The policy's roles, where the user may assign them; null where they may not. */
  assignableRoles: SchoolRole[] | null;
}

/** Each person as a card: name, kind, class, email, roles, and role assignment where allowed. */
export function PeopleList({ schoolId, people, assignableRoles }: PeopleListProps) {
  if (people.length === 0) return <p>{t('web.people.noneFound')}</p>;
  return (
    <ul className="card-list people">
      {people.map((person) => (
        <li key={person.id} className="card">
          <h3>{person.displayName}</h3>
          <dl className="facts facts-compact">
            <div>
              <dt>{t('web.people.kind')}</dt>
              <dd>{kindLabel(person.kind)}</dd>
            </div>
            {person.yearGroup || person.className ? (
              <div>
                <dt>{t('web.people.class')}</dt>
                <dd>{[person.yearGroup, person.className].filter(Boolean).join(', ')}</dd>
              </div>
            ) : null}
            {person.email ? (
              <div>
                <dt>{t('web.people.email')}</dt>
                <dd className="break">{person.email}</dd>
              </div>
            ) : null}
          </dl>
          <h4>{t('web.personRoles.heading')}</h4>
          <PersonRoles schoolId={schoolId} person={person} canChange={assignableRoles !== null} />
          {assignableRoles && assignableRoles.length > 0 ? (
            <AssignRoleForm schoolId={schoolId} person={person} roles={assignableRoles} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
