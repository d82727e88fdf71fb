import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
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
import { type SsoSettings as Settings, ssoApi, ssoKeys } from '../sso/endpoints.ts';

type Flag = 'enabled' | 'providerEnforcesMfa';

interface Draft {
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  domains: string;
  hostedDomain: string;
  tenantId: string;
  flags: Flag[];
}

function draftFrom(s: Settings): Draft {
  return {
    label: s.label,
    issuer: s.issuer,
    clientId: s.clientId,
    clientSecret: '',
    domains: s.allowedDomains.join(', '),
    hostedDomain: s.hostedDomain ?? '',
    tenantId: s.tenantId ?? '',
    flags: [
      ...(s.enabled || !s.configured ? (['enabled'] as const) : []),
      ...(s.providerEnforcesMfa ? (['providerEnforcesMfa'] as const) : []),
    ],
  };
}

const FIELDS = {
  label: { id: 'sso-label', label: t('web.sso.label') },
  issuer: { id: 'sso-issuer', label: t('web.sso.issuer') },
  clientId: { id: 'sso-client-id', label: t('web.sso.clientId') },
  clientSecret: { id: 'sso-client-secret', label: t('web.sso.clientSecret') },
  allowedDomains: { id: 'sso-domains', label: t('web.sso.domains') },
  hostedDomain: { id: 'sso-hosted-domain', label: t('web.sso.hostedDomain') },
  tenantId: { id: 'sso-tenant-id', label: t('web.sso.tenantId') },
};

/** The school administrator's single sign-on settings: one identity provider for the school. */
export function SsoSettings() {
  const schoolId = useSchoolId();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ssoKeys.settings(schoolId), queryFn: () => ssoApi.settings(schoolId) });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (query.data && draft === null) setDraft(draftFrom(query.data));
  }, [query.data, draft]);

  const save = useMutation({
    mutationFn: (d: Draft) =>
      ssoApi.save(schoolId, {
        label: d.label.trim(),
        issuer: d.issuer.trim(),
        clientId: d.clientId.trim(),
        ...(d.clientSecret ? { clientSecret: d.clientSecret } : {}),
        allowedDomains: d.domains
          .split(/[,\s]+/)
          .map((x) => x.trim())
          .filter(Boolean),
        hostedDomain: d.hostedDomain.trim() || null,
        tenantId: d.tenantId.trim() || null,
        enabled: d.flags.includes('enabled'),
        providerEnforcesMfa: d.flags.includes('providerEnforcesMfa'),
      }),
    onSuccess: (view) => {
      queryClient.setQueryData(ssoKeys.settings(schoolId), view);
      void queryClient.invalidateQueries({ queryKey: ssoKeys.providers });
      setDraft(draftFrom(view));
      setProblems([]);
      setSaved(true);
    },
    onError: (e) => {
      setSaved(false);
      setProblems(problemsFrom(e, FIELDS));
    },
  });

  if (query.isPending || (query.data && !draft)) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  if (!draft) return <Loading />;
  const settings = query.data;
  const set = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  const field = (name: keyof typeof FIELDS) => ({
    id: FIELDS[name].id,
    label: FIELDS[name].label,
    error: problemFor(problems, FIELDS[name].id),
  });

  return (
    <Page title={t('web.sso.title')}>
      <div className="sso-settings">
        <p>{t('web.sso.intro')}</p>
        {saved ? (
          <Notice tone="success" live="polite">
            <p>{t('web.sso.saved')}</p>
          </Notice>
        ) : null}
        <ErrorSummary problems={problems} />
        <Notice tone="info">
          <p>
            {settings.redirectUri
              ? t('web.sso.redirectUri', { uri: settings.redirectUri })
              : t('web.sso.noPublicUrl')}
          </p>
        </Notice>
        <form onSubmit={submit} noValidate className="form">
          <TextField
            {...field('label')}
            hint={t('web.sso.labelHint')}
            value={draft.label}
            onChange={(e) => set({ label: e.target.value })}
          />
          <TextField
            {...field('issuer')}
            hint={t('web.sso.issuerHint')}
            type="url"
            spellCheck={false}
            value={draft.issuer}
            onChange={(e) => set({ issuer: e.target.value })}
          />
          <TextField
            {...field('clientId')}
            spellCheck={false}
            value={draft.clientId}
            onChange={(e) => set({ clientId: e.target.value })}
          />
          <TextField
            {...field('clientSecret')}
            hint={settings.clientSecretSet ? t('web.sso.clientSecretKept') : t('web.sso.clientSecretHint')}
            type="password"
            autoComplete="new-password"
            value={draft.clientSecret}
            onChange={(e) => set({ clientSecret: e.target.value })}
          />
          <TextField
            {...field('allowedDomains')}
            hint={t('web.sso.domainsHint')}
            spellCheck={false}
            value={draft.domains}
            onChange={(e) => set({ domains: e.target.value })}
          />
          <TextField
            {...field('hostedDomain')}
            hint={t('web.sso.hostedDomainHint')}
            spellCheck={false}
            value={draft.hostedDomain}
            onChange={(e) => set({ hostedDomain: e.target.value })}
          />
          <TextField
            {...field('tenantId')}
            hint={t('web.sso.tenantIdHint')}
            spellCheck={false}
            value={draft.tenantId}
            onChange={(e) => set({ tenantId: e.target.value })}
          />
          <CheckboxesField<Flag>
            name="sso-flags"
            legend={t('web.sso.flags')}
            values={draft.flags}
            options={[
              { value: 'enabled', label: t('web.sso.enabled') },
              { value: 'providerEnforcesMfa', label: t('web.sso.providerEnforcesMfa') },
            ]}
            hint={t('web.sso.mfaHint')}
            onChange={(flags) => set({ flags })}
          />
          <div className="actions">
            <button type="submit" disabled={save.isPending}>
              {save.isPending ? t('web.sso.saving') : t('web.sso.save')}
            </button>
          </div>
        </form>
      </div>
    </Page>
  );
}
