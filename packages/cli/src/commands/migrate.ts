import { migrateDown, migrateToLatest, openDatabase } from '@haven/server';
import type { Command } from 'commander';
import { addDatabaseOptions, configFrom } from '../open.ts';
import { CliError, EXIT, out } from '../output.ts';

export function registerMigrateCommand(program: Command): void {
  addDatabaseOptions(
    program
      .command('migrate')
      .description(
        'bring the database schema up to date (start does this too); --down undoes the latest migration',
      ),
  )
    .option('--down', 'undo the most recent migration')
    .action(async (opts: { dataDir?: string; databaseUrl?: string; down?: boolean }) => {
      const config = configFrom(opts);
      const opened = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }).catch(
        (error: Error) => {
          throw new CliError(error.message, EXIT.unavailable);
        },
      );
      try {
        const outcome = opts.down ? await migrateDown(opened.db) : await migrateToLatest(opened.db);
        for (const r of outcome.results)
          out(`${r.direction === 'up' ? 'up  ' : 'down'} ${r.name}: ${r.status}`);
        if (!outcome.ok) throw new CliError(`migration failed: ${outcome.error}`, EXIT.unavailable);
        out(
          outcome.results.length === 0
            ? `${opened.location}: already up to date`
            : `${opened.location}: done`,
        );
      } finally {
        await opened.close();
      }
    });
}
