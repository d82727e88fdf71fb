import { type Kysely, PostgresAdapter, SqliteAdapter } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/**
 * Which database a Kysely instance (or a transaction from one) talks to. Read from the adapter so
 * migrations and the audit log can branch without the caller threading the dialect through.
 */
export function dialectOf<DB>(db: Kysely<DB>): DialectName {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return 'postgres';
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  throw new Error(`Haven supports SQLite and PostgreSQL; this database uses ${adapter.constructor.name}.`);
}
