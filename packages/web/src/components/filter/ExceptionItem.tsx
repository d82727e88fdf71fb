import { can } from '@haven/core/access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { filterApi, filterKeys } from '../../filter/endpoints.ts';
import { formatSchoolTime } from '../../filter/time.ts';
import type { FilterException } from '../../filter/types.ts';
import { exceptionStatusWord, scopeText, targetText, upperFirst } from '../../filter/words.ts';
import { t, tCount } from '../../i18n.ts';
import { useAccount } from '../../session.tsx';
import { errorText } from '../ErrorMessage.tsx';
import { Notice } from '../Notice.tsx';
import { TextAreaField } from '../TextAreaField.tsx';

interface ExceptionItemProps {
  schoolId: string;
  exception: FilterException;
  categories: Partial<Record<string, string>> | undefined;
  timeZone: string;
  groupName(id: string): string;
}

type Action = { kind: 'approve' | 'decline'; note: string | null } | { kind: 'withdraw' };

/** One exception or request: what, for whom, why, when; and what this account may do with it. */
export function ExceptionItem({
  schoolId,
  exception: e,
  categories,
  timeZone,
  groupName,
}: ExceptionItemProps) {
  const account = useAccount();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const own = e.requestedByAccountId === account.id;
  const approver = can(account.grants, 'filterExceptions', 'approve');
  const open = e.status === 'requested';
  const canDecide = open && approver && !own;
  const canWithdraw = (open || e.status === 'approved') && (own || approver);
  const when = (iso: string) => formatSchoolTime(iso, timeZone);
  const title = t('web.filter.exceptions.itemTitle', {
    target: upperFirst(targetText(e.target, categories)),
    scope: scopeText(e.scope, groupName),
  });

  const act = useMutation({
    mutationFn: (action: Action) =>
      action.kind === 'withdraw'
        ? filterApi.withdrawException(schoolId, e.id)
        : filterApi.decideException(schoolId, e.id, action.kind, action.note),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: filterKeys.all(schoolId) }),
  });

  const decide = (kind: 'approve' | 'decline') => (event?: FormEvent) => {
    event?.preventDefault();
    const text = note.trim();
    if (kind === 'decline' && text === '') {
      setNoteMissing(true);
      return;
    }
    setNoteMissing(false);
    act.mutate({ kind, note: text || null });
  };

  const withdraw = () => {
    if (window.confirm(t('web.filter.exceptions.confirmWithdraw', { what: title })))
      act.mutate({ kind: 'withdraw' });
  };

  const base = `exc-${e.id}`;
  return (
    <li className="card exception">
      <h3>
        <span className="break">{title}</span>{' '}
        <span className={`badge status-${e.status}`}>{exceptionStatusWord(e.status)}</span>
      </h3>
      <dl className="facts facts-compact">
        <div>
          <dt>{t('web.filter.exceptions.asked')}</dt>
          <dd>{t('web.filter.exceptions.byOn', { name: e.requestedBy, when: when(e.requestedAt) })}</dd>
        </div>
        <div>
          <dt>{t('web.filter.exceptions.reason')}</dt>
          <dd>{e.reason}</dd>
        </div>
        <div>
          <dt>{t('web.filter.exceptions.from')}</dt>
          <dd>{when(e.startsAt)}</dd>
        </div>
        <div>
          <dt>{t('web.filter.exceptions.until')}</dt>
          <dd>{when(e.endsAt)}</dd>
        </div>
        {e.decidedBy && e.decidedAt ? (
          <div>
            <dt>
              {e.status === 'withdrawn'
                ? t('web.filter.exceptions.withdrawnBy')
                : t('web.filter.exceptions.decided')}
            </dt>
            <dd>{t('web.filter.exceptions.byOn', { name: e.decidedBy, when: when(e.decidedAt) })}</dd>
          </div>
        ) : null}
        {e.decisionNote ? (
          <div>
            <dt>{t('web.filter.exceptions.note')}</dt>
            <dd>{e.decisionNote}</dd>
          </div>
        ) : null}
        {e.useCount > 0 ? (
          <div>
            <dt>{t('web.filter.exceptions.used')}</dt>
            <dd>
              {tCount(e.useCount, 'web.filter.exceptions.usesOne', 'web.filter.exceptions.usesOther', {
                first: e.firstUsedAt ? when(e.firstUsedAt) : '',
              })}
            </dd>
          </div>
        ) : null}
      </dl>

      {open && approver && own ? <p className="muted">{t('web.filter.exceptions.ownRequest')}</p> : null}
      {canDecide ? (
        <form className="form" noValidate onSubmit={decide('approve')}>
          <TextAreaField
            id={`${base}-note`}
            label={t('web.filter.exceptions.decisionNote')}
            hint={t('web.filter.exceptions.decisionNoteHint')}
            rows={2}
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
              setNoteMissing(false);
            }}
            error={noteMissing ? t('web.filter.exceptions.noteMissing') : undefined}
          />
          <div className="actions">
            <button type="submit" disabled={act.isPending}>
              {t('web.filter.exceptions.approve')}
              <span className="visually-hidden"> {title}</span>
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={act.isPending}
              onClick={() => decide('decline')()}
            >
              {t('web.filter.exceptions.decline')}
              <span className="visually-hidden"> {title}</span>
            </button>
          </div>
        </form>
      ) : null}
      {canWithdraw ? (
        <div className="actions">
          <button
            type="button"
            className="button-secondary button-small"
            disabled={act.isPending}
            onClick={withdraw}
          >
            {t('web.filter.exceptions.withdraw')}
            <span className="visually-hidden"> {title}</span>
          </button>
        </div>
      ) : null}
      {act.isError ? (
        <Notice tone="error" live="assertive">
          <p>{errorText(act.error)}</p>
        </Notice>
      ) : null}
    </li>
  );
}
