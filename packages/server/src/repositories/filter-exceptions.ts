import { filter } from '@haven/core';
import type { Selectable } from 'kysely';
import type { Db, ExceptionStatus, FilterExceptionsTable, IsoTimestamp } from '../db/schema.ts';
import { newId } from '../db/values.ts';
import { clampLimit } from './paging.ts';

/** A time-limited exception to the filter, as asked for and (perhaps) decided. */
export interface FilterException {
  id: string;
  schoolId: string;
  target: filter.ExceptionTarget;
  scope: filter.ExceptionScope;
  reason: string;
  requestedBy: string;
  requestedByName: string;
  requestedAt: IsoTimestamp;
  startsAt: IsoTimestamp;
  endsAt: IsoTimestamp;
  status: ExceptionStatus;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: IsoTimestamp | null;
  decisionNote: string | null;
  firstUsedAt: IsoTimestamp | null;
  useCount: number;
}

export interface NewFilterException {
  schoolId: string;
  target: filter.ExceptionTarget;
  scope: filter.ExceptionScope;
  reason: string;
  requestedBy: string;
  requestedByName: string;
  requestedAt: IsoTimestamp;
  startsAt: IsoTimestamp;
  endsAt: IsoTimestamp;
  id?: string;
}

export interface ExceptionDecision {
  status: Extract<ExceptionStatus, 'approved' | 'declined' | 'withdrawn' | 'expired'>;
  /** Only an exception in one of these states changes (compare-and-set). */
  from: readonly ExceptionStatus[];
  decidedBy?: string;
  decidedByName?: string;
  decidedAt?: IsoTimestamp;
  decisionNote?: string | null;
}

function parseJson<T>(text: string, schema: { parse(value: unknown): T }, column: string): T {
  try {
    return schema.parse(JSON.parse(text));
  } catch {
    throw new Error(`${column} holds a value that is not a valid exception ${column.split('.')[1]}`);
  }
}

const toException = (row: Selectable<FilterExceptionsTable>): FilterException => ({
  id: row.id,
  schoolId: row.school_id,
  target: parseJson(row.target, filter.exceptionTarget, 'filter_exceptions.target'),
  scope: parseJson(row.scope, filter.exceptionScope, 'filter_exceptions.scope'),
  reason: row.reason,
  requestedBy: row.requested_by,
  requestedByName: row.requested_by_name,
  requestedAt: row.requested_at,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  status: row.status,
  decidedBy: row.decided_by,
  decidedByName: row.decided_by_name,
  decidedAt: row.decided_at,
  decisionNote: row.decision_note,
  firstUsedAt: row.first_used_at,
  useCount: row.use_count,
});

export async function createFilterException(db: Db, input: NewFilterException): Promise<FilterException> {
  const row = await db
    .insertInto('filter_exceptions')
    .values({
      id: input.id ?? newId(),
      school_id: input.schoolId,
      target: JSON.stringify(input.target),
      scope: JSON.stringify(input.scope),
      reason: input.reason,
      requested_by: input.requestedBy,
      requested_by_name: input.requestedByName,
      requested_at: input.requestedAt,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      status: 'requested',
      use_count: 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toException(row);
}

/** One school's exception (undefined for another school's id, so ids cannot be probed across schools). */
export async function getFilterException(
  db: Db,
  schoolId: string,
  id: string,
): Promise<FilterException | undefined> {
  const row = await db
    .selectFrom('filter_exceptions')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toException(row);
}

export interface ExceptionQuery {
  status?: ExceptionStatus | readonly ExceptionStatus[];
  limit?: number;
  /** Requests made before this instant (pass the previous page's last requestedAt). */
  before?: IsoTimestamp;
}

/** Newest request first. */
export async function listFilterExceptions(
  db: Db,
  schoolId: string,
  query: ExceptionQuery = {},
): Promise<FilterException[]> {
  let select = db.selectFrom('filter_exceptions').selectAll().where('school_id', '=', schoolId);
  if (query.status !== undefined) {
    const statuses = typeof query.status === 'string' ? [query.status] : [...query.status];
    if (statuses.length === 0) return [];
    select = select.where('status', 'in', statuses);
  }
  if (query.before !== undefined) select = select.where('requested_at', '<', query.before);
  const rows = await select
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .limit(clampLimit(query.limit))
    .execute();
  return rows.map(toException);
}

/** Approved exceptions in force at `now` or starting before `horizon`: what gateways are sent. */
export async function listExceptionsForSnapshot(
  db: Db,
  schoolId: string,
  now: IsoTimestamp,
  horizon: IsoTimestamp,
): Promise<FilterException[]> {
  const rows = await db
    .selectFrom('filter_exceptions')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('status', '=', 'approved')
    .where('ends_at', '>', now)
    .where('starts_at', '<', horizon)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  return rows.map(toException);
}

/** Exceptions in one of `statuses` whose end is at or before `now`, any school (or one). */
export async function listEndedExceptions(
  db: Db,
  now: IsoTimestamp,
  statuses: readonly ExceptionStatus[],
  schoolId?: string,
): Promise<FilterException[]> {
  if (statuses.length === 0) return [];
  let select = db
    .selectFrom('filter_exceptions')
    .selectAll()
    .where('status', 'in', [...statuses])
    .where('ends_at', '<=', now);
  if (schoolId !== undefined) select = select.where('school_id', '=', schoolId);
  const rows = await select.orderBy('ends_at').orderBy('id').limit(1000).execute();
  return rows.map(toException);
}

/**
 * Moves an exception to a new status if it is still in one of `decision.from`, in one statement,
 * so two approvers (or an approval and a withdrawal) cannot both win. Undefined when it was not.
 */
export async function decideFilterException(
  db: Db,
  schoolId: string,
  id: string,
  decision: ExceptionDecision,
): Promise<FilterException | undefined> {
  if (decision.from.length === 0) return undefined;
  const row = await db
    .updateTable('filter_exceptions')
    .set({
      status: decision.status,
      ...(decision.decidedBy === undefined ? {} : { decided_by: decision.decidedBy }),
      ...(decision.decidedByName === undefined ? {} : { decided_by_name: decision.decidedByName }),
      ...(decision.decidedAt === undefined ? {} : { decided_at: decision.decidedAt }),
      ...(decision.decisionNote === undefined ? {} : { decision_note: decision.decisionNote }),
    })
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .where('status', 'in', [...decision.from])
    .returningAll()
    .executeTakeFirst();
  return row && toException(row);
}

/**
 * Counts uses of an exception reported by a gateway. Returns whether these were its first uses
 * (so the caller logs that once), or undefined when the school has no such exception.
 */
export async function recordFilterExceptionUse(
  db: Db,
  schoolId: string,
  id: string,
  uses: number,
  firstAt: IsoTimestamp,
): Promise<{ first: boolean } | undefined> {
  const first = await db
    .updateTable('filter_exceptions')
    .set((eb) => ({ use_count: eb('use_count', '+', uses), first_used_at: firstAt }))
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .where('first_used_at', 'is', null)
    .executeTakeFirst();
  if (first.numUpdatedRows > 0n) return { first: true };
  const later = await db
    .updateTable('filter_exceptions')
    .set((eb) => ({ use_count: eb('use_count', '+', uses) }))
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .executeTakeFirst();
  return later.numUpdatedRows > 0n ? { first: false } : undefined;
}
