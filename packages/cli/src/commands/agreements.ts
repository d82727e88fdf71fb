import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { agreements, policy } from '@haven/core';
import {
  agreementList,
  CLI_ACTOR,
  findPerson,
  findSchool,
  HavenError,
  importAgreementVersion,
  requiredFor,
  SQLITE_FILE_NAME,
} from '@haven/server';
import type { Command } from 'commander';
import { addDatabaseOptions, configFrom, type DatabaseOptions, withHaven } from '../open.ts';
import { CliError, EXIT, out } from '../output.ts';

/** A service's refusal as one line: its message and each detail's reason. */
function cliError(e: unknown): never {
  if (e instanceof HavenError) {
    const reasons = (e.details ?? []).map((d) => d.reason).filter((r) => !e.message.includes(r));
    throw new CliError([e.message, ...reasons].join(' '), e.status === 400 ? EXIT.invalid : EXIT.usage);
  }
  throw e;
}

const hasDatabase = (opts: DatabaseOptions) => {
  const config = configFrom(opts);
  return Boolean(config.databaseUrl) || existsSync(path.join(config.dataDir, SQLITE_FILE_NAME));
};

/**
 * `haven agreements list|required|import`: a school's acceptable use agreements, what one person
 * must sign and whether they have, and a school's own wording imported as a new version.
 */
export function registerAgreementsCommands(program: Command): void {
  const a = program
    .command('agreements')
    .description("acceptable use agreements: a school's, who signs, imports");

  addDatabaseOptions(
    a
      .command('list')
      .description(
        "a school's agreements, each at its current version (a bundled template's when no school has it yet)",
      )
      .requiredOption('--school <id>', 'school id or slug, or a template id')
      .option('--json', 'print JSON: [{ id, audience, title, version, seed }]'),
  ).action(async (opts: DatabaseOptions & { school: string; json?: boolean }) => {
    let rows: agreements.AgreementSummary[] | null = null;
    if (hasDatabase(opts))
      rows = await withHaven(configFrom(opts), async (haven) => {
        const school = await findSchool(haven, opts.school);
        return school
          ? (await agreementList(haven, school)).map(({ id, audience, title, version, seed }) => ({
              id,
              audience,
              title,
              version,
              seed,
            }))
          : null;
      });
    if (rows === null) {
      if (!policy.template(opts.school))
        throw new CliError(`no school or template "${opts.school}"`, EXIT.usage);
      rows = agreements.agreementSummaries(opts.school);
    }
    if (opts.json) out(JSON.stringify(rows, null, 2));
    else
      for (const r of rows)
        out(`${r.id}\tv${r.version}\t${r.audience}\t${r.title}${r.seed ? `\t(${r.seed})` : ''}`);
  });

  addDatabaseOptions(
    a
      .command('required')
      .description('what one person must sign, and whether they have')
      .requiredOption('--school <id>', 'school id or slug')
      .requiredOption(
        '--person <username>',
        "the account's e-mail (sign-in name); for a pupil without an account, their MIS id or Haven id",
      )
      .option('--json', 'print JSON: [{ agreement, signed, signer }]'),
  ).action(async (opts: DatabaseOptions & { school: string; person: string; json?: boolean }) => {
    await withHaven(
      configFrom(opts),
      async (haven) => {
        const school = await findSchool(haven, opts.school);
        if (!school) throw new CliError(`no school "${opts.school}" in the database`, EXIT.usage);
        const person = await findPerson(haven, school, opts.person);
        if (!person)
          throw new CliError(
            `no account, MIS id or person id "${opts.person}" at ${school.name}`,
            EXIT.usage,
          );
        const rows = await requiredFor(haven, school, person).catch(cliError);
        if (opts.json)
          out(
            JSON.stringify(
              rows.map(({ agreement, signed, signer }) => ({ agreement, signed, signer })),
              null,
              2,
            ),
          );
        else for (const r of rows) out(`${r.agreement}\tv${r.version}\t${r.state}\tsigner: ${r.signer}`);
      },
      { existing: true },
    );
  });

  addDatabaseOptions(
    a
      .command('import')
      .description("a school's own wording (.txt, .md or .docx) as a new version: everyone signs it again")
      .requiredOption('--school <id>', 'school id or slug')
      .requiredOption('--agreement <id>', 'the agreement it replaces, e.g. ks1-pupil')
      .argument('<file>', 'the document')
      .option('--json', 'print the new version as JSON'),
  ).action(
    async (file: string, opts: DatabaseOptions & { school: string; agreement: string; json?: boolean }) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        throw new CliError(
          `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
          EXIT.unavailable,
        );
      }
      await withHaven(
        configFrom(opts),
        async (haven) => {
          const school = await findSchool(haven, opts.school);
          if (!school) throw new CliError(`no school "${opts.school}" in the database`, EXIT.usage);
          const made = await importAgreementVersion(
            haven,
            { ...CLI_ACTOR, schoolId: school.id },
            school,
            opts.agreement,
            { filename: path.basename(file), bytes },
          ).catch(cliError);
          if (opts.json) out(JSON.stringify(made, null, 2));
          else
            out(
              `${made.id} is now version ${made.version} (${made.items} items, sha256 ${made.textHash}); everyone signs it again`,
            );
        },
        { existing: true },
      );
    },
  );
}
