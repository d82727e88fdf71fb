import { timingSafeEqual } from 'node:crypto';
import { access } from '@haven/core';
import * as oidc from 'openid-client';
import { z } from 'zod';
import { newToken, tokenId } from '../auth/tokens.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import { type Account, getAccountByEmail } from '../repositories/accounts.ts';
import { getSchoolById, getSchoolBySlug } from '../repositories/schools.ts';
import {
  createLoginState,
  deleteExpiredLoginStates,
  getSsoProvider,
  listEnabledSsoProviders,
  type SsoProvider,
  saveSsoProvider,
  takeLoginState,
} from '../repositories/sso.ts';
import type { Actor } from './actor.ts';
import { audit } from './audit.ts';
import { actorFor, beginSession, effectiveGrants, type SessionContext } from './auth-service.ts';
import { issueDetails } from './filter-common.ts';
import { authorise } from './school-service.ts';

/**
 * Single sign-on through OpenID Connect (Google Workspace, Microsoft Entra, any OIDC issuer): the
 * authorization code flow with PKCE, state and nonce, the ID token's signature checked against the
 * issuer's JWKS. An identity provider only vouches for an e-mail address: the account must already
 * exist in that school (nobody is created here), and every guard of a password sign-in (disabled,
 * locked, two-factor) still holds.
 */

/** How long a sign-in may take at the provider before its state is forgotten. */
export const LOGIN_STATE_MINUTES = 10;
export const CALLBACK_PATH = '/api/auth/oidc/callback';

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'is not an e-mail domain');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const issuerUrl = z
  .url()
  .max(500)
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  }, 'must be an https:// URL (http:// only for a provider on this machine)')
  .refine((value) => !new URL(value).search && !new URL(value).hash, 'must not have a query or fragment')
  .transform((value) => value.replace(/\/$/, ''));

/** What an administrator sets. The secret is write-only: omit it to keep the one stored. */
export const ssoSettingsInput = z.object({
  label: z.string().trim().min(1).max(60),
  issuer: issuerUrl,
  clientId: z.string().trim().min(1).max(300),
  clientSecret: z.string().min(1).max(2000).optional(),
  allowedDomains: z.array(domain).min(1, 'name at least one e-mail domain').max(20),
  hostedDomain: domain.nullable().default(null),
  tenantId: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'is not a tenant id (a GUID)')
    .transform((v) => v.toLowerCase())
    .nullable()
    .default(null),
  providerEnforcesMfa: z.boolean().default(false),
  enabled: z.boolean().default(true),
});
export type SsoSettingsInput = z.input<typeof ssoSettingsInput>;

export interface SsoSettingsView {
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
  /** The address to register at the provider as the redirect URI (null until HAVEN_PUBLIC_URL is set). */
  redirectUri: string | null;
  updatedAt: string | null;
}

function redirectUri(haven: Haven): string | null {
  return haven.config.publicUrl ? new URL(CALLBACK_PATH, haven.config.publicUrl).href : null;
}

function view(haven: Haven, p: SsoProvider | undefined): SsoSettingsView {
  return {
    configured: Boolean(p),
    label: p?.label ?? '',
    issuer: p?.issuer ?? '',
    clientId: p?.clientId ?? '',
    clientSecretSet: Boolean(p),
    allowedDomains: p?.allowedDomains ?? [],
    hostedDomain: p?.hostedDomain ?? null,
    tenantId: p?.tenantId ?? null,
    providerEnforcesMfa: p?.providerEnforcesMfa ?? false,
    enabled: p?.enabled ?? false,
    redirectUri: redirectUri(haven),
    updatedAt: p?.updatedAt ?? null,
  };
}

export async function getSsoSettings(haven: Haven, actor: Actor, schoolId: string): Promise<SsoSettingsView> {
  await authorise(haven, actor, schoolId, 'sso', 'read');
  return view(haven, await getSsoProvider(haven.db, schoolId));
}

