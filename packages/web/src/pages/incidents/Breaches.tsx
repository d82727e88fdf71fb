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
import { TextField } from '../../components/TextField.tsx';
import { problemsFrom } from '../../form-errors.ts';
import { t } from '../../i18n.ts';
import { type BreachView, breachApi, breachKeys } from '../../incidents/endpoints.ts';
import { paths } from '../../paths.ts';

const KINDS = ['breach', 'near-miss', 'lost-equipment', 'virus', 'unauthorised-use'] as const;
type Kind = (typeof KINDS)[number];

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** "41 h 20 min left", "overdue by 3 h 5 min", or how the clock stopped. */
export function clockText(b: BreachView): string {
  const c = b.clock;
  if (c.state === 'reported')
    return t(c.late ? 'web.breach.clock.reportedLate' : 'web.breach.clock.reported', {
      hours: c.reportedAfterHours ?? 0,
    });
  if (c.state === 'not-reportable') return t('web.breach.clock.notReportable');
  const ms = Math.abs(c.remainingMs ?? 0);
  const span = `${Math.floor(ms / 3_600_000)} h ${Math.floor((ms % 3_600_000) / 60_000)} min`;
  return c.state === 'overdue'
    ? t('web.breach.clock.overdue', { span })
    : t('web.breach.clock.left', { span, deadline: when(c.deadline) });
}

function localNow(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Report a data breach or security incident: any member of staff, in a minute. */
export function ReportBreach() {
  const schoolId = useSchoolId();
  const [kind, setKind] = useState<Kind>('breach');
  const [awareAt, setAwareAt] = useState(localNow());
  const [whatHappened, setWhatHappened] = useState('');
  const [equipment, setEquipment] = useState('');
  const [dataInvolved, setDataInvolved] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const report = useMutation({
    mutationFn: () =>
      breachApi.report(schoolId, {
        kind,
        awareAt: new Date(awareAt).toISOString(),
        details: {
          whatHappened,
          ...(equipment ? { equipment } : {}),
          ...(dataInvolved ? { dataInvolved } : {}),
        },
      }),
    onSuccess: () => setProblems([]),
    onError: (error) =>
      setProblems(
        problemsFrom(error, {
          whatHappened: { id: 'breach-what', label: t('web.breach.what') },
          awareAt: { id: 'breach-aware', label: t('web.breach.aware') },
        }),
      ),
  });
  if (report.data)
    return (
      <Page title={t('web.breach.reportTitle')}>
        <Notice tone="success" title={t('web.breach.sent', { number: report.data.number })} live="polite">
          <p>{t('web.breach.sentText')}</p>
          <p>{clockText(report.data)}</p>
        </Notice>
      </Page>
    );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    report.mutate();
  };
  return (
    <Page title={t('web.breach.reportTitle')}>
      <p>{t('web.breach.reportIntro')}</p>
      <ErrorSummary problems={problems} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <RadioField
          name="breach-kind"
          legend={t('web.breach.kind')}
          value={kind}
          onChange={setKind}
          options={KINDS.map((k) => ({ value: k, label: t(`web.breach.kind.${k}`) }))}
        />
        <TextField
          id="breach-aware"
          label={t('web.breach.aware')}
          hint={t('web.breach.awareHint')}
          type="datetime-local"
          value={awareAt}
          onChange={(e) => setAwareAt(e.target.value)}
        />
        <TextAreaField
          id="breach-what"
          label={t('web.breach.what')}
          value={whatHappened}
          onChange={(e) => setWhatHappened(e.target.value)}
        />
        <TextField
          id="breach-data"
          label={t('web.breach.data')}
          value={dataInvolved}
          onChange={(e) => setDataInvolved(e.target.value)}
        />
        {kind === 'lost-equipment' ? (
          <TextField
            id="breach-equipment"
            label={t('web.breach.equipment')}
            value={equipment}
            onChange={(e) => setEquipment(e.target.value)}
          />
        ) : null}
        <p className="actions">
          <button type="submit" disabled={report.isPending}>
            {t('web.breach.send')}
          </button>
        </p>
      </form>
    </Page>
  );
}

