import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import {
  type ImportResult,
  importList,
  LIST_FORMATS,
  type ListFormat,
  ListImportError,
  readManifest,
  removeList,
} from '@haven/server';
import type { Command } from 'commander';
import { configFrom } from '../open.ts';
import { CliError, EXIT, err, out } from '../output.ts';

/** UT1's official download (Université Toulouse 1 Capitole; CC BY-SA 4.0). */
export const UT1_URL = 'https://dsi.ut-capitole.fr/blacklists/download/blacklists.tar.gz';

const MAX_PROBLEMS_SHOWN = 20;

function report(result: ImportResult, json: boolean | undefined): void {
  if (json) {
    out(JSON.stringify({ ...result, problems: result.problems.slice(0, 1000) }, null, 2));
    return;
  }
  const s = result.source;
  const c = result.counts;
  out(
    `Imported ${s.entries} entries as "${s.id}" (${c.lines} lines: ${c.blank} blank, ${c.comments} comments, ${c.duplicates} duplicates, ${c.rejected} rejected).`,
  );
  for (const [category, n] of Object.entries(s.byCategory).sort()) out(`  ${category.padEnd(20)} ${n}`);
  for (const k of s.skipped ?? []) out(`  not imported: ${k.category} (${k.reason})`);
  for (const p of result.problems.slice(0, MAX_PROBLEMS_SHOWN))
    err(`${p.file}:${p.line}: ${p.reason}: ${p.text}`);
  if (result.problems.length > MAX_PROBLEMS_SHOWN)
    err(`… and ${result.problems.length - MAX_PROBLEMS_SHOWN} more problem lines (--json lists them)`);
}

function runImport(opts: { format: ListFormat; from: string; category?: string; source?: string }) {
  const config = configFrom();
  try {
    return importList({
      dataDir: config.dataDir,
      format: opts.format,
      from: opts.from,
      ...(opts.category ? { category: opts.category } : {}),
      ...(opts.source ? { sourceId: opts.source } : {}),
    });
  } catch (error) {
    if (error instanceof ListImportError) throw new CliError(error.message, EXIT.invalid);
    throw error;
  }
}

export function registerListsCommands(program: Command): void {
  const cmd = program
    .command('lists')
    .description('category and illegal-content lists in the data directory');

  cmd
    .command('import')
    .description(
      'load a list into the data directory (UT1 folder, hosts file, plain domains, or a licensed illegal-content list)',
    )
    .argument('<path>', 'UT1 folder (with <category>/domains), or a list file')
    .requiredOption('--format <format>', `one of ${LIST_FORMATS.join(', ')}`)
    .option('--category <category>', 'Haven category for hosts/domains lists; for UT1, import only this one')
    .option('--source <id>', 'name for this source (default from the format and file name)')
    .option('--json', 'print JSON')
    .action((from: string, opts: { format: string; category?: string; source?: string; json?: boolean }) => {
      if (!(LIST_FORMATS as readonly string[]).includes(opts.format))
        throw new CliError(`--format must be one of ${LIST_FORMATS.join(', ')}`, EXIT.usage);
      report(runImport({ ...opts, format: opts.format as ListFormat, from }), opts.json);
    });

  cmd
    .command('update')
    .description("download UT1's lists from their official address and import them")
    .option('--url <url>', 'where to download from', UT1_URL)
    .option('--json', 'print JSON')
    .action(async (opts: { url: string; json?: boolean }) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'haven-ut1-'));
      try {
        const archive = path.join(dir, 'blacklists.tar.gz');
        let res: Response;
        try {
          res = await fetch(opts.url, { signal: AbortSignal.timeout(10 * 60_000) });
        } catch (error) {
          throw new CliError(`could not download ${opts.url}: ${(error as Error).message}`, EXIT.unavailable);
        }
        if (!res.ok || !res.body) throw new CliError(`${opts.url} answered ${res.status}`, EXIT.unavailable);
        await pipeline(Readable.fromWeb(res.body as never), createWriteStream(archive));
        try {
          await promisify(execFile)('tar', [
            '-xzf',
            archive,
            '-C',
            dir,
            '--no-same-owner',
            '--no-same-permissions',
          ]);
        } catch (error) {
          throw new CliError(
            `${opts.url} is not a readable .tar.gz: ${(error as Error).message}`,
            EXIT.invalid,
          );
        }
        report(runImport({ format: 'ut1', from: dir, source: 'ut1' }), opts.json);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

  cmd
    .command('status')
    .description('what lists are imported, when, and how many entries')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const m = readManifest(configFrom().dataDir);
      if (opts.json) {
        out(JSON.stringify(m, null, 2));
        return;
      }
      const all = [...Object.values(m.sources), ...Object.values(m.illegal)];
      if (all.length === 0) out('No lists imported yet: see `haven lists import --help`.');
      for (const s of all)
        out(
          `${s.id.padEnd(24)} ${s.format.padEnd(8)} ${String(s.entries).padStart(9)} entries  imported ${s.importedAt}`,
        );
      if (m.builtAt) out(`Index built ${m.builtAt}.`);
    });

  cmd
    .command('remove')
    .description('remove an imported category source (illegal-content lists can only be replaced)')
    .argument('<id>', 'source id (see `haven lists status`)')
    .action((id: string) => {
      let removed: boolean;
      try {
        removed = removeList(configFrom().dataDir, id);
      } catch (error) {
        if (error instanceof ListImportError) throw new CliError(error.message, EXIT.invalid);
        throw error;
      }
      if (!removed) throw new CliError(`no imported list "${id}"`, EXIT.usage);
      out(`Removed "${id}".`);
    });
}
