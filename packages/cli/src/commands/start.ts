import { buildApp, createDemoSchool, listSchools, startNotificationMail } from '@haven/server';
import type { Command } from 'commander';
import { startBuiltInGateway, startHousekeeping } from '../built-in-gateway.ts';
import { addDatabaseOptions, configFrom, withHaven } from '../open.ts';
import { CliError, EXIT, err, out } from '../output.ts';
import { printDemo, printSavedDemoCredentials, saveDemoCredentials } from './demo.ts';
import { hostPort } from './gateway.ts';

export function registerStartCommand(program: Command): void {
  addDatabaseOptions(
    program
      .command('start')
      .description('start Haven (API and web app) and print its address')
      .option('--port <port>', 'port to listen on (default 8080, or HAVEN_PORT)')
      .option('--host <host>', 'address to listen on (default 127.0.0.1, or HAVEN_HOST)')
      .option('--demo', 'create the demo school first if the database has no school')
      .option('--dns-listen <ip:port>', "also run the gateway's DNS filter here")
      .option('--proxy-listen <ip:port>', "also run the gateway's HTTP proxy here")
      .option(
        '--upstream <ip:port>',
        'upstream resolver for the DNS filter (repeat for failover)',
        (v: string, p: string[]) => [...p, v],
        [],
      )
      .option('--block-address <ip>', 'address given for blocked names (default 127.0.0.1)')
      .option('--block-listen <ip:port>', 'block page address (default <block-address>:80)')
      .option(
        '--proxy-sign-in',
        "require proxy sign-in with the school's accounts (ties the address to the person)",
      )
      .option('--gateway-school <slug>', 'school the built-in gateway filters for (default: the only school)')
      .option('--decision-retention-days <days>', 'how long decision logs are kept', '365'),
  ).action(
    async (opts: {
      port?: string;
      host?: string;
      demo?: boolean;
      dataDir?: string;
      databaseUrl?: string;
      dnsListen?: string;
      proxyListen?: string;
      upstream: string[];
      blockAddress?: string;
      blockListen?: string;
      gatewaySchool?: string;
      proxySignIn?: boolean;
      decisionRetentionDays: string;
    }) => {
      const retentionDays = Number(opts.decisionRetentionDays);
      if (!Number.isInteger(retentionDays) || retentionDays < 1)
        throw new CliError(
          '--decision-retention-days must be a whole number of days, at least 1',
          EXIT.usage,
        );
      const dns = opts.dnsListen ? hostPort(opts.dnsListen, '--dns-listen') : undefined;
      const proxy = opts.proxyListen ? hostPort(opts.proxyListen, '--proxy-listen') : undefined;
      if (dns && opts.upstream.length === 0)
        throw new CliError('--dns-listen needs at least one --upstream resolver', EXIT.usage);
      const blockAddress = opts.blockAddress ?? '127.0.0.1';
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
        const stopFilterJobs = startHousekeeping(haven, retentionDays);
        const stopMail = startNotificationMail(haven, {
          onError: (e) => err(`haven: sending notification e-mail: ${e.message}`),
        });
        if (!haven.config.smtpUrl)
          out('E-mail is not set up (HAVEN_SMTP_URL): alerts appear in the app only.');
        const stopJobs = () => {
          stopFilterJobs();
          stopMail();
        };
        let gateway: Awaited<ReturnType<typeof startBuiltInGateway>> | null = null;
        if (dns || proxy) {
          try {
            gateway = await startBuiltInGateway(haven, address, {
              ...(opts.gatewaySchool ? { school: opts.gatewaySchool } : {}),
              ...(dns ? { dns } : {}),
              ...(proxy ? { proxy } : {}),
              proxySignIn: opts.proxySignIn === true,
              upstreams: opts.upstream.map((u) => hostPort(u, '--upstream')),
              blockAddress,
              blockListen: opts.blockListen
                ? hostPort(opts.blockListen, '--block-listen')
                : { host: blockAddress, port: 80 },
            });
          } catch (error) {
            // Stop the API too, rather than serve on without the database the failure closes.
            stopJobs();
            await app.close();
            throw error;
          }
        }
        if (gateway) {
          const d = gateway.dns?.udpAddress();
          const p = gateway.proxyAddress();
          out(`Gateway:${d ? ` DNS ${d.address}:${d.port}` : ''}${p ? ` proxy ${p.address}:${p.port}` : ''}`);
        }
        out('Press Ctrl+C to stop.');
        // Graceful shutdown: stop taking requests, finish those in flight, close the database.
        await new Promise<void>((resolve) => {
          const stop = (signal: string) => {
            err(`\n${signal}: stopping Haven…`);
            stopJobs();
            Promise.allSettled([gateway?.close(), app.close()]).then(() => resolve());
          };
          process.once('SIGINT', () => stop('SIGINT'));
          process.once('SIGTERM', () => stop('SIGTERM'));
        });
      });
    },
  );
}
