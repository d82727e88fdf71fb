import { type Insertable, type Selectable, sql } from 'kysely';
import type { sqliteHandle } from '../db/database.ts';
import type { Db, DecisionSource, FilterDecisionsTable, IsoTimestamp } from '../db/schema.ts';
import { clampLimit } from './paging.ts';

/**
 * The decision log: what each gateway allowed and blocked, for whom. Millions of rows, so reads
 * are keyset-paged on (at, id), newest first, and never counted or offset; retention deletes in
 * chunks so no statement holds a lock for long.
 */
export interface FilterDecisionRecord {
  id: number;
  schoolId: string;
  at: IsoTimestamp;
  site: string | null;
  gatewayId: string | null;
  group: string;
  username: string | null;
  client: string | null;
  host: string;
  url: string | null;
  category: string | null;
  action: 'allow' | 'block';
  kind: string;
  rule: string | null;
  source: DecisionSource;
  batchId: string | null;
}

export type NewFilterDecision = Omit<FilterDecisionRecord, 'id'>;

/** Where a page ended: the last row's time and id. */
export interface DecisionCursor {
  at: IsoTimestamp;
  id: number;
}

export interface DecisionQuery {
  username?: string;
  /** At or after this instant. */
  from?: IsoTimestamp;
  /** Before this instant. */
  to?: IsoTimestamp;
  category?: string;
  action?: 'allow' | 'block';
  /** Hosts starting with this text. */
  hostPrefix?: string;
  /** Rows after this one in newest-first order. */
  after?: DecisionCursor;
  limit?: number;
}

export interface DecisionPage {
  items: FilterDecisionRecord[];
  /** Pass as `after` for the next page; null when this was the last. */
  next: DecisionCursor | null;
}

const toDecision = (row: Selectable<FilterDecisionsTable>): FilterDecisionRecord => ({
  id: Number(row.id),
  schoolId: row.school_id,
  at: row.at,
  site: row.site,
  gatewayId: row.gateway_id,
  group: row.group_id,
  username: row.username,
  client: row.client,
  host: row.host,
  url: row.url,
  category: row.category,
  action: row.action,
  kind: row.kind,
  rule: row.rule,
  source: row.source,
  batchId: row.batch_id,
});

const toRow = (d: NewFilterDecision): Insertable<FilterDecisionsTable> => ({
  school_id: d.schoolId,
  at: d.at,
  site: d.site,
  gateway_id: d.gatewayId,
  group_id: d.group,
  username: d.username,
  client: d.client,
  host: d.host,
  url: d.url,
  category: d.category,
  action: d.action,
  kind: d.kind,
  rule: d.rule,
  source: d.source,
  batch_id: d.batchId,
});

