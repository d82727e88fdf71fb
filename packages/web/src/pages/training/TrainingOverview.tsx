import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ErrorSummary, type FormProblem } from '../../components/ErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { problemFor, problemsFrom } from '../../form-errors.ts';
import { t } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { type TrainingOverview as Overview, trainingApi, trainingKeys } from '../../training/endpoints.ts';
import {
  emptyRecord,
  RecordFields,
  type RecordForm,
  recordBody,
  recordFieldNames,
  statusText,
} from './MyTraining.tsx';

type Show = 'overdue' | 'due-soon' | 'both';

/** The online safety lead's view: who is due and overdue, by post and course, and recording for someone. */
export function TrainingOverview() {
  const schoolId = useSchoolId();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: trainingKeys.people(schoolId),
    queryFn: () => trainingApi.people(schoolId),
  });
  const [show, setShow] = useState<Show>('overdue');
  const [post, setPost] = useState('');
  const [personId, setPersonId] = useState('');
  const [form, setForm] = useState<RecordForm | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const record = useMutation({
    mutationFn: async (v: RecordForm) => trainingApi.record(schoolId, { personId, ...(await recordBody(v)) }),
    onSuccess: () => {
      setProblems([]);
      setForm(null);
      void queryClient.invalidateQueries({ queryKey: trainingKeys.all(schoolId) });
    },
    onError: (e) => setProblems(problemsFrom(e, recordFieldNames('for'))),
  });
  const title = t('web.training.leadTitle');
  if (list.isError)
    return (
      <Page title={title}>
        <ErrorMessage error={list.error} retry={() => void list.refetch()} />
      </Page>
    );
  if (!list.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  const data: Overview = list.data;
  const courseTitle = (id: string) => data.courses.find((c) => c.id === id)?.title ?? id;
  const posts = [...new Map(data.people.flatMap((p) => p.posts).map((p) => [p.id, p.title])).entries()].map(
    ([value, label]) => ({ value, label }),
  );
  const wanted = (state: string) =>
    show === 'both' ? state === 'overdue' || state === 'due-soon' : state === show;
  const rows = data.people
    .filter(
      (p) => !post || (post === 'governor' ? p.kind === 'governor' : p.posts.some((r) => r.id === post)),
    )
    .flatMap((p) =>
      p.status
        .filter((s) => wanted(s.state))
        .map((s) => ({ key: `${p.personId}-${s.courseId}`, person: p, status: s })),
    );
  const value = form ?? emptyRecord(data.today);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(value);
  };
  return (
    <Page title={title}>
      <p>{t('web.training.leadIntro')}</p>
      <p>
        <Link to={paths.trainingAudits}>{t('web.training.auditsTitle')}</Link>
      </p>
      <DataTable
        caption={t('web.training.countsCaption')}
        columns={[
          { key: 'course', header: t('web.training.course'), cell: (r) => r.title, rowHeader: true },
          { key: 'required', header: t('web.training.required'), cell: (r) => r.required },
          { key: 'done', header: t('web.training.state.done'), cell: (r) => r.done },
          { key: 'soon', header: t('web.training.state.due-soon'), cell: (r) => r.dueSoon },
          { key: 'overdue', header: t('web.training.state.overdue'), cell: (r) => r.overdue },
        ]}
        rows={data.counts}
        rowKey={(r) => r.courseId}
        empty={t('web.training.none')}
      />
      <h2>{t('web.training.listTitle')}</h2>
      <div className="filters">
        <SelectField
          id="training-show"
          label={t('web.training.show')}
          value={show}
          onChange={(e) => setShow(e.target.value as Show)}
          options={[
            { value: 'overdue', label: t('web.training.state.overdue') },
            { value: 'due-soon', label: t('web.training.state.due-soon') },
            { value: 'both', label: t('web.training.showBoth') },
          ]}
        />
        <SelectField
          id="training-post"
          label={t('web.training.post')}
          value={post}
          onChange={(e) => setPost(e.target.value)}
          options={[
            { value: '', label: t('web.training.everyone') },
            { value: 'governor', label: t('web.training.governors') },
            ...posts,
          ]}
        />
      </div>
      <DataTable
        caption={t('web.training.listCaption', { count: rows.length })}
        columns={[
          {
            key: 'who',
            header: t('web.training.person'),
            cell: (r) => r.person.displayName,
            rowHeader: true,
          },
          { key: 'course', header: t('web.training.course'), cell: (r) => courseTitle(r.status.courseId) },
          { key: 'when', header: t('web.training.when'), cell: (r) => statusText(r.status) },
          {
            key: 'posts',
            header: t('web.training.post'),
            cell: (r) => r.person.posts.map((p) => p.title).join(', '),
          },
        ]}
        rows={rows}
        rowKey={(r) => r.key}
        empty={t('web.training.none')}
      />
      <h2>{t('web.training.recordForTitle')}</h2>
      {record.data ? <Notice tone="success" title={t('web.training.recorded')} live="polite" /> : null}
      <ErrorSummary problems={problems} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <SelectField
          id="for-person"
          label={t('web.training.person')}
          value={personId}
          error={problemFor(problems, 'for-person')}
          onChange={(e) => setPersonId(e.target.value)}
          options={[
            { value: '', label: t('web.training.choosePerson') },
            ...data.people.map((p) => ({ value: p.personId, label: p.displayName })),
          ]}
        />
        <RecordFields
          prefix="for"
          courses={data.courses}
          problems={problems}
          value={value}
          onChange={setForm}
        />
        <p className="actions">
          <button type="submit" disabled={record.isPending}>
            {t('web.training.record')}
          </button>
        </p>
      </form>
    </Page>
  );
}

