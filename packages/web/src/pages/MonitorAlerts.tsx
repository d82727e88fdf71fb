import { MONITOR_CATEGORIES } from '@haven/core/monitor/categories';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { request } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ErrorSummary, type FormProblem } from '../components/ErrorSummary.tsx';
import { Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { useSchoolId } from '../components/RequireSchool.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { problemsFrom } from '../form-errors.ts';
import { t } from '../i18n.ts';
import { paths } from '../paths.ts';

interface Alert {
  id: string;
  firstSeenAt: string;
  lastSeenAt: string;
  status: string;
  category: string;
  severity: number;
  phrase: string;
  source: string;
  subject: string;
  group: string;
  occurrences: number;
  evidence: { at: string; text: string; context: string }[];
  triagedBy: string | null;
  triageNote: string | null;
  incidentId: string | null;
}

const base = (schoolId: string) => `/schools/${encodeURIComponent(schoolId)}/monitor/alerts`;
const key = (schoolId: string, status: string) => ['school', schoolId, 'monitor', 'alerts', status] as const;
const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const categoryLabel = (id: string) => MONITOR_CATEGORIES.find((c) => c.id === id)?.label ?? id;

function AlertCard({ a, schoolId }: { a: Alert; schoolId: string }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const triage = useMutation({
    mutationFn: (status: string) =>
      request<Alert>(`${base(schoolId)}/${encodeURIComponent(a.id)}/triage`, {
        method: 'POST',
        body: { status, ...(note.trim() ? { note } : {}) },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['school', schoolId, 'monitor'] }),
    onError: (e) => setProblems(problemsFrom(e, {})),
  });
  const open = a.status === 'new' || a.status === 'in-review';
  return (
    <li className={`card${a.severity >= 4 && open ? ' card-unread' : ''}`} id={a.id}>
      <h2>
        {categoryLabel(a.category)} · {t('web.alerts.severity', { severity: a.severity })}{' '}
        <span className="badge">{t(`web.alerts.status.${a.status}` as 'web.alerts.status.new')}</span>
      </h2>
      <p>
        <strong>{a.subject}</strong> ({a.group}) · “{a.phrase}” ·{' '}
        {t('web.alerts.seen', { count: a.occurrences, first: when(a.firstSeenAt), last: when(a.lastSeenAt) })}
      </p>
      <details>
        <summary>{t('web.alerts.what')}</summary>
        <ul>
          {a.evidence.map((e) => (
            <li key={e.at + e.text} className="break">
              {when(e.at)}: {e.text}
            </li>
          ))}
        </ul>
      </details>
      {a.incidentId ? (
        <p>
          <Link to={paths.incident(a.incidentId)}>{t('web.alerts.incident')}</Link>
        </p>
      ) : null}
      {a.triageNote ? <p>{t('web.alerts.note', { by: a.triagedBy ?? '', note: a.triageNote })}</p> : null}
      {open ? (
        <div className="form">
          <ErrorSummary problems={problems} />
          <TextField
            id={`note-${a.id}`}
            label={t('web.alerts.noteLabel')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <p className="actions">
            <button type="button" disabled={triage.isPending} onClick={() => triage.mutate('escalated')}>
              {t('web.alerts.escalate')}
            </button>
            {a.status === 'new' ? (
              <button
                type="button"
                className="button-secondary"
                disabled={triage.isPending}
                onClick={() => triage.mutate('in-review')}
              >
                {t('web.alerts.review')}
              </button>
            ) : null}
            <button
              type="button"
              className="button-secondary"
              disabled={triage.isPending}
              onClick={() => triage.mutate('no-action')}
            >
              {t('web.alerts.noAction')}
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={triage.isPending}
              onClick={() => triage.mutate('false-positive')}
            >
              {t('web.alerts.falsePositive')}
            </button>
          </p>
        </div>
      ) : null}
    </li>
  );
}

/** Monitoring alerts for the DSL: the most severe first, with what was seen and the triage. */
export function MonitorAlerts() {
  const schoolId = useSchoolId();
  const [status, setStatus] = useState<'open' | 'done'>('open');
  const list = useQuery({
    queryKey: key(schoolId, status),
    queryFn: () => request<{ alerts: Alert[] }>(`${base(schoolId)}?status=${status}`),
    refetchInterval: 30_000,
  });
  return (
    <Page title={t('web.alerts.title')}>
      <p>{t('web.alerts.intro')}</p>
      <details>
        <summary>{t('web.alerts.sees')}</summary>
        <ul>
          <li>{t('web.alerts.sees.proxy')}</li>
          <li>{t('web.alerts.sees.https')}</li>
          <li>{t('web.alerts.sees.dns')}</li>
          <li>{t('web.alerts.sees.imports')}</li>
        </ul>
      </details>
      <div className="form">
        <SelectField
          id="alerts-status"
          label={t('web.inbox.show')}
          value={status}
          onChange={(e) => setStatus(e.target.value === 'done' ? 'done' : 'open')}
          options={[
            { value: 'open', label: t('web.alerts.open') },
            { value: 'done', label: t('web.alerts.done') },
          ]}
        />
      </div>
      {list.data ? (
        list.data.alerts.length === 0 ? (
          <p>{t('web.alerts.none')}</p>
        ) : (
          <ul className="card-list card-list-wide">
            {list.data.alerts.map((a) => (
              <AlertCard key={a.id} a={a} schoolId={schoolId} />
            ))}
          </ul>
        )
      ) : list.isError ? (
        <ErrorMessage error={list.error} retry={() => void list.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
