import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  NO_MIGRATIONS,
  sql,
} from 'kysely';
import { dialectOf } from './dialect.ts';
import * as initial from './migrations/20261123T1000_initial.ts';
import * as appendOnly from './migrations/20261123T1010_append_only.ts';
import * as totpPending from './migrations/20261123T1200_totp_pending.ts';
import * as filterTables from './migrations/20261123T1500_filter.ts';
import * as notifications from './migrations/20261201T1000_notifications.ts';
import * as incidents from './migrations/20261201T1100_incidents.ts';
import * as evidenceBreaches from './migrations/20261201T1200_evidence_breaches.ts';
import * as monitorAlerts from './migrations/20261201T1300_monitor_alerts.ts';
import * as dailySummaries from './migrations/20261201T1400_daily_summaries.ts';
import * as logImports from './migrations/20261201T1500_log_imports.ts';
import * as monitorSettings from './migrations/20261202T0900_monitor_settings.ts';
import * as agreements from './migrations/20261202T1000_agreements.ts';
import * as directory from './migrations/20261202T1100_directory.ts';
import * as singleSignOn from './migrations/20261202T1200_single_sign_on.ts';
import * as consents from './migrations/20261202T1300_consents.ts';
import * as training from './migrations/20261202T1400_training.ts';

/*
 * Migrations are listed here rather than found by scanning a folder, so they work the same from
 * source, from a bundle and under test runners. Add each new migration to this object; names are
 * timestamps so they sort in the order they must run.
 */
const migrations: Record<string, Migration> = {
  '20261123T1000_initial': initial,
  '20261123T1010_append_only': appendOnly,
  '20261123T1200_totp_pending': totpPending,
  '20261123T1500_filter': filterTables,
  '20261201T1000_notifications': notifications,
  '20261201T1100_incidents': incidents,
  '20261201T1200_evidence_breaches': evidenceBreaches,
  '20261201T1300_monitor_alerts': monitorAlerts,
  '20261201T1400_daily_summaries': dailySummaries,
  '20261201T1500_log_imports': logImports,
  '20261202T0900_monitor_settings': monitorSettings,
  '20261202T1000_agreements': agreements,
  '20261202T1100_directory': directory,
  '20261202T1200_single_sign_on': singleSignOn,
  '20261202T1300_consents': consents,
  '20261202T1400_training': training,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrationStep {
  name: string;
  direction: 'up' | 'down';
  status: 'success' | 'error' | 'not-executed';
}

export interface MigrationOutcome {
  ok: boolean;
  results: MigrationStep[];
  /** Why it stopped, when it did. On PostgreSQL a failed run rolls back the steps before it too. */
  error?: string;
}

export interface MigrationState {
  name: string;
  executedAt: Date | null;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any Haven database, typed or not.
type AnyKysely = Kysely<any>;

/**
 * On PostgreSQL the migrator is told which schema its bookkeeping tables live in. Without it,
 * Kysely looks for them in every schema, finds another Haven's (a second school database, or a
 * parallel test suite) and never creates its own.
 */
async function migratorFor(db: AnyKysely): Promise<Migrator> {
  if (dialectOf(db) !== 'postgres') return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  return new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

/** Brings the database to the newest schema. Never throws: read `ok` and `error`. */
export function migrateToLatest(db: AnyKysely): Promise<MigrationOutcome> {
  return run(async () => (await migratorFor(db)).migrateToLatest());
}

/** Undoes the newest applied migration, or every one with `{ all: true }`. Never throws. */
export function migrateDown(db: AnyKysely, options: { all?: boolean } = {}): Promise<MigrationOutcome> {
  return run(async () => {
    const migrator = await migratorFor(db);
    return options.all ? migrator.migrateTo(NO_MIGRATIONS) : migrator.migrateDown();
  });
}

/** Every known migration and when it ran (null when pending). */
export async function migrationStates(db: AnyKysely): Promise<MigrationState[]> {
  const infos = await (await migratorFor(db)).getMigrations();
  return infos.map((info) => ({ name: info.name, executedAt: info.executedAt ?? null }));
}

async function run(migrate: () => Promise<MigrationResultSet>): Promise<MigrationOutcome> {
  let set: MigrationResultSet;
  try {
    set = await migrate();
  } catch (error) {
    return { ok: false, results: [], error: messageOf(error) };
  }
  const results = (set.results ?? []).map(
    (result): MigrationStep => ({
      name: result.migrationName,
      direction: result.direction === 'Up' ? 'up' : 'down',
      status: result.status === 'Success' ? 'success' : result.status === 'Error' ? 'error' : 'not-executed',
    }),
  );
  if (set.error !== undefined) {
    const failed = results.find((step) => step.status === 'error');
    const where = failed ? `migration ${failed.name} (${failed.direction}) failed: ` : '';
    return { ok: false, results, error: `${where}${messageOf(set.error)}` };
  }
  return { ok: true, results };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
