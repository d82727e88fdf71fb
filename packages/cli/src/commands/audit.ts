import { verifyAudit } from '@haven/server';
import type { Command } from 'commander';
import { addDatabaseOptions, configFrom, withHaven } from '../open.ts';
import { EXIT, out } from '../output.ts';

export function registerAuditCommands(program: Command): void {
  const cmd = program.command('audit').description('the hash-chained audit log');
  addDatabaseOptions(
    cmd
      .command('verify')
      .description('check the audit chain: exit 0 when intact, 1 naming the first altered or missing event'),
  ).action(async (opts: { dataDir?: string; databaseUrl?: string }) => {
    await withHaven(
      configFrom(opts),
      async (haven) => {
        const result = await verifyAudit(haven.db);
        if (result.ok) {
          out(`audit log intact: ${result.count} events`);
          return;
        }
        const bad = result.firstBad;
        out(
          `audit log BROKEN at event ${bad.seq}${bad.id ? ` (${bad.id})` : ''}: ${describe(bad.reason)} (${result.count} events checked)`,
        );
        process.exitCode = EXIT.invalid;
      },
      { existing: true },
    );
  });
}

function describe(reason: string): string {
  switch (reason) {
    case 'altered':
      return 'its contents were changed after it was written';
    case 'missing':
      return 'an event before it is missing (deleted)';
    case 'broken-link':
      return 'it does not link to the event before it';
    default:
      return reason;
  }
}
