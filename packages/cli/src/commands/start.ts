import { buildApp, createDemoSchool, listSchools } from '@haven/server';
import type { Command } from 'commander';
import { addDatabaseOptions, configFrom, withHaven } from '../open.ts';
import { err, out } from '../output.ts';
import { printDemo, printSavedDemoCredentials, saveDemoCredentials } from './demo.ts';

export function registerStartCommand(program: Command): void {
  addDatabaseOptions(
    program
      .command('start')
      .description('start Haven (API and web app) and print its address')
      .option('--port <port>', 'port to listen on (default 8080, or HAVEN_PORT)')
      .option('--host <host>', 'address to listen on (default 127.0.0.1, or HAVEN_HOST)')
      .option('--demo', 'create the demo school first if the database has no school'),
  ).action(
    async (opts: {
      port?: string;
      host?: string;
      demo?: boolean;
      dataDir?: string;
      databaseUrl?: string;
    }) => {
      const config = configFrom(opts);
      await withHaven(config, async (haven) => {
        const app = await buildApp(haven, { logger: true });
        const address = await app.listen({ port: config.port, host: config.host });
        const url = address.replace('://127.0.0.1', '://localhost');
        out(`Haven is running at ${url} (database: ${haven.location})`);
        if (opts.demo) {
          if ((await listSchools(haven.db)).length === 0) {
            const result = await createDemoSchool(haven);
            printDemo(result, url);
            saveDemoCredentials(config.dataDir, result);
          } else {
            printSavedDemoCredentials(config.dataDir, url);
          }
        }
        out('Press Ctrl+C to stop.');
        // Graceful shutdown: stop taking requests, finish those in flight, close the database.
        await new Promise<void>((resolve) => {
          const stop = (signal: string) => {
            err(`\n${signal}: stopping Haven…`);
            app.close().then(resolve, resolve);
          };
          process.once('SIGINT', () => stop('SIGINT'));
          process.once('SIGTERM', () => stop('SIGTERM'));
        });
      });
    },
  );
}
