import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { filterApi, filterKeys } from '../../filter/endpoints.ts';
import { formatSchoolTime } from '../../filter/time.ts';
import type { ReviewRequest } from '../../filter/types.ts';
import { reviewStatusWord } from '../../filter/words.ts';
import { t } from '../../i18n.ts';
import { errorText } from '../ErrorMessage.tsx';
import { Notice } from '../Notice.tsx';
import { TextAreaField } from '../TextAreaField.tsx';

interface ReviewItemProps {
  schoolId: string;
  review: ReviewRequest;
  canHandle: boolean;
  timeZone: string;
  groupName(id: string): string;
}

/** One request to look again at a block, and (for the network manager) closing it with a note. */
export function ReviewItem({ schoolId, review: r, canHandle, timeZone, groupName }: ReviewItemProps) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const handle = useMutation({
    mutationFn: (status: 'done' | 'rejected') =>
      filterApi.handleReview(schoolId, r.id, status, note.trim() || null),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: filterKeys.all(schoolId) }),
  });
  const site = r.url ?? r.host;
  const base = `review-${r.id}`;

  return (
    <li className="card review">
      <h3>
        <span className="break">{site}</span>{' '}
        <span className={`badge status-${r.status}`}>{reviewStatusWord(r.status)}</span>
      </h3>
      <dl className="facts facts-compact">
        <div>
          <dt>{t('web.filter.reviews.when')}</dt>
          <dd>{formatSchoolTime(r.at, timeZone)}</dd>
        </div>
        {r.group ? (
          <div>
            <dt>{t('web.filter.reviews.group')}</dt>
            <dd>{groupName(r.group)}</dd>
          </div>
        ) : null}
        {r.user || r.client ? (
          <div>
            <dt>{t('web.filter.reviews.who')}</dt>
            <dd className="break">{r.user ?? r.client}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('web.filter.reviews.reference')}</dt>
          <dd className="break">{r.reference}</dd>
        </div>
        {r.comment ? (
          <div>
            <dt>{t('web.filter.reviews.comment')}</dt>
            <dd>{r.comment}</dd>
          </div>
        ) : null}
        {r.handledBy && r.handledAt ? (
          <div>
            <dt>{t('web.filter.reviews.handled')}</dt>
            <dd>
              {t('web.filter.reviews.byOn', {
                name: r.handledBy,
                when: formatSchoolTime(r.handledAt, timeZone),
              })}
            </dd>
          </div>
        ) : null}
        {r.note ? (
          <div>
            <dt>{t('web.filter.reviews.note')}</dt>
            <dd>{r.note}</dd>
          </div>
        ) : null}
      </dl>
      {canHandle && r.status === 'open' ? (
        <div className="form">
          <TextAreaField
            id={`${base}-note`}
            label={t('web.filter.reviews.note')}
            hint={t('web.filter.reviews.noteHint')}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="actions">
            <button type="button" disabled={handle.isPending} onClick={() => handle.mutate('done')}>
              {t('web.filter.reviews.markDone')}
              <span className="visually-hidden"> {site}</span>
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={handle.isPending}
              onClick={() => handle.mutate('rejected')}
            >
              {t('web.filter.reviews.reject')}
              <span className="visually-hidden"> {site}</span>
            </button>
          </div>
        </div>
      ) : null}
      {handle.isError ? (
        <Notice tone="error" live="assertive">
          <p>{errorText(handle.error)}</p>
        </Notice>
      ) : null}
    </li>
  );
}