/** The route's way in: the school administrator only. */
export async function saveSsoSettings(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  body: unknown,
): Promise<SsoSettingsView> {
  await authorise(haven, actor, schoolId, 'sso', 'write');
  return setSsoProvider(haven, actor, schoolId, body);
}

const hasSecret = (body: unknown) =>
  typeof body === 'object' && body !== null && 'clientSecret' in body && Boolean(body.clientSecret);

/** Validates and stores a school's provider (also `haven sso set`, which has no session to check). */
export async function setSsoProvider(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  body: unknown,
): Promise<SsoSettingsView> {
  if (!(await getSchoolById(haven.db, schoolId))) throw errors.notFound('That school');
  const before = await getSsoProvider(haven.db, schoolId);
  const parsed = ssoSettingsInput.safeParse(body);
  // Every problem at once, the missing first secret among them.
  const problems = parsed.success ? [] : issueDetails(parsed.error.issues, '');
  const secretSent = parsed.success ? Boolean(parsed.data.clientSecret) : hasSecret(body);
  if (!before && !secretSent && !problems.some((p) => p.path === 'clientSecret'))
    problems.push({ path: 'clientSecret', reason: 'is required the first time' });
  if (!parsed.success || problems.length > 0) throw errors.validation(problems);
  const input = parsed.data;
  const provider: SsoProvider = {
    schoolId,
    label: input.label,
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecret: input.clientSecret ? haven.box.seal(input.clientSecret) : (before?.clientSecret ?? ''),
    allowedDomains: [...new Set(input.allowedDomains)].sort(),
    hostedDomain: input.hostedDomain,
    tenantId: input.tenantId,
    providerEnforcesMfa: input.providerEnforcesMfa,
    enabled: input.enabled,
    updatedAt: haven.now().toISOString(),
    updatedBy: actor.label,
  };
  await saveSsoProvider(haven.db, provider);
  discovered.delete(schoolId);
  // The secret is never logged: only whether it changed.
  await audit(
    haven.db,
    actor,
    'sso.updated',
    { type: 'sso', id: schoolId, schoolId },
    {
      label: provider.label,
      issuer: provider.issuer,
      clientId: provider.clientId,
      allowedDomains: provider.allowedDomains,
      hostedDomain: provider.hostedDomain,
      tenantId: provider.tenantId,
      providerEnforcesMfa: provider.providerEnforcesMfa,
      enabled: provider.enabled,
      secretChanged: Boolean(input.clientSecret),
    },
  );
  return view(haven, provider);
}

/** The buttons of the sign-in page: nothing secret. */
export async function listSignInProviders(
  haven: Haven,
): Promise<{ school: string; schoolName: string; label: string; startUrl: string }[]> {
  return (await listEnabledSsoProviders(haven.db)).map((p) => ({
    school: p.schoolSlug,
    schoolName: p.schoolName,
    label: p.label,
    startUrl: `/api/auth/oidc/${encodeURIComponent(p.schoolSlug)}/start`,
  }));
}

/* The issuer's metadata, fetched once per school and settings (and again after a failure). */
const discovered = new Map<string, { key: string; config: oidc.Configuration }>();

async function configurationFor(haven: Haven, p: SsoProvider): Promise<oidc.Configuration> {
  const key = `${p.issuer}\u0000${p.clientId}\u0000${p.updatedAt}`;
  const hit = discovered.get(p.schoolId);
  if (hit?.key === key) return hit.config;
  const loopback = new URL(p.issuer).protocol === 'http:';
  const config = await oidc.discovery(
    new URL(p.issuer),
    p.clientId,
    haven.box.open(p.clientSecret),
    undefined,
    { timeout: 10, ...(loopback ? { execute: [oidc.allowInsecureRequests] } : {}) },
  );
  // The token endpoint's answer alone is not trusted: the ID token's signature is checked
  // against the issuer's published keys too.
  oidc.enableNonRepudiationChecks(config);
  discovered.set(p.schoolId, { key, config });
  return config;
}

