import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api.ts';
import { filterApi, filterKeys } from '../../filter/endpoints.ts';
import { apiProblems, type FieldRef, messageFor } from '../../filter/field-errors.ts';
import { addMinutesLocal, fromLocalInput, nowLocalInput } from '../../filter/time.ts';
import type {
  CategoryId,
  ExceptionRequest,
  ExceptionScope,
  ExceptionTarget,
  FilterGroup,
} from '../../filter/types.ts';
import { categoryName, parseUsernames } from '../../filter/words.ts';
import { t, tCount } from '../../i18n.ts';
import { ErrorSummary, type FormProblem } from '../ErrorSummary.tsx';
import { Notice } from '../Notice.tsx';
import { RadioField } from '../RadioField.tsx';
import { SelectField } from '../SelectField.tsx';
import { TextAreaField } from '../TextAreaField.tsx';
import { TextField } from '../TextField.tsx';

type TargetKind = ExceptionTarget['kind'];
type ScopeKind = ExceptionScope['kind'];

const FIELDS: Record<string, FieldRef> = {
  target: { id: 'exc-target-host', label: t('web.filter.exceptions.target') },
  'target.host': { id: 'exc-host', label: t('web.filter.exceptions.host') },
  'target.category': { id: 'exc-category', label: t('web.filter.exceptions.category') },
  scope: { id: 'exc-scope-group', label: t('web.filter.exceptions.scope') },
  'scope.group': { id: 'exc-group', label: t('web.filter.exceptions.group') },
  'scope.user': { id: 'exc-user', label: t('web.filter.exceptions.user') },
  'scope.name': { id: 'exc-class-name', label: t('web.filter.exceptions.className') },
  'scope.users': { id: 'exc-class-users', label: t('web.filter.exceptions.classUsers') },
  reason: { id: 'exc-reason', label: t('web.filter.exceptions.reason') },
  startsAt: { id: 'exc-starts', label: t('web.filter.exceptions.startsAt') },
  endsAt: { id: 'exc-ends', label: t('web.filter.exceptions.endsAt') },
};
const id = (name: string) => FIELDS[name]?.id ?? name;

export interface ExceptionPrefill {
  host?: string | undefined;
  group?: string | undefined;
}

interface ExceptionFormProps {
  schoolId: string;
  groups: readonly FilterGroup[];
  categories: Partial<Record<string, string>> | undefined;
  timeZone: string;
  maxDays: number;
  prefill: ExceptionPrefill;
}

interface Draft {
  targetKind: TargetKind;
  host: string;
  category: string;
  scopeKind: ScopeKind;
  group: string;
  user: string;
  className: string;
  classUsers: string;
  reason: string;
  startsAt: string;
  endsAt: string;
}

function initialDraft(groups: readonly FilterGroup[], timeZone: string, prefill: ExceptionPrefill): Draft {
  const start = nowLocalInput(timeZone);
  const group = groups.some((g) => g.id === prefill.group) ? prefill.group! : (groups[0]?.id ?? '');
  return {
    targetKind: 'host',
    host: prefill.host ?? '',
    category: '',
    scopeKind: 'group',
    group,
    user: '',
    className: '',
    classUsers: '',
    reason: '',
    startsAt: start,
    endsAt: addMinutesLocal(timeZone, start, 60),
  };
}

/** Checks what can be checked here, and builds the request; the server checks it all again. */
function build(draft: Draft, timeZone: string): { problems: FormProblem[]; request?: ExceptionRequest } {
  const problems: FormProblem[] = [];
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) problems.push({ field: id(field), label: FIELDS[field]?.label, message });
  };
  if (draft.targetKind === 'host')
    need(draft.host.trim() !== '', 'target.host', t('web.filter.exceptions.hostMissing'));
  else need(draft.category !== '', 'target.category', t('web.filter.exceptions.categoryMissing'));
  const users = parseUsernames(draft.classUsers);
  if (draft.scopeKind === 'group')
    need(draft.group !== '', 'scope.group', t('web.filter.exceptions.groupMissing'));
  if (draft.scopeKind === 'user')
    need(draft.user.trim() !== '', 'scope.user', t('web.filter.exceptions.userMissing'));
  if (draft.scopeKind === 'class') {
    need(draft.className.trim() !== '', 'scope.name', t('web.filter.exceptions.classNameMissing'));
    need(users.length > 0, 'scope.users', t('web.filter.exceptions.classUsersMissing'));
  }
  need(draft.reason.trim() !== '', 'reason', t('web.filter.exceptions.reasonMissing'));
  const startsAt = fromLocalInput(timeZone, draft.startsAt);
  const endsAt = fromLocalInput(timeZone, draft.endsAt);
  need(startsAt !== null, 'startsAt', t('web.filter.timeMissing'));
  need(endsAt !== null, 'endsAt', t('web.filter.timeMissing'));
  if (startsAt && endsAt && endsAt <= startsAt)
    need(false, 'endsAt', t('web.filter.exceptions.endBeforeStart'));
  if (problems.length > 0 || !startsAt || !endsAt) return { problems };

  const target: ExceptionTarget =
    draft.targetKind === 'host'
      ? { kind: 'host', host: draft.host.trim() }
      : { kind: 'category', category: draft.category as CategoryId };
  const scope: ExceptionScope =
    draft.scopeKind === 'group'
      ? { kind: 'group', group: draft.group }
      : draft.scopeKind === 'user'
        ? { kind: 'user', user: draft.user.trim() }
        : { kind: 'class', name: draft.className.trim(), users };
  return {
    problems,
    request: {
      target,
      scope,
      reason: draft.reason.trim(),
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
    },
  };
}

