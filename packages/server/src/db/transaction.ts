import type { Kysely } from 'kysely';

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is one, so repository
 * functions that need atomicity still compose into a service's larger transaction.
 */
export function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