type SqliteHandle = NonNullable<ReturnType<typeof sqliteHandle>>;
const prepared = new WeakMap<SqliteHandle, import('better-sqlite3').Statement<unknown[]>>();
// better-sqlite3's statement type takes its parameters as one tuple type argument.
function preparedInsert(sqlite: SqliteHandle) {
  let statement = prepared.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare<unknown[]>(
      `insert into filter_decisions (school_id, at, site, gateway_id, group_id, username, client, host, url, category, action, kind, rule, source, batch_id)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    prepared.set(sqlite, statement);
  }
  return statement;
}

/** Rows per INSERT: 16 values each stays well inside SQLite's and PostgreSQL's parameter limits. */
const INSERT_CHUNK = 500;

export async function insertFilterDecisions(
  db: Db,
  decisions: readonly NewFilterDecision[],
  /** The embedded database's handle, where the caller holds its transaction (bulk imports). */
  sqlite?: SqliteHandle,
): Promise<number> {
  if (sqlite) {
    const insert = preparedInsert(sqlite);
    for (const d of decisions)
      insert.run(
        d.schoolId,
        d.at,
        d.site,
        d.gatewayId,
        d.group,
        d.username,
        d.client,
        d.host,
        d.url,
        d.category,
        d.action,
        d.kind,
        d.rule,
        d.source,
        d.batchId,
      );
    return decisions.length;
  }
  for (let i = 0; i < decisions.length; i += INSERT_CHUNK) {
    await db
      .insertInto('filter_decisions')
      .values(decisions.slice(i, i + INSERT_CHUNK).map(toRow))
      .execute();
  }
  return decisions.length;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The search as a query (limit + 1 rows, to tell whether another page exists without counting).
 * Exported so a test can read its plan: an index range scan in order, no sort, however big the log.
 */
export function decisionSearchQuery(db: Db, schoolId: string, query: DecisionQuery = {}) {
  const limit = clampLimit(query.limit);
  let select = db.selectFrom('filter_decisions').selectAll().where('school_id', '=', schoolId);
  if (query.username !== undefined) select = select.where('username', '=', query.username);
  if (query.category !== undefined) select = select.where('category', '=', query.category);
  if (query.action !== undefined) select = select.where('action', '=', query.action);
  if (query.from !== undefined) select = select.where('at', '>=', query.from);
  if (query.to !== undefined) select = select.where('at', '<', query.to);
  if (query.hostPrefix) {
    select = select.where(
      sql<boolean>`${sql.ref('host')} like ${`${escapeLike(query.hostPrefix.toLowerCase())}%`} escape '\\'`,
    );
  }
  const after = query.after;
  if (after) {
    // (at, id) < (after.at, after.id), spelt so both databases range-scan the index on `at`.
    select = select
      .where('at', '<=', after.at)
      .where((eb) => eb.or([eb('at', '<', after.at), eb('id', '<', after.id)]));
  }
  return select
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1);
}

/** One page of a school's decisions, newest first, matching every filter given. */
export async function searchFilterDecisions(
  db: Db,
  schoolId: string,
  query: DecisionQuery = {},
): Promise<DecisionPage> {
  const limit = clampLimit(query.limit);
  const rows = await decisionSearchQuery(db, schoolId, query).execute();
  const items = rows.slice(0, limit).map(toDecision);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? { at: last.at, id: last.id } : null };
}

/**
 * Deletes a school's decisions older than `before`, `chunkSize` rows per statement, and the
 * intake records of batches received before then. Returns how many decisions went.
 */
export async function deleteFilterDecisionsBefore(
  db: Db,
  schoolId: string,
  before: IsoTimestamp,
  options: { chunkSize?: number } = {},
): Promise<number> {
  const chunk = Math.max(1, Math.trunc(options.chunkSize ?? 5000));
  let deleted = 0;
  for (;;) {
    const result = await db
      .deleteFrom('filter_decisions')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('filter_decisions')
          .select('id')
          .where('school_id', '=', schoolId)
          .where('at', '<', before)
          .limit(chunk),
      )
      .executeTakeFirst();
    const n = Number(result.numDeletedRows);
    deleted += n;
    if (n < chunk) break;
  }
  await db
    .deleteFrom('filter_event_batches')
    .where('school_id', '=', schoolId)
    .where('received_at', '<', before)
    .execute();
  return deleted;
}

/**
 * Records that a gateway's batch has arrived. False when it had already: the caller then adds
 * nothing (a gateway resends a batch it is not sure was received).
 */
export async function claimEventBatch(
  db: Db,
  input: { gatewayId: string; batchId: string; schoolId: string; receivedAt: IsoTimestamp; count: number },
): Promise<boolean> {
  const result = await db
    .insertInto('filter_event_batches')
    .values({
      gateway_id: input.gatewayId,
      batch_id: input.batchId,
      school_id: input.schoolId,
      received_at: input.receivedAt,
      count: input.count,
    })
    .onConflict((oc) => oc.columns(['gateway_id', 'batch_id']).doNothing())
    .returning('batch_id')
    .executeTakeFirst();
  return result !== undefined;
}
