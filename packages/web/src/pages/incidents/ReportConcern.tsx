import type { incidents as core } from '@haven/core';
import {
  ACCESS_ROUTES,
  FIRST_CONTACT,
  FOLLOW_UPS,
  INCIDENT_TYPES,
  PROTOCOL_KINDS,
  RELATIONSHIPS,
} from '@haven/core/incidents/options';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { CheckboxesField } from '../../components/CheckboxesField.tsx';
import { ErrorSummary, type FormProblem } from '../../components/ErrorSummary.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { RadioField } from '../../components/RadioField.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { type FormFields, problemFor, problemsFrom } from '../../form-errors.ts';
import { t } from '../../i18n.ts';
import { incidentApi, incidentKeys, type Submitted } from '../../incidents/endpoints.ts';
import { paths } from '../../paths.ts';
import { useAccount } from '../../session.tsx';

type Report = core.IncidentReportInput;
type Person = NonNullable<Report['involved']>[number];

/** How long typing may pause before the draft is saved to the server. */
const AUTOSAVE_MS = 1500;

const today = () => new Date().toISOString().slice(0, 10);
const opts = (list: readonly { id: string; label: string }[]) =>
  list.map((o) => ({ value: o.id, label: o.label }));

const FIELDS: FormFields = {
  description: { id: 'report-description', label: t('web.report.description') },
  occurredOn: { id: 'report-date', label: t('web.report.date') },
  involved: { id: 'report-person-0-name', label: t('web.report.people') },
  typeDetails: { id: 'report-type-details', label: t('web.report.typeDetails') },
  followUpDetails: { id: 'report-follow-up-details', label: t('web.report.followUpDetails') },
};

const ROLES = ['pupil', 'staff', 'parent', 'visitor', 'other'] as const;
const INVOLVEMENTS = ['victim', 'subject', 'witness', 'other'] as const;

/** What is sent: rows with no name yet are left out, so a half-filled row never blocks a save. */
function toSend(r: Report): Report {
  return { ...r, involved: (r.involved ?? []).filter((p) => p.name.trim() !== '') };
}

function emptyPerson(): Person {
  return { name: '', role: 'pupil', age: null, involvement: 'victim' };
}

/**
 * Report a concern: what happened, when and who first, so a teacher can send it between lessons
 * on a phone; the rest of the school's form (seed 001 appendix 7) below, all optional. The draft
 * is saved to the server as it is typed, so a time-out or a closed tab loses nothing; it is kept
 * nowhere on the device.
 */
