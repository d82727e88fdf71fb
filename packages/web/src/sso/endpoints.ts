/**
 * Single sign-on (`/api/auth/oidc/providers`, `/api/schools/:id/sso`): the sign-in page's buttons
 * and the administrator's settings. The client secret is sent, never received.
 */
import { request } from '../api.ts';

export interface SignInProvider {
  school: string;
  schoolName: string;
  label: string;
  /** A same-origin URL: following it sends the browser to the provider. */
  startUrl: string;
}

export interface SsoSettings {
  configured: boolean;
  label: string;
  issuer: string;
  clientId: string;
  clientSecretSet: boolean;
  allowedDomains: string[];
  hostedDomain: string | null;
  tenantId: string | null;
  providerEnforcesMfa: boolean;
  enabled: boolean;
  redirectUri: string | null;
  updatedAt: string | null;
}

export interface SsoSettingsInput {
  label: string;
  issuer: string;
  clientId: string;
  /** Omitted to keep the secret stored. */
  clientSecret?: string;
  allowedDomains: string[];
  hostedDomain: string | null;
  tenantId: string | null;
  providerEnforcesMfa: boolean;
  enabled: boolean;
}

export const ssoKeys = {
  providers: ['sso', 'providers'] as const,
  settings: (schoolId: string) => ['school', schoolId, 'sso'] as const,
};

export const ssoApi = {
  providers: () => request<{ providers: SignInProvider[] }>('/auth/oidc/providers'),
  settings: (schoolId: string) => request<SsoSettings>(`/schools/${encodeURIComponent(schoolId)}/sso`),
  save: (schoolId: string, input: SsoSettingsInput) =>
    request<SsoSettings>(`/schools/${encodeURIComponent(schoolId)}/sso`, { method: 'PUT', body: input }),
};
