import type { Selectable } from 'kysely';
import type { Db, IsoTimestamp, SsoProvidersTable } from '../db/schema.ts';

/** A school's identity provider. `clientSecret` is sealed: only the SSO service opens it. */
export interface SsoProvider {
  schoolId: string;
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedDomains: string[];
  hostedDomain: string | null;
  tenantId: string | null;
  providerEnforcesMfa: boolean;
  enabled: boolean;
  updatedAt: IsoTimestamp;
  updatedBy: string;
}

const toProvider = (row: Selectable<SsoProvidersTable>): SsoProvider => ({
  schoolId: row.school_id,
  label: row.label,
  issuer: row.issuer,
  clientId: row.client_id,
  clientSecret: row.client_secret,
  allowedDomains: JSON.parse(row.allowed_domains) as string[],
  hostedDomain: row.hosted_domain,
  tenantId: row.tenant_id,
  providerEnforcesMfa: row.provider_enforces_mfa === 1,
  enabled: row.enabled === 1,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

export async function getSsoProvider(db: Db, schoolId: string): Promise<SsoProvider | undefined> {
  const row = await db
    .selectFrom('sso_providers')
    .selectAll()
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  return row && toProvider(row);
}

/** The enabled providers with their school's slug and name, for the sign-in page. */
export async function listEnabledSsoProviders(
  db: Db,
): Promise<(SsoProvider & { schoolSlug: string; schoolName: string })[]> {
  const rows = await db
    .selectFrom('sso_providers')
    .innerJoin('schools', 'schools.id', 'sso_providers.school_id')
    .selectAll('sso_providers')
    .select(['schools.slug as school_slug', 'schools.name as school_name'])
    .where('sso_providers.enabled', '=', 1)
    .orderBy('schools.name')
    .execute();
  return rows.map((r) => ({ ...toProvider(r), schoolSlug: r.school_slug, schoolName: r.school_name }));
}

export async function saveSsoProvider(db: Db, p: SsoProvider): Promise<void> {
  const values = {
    label: p.label,
    issuer: p.issuer,
    client_id: p.clientId,
    client_secret: p.clientSecret,
    allowed_domains: JSON.stringify(p.allowedDomains),
    hosted_domain: p.hostedDomain,
    tenant_id: p.tenantId,
    provider_enforces_mfa: p.providerEnforcesMfa ? 1 : 0,
    enabled: p.enabled ? 1 : 0,
    updated_at: p.updatedAt,
    updated_by: p.updatedBy,
  };
  await db
    .insertInto('sso_providers')
    .values({ school_id: p.schoolId, ...values })
    .onConflict((oc) => oc.column('school_id').doUpdateSet(values))
    .execute();
}

/** A sign-in under way: what the callback must find again, and the cookie it is bound to. */
export interface SsoLoginState {
  /** SHA-256 (hex) of the cookie token. */
  id: string;
  schoolId: string;
  state: string;
  nonce: string;
  /** Sealed. */
  codeVerifier: string;
  createdAt: IsoTimestamp;
  expiresAt: IsoTimestamp;
}

export async function createLoginState(db: Db, s: SsoLoginState): Promise<void> {
  await db
    .insertInto('sso_login_states')
    .values({
      id: s.id,
      school_id: s.schoolId,
      state: s.state,
      nonce: s.nonce,
      code_verifier: s.codeVerifier,
      created_at: s.createdAt,
      expires_at: s.expiresAt,
    })
    .execute();
}

/**
 * Takes a sign-in under way out of the table: whatever the callback then finds, the state cannot
 * be used again. Of two simultaneous callbacks with one cookie only one gets it.
 */
export async function takeLoginState(db: Db, id: string): Promise<SsoLoginState | undefined> {
  const row = await db.deleteFrom('sso_login_states').where('id', '=', id).returningAll().executeTakeFirst();
  return (
    row && {
      id: row.id,
      schoolId: row.school_id,
      state: row.state,
      nonce: row.nonce,
      codeVerifier: row.code_verifier,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    }
  );
}

export async function deleteExpiredLoginStates(db: Db, now: IsoTimestamp): Promise<void> {
  await db.deleteFrom('sso_login_states').where('expires_at', '<=', now).execute();
}
