import { incidents } from '@haven/core';
import type { Command } from 'commander';
import { CliError, EXIT, out } from '../output.ts';
import { resolvePolicy } from '../resolve-policy.ts';

/**
 * `haven incident recommend`: the actions a school's sanctions matrix marks for an incident row,
 * with escalation for earlier warnings; `haven incident assess-nudes`: the five criteria of the
 * nudes and semi-nudes protocol that require an immediate referral.
 */
export function registerIncidentCommands(program: Command): void {
  const incident = program
    .command('incident')
    .description('incident procedure: sanctions and the nudes protocol');

  incident
    .command('recommend')
    .description("the actions the school's sanctions matrix marks for an incident row")
    .requiredOption('--school <id>', 'template id or school slug')
    .requiredOption('--audience <who>', 'pupil or staff')
    .requiredOption(
      '--row <label>',
      'the incident row: its label, its id, or a start of the label only it has',
    )
    .option('--prior <n>', 'earlier warnings or sanctions for the same person', '0')
    .option('--json', 'print JSON')
    .action(
      async (opts: { school: string; audience: string; row: string; prior: string; json?: boolean }) => {
        if (opts.audience !== 'pupil' && opts.audience !== 'staff')
          throw new CliError(`--audience must be pupil or staff, not "${opts.audience}"`, EXIT.usage);
        const prior = Number(opts.prior);
        if (!Number.isInteger(prior) || prior < 0)
          throw new CliError(`--prior must be a whole number, 0 or more, not "${opts.prior}"`, EXIT.usage);
        const { document } = await resolvePolicy(opts.school);
        const found = incidents.sanctionsMatrixFor(document, opts.audience);
        if (!found) {
          const stated = document.sanctionsStated.filter((s) =>
            opts.audience === 'pupil' ? s.audience === 'pupils' : s.audience === 'staff',
          );
          throw new CliError(
            `${document.school.name} has no ${opts.audience} sanctions matrix in its policy` +
              (stated.length > 0
                ? `; it states its sanctions in prose:\n${stated.map((s) => `  - ${s.text}`).join('\n')}`
                : ''),
            EXIT.noMatrix,
          );
        }
        const lookup = incidents.findSanctionsRow(found.matrix, opts.row);
        if (!lookup.ok) {
          const rows =
            lookup.reason === 'ambiguous'
              ? `it starts more than one row:\n${lookup.candidates.map((c) => `  - ${c}`).join('\n')}`
              : `the rows are:\n${found.matrix.rows.map((r) => `  - ${r.label}`).join('\n')}`;
          throw new CliError(
            `no single row of "${found.matrix.title}" matches "${opts.row}": ${rows}`,
            EXIT.usage,
          );
        }
        const r = incidents.recommendSanctions(found.key, found.matrix, lookup.row, prior);
        if (opts.json) {
          out(JSON.stringify({ row: r.row, actions: r.actions, escalated: r.escalated }, null, 2));
          return;
        }
        out(`${found.matrix.title}: ${r.row}`);
        for (const a of r.actions) out(`  - ${a}`);
        if (r.actions.length === 0) out('  (the matrix marks no action for this row)');
        if (r.escalatedBy)
          out(`Escalated by ${prior} earlier warning(s) or sanction(s): "${r.escalatedBy.row}" added.`);
      },
    );

  incident
    .command('assess-nudes')
    .description('which of the five criteria for an immediate referral hold (UKCIS, seed 001)')
    .requiredOption(
      '--json <answers>',
      'the answers as JSON: {"adultInvolved", "coercionOrCapacity", "unusualOrViolent", "underThirteen", "immediateRisk"}, each true or false',
    )
    .action((opts: { json: string }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(opts.json);
      } catch (error) {
        throw new CliError(`--json is not valid JSON: ${(error as Error).message}`, EXIT.usage);
      }
      const parsed = incidents.nudesAnswers.safeParse(raw);
      if (!parsed.success)
        throw new CliError(
          `--json: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(answers)'}: ${i.message}`).join('; ')}`,
          EXIT.usage,
        );
      out(JSON.stringify(incidents.assessNudes(parsed.data), null, 2));
    });
}