export function ReportConcern() {
  const schoolId = useSchoolId();
  const account = useAccount();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const resume = params.get('draft');
  const [draftId, setDraftId] = useState<string | null>(resume);
  const [report, setReport] = useState<Report>({
    reporter: { name: account.displayName, email: account.email },
    occurredOn: today(),
    description: '',
    involved: [emptyPerson()],
    types: [],
    accessRoutes: [],
    followUps: [],
    aboutStaff: 'no',
  });
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [sent, setSent] = useState<Submitted | null>(null);
  const dirty = useRef(false);

  // Continuing a draft from "My reports": load what was saved.
  const mine = useQuery({
    queryKey: incidentKeys.mine(schoolId),
    queryFn: () => incidentApi.mine(schoolId),
    enabled: resume !== null,
  });
  useEffect(() => {
    const found = mine.data?.reports.find((r) => r.id === resume);
    if (found?.report)
      setReport({
        ...(found.report as Report),
        involved: found.report.involved.length > 0 ? found.report.involved : [emptyPerson()],
      });
  }, [mine.data, resume]);

  const save = useMutation({
    mutationFn: async (r: Report) =>
      draftId
        ? incidentApi.saveDraft(schoolId, draftId, toSend(r))
        : incidentApi.startDraft(schoolId, toSend(r)),
    onSuccess: (saved) => {
      setDraftId(saved.id);
      setSavedAt(saved.savedAt);
    },
  });

  const update = (patch: Partial<Report>) => {
    dirty.current = true;
    setReport((r) => ({ ...r, ...patch }));
  };
  const updatePerson = (i: number, patch: Partial<Person>) =>
    update({ involved: (report.involved ?? []).map((p, j) => (j === i ? { ...p, ...patch } : p)) });

  // Autosave after a pause in typing (and never while a save is on its way).
  useEffect(() => {
    if (!dirty.current || sent) return;
    const timer = setTimeout(() => {
      if (!save.isPending) {
        dirty.current = false;
        save.mutate(report);
      }
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [report, sent, save]);

  const submit = useMutation({
    mutationFn: async () => {
      const saved = draftId
        ? await incidentApi.saveDraft(schoolId, draftId, toSend(report))
        : await incidentApi.startDraft(schoolId, toSend(report));
      setDraftId(saved.id);
      dirty.current = false;
      return incidentApi.submit(schoolId, saved.id);
    },
    onSuccess: async (result) => {
      setSent(result);
      setProblems([]);
      await queryClient.invalidateQueries({ queryKey: incidentKeys.all(schoolId) });
    },
    onError: (error) => setProblems(problemsFrom(error, FIELDS)),
  });

  if (sent) {
    return (
      <Page title={t('web.report.title')}>
        <Notice tone="success" title={t('web.report.sentTitle', { number: sent.number })} live="polite">
          <p>{sent.routedTo}</p>
          {sent.unrouted ? <p>{t('web.report.unrouted')}</p> : null}
        </Notice>
        <p>
          <Link to={paths.myReports}>{t('web.report.seeMine')}</Link>
        </p>
      </Page>
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate();
  };
  const people = report.involved ?? [];

  // A pupil's "I'm worried" or a parent's report: what is wrong, and who if they want to say.
  if (account.grants.includes('pupil') || account.grants.includes('parent')) {
    const pupil = account.grants.includes('pupil');
    return (
      <Page title={pupil ? t('web.worry.title') : t('web.worry.parentTitle')}>
        <Notice tone="info">
          <p>{pupil ? t('web.worry.intro') : t('web.worry.parentIntro')}</p>
        </Notice>
        <ErrorSummary problems={problems} />
        <form className="form" onSubmit={onSubmit} noValidate>
          <TextAreaField
            id={FIELDS.description!.id}
            label={pupil ? t('web.worry.what') : t('web.worry.parentWhat')}
            rows={6}
            value={report.description ?? ''}
            onChange={(e) => update({ description: e.target.value })}
            error={problemFor(problems, FIELDS.description!.id)}
          />
          <TextField
            id="report-person-0-name"
            label={t('web.worry.who')}
            value={people[0]?.name ?? ''}
            onChange={(e) => updatePerson(0, { name: e.target.value, involvement: 'other' })}
          />
          <p className="actions">
            <button type="submit" disabled={submit.isPending}>
              {t('web.worry.send')}
            </button>
          </p>
        </form>
      </Page>
    );
  }

  return (
    <Page title={t('web.report.title')}>
      <Notice tone="warning">
        <p>{t('web.report.danger')}</p>
        <p>{t('web.report.noImages')}</p>
      </Notice>
      <p>
        <Link to={paths.reportBreach}>{t('web.report.breachInstead')}</Link>
      </p>
      <ErrorSummary problems={problems} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextAreaField
          id={FIELDS.description!.id}
          label={FIELDS.description!.label}
          hint={t('web.report.descriptionHint')}
          rows={5}
          value={report.description ?? ''}
          onChange={(e) => update({ description: e.target.value })}
          error={problemFor(problems, FIELDS.description!.id)}
        />
        <TextField
          id={FIELDS.occurredOn!.id}
          label={FIELDS.occurredOn!.label}
          type="date"
          value={report.occurredOn ?? ''}
          onChange={(e) => update({ occurredOn: e.target.value || null })}
          error={problemFor(problems, FIELDS.occurredOn!.id)}
        />
        <fieldset className="field fieldset">
          <legend>{t('web.report.people')}</legend>
          <p className="field-hint">{t('web.report.peopleHint')}</p>
          {problemFor(problems, FIELDS.involved!.id) ? (
            <p className="field-error">{problemFor(problems, FIELDS.involved!.id)}</p>
          ) : null}
          {people.map((p, i) => (
            <div className="person-row" key={`person-${i.toString()}`}>
              <TextField
                id={`report-person-${i}-name`}
                label={t('web.report.personName', { n: i + 1 })}
                value={p.name}
                onChange={(e) => updatePerson(i, { name: e.target.value })}
              />
              <SelectField
                id={`report-person-${i}-role`}
                label={t('web.report.personRole')}
                value={p.role ?? 'other'}
                onChange={(e) => updatePerson(i, { role: e.target.value as Person['role'] })}
                options={ROLES.map((r) => ({ value: r, label: t(`web.report.role.${r}`) }))}
              />
              <TextField
                id={`report-person-${i}-age`}
                label={t('web.report.personAge')}
                inputMode="numeric"
                value={p.age ?? ''}
                onChange={(e) =>
                  updatePerson(i, { age: e.target.value === '' ? null : Number(e.target.value) })
                }
              />
              <SelectField
                id={`report-person-${i}-involvement`}
                label={t('web.report.personInvolvement')}
                value={p.involvement ?? 'other'}
                onChange={(e) => updatePerson(i, { involvement: e.target.value as Person['involvement'] })}
                options={INVOLVEMENTS.map((r) => ({ value: r, label: t(`web.report.involvement.${r}`) }))}
              />
            </div>
          ))}
          <button
            type="button"
            className="button-secondary"
            onClick={() => update({ involved: [...people, emptyPerson()] })}
          >
            {t('web.report.addPerson')}
          </button>
        </fieldset>
        <RadioField
          name="report-about-staff"
          legend={t('web.report.aboutStaff')}
          hint={t('web.report.aboutStaffHint')}
          value={report.aboutStaff ?? 'no'}
          onChange={(v) => update({ aboutStaff: v })}
          options={[
            { value: 'no', label: t('web.report.aboutStaff.no') },
            { value: 'staff', label: t('web.report.aboutStaff.staff') },
            { value: 'headteacher', label: t('web.report.aboutStaff.headteacher') },
          ]}
        />
        <CheckboxesField
          name="report-type"
          legend={t('web.report.type')}
          values={report.types ?? []}
          options={opts(INCIDENT_TYPES) as { value: NonNullable<Report['types']>[number]; label: string }[]}
          onChange={(types) => update({ types })}
        />
        {(report.types ?? []).includes('other') ? (
          <TextField
            id={FIELDS.typeDetails!.id}
            label={FIELDS.typeDetails!.label}
            value={report.typeDetails ?? ''}
            onChange={(e) => update({ typeDetails: e.target.value })}
            error={problemFor(problems, FIELDS.typeDetails!.id)}
          />
        ) : null}
        <div className="checkbox">
          <input
            id="report-illegal"
            type="checkbox"
            checked={report.suspectedIllegal ?? false}
            onChange={(e) => update({ suspectedIllegal: e.target.checked })}
          />
          <label htmlFor="report-illegal">{t('web.report.suspectedIllegal')}</label>
        </div>
        <div className="checkbox">
          <input
            id="report-nudes"
            type="checkbox"
            checked={report.nudes ?? false}
            onChange={(e) => update({ nudes: e.target.checked })}
          />
          <label htmlFor="report-nudes">{t('web.report.nudes')}</label>
        </div>
        {report.nudes || report.suspectedIllegal ? (
          <Notice tone="warning">
            <p>{t('web.report.nudesWarning')}</p>
          </Notice>
        ) : null}

        <details className="more">
          <summary>{t('web.report.more')}</summary>
          <TextField
            id="report-phone"
            label={t('web.report.phone')}
            type="tel"
            value={report.reporter?.phone ?? ''}
            onChange={(e) => update({ reporter: { ...report.reporter, phone: e.target.value } })}
          />
          <TextField
            id="report-place"
            label={t('web.report.place')}
            value={report.place ?? ''}
            onChange={(e) => update({ place: e.target.value })}
          />
          <RadioField
            name="report-relationship"
            legend={t('web.report.relationship')}
            value={report.relationship ?? ''}
            onChange={(v) => update({ relationship: v === '' ? null : (v as Report['relationship']) })}
            options={[...opts(RELATIONSHIPS), { value: '', label: t('web.report.notSure') }]}
          />
          <CheckboxesField
            name="report-access"
            legend={t('web.report.access')}
            values={report.accessRoutes ?? []}
            options={
              opts(ACCESS_ROUTES) as { value: NonNullable<Report['accessRoutes']>[number]; label: string }[]
            }
            onChange={(accessRoutes) => update({ accessRoutes })}
          />
          <TextAreaField
            id="report-action-people"
            label={t('web.report.actionPeople')}
            value={report.actionPeople ?? ''}
            onChange={(e) => update({ actionPeople: e.target.value })}
          />
          <TextAreaField
            id="report-action-content"
            label={t('web.report.actionContent')}
            value={report.actionContent ?? ''}
            onChange={(e) => update({ actionContent: e.target.value })}
          />
          <CheckboxesField
            name="report-follow-up"
            legend={t('web.report.followUp')}
            values={report.followUps ?? []}
            options={opts(FOLLOW_UPS) as { value: NonNullable<Report['followUps']>[number]; label: string }[]}
            onChange={(followUps) => update({ followUps })}
          />
          <TextField
            id={FIELDS.followUpDetails!.id}
            label={FIELDS.followUpDetails!.label}
            value={report.followUpDetails ?? ''}
            onChange={(e) => update({ followUpDetails: e.target.value })}
            error={problemFor(problems, FIELDS.followUpDetails!.id)}
          />
          <SelectField
            id="report-kind"
            label={t('web.report.kind')}
            value={report.protocolKind ?? ''}
            onChange={(e) => update({ protocolKind: (e.target.value || null) as Report['protocolKind'] })}
            options={[
              { value: '', label: t('web.report.notSure') },
              ...PROTOCOL_KINDS.map((k) => ({ value: k.id, label: k.label })),
            ]}
          />
          <SelectField
            id="report-first-contact"
            label={t('web.report.firstContact')}
            value={report.firstContact ?? ''}
            onChange={(e) => update({ firstContact: (e.target.value || null) as Report['firstContact'] })}
            options={[{ value: '', label: t('web.report.notSure') }, ...opts(FIRST_CONTACT)]}
          />
          <div className="checkbox">
            <input
              id="report-out-of-school"
              type="checkbox"
              checked={report.outOfSchool ?? false}
              onChange={(e) => update({ outOfSchool: e.target.checked })}
            />
            <label htmlFor="report-out-of-school">{t('web.report.outOfSchool')}</label>
          </div>
        </details>

        <p className="actions">
          <button type="submit" disabled={submit.isPending}>
            {t('web.report.send')}
          </button>
        </p>
        <p className="field-hint" role="status">
          {save.isError
            ? t('web.report.notSaved')
            : savedAt
              ? t('web.report.saved', {
                  time: new Date(savedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }),
                })
              : t('web.report.willSave')}
        </p>
      </form>
    </Page>
  );
}
