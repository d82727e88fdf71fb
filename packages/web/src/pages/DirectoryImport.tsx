import {
  CSV_ENCODINGS,
  type CsvEncoding,
  fieldsFor,
  IMPORT_KINDS,
  type ImportKind,
  type ImportPlan,
} from '@haven/core/directory';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CheckboxesField } from '../components/CheckboxesField.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ErrorSummary, type FormProblem } from '../components/ErrorSummary.tsx';
import { Notice } from '../components/Notice.tsx';
import { Page } from '../components/Page.tsx';
import { RadioField } from '../components/RadioField.tsx';
import { useSchoolId } from '../components/RequireSchool.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { formatDateTime } from '../dates.ts';
import {
  directoryApi,
  directoryKeys,
  fileBase64,
  type ImportPreview,
  type ImportRequest,
} from '../directory/endpoints.ts';
import { queryKeys } from '../endpoints.ts';
import { problemsFrom } from '../form-errors.ts';
import { t, tOr } from '../i18n.ts';

const FIELDS = {
  kind: { id: 'import-kind', label: t('web.directoryImport.kind') },
  file: { id: 'import-file', label: t('web.directoryImport.file') },
  base64: { id: 'import-file', label: t('web.directoryImport.file') },
  csv: { id: 'import-file', label: t('web.directoryImport.file') },
  encoding: { id: 'import-encoding', label: t('web.directoryImport.encoding') },
};
const SHOWN = 50;

const fieldLabel = (field: string) => tOr(`web.directoryImport.field.${field}`, field);

/**
 * "Import from the MIS": choose the kind and the export, see which column became which field
 * (and change it), the adds, updates, leavers and every problem by line, then import.
 */
export function DirectoryImport() {
  const schoolId = useSchoolId();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('pupils');
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8');
  const [full, setFull] = useState(false);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [sent, setSent] = useState<ImportRequest | null>(null);
  const runs = useQuery({
    queryKey: directoryKeys.runs(schoolId),
    queryFn: () => directoryApi.runs(schoolId),
  });

  const previewing = useMutation({
    mutationFn: (body: ImportRequest) => directoryApi.preview(schoolId, body),
    onSuccess: (result, body) => {
      setPreview(result);
      setSent(body);
      setProblems([]);
      importing.reset();
    },
    onError: (e) => {
      setPreview(null);
      setProblems(problemsFrom(e, FIELDS));
    },
  });
  const importing = useMutation({
    mutationFn: (confirm: 'all' | 'skip-bad-rows') =>
      directoryApi.run(schoolId, { ...(sent as ImportRequest), confirm }),
    onSuccess: () => {
      setPreview(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.people(schoolId) });
      void queryClient.invalidateQueries({ queryKey: directoryKeys.runs(schoolId) });
    },
    onError: (e) => setProblems(problemsFrom(e, FIELDS)),
  });

  const send = async (override: Record<string, string>) => {
    if (!file) {
      setProblems([
        { field: FIELDS.file.id, label: FIELDS.file.label, message: t('web.directoryImport.chooseFile') },
      ]);
      return;
    }
    previewing.mutate({
      kind,
      base64: await fileBase64(file),
      encoding,
      full,
      fileName: file.name,
      ...(Object.keys(override).length > 0 ? { mapping: override } : {}),
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMapping({});
    void send({});
  };
  const remap = (header: string, field: string) => {
    const next = { ...mapping, [header]: field };
    setMapping(next);
    void send(next);
  };

  const kindOptions = IMPORT_KINDS.map((k) => ({ value: k, label: tOr(`web.directoryImport.kind.${k}`, k) }));
  return (
    <Page title={t('web.directoryImport.title')}>
      <div className="directory-import">
        <p>{t('web.directoryImport.intro')}</p>
        <ErrorSummary problems={problems} />
        {importing.data ? (
          <Notice tone="success" live="polite" title={t('web.directoryImport.done')}>
            <p>{countsSentence(importing.data.counts)}</p>
          </Notice>
        ) : null}
        <form className="panel" onSubmit={submit} noValidate>
          <RadioField
            name={FIELDS.kind.id}
            legend={FIELDS.kind.label}
            value={kind}
            options={kindOptions}
            onChange={(value) => {
              setKind(value);
              setPreview(null);
            }}
          />
          <div className="field">
            <label htmlFor={FIELDS.file.id}>{FIELDS.file.label}</label>
            <p className="field-hint">{t('web.directoryImport.fileHint')}</p>
            <input
              id={FIELDS.file.id}
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setPreview(null);
              }}
            />
          </div>
          <SelectField
            id={FIELDS.encoding.id}
            label={FIELDS.encoding.label}
            hint={t('web.directoryImport.encodingHint')}
            value={encoding}
            options={CSV_ENCODINGS.map((e) => ({ value: e, label: e }))}
            onChange={(e) => setEncoding(e.target.value as CsvEncoding)}
          />
          <CheckboxesField
            name="import-full"
            legend={t('web.directoryImport.fullLegend')}
            values={full ? ['full'] : []}
            options={[{ value: 'full', label: t('web.directoryImport.full') }]}
            onChange={(values) => setFull(values.includes('full'))}
          />
          <button type="submit" className="button" disabled={previewing.isPending}>
            {t('web.directoryImport.preview')}
          </button>
        </form>

        {preview ? (
          <PreviewPanels
            preview={preview}
            mapping={mapping}
            onRemap={remap}
            busy={importing.isPending || previewing.isPending}
            onImport={(confirm) => importing.mutate(confirm)}
          />
        ) : null}

        <section className="panel" aria-labelledby="import-runs-heading">
          <h2 id="import-runs-heading">{t('web.directoryImport.runs')}</h2>
          {runs.isError ? <ErrorMessage error={runs.error} /> : null}
          <DataTable
            caption={t('web.directoryImport.runs')}
            captionHidden
            rows={runs.data?.runs ?? []}
            rowKey={(r) => r.id}
            empty={<p className="muted">{t('web.directoryImport.noRuns')}</p>}
            columns={[
              {
                key: 'at',
                header: t('web.directoryImport.when'),
                rowHeader: true,
                cell: (r) => formatDateTime(r.at),
              },
              {
                key: 'kind',
                header: t('web.directoryImport.kind'),
                cell: (r) => tOr(`web.directoryImport.kind.${r.kind}`, r.kind),
              },
              { key: 'by', header: t('web.directoryImport.by'), cell: (r) => r.by.label },
              {
                key: 'file',
                header: t('web.directoryImport.file'),
                cell: (r) => r.fileName ?? r.fileSha256.slice(0, 12),
              },
              {
                key: 'counts',
                header: t('web.directoryImport.result'),
                cell: (r) => countsSentence(r.counts),
              },
            ]}
          />
        </section>
      </div>
    </Page>
  );
}

