import {
  ACCESS_ROUTES,
  FOLLOW_UPS,
  INCIDENT_TYPES,
  NUDES_CRITERIA,
  NUDES_CRITERION_TEXT,
  optionLabel,
  RELATIONSHIPS,
} from '@haven/core/incidents/options';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../endpoints.ts';
import { problemsFrom } from '../../form-errors.ts';
import { t, tOr } from '../../i18n.ts';
import {
  type ChronologyEntry,
  type IncidentView,
  incidentApi,
  incidentFiles,
  incidentKeys,
  type Recommendation,
  type StepView,
} from '../../incidents/endpoints.ts';
import { CheckboxesField } from '../CheckboxesField.tsx';
import { ErrorSummary, type FormProblem } from '../ErrorSummary.tsx';
import { Notice } from '../Notice.tsx';
import { RadioField } from '../RadioField.tsx';
import { SelectField } from '../SelectField.tsx';
import { TextAreaField } from '../TextAreaField.tsx';
import { TextField } from '../TextField.tsx';

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** A mutation on the incident that refreshes it, with its problems for an error summary. */
function useIncidentAction<T>(schoolId: string, fn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const mutation = useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      setProblems([]);
      await queryClient.invalidateQueries({ queryKey: incidentKeys.all(schoolId) });
    },
    onError: (error) => setProblems(problemsFrom(error, {})),
  });
  return { mutation, problems };
}

