import type { Kysely } from 'kysely';

/*
 * A two-factor secret being set up is kept apart from the one in use, so starting a new set-up
 * and not finishing it leaves the working authenticator working.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('totp_pending_secret', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('totp_pending_secret').execute();
}