function countsSentence(c: ImportPreview['counts']): string {
  return t('web.directoryImport.counts', {
    added: c.added,
    updated: c.updated,
    unchanged: c.unchanged,
    leavers: c.leavers,
    skipped: c.badRows,
  });
}

function PreviewPanels({
  preview,
  mapping,
  onRemap,
  onImport,
  busy,
}: {
  preview: ImportPreview;
  mapping: Record<string, string>;
  onRemap: (header: string, field: string) => void;
  onImport: (confirm: 'all' | 'skip-bad-rows') => void;
  busy: boolean;
}) {
  const { plan, counts } = preview;
  const fieldOptions = [
    { value: '', label: t('web.directoryImport.notImported') },
    ...fieldsFor(plan.kind).map((f) => ({ value: f, label: fieldLabel(f) })),
  ];
  const problems = plan.problems;
  return (
    <>
      <section className="panel" aria-labelledby="import-mapping-heading">
        <h2 id="import-mapping-heading">{t('web.directoryImport.mapping')}</h2>
        <p className="muted">{t('web.directoryImport.mappingHint')}</p>
        <DataTable
          caption={t('web.directoryImport.mapping')}
          captionHidden
          rows={plan.mapping.columns}
          rowKey={(c) => `${c.index}`}
          empty={null}
          columns={[
            {
              key: 'header',
              header: t('web.directoryImport.column'),
              rowHeader: true,
              cell: (c) => c.header,
            },
            {
              key: 'field',
              header: t('web.directoryImport.becomes'),
              cell: (c) => (
                <SelectField
                  id={`import-map-${c.index}`}
                  label={t('web.directoryImport.becomesFor', { column: c.header })}
                  value={mapping[c.header] ?? c.field ?? ''}
                  options={fieldOptions}
                  disabled={busy}
                  onChange={(e) => onRemap(c.header, e.target.value)}
                />
              ),
            },
          ]}
        />
      </section>

      <section className="panel" aria-labelledby="import-preview-heading">
        <h2 id="import-preview-heading">{t('web.directoryImport.previewHeading')}</h2>
        <div role="status">
          <dl className="import-counts">
            {(
              [
                ['rows', counts.rows],
                ['added', counts.added],
                ['updated', counts.updated],
                ['unchanged', counts.unchanged],
                ['leavers', counts.leavers],
                ...(plan.kind === 'parents' ? [['linksAdded', counts.linksAdded] as const] : []),
                ...(plan.kind === 'staff' || plan.kind === 'governors'
                  ? [['rolesAdded', counts.rolesAdded] as const]
                  : []),
                ['badRows', counts.badRows],
              ] as const
            ).map(([key, value]) => (
              <div key={key}>
                <dt>{tOr(`web.directoryImport.count.${key}`, key)}</dt>
                <dd data-count={key}>{value}</dd>
              </div>
            ))}
          </dl>
        </div>

        {problems.length > 0 ? (
          <>
            <h3>{t('web.directoryImport.problems', { count: problems.length })}</h3>
            <DataTable
              caption={t('web.directoryImport.problems', { count: problems.length })}
              captionHidden
              rows={problems}
              rowKey={(p) => `${p.line}:${p.column}:${p.reason}`}
              empty={null}
              columns={[
                {
                  key: 'line',
                  header: t('web.directoryImport.line'),
                  rowHeader: true,
                  cell: (p) => p.line ?? '–',
                },
                { key: 'column', header: t('web.directoryImport.column'), cell: (p) => p.column ?? '–' },
                { key: 'reason', header: t('web.directoryImport.reason'), cell: (p) => p.reason },
              ]}
            />
          </>
        ) : null}

        <Changes plan={plan} />

        {!plan.importable ? (
          <Notice tone="error" title={t('web.directoryImport.cannotImport')}>
            <p>{t('web.directoryImport.cannotImportHint')}</p>
          </Notice>
        ) : problems.length > 0 ? (
          <>
            <Notice tone="warning" title={t('web.directoryImport.hasProblems')}>
              <p>{t('web.directoryImport.hasProblemsHint')}</p>
            </Notice>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => onImport('skip-bad-rows')}
            >
              {t('web.directoryImport.importGood', { count: counts.rows - counts.badRows })}
            </button>
          </>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={() => onImport('all')}>
            {t('web.directoryImport.import')}
          </button>
        )}
      </section>
    </>
  );
}