/** Every member of staff's latest needs audit, and the areas summed up, for the online safety lead. */
export function NeedsAuditsSummary() {
  const schoolId = useSchoolId();
  const queryClient = useQueryClient();
  const audits = useQuery({
    queryKey: trainingKeys.audits(schoolId),
    queryFn: () => trainingApi.audits(schoolId),
  });
  const review = useMutation({
    mutationFn: (id: string) => trainingApi.review(schoolId, id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trainingKeys.audits(schoolId) }),
  });
  const title = t('web.training.auditsTitle');
  if (audits.isError)
    return (
      <Page title={title}>
        <ErrorMessage error={audits.error} retry={() => void audits.refetch()} />
      </Page>
    );
  if (!audits.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  const { areas, summary, people } = audits.data;
  const done = people.filter((p) => p.audit);
  return (
    <Page title={title}>
      <p>{t('web.training.auditsIntro', { done: done.length, staff: people.length })}</p>
      <DataTable
        caption={t('web.training.areasCaption')}
        columns={[
          {
            key: 'area',
            header: t('web.training.area'),
            cell: (r) => areas.find((a) => a.id === r.areaId)?.question ?? r.areaId,
            rowHeader: true,
          },
          { key: 'needing', header: t('web.training.needing'), cell: (r) => r.needing },
          { key: 'average', header: t('web.training.average'), cell: (r) => r.average ?? '–' },
        ]}
        rows={summary}
        rowKey={(r) => r.areaId}
        empty={t('web.training.none')}
      />
      <h2>{t('web.training.auditsPeople')}</h2>
      {done.length === 0 ? (
        <p>{t('web.training.none')}</p>
      ) : (
        <ul className="card-list">
          {done.map((p) => (
            <li key={p.personId} className="card">
              <h3>{p.displayName}</h3>
              <p className="field-hint">
                {t('web.training.completedAt', { at: p.audit!.completedAt.slice(0, 10) })}
              </p>
              {p.audit!.needs.length ? (
                <ul>
                  {p.audit!.needs.map((id) => (
                    <li key={id}>{areas.find((a) => a.id === id)?.question ?? id}</li>
                  ))}
                </ul>
              ) : (
                <p>{t('web.training.auditNoNeeds')}</p>
              )}
              {p.audit!.answers.otherNeeds ? <p className="break">{p.audit!.answers.otherNeeds}</p> : null}
              {p.audit!.answers.performanceManagement ? (
                <p className="break">
                  {t('web.training.auditPm')}: {p.audit!.answers.performanceManagement}
                </p>
              ) : null}
              {p.audit!.reviewedBy ? (
                <p className="field-hint">{t('web.training.reviewedBy', { by: p.audit!.reviewedBy })}</p>
              ) : (
                <button
                  type="button"
                  className="button-secondary"
                  disabled={review.isPending}
                  onClick={() => review.mutate(p.audit!.id)}
                >
                  {t('web.training.markReviewed')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