export function ReportSummary({ incident }: { incident: IncidentView }) {
  const r = incident.report;
  const list = (ids: readonly string[], options: readonly { id: string; label: string }[]) =>
    ids.length > 0 ? ids.map((x) => optionLabel(options, x)).join('; ') : '—';
  const rows: [string, string][] = [
    [t('web.report.description'), r.description ?? '—'],
    [t('web.report.date'), r.occurredOn ?? '—'],
    [t('web.report.place'), r.place ?? '—'],
    [
      t('web.report.people'),
      r.involved
        .map(
          (p) =>
            `${p.name} (${t(`web.report.role.${p.role}`)}${p.age !== null ? `, ${p.age}` : ''}; ${t(`web.report.involvement.${p.involvement}`)})`,
        )
        .join('; ') || '—',
    ],
    [t('web.report.relationship'), r.relationship ? optionLabel(RELATIONSHIPS, r.relationship) : '—'],
    [t('web.report.type'), list(r.types, INCIDENT_TYPES) + (r.typeDetails ? ` — ${r.typeDetails}` : '')],
    [t('web.report.access'), list(r.accessRoutes, ACCESS_ROUTES)],
    [t('web.report.actionPeople'), r.actionPeople ?? '—'],
    [t('web.report.actionContent'), r.actionContent ?? '—'],
    [
      t('web.report.followUp'),
      list(r.followUps, FOLLOW_UPS) + (r.followUpDetails ? ` — ${r.followUpDetails}` : ''),
    ],
    [t('web.incident.reportedBy'), `${incident.reporter}${r.reporter.phone ? `, ${r.reporter.phone}` : ''}`],
  ];
  return (
    <section className="panel" aria-labelledby="report-heading">
      <h2 id="report-heading">{t('web.incident.report')}</h2>
      <dl className="facts report-facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd className="break">{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function StepForm({ schoolId, id, step }: { schoolId: string; id: string; step: StepView }) {
  const [text, setText] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const team = step.id === 'investigation-team';
  const { mutation, problems } = useIncidentAction(schoolId, () =>
    incidentApi.addEntry(schoolId, id, {
      kind: 'step',
      stepId: step.id,
      ...(text.trim() ? { text } : {}),
      ...(team ? { people: [first, second].filter((p) => p.trim()) } : {}),
    }),
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(undefined);
  };
  return (
    <form className="form step-form" onSubmit={onSubmit} noValidate>
      <ErrorSummary problems={problems} />
      {team ? (
        <>
          <TextField
            id={`step-${step.id}-1`}
            label={t('web.incident.senior1')}
            value={first}
            onChange={(e) => setFirst(e.target.value)}
          />
          <TextField
            id={`step-${step.id}-2`}
            label={t('web.incident.senior2')}
            value={second}
            onChange={(e) => setSecond(e.target.value)}
          />
        </>
      ) : (
        <TextField
          id={`step-${step.id}-text`}
          label={step.id === 'designated-computer' ? t('web.incident.computer') : t('web.incident.stepNote')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      )}
      <button type="submit" className="button-secondary" disabled={mutation.isPending}>
        {t('web.incident.recordStep')}
      </button>
    </form>
  );
}

export function StepsPanel({ incident, schoolId }: { incident: IncidentView; schoolId: string }) {
  return (
    <section className="panel" aria-labelledby="steps-heading">
      <h2 id="steps-heading">
        {incident.path === 'illegal' ? t('web.incident.stepsIllegal') : t('web.incident.stepsInappropriate')}
      </h2>
      <ol className="steps">
        {incident.steps.map((s) => (
          <li key={s.id} className={s.done ? 'step-done' : undefined}>
            <p>
              <strong>
                {s.done
                  ? t('web.incident.done')
                  : s.required
                    ? t('web.incident.required')
                    : t('web.incident.ifRelevant')}
              </strong>{' '}
              {s.label}
            </p>
            {s.done ? (
              <p className="field-hint">{t('web.incident.doneBy', { by: s.done.by, at: when(s.done.at) })}</p>
            ) : incident.status === 'open' && s.id !== 'review' ? (
              <StepForm schoolId={schoolId} id={incident.id} step={s} />
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Finds the person in the directory, so their earlier warnings and sanctions are counted; a name
 * alone still records the sanction, without escalation.
 */
function DirectoryPicker({
  schoolId,
  kind,
  chosen,
  onChoose,
}: {
  schoolId: string;
  kind: 'pupil' | 'staff';
  chosen: { id: string; name: string } | null;
  onChoose: (p: { id: string; name: string } | null) => void;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ id: string; name: string; detail: string }[] | null>(null);
  const search = async () => {
    const page = await api.people(schoolId, { kind, q: q.trim(), limit: 10 });
    setFound(
      page.people.map((p) => ({ id: p.id, name: p.displayName, detail: p.yearGroup ?? p.className ?? '' })),
    );
  };
  if (chosen)
    return (
      <p>
        {t('web.incident.directoryChosen', { name: chosen.name })}{' '}
        <button type="button" className="button-link" onClick={() => onChoose(null)}>
          {t('web.incident.directoryChange')}
        </button>
      </p>
    );
  return (
    <div className="field">
      <TextField
        id="sanction-directory"
        label={t('web.incident.directory')}
        hint={t('web.incident.directoryHint')}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <button
        type="button"
        className="button-secondary"
        disabled={q.trim().length < 2}
        onClick={() => void search()}
      >
        {t('web.incident.directorySearch')}
      </button>
      {found ? (
        found.length === 0 ? (
          <p>{t('web.incident.directoryNone')}</p>
        ) : (
          <ul className="directory-results">
            {found.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="button-link"
                  onClick={() => onChoose({ id: p.id, name: p.name })}
                >
                  {p.name}
                  {p.detail ? ` (${p.detail})` : ''}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

export function SanctionsPanel({ incident, schoolId }: { incident: IncidentView; schoolId: string }) {
  const matrices = incident.sanctionsMatrices;
  const audiences = (['pupil', 'staff'] as const).filter((a) => matrices[a] !== null);
  const [audience, setAudience] = useState<'pupil' | 'staff'>(audiences[0] ?? 'pupil');
  const rows = matrices[audience]?.rows ?? [];
  const [row, setRow] = useState('');
  const [person, setPerson] = useState(
    incident.report.involved.find((p) => p.involvement === 'subject')?.name ?? '',
  );
  const [who, setWho] = useState<{ id: string; name: string } | null>(null);
  const [rec, setRec] = useState<Recommendation | null>(null);
  const [taken, setTaken] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const { mutation, problems: saveProblems } = useIncidentAction(schoolId, () =>
    incidentApi.recordSanction(schoolId, incident.id, {
      audience,
      row: rec!.rowId,
      ...(who ? { personId: who.id } : {}),
      personName: who?.name ?? person,
      taken,
      ...(reason.trim() ? { reason } : {}),
    }),
  );
  if (audiences.length === 0)
    return (
      <section className="panel" aria-labelledby="sanctions-heading">
        <h2 id="sanctions-heading">{t('web.incident.sanctions')}</h2>
        <p>{t('web.incident.noMatrix')}</p>
        <ul>
          {matrices.stated.map((s) => (
            <li key={s.text}>{s.text}</li>
          ))}
        </ul>
      </section>
    );
  const ask = async () => {
    try {
      const r = await incidentApi.recommend(schoolId, incident.id, {
        audience,
        row,
        ...(who ? { personId: who.id } : {}),
      });
      setRec(r);
      setTaken(r.actions);
      setProblems([]);
    } catch (error) {
      setProblems(problemsFrom(error, {}));
    }
  };
  return (
    <section className="panel" aria-labelledby="sanctions-heading">
      <h2 id="sanctions-heading">{t('web.incident.sanctions')}</h2>
      <ErrorSummary problems={[...problems, ...saveProblems]} />
      <div className="form">
        {audiences.length > 1 ? (
          <RadioField
            name="sanction-audience"
            legend={t('web.incident.sanctionFor')}
            value={audience}
            onChange={(v) => {
              setAudience(v);
              setRec(null);
              setRow('');
            }}
            options={audiences.map((a) => ({ value: a, label: t(`web.incident.audience.${a}`) }))}
          />
        ) : null}
        <DirectoryPicker
          schoolId={schoolId}
          kind={audience}
          chosen={who}
          onChoose={(p) => {
            setWho(p);
            setRec(null);
          }}
        />
        <SelectField
          id="sanction-row"
          label={matrices[audience]!.title}
          value={row}
          onChange={(e) => {
            setRow(e.target.value);
            setRec(null);
          }}
          options={[
            { value: '', label: t('web.incident.chooseRow') },
            ...rows.map((r) => ({ value: r.id, label: r.label })),
          ]}
        />
        <button type="button" className="button-secondary" disabled={!row} onClick={() => void ask()}>
          {t('web.incident.showRecommendation')}
        </button>
      </div>
      {rec ? (
        <div className="recommendation" role="status">
          <p>
            {t('web.incident.matrixSays', { matrix: rec.matrix.title, row: rec.row })}
            {rec.escalated ? ` ${t('web.incident.escalated', { prior: rec.prior })}` : ''}
          </p>
          <ul>
            {rec.actions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
          <form
            className="form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              mutation.mutate(undefined);
            }}
          >
            <TextField
              id="sanction-person"
              label={t('web.incident.sanctionPerson')}
              value={person}
              onChange={(e) => setPerson(e.target.value)}
            />
            <CheckboxesField
              name="sanction-taken"
              legend={t('web.incident.taken')}
              values={taken}
              options={(matrices[audience] ? rec.actions.concat(rec.escalatedBy?.actions ?? []) : [])
                .filter((v, i, a) => a.indexOf(v) === i)
                .map((a) => ({ value: a, label: a }))}
              onChange={setTaken}
            />
            <TextAreaField
              id="sanction-reason"
              label={t('web.incident.differsReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <button type="submit" disabled={mutation.isPending}>
              {t('web.incident.recordSanction')}
            </button>
          </form>
        </div>
      ) : null}
    </section>
  );
}

export function NudesPanel({ incident, schoolId }: { incident: IncidentView; schoolId: string }) {
  const [criteria, setCriteria] = useState<string[]>([]);
  const [decision, setDecision] = useState<'refer' | 'school-response'>('refer');
  const [attendees, setAttendees] = useState('');
  const [evidence, setEvidence] = useState('');
  const [reasons, setReasons] = useState('');
  const refer = criteria.length > 0;
  const { mutation, problems } = useIncidentAction(schoolId, () =>
    incidentApi.nudesReview(schoolId, incident.id, {
      meetingAt: new Date().toISOString(),
      attendees: attendees
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
      evidenceConsidered: evidence,
      risk: {},
      decisions: {},
      criteria: Object.fromEntries(NUDES_CRITERIA.map((c) => [c, criteria.includes(c)])),
      decision,
      reasons,
    }),
  );
  const done = incident.chronology.some((e) => e.kind === 'nudes-review');
  return (
    <section className="panel" aria-labelledby="nudes-heading">
      <h2 id="nudes-heading">{t('web.incident.nudes')}</h2>
      <Notice tone="warning">
        <p>{t('web.report.nudesWarning')}</p>
      </Notice>
      {done ? (
        <p>{t('web.incident.nudesDone')}</p>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            mutation.mutate(undefined);
          }}
        >
          <ErrorSummary problems={problems} />
          <TextField
            id="nudes-attendees"
            label={t('web.incident.attendees')}
            value={attendees}
            onChange={(e) => setAttendees(e.target.value)}
          />
          <TextAreaField
            id="nudes-evidence"
            label={t('web.incident.evidenceConsidered')}
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
          />
          <CheckboxesField
            name="nudes-criteria"
            legend={t('web.incident.criteria')}
            values={criteria}
            options={NUDES_CRITERIA.map((c) => ({ value: c, label: NUDES_CRITERION_TEXT[c] }))}
            onChange={(v) => {
              setCriteria(v);
              if (v.length > 0) setDecision('refer');
            }}
          />
          {refer ? (
            <Notice tone="error" live="polite">
              <p>{t('web.incident.mustRefer')}</p>
            </Notice>
          ) : null}
          <RadioField
            name="nudes-decision"
            legend={t('web.incident.decision')}
            value={decision}
            onChange={setDecision}
            options={[
              { value: 'refer', label: t('web.incident.decision.refer') },
              ...(refer
                ? []
                : [{ value: 'school-response' as const, label: t('web.incident.decision.school') }]),
            ]}
          />
          <TextAreaField
            id="nudes-reasons"
            label={t('web.incident.reasons')}
            value={reasons}
            onChange={(e) => setReasons(e.target.value)}
          />
          <button type="submit" disabled={mutation.isPending}>
            {t('web.incident.recordReview')}
          </button>
        </form>
      )}
    </section>
  );
}

const AGENCIES = ['police', 'social-care', 'lado', 'iwf', 'ceop', 'local-authority', 'other'] as const;

export function AddEntryPanel({ incident, schoolId }: { incident: IncidentView; schoolId: string }) {
  const [kind, setKind] = useState<'note' | 'referral' | 'parents-informed' | 'path' | 'link'>('note');
  const [linked, setLinked] = useState('');
  const [text, setText] = useState('');
  const [agency, setAgency] = useState<(typeof AGENCIES)[number]>('police');
  const [reference, setReference] = useState('');
  const [who, setWho] = useState('');
  const [how, setHow] = useState('');
  const { mutation, problems } = useIncidentAction(schoolId, () => {
    const at = new Date().toISOString();
    const other = incident.path === 'illegal' ? 'inappropriate' : 'illegal';
    const entry =
      kind === 'note'
        ? { kind, text }
        : kind === 'referral'
          ? { kind, agency, at, ...(reference ? { reference } : {}), ...(text ? { outcome: text } : {}) }
          : kind === 'path'
            ? { kind, path: other, reason: text }
            : kind === 'link'
              ? { kind, incidentNumber: Number(linked), why: text }
              : { kind, who, at, how };
    return incidentApi.addEntry(schoolId, incident.id, entry);
  });
  return (
    <section className="panel" aria-labelledby="add-heading">
      <h2 id="add-heading">{t('web.incident.add')}</h2>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(undefined, { onSuccess: () => setText('') });
        }}
      >
        <ErrorSummary problems={problems} />
        <SelectField
          id="entry-kind"
          label={t('web.incident.entryKind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as typeof kind)}
          options={[
            { value: 'note', label: t('web.incident.kind.note') },
            { value: 'referral', label: t('web.incident.kind.referral') },
            { value: 'parents-informed', label: t('web.incident.kind.parents-informed') },
            {
              value: 'path',
              label:
                incident.path === 'illegal' ? t('web.incident.toInappropriate') : t('web.incident.toIllegal'),
            },
            { value: 'link', label: t('web.incident.kind.link') },
          ]}
        />
        {kind === 'referral' ? (
          <>
            <SelectField
              id="entry-agency"
              label={t('web.incident.agency')}
              value={agency}
              onChange={(e) => setAgency(e.target.value as typeof agency)}
              options={AGENCIES.map((a) => ({ value: a, label: t(`web.incident.agency.${a}`) }))}
            />
            <TextField
              id="entry-reference"
              label={t('web.incident.reference')}
              value={reference}
              onChange={(e) => setReference(e.target.value)}
            />
          </>
        ) : null}
        {kind === 'link' ? (
          <TextField
            id="entry-linked"
            label={t('web.incident.linkedNumber')}
            inputMode="numeric"
            value={linked}
            onChange={(e) => setLinked(e.target.value)}
          />
        ) : null}
        {kind === 'parents-informed' ? (
          <>
            <TextField
              id="entry-who"
              label={t('web.incident.whoTold')}
              value={who}
              onChange={(e) => setWho(e.target.value)}
            />
            <TextField
              id="entry-how"
              label={t('web.incident.howTold')}
              value={how}
              onChange={(e) => setHow(e.target.value)}
            />
          </>
        ) : (
          <TextAreaField
            id="entry-text"
            label={
              kind === 'referral'
                ? t('web.incident.outcome')
                : kind === 'path' || kind === 'link'
                  ? t('web.incident.why')
                  : t('web.incident.kind.note')
            }
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
        <button type="submit" className="button-secondary" disabled={mutation.isPending}>
          {t('web.incident.addEntry')}
        </button>
      </form>
    </section>
  );
}

/** Ids and flags that are for Haven, not for the reader. */
const HIDDEN_KEYS = new Set([
  'rowId',
  'stepId',
  'ladoStep',
  'matrix',
  'assessment',
  'criteria',
  'risk',
  'decisions',
]);

function bodyText(e: ChronologyEntry): string {
  const b = e.body;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(b)) {
    if (HIDDEN_KEYS.has(k) || v === false || v === 0) continue;
    if (v === null || v === undefined || v === '' || typeof v === 'object') {
      if (Array.isArray(v) && v.length > 0) parts.push(`${tOr(`web.entry.${k}`, k)}: ${v.join('; ')}`);
      continue;
    }
    parts.push(`${tOr(`web.entry.${k}`, k)}: ${String(v)}`);
  }
  return parts.join(' · ');
}

export function Chronology({ incident }: { incident: IncidentView }) {
  const bySeq = new Map(incident.chronology.map((e) => [e.id, e.seq]));
  return (
    <section className="panel" aria-labelledby="chronology-heading">
      <h2 id="chronology-heading">{t('web.incident.chronology')}</h2>
      <p className="field-hint">{t('web.incident.chronologyHint')}</p>
      <ol className="chronology">
        {incident.chronology.map((e) => (
          <li key={e.id} id={`entry-${e.seq}`}>
            <p>
              <strong>
                {e.seq}. {tOr(`web.incident.kind.${e.kind}`, e.kind)}
                {e.stepId
                  ? `: ${incident.steps.find((s) => s.id === e.stepId)?.label.split('.')[0] ?? e.stepId}`
                  : ''}
              </strong>{' '}
              <span className="field-hint">
                {when(e.at)} · {e.by}
                {e.corrects ? ` · ${t('web.incident.corrects', { seq: bySeq.get(e.corrects) ?? '?' })}` : ''}
              </span>
            </p>
            {bodyText(e) ? <p className="break">{bodyText(e)}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ClosePanel({ incident, schoolId }: { incident: IncidentView; schoolId: string }) {
  const [review, setReview] = useState('');
  const { mutation, problems } = useIncidentAction(schoolId, () =>
    incidentApi.close(schoolId, incident.id, review),
  );
  if (incident.status === 'closed')
    return (
      <Notice tone="success">
        {t('web.incident.closedOn', { at: when(incident.closedAt ?? incident.submittedAt) })}
      </Notice>
    );
  return (
    <section className="panel" aria-labelledby="close-heading">
      <h2 id="close-heading">{t('web.incident.close')}</h2>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(undefined);
        }}
      >
        <ErrorSummary problems={problems} />
        <TextAreaField
          id="close-review"
          label={t('web.incident.review')}
          hint={t('web.incident.reviewHint')}
          value={review}
          onChange={(e) => setReview(e.target.value)}
        />
        <button type="submit" disabled={mutation.isPending}>
          {t('web.incident.closeButton')}
        </button>
      </form>
    </section>
  );
}

/** The file's bytes as base64, read in the browser. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

export function EvidencePanel({ incident, schoolId }: { incident: IncidentView; schoolId: string }) {
  const [kind, setKind] = useState<'file' | 'url' | 'record'>(incident.imageryForbidden ? 'record' : 'file');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [whereItIs, setWhereItIs] = useState('');
  const [whoWasTold, setWhoWasTold] = useState('');
  const { mutation, problems } = useIncidentAction(schoolId, async () => {
    const body =
      kind === 'file'
        ? {
            kind,
            filename: file?.name ?? '',
            mediaType: file?.type || 'application/octet-stream',
            content: file ? await readBase64(file) : '',
            description,
          }
        : kind === 'url'
          ? { kind, url, description }
          : { kind, description, whereItIs, whoWasTold };
    return incidentApi.addEvidence(schoolId, incident.id, body);
  });
  return (
    <section className="panel" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('web.evidence.heading')}</h2>
      {incident.imageryForbidden ? (
        <Notice tone="warning">
          <p>{t('web.evidence.noImagery')}</p>
        </Notice>
      ) : null}
      {incident.evidence.length === 0 ? (
        <p>{t('web.evidence.none')}</p>
      ) : (
        <ol className="chronology">
          {incident.evidence.map((e) => (
            <li key={e.id}>
              <p>
                <strong>
                  {tOr(`web.evidence.kind.${e.kind}`, e.kind)}
                  {e.filename ? `: ${e.filename}` : ''}
                </strong>{' '}
                <span className="field-hint">
                  {when(e.addedAt)} · {e.addedBy}
                </span>
              </p>
              <p className="break">{Object.values(e.details).join(' · ')}</p>
              {e.sha256 ? (
                <p className="field-hint break">
                  SHA-256 <code>{e.sha256}</code> ({e.size} bytes) ·{' '}
                  <a href={incidentFiles.evidence(schoolId, incident.id, e.id)}>
                    {t('web.evidence.download')}
                  </a>
                </p>
              ) : null}
              <details>
                <summary>{t('web.evidence.custody', { count: e.custody.length })}</summary>
                <ul>
                  {e.custody.map((c) => (
                    <li key={`${c.at}-${c.action}-${c.by}`}>
                      {tOr(`web.evidence.action.${c.action}`, c.action)} · {when(c.at)} · {c.by}
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ol>
      )}
      {incident.status === 'open' ? (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            mutation.mutate(undefined, { onSuccess: () => setDescription('') });
          }}
        >
          <ErrorSummary problems={problems} />
          <RadioField
            name="evidence-kind"
            legend={t('web.evidence.add')}
            value={kind}
            onChange={setKind}
            options={[
              { value: 'file', label: t('web.evidence.kind.file') },
              { value: 'url', label: t('web.evidence.kind.url') },
              { value: 'record', label: t('web.evidence.kind.record') },
            ]}
          />
          {kind === 'file' ? (
            <div className="field">
              <label htmlFor="evidence-file">{t('web.evidence.file')}</label>
              <p className="field-hint">
                {incident.imageryForbidden ? t('web.evidence.fileHintNoImages') : t('web.evidence.fileHint')}
              </p>
              <input
                id="evidence-file"
                type="file"
                accept={
                  incident.imageryForbidden
                    ? '.pdf,.txt,.eml,.csv'
                    : '.png,.jpg,.jpeg,.gif,.webp,.pdf,.txt,.eml,.csv'
                }
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </div>
          ) : null}
          {kind === 'url' ? (
            <TextField
              id="evidence-url"
              label={t('web.evidence.url')}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          ) : null}
          <TextAreaField
            id="evidence-description"
            label={t('web.evidence.description')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          {kind === 'record' ? (
            <>
              <TextField
                id="evidence-where"
                label={t('web.evidence.whereItIs')}
                value={whereItIs}
                onChange={(e) => setWhereItIs(e.target.value)}
              />
              <TextField
                id="evidence-told"
                label={t('web.evidence.whoWasTold')}
                value={whoWasTold}
                onChange={(e) => setWhoWasTold(e.target.value)}
              />
            </>
          ) : null}
          <button type="submit" className="button-secondary" disabled={mutation.isPending}>
            {t('web.evidence.addButton')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
