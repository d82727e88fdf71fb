import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, queryKeys } from '../endpoints.ts';
import { type FormFields, problemFor, problemsFrom } from '../form-errors.ts';
import { t } from '../i18n.ts';
import { kindLabel, kindOptions } from '../people.ts';
import type { NewPerson, PersonKind } from '../types.ts';
import { ErrorSummary, type FormProblem } from './ErrorSummary.tsx';
import { Notice } from './Notice.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const EMPTY = {
  kind: 'pupil' as PersonKind,
  givenName: '',
  familyName: '',
  email: '',
  yearGroup: '',
  className: '',
};
type Draft = typeof EMPTY;

const fields: FormFields = {
  kind: { id: 'person-kind', label: t('web.addPerson.kind') },
  givenName: { id: 'person-given', label: t('web.addPerson.givenName') },
  familyName: { id: 'person-family', label: t('web.addPerson.familyName') },
  email: { id: 'person-email', label: t('web.addPerson.email') },
  yearGroup: { id: 'person-year', label: t('web.addPerson.yearGroup') },
  className: { id: 'person-class', label: t('web.addPerson.className') },
};

function check(draft: Draft): FormProblem[] {
  const problems: FormProblem[] = [];
  const need = (
    name: 'givenName' | 'familyName',
    key: 'web.addPerson.givenNameMissing' | 'web.addPerson.familyNameMissing',
  ) => {
    if (draft[name].trim() === '') problems.push({ field: fields[name]?.id, message: t(key) });
  };
  need('givenName', 'web.addPerson.givenNameMissing');
  need('familyName', 'web.addPerson.familyNameMissing');
  if (draft.kind === 'pupil' && draft.yearGroup.trim() === '') {
    problems.push({ field: fields.yearGroup?.id, message: t('web.addPerson.yearGroupMissing') });
  }
  const email = draft.email.trim();
  if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    problems.push({ field: fields.email?.id, message: t('web.addPerson.emailInvalid') });
  }
  return problems;
}

function toNewPerson(draft: Draft): NewPerson {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const person: NewPerson = {
    kind: draft.kind,
    givenName: draft.givenName.trim(),
    familyName: draft.familyName.trim(),
  };
  const email = optional(draft.email);
  if (email) person.email = email;
  if (draft.kind === 'pupil') {
    const yearGroup = optional(draft.yearGroup);
    const className = optional(draft.className);
    if (yearGroup) person.yearGroup = yearGroup;
    if (className) person.className = className;
  }
  return person;
}

/** Add a pupil, member of staff, parent or governor to the directory. */
export function AddPersonForm({ schoolId }: { schoolId: string }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problems, setProblems] = useState<FormProblem[]>([]);

  const add = useMutation({
    mutationFn: (person: NewPerson) => api.addPerson(schoolId, person),
    onSuccess: async () => {
      setDraft((d) => ({ ...EMPTY, kind: d.kind }));
      await queryClient.invalidateQueries({ queryKey: queryKeys.school(schoolId) });
    },
    onError: (error) => setProblems(problemsFrom(error, fields)),
  });

  const set = (name: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [name]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check(draft);
    setProblems(found);
    if (found.length === 0) add.mutate(toNewPerson(draft));
    else add.reset();
  };

  const error = (name: string) => problemFor(problems, fields[name]?.id ?? '');
  const added = add.isSuccess ? add.data : null;
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary problems={problems} />
      {added ? (
        <Notice tone="success" live="polite">
          <p>{t('web.addPerson.done', { name: added.displayName, kind: kindLabel(added.kind) })}</p>
        </Notice>
      ) : null}
      <SelectField
        id="person-kind"
        label={t('web.addPerson.kind')}
        value={draft.kind}
        onChange={set('kind')}
        options={kindOptions}
        error={error('kind')}
      />
      <TextField
        id="person-given"
        label={t('web.addPerson.givenName')}
        autoComplete="off"
        value={draft.givenName}
        onChange={set('givenName')}
        error={error('givenName')}
      />
      <TextField
        id="person-family"
        label={t('web.addPerson.familyName')}
        autoComplete="off"
        value={draft.familyName}
        onChange={set('familyName')}
        error={error('familyName')}
      />
      <TextField
        id="person-email"
        label={t('web.addPerson.email')}
        hint={t('web.addPerson.emailHint')}
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={draft.email}
        onChange={set('email')}
        error={error('email')}
      />
      {draft.kind === 'pupil' ? (
        <>
          <TextField
            id="person-year"
            label={t('web.addPerson.yearGroup')}
            hint={t('web.addPerson.yearGroupHint')}
            value={draft.yearGroup}
            onChange={set('yearGroup')}
            error={error('yearGroup')}
          />
          <TextField
            id="person-class"
            label={t('web.addPerson.className')}
            hint={t('web.addPerson.optional')}
            value={draft.className}
            onChange={set('className')}
            error={error('className')}
          />
        </>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={add.isPending}>
          {add.isPending ? t('web.addPerson.submitting') : t('web.addPerson.submit')}
        </button>
      </div>
    </form>
  );
}
