import { type FormEvent, useState } from 'react';
import { t } from '../i18n.ts';
import { kindOptions } from '../people.ts';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

export interface PeopleFilter {
  q: string;
  kind: string;
}

/** Search by name or email, narrowed to one kind of person; applied on submit. */
export function PeopleSearch({
  value,
  onSearch,
}: {
  value: PeopleFilter;
  onSearch: (f: PeopleFilter) => void;
}) {
  const [q, setQ] = useState(value.q);
  const [kind, setKind] = useState(value.kind);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ q: q.trim(), kind });
  };

  return (
    <search aria-label={t('web.people.searchLabel')}>
      <form onSubmit={submit} className="form form-inline">
        <TextField
          id="people-q"
          label={t('web.people.search')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          id="people-kind"
          label={t('web.people.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          options={[{ value: '', label: t('web.people.allKinds') }, ...kindOptions]}
        />
        <div className="actions">
          <button type="submit">{t('web.people.searchSubmit')}</button>
        </div>
      </form>
    </search>
  );
}
