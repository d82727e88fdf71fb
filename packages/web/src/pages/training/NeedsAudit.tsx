import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ErrorSummary, type FormProblem } from '../../components/ErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { RadioField } from '../../components/RadioField.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { problemFor, problemsFrom } from '../../form-errors.ts';
import { t } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { trainingApi, trainingKeys } from '../../training/endpoints.ts';

const LEVELS = ['1', '2', '3', '4'] as const;
type Level = (typeof LEVELS)[number] | '';

/** The training-needs audit: a member of staff rates their confidence, area by area, on a phone. */
export function NeedsAudit() {
  const schoolId = useSchoolId();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: trainingKeys.mine(schoolId), queryFn: () => trainingApi.mine(schoolId) });
  const [ratings, setRatings] = useState<Record<string, Level>>({});
  const [otherNeeds, setOtherNeeds] = useState('');
  const [performanceManagement, setPerformanceManagement] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const submit = useMutation({
    mutationFn: () =>
      trainingApi.submitAudit(schoolId, {
        ratings: Object.fromEntries(
          Object.entries(ratings)
            .filter(([, v]) => v)
            .map(([k, v]) => [k, Number(v)]),
        ),
        otherNeeds,
        performanceManagement,
      }),
    onSuccess: () => {
      setProblems([]);
      void queryClient.invalidateQueries({ queryKey: trainingKeys.all(schoolId) });
    },
    onError: (e) =>
      setProblems(
        problemsFrom(
          e,
          Object.fromEntries(
            (mine.data?.audit.areas ?? []).map((a) => [a.id, { id: `audit-${a.id}`, label: a.question }]),
          ),
        ),
      ),
  });
  const title = t('web.training.auditTitle');
  if (mine.isError)
    return (
      <Page title={title}>
        <ErrorMessage error={mine.error} retry={() => void mine.refetch()} />
      </Page>
    );
  if (!mine.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  const { areas, levels } = mine.data.audit;
  if (submit.data)
    return (
      <Page title={title}>
        <Notice tone="success" title={t('web.training.auditDone')} live="polite">
          {submit.data.needs.length === 0 ? (
            <p>{t('web.training.auditNoNeeds')}</p>
          ) : (
            <>
              <p>{t('web.training.auditNeeds')}</p>
              <ul>
                {submit.data.needs.map((id) => (
                  <li key={id}>{areas.find((a) => a.id === id)?.question ?? id}</li>
                ))}
              </ul>
            </>
          )}
        </Notice>
        <p>
          <Link to={paths.myTraining}>{t('web.training.mineTitle')}</Link>
        </p>
      </Page>
    );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate();
  };
  return (
    <Page title={title}>
      <p>{t('web.training.auditIntro')}</p>
      <ErrorSummary problems={problems} />
      <form className="form" onSubmit={onSubmit} noValidate>
        {areas.map((a) => (
          <div key={a.id} id={`audit-${a.id}`}>
            <RadioField<Level>
              name={`audit-${a.id}`}
              legend={a.question}
              value={ratings[a.id] ?? ''}
              error={problemFor(problems, `audit-${a.id}`)}
              onChange={(v) => setRatings((r) => ({ ...r, [a.id]: v }))}
              options={LEVELS.map((l) => ({ value: l, label: `${l} · ${levels[l]}` }))}
            />
          </div>
        ))}
        <TextAreaField
          id="audit-other"
          label={t('web.training.auditOther')}
          value={otherNeeds}
          onChange={(e) => setOtherNeeds(e.target.value)}
        />
        <TextAreaField
          id="audit-pm"
          label={t('web.training.auditPm')}
          hint={t('web.training.auditPmHint')}
          value={performanceManagement}
          onChange={(e) => setPerformanceManagement(e.target.value)}
        />
        <p className="actions">
          <button type="submit" disabled={submit.isPending}>
            {t('web.training.auditSend')}
          </button>
        </p>
      </form>
    </Page>
  );
}
