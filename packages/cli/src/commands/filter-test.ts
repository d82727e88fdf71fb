import { runFilterTest } from '@haven/gateway';
import { getSchoolBySlug, recordFilterTestRun, sampleHosts } from '@haven/server';
import type { Command } from 'commander';
import { resolveFilterContext } from '../filter-context.ts';
import { configFrom, withHaven } from '../open.ts';
import { CliError, EXIT, out } from '../output.ts';
import { hostPort } from './gateway.ts';

export function registerFilterTestCommand(cmd: Command): void {
  cmd
    .command('test')
    .description(
      'the annual filter test: real DNS queries and proxy requests through the running gateway for every group and category, against what the policy says',
    )
    .requiredOption('--school <id>', 'template id or school slug')
    .option('--dns <ip:port>', 'the gateway DNS filter', '127.0.0.1:53')
    .option('--proxy <ip:port>', 'the gateway HTTP proxy', '127.0.0.1:3128')
    .option('--no-dns', 'do not test DNS')
    .option('--no-proxy', 'do not test the proxy')
    .option('--block-address <ip>', 'the address the gateway gives for blocked names', '192.0.2.1')
    .option('--json', 'print the whole result as JSON')
    .action(
      async (opts: {
        school: string;
        dns: string | false;
        proxy: string | false;
        blockAddress: string;
        json?: boolean;
      }) => {
        const ctx = await resolveFilterContext(opts.school);
        const config = configFrom();
        const result = await runFilterTest({
          prepared: ctx.prepared,
          lists: ctx.lists.current(),
          samples: sampleHosts(config.dataDir),
          ...(opts.dns ? { dns: hostPort(opts.dns, '--dns') } : {}),
          ...(opts.proxy ? { proxy: hostPort(opts.proxy, '--proxy') } : {}),
          blockAddress: opts.blockAddress,
        });
        // A school in the database keeps its result for the web app and the governors' report.
        const stored = await storeIfSchool(opts.school, result);
        if (opts.json) out(JSON.stringify({ ...result, stored }, null, 2));
        else {
          out(`Filter test for ${ctx.name} at ${result.at}`);
          for (const r of result.rows) {
            const mark = r.ok ? 'ok  ' : r.dns === 'not-tested' && r.proxy === 'not-tested' ? '--  ' : 'FAIL';
            out(
              `${mark} ${r.group.padEnd(11)} ${r.category.padEnd(20)} policy: ${r.expected.padEnd(5)} dns: ${r.dns.padEnd(10)} proxy: ${r.proxy.padEnd(10)} ${r.host ?? r.note ?? ''}`,
            );
          }
          const s = result.summary;
          out(
            `\n${s.ok} of ${s.rows} agree with the policy; ${s.failed} disagree; ${s.notTested} not tested (no list entry).`,
          );
          if (stored) out(`Saved as filter test ${stored}.`);
        }
        if (result.summary.failed > 0) process.exitCode = EXIT.invalid;
      },
    );
}

async function storeIfSchool(
  school: string,
  result: Awaited<ReturnType<typeof runFilterTest>>,
): Promise<string | null> {
  const config = configFrom();
  try {
    return await withHaven(
      config,
      async (haven) => {
        const row = await getSchoolBySlug(haven.db, school);
        if (!row) return null;
        return recordFilterTestRun(haven, row.id, { ...result });
      },
      { existing: true },
    );
  } catch (error) {
    if (error instanceof CliError) return null;
    throw error;
  }
}