/** Why a sign-in through the provider was refused: the code the sign-in page explains. */
export type SsoRefusal =
  | 'not-configured'
  | 'unavailable'
  | 'no-login-state'
  | 'expired'
  | 'state-mismatch'
  | 'provider-error'
  | 'token-invalid'
  | 'email-unverified'
  | 'domain-not-allowed'
  | 'wrong-hosted-domain'
  | 'wrong-tenant'
  | 'no-account'
  | 'disabled'
  | 'locked';

export class SsoRefused extends Error {
  constructor(readonly reason: SsoRefusal) {
    super(`single sign-on refused: ${reason}`);
  }
}

async function refuse(
  haven: Haven,
  actor: Actor,
  reason: SsoRefusal,
  schoolId: string | null,
  detail: Record<string, string | boolean> = {},
  account?: Account,
): Promise<never> {
  await audit(
    haven.db,
    actor,
    'auth.sso.failed',
    account
      ? { type: 'account', id: account.id, schoolId: account.schoolId }
      : schoolId
        ? { type: 'school', id: schoolId, schoolId }
        : null,
    { reason, ...detail },
  );
  throw new SsoRefused(reason);
}

/**
 * Begins a sign-in: the state, nonce and PKCE verifier stay here, under the hash of a cookie
 * token given to this browser alone; the browser is sent to the provider.
 */
export async function startSsoSignIn(
  haven: Haven,
  schoolSlug: string,
  ip: string | null,
): Promise<{ cookieToken: string; location: string }> {
  const school = await getSchoolBySlug(haven.db, schoolSlug);
  const provider = school ? await getSsoProvider(haven.db, school.id) : undefined;
  const anonymous = actorFor(undefined, ip);
  if (!school || !provider?.enabled) return refuse(haven, anonymous, 'not-configured', school?.id ?? null);
  const callback = redirectUri(haven);
  if (!callback)
    return refuse(haven, anonymous, 'not-configured', school.id, { missing: 'HAVEN_PUBLIC_URL' });
  let config: oidc.Configuration;
  try {
    config = await configurationFor(haven, provider);
  } catch (error) {
    return refuse(haven, anonymous, 'unavailable', school.id, { check: errorCode(error) });
  }
  const now = haven.now();
  await deleteExpiredLoginStates(haven.db, now.toISOString());
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const verifier = oidc.randomPKCECodeVerifier();
  const cookieToken = newToken();
  await createLoginState(haven.db, {
    id: tokenId(cookieToken),
    schoolId: school.id,
    state,
    nonce,
    codeVerifier: haven.box.seal(verifier),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + LOGIN_STATE_MINUTES * 60_000).toISOString(),
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callback,
    scope: 'openid email profile',
    response_type: 'code',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    // Google: only accounts of the school's Workspace domain are offered.
    ...(provider.hostedDomain ? { hd: provider.hostedDomain } : {}),
  });
  return { cookieToken, location: url.href };
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A short, secret-free name for what failed (openid-client's code and, for claims, which one). */
function errorCode(error: unknown): string {
  const parts: string[] = [];
  let e = error as { code?: unknown; cause?: unknown; claim?: unknown; error?: unknown } | undefined;
  // openid-client wraps oauth4webapi's errors: the claim and the OAuth error sit in the causes.
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    if (depth === 0 && typeof e.code === 'string') parts.push(e.code);
    if (typeof e.claim === 'string') parts.push(e.claim);
    if (typeof e.error === 'string') parts.push(e.error);
    e = e.cause as typeof e;
  }
  return (parts.length > 0 ? [...new Set(parts)].join(':') : 'error').slice(0, 100);
}

/** Whether the provider vouches for the address: `email_verified`, or Entra's `xms_edov` with a pinned tenant. */
function emailVerified(claims: oidc.IDToken, provider: SsoProvider): boolean {
  if (claims.email_verified === true) return true;
  return provider.tenantId !== null && claims.xms_edov === true;
}

