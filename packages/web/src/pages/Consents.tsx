import { can } from '@haven/core/access';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { CheckboxesField } from '../components/CheckboxesField.tsx';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ErrorSummary, type FormProblem } from '../components/ErrorSummary.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { Page } from '../components/Page.tsx';
import { RadioField } from '../components/RadioField.tsx';
import { useSchoolId } from '../components/RequireSchool.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import {
  type ConsentDecision,
  type ConsentListView,
  type ConsentPurpose,
  consentApi,
  consentKeys,
  type StateView,
} from '../consents/endpoints.ts';
import { problemFor, problemsFrom } from '../form-errors.ts';
import { t } from '../i18n.ts';
import { useAccount } from '../session.tsx';

/** A state in words: "Assumed, not given" must read differently from "Given", not only look it. */
export function stateText(s: StateView | undefined): string {
  if (!s) return t('web.consents.state.none');
  const label = t(`web.consents.state.${s.state}`);
  if (!s.since) return label;
  return s.by
    ? t('web.consents.stateSinceBy', { state: label, since: s.since, by: s.by })
    : t('web.consents.stateSince', { state: label, since: s.since });
}

function StateCell({ s }: { s: StateView | undefined }) {
  return <span className={`consent-state consent-${s?.state ?? 'none'}`}>{stateText(s)}</span>;
}

function GdprWarning({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <Notice tone="warning" title={t('web.consents.assumedTitle')}>
      <p>{text}</p>
    </Notice>
  );
}

const groupValue = (g: { yearGroup: string | null; className: string | null }, kind: 'year' | 'class') =>
  kind === 'year' ? `year:${g.yearGroup ?? ''}` : `class:${g.className ?? ''}`;

function groupQuery(value: string): { yearGroup?: string; className?: string } {
  if (value.startsWith('year:')) return { yearGroup: value.slice(5) };
  if (value.startsWith('class:')) return { className: value.slice(6) };
  return {};
}

function groupOptions(groups: ConsentListView['groups']) {
  const years = [...new Set(groups.map((g) => g.yearGroup).filter((y): y is string => !!y))];
  const classes = [...new Set(groups.map((g) => g.className).filter((c): c is string => !!c))];
  return [
    { value: '', label: t('web.consents.chooseGroup') },
    ...years.map((y) => ({ value: groupValue({ yearGroup: y, className: null }, 'year'), label: y })),
    ...classes.map((c) => ({
      value: groupValue({ yearGroup: null, className: c }, 'class'),
      label: t('web.consents.class', { name: c }),
    })),
  ];
}

