import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import { deleteSignInHistoryBefore } from '../repositories/filter-address-users.ts';
import {
  type DecisionCursor,
  deleteFilterDecisionsBefore,
  searchFilterDecisions,
} from '../repositories/filter-decisions.ts';
import { type Actor, SYSTEM_ACTOR } from './actor.ts';
import { audit } from './audit.ts';
import { authorise } from './school-service.ts';

/**
 * The decision log. It says which pupil asked for what, so reading it is need-to-know (see the
 * access table) and every search is audit-logged with its filters (never its results).
 */

export interface DecisionFilters {
  username?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  category?: string | undefined;
  action?: 'allow' | 'block' | undefined;
  host?: string | undefined;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An opaque page token for (at, id). */
export function encodeDecisionCursor(cursor: DecisionCursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`, 'utf8').toString('base64url');
}

export function decodeDecisionCursor(token: string): DecisionCursor | null {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const [at, id, extra] = text.split('|');
  if (extra !== undefined || !at || !ISO_UTC.test(at) || !id || !/^\d{1,18}$/.test(id)) return null;
  return { at, id: Number(id) };
}

export async function searchDecisions(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  filters: DecisionFilters,
  cursor: string | undefined,
  limit: number | undefined,
) {
  await authorise(haven, actor, schoolId, 'filterDecisions', 'read');
  const after = cursor === undefined ? undefined : decodeDecisionCursor(cursor);
  if (after === null)
    throw errors.validation([{ path: 'cursor', reason: 'is not a cursor this server gave out' }]);
  const iso = (value: string | undefined) =>
    value === undefined ? undefined : new Date(value).toISOString();
  const page = await searchFilterDecisions(haven.db, schoolId, {
    ...(filters.username ? { username: filters.username } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.host ? { hostPrefix: filters.host } : {}),
    ...(filters.from ? { from: iso(filters.from) } : {}),
    ...(filters.to ? { to: iso(filters.to) } : {}),
    ...(after ? { after } : {}),
    ...(limit === undefined ? {} : { limit }),
  });
  // Who searched for what: the filters, not what came back.
  await audit(
    haven.db,
    actor,
    'filter.decisions-searched',
    { type: 'school', id: schoolId, schoolId },
    {
      username: filters.username ?? null,
      from: filters.from ?? null,
      to: filters.to ?? null,
      category: filters.category ?? null,
      action: filters.action ?? null,
      host: filters.host ?? null,
      nextPage: Boolean(after),
    },
  );
  return {
    decisions: page.items.map((d) => ({
      id: d.id,
      at: d.at,
      site: d.site,
      gatewayId: d.gatewayId,
      group: d.group,
      user: d.username,
      client: d.client,
      host: d.host,
      url: d.url,
      category: d.category,
      action: d.action,
      kind: d.kind,
      rule: d.rule,
      source: d.source,
    })),
    nextCursor: page.next ? encodeDecisionCursor(page.next) : null,
  };
}

/**
 * Retention: deletes one school's decisions older than `before`, a chunk at a time, and records
 * how many went in the audit log. For the start command's periodic job.
 */
export async function deleteDecisionsBefore(
  haven: Haven,
  schoolId: string,
  before: Date,
  options: { chunkSize?: number } = {},
): Promise<number> {
  const deleted = await deleteFilterDecisionsBefore(haven.db, schoolId, before.toISOString(), options);
  await deleteSignInHistoryBefore(haven.db, schoolId, before.toISOString());
  if (deleted > 0) {
    await audit(
      haven.db,
      { ...SYSTEM_ACTOR, schoolId },
      'filter.decisions-deleted',
      { type: 'school', id: schoolId, schoolId },
      { before: before.toISOString(), deleted },
    );
  }
  return deleted;
}