/** Ask for a time-limited exception: what, for whom, why, from when until when. */
export function ExceptionForm({
  schoolId,
  groups,
  categories,
  timeZone,
  maxDays,
  prefill,
}: ExceptionFormProps) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(groups, timeZone, prefill));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);

  const send = useMutation({
    mutationFn: (request: ExceptionRequest) => filterApi.requestException(schoolId, request),
    onSuccess: async () => {
      setDraft(initialDraft(groups, timeZone, {}));
      await queryClient.invalidateQueries({ queryKey: filterKeys.all(schoolId) });
    },
    onError: (error) => {
      if (isApiError(error, 'illegal-not-overridable')) {
        setRefusal(error.message);
        setProblems([]);
      } else {
        setProblems(apiProblems(error, (p) => FIELDS[p]));
      }
    },
  });

  const set =
    <K extends keyof Draft>(name: K) =>
    (value: Draft[K]) => {
      setDraft((d) => ({ ...d, [name]: value }));
      setRefusal(null);
      send.reset();
    };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = build(draft, timeZone);
    setProblems(built.problems);
    setRefusal(null);
    if (built.request) send.mutate(built.request);
    else send.reset();
  };

  const error = (name: string) => messageFor(problems, id(name));
  const categoryIds = Object.keys(categories ?? {});
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary problems={problems} />
      {refusal ? (
        <Notice tone="error" title={t('web.filter.exceptions.illegalTitle')} live="assertive">
          <p>{refusal}</p>
        </Notice>
      ) : null}
      {send.isSuccess ? (
        <Notice tone="success" live="polite">
          <p>{t('web.filter.exceptions.requested')}</p>
        </Notice>
      ) : null}

      <RadioField
        name="exc-target"
        legend={t('web.filter.exceptions.target')}
        value={draft.targetKind}
        onChange={set('targetKind')}
        options={[
          { value: 'host', label: t('web.filter.exceptions.targetHost') },
          { value: 'category', label: t('web.filter.exceptions.targetCategoryChoice') },
        ]}
      />
      {draft.targetKind === 'host' ? (
        <TextField
          id={id('target.host')}
          label={t('web.filter.exceptions.host')}
          hint={t('web.filter.exceptions.hostHint')}
          inputMode="url"
          autoCapitalize="none"
          spellCheck={false}
          value={draft.host}
          onChange={(e) => set('host')(e.target.value)}
          error={error('target.host')}
        />
      ) : (
        <SelectField
          id={id('target.category')}
          label={t('web.filter.exceptions.category')}
          value={draft.category}
          onChange={(e) => set('category')(e.target.value)}
          options={[
            { value: '', label: t('web.filter.exceptions.categoryChoose') },
            ...categoryIds.map((c) => ({ value: c, label: categoryName(categories, c) })),
          ]}
          error={error('target.category')}
        />
      )}

      <RadioField
        name="exc-scope"
        legend={t('web.filter.exceptions.scope')}
        value={draft.scopeKind}
        onChange={set('scopeKind')}
        options={[
          { value: 'group', label: t('web.filter.exceptions.scopeGroupChoice') },
          { value: 'user', label: t('web.filter.exceptions.scopeUserChoice') },
          { value: 'class', label: t('web.filter.exceptions.scopeClassChoice') },
        ]}
      />
      {draft.scopeKind === 'group' ? (
        <SelectField
          id={id('scope.group')}
          label={t('web.filter.exceptions.group')}
          value={draft.group}
          onChange={(e) => set('group')(e.target.value)}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
          error={error('scope.group')}
        />
      ) : null}
      {draft.scopeKind === 'user' ? (
        <TextField
          id={id('scope.user')}
          label={t('web.filter.exceptions.user')}
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          value={draft.user}
          onChange={(e) => set('user')(e.target.value)}
          error={error('scope.user')}
        />
      ) : null}
      {draft.scopeKind === 'class' ? (
        <>
          <TextField
            id={id('scope.name')}
            label={t('web.filter.exceptions.className')}
            value={draft.className}
            onChange={(e) => set('className')(e.target.value)}
            error={error('scope.name')}
          />
          <TextAreaField
            id={id('scope.users')}
            label={t('web.filter.exceptions.classUsers')}
            hint={t('web.filter.exceptions.classUsersHint')}
            autoCapitalize="none"
            spellCheck={false}
            rows={5}
            value={draft.classUsers}
            onChange={(e) => set('classUsers')(e.target.value)}
            error={error('scope.users')}
          />
        </>
      ) : null}

      <TextAreaField
        id={id('reason')}
        label={t('web.filter.exceptions.reason')}
        hint={t('web.filter.exceptions.reasonHint')}
        value={draft.reason}
        onChange={(e) => set('reason')(e.target.value)}
        error={error('reason')}
      />
      <TextField
        id={id('startsAt')}
        type="datetime-local"
        label={t('web.filter.exceptions.startsAt')}
        hint={t('web.filter.schoolTime', { timeZone })}
        value={draft.startsAt}
        onChange={(e) => set('startsAt')(e.target.value)}
        error={error('startsAt')}
      />
      <TextField
        id={id('endsAt')}
        type="datetime-local"
        label={t('web.filter.exceptions.endsAt')}
        hint={tCount(maxDays, 'web.filter.exceptions.endsHintOne', 'web.filter.exceptions.endsHintOther')}
        value={draft.endsAt}
        onChange={(e) => set('endsAt')(e.target.value)}
        error={error('endsAt')}
      />
      <div className="actions">
        <button type="submit" disabled={send.isPending}>
          {send.isPending ? t('web.filter.exceptions.submitting') : t('web.filter.exceptions.submit')}
        </button>
      </div>
    </form>
  );
}
