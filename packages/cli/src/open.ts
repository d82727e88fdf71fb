import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  ConfigError,
  DatabaseUnavailableError,
  type Haven,
  type HavenConfig,
  loadConfig,
  openHaven,
  SQLITE_FILE_NAME,
  StartError,
} from '@haven/server';
import { CliError, EXIT } from './output.ts';

export interface DatabaseOptions {
  dataDir?: string;
  databaseUrl?: string;
}

export function configFrom(opts: DatabaseOptions & { port?: string; host?: string } = {}): HavenConfig {
  try {
    return loadConfig(process.env, {
      ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
      ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
      ...(opts.port ? { port: opts.port as unknown as number } : {}),
      ...(opts.host ? { host: opts.host } : {}),
    });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
}

/**
 * Opens (and migrates) the database the configuration names, turning failures into one clear
 * line. Commands that read existing data pass `existing: true`, so a mistyped --data-dir is an
 * error rather than a new empty database that "verifies".
 */
export async function withHaven<T>(
  config: HavenConfig,
  work: (haven: Haven) => Promise<T>,
  options: { existing?: boolean } = {},
): Promise<T> {
  if (options.existing && !config.databaseUrl) {
    const file = path.join(config.dataDir, SQLITE_FILE_NAME);
    if (!existsSync(file))
      throw new CliError(
        `no Haven database at ${file} (check --data-dir or HAVEN_DATA_DIR)`,
        EXIT.unavailable,
      );
  }
  let haven: Haven;
  try {
    haven = await openHaven(config);
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || error instanceof StartError)
      throw new CliError(error.message, EXIT.unavailable);
    throw error;
  }
  try {
    return await work(haven);
  } finally {
    await haven.close();
  }
}

export function addDatabaseOptions<T extends { option(flags: string, description: string): T }>(cmd: T): T {
  return cmd
    .option(
      '--data-dir <dir>',
      'data directory for the embedded database (default ./data, or HAVEN_DATA_DIR)',
    )
    .option('--database-url <url>', 'PostgreSQL URL instead of the embedded database (or DATABASE_URL)');
}
