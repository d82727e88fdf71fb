import type { Selectable } from 'kysely';
import type { DailySummariesTable, Db, IsoDate, IsoTimestamp } from '../db/schema.ts';

/** Counts for one school's day, straight from the logs (the service makes the summary of them). */
export interface DayCounts {
  total: number;
  blocked: number;
  blockedByCategory: { category: string; count: number }[];
  blockedByGroup: { group: string; count: number }[];
  topBlocked: { who: string; count: number }[];
  bypassAttempts: number;
  illegalHits: number;
  alertsBySeverity: { severity: number; count: number }[];
  exceptionsInForce: number;
  reviewsWaiting: number;
}

export async function countDay(
  db: Db,
  schoolId: string,
  from: IsoTimestamp,
  to: IsoTimestamp,
): Promise<DayCounts> {
  const window = db
    .selectFrom('filter_decisions')
    .where('school_id', '=', schoolId)
    .where('at', '>=', from)
    .where('at', '<', to);
  const totals = await window
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('action', '=', 'block').then(1).else(0).end()).as('blocked'),
    ])
    .executeTakeFirstOrThrow();
  const blocked = window.where('action', '=', 'block');
  const byCategory = await blocked
    .select((eb) => ['category', eb.fn.countAll<number>().as('n')])
    .groupBy('category')
    .orderBy('n', 'desc')
    .execute();
  const byGroup = await blocked
    .select((eb) => ['group_id', eb.fn.countAll<number>().as('n')])
    .groupBy('group_id')
    .orderBy('n', 'desc')
    .execute();
  const byWho = await blocked
    .select((eb) => [eb.fn.coalesce('username', 'client').as('who'), eb.fn.countAll<number>().as('n')])
    .groupBy((eb) => eb.fn.coalesce('username', 'client'))
    .orderBy('n', 'desc')
    .limit(10)
    .execute();
  const illegal = await db
    .selectFrom('filter_illegal_hits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('school_id', '=', schoolId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .executeTakeFirstOrThrow();
  const alerts = await db
    .selectFrom('monitor_alerts')
    .select((eb) => ['severity', eb.fn.countAll<number>().as('n')])
    .where('school_id', '=', schoolId)
    .where('first_seen_at', '>=', from)
    .where('first_seen_at', '<', to)
    .groupBy('severity')
    .orderBy('severity', 'desc')
    .execute();
  const exceptions = await db
    .selectFrom('filter_exceptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('school_id', '=', schoolId)
    .where('status', '=', 'approved')
    .where('starts_at', '<', to)
    .where('ends_at', '>', to)
    .executeTakeFirstOrThrow();
  const reviews = await db
    .selectFrom('filter_review_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('school_id', '=', schoolId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return {
    total: Number(totals.total),
    blocked: Number(totals.blocked ?? 0),
    blockedByCategory: byCategory.map((r) => ({
      category: r.category ?? 'uncategorised',
      count: Number(r.n),
    })),
    blockedByGroup: byGroup.map((r) => ({ group: r.group_id, count: Number(r.n) })),
    topBlocked: byWho.map((r) => ({ who: String(r.who ?? 'unknown'), count: Number(r.n) })),
    bypassAttempts: byCategory.filter((r) => r.category === 'bypass').reduce((a, r) => a + Number(r.n), 0),
    illegalHits: Number(illegal.n),
    alertsBySeverity: alerts.map((r) => ({ severity: Number(r.severity), count: Number(r.n) })),
    exceptionsInForce: Number(exceptions.n),
    reviewsWaiting: Number(reviews.n),
  };
}

export interface DailySummary {
  schoolId: string;
  day: IsoDate;
  createdAt: IsoTimestamp;
  sealedText: string;
  sealedHtml: string;
  emailState: 'pending' | 'sent' | 'failed';
  attempts: number;
  sentAt: IsoTimestamp | null;
}

const toSummary = (r: Selectable<DailySummariesTable>): DailySummary => ({
  schoolId: r.school_id,
  day: r.day,
  createdAt: r.created_at,
  sealedText: r.text,
  sealedHtml: r.html,
  emailState: r.email_state,
  attempts: r.attempts,
  sentAt: r.sent_at,
});

/** Keeps the day's summary once: a second try for the same school and day adds nothing (false). */
export async function claimDailySummary(
  db: Db,
  s: { schoolId: string; day: IsoDate; at: IsoTimestamp; sealedText: string; sealedHtml: string },
): Promise<boolean> {
  const r = await db
    .insertInto('daily_summaries')
    .values({
      school_id: s.schoolId,
      day: s.day,
      created_at: s.at,
      text: s.sealedText,
      html: s.sealedHtml,
      email_state: 'pending',
      attempts: 0,
      sent_at: null,
    })
    .onConflict((oc) => oc.columns(['school_id', 'day']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function hasDailySummary(db: Db, schoolId: string, day: IsoDate): Promise<boolean> {
  return Boolean(
    await db
      .selectFrom('daily_summaries')
      .select('day')
      .where('school_id', '=', schoolId)
      .where('day', '=', day)
      .executeTakeFirst(),
  );
}

export async function pendingDailySummaries(db: Db): Promise<DailySummary[]> {
  const rows = await db
    .selectFrom('daily_summaries')
    .selectAll()
    .where('email_state', '=', 'pending')
    .orderBy('day')
    .execute();
  return rows.map(toSummary);
}

export async function listDailySummaries(db: Db, schoolId: string): Promise<DailySummary[]> {
  const rows = await db
    .selectFrom('daily_summaries')
    .selectAll()
    .where('school_id', '=', schoolId)
    .orderBy('day', 'desc')
    .limit(60)
    .execute();
  return rows.map(toSummary);
}

export async function setSummaryEmail(
  db: Db,
  schoolId: string,
  day: IsoDate,
  o: { state: 'pending' | 'sent' | 'failed'; attempts: number; sentAt: IsoTimestamp | null },
): Promise<void> {
  await db
    .updateTable('daily_summaries')
    .set({ email_state: o.state, attempts: o.attempts, sent_at: o.sentAt })
    .where('school_id', '=', schoolId)
    .where('day', '=', day)
    .execute();
}
