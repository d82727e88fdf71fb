import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { filter, monitor, policy } from '@haven/core';
import {
  getSchoolBySlug,
  monitorContext,
  phraseList,
  SQLITE_FILE_NAME,
  schoolMatcher,
  summariseDay,
} from '@haven/server';
import type { Command } from 'commander';
import { addDatabaseOptions, configFrom, withHaven } from '../open.ts';
import { CliError, EXIT, out } from '../output.ts';

/**
 * A school's monitoring settings where the database has the school (its phrase changes apply),
 * else Haven's defaults for a bundled template; anything else is refused.
 */
async function schoolSettings(
  name: string,
  opts: { dataDir?: string; databaseUrl?: string },
): Promise<{
  settings: monitor.MonitorSettings;
  revision: number;
  updatedAt: string | null;
  schoolId: string | null;
}> {
  const config = configFrom(opts);
  const hasDatabase = Boolean(config.databaseUrl) || existsSync(path.join(config.dataDir, SQLITE_FILE_NAME));
  if (hasDatabase) {
    const found = await withHaven(config, async (haven) => {
      const school = await getSchoolBySlug(haven.db, name);
      return school ? { ...(await monitorContext(haven.db, school.id)), schoolId: school.id } : null;
    });
    if (found) return found;
  }
  if (policy.template(name))
    return { settings: monitor.DEFAULT_MONITOR_SETTINGS, revision: 0, updatedAt: null, schoolId: null };
  throw new CliError(`no template or school named "${name}"`, EXIT.usage);
}

function isCalendarDate(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  // Date rolls an impossible day over (2026-02-30 becomes 2026-03-02) and throws on month 13.
  try {
    return filter.addDays(day, 0) === day;
  } catch {
    return false;
  }
}

/**
 * `haven monitor scan`: each line on stdin (text, a search query or a URL) checked against the
 * phrase libraries, one JSON object per line out, in order. A URL of a search engine is scanned
 * for its search terms; another URL for the words of its path.
 */
export function registerMonitorCommands(program: Command): void {
  const m = program
    .command('monitor')
    .description('monitoring: phrase libraries, scanning and daily summaries');

  addDatabaseOptions(
    m
      .command('scan')
      .description('scan lines from stdin against the phrase libraries (English and Welsh)')
      .requiredOption('--school <id>', 'template id or school slug')
      .option('--jsonl', 'one JSON object per input line (the only output format)'),
  ).action(async (opts: { school: string; jsonl?: boolean; dataDir?: string; databaseUrl?: string }) => {
    if (!opts.jsonl)
      throw new CliError('give --jsonl: one JSON object is written per input line', EXIT.usage);
    // The school's own phrase changes apply where the database has it.
    const ctx = await schoolSettings(opts.school, opts);
    const matcher = schoolMatcher(ctx.schoolId ?? `template:${opts.school}`, ctx);
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      const { text } = monitor.scannableText(line);
      const matches = matcher
        .scan(text)
        .map((x) => ({ category: x.category, severity: x.severity, phrase: x.phrase }));
      out(JSON.stringify({ input: line, matches }));
    }
  });

  addDatabaseOptions(
    m
      .command('phrases')
      .description('the phrase library as a school can publish it to parents: category, severity, phrase')
      .option('--school <id>', "with the school's own changes (added, disabled, re-graded)")
      .option('--json', 'print JSON'),
  ).action(async (opts: { json?: boolean; school?: string; dataDir?: string; databaseUrl?: string }) => {
    const settings = opts.school
      ? (await schoolSettings(opts.school, opts)).settings
      : monitor.DEFAULT_MONITOR_SETTINGS;
    const phrases = phraseList(settings).filter((p) => p.enabled);
    if (opts.json) {
      out(
        JSON.stringify(
          {
            version: monitor.LIBRARY_VERSION,
            phrases: phrases.map((p) => ({
              id: p.id,
              language: p.language,
              category: p.category,
              severity: p.severity,
              phrase: p.text,
            })),
          },
          null,
          2,
        ),
      );
      return;
    }
    out(`Haven phrase library ${monitor.LIBRARY_VERSION} (${phrases.length} phrases)`);
    for (const c of monitor.MONITOR_CATEGORIES) {
      out(`\n${c.label}`);
      for (const p of phrases.filter((x) => x.category === c.id))
        out(`  ${p.severity}  ${p.text}${p.language === 'cy' ? '  (Cymraeg)' : ''}`);
    }
  });

  // Read-only on purpose: the daily job alone keeps and e-mails a day's summary, once, so looking
  // at a day here (after importing an old log, say) must not take its place or send anything.
  addDatabaseOptions(
    m
      .command('summary')
      .description(
        "a day's internet usage summary for a school, from the logs as they stand; read-only: it neither keeps nor e-mails anything",
      )
      .requiredOption('--school <slug>', 'school slug')
      .requiredOption('--day <yyyy-mm-dd>', "the local day, in the school's time zone")
      .option('--json', 'print the counts as JSON'),
  ).action(
    async (opts: { school: string; day: string; json?: boolean; dataDir?: string; databaseUrl?: string }) => {
      if (!isCalendarDate(opts.day))
        throw new CliError(`--day must be a date written YYYY-MM-DD, not "${opts.day}"`, EXIT.usage);
      await withHaven(
        configFrom(opts),
        async (haven) => {
          const school = await getSchoolBySlug(haven.db, opts.school);
          if (!school) throw new CliError(`no school "${opts.school}" in the database`, EXIT.usage);
          const s = await summariseDay(haven, school.id, opts.day);
          if (opts.json)
            out(
              JSON.stringify(
                {
                  school: school.slug,
                  day: s.day,
                  timeZone: school.timeZone,
                  from: s.from,
                  to: s.to,
                  ...s.counts,
                },
                null,
                2,
              ),
            );
          else out(s.text);
        },
        { existing: true },
      );
    },
  );
}
