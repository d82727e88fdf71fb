/**
 * Runs a block of tests once per database: SQLite in a temporary directory, and PostgreSQL in a
 * schema of its own when DATABASE_URL reaches a server. Test files run in parallel processes, so
 * each PostgreSQL block gets a fresh randomly named schema and drops it afterwards.
 *
 * Without a reachable PostgreSQL the PostgreSQL block is still declared, as a skipped describe
 * whose title says why, and a warning is printed: those cases are never dropped silently.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type OpenedDatabase, openDatabase } from '../../src/db/database.ts';
import type { DialectName } from '../../src/db/dialect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { Database } from '../../src/db/schema.ts';

export interface TestDatabase {
  readonly dialect: DialectName;
  /** The open database; only usable inside tests and hooks (it opens in beforeAll). */
  readonly db: Kysely<Database>;
}

export interface ForEachDatabaseOptions {
  /** Run the migrations before the tests (default true). */
  migrate?: boolean;
}

type PostgresProbe = { ok: true; url: string } | { ok: false; reason: string };

const postgres: PostgresProbe = await probePostgres(process.env.DATABASE_URL);
let warned = false;

export function forEachDatabase(
  title: string,
  define: (database: TestDatabase) => void,
  options: ForEachDatabaseOptions = {},
): void {
  describe(`${title} [sqlite]`, () => define(openForSuite('sqlite', options)));

  if (postgres.ok) {
    const url = postgres.url;
    describe(`${title} [postgres]`, () => define(openForSuite('postgres', options, url)));
    return;
  }
  // CI sets HAVEN_REQUIRE_POSTGRES: there a missing server is a failure, never a skip.
  if (process.env.HAVEN_REQUIRE_POSTGRES) {
    describe(`${title} [postgres]`, () => {
      it('reaches PostgreSQL (HAVEN_REQUIRE_POSTGRES is set)', () => {
        throw new Error(`PostgreSQL is required but unavailable: ${postgres.reason}`);
      });
    });
    return;
  }
  if (!warned) {
    warned = true;
    console.warn(`PostgreSQL tests SKIPPED: ${postgres.reason}`);
  }
  // Skipped only where no PostgreSQL is reachable, and visibly so (title and warning); CI sets
  // HAVEN_REQUIRE_POSTGRES, which turns this into a failure above.
  describe.skip(`${title} [postgres] SKIPPED: ${postgres.reason}`, () =>
    define({
      dialect: 'postgres',
      get db(): Kysely<Database> {
        throw new Error('PostgreSQL is not available');
      },
    }));
}

export const postgresAvailable = (): boolean => postgres.ok;
export const postgresUrl = (): string | undefined => (postgres.ok ? postgres.url : undefined);

function openForSuite(dialect: DialectName, options: ForEachDatabaseOptions, url?: string): TestDatabase {
  let opened: OpenedDatabase | undefined;
  let tempDir: string | undefined;
  const schema = `haven_test_${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    if (dialect === 'sqlite') {
      tempDir = mkdtempSync(path.join(tmpdir(), 'haven-db-'));
      opened = await openDatabase({ dataDir: tempDir });
    } else {
      opened = await openDatabase({ url, dataDir: '', schema });
    }
    if (options.migrate !== false) {
      const outcome = await migrateToLatest(opened.db);
      if (!outcome.ok) throw new Error(`migrations failed on ${dialect}: ${outcome.error}`);
    }
  });

  afterAll(async () => {
    if (opened && dialect === 'postgres') {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(opened.db);
    }
    await opened?.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  return {
    dialect,
    get db(): Kysely<Database> {
      if (!opened) throw new Error('The test database opens in beforeAll: use it inside a test or hook.');
      return opened.db;
    },
  };
}

async function probePostgres(url: string | undefined): Promise<PostgresProbe> {
  if (!url) return { ok: false, reason: 'DATABASE_URL is not set' };
  try {
    const opened = await openDatabase({ url, dataDir: '', connectTimeoutMs: 3000 });
    await opened.close();
    return { ok: true, url };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
