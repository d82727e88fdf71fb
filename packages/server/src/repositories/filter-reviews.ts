import type { Selectable } from 'kysely';
import type { Db, FilterReviewRequestsTable, IsoTimestamp, ReviewStatus } from '../db/schema.ts';
import { newId } from '../db/values.ts';
import { clampLimit } from './paging.ts';

/** "Ask for this to be reviewed" from the block page: a report of over-blocking. */
export interface FilterReviewRequest {
  id: string;
  schoolId: string;
  at: IsoTimestamp;
  gatewayId: string | null;
  host: string;
  url: string | null;
  group: string | null;
  username: string | null;
  client: string | null;
  reference: string;
  comment: string | null;
  status: ReviewStatus;
  handledBy: string | null;
  handledAt: IsoTimestamp | null;
  note: string | null;
}

export type NewFilterReviewRequest = Omit<
  FilterReviewRequest,
  'id' | 'status' | 'handledBy' | 'handledAt' | 'note'
>;

const toReview = (row: Selectable<FilterReviewRequestsTable>): FilterReviewRequest => ({
  id: row.id,
  schoolId: row.school_id,
  at: row.at,
  gatewayId: row.gateway_id,
  host: row.host,
  url: row.url,
  group: row.group_id,
  username: row.username,
  client: row.client,
  reference: row.reference,
  comment: row.comment,
  status: row.status,
  handledBy: row.handled_by,
  handledAt: row.handled_at,
  note: row.note,
});

export async function createFilterReviewRequest(
  db: Db,
  input: NewFilterReviewRequest,
): Promise<FilterReviewRequest> {
  const row = await db
    .insertInto('filter_review_requests')
    .values({
      id: newId(),
      school_id: input.schoolId,
      at: input.at,
      gateway_id: input.gatewayId,
      host: input.host,
      url: input.url,
      group_id: input.group,
      username: input.username,
      client: input.client,
      reference: input.reference,
      comment: input.comment,
      status: 'open',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toReview(row);
}

export async function getFilterReviewRequest(
  db: Db,
  schoolId: string,
  id: string,
): Promise<FilterReviewRequest | undefined> {
  const row = await db
    .selectFrom('filter_review_requests')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toReview(row);
}

/** Newest first. */
export async function listFilterReviewRequests(
  db: Db,
  schoolId: string,
  query: { status?: ReviewStatus; before?: IsoTimestamp; limit?: number } = {},
): Promise<FilterReviewRequest[]> {
  let select = db.selectFrom('filter_review_requests').selectAll().where('school_id', '=', schoolId);
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.before !== undefined) select = select.where('at', '<', query.before);
  const rows = await select
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(clampLimit(query.limit))
    .execute();
  return rows.map(toReview);
}

/** Closes an open request; undefined when it is not open (or not the school's). */
export async function handleFilterReviewRequest(
  db: Db,
  schoolId: string,
  id: string,
  outcome: {
    status: Exclude<ReviewStatus, 'open'>;
    handledBy: string;
    handledAt: IsoTimestamp;
    note: string | null;
  },
): Promise<FilterReviewRequest | undefined> {
  const row = await db
    .updateTable('filter_review_requests')
    .set({
      status: outcome.status,
      handled_by: outcome.handledBy,
      handled_at: outcome.handledAt,
      note: outcome.note,
    })
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
  return row && toReview(row);
}
