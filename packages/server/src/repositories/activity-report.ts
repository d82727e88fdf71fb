import type { AlertStatus, Db, IsoDate, IsoTimestamp } from '../db/schema.ts';

/**
 * Counts for the activity report, grouped in SQL by the school's local day. A local day is not a
 * fixed slice of UTC (23 or 25 hours when the clocks change) and SQLite knows no time zones, so
 * the caller works out each day's first and last instant and each day is its own range query: an
 * index range scan on (school_id, at) grouped in the database, which both planners get right
 * whatever the filters (one statement joining the log to a list of days was as fast on SQLite,
 * but PostgreSQL planned it as a scan of the whole log per day once a filter was added).
 */

export interface LocalDay {
  day: IsoDate;
  /** The day's first instant. */
  start: IsoTimestamp;
  /** The next day's first instant. */
  end: IsoTimestamp;
}

export interface ReportScope {
  schoolId: string;
  days: readonly LocalDay[];
  group?: string | undefined;
  /** A username: the decision's user, the alert's subject. */
  user?: string | undefined;
}

export interface ActivityCount {
  day: IsoDate;
  category: string | null;
  group: string;
  action: 'allow' | 'block';
  count: number;
}

export interface AlertCount {
  day: IsoDate;
  category: string;
  severity: number;
  status: AlertStatus;
  count: number;
}

/** Decisions by day, category, group and action: a few thousand rows at most for a year. */
export async function countActivity(db: Db, scope: ReportScope): Promise<ActivityCount[]> {
  const out: ActivityCount[] = [];
  for (const d of scope.days) {
    let query = db
      .selectFrom('filter_decisions')
      .where('school_id', '=', scope.schoolId)
      .where('at', '>=', d.start)
      .where('at', '<', d.end);
    if (scope.group !== undefined) query = query.where('group_id', '=', scope.group);
    if (scope.user !== undefined) query = query.where('username', '=', scope.user);
    const rows = await query
      .select((eb) => ['category', 'group_id', 'action', eb.fn.countAll<number>().as('n')])
      .groupBy(['category', 'group_id', 'action'])
      .execute();
    for (const r of rows)
      out.push({ day: d.day, category: r.category, group: r.group_id, action: r.action, count: Number(r.n) });
  }
  return out;
}

/** Alerts by the day they were first seen, category, severity and status. */
export async function countAlerts(db: Db, scope: ReportScope): Promise<AlertCount[]> {
  const out: AlertCount[] = [];
  for (const d of scope.days) {
    let query = db
      .selectFrom('monitor_alerts')
      .where('school_id', '=', scope.schoolId)
      .where('first_seen_at', '>=', d.start)
      .where('first_seen_at', '<', d.end);
    if (scope.group !== undefined) query = query.where('group_id', '=', scope.group);
    if (scope.user !== undefined) query = query.where('subject', '=', scope.user);
    const rows = await query
      .select((eb) => ['category', 'severity', 'status', eb.fn.countAll<number>().as('n')])
      .groupBy(['category', 'severity', 'status'])
      .execute();
    for (const r of rows)
      out.push({
        day: d.day,
        category: r.category,
        severity: Number(r.severity),
        status: r.status,
        count: Number(r.n),
      });
  }
  return out;
}
