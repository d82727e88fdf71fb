import { can } from '@haven/core/access';
import { MONITOR_CATEGORIES } from '@haven/core/monitor/categories';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CheckboxesField } from '../components/CheckboxesField.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ErrorSummary, type FormProblem } from '../components/ErrorSummary.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { Page } from '../components/Page.tsx';
import { useSchoolId } from '../components/RequireSchool.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { problemsFrom } from '../form-errors.ts';
import { t } from '../i18n.ts';
import {
  type MonitorSettingsView,
  monitorSettingsApi,
  monitorSettingsKeys,
  type PhraseChange,
  type MonitorSettings as Settings,
  type SummaryRecipient,
  type Threshold,
} from '../monitor/settings-endpoints.ts';
import { useAccount } from '../session.tsx';

const SEVERITIES = [1, 2, 3, 4, 5].map((s) => ({
  value: String(s),
  label: t('web.alerts.severity', { severity: s }),
}));
const categoryLabel = (id: string) => MONITOR_CATEGORIES.find((c) => c.id === id)?.label ?? id;

/** The phrase changes with one phrase's disable or regrade replaced (or dropped, back to the library). */
function withChange(
  changes: PhraseChange[],
  id: string,
  op: 'disable' | 'regrade',
  change: PhraseChange | null,
) {
  const rest = changes.filter((c) => !(c.op === op && c.id === id));
  return change ? [...rest, change] : rest;
}

function ThresholdRow({
  id,
  name,
  value,
  disabled,
  onChange,
}: {
  id: string;
  name: string;
  value: Threshold;
  disabled: boolean;
  onChange(v: Threshold): void;
}) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        <SelectField
          id={`threshold-${id}-alert`}
          label={t('web.monitorSettings.alertFrom', { group: name })}
          options={SEVERITIES}
          value={String(value.alertFrom)}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, alertFrom: Number(e.target.value) })}
        />
      </td>
      <td>
        <SelectField
          id={`threshold-${id}-immediate`}
          label={t('web.monitorSettings.immediateFrom', { group: name })}
          options={SEVERITIES}
          value={String(value.immediateFrom)}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, immediateFrom: Number(e.target.value) })}
        />
      </td>
    </tr>
  );
}

