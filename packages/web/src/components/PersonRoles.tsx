import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../endpoints.ts';
import { t } from '../i18n.ts';
import type { Person, PersonRole } from '../types.ts';
import { errorText } from './ErrorMessage.tsx';
import { Notice } from './Notice.tsx';

/** The policy roles a person holds, each removable by those who may change assignments. */
export function PersonRoles({
  schoolId,
  person,
  canChange,
}: {
  schoolId: string;
  person: Person;
  canChange: boolean;
}) {
  const queryClient = useQueryClient();
  const unassign = useMutation({
    mutationFn: (assignmentId: string) => api.unassignRole(schoolId, assignmentId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.school(schoolId) }),
  });

  const remove = (role: PersonRole, assignmentId: string) => {
    const question = t('web.personRoles.confirmRemove', { role: role.title, name: person.displayName });
    if (window.confirm(question)) unassign.mutate(assignmentId);
  };

  if (person.roles.length === 0) return <p className="muted">{t('web.personRoles.none')}</p>;
  return (
    <>
      <ul className="role-tags">
        {person.roles.map((role) => {
          const assignmentId = role.assignmentId ?? role.id;
          return (
            <li key={assignmentId ?? `${role.policyRoleId}-${role.deputy}`}>
              <span>{role.deputy ? t('web.personRoles.deputyOf', { role: role.title }) : role.title}</span>
              {canChange && assignmentId !== undefined ? (
                <button
                  type="button"
                  className="button-small button-secondary"
                  disabled={unassign.isPending}
                  onClick={() => remove(role, assignmentId)}
                >
                  {t('web.personRoles.remove')}
                  <span className="visually-hidden">
                    {' '}
                    {t('web.personRoles.removeWhat', { role: role.title, name: person.displayName })}
                  </span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {unassign.isError ? (
        <Notice tone="error" live="assertive">
          <p>{errorText(unassign.error)}</p>
        </Notice>
      ) : null}
    </>
  );
}