/**
 * Finishes a sign-in at the callback: the cookie's state (taken, so used once), then the code
 * exchanged with the verifier and the ID token checked (issuer, audience, signature, expiry,
 * nonce), then the account found by its verified e-mail in that school. Refusals are audited and
 * thrown as SsoRefused; the caller sends the browser back to the sign-in page with the reason.
 */
export async function finishSsoSignIn(
  haven: Haven,
  req: { cookieToken: string | undefined; query: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; context: SessionContext }> {
  const anonymous = actorFor(undefined, req.ip);
  const params = new URLSearchParams(req.query);
  const taken =
    req.cookieToken && req.cookieToken.length <= 100
      ? await takeLoginState(haven.db, tokenId(req.cookieToken))
      : undefined;
  if (!taken) return refuse(haven, anonymous, 'no-login-state', null);
  const schoolId = taken.schoolId;
  if (taken.expiresAt <= haven.now().toISOString()) return refuse(haven, anonymous, 'expired', schoolId);
  if (!sameString(params.get('state') ?? '', taken.state))
    return refuse(haven, anonymous, 'state-mismatch', schoolId);
  const provider = await getSsoProvider(haven.db, schoolId);
  const callback = redirectUri(haven);
  if (!provider?.enabled || !callback) return refuse(haven, anonymous, 'not-configured', schoolId);
  const providerError = params.get('error');
  if (providerError)
    return refuse(haven, anonymous, 'provider-error', schoolId, { check: providerError.slice(0, 60) });

  let claims: oidc.IDToken;
  try {
    const config = await configurationFor(haven, provider);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(`${callback}?${req.query}`), {
      pkceCodeVerifier: haven.box.open(taken.codeVerifier),
      expectedState: taken.state,
      expectedNonce: taken.nonce,
      idTokenExpected: true,
    });
    const found = tokens.claims();
    if (!found) throw Object.assign(new Error('no ID token'), { code: 'NO_ID_TOKEN' });
    claims = found;
  } catch (error) {
    // Metadata or keys may have changed at the provider: look them up afresh next time.
    discovered.delete(schoolId);
    return refuse(haven, anonymous, 'token-invalid', schoolId, { check: errorCode(error) });
  }

  if (provider.hostedDomain && claims.hd !== provider.hostedDomain)
    return refuse(haven, anonymous, 'wrong-hosted-domain', schoolId);
  if (provider.tenantId && claims.tid !== provider.tenantId)
    return refuse(haven, anonymous, 'wrong-tenant', schoolId);
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email || !emailVerified(claims, provider))
    return refuse(haven, anonymous, 'email-unverified', schoolId);
  const emailDomain = email.slice(email.lastIndexOf('@') + 1);
  if (!email.includes('@') || !provider.allowedDomains.includes(emailDomain))
    return refuse(haven, anonymous, 'domain-not-allowed', schoolId, { emailDomain });

  // The account must exist already, in this school: a provider's word never creates one.
  const account = await getAccountByEmail(haven.db, email);
  if (!account || account.schoolId !== schoolId)
    return refuse(haven, anonymous, 'no-account', schoolId, { email });
  const actor = actorFor(account, req.ip);
  if (account.disabledAt) return refuse(haven, actor, 'disabled', schoolId, {}, account);
  if (account.lockedUntil && account.lockedUntil > haven.now().toISOString())
    return refuse(haven, actor, 'locked', schoolId, {}, account);

  const grants = await effectiveGrants(haven, account);
  // Decision (docs/security.md): the provider's MFA stands in for Haven's second step only when
  // the school says its provider requires MFA and this ID token says it was done.
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  const mfaByProvider = provider.providerEnforcesMfa && amr.includes('mfa');
  const needsSecondStep = !mfaByProvider && (Boolean(account.totpEnabledAt) || access.mfaRequired(grants));
  return beginSession(haven, {
    account,
    actor,
    grants,
    needsSecondStep,
    mfaByProvider,
    req,
    firstStep: 'auth.sso.accepted',
    detail: { method: 'oidc', issuer: provider.issuer, mfaByProvider },
  });
}
