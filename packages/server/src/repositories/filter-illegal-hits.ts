import type { Selectable } from 'kysely';
import type { Db, DecisionSource, FilterIllegalHitsTable, IsoTimestamp } from '../db/schema.ts';
import { newId } from '../db/values.ts';
import { clampLimit } from './paging.ts';

/**
 * That an address on an illegal-content list (IWF, CTIRU) was asked for: when, from where, by
 * whom. There is no field for the host or URL, on purpose: the record must never become a copy
 * of the list or point at the content.
 */
export interface FilterIllegalHit {
  id: string;
  schoolId: string;
  at: IsoTimestamp;
  gatewayId: string | null;
  group: string;
  username: string | null;
  client: string | null;
  source: DecisionSource;
  incidentOpened: string | null;
}

export type NewFilterIllegalHit = Omit<FilterIllegalHit, 'id' | 'incidentOpened'>;

const toHit = (row: Selectable<FilterIllegalHitsTable>): FilterIllegalHit => ({
  id: row.id,
  schoolId: row.school_id,
  at: row.at,
  gatewayId: row.gateway_id,
  group: row.group_id,
  username: row.username,
  client: row.client,
  source: row.source,
  incidentOpened: row.incident_opened,
});

export async function recordFilterIllegalHit(db: Db, input: NewFilterIllegalHit): Promise<FilterIllegalHit> {
  const row = await db
    .insertInto('filter_illegal_hits')
    .values({
      id: newId(),
      school_id: input.schoolId,
      at: input.at,
      gateway_id: input.gatewayId,
      group_id: input.group,
      username: input.username,
      client: input.client,
      source: input.source,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toHit(row);
}

/** Newest first. */
export async function listFilterIllegalHits(
  db: Db,
  schoolId: string,
  query: { before?: IsoTimestamp; limit?: number } = {},
): Promise<FilterIllegalHit[]> {
  let select = db.selectFrom('filter_illegal_hits').selectAll().where('school_id', '=', schoolId);
  if (query.before !== undefined) select = select.where('at', '<', query.before);
  const rows = await select
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(clampLimit(query.limit))
    .execute();
  return rows.map(toHit);
}

/** Notes the incident opened for a hit (once). */
export async function markHitIncident(db: Db, hitId: string, incidentId: string): Promise<void> {
  await db
    .updateTable('filter_illegal_hits')
    .set({ incident_opened: incidentId })
    .where('id', '=', hitId)
    .where('incident_opened', 'is', null)
    .execute();
}
