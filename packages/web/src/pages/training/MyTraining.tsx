import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ErrorSummary, type FormProblem } from '../../components/ErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { problemFor, problemsFrom } from '../../form-errors.ts';
import { t } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import {
  type CourseStatus,
  fileToCertificate,
  type RecordBody,
  trainingApi,
  trainingKeys,
} from '../../training/endpoints.ts';

/** "Overdue since 1 Oct 2026", "Due by …", "Done 20 Nov 2026, next due …", "Not required". */
export function statusText(s: CourseStatus): string {
  if (s.state === 'not-required') return t('web.training.state.not-required');
  if (s.state === 'overdue') return t('web.training.overdueSince', { date: s.nextDueOn ?? '' });
  if (s.state === 'due-soon') return t('web.training.dueBy', { date: s.nextDueOn ?? '' });
  return s.nextDueOn
    ? t('web.training.doneNext', { date: s.lastCompletedOn ?? '', next: s.nextDueOn })
    : t('web.training.doneOnce', { date: s.lastCompletedOn ?? '' });
}

export interface RecordForm {
  courseId: string;
  completedOn: string;
  provider: string;
  note: string;
  file: File | null;
}

/** The fields of a completion, shared by "My training" and recording for someone. */
export function RecordFields(props: {
  prefix: string;
  courses: { id: string; title: string }[];
  problems: FormProblem[];
  value: RecordForm;
  onChange: (v: RecordForm) => void;
}) {
  const { prefix, value, onChange, problems } = props;
  return (
    <>
      <SelectField
        id={`${prefix}-course`}
        label={t('web.training.course')}
        options={[
          { value: '', label: t('web.training.chooseCourse') },
          ...props.courses.map((c) => ({ value: c.id, label: c.title })),
        ]}
        value={value.courseId}
        error={problemFor(problems, `${prefix}-course`)}
        onChange={(e) => onChange({ ...value, courseId: e.target.value })}
      />
      <TextField
        id={`${prefix}-date`}
        label={t('web.training.completedOn')}
        type="date"
        value={value.completedOn}
        error={problemFor(problems, `${prefix}-date`)}
        onChange={(e) => onChange({ ...value, completedOn: e.target.value })}
      />
      <TextField
        id={`${prefix}-provider`}
        label={t('web.training.provider')}
        value={value.provider}
        onChange={(e) => onChange({ ...value, provider: e.target.value })}
      />
      <TextAreaField
        id={`${prefix}-note`}
        label={t('web.training.note')}
        hint={t('web.training.noteHint')}
        value={value.note}
        error={problemFor(problems, `${prefix}-note`)}
        onChange={(e) => onChange({ ...value, note: e.target.value })}
      />
      <div className="field">
        <label htmlFor={`${prefix}-file`}>{t('web.training.certificate')}</label>
        <p className="field-hint" id={`${prefix}-file-hint`}>
          {t('web.training.certificateHint')}
        </p>
        <input
          id={`${prefix}-file`}
          type="file"
          accept="application/pdf,image/png,image/jpeg"
          aria-describedby={`${prefix}-file-hint`}
          onChange={(e) => onChange({ ...value, file: e.target.files?.[0] ?? null })}
        />
      </div>
    </>
  );
}

export const emptyRecord = (today: string): RecordForm => ({
  courseId: '',
  completedOn: today,
  provider: '',
  note: '',
  file: null,
});

export async function recordBody(v: RecordForm): Promise<RecordBody> {
  return {
    courseId: v.courseId,
    completedOn: v.completedOn,
    ...(v.provider ? { provider: v.provider } : {}),
    ...(v.note ? { note: v.note } : {}),
    ...(v.file ? { certificate: await fileToCertificate(v.file) } : {}),
  };
}

export const recordFieldNames = (prefix: string) => ({
  courseId: { id: `${prefix}-course`, label: t('web.training.course') },
  completedOn: { id: `${prefix}-date`, label: t('web.training.completedOn') },
  note: { id: `${prefix}-note`, label: t('web.training.note') },
  content: { id: `${prefix}-file`, label: t('web.training.certificate') },
  personId: { id: `${prefix}-person`, label: t('web.training.person') },
});

/** What is due for me, what I have done, and a form to record a completion. */
export function MyTraining() {
  const schoolId = useSchoolId();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: trainingKeys.mine(schoolId), queryFn: () => trainingApi.mine(schoolId) });
  const [form, setForm] = useState<RecordForm | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const record = useMutation({
    mutationFn: async (v: RecordForm) => trainingApi.recordMine(schoolId, await recordBody(v)),
    onSuccess: () => {
      setProblems([]);
      setForm(null);
      void queryClient.invalidateQueries({ queryKey: trainingKeys.all(schoolId) });
    },
    onError: (e) => setProblems(problemsFrom(e, recordFieldNames('mine'))),
  });
  if (mine.isError)
    return (
      <Page title={t('web.training.mineTitle')}>
        <ErrorMessage error={mine.error} retry={() => void mine.refetch()} />
      </Page>
    );
  if (!mine.data)
    return (
      <Page title={t('web.training.mineTitle')}>
        <Loading />
      </Page>
    );
  const data = mine.data;
  const value = form ?? emptyRecord(data.today);
  const required = data.courses.filter((c) => c.status.state !== 'not-required');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(value);
  };
  return (
    <Page title={t('web.training.mineTitle')}>
      <p>{t('web.training.mineIntro')}</p>
      {record.data ? <Notice tone="success" title={t('web.training.recorded')} live="polite" /> : null}
      <p>
        <Link to={paths.trainingAudit}>
          {data.audit.latest ? t('web.training.auditAgain') : t('web.training.auditStart')}
        </Link>
      </p>
      {required.length === 0 ? <p>{t('web.training.none')}</p> : null}
      <ul className="card-list">
        {required.map((c) => (
          <li key={c.id} className={`card${c.status.state === 'overdue' ? ' card-unread' : ''}`}>
            <h2>{c.title}</h2>
            <p>
              <span className={`badge training-${c.status.state}`}>
                {t(`web.training.state.${c.status.state}`)}
              </span>{' '}
              {statusText(c.status)}
            </p>
            <p className="field-hint">{c.description}</p>
            <p className="field-hint">{t('web.training.evidence', { evidence: c.evidence })}</p>
          </li>
        ))}
      </ul>
      <h2>{t('web.training.recordTitle')}</h2>
      <ErrorSummary problems={problems} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <RecordFields
          prefix="mine"
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
      {data.records.length > 0 ? (
        <>
          <h2>{t('web.training.historyTitle')}</h2>
          <ul>
            {data.records.map((r) => (
              <li key={r.id}>
                {t('web.training.historyLine', {
                  date: r.completedOn,
                  course: data.courses.find((c) => c.id === r.courseId)?.title ?? r.courseId,
                })}
                {r.certificate ? ` · ${t('web.training.withCertificate')}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}
