import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect.ts';
import type { Database } from './schema.ts';

export interface OpenDatabaseOptions {
  /** A postgres:// or postgresql:// URL. Without one, Haven uses the embedded SQLite file. */
  url?: string | undefined;
  /** Where the SQLite file lives (`<dataDir>/haven.sqlite`); created when missing. */
  dataDir: string;
  /** PostgreSQL only: keep every table in this schema (created when missing). */
  schema?: string | undefined;
  /** PostgreSQL only: pool size. */
  maxConnections?: number | undefined;
  /** PostgreSQL only: how long to wait for a connection before calling the server unreachable. */
  connectTimeoutMs?: number | undefined;
}

export interface OpenedDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, safe to show or log (no password). */
  location: string;
  close(): Promise<void>;
}

/** The database could not be opened or reached. The message names where, and why. */
export class DatabaseUnavailableError extends Error {
  readonly id = 'database.unavailable';
  override readonly name = 'DatabaseUnavailableError';

  constructor(
    readonly location: string,
    cause: unknown,
  ) {
    super(`Cannot open the database at ${location}: ${reasonOf(cause)}`, { cause });
  }
}

export const SQLITE_FILE_NAME = 'haven.sqlite';

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  return options.url ? openPostgres(options.url, options) : openSqlite(options.dataDir);
}

function openSqlite(dataDir: string): OpenedDatabase {
  const file = path.resolve(dataDir, SQLITE_FILE_NAME);
  const location = `SQLite file ${file}`;
  let sqlite: SqliteDatabase.Database;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    sqlite = new SqliteDatabase(file);
    // WAL lets readers carry on while one writer commits; NORMAL sync is durable enough in WAL
    // (a power cut can lose the last commit, never corrupt the file).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    // SQLite leaves foreign keys off unless asked, per connection.
    sqlite.pragma('foreign_keys = ON');
    // A second process (the CLI beside a running server) waits for the lock instead of failing.
    sqlite.pragma('busy_timeout = 5000');
  } catch (error) {
    throw new DatabaseUnavailableError(location, error);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  sqliteHandles.set(db, sqlite);
  return { db, dialect: 'sqlite', location, close: once(() => db.destroy()) };
}

const sqliteHandles = new WeakMap<Kysely<Database>, SqliteDatabase.Database>();

/**
 * The embedded database's own handle, for the one bulk path (log imports) where building each
 * statement through the query builder costs more than writing the rows. Undefined on PostgreSQL.
 * SQLite has one connection, so statements run on it join whatever transaction is open there.
 */
export function sqliteHandle(db: Kysely<Database>): SqliteDatabase.Database | undefined {
  return sqliteHandles.get(db);
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const PG_INT8 = 20;

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const base = describePostgresUrl(url);
  const location = options.schema ? `${base} (schema ${options.schema})` : base;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new DatabaseUnavailableError(location, 'the URL must start with postgres:// or postgresql://');
  }
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new DatabaseUnavailableError(location, 'the schema name must be letters, digits and underscores');
  }

  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    application_name: 'haven',
    // Set as a startup parameter so every pooled connection gets it, including ones opened later.
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    // Counts and audit sequence numbers are bigint; they stay far below 2^53, so numbers beat strings.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8 && format !== 'binary'
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client can lose its server (restart, failover). Without a listener pg would crash the
  // process; the next query fails with its own clear error instead.
  pool.on('error', () => {});

  try {
    if (options.schema) {
      const exists = await pool.query('select 1 from pg_namespace where nspname = $1', [options.schema]);
      if (exists.rowCount === 0) await pool.query(`create schema if not exists "${options.schema}"`);
    } else {
      await pool.query('select 1');
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(location, error);
  }

  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location, close: once(() => db.destroy()) };
}

/** `PostgreSQL at host:port/database` without the user or password. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
    const port = parsed.port || '5432';
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default database)';
    return `PostgreSQL at ${host}:${port}/${database}`;
  } catch {
    return 'PostgreSQL (unparseable URL)';
  }
}

function reasonOf(cause: unknown): string {
  if (typeof cause === 'string') return cause;
  // Node reports "localhost refused on ::1 and 127.0.0.1" as an AggregateError with no message.
  if (cause instanceof AggregateError && cause.errors.length > 0) return reasonOf(cause.errors[0]);
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    if (cause.message) return cause.message;
    if (typeof code === 'string') return code;
  }
  return String(cause);
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= fn();
    return done;
  };
}
