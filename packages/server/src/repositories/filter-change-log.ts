import { type Selectable, sql } from 'kysely';
import { dialectOf } from '../db/dialect.ts';
import type { ChangeLogKind, Db, FilterChangeLogTable, IsoTimestamp } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { newId } from '../db/values.ts';
import { clampLimit } from './paging.ts';

/**
 * The filter change-control log: every exception asked for, decided, used and ended, every
 * standing entry and settings change, list updates, review requests and illegal-list hits. It is
 * what governors read, so `summary` is a plain sentence with no pupil's name in it. Append-only:
 * the database refuses UPDATE and DELETE.
 */
export type ChangeLogDetails = Record<string, string | number | boolean | null | string[]>;

export interface ChangeLogEntry {
  id: string;
  schoolId: string;
  seq: number;
  at: IsoTimestamp;
  actor: string;
  actorName: string;
  kind: ChangeLogKind;
  subjectId: string | null;
  summary: string;
  details: ChangeLogDetails;
}

export interface NewChangeLogEntry {
  schoolId: string;
  at: IsoTimestamp;
  /** The account id, `system`, or `gateway:<id>`. */
  actor: string;
  actorName: string;
  kind: ChangeLogKind;
  subjectId?: string | null;
  summary: string;
  details?: ChangeLogDetails;
}

/** A constant advisory-lock key (with the school's hash) so PostgreSQL numbers one school's entries one at a time. */
const CHANGE_LOG_LOCK_KEY = 720_411_904;

const toEntry = (row: Selectable<FilterChangeLogTable>): ChangeLogEntry => ({
  id: row.id,
  schoolId: row.school_id,
  seq: row.seq,
  at: row.at,
  actor: row.actor,
  actorName: row.actor_name,
  kind: row.kind,
  subjectId: row.subject_id,
  summary: row.summary,
  details: JSON.parse(row.details) as ChangeLogDetails,
});

/**
 * Appends an entry as the school's next number. Pass the service's transaction so the entry lands
 * with the change it records; on PostgreSQL the school's lock is then held until that commits.
 */
export function appendChangeLog(db: Db, input: NewChangeLogEntry): Promise<ChangeLogEntry> {
  return inTransaction(db, async (trx) => {
    if (dialectOf(trx) === 'postgres') {
      await sql`select pg_advisory_xact_lock(${sql.lit(CHANGE_LOG_LOCK_KEY)}, hashtext(${input.schoolId}))`.execute(
        trx,
      );
    }
    const last = await trx
      .selectFrom('filter_change_log')
      .select('seq')
      .where('school_id', '=', input.schoolId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const row = await trx
      .insertInto('filter_change_log')
      .values({
        id: newId(),
        school_id: input.schoolId,
        seq: (last?.seq ?? 0) + 1,
        at: input.at,
        actor: input.actor,
        actor_name: input.actorName,
        kind: input.kind,
        subject_id: input.subjectId ?? null,
        summary: input.summary,
        details: JSON.stringify(input.details ?? {}),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toEntry(row);
  });
}

export interface ChangeLogQuery {
  kind?: ChangeLogKind | readonly ChangeLogKind[];
  subjectId?: string;
  /** Entries numbered below this (the previous page's nextBeforeSeq). */
  beforeSeq?: number;
  limit?: number;
}

export interface ChangeLogPage {
  /** Newest first. */
  items: ChangeLogEntry[];
  nextBeforeSeq: number | null;
}

export async function listChangeLog(
  db: Db,
  schoolId: string,
  query: ChangeLogQuery = {},
): Promise<ChangeLogPage> {
  const limit = clampLimit(query.limit);
  let select = db.selectFrom('filter_change_log').selectAll().where('school_id', '=', schoolId);
  if (query.kind !== undefined) {
    const kinds = typeof query.kind === 'string' ? [query.kind] : [...query.kind];
    if (kinds.length === 0) return { items: [], nextBeforeSeq: null };
    select = select.where('kind', 'in', kinds);
  }
  if (query.subjectId !== undefined) select = select.where('subject_id', '=', query.subjectId);
  if (query.beforeSeq !== undefined) select = select.where('seq', '<', query.beforeSeq);
  const rows = await select
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(toEntry);
  return { items, nextBeforeSeq: rows.length > limit ? (items.at(-1)?.seq ?? null) : null };
}
