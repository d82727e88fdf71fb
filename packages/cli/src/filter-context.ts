import { existsSync } from 'node:fs';
import path from 'node:path';
import { filter, policy } from '@haven/core';
import { filterSnapshotFor, getSchoolBySlug, ListStore, SQLITE_FILE_NAME } from '@haven/server';
import { configFrom, withHaven } from './open.ts';
import { CliError, EXIT } from './output.ts';

/**
 * What the filter commands work from: the compiled snapshot for a school (a bundled template
 * with Haven's default settings, or a school in the database with its own settings and approved
 * exceptions) and the lists imported into the data directory.
 */
export interface FilterContext {
  name: string;
  prepared: filter.PreparedFilter;
  lists: ListStore;
}

export async function resolveFilterContext(school: string, at = new Date()): Promise<FilterContext> {
  const config = configFrom();
  const lists = ListStore.open(config.dataDir);
  const bundled = policy.template(school);
  if (bundled) {
    const snapshot = filter.buildSnapshot({
      school: { id: bundled.id, name: bundled.school.name },
      policy: bundled,
      policyVersion: null,
      settings: filter.defaultFilterSettings(bundled),
      exceptions: [],
      generatedAt: at,
    });
    return { name: bundled.school.name, prepared: new filter.PreparedFilter(snapshot), lists };
  }
  const known = `templates: ${policy
    .templateSummaries()
    .map((t) => t.id)
    .join(', ')}`;
  const hasDatabase = Boolean(config.databaseUrl) || existsSync(path.join(config.dataDir, SQLITE_FILE_NAME));
  if (!hasDatabase) throw new CliError(`no template or school named "${school}" (${known})`, EXIT.usage);
  return withHaven(config, async (haven) => {
    const row = await getSchoolBySlug(haven.db, school);
    if (!row) throw new CliError(`no template or school named "${school}" (${known})`, EXIT.usage);
    const snapshot = await filterSnapshotFor(haven, row.id, at);
    if (!snapshot) throw new CliError(`${row.name} has no approved policy yet`, EXIT.unavailable);
    return { name: row.name, prepared: new filter.PreparedFilter(snapshot), lists };
  });
}

/** `--at` as the contract gives it: a local time in the school's zone, or an instant with an offset. */
export function parseAt(value: string | undefined, timeZone: string, now = new Date()): Date {
  if (value === undefined) return now;
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    const t = Date.parse(value);
    if (Number.isNaN(t)) throw new CliError(`--at "${value}" is not an ISO-8601 time`, EXIT.usage);
    return new Date(t);
  }
  try {
    return filter.instantOf(timeZone, value.length === 10 ? `${value}T12:00` : value);
  } catch {
    throw new CliError(`--at "${value}" is not an ISO-8601 local time like 2026-11-23T10:30`, EXIT.usage);
  }
}

/** A URL, `host/path` or a bare host, as decide() takes it. */
export function parseTarget(target: string): { host: string; path: string | null } {
  const r = filter.parseTarget(target);
  if (!r.ok) throw new CliError(`"${target}" is not a URL or host name: ${r.reason}`, EXIT.usage);
  return { host: r.host, path: r.path };
}
