import { readFile } from 'node:fs/promises';
import { directory } from '@haven/core';
import {
  CLI_ACTOR,
  type DirectoryImportPreview,
  getSchoolBySlug,
  HavenError,
  previewImport,
  runImport,
} from '@haven/server';
import type { Command } from 'commander';
import { addDatabaseOptions, configFrom, withHaven } from '../open.ts';
import { CliError, EXIT, out } from '../output.ts';

interface ImportOptions {
  school: string;
  encoding: string;
  map?: string;
  full?: boolean;
  dryRun?: boolean;
  skipBadRows?: boolean;
  json?: boolean;
  dataDir?: string;
  databaseUrl?: string;
}

export function registerPeopleCommands(program: Command): void {
  const people = program.command('people').description("the school's directory");

  addDatabaseOptions(
    people
      .command('import')
      .description(
        'import pupils, staff, parents (contacts) or governors from an MIS CSV export: prints the preview, then imports unless --dry-run; nothing is imported when a row has a problem unless --skip-bad-rows',
      )
      .argument('<kind>', directory.IMPORT_KINDS.join(' | '))
      .argument('<file>', 'the CSV file exported from SIMS, Arbor or another MIS')
      .requiredOption('--school <slug>', 'the school')
      .option('--encoding <encoding>', directory.CSV_ENCODINGS.join(' | '), 'utf-8')
      .option(
        '--map <list>',
        'column mapping overrides: "Column=field,Other Column=" (empty field ignores the column)',
      )
      .option('--full', 'the file lists everyone current: mark those with an MIS id it leaves out as leavers')
      .option('--dry-run', 'print the preview only')
      .option('--skip-bad-rows', 'import the good rows and skip those with problems')
      .option('--json', 'print JSON'),
  ).action(async (kind: string, file: string, opts: ImportOptions) => {
    if (!(directory.IMPORT_KINDS as readonly string[]).includes(kind))
      throw new CliError(`unknown kind "${kind}": use ${directory.IMPORT_KINDS.join(', ')}`, EXIT.usage);
    if (!(directory.CSV_ENCODINGS as readonly string[]).includes(opts.encoding))
      throw new CliError(
        `unknown encoding "${opts.encoding}": use ${directory.CSV_ENCODINGS.join(', ')}`,
        EXIT.usage,
      );
    let mapping: Record<string, string> | undefined;
    try {
      mapping = opts.map ? directory.parseMappingOverride(opts.map) : undefined;
    } catch (error) {
      throw new CliError(`--map: ${(error as Error).message}`, EXIT.usage);
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      throw new CliError(`cannot read ${file}`, EXIT.unavailable);
    }

    await withHaven(
      configFrom(opts),
      async (haven) => {
        const school = await getSchoolBySlug(haven.db, opts.school);
        if (!school) throw new CliError(`no school "${opts.school}"`, EXIT.usage);
        const actor = {
          ...CLI_ACTOR,
          label: 'haven people import',
          schoolId: school.id,
          grants: ['school-admin'],
        };
        const input = {
          kind: kind as directory.ImportKind,
          base64: bytes.toString('base64'),
          encoding: opts.encoding as directory.CsvEncoding,
          full: Boolean(opts.full),
          fileName: file.split(/[\\/]/).pop() ?? file,
          ...(mapping ? { mapping } : {}),
        };
        const preview = await previewImport(haven, actor, school.id, input);
        const problems = preview.plan.problems.length > 0;
        if (opts.dryRun || !preview.plan.importable || (problems && !opts.skipBadRows)) {
          if (opts.json) out(JSON.stringify({ preview, imported: false }, null, 2));
          else {
            printPreview(file, preview);
            out(
              opts.dryRun
                ? 'dry run: nothing imported'
                : !preview.plan.importable
                  ? 'nothing imported: the file cannot be imported as it is'
                  : 'nothing imported: fix the rows above, or pass --skip-bad-rows to import the good rows',
            );
          }
          if (problems)
            throw new CliError(
              `${preview.plan.problems.length} problem(s) in the file: nothing imported`,
              EXIT.invalid,
            );
          return;
        }
        try {
          const result = await runImport(haven, actor, school.id, {
            ...input,
            confirm: opts.skipBadRows ? 'skip-bad-rows' : 'all',
          });
          if (opts.json) out(JSON.stringify({ preview, imported: true, run: result.run }, null, 2));
          else {
            printPreview(file, preview);
            const c = result.counts;
            out(
              `imported: ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged, ${c.leavers} leavers` +
                `${c.linksAdded ? `, ${c.linksAdded} links to pupils` : ''}${c.rolesAdded ? `, ${c.rolesAdded} roles` : ''}` +
                `${c.badRows ? ` (${c.badRows} bad rows skipped)` : ''}`,
            );
          }
        } catch (error) {
          // The file changed between the preview and the import (or the directory did).
          if (error instanceof HavenError) throw new CliError(error.message, EXIT.invalid);
          throw error;
        }
      },
      { existing: true },
    );
  });
}

function printPreview(file: string, preview: DirectoryImportPreview): void {
  const { plan, counts } = preview;
  out(
    `${file}: ${counts.rows} rows as ${plan.kind}${plan.full ? ' (full: those left out are leavers)' : ''}`,
  );
  out('columns:');
  for (const column of plan.mapping.columns) {
    const how = column.by === 'override' ? ' (as mapped)' : '';
    out(`  ${column.header || '(no header)'} -> ${column.field ?? 'not imported'}${how}`);
  }
  out(
    `would add ${counts.added}, update ${counts.updated}, leave ${counts.unchanged} unchanged, mark ${counts.leavers} as leavers` +
      `${plan.kind === 'parents' ? `, link ${counts.linksAdded} to pupils` : ''}` +
      `${plan.kind === 'staff' || plan.kind === 'governors' ? `, assign ${counts.rolesAdded} roles` : ''}`,
  );
  for (const update of plan.update.slice(0, 20)) {
    out(
      `  line ${update.line} ${update.misId}: ${update.changes.map((c) => `${c.field} ${c.from ?? '(none)'} -> ${c.to ?? '(none)'}`).join('; ')}`,
    );
  }
  if (plan.update.length > 20) out(`  ... and ${plan.update.length - 20} more updates`);
  if (plan.problems.length > 0) {
    out(`${plan.problems.length} problems in ${plan.badLines.length} rows:`);
    for (const p of plan.problems) {
      out(`  ${file}:${p.line ?? '-'}${p.column ? ` ${p.column}` : ''}: ${p.reason}`);
    }
  }
}
