import { type Kysely, sql } from 'kysely';

/*
 * Single sign-on through OpenID Connect: one identity provider per school (Google Workspace,
 * Microsoft Entra or any OIDC issuer), its client secret sealed with the server's key; and the
 * sign-ins under way, each bound to a short-lived browser cookie (its hash is the id) and used once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sso_providers')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    // Sealed (AES-GCM with the server's key): never returned by the API, never logged.
    .addColumn('client_secret', 'text', (c) => c.notNull())
    // JSON array of lower-case e-mail domains whose verified addresses may sign in.
    .addColumn('allowed_domains', 'text', (c) => c.notNull())
    // Google's `hd` claim, and Entra's `tid`, when the school pins them.
    .addColumn('hosted_domain', 'text')
    .addColumn('tenant_id', 'text')
    .addColumn('provider_enforces_mfa', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addCheckConstraint('sso_providers_flags', sql`enabled in (0, 1) and provider_enforces_mfa in (0, 1)`)
    .execute();

  await db.schema
    .createTable('sso_login_states')
    // SHA-256 (hex) of the token in the browser's cookie; the token itself is not stored.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    // Sealed: with the code, the verifier would redeem it.
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sso_login_states_expires')
    .on('sso_login_states')
    .column('expires_at')
    .execute();

  // A session whose second factor the identity provider vouched for (the ID token's `amr` said
  // `mfa` and the school trusts its provider to require it): Haven's own step is not asked again.
  await db.schema
    .alterTable('sessions')
    .addColumn('mfa_by_provider', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('mfa_by_provider').execute();
  await db.schema.dropTable('sso_login_states').execute();
  await db.schema.dropTable('sso_providers').execute();
}