function BreachCard({ b, schoolId }: { b: BreachView; schoolId: string }) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'reported' | 'not-reportable'>('reported');
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: breachKeys.log(schoolId) });
  const ico = useMutation({
    mutationFn: () =>
      breachApi.ico(
        schoolId,
        b.id,
        mode === 'reported'
          ? { reportedAt: new Date().toISOString(), reference }
          : { notReportableReason: reason },
      ),
    onSuccess: refresh,
    onError: (e) => setProblems(problemsFrom(e, {})),
  });
  const close = useMutation({
    mutationFn: () => breachApi.close(schoolId, b.id),
    onSuccess: refresh,
    onError: (e) => setProblems(problemsFrom(e, {})),
  });
  const running = b.clock.state === 'running' || b.clock.state === 'due-soon' || b.clock.state === 'overdue';
  return (
    <li className={`card${running ? ' card-unread' : ''}`}>
      <h2>
        {t('web.breach.number', { number: b.number })} · {t(`web.breach.kind.${b.kind}`)}{' '}
        <span className={`badge status-${b.status}`}>{t(`web.incident.status.${b.status}`)}</span>
      </h2>
      <p
        className={
          b.clock.state === 'overdue' || b.clock.state === 'due-soon' ? 'clock clock-urgent' : 'clock'
        }
        role="status"
      >
        <strong>{clockText(b)}</strong>
      </p>
      <p className="field-hint">{t('web.breach.awareAt', { at: when(b.awareAt), by: b.reportedBy })}</p>
      <p className="break">{String(b.details.whatHappened ?? '')}</p>
      <ErrorSummary problems={problems} />
      {running ? (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            ico.mutate();
          }}
        >
          <RadioField
            name={`ico-${b.id}`}
            legend={t('web.breach.icoQuestion')}
            value={mode}
            onChange={setMode}
            options={[
              { value: 'reported', label: t('web.breach.icoReported') },
              { value: 'not-reportable', label: t('web.breach.icoNot') },
            ]}
          />
          {mode === 'reported' ? (
            <TextField
              id={`ico-ref-${b.id}`}
              label={t('web.breach.icoReference')}
              value={reference}
              onChange={(e) => setReference(e.target.value)}
            />
          ) : (
            <TextAreaField
              id={`ico-why-${b.id}`}
              label={t('web.breach.icoWhyNot')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
          <button type="submit" className="button-secondary" disabled={ico.isPending}>
            {t('web.breach.icoRecord')}
          </button>
        </form>
      ) : b.status === 'open' ? (
        <button
          type="button"
          className="button-secondary"
          disabled={close.isPending}
          onClick={() => close.mutate()}
        >
          {t('web.breach.close')}
        </button>
      ) : null}
    </li>
  );
}

/** The breach log with each 72-hour clock, for the headteacher, the administrator, the SIRO and the DPO. */
export function BreachLog() {
  const schoolId = useSchoolId();
  const log = useQuery({
    queryKey: breachKeys.log(schoolId),
    queryFn: () => breachApi.log(schoolId),
    refetchInterval: 60_000,
  });
  return (
    <Page title={t('web.breach.logTitle')}>
      <p>{t('web.breach.logIntro')}</p>
      <p>
        <Link to={paths.reportBreach}>{t('web.breach.reportTitle')}</Link>
      </p>
      {log.data ? (
        log.data.breaches.length === 0 ? (
          <p>{t('web.breach.none')}</p>
        ) : (
          <ul className="card-list card-list-wide">
            {log.data.breaches.map((b) => (
              <BreachCard key={b.id} b={b} schoolId={schoolId} />
            ))}
          </ul>
        )
      ) : log.isError ? (
        <ErrorMessage error={log.error} retry={() => void log.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
