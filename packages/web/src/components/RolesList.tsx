import { t } from '../i18n.ts';
import type { RoleHolder, SchoolRole } from '../types.ts';

/** Kinds that stand for a whole group (all staff, pupils, parents), which no one person holds. */
const GROUP_KINDS = new Set([
  'governors',
  'all-staff',
  'pupils',
  'parents',
  'community-users',
  'external-groups',
]);

function names(people: RoleHolder[]): string {
  return people.map((p) => p.name).join(', ');
}

function isGroup(role: SchoolRole): boolean {
  return role.kinds.length > 0 && role.kinds.every((k) => GROUP_KINDS.has(k));
}

function Holders({ role }: { role: SchoolRole }) {
  if (role.holders.length > 0) return names(role.holders);
  if (isGroup(role)) return <span className="muted">{t('web.roles.group')}</span>;
  return <strong className="vacant">{t('web.roles.vacant')}</strong>;
}

/** The policy's roles with who holds them: "Vacant" stands out where nobody does. */
export function RolesList({ roles }: { roles: SchoolRole[] }) {
  if (roles.length === 0) return <p>{t('web.roles.none')}</p>;
  return (
    <ul className="card-list roles">
      {roles.map((role) => (
        <li key={role.id} className="card">
          <h3>{role.title}</h3>
          <dl className="facts facts-compact">
            <div>
              <dt>{t('web.roles.heldBy')}</dt>
              <dd>
                <Holders role={role} />
              </dd>
            </div>
            {isGroup(role) && role.deputies.length === 0 ? null : (
              <div>
                <dt>{t('web.roles.deputies')}</dt>
                <dd>{role.deputies.length > 0 ? names(role.deputies) : t('web.roles.noDeputies')}</dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}
