import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { policy } from '@haven/core';
import { createDemoSchool, type DemoResult } from '@haven/server';
import type { Command } from 'commander';
import { addDatabaseOptions, configFrom, withHaven } from '../open.ts';
import { CliError, EXIT, out } from '../output.ts';

export function printDemo(result: DemoResult, url?: string): void {
  if (!result.created) {
    out(
      `The demo school "${result.school.name}" already exists (${result.school.slug}); its accounts are unchanged.`,
    );
    return;
  }
  const c = result.counts;
  out(
    `Created the demo school "${result.school.name}" (${result.school.slug}): ${c.pupil} pupils, ${c.parent} parents, ${c.staff} staff, ${c.governor} governors.`,
  );
  out('');
  out(`Sign in${url ? ` at ${url}` : ''} with one of these demo accounts:`);
  for (const cred of result.credentials) {
    out(
      `  ${cred.who.padEnd(42)} ${cred.email.padEnd(36)} ${cred.password}${cred.twoFactor === 'required' ? '   (sets up two-factor at first sign-in)' : ''}`,
    );
  }
  out('');
  out(
    'Demo accounts only: their passwords are also kept in the data directory (demo-accounts.txt), so `haven start --demo` can show them again.',
  );
}

const DEMO_FILE = 'demo-accounts.txt';

/**
 * A demo's passwords are kept beside its data, readable by the owner only, so that `npm start`
 * can print the sign-in details every time. Only demo accounts are ever written here.
 */
export function saveDemoCredentials(dataDir: string, result: DemoResult): void {
  if (!result.created) return;
  mkdirSync(dataDir, { recursive: true });
  const lines = result.credentials.map((c) => [c.who, c.email, c.password, c.twoFactor].join('\t'));
  writeFileSync(path.join(dataDir, DEMO_FILE), `${lines.join('\n')}\n`, { mode: 0o600 });
}

export function printSavedDemoCredentials(dataDir: string, url: string): void {
  const file = path.join(dataDir, DEMO_FILE);
  if (!existsSync(file)) {
    out(
      'The database already has a school; sign in with its accounts (or `haven users reset-password <email>`).',
    );
    return;
  }
  out(`Sign in at ${url} with one of the demo accounts (passwords as first set; kept in ${file}):`);
  for (const line of readFileSync(file, 'utf8').trim().split('\n')) {
    const [who = '', email = '', password = '', twoFactor = ''] = line.split('\t');
    out(
      `  ${who.padEnd(42)} ${email.padEnd(36)} ${password}${twoFactor === 'required' ? '   (two-factor required)' : ''}`,
    );
  }
}

export function registerDemoCommand(program: Command): void {
  addDatabaseOptions(
    program
      .command('demo')
      .description(
        `create a demo school with realistic people from a template (default ${policy.DEFAULT_TEMPLATE})`,
      )
      .option(
        '--template <id>',
        `template: ${policy
          .templateSummaries()
          .map((t) => t.id)
          .join(', ')}`,
        policy.DEFAULT_TEMPLATE,
      )
      .option('--pupils <n>', 'how many pupils', '200'),
  ).action(async (opts: { template: string; pupils: string; dataDir?: string; databaseUrl?: string }) => {
    if (!policy.template(opts.template)) {
      throw new CliError(
        `no template "${opts.template}": use one of ${policy
          .templateSummaries()
          .map((t) => t.id)
          .join(', ')}`,
        EXIT.usage,
      );
    }
    const pupils = Number(opts.pupils);
    if (!Number.isInteger(pupils) || pupils < 0 || pupils > 5000)
      throw new CliError('--pupils must be a whole number from 0 to 5000', EXIT.usage);
    const config = configFrom(opts);
    await withHaven(config, async (haven) => {
      const result = await createDemoSchool(haven, opts.template, { pupils });
      printDemo(result);
      saveDemoCredentials(config.dataDir, result);
    });
  });
}
