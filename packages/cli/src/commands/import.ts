import { existsSync } from 'node:fs';
import { monitor, policy } from '@haven/core';
import { createSchoolFromTemplate, getSchoolBySlug, importLog } from '@haven/server';
import type { Command } from 'commander';
import { addDatabaseOptions, configFrom, withHaven } from '../open.ts';
import { CliError, EXIT, err, out } from '../output.ts';

/**
 * `haven import <format> <file> --school <id>`: a log of a filter the school already has, into
 * the decision log and monitoring. A bundled template's id stands for the school made from it,
 * which is created (with its policy, no people) the first time.
 */
export function registerImportCommand(program: Command): void {
  addDatabaseOptions(
    program
      .command('import')
      .description(
        `import a log (${Object.keys(monitor.LOG_FORMATS).join(', ')}) into the decision log and monitoring`,
      )
      .argument('<format>', Object.keys(monitor.LOG_FORMATS).join(' or '))
      .argument('<file>', 'the log file')
      .requiredOption('--school <id>', 'school slug (or a template id)')
      .option('--json', 'print {lines, imported, problems} as JSON'),
  ).action(
    async (
      format: string,
      file: string,
      opts: { school: string; json?: boolean; dataDir?: string; databaseUrl?: string },
    ) => {
      if (!(format in monitor.LOG_FORMATS))
        throw new CliError(
          `unknown format "${format}": use ${Object.keys(monitor.LOG_FORMATS).join(' or ')}`,
          EXIT.usage,
        );
      if (!existsSync(file)) throw new CliError(`no file ${file}`, EXIT.unavailable);
      await withHaven(configFrom(opts), async (haven) => {
        let school = await getSchoolBySlug(haven.db, opts.school);
        if (!school) {
          if (!policy.template(opts.school))
            throw new CliError(`no school "${opts.school}" in the database`, EXIT.usage);
          school = (await createSchoolFromTemplate(haven, opts.school)).school;
          err(`haven import: created the school "${school.name}" from its template`);
        }
        const r = await importLog(haven, school.id, format as monitor.LogFormat, file);
        for (const p of r.reported) err(`${file}:${p.line}: ${p.reason}`);
        if (r.problems > r.reported.length)
          err(`${file}: ${r.problems - r.reported.length} more problem lines not listed`);
        if (opts.json) out(JSON.stringify({ lines: r.lines, imported: r.imported, problems: r.problems }));
        else
          out(
            r.duplicate
              ? `${file} was imported before: nothing added (${r.lines} lines)`
              : `Imported ${r.imported} of ${r.lines} lines (${r.problems} problems)`,
          );
      });
    },
  );
}
