import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type filter, policy } from '@haven/core';
import type { Kysely } from 'kysely';
import { SecretBox } from './auth/secret-box.ts';
import type { HavenConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import type { DialectName } from './db/dialect.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Database } from './db/schema.ts';
import { ListStore } from './filter/list-store.ts';
import { getPolicyVersion } from './repositories/policy-versions.ts';

/**
 * Everything a running Haven needs, opened once: configuration, the database (migrated), the
 * key for secrets at rest and a clock. Services take this; tests build one per database.
 */
export interface Haven {
  config: HavenConfig;
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, safe to print (no password). */
  location: string;
  box: SecretBox;
  now: () => Date;
  /** The validated document of a stored policy version (versions never change, so this caches). */
  policyDocument(versionId: string): Promise<policy.PolicyDocument | undefined>;
  /** The category and illegal-content lists in force (swapped whole when they are reloaded). */
  lists: ListProvider;
  close(): Promise<void>;
}

/** Where the filter lists come from: `current()` is the index in force at that moment. */
export interface ListProvider {
  current(): filter.ListLookup;
}

/** Lists that know nothing: every host uncategorised, nothing on the illegal lists. */
export const EMPTY_LIST_LOOKUP: filter.ListLookup = {
  categorise: () => null,
  illegal: () => false,
};

/**
 * Used until a list store is configured: lookups find nothing. The filter still blocks what the
 * policy and the standing entries name; categories need lists.
 */
export const NO_LISTS: ListProvider = { current: () => EMPTY_LIST_LOOKUP };

export class StartError extends Error {}

export interface OpenHavenOptions {
  /** PostgreSQL only: keep every table in this schema (tests use one each). */
  schema?: string;
  now?: () => Date;
  migrate?: boolean;
  /** The filter lists; defaults to those imported into the data directory (tests pass their own). */
  lists?: ListProvider;
}

export async function openHaven(config: HavenConfig, options: OpenHavenOptions = {}): Promise<Haven> {
  const opened = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    schema: options.schema,
  });
  if (options.migrate !== false) {
    const outcome = await migrateToLatest(opened.db);
    if (!outcome.ok) {
      await opened.close();
      throw new StartError(
        `Migrating the database at ${opened.location} failed: ${outcome.error ?? 'unknown error'}`,
      );
    }
  }
  const cache = new Map<string, policy.PolicyDocument>();
  let lists: ListProvider;
  try {
    lists = options.lists ?? openLists(config.dataDir);
  } catch (error) {
    await opened.close();
    throw error;
  }
  return {
    config,
    db: opened.db,
    dialect: opened.dialect,
    location: opened.location,
    box: new SecretBox(config.secretKey ?? secretKeyFromDataDir(config.dataDir)),
    now: options.now ?? (() => new Date()),
    async policyDocument(versionId) {
      const hit = cache.get(versionId);
      if (hit) return hit;
      const version = await getPolicyVersion(opened.db, versionId);
      if (!version) return undefined;
      const parsed = policy.validatePolicy(version.document);
      // A stored version was validated before it was saved; failing here means the schema moved.
      if (!parsed.ok)
        throw new Error(
          `Stored policy version ${versionId} no longer validates: ${parsed.problems[0]?.path}`,
        );
      cache.set(versionId, parsed.policy);
      return parsed.policy;
    },
    lists,
    close: async () => {
      if (lists instanceof ListStore) lists.close();
      await opened.close();
    },
  };
}

/** The lists imported into the data directory, reloaded when `haven lists import` rebuilds them. */
function openLists(dataDir: string): ListProvider {
  try {
    return ListStore.open(dataDir, { watchMs: 5_000 });
  } catch (error) {
    throw new StartError(
      `The filter lists in ${path.join(dataDir, 'lists')} cannot be loaded (${(error as Error).message}); run \`haven lists import\` again to rebuild them`,
    );
  }
}

/**
 * With no HAVEN_SECRET_KEY, a single-server install keeps its key beside its data, readable by
 * the owner only. Several servers sharing PostgreSQL must share HAVEN_SECRET_KEY instead.
 */
function secretKeyFromDataDir(dataDir: string): string {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(key)) throw new StartError(`${file} does not hold a 64-hex-character key`);
    return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
