import { existsSync } from 'node:fs';
import path from 'node:path';
import { policy } from '@haven/core';
import { currentPolicy, getSchoolBySlug, SQLITE_FILE_NAME } from '@haven/server';
import { configFrom, withHaven } from './open.ts';
import { CliError, EXIT } from './output.ts';

export interface ResolvedPolicy {
  document: policy.PolicyDocument;
  version?: number;
  status?: string;
}

/**
 * A bundled template by id, or else the current policy of a school in the database by slug.
 * The database is only opened when the name is not a template and a database exists.
 */
export async function resolvePolicy(name: string): Promise<ResolvedPolicy> {
  const bundled = policy.template(name);
  if (bundled) return { document: bundled };
  const config = configFrom();
  const hasDatabase = Boolean(config.databaseUrl) || existsSync(path.join(config.dataDir, SQLITE_FILE_NAME));
  const known = `templates: ${policy
    .templateSummaries()
    .map((t) => t.id)
    .join(', ')}`;
  if (!hasDatabase) throw new CliError(`no template or school named "${name}" (${known})`, EXIT.usage);
  return withHaven(config, async (haven) => {
    const school = await getSchoolBySlug(haven.db, name);
    if (!school) throw new CliError(`no template or school named "${name}" (${known})`, EXIT.usage);
    const current = await currentPolicy(haven, school.id);
    if (!current) throw new CliError(`${school.name} has no approved policy yet`, EXIT.unavailable);
    return { document: current.document, version: current.version.version, status: current.view.status };
  });
}