function SettingsForm({
  schoolId,
  view,
  canEdit,
  saved,
  setSaved,
}: {
  schoolId: string;
  view: MonitorSettingsView;
  canEdit: boolean;
  /** Kept by the page: saving reloads the settings, which remakes this form. */
  saved: boolean;
  setSaved(saved: boolean): void;
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Settings>(view.settings);
  const [category, setCategory] = useState('suicide');
  const [added, setAdded] = useState({ category: 'suicide', severity: '3', text: '' });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const save = useMutation({
    mutationFn: () => monitorSettingsApi.save(schoolId, draft, view.revision),
    onSuccess: async () => {
      setProblems([]);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: monitorSettingsKeys.settings(schoolId) });
    },
    onError: (e) => {
      setSaved(false);
      setProblems(problemsFrom(e, {}));
    },
  });
  const set = (patch: Partial<Settings>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const disabledIds = new Set(draft.phrases.flatMap((c) => (c.op === 'disable' ? [c.id] : [])));
  const regraded = new Map(
    draft.phrases.flatMap((c) => (c.op === 'regrade' ? [[c.id, c.severity] as const] : [])),
  );
  const schoolAdds = draft.phrases.filter((c) => c.op === 'add');
  const shown = view.phrases.filter((p) => p.category === category && p.language !== 'school');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const addPhrase = () => {
    if (!added.text.trim()) return;
    set({
      phrases: [
        ...draft.phrases,
        { op: 'add', category: added.category, severity: Number(added.severity), text: added.text.trim() },
      ],
    });
    setAdded({ ...added, text: '' });
  };
  const recipients: { value: SummaryRecipient; label: string }[] = [
    { value: 'headteacher', label: t('web.monitorSettings.to.headteacher') },
    { value: 'online-safety-lead', label: t('web.monitorSettings.to.online-safety-lead') },
  ];

  return (
    <form className="form form-wide" onSubmit={submit} aria-label={t('web.monitorSettings.title')}>
      <ErrorSummary problems={problems} />
      {saved ? (
        <Notice tone="success">
          <p>{t('web.monitorSettings.saved')}</p>
        </Notice>
      ) : null}
      <h2>{t('web.monitorSettings.thresholds')}</h2>
      <p>{t('web.monitorSettings.thresholdsIntro')}</p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('web.monitorSettings.group')}</th>
              <th scope="col">{t('web.monitorSettings.alertFromColumn')}</th>
              <th scope="col">{t('web.monitorSettings.immediateFromColumn')}</th>
            </tr>
          </thead>
          <tbody>
            <ThresholdRow
              id="default"
              name={t('web.monitorSettings.otherGroups')}
              value={draft.defaultThreshold}
              disabled={!canEdit}
              onChange={(v) => set({ defaultThreshold: v })}
            />
            {view.groups.map((g) => (
              <ThresholdRow
                key={g.id}
                id={g.id}
                name={g.name}
                value={draft.thresholds[g.id] ?? draft.defaultThreshold}
                disabled={!canEdit}
                onChange={(v) => set({ thresholds: { ...draft.thresholds, [g.id]: v } })}
              />
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('web.monitorSettings.timing')}</h2>
      <SelectField
        id="digest-hours"
        label={t('web.monitorSettings.digest')}
        hint={t('web.monitorSettings.digestHint')}
        value={String(draft.digestHours)}
        disabled={!canEdit}
        onChange={(e) => set({ digestHours: Number(e.target.value) })}
        options={[0, 1, 2, 4, 8, 24].map((h) => ({
          value: String(h),
          label:
            h === 0 ? t('web.monitorSettings.digestOff') : t('web.monitorSettings.digestEvery', { hours: h }),
        }))}
      />
      <TextField
        id="summary-time"
        type="time"
        label={t('web.monitorSettings.summaryTime')}
        hint={t('web.monitorSettings.summaryTimeHint')}
        value={draft.summaryTime}
        disabled={!canEdit}
        onChange={(e) => set({ summaryTime: e.target.value })}
      />
      <CheckboxesField
        name="summary-to"
        legend={t('web.monitorSettings.summaryTo')}
        hint={t('web.monitorSettings.summaryToHint')}
        values={draft.summaryTo.filter((r) => r !== 'dsl')}
        options={recipients}
        onChange={(values) => set({ summaryTo: ['dsl', ...values] })}
      />

      <h2>{t('web.monitorSettings.phrases')}</h2>
      <p>{t('web.monitorSettings.phrasesIntro', { version: view.libraryVersion })}</p>
      <SelectField
        id="phrase-category"
        label={t('web.monitorSettings.category')}
        value={category}
        onChange={(e) => setCategory(e.target.value)}
        options={MONITOR_CATEGORIES.map((c) => ({ value: c.id, label: c.label }))}
      />
      <div className="table-scroll">
        <table className="data-table">
          <caption>{categoryLabel(category)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('web.monitorSettings.phrase')}</th>
              <th scope="col">{t('web.monitorSettings.language')}</th>
              <th scope="col">{t('web.monitorSettings.severity')}</th>
              <th scope="col">{t('web.monitorSettings.used')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => {
              const severity = regraded.get(p.id) ?? p.librarySeverity;
              const enabled = !disabledIds.has(p.id);
              return (
                <tr key={p.id}>
                  <th scope="row" lang={p.language === 'cy' ? 'cy' : undefined}>
                    {p.text}
                  </th>
                  <td>{p.language}</td>
                  <td>
                    <label className="visually-hidden" htmlFor={`sev-${p.id}`}>
                      {t('web.monitorSettings.severityOf', { phrase: p.text })}
                    </label>
                    <select
                      id={`sev-${p.id}`}
                      value={String(severity)}
                      disabled={!canEdit}
                      onChange={(e) => {
                        const s = Number(e.target.value);
                        set({
                          phrases: withChange(
                            draft.phrases,
                            p.id,
                            'regrade',
                            s === p.librarySeverity ? null : { op: 'regrade', id: p.id, severity: s },
                          ),
                        });
                      }}
                    >
                      {SEVERITIES.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.value}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('web.monitorSettings.useOf', { phrase: p.text })}
                      checked={enabled}
                      disabled={!canEdit}
                      onChange={(e) =>
                        set({
                          phrases: withChange(
                            draft.phrases,
                            p.id,
                            'disable',
                            e.target.checked ? null : { op: 'disable', id: p.id },
                          ),
                        })
                      }
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h3>{t('web.monitorSettings.schoolPhrases')}</h3>
      {schoolAdds.length === 0 ? (
        <p>{t('web.monitorSettings.noSchoolPhrases')}</p>
      ) : (
        <ul>
          {schoolAdds.map((c) =>
            c.op === 'add' ? (
              <li key={`${c.category}:${c.text}`}>
                {categoryLabel(c.category)} · {t('web.alerts.severity', { severity: c.severity })}: “{c.text}”{' '}
                {canEdit ? (
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => set({ phrases: draft.phrases.filter((x) => x !== c) })}
                  >
                    {t('web.monitorSettings.remove', { phrase: c.text })}
                  </button>
                ) : null}
              </li>
            ) : null,
          )}
        </ul>
      )}
      {canEdit ? (
        <fieldset className="fieldset">
          <legend>{t('web.monitorSettings.add')}</legend>
          <SelectField
            id="add-category"
            label={t('web.monitorSettings.category')}
            value={added.category}
            onChange={(e) => setAdded({ ...added, category: e.target.value })}
            options={MONITOR_CATEGORIES.map((c) => ({ value: c.id, label: c.label }))}
          />
          <SelectField
            id="add-severity"
            label={t('web.monitorSettings.severity')}
            value={added.severity}
            onChange={(e) => setAdded({ ...added, severity: e.target.value })}
            options={SEVERITIES}
          />
          <TextField
            id="add-text"
            label={t('web.monitorSettings.phrase')}
            value={added.text}
            maxLength={200}
            onChange={(e) => setAdded({ ...added, text: e.target.value })}
          />
          <p className="actions">
            <button type="button" className="button-secondary" onClick={addPhrase}>
              {t('web.monitorSettings.addButton')}
            </button>
          </p>
        </fieldset>
      ) : null}
      {canEdit ? (
        <p className="actions">
          <button type="submit" disabled={save.isPending}>
            {t('web.monitorSettings.save')}
          </button>
        </p>
      ) : null}
    </form>
  );
}

function Suppressions({ schoolId }: { schoolId: string }) {
  const queryClient = useQueryClient();
  const { grants } = useAccount();
  const list = useQuery({
    queryKey: monitorSettingsKeys.suppressions(schoolId),
    queryFn: () => monitorSettingsApi.suppressions(schoolId),
  });
  const lift = useMutation({
    mutationFn: (s: { phraseId: string; context: string }) => monitorSettingsApi.lift(schoolId, s),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitorSettingsKeys.suppressions(schoolId) }),
  });
  if (list.isError) return <ErrorMessage error={list.error} retry={() => void list.refetch()} />;
  if (!list.data) return <Loading />;
  return (
    <>
      <h2>{t('web.monitorSettings.suppressions')}</h2>
      <p>{t('web.monitorSettings.suppressionsIntro')}</p>
      {list.data.suppressions.length === 0 ? (
        <p>{t('web.monitorSettings.noSuppressions')}</p>
      ) : (
        <ul className="card-list">
          {list.data.suppressions.map((s) => (
            <li className="card" key={`${s.phraseId}:${s.context}`}>
              <p>
                <strong>{s.phraseId.split(':').slice(2).join(':')}</strong> · “{s.context}”
              </p>
              <p className="muted">{t('web.monitorSettings.suppressedBy', { by: s.createdBy })}</p>
              {can(grants, 'monitorAlerts', 'triage') ? (
                <button
                  type="button"
                  className="button-secondary"
                  disabled={lift.isPending}
                  onClick={() => lift.mutate(s)}
                >
                  {t('web.monitorSettings.lift')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** What monitoring looks for and when it tells the DSL: thresholds, digests, the summary, phrases. */
export function MonitorSettings() {
  const schoolId = useSchoolId();
  const { grants } = useAccount();
  const [saved, setSaved] = useState(false);
  const view = useQuery({
    queryKey: monitorSettingsKeys.settings(schoolId),
    queryFn: () => monitorSettingsApi.settings(schoolId),
  });
  return (
    <Page title={t('web.monitorSettings.title')}>
      <p>{t('web.monitorSettings.intro')}</p>
      {view.data ? (
        <SettingsForm
          key={view.data.revision}
          schoolId={schoolId}
          view={view.data}
          canEdit={can(grants, 'monitorSettings', 'write')}
          saved={saved}
          setSaved={setSaved}
        />
      ) : view.isError ? (
        <ErrorMessage error={view.error} retry={() => void view.refetch()} />
      ) : (
        <Loading />
      )}
      {can(grants, 'monitorAlerts', 'read') ? <Suppressions schoolId={schoolId} /> : null}
    </Page>
  );
}
