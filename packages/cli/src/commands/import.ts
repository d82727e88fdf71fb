import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { monitor, policy } from '@haven/core';
import { createSchoolFromTemplate, getSchoolBySlug, importLog } from '@haven/server';
import type { Command } from 'commander';
import { addDatabaseOptions, configFrom, withHaven } from '../open.ts';
import { CliError, EXIT, err, out } from '../output.ts';

/**
 * `haven import <format> <file|-> --school <id>`: a log of a filter the school already has, into
 * the decision log and monitoring. A bundled template's id stands for the school made from it,
 * which is created (with its policy, no people) the first time. Standard input is copied to a
 * temporary file first: the import reads its input twice (its SHA-256 makes it idempotent) and
 * resumes an interrupted run by the same key.
 */

const FORMATS = monitor.LOG_FORMAT_IDS.join(', ');

interface ImportOptions {
  school: string;
  site?: string;
  map?: string;
  year?: string;
  json?: boolean;
  dataDir?: string;
  databaseUrl?: string;
}

function readMapping(file: string): monitor.AddressMap {
  if (!existsSync(file)) throw new CliError(`no mapping file ${file}`, EXIT.unavailable);
  const mapping = monitor.parseAddressMap(readFileSync(file, 'utf8'));
  if (mapping.problems.length > 0)
    throw new CliError(
      `the mapping file has errors, nothing imported:\n${mapping.problems.map((p) => `${file}:${p.line}: ${p.reason}`).join('\n')}`,
      EXIT.invalid,
    );
  return mapping;
}

export function registerImportCommand(program: Command): void {
  addDatabaseOptions(
    program
      .command('import')
      .description(`import a log (${FORMATS}) into the decision log and monitoring`)
      .argument('<format>', FORMATS)
      .argument('<file>', 'the log file, or - for standard input')
      .requiredOption('--school <id>', 'school slug (or a template id)')
      .option('--site <slug>', 'the site the log comes from')
      .option('--map <file>', 'address,username[,group] lines: who used which address')
      .option('--year <yyyy>', "the year of the log's first line, for syslog times without one")
      .option('--json', 'print {lines, imported, problems} as JSON'),
  ).action(async (format: string, file: string, opts: ImportOptions) => {
    if (!(monitor.LOG_FORMAT_IDS as readonly string[]).includes(format))
      throw new CliError(`unknown format "${format}": use ${FORMATS}`, EXIT.usage);
    if (opts.year !== undefined && !/^(19|20)\d\d$/.test(opts.year))
      throw new CliError(`--year must be a year such as 2026, not "${opts.year}"`, EXIT.usage);
    const mapping = opts.map ? readMapping(opts.map) : null;
    let source = file;
    let spool: string | null = null;
    if (file === '-') {
      spool = mkdtempSync(path.join(tmpdir(), 'haven-import-'));
      source = path.join(spool, 'stdin.log');
      await pipeline(process.stdin, createWriteStream(source));
    } else if (!existsSync(file)) throw new CliError(`no file ${file}`, EXIT.unavailable);
    const label = file === '-' ? 'stdin' : file;
    try {
      await withHaven(configFrom(opts), async (haven) => {
        let school = await getSchoolBySlug(haven.db, opts.school);
        if (!school) {
          if (!policy.template(opts.school))
            throw new CliError(`no school "${opts.school}" in the database`, EXIT.usage);
          school = (await createSchoolFromTemplate(haven, opts.school)).school;
          err(`haven import: created the school "${school.name}" from its template`);
        }
        const r = await importLog(haven, school.id, format as monitor.LogFormat, source, {
          site: opts.site ?? null,
          mapping,
          ...(opts.year ? { year: Number(opts.year) } : {}),
        });
        for (const p of r.reported) err(`${label}:${p.line}: ${p.reason}`);
        if (r.problems > r.reported.length)
          err(`${label}: ${r.problems - r.reported.length} more problem lines not listed`);
        if (r.resumedAfter > 0) err(`${label}: resumed an interrupted import after line ${r.resumedAfter}`);
        if (opts.json) out(JSON.stringify({ lines: r.lines, imported: r.imported, problems: r.problems }));
        else
          out(
            r.duplicate
              ? `${label} was imported before: nothing added (${r.lines} lines)`
              : `Imported ${r.imported} of ${r.lines} lines (${r.problems} problems, ${r.skipped} lines that are not requests)`,
          );
      });
    } finally {
      if (spool) rmSync(spool, { recursive: true, force: true });
    }
  });
}
