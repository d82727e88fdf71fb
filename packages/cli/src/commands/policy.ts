import { writeFile } from 'node:fs/promises';
import { policy } from '@haven/core';
import { loadPolicyFile } from '@haven/server';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { CliError, EXIT, out } from '../output.ts';
import { resolvePolicy } from '../resolve-policy.ts';

export function registerPolicyCommands(program: Command): void {
  const cmd = program
    .command('policy')
    .description('the policy model: bundled templates and school policies');

  cmd
    .command('list')
    .description('list the bundled school templates (the five seed schools and a blank one)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const rows = policy.templateSummaries();
      if (opts.json) return out(JSON.stringify(rows, null, 2));
      for (const r of rows) out(`${r.id.padEnd(20)} ${r.name.padEnd(28)} ${r.seed ?? '(blank template)'}`);
    });

  cmd
    .command('show')
    .description('print a policy (template id or school slug) as YAML or JSON')
    .argument('<school>', 'template id or school slug')
    .option('--json', 'print JSON')
    .action(async (school: string, opts: { json?: boolean }) => {
      const { document } = await resolvePolicy(school);
      out(opts.json ? JSON.stringify(document, null, 2) : stringify(document, { lineWidth: 0 }));
    });

  cmd
    .command('validate')
    .description('check a policy file (YAML or JSON); exit 0 if valid, else 1 with one line per problem')
    .argument('<file>', 'policy file (.yaml, .yml or .json)')
    .action(async (file: string) => {
      const result = await loadPolicyFile(file);
      if (result.ok) {
        out(
          `${file}: valid (${result.policy.school.name}, ${policy.matricesOf(result.policy).length} matrices)`,
        );
        return;
      }
      for (const line of policy.formatProblems(result.problems)) out(line);
      process.exitCode = EXIT.invalid;
    });

  cmd
    .command('render')
    .description('render a policy as a readable HTML document')
    .argument('<school>', 'template id or school slug')
    .requiredOption('--out <file>', 'where to write the HTML')
    .action(async (school: string, opts: { out: string }) => {
      const { document, version, status } = await resolvePolicy(school);
      await writeFile(
        opts.out,
        policy.renderPolicyHtml(document, { ...(version ? { version } : {}), ...(status ? { status } : {}) }),
      );
      out(`wrote ${opts.out}`);
    });

  cmd
    .command('matrix')
    .description(`print one matrix: ${Object.keys(policy.MATRIX_NAMES).join(', ')}`)
    .argument('<school>', 'template id or school slug')
    .argument('<matrix>', 'matrix name')
    .option('--json', 'print JSON')
    .action(async (school: string, matrix: string, opts: { json?: boolean }) => {
      if (!policy.isMatrixName(matrix)) {
        throw new CliError(
          `unknown matrix "${matrix}": use one of ${Object.keys(policy.MATRIX_NAMES).join(', ')}`,
          EXIT.usage,
        );
      }
      const { document } = await resolvePolicy(school);
      const view = policy.matrixView(document, matrix);
      if (!view) {
        const has = policy.matricesOf(document);
        throw new CliError(
          `${document.school.name} has no ${matrix} matrix in its policy${has.length ? ` (it has: ${has.join(', ')})` : ' (its policy has no matrices; its rules are stated in prose: see `haven policy show`)'}`,
          EXIT.noMatrix,
        );
      }
      if (opts.json) {
        out(
          JSON.stringify(
            { columns: view.columns, rows: view.rows.map((r) => ({ label: r.label, cells: r.cells })) },
            null,
            2,
          ),
        );
        return;
      }
      out(view.title);
      for (const row of view.rows) {
        const cells = view.columns.map((c) => {
          const v = row.cells[c];
          return `${view.columnLabels[c] ?? c}=${v === true ? 'X' : v === false || v === null || v === undefined ? '-' : v}`;
        });
        out(`  ${row.label}\n    ${cells.join(' | ')}`);
      }
    });
}
