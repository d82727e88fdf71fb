import { access } from '@haven/core';
import {
  audit,
  CLI_ACTOR,
  createAccount,
  deleteSessionsForAccount,
  generatePassword,
  getAccountByEmail,
  getSchoolBySlug,
  hashPassword,
  listAccountsBySchool,
  listSchools,
  passwordProblems,
  updateAccount,
} from '@haven/server';
import type { Command } from 'commander';
import { addDatabaseOptions, configFrom, withHaven } from '../open.ts';
import { CliError, EXIT, out } from '../output.ts';

function parseGrants(value: string): string[] {
  const grants = value
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  for (const g of grants) {
    if (!(access.GRANTS as readonly string[]).includes(g))
      throw new CliError(`unknown grant "${g}": use ${access.GRANTS.join(', ')}`, EXIT.usage);
  }
  return grants;
}

export function registerUsersCommands(program: Command): void {
  const users = program.command('users').description('sign-in accounts');

  addDatabaseOptions(
    users
      .command('add')
      .description('add an account; prints a generated password unless --password-stdin is given')
      .argument('<email>', 'email address to sign in with')
      .requiredOption('--school <slug>', 'the school the account belongs to')
      .requiredOption('--name <name>', 'display name')
      .option('--grants <list>', `comma-separated: ${access.GRANTS.join(', ')}`, 'staff')
      .option('--password-stdin', 'read the password from standard input'),
  ).action(
    async (
      email: string,
      opts: {
        school: string;
        name: string;
        grants: string;
        passwordStdin?: boolean;
        dataDir?: string;
        databaseUrl?: string;
      },
    ) => {
      const grants = parseGrants(opts.grants);
      if (!/^[^@\s]+@[^@\s]+$/.test(email))
        throw new CliError(`"${email}" is not an email address`, EXIT.usage);
      const password = opts.passwordStdin ? (await readStdin()).replace(/\r?\n$/, '') : generatePassword();
      const problems = passwordProblems(password, [email, opts.name]);
      if (problems.length) throw new CliError(`password ${problems.join('; ')}`, EXIT.usage);
      await withHaven(
        configFrom(opts),
        async (haven) => {
          const school = await getSchoolBySlug(haven.db, opts.school);
          if (!school) throw new CliError(`no school "${opts.school}"`, EXIT.usage);
          if (await getAccountByEmail(haven.db, email))
            throw new CliError(`an account for ${email} already exists`, EXIT.usage);
          const account = await createAccount(haven.db, {
            schoolId: school.id,
            email,
            displayName: opts.name,
            passwordHash: await hashPassword(password),
            grants,
          });
          await audit(
            haven.db,
            { ...CLI_ACTOR, schoolId: school.id },
            'account.created',
            { type: 'account', id: account.id, schoolId: school.id },
            { grants },
          );
          out(
            `added ${account.email} to ${school.name} with ${grants.join(', ') || 'no grants'}${access.mfaRequired(grants) ? ' (two-factor set-up required at first sign-in)' : ''}`,
          );
          if (!opts.passwordStdin) out(`password: ${password}`);
        },
        { existing: true },
      );
    },
  );

  addDatabaseOptions(
    users
      .command('list')
      .description('list accounts')
      .option('--school <slug>', 'only this school')
      .option('--json', 'print JSON'),
  ).action(async (opts: { school?: string; json?: boolean; dataDir?: string; databaseUrl?: string }) => {
    await withHaven(
      configFrom(opts),
      async (haven) => {
        const schools = opts.school
          ? [await getSchoolBySlug(haven.db, opts.school)]
          : await listSchools(haven.db);
        if (opts.school && !schools[0]) throw new CliError(`no school "${opts.school}"`, EXIT.usage);
        const rows = [];
        for (const school of schools) {
          if (!school) continue;
          for (const a of await listAccountsBySchool(haven.db, school.id)) {
            rows.push({
              email: a.email,
              name: a.displayName,
              school: school.slug,
              grants: a.grants,
              twoFactor: Boolean(a.totpEnabledAt),
              locked: Boolean(a.lockedUntil && a.lockedUntil > new Date().toISOString()),
              disabled: Boolean(a.disabledAt),
            });
          }
        }
        if (opts.json) return out(JSON.stringify(rows, null, 2));
        for (const r of rows) {
          out(
            `${r.email.padEnd(36)} ${r.school.padEnd(18)} ${r.grants.join(',').padEnd(28)} ${r.twoFactor ? '2FA' : '   '} ${r.locked ? 'LOCKED' : ''}${r.disabled ? 'DISABLED' : ''}`,
          );
        }
      },
      { existing: true },
    );
  });

  addDatabaseOptions(
    users
      .command('reset-password')
      .description('set a new password (printed), unlock the account and end its sessions')
      .argument('<email>', 'the account')
      .option('--reset-two-factor', 'also remove two-factor, so the person sets it up again'),
  ).action(
    async (email: string, opts: { resetTwoFactor?: boolean; dataDir?: string; databaseUrl?: string }) => {
      await withHaven(
        configFrom(opts),
        async (haven) => {
          const account = await getAccountByEmail(haven.db, email);
          if (!account) throw new CliError(`no account for ${email}`, EXIT.usage);
          const password = generatePassword();
          await updateAccount(haven.db, account.id, {
            passwordHash: await hashPassword(password),
            passwordChangedAt: new Date().toISOString(),
            failedAttempts: 0,
            lockedUntil: null,
            lastFailedAt: null,
            ...(opts.resetTwoFactor
              ? { totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodes: [] }
              : {}),
          });
          await deleteSessionsForAccount(haven.db, account.id);
          await audit(
            haven.db,
            { ...CLI_ACTOR, schoolId: account.schoolId },
            'account.password-reset',
            { type: 'account', id: account.id, schoolId: account.schoolId },
            { twoFactorReset: Boolean(opts.resetTwoFactor) },
          );
          out(`new password for ${account.email}: ${password}`);
          out('The account is unlocked and signed out everywhere.');
        },
        { existing: true },
      );
    },
  );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