/** Staff: a class's or year's consents, a change from a paper form, and the publishing check. */
export function Consents() {
  const schoolId = useSchoolId();
  const [group, setGroup] = useState('');
  const [pupilId, setPupilId] = useState<string | null>(null);
  const mayRecord = can(useAccount().grants, 'consents', 'record');
  const list = useQuery({
    queryKey: consentKeys.list(schoolId, group),
    queryFn: () => consentApi.list(schoolId, groupQuery(group)),
  });
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorMessage error={list.error} />;
  const view = list.data;
  type Row = ConsentListView['pupils'][number];
  const columns: Column<Row>[] = [
    { key: 'name', header: t('web.consents.pupil'), cell: (r) => r.name, rowHeader: true },
    ...view.purposes.map((p) => ({
      key: p.id,
      header: p.title,
      cell: (r: Row) => <StateCell s={r.states.find((s) => s.purpose === p.id)} />,
    })),
    // Only those who may record get the button (the server refuses anyone else regardless).
    ...(mayRecord
      ? [
          {
            key: 'record',
            header: t('web.consents.change'),
            cell: (r: Row) => (
              <button type="button" className="button-secondary" onClick={() => setPupilId(r.pupilId)}>
                {t('web.consents.recordFor', { name: r.name })}
              </button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Page title={t('web.consents.title')}>
      <p>{t('web.consents.intro')}</p>
      {view.purposes.length === 0 ? (
        <Notice tone="info">
          <p>{t('web.consents.noPurposes')}</p>
        </Notice>
      ) : (
        <>
          <PurposeList purposes={view.purposes} />
          <SelectField
            id="consent-group"
            label={t('web.consents.group')}
            value={group}
            onChange={(e) => {
              setGroup(e.target.value);
              setPupilId(null);
            }}
            options={groupOptions(view.groups)}
          />
          <GdprWarning text={view.warning} />
          {group ? (
            <DataTable
              caption={t('web.consents.tableCaption')}
              columns={columns}
              rows={view.pupils}
              rowKey={(r) => r.pupilId}
              empty={<p>{t('web.consents.noPupils')}</p>}
            />
          ) : null}
          {pupilId ? (
            <RecordChange key={pupilId} schoolId={schoolId} pupilId={pupilId} purposes={view.purposes} />
          ) : null}
          {group && view.pupils.length > 0 ? (
            <PublishingCheck schoolId={schoolId} purposes={view.purposes} pupils={view.pupils} />
          ) : null}
        </>
      )}
    </Page>
  );
}

function PurposeList({ purposes }: { purposes: ConsentPurpose[] }) {
  return (
    <details className="consent-purposes">
      <summary>{t('web.consents.purposesSummary')}</summary>
      <ul>
        {purposes.map((p) => (
          <li key={p.id}>
            <strong>{p.title}</strong>: “{p.question}”{' '}
            <span className="field-hint">
              {p.noResponse === 'assumed' ? t('web.consents.defaultAssumed') : t('web.consents.defaultNone')}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

/** A change from a paper form or a call: which purpose, what was decided, by whom, and when. */
function RecordChange({
  schoolId,
  pupilId,
  purposes,
}: {
  schoolId: string;
  pupilId: string;
  purposes: ConsentPurpose[];
}) {
  const queryClient = useQueryClient();
  const pupil = useQuery({
    queryKey: consentKeys.pupil(schoolId, pupilId),
    queryFn: () => consentApi.pupil(schoolId, pupilId),
  });
  const [purpose, setPurpose] = useState(purposes[0]?.id ?? '');
  const [decision, setDecision] = useState<ConsentDecision>('given');
  const [method, setMethod] = useState<'paper-form' | 'phone'>('paper-form');
  const [parent, setParent] = useState('');
  const [parentName, setParentName] = useState('');
  const [decidedOn, setDecidedOn] = useState(today());
  const [signed, setSigned] = useState<'signed'[]>(['signed']);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const record = useMutation({
    mutationFn: () =>
      consentApi.record(schoolId, pupilId, {
        purpose,
        decision,
        method,
        ...(parent && parent !== 'other' ? { parentId: parent } : { parentName }),
        decidedOn,
        ...(method === 'paper-form' ? { formSigned: signed.length > 0 } : {}),
        ...(note ? { note } : {}),
      }),
    onSuccess: () => {
      setProblems([]);
      void queryClient.invalidateQueries({ queryKey: consentKeys.all(schoolId) });
    },
    onError: (e) =>
      setProblems(
        problemsFrom(e, {
          decision: { id: 'consent-decision-given', label: t('web.consents.decision') },
          parentId: { id: 'consent-parent', label: t('web.consents.parent') },
          parentName: { id: 'consent-parent-name', label: t('web.consents.parentName') },
          decidedOn: { id: 'consent-date', label: t('web.consents.date') },
        }),
      ),
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = pupil.isSuccess;
  // Move focus to the form once it is there, so a keyboard user lands on what they asked for.
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);
  if (pupil.isPending) return <Loading />;
  if (pupil.isError) return <ErrorMessage error={pupil.error} />;
  const p = pupil.data;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate();
  };
  const parentOptions = [
    { value: '', label: t('web.consents.chooseParent') },
    ...p.guardians.map((g) => ({
      value: g.parentId,
      label: g.relationship ? `${g.name} (${g.relationship})` : g.name,
    })),
    { value: 'other', label: t('web.consents.otherParent') },
  ];
  return (
    <section aria-labelledby="consent-record-heading" className="card">
      <h2 id="consent-record-heading" tabIndex={-1} ref={headingRef}>
        {t('web.consents.recordTitle', { name: p.pupil.name })}
      </h2>
      <GdprWarning text={p.warning} />
      <ul>
        {p.purposes.map((x) => (
          <li key={x.id}>
            {x.title}: <StateCell s={p.states.find((s) => s.purpose === x.id)} />
          </li>
        ))}
      </ul>
      {record.data ? (
        <Notice tone="success" live="polite" title={t('web.consents.recorded')}>
          <p>{stateText(record.data.state)}</p>
        </Notice>
      ) : null}
      <ErrorSummary problems={problems} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <SelectField
          id="consent-purpose"
          label={t('web.consents.purpose')}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          options={purposes.map((x) => ({ value: x.id, label: x.title }))}
        />
        <RadioField
          name="consent-decision"
          legend={t('web.consents.decision')}
          value={decision}
          onChange={setDecision}
          error={problemFor(problems, 'consent-decision-given')}
          options={(['given', 'refused', 'withdrawn'] as const).map((d) => ({
            value: d,
            label: t(`web.consents.decision.${d}`),
          }))}
        />
        <RadioField
          name="consent-method"
          legend={t('web.consents.method')}
          value={method}
          onChange={setMethod}
          options={(['paper-form', 'phone'] as const).map((m) => ({
            value: m,
            label: t(`web.consents.method.${m}`),
          }))}
        />
        <SelectField
          id="consent-parent"
          label={t('web.consents.parent')}
          value={parent}
          onChange={(e) => setParent(e.target.value)}
          options={parentOptions}
          error={problemFor(problems, 'consent-parent')}
        />
        {parent === 'other' || parent === '' ? (
          <TextField
            id="consent-parent-name"
            label={t('web.consents.parentName')}
            hint={t('web.consents.parentNameHint')}
            value={parentName}
            onChange={(e) => setParentName(e.target.value)}
            error={problemFor(problems, 'consent-parent-name')}
          />
        ) : null}
        <TextField
          id="consent-date"
          label={t('web.consents.date')}
          type="date"
          value={decidedOn}
          onChange={(e) => setDecidedOn(e.target.value)}
          error={problemFor(problems, 'consent-date')}
        />
        {method === 'paper-form' ? (
          <CheckboxesField
            name="consent-signed"
            legend={t('web.consents.signedLegend')}
            values={signed}
            onChange={setSigned}
            options={[{ value: 'signed', label: t('web.consents.signed') }]}
          />
        ) : null}
        <TextField
          id="consent-note"
          label={t('web.consents.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <p className="actions">
          <button type="submit" disabled={record.isPending}>
            {t('web.consents.save')}
          </button>
        </p>
      </form>
      <h3>{t('web.consents.history')}</h3>
      {p.history.length === 0 ? (
        <p>{t('web.consents.noHistory')}</p>
      ) : (
        <ol className="consent-history">
          {p.history.map((h) => (
            <li key={h.id}>
              {t('web.consents.historyLine', {
                date: h.decidedOn,
                purpose: p.purposes.find((x) => x.id === h.purpose)?.title ?? h.purpose,
                decision: t(`web.consents.decision.${h.decision}`),
                by: h.relationship ? `${h.parentName} (${h.relationship})` : h.parentName,
                method: t(`web.consents.method.${h.method}`),
                recordedBy: h.recordedBy,
              })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** "May we publish this photo of these pupils on the website?": choose pupils, answer pupil by pupil. */
function PublishingCheck({
  schoolId,
  purposes,
  pupils,
}: {
  schoolId: string;
  purposes: ConsentPurpose[];
  pupils: ConsentListView['pupils'];
}) {
  const [purpose, setPurpose] = useState((purposes.find((p) => p.website) ?? purposes[0])?.id ?? '');
  const [use, setUse] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const current = purposes.find((p) => p.id === purpose);
  const check = useMutation({
    mutationFn: () => consentApi.check(schoolId, { purpose, ...(use ? { use } : {}), pupilIds: chosen }),
    onSuccess: () => setProblems([]),
    onError: (e) =>
      setProblems(
        problemsFrom(e, { pupilIds: { id: 'check-pupils', label: t('web.consents.checkPupils') } }),
      ),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    check.mutate();
  };
  return (
    <section aria-labelledby="consent-check-heading" className="card">
      <h2 id="consent-check-heading">{t('web.consents.checkTitle')}</h2>
      <ErrorSummary problems={problems} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <SelectField
          id="check-purpose"
          label={t('web.consents.checkPurpose')}
          value={purpose}
          onChange={(e) => {
            setPurpose(e.target.value);
            setUse('');
          }}
          options={purposes.map((p) => ({ value: p.id, label: p.title }))}
        />
        {current && current.uses.length > 0 ? (
          <SelectField
            id="check-use"
            label={t('web.consents.checkUse')}
            value={use}
            onChange={(e) => setUse(e.target.value)}
            options={[
              { value: '', label: t('web.consents.checkUseAll') },
              ...current.uses.map((u) => ({ value: u.id, label: u.label })),
            ]}
          />
        ) : null}
        <CheckboxesField
          name="check-pupils"
          legend={t('web.consents.checkPupils')}
          values={chosen}
          onChange={setChosen}
          error={problemFor(problems, 'check-pupils')}
          options={pupils.map((p) => ({ value: p.pupilId, label: p.name }))}
        />
        <p className="actions">
          <button type="submit" disabled={check.isPending}>
            {t('web.consents.checkButton')}
          </button>
        </p>
      </form>
      {check.data ? (
        <div role="status">
          <p>
            <strong>
              {check.data.allYes
                ? t('web.consents.checkAllYes')
                : t('web.consents.checkNotAll', {
                    yes: check.data.counts.yes,
                    total: check.data.pupils.length,
                  })}
            </strong>
          </p>
          <ul className="consent-answers">
            {check.data.pupils.map((r) => (
              <li key={r.pupilId} className={`consent-answer consent-answer-${r.answer}`}>
                <strong>{r.name}</strong>: {t(`web.consents.answer.${r.answer}`)}
                {r.since ? ` ${t('web.consents.answerSince', { since: r.since, by: r.by ?? '' })}` : ''}
              </li>
            ))}
          </ul>
          <GdprWarning text={check.data.warning} />
        </div>
      ) : null}
    </section>
  );
}

/** A parent: their children's consents, and give, refuse or withdraw each one. */
export function MyChildrenConsents() {
  const schoolId = useSchoolId();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: consentKeys.mine(schoolId), queryFn: () => consentApi.mine(schoolId) });
  const [done, setDone] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (v: { pupilId: string; purpose: string; decision: ConsentDecision }) =>
      consentApi.record(schoolId, v.pupilId, { purpose: v.purpose, decision: v.decision }),
    onSuccess: (r) => {
      setDone(stateText(r.state));
      void queryClient.invalidateQueries({ queryKey: consentKeys.all(schoolId) });
    },
  });
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <ErrorMessage error={mine.error} />;
  const view = mine.data;
  return (
    <Page title={t('web.consents.mineTitle')}>
      <p>{t('web.consents.mineIntro')}</p>
      {done ? (
        <Notice tone="success" live="polite" title={t('web.consents.recorded')}>
          <p>{done}</p>
        </Notice>
      ) : null}
      {decide.isError ? <ErrorMessage error={decide.error} /> : null}
      <GdprWarning text={view.warning} />
      {view.children.length === 0 ? <p>{t('web.consents.noChildren')}</p> : null}
      {view.children.map((c) => (
        <section key={c.pupil.id} className="card" aria-labelledby={`child-${c.pupil.id}`}>
          <h2 id={`child-${c.pupil.id}`}>{c.pupil.name}</h2>
          {view.purposes.map((p) => {
            const s = c.states.find((x) => x.purpose === p.id);
            const act = (decision: ConsentDecision) =>
              decide.mutate({ pupilId: c.pupil.id, purpose: p.id, decision });
            return (
              <div key={p.id} className="consent-purpose">
                <h3>{p.title}</h3>
                <p className="field-hint">“{p.question}”</p>
                <p>
                  <StateCell s={s} />
                </p>
                <p className="actions">
                  {s?.state !== 'given' ? (
                    <button
                      type="button"
                      aria-label={`${t('web.consents.give')}: ${p.title}`}
                      disabled={decide.isPending}
                      onClick={() => act('given')}
                    >
                      {t('web.consents.give')}
                    </button>
                  ) : null}
                  {s?.state === 'given' || s?.state === 'assumed' ? (
                    <button
                      type="button"
                      className="button-secondary"
                      aria-label={`${t('web.consents.withdraw')}: ${p.title}`}
                      disabled={decide.isPending}
                      onClick={() => act('withdrawn')}
                    >
                      {t('web.consents.withdraw')}
                    </button>
                  ) : s?.state !== 'refused' && s?.state !== 'withdrawn' ? (
                    <button
                      type="button"
                      className="button-secondary"
                      aria-label={`${t('web.consents.refuse')}: ${p.title}`}
                      disabled={decide.isPending}
                      onClick={() => act('refused')}
                    >
                      {t('web.consents.refuse')}
                    </button>
                  ) : null}
                </p>
              </div>
            );
          })}
        </section>
      ))}
    </Page>
  );
}
