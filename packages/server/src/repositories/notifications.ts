import type { Selectable } from 'kysely';
import type { Db, EmailState, IsoTimestamp, NotificationsTable } from '../db/schema.ts';
import { newId } from '../db/values.ts';
import { clampLimit } from './paging.ts';

/**
 * A notification to the holders of some grants in a school, or to named accounts (`account:<id>`,
 * for a restricted incident). Never holds personal content.
 */
export interface Notification {
  id: string;
  schoolId: string;
  createdAt: IsoTimestamp;
  kind: string;
  audience: string[];
  urgent: boolean;
  title: string;
  link: string;
  subjectId: string | null;
  emailState: EmailState;
  emailAttempts: number;
  emailedAt: IsoTimestamp | null;
}

export type NewNotification = Pick<
  Notification,
  'schoolId' | 'createdAt' | 'kind' | 'audience' | 'urgent' | 'title' | 'link' | 'subjectId'
> & { email: boolean };

const toNotification = (row: Selectable<NotificationsTable>): Notification => ({
  id: row.id,
  schoolId: row.school_id,
  createdAt: row.created_at,
  kind: row.kind,
  audience: JSON.parse(row.audience) as string[],
  urgent: row.urgent === 1,
  title: row.title,
  link: row.link,
  subjectId: row.subject_id,
  emailState: row.email_state,
  emailAttempts: row.email_attempts,
  emailedAt: row.emailed_at,
});

export async function createNotification(db: Db, input: NewNotification): Promise<Notification> {
  const row = await db
    .insertInto('notifications')
    .values({
      id: newId(),
      school_id: input.schoolId,
      created_at: input.createdAt,
      kind: input.kind,
      audience: JSON.stringify([...input.audience].sort()),
      urgent: input.urgent ? 1 : 0,
      title: input.title,
      link: input.link,
      subject_id: input.subjectId,
      email_state: input.email ? 'pending' : 'not-sent',
      email_attempts: 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toNotification(row);
}

export interface NotificationForReader extends Notification {
  readAt: IsoTimestamp | null;
}

/**
 * Newest first, those addressed to any of the reader's grants. The audience is matched in code:
 * a school has few notifications a day, and the page is bounded.
 */
export async function listNotificationsFor(
  db: Db,
  schoolId: string,
  accountId: string,
  grants: readonly string[],
  query: { limit?: number; since?: IsoTimestamp } = {},
): Promise<NotificationForReader[]> {
  const limit = clampLimit(query.limit);
  let q = db
    .selectFrom('notifications as n')
    .leftJoin('notification_reads as r', (join) =>
      join.onRef('r.notification_id', '=', 'n.id').on('r.account_id', '=', accountId),
    )
    .selectAll('n')
    .select('r.read_at')
    .where('n.school_id', '=', schoolId);
  if (query.since) q = q.where('n.created_at', '>=', query.since);
  const rows = await q
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit * 4)
    .execute();
  const mine = new Set([...grants, `account:${accountId}`]);
  return rows
    .map((row) => ({ ...toNotification(row), readAt: row.read_at ?? null }))
    .filter((n) => n.audience.some((g) => mine.has(g)))
    .slice(0, limit);
}

export async function getNotification(db: Db, id: string): Promise<Notification | undefined> {
  const row = await db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toNotification(row) : undefined;
}

export async function markNotificationRead(
  db: Db,
  notificationId: string,
  accountId: string,
  at: IsoTimestamp,
): Promise<void> {
  await db
    .insertInto('notification_reads')
    .values({ notification_id: notificationId, account_id: accountId, read_at: at })
    .onConflict((oc) => oc.columns(['notification_id', 'account_id']).doNothing())
    .execute();
}

/** Notifications whose e-mail is still to send, oldest first. */
export async function listPendingEmails(db: Db, limit = 50): Promise<Notification[]> {
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('email_state', '=', 'pending')
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map(toNotification);
}

export async function setEmailOutcome(
  db: Db,
  id: string,
  outcome: { state: EmailState; attempts: number; at: IsoTimestamp | null },
): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ email_state: outcome.state, email_attempts: outcome.attempts, emailed_at: outcome.at })
    .where('id', '=', id)
    .execute();
}
