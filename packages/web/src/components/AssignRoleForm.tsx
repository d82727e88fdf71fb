import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, queryKeys } from '../endpoints.ts';
import { t } from '../i18n.ts';
import type { Person, SchoolRole } from '../types.ts';
import { errorText } from './ErrorMessage.tsx';
import { Notice } from './Notice.tsx';
import { SelectField } from './SelectField.tsx';

/** Give a person one of the policy's roles, as holder or deputy. */
export function AssignRoleForm({
  schoolId,
  person,
  roles,
}: {
  schoolId: string;
  person: Person;
  roles: SchoolRole[];
}) {
  const queryClient = useQueryClient();
  const [roleId, setRoleId] = useState('');
  const [deputy, setDeputy] = useState(false);
  const [missing, setMissing] = useState(false);
  const base = `assign-${person.id}`;

  const assign = useMutation({
    mutationFn: (choice: { policyRoleId: string; deputy: boolean }) =>
      api.assignRole(schoolId, { personId: person.id, ...choice }),
    onSuccess: async () => {
      setRoleId('');
      setDeputy(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.school(schoolId) });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(roleId === '');
    if (roleId !== '') assign.mutate({ policyRoleId: roleId, deputy });
  };

  const assigned = assign.variables;
  const assignedTitle = roles.find((r) => r.id === assigned?.policyRoleId)?.title ?? '';
  return (
    <details className="assign">
      <summary>
        {t('web.assign.open')}
        <span className="visually-hidden"> {t('web.assign.for', { name: person.displayName })}</span>
      </summary>
      <form onSubmit={submit} noValidate className="form">
        <SelectField
          id={`${base}-role`}
          label={t('web.assign.role')}
          value={roleId}
          onChange={(e) => {
            setRoleId(e.target.value);
            setMissing(false);
          }}
          options={[
            { value: '', label: t('web.assign.choose') },
            ...roles.map((r) => ({ value: r.id, label: r.title })),
          ]}
          error={missing ? t('web.assign.roleMissing') : undefined}
        />
        <div className="field checkbox">
          <input
            id={`${base}-deputy`}
            type="checkbox"
            checked={deputy}
            onChange={(e) => setDeputy(e.target.checked)}
          />
          <label htmlFor={`${base}-deputy`}>{t('web.assign.deputy')}</label>
        </div>
        {assign.isError ? (
          <Notice tone="error" live="assertive">
            <p>{errorText(assign.error)}</p>
          </Notice>
        ) : null}
        {assign.isSuccess ? (
          <Notice tone="success" live="polite">
            <p>
              {assigned?.deputy
                ? t('web.assign.doneDeputy', { name: person.displayName, role: assignedTitle })
                : t('web.assign.done', { name: person.displayName, role: assignedTitle })}
            </p>
          </Notice>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={assign.isPending}>
            {t('web.assign.submit')}
          </button>
        </div>
      </form>
    </details>
  );
}
