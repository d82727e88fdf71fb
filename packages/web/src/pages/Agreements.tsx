import { can } from '@haven/core/access';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import {
  type AgreementRow,
  type AgreementTextView,
  agreementApi,
  agreementKeys,
  type PendingApproval,
  type RequiredView,
  type SignResult,
} from '../agreements/endpoints.ts';
import { isApiError } from '../api.ts';
import { CheckboxesField } from '../components/CheckboxesField.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ErrorSummary, type FormProblem } from '../components/ErrorSummary.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { Page } from '../components/Page.tsx';
import { useSchoolId } from '../components/RequireSchool.tsx';
import { TextField } from '../components/TextField.tsx';
import { problemFor, problemsFrom } from '../form-errors.ts';
import { t } from '../i18n.ts';
import { paths } from '../paths.ts';
import { useAccount } from '../session.tsx';

const stateText = (r: RequiredView) => t(`web.agreements.state.${r.state}`, { version: r.version });

function RequiredList({ rows, personId }: { rows: RequiredView[]; personId?: string }) {
  if (rows.length === 0) return <p>{t('web.agreements.none')}</p>;
  return (
    <ul className="agreement-list">
      {rows.map((r) => (
        <li key={r.agreement}>
          <strong>{r.title}</strong> ({t('web.agreements.versionN', { version: r.version })}):{' '}
          <span className={`agreement-state agreement-${r.state}`}>{stateText(r)}</span>
          {r.signed || r.state === 'awaiting-approval' ? null : (
            <>
              {' '}
              <Link to={paths.signAgreement(r.agreement, personId)}>
                {t('web.agreements.signLink', { title: r.title })}
              </Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Everyone: what I must sign, and what I sign for each of my children; admins also see versions. */
export function Agreements() {
  const schoolId = useSchoolId();
  const account = useAccount();
  const mine = useQuery({
    queryKey: agreementKeys.mine(schoolId),
    queryFn: () => agreementApi.mine(schoolId),
  });
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <ErrorMessage error={mine.error} />;
  const view = mine.data;
  return (
    <Page title={t('web.agreements.title')}>
      <p>{t('web.agreements.intro')}</p>
      <section aria-labelledby="agreements-mine">
        <h2 id="agreements-mine">{t('web.agreements.yours')}</h2>
        {view.person ? <RequiredList rows={view.required} /> : <p>{t('web.agreements.noPerson')}</p>}
      </section>
      {view.children.map((c) => (
        <section key={c.person.id} aria-labelledby={`agreements-child-${c.person.id}`}>
          <h2 id={`agreements-child-${c.person.id}`}>{c.person.name}</h2>
          <RequiredList rows={c.required} personId={c.person.id} />
        </section>
      ))}
      {account && can(account.grants, 'agreements', 'approve') ? <Approvals /> : null}
      {account && can(account.grants, 'agreements', 'manage') ? <AgreementVersions /> : null}
    </Page>
  );
}

/** Seed 001 appendix 1: signatures waiting for the "Authorised signature". */
function Approvals() {
  const schoolId = useSchoolId();
  const pending = useQuery({
    queryKey: agreementKeys.approvals(schoolId),
    queryFn: () => agreementApi.approvals(schoolId),
  });
  if (pending.isPending) return <Loading />;
  if (pending.isError) return <ErrorMessage error={pending.error} />;
  if (pending.data.length === 0) return null;
  return (
    <section aria-labelledby="agreements-approvals">
      <h2 id="agreements-approvals">{t('web.agreements.approvals')}</h2>
      {pending.data.map((p) => (
        <ApprovalForm key={p.signatureId} pending={p} />
      ))}
    </section>
  );
}

function ApprovalForm({ pending }: { pending: PendingApproval }) {
  const schoolId = useSchoolId();
  const queryClient = useQueryClient();
  const text = useQuery({
    queryKey: agreementKeys.text(schoolId, pending.agreement),
    queryFn: () => agreementApi.text(schoolId, pending.agreement),
  });
  const [values, setValues] = useState<Record<string, string>>({});
  const approve = useMutation({
    mutationFn: () => agreementApi.approve(schoolId, pending.signatureId, values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementKeys.all(schoolId) }),
  });
  const block = text.data?.agreement.form.approval;
  if (!block) return null;
  const fieldMap = Object.fromEntries(
    block.fields.map((f) => [f.id, { id: `approve-${pending.signatureId}-${f.id}`, label: f.label }]),
  );
  const problems = approve.isError ? problemsFrom(approve.error, fieldMap) : [];
  const headingId = `approval-${pending.signatureId}`;
  return (
    <form
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        approve.mutate();
      }}
    >
      <h3 id={headingId}>
        {t('web.agreements.approvalFor', { name: pending.person.name, title: text.data!.agreement.title })}
      </h3>
      <p>{block.statement.text}</p>
      {problems.length > 0 ? <ErrorSummary problems={problems} /> : null}
      {block.fields.map((f) => (
        <TextField
          key={f.id}
          id={fieldMap[f.id]!.id}
          label={f.label}
          type={f.type === 'date' ? 'date' : 'text'}
          value={values[f.id] ?? ''}
          onChange={(e) => setValues({ ...values, [f.id]: e.target.value })}
          error={problemFor(problems, fieldMap[f.id]!.id)}
        />
      ))}
      <button type="submit" disabled={approve.isPending}>
        {t('web.agreements.approve', { heading: block.heading.label })}
      </button>
    </form>
  );
}

function AgreementVersions() {
  const schoolId = useSchoolId();
  const list = useQuery({
    queryKey: agreementKeys.list(schoolId),
    queryFn: () => agreementApi.list(schoolId),
  });
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorMessage error={list.error} />;
  return (
    <section aria-labelledby="agreements-versions">
      <h2 id="agreements-versions">{t('web.agreements.versions')}</h2>
      {list.data.map((a) => (
        <VersionRow key={a.id} row={a} />
      ))}
    </section>
  );
}

function VersionRow({ row }: { row: AgreementRow }) {
  const schoolId = useSchoolId();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async (f: File) => {
      const bytes = new Uint8Array(await f.arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return agreementApi.import(schoolId, row.id, { filename: f.name, content: btoa(binary) });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementKeys.all(schoolId) }),
  });
  const id = `import-${row.id}`;
  return (
    <div className="agreement-version">
      <h3>{row.title}</h3>
      <p>
        {t('web.agreements.current', { version: row.version })}{' '}
        {row.seed ? t('web.agreements.seed', { seed: row.seed }) : null}
      </p>
      <ul>
        {row.versions.map((v) => (
          <li key={v.version}>
            {t('web.agreements.versionLine', {
              version: v.version,
              source: v.filename ?? t('web.agreements.template'),
              on: v.createdAt.slice(0, 10),
            })}
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate(file);
        }}
      >
        <div className="field">
          <label htmlFor={id}>{t('web.agreements.importLabel', { title: row.title })}</label>
          <p className="field-hint">{t('web.agreements.importHint')}</p>
          <input
            id={id}
            type="file"
            accept=".txt,.md,.docx"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        {upload.isError ? <ErrorSummary problems={problemsFrom(upload.error, {})} /> : null}
        {upload.isSuccess ? (
          <Notice tone="success">
            <p>{t('web.agreements.imported', { version: upload.data.version })}</p>
          </Notice>
        ) : null}
        <button type="submit" disabled={!file || upload.isPending}>
          {t('web.agreements.import')}
        </button>
      </form>
    </div>
  );
}

/** One agreement: its items and the seed's form (KS1's ticks, KS2's statements, the staff form). */
export function SignAgreement() {
  const schoolId = useSchoolId();
  const { agreementId = '' } = useParams();
  const [search] = useSearchParams();
  const personId = search.get('for') ?? undefined;
  const text = useQuery({
    queryKey: agreementKeys.text(schoolId, agreementId),
    queryFn: () => agreementApi.text(schoolId, agreementId),
    // What the signer is reading must not change under them; a newer version is offered instead.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const mine = useQuery({
    queryKey: agreementKeys.mine(schoolId),
    queryFn: () => agreementApi.mine(schoolId),
  });
  if (text.isPending || mine.isPending) return <Loading />;
  if (text.isError) return <ErrorMessage error={text.error} />;
  if (mine.isError) return <ErrorMessage error={mine.error} />;
  const child = personId ? mine.data.children.find((c) => c.person.id === personId) : undefined;
  return (
    <Page title={text.data.agreement.title}>
      {child ? <p>{t('web.agreements.signingFor', { name: child.person.name })}</p> : null}
      <SignForm key={text.data.versionId} view={text.data} personId={personId} />
    </Page>
  );
}

function SignForm({ view, personId }: { view: AgreementTextView; personId: string | undefined }) {
  const schoolId = useSchoolId();
  const queryClient = useQueryClient();
  const a = view.agreement;
  const items = a.sections.flatMap((s) => s.items);
  const [ticks, setTicks] = useState<string[]>([]);
  const [agreed, setAgreed] = useState(false);
  const [permissions, setPermissions] = useState<Record<string, boolean>>({});
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [done, setDone] = useState<SignResult | null>(null);
  const [outdated, setOutdated] = useState<string | null>(null);
  const sign = useMutation({
    mutationFn: () =>
      agreementApi.sign(schoolId, a.id, {
        ...(personId ? { personId } : {}),
        version: view.version,
        textHash: view.textHash,
        answers: {
          agreed: true,
          ...(a.form.kind === 'ticks' ? { ticks } : {}),
          ...(items.some((i) => i.permission) ? { permissions } : {}),
          fields: Object.fromEntries(
            a.form.fields
              .filter((f) => (fields[f.id] ?? []).some((v) => v.trim() !== ''))
              .map((f) => [f.id, f.blanks > 1 ? (fields[f.id] ?? []) : (fields[f.id]?.[0] ?? '')]),
          ),
        },
      }),
    onSuccess: (result) => {
      setDone(result);
      setProblems([]);
      void queryClient.invalidateQueries({ queryKey: agreementKeys.all(schoolId) });
    },
    onError: (error) => {
      if (isApiError(error) && error.id === 'agreement.outdated') {
        // The text on screen stays until the signer chooses to read the new one.
        setOutdated(error.message);
        return;
      }
      setProblems(problemsFrom(error, fieldMap));
    },
  });
  const fieldMap = Object.fromEntries([
    ...a.form.fields.map((f) => [f.id, { id: `field-${f.id}`, label: f.label }]),
    ...items.map((i) => [i.id, { id: `tick-${i.id}`, label: i.label ?? i.text }]),
  ]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!agreed) {
      setProblems([
        { field: 'agree', label: t('web.agreements.agree'), message: t('web.agreements.mustAgree') },
      ]);
      return;
    }
    sign.mutate();
  };
  if (done)
    return (
      <Notice tone="success" title={t('web.agreements.signedTitle')}>
        <p>
          {done.state === 'awaiting-approval'
            ? t('web.agreements.awaitingApproval', { approver: done.approver ?? '' })
            : t('web.agreements.signedAt', { at: done.at.slice(0, 16).replace('T', ' ') })}
        </p>
        <p>
          <a
            href={`/api/schools/${encodeURIComponent(schoolId)}/agreements/signatures/${encodeURIComponent(done.signatureId)}/copy.pdf`}
            download
          >
            {t('web.agreements.copy')}
          </a>
        </p>
        <p>
          <Link to={paths.agreements}>{t('web.agreements.back')}</Link>
        </p>
      </Notice>
    );
  return (
    <form onSubmit={submit} noValidate className="agreement-form">
      {outdated ? (
        <Notice tone="warning" title={t('web.agreements.outdatedTitle')}>
          <p>{outdated}</p>
          <p>
            <Link to={paths.signAgreement(a.id, personId)} reloadDocument>
              {t('web.agreements.readCurrent')}
            </Link>
          </p>
        </Notice>
      ) : null}
      {problems.length > 0 ? <ErrorSummary problems={problems} /> : null}
      <p>{a.intro}</p>
      <p className="agreement-meta">{t('web.agreements.versionN', { version: view.version })}</p>
      {a.notices.map((n) => (
        <Notice key={n.text} tone="info">
          <p>{n.text}</p>
        </Notice>
      ))}
      {a.form.kind === 'ticks' ? (
        <CheckboxesField
          name="tick"
          legend={`${a.form.heading?.label ?? a.title} ${a.form.tick?.label ?? ''}`.trim()}
          values={ticks}
          options={items.map((i) => ({ value: i.id, label: i.label ? `${i.label}: ${i.text}` : i.text }))}
          onChange={setTicks}
          error={problems.find((p) => p.field?.startsWith('tick-'))?.message}
        />
      ) : (
        a.sections.map((s) => (
          <section key={s.id} aria-labelledby={`section-${s.id}`}>
            <h2 id={`section-${s.id}`}>{s.title}</h2>
            <ul>
              {s.items
                .filter((i) => !i.permission)
                .map((i) => (
                  <li key={i.id}>
                    {i.label ? <strong>{i.label}: </strong> : null}
                    {i.text}
                  </li>
                ))}
            </ul>
            {s.items
              .filter((i) => i.permission)
              .map((i) => (
                <div className="checkbox" key={i.id}>
                  <input
                    id={`permission-${i.id}`}
                    type="checkbox"
                    checked={permissions[i.id] ?? false}
                    onChange={(e) => setPermissions({ ...permissions, [i.id]: e.target.checked })}
                  />
                  <label htmlFor={`permission-${i.id}`}>{i.text}</label>
                </div>
              ))}
          </section>
        ))
      )}
      {a.form.declarations.map((d) => (
        <p key={d.id} className="agreement-declaration">
          {d.text}
        </p>
      ))}
      <div className="checkbox">
        <input id="agree" type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
        <label htmlFor="agree">{t('web.agreements.agree')}</label>
      </div>
      {a.form.heading && a.form.kind !== 'ticks' ? <h2>{a.form.heading.label}</h2> : null}
      {a.form.fields.map((f) =>
        Array.from({ length: f.blanks }, (_, i) => {
          const id = f.blanks > 1 ? `field-${f.id}-${i + 1}` : `field-${f.id}`;
          return (
            <TextField
              key={id}
              id={id}
              label={f.blanks > 1 ? `${f.label} (${i + 1})` : f.label}
              type={f.type === 'date' ? 'date' : 'text'}
              value={fields[f.id]?.[i] ?? ''}
              onChange={(e) => {
                const next = [...(fields[f.id] ?? Array.from({ length: f.blanks }, () => ''))];
                next[i] = e.target.value;
                setFields({ ...fields, [f.id]: next });
              }}
              error={i === 0 ? problemFor(problems, `field-${f.id}`) : undefined}
            />
          );
        }),
      )}
      {a.form.approval ? (
        <p className="field-hint">
          {t('web.agreements.approvalNote', { approver: a.form.approval.heading.label })}
        </p>
      ) : null}
      <button type="submit" disabled={sign.isPending}>
        {t('web.agreements.sign')}
      </button>
    </form>
  );
}