function Changes({ plan }: { plan: ImportPlan }) {
  return (
    <>
      {plan.update.length > 0 ? (
        <>
          <h3>{t('web.directoryImport.updates')}</h3>
          <DataTable
            caption={t('web.directoryImport.updates')}
            captionHidden
            rows={plan.update.slice(0, SHOWN)}
            rowKey={(u) => u.id}
            empty={null}
            columns={[
              { key: 'line', header: t('web.directoryImport.line'), cell: (u) => u.line },
              {
                key: 'who',
                header: t('web.directoryImport.person'),
                rowHeader: true,
                cell: (u) => u.displayName,
              },
              {
                key: 'changes',
                header: t('web.directoryImport.changes'),
                cell: (u) =>
                  u.changes
                    .map((c) => `${fieldLabel(c.field)}: ${c.from ?? '–'} → ${c.to ?? '–'}`)
                    .join('; '),
              },
            ]}
          />
          {plan.update.length > SHOWN ? (
            <p className="muted">{t('web.directoryImport.more', { count: plan.update.length - SHOWN })}</p>
          ) : null}
        </>
      ) : null}
      {plan.leavers.length > 0 ? (
        <>
          <h3>{t('web.directoryImport.leavers')}</h3>
          <DataTable
            caption={t('web.directoryImport.leavers')}
            captionHidden
            rows={plan.leavers.slice(0, SHOWN)}
            rowKey={(l) => l.id}
            empty={null}
            columns={[
              {
                key: 'who',
                header: t('web.directoryImport.person'),
                rowHeader: true,
                cell: (l) => l.displayName,
              },
              { key: 'on', header: t('web.directoryImport.leftOn'), cell: (l) => l.leftOn },
              {
                key: 'why',
                header: t('web.directoryImport.why'),
                cell: (l) =>
                  l.reason === 'absent'
                    ? t('web.directoryImport.leftAbsent')
                    : t('web.directoryImport.leftDate', { line: l.line ?? '' }),
              },
            ]}
          />
          {plan.leavers.length > SHOWN ? (
            <p className="muted">{t('web.directoryImport.more', { count: plan.leavers.length - SHOWN })}</p>
          ) : null}
        </>
      ) : null}
    </>
  );
}
