import { access, filter } from '@haven/core';
import { z } from 'zod';
import { ALERT_STATUSES, type AlertStatus } from '../db/schema.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import {
  type ActivityCount,
  type AlertCount,
  countActivity,
  countAlerts,
  type LocalDay,
} from '../repositories/activity-report.ts';
import type { Actor } from './actor.ts';
import { audit } from './audit.ts';
import { authorise } from './school-service.ts';

/**
 * The activity report (issue 5): requests and blocked attempts over time by action, group and
 * category, the most blocked categories, and the trend of monitoring alerts by severity, over a
 * range of the school's local days. Counts only: no addresses, phrases or names, though a report
 * filtered to one user is about that person (see the access table).
 */

/** A report covers at most a year, leap day included. */
export const MAX_REPORT_DAYS = 366;
/** Without dates: the week up to today. */
export const DEFAULT_REPORT_DAYS = 7;
/** How many categories "most blocked" lists. */
export const TOP_BLOCKED_CATEGORIES = 15;

const SEVERITIES = [1, 2, 3, 4, 5] as const;
export type BySeverity = Record<(typeof SEVERITIES)[number], number>;

const daysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const reportQuery = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    group: z.string().trim().min(1).max(64).optional(),
    user: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from === undefined || q.to === undefined) return;
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (daysFrom(q.from, q.to) >= MAX_REPORT_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be within ${MAX_REPORT_DAYS} days of from, counting both`,
      });
  });
export type ReportQuery = z.output<typeof reportQuery>;

export interface ActivityReport {
  from: string;
  to: string;
  /** The zone the days are the school's local days in. */
  timeZone: string;
  filters: { group: string | null; user: string | null };
  totals: { requests: number; blocked: number; byAction: { allow: number; block: number } };
  /** Every day of the range, in order, empty ones included. */
  days: {
    day: string;
    requests: number;
    blocked: number;
    byAction: { allow: number; block: number };
    /** Requests by group, and by category (`uncategorised` for none); only those with any. */
    byGroup: Record<string, number>;
    byCategory: Record<string, number>;
  }[];
  /** Every category with requests, the most requested first. */
  byCategory: { category: string; requests: number; blocked: number }[];
  /** The categories with the most blocked attempts (none with no blocks). */
  topBlockedCategories: { category: string; blocked: number }[];
  byGroup: { group: string; requests: number; blocked: number }[];
  alerts: {
    total: number;
    bySeverity: BySeverity;
    byStatus: Record<AlertStatus, number>;
    /** By the day each alert was first seen; every day of the range. */
    byDay: { day: string; total: number; bySeverity: BySeverity }[];
    byCategory: { category: string; total: number; bySeverity: BySeverity }[];
  };
}

/** The school's local days from `from` to `to`, both included, as instants. */
function localDays(timeZone: string, from: string, to: string): LocalDay[] {
  const days: LocalDay[] = [];
  for (let day = from; day <= to; day = filter.addDays(day, 1)) {
    const { start, end } = filter.dayBounds(timeZone, day);
    days.push({ day, start: start.toISOString(), end: end.toISOString() });
  }
  return days;
}

const noSeverities = (): BySeverity => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });
const add = (record: Record<string, number>, key: string, n: number) => {
  record[key] = (record[key] ?? 0) + n;
};
/** The most first, then by name (code points, not a locale: the same order everywhere). */
const byCount =
  <T>(count: (x: T) => number, name: (x: T) => string) =>
  (a: T, b: T) =>
    count(b) - count(a) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);

interface Counts {
  requests: number;
  blocked: number;
}

function foldReport(
  base: Pick<ActivityReport, 'from' | 'to' | 'timeZone' | 'filters'>,
  dayList: readonly LocalDay[],
  activity: readonly ActivityCount[],
  alerts: readonly AlertCount[],
): ActivityReport {
  const days = new Map(
    dayList.map((d) => [
      d.day,
      {
        day: d.day,
        requests: 0,
        blocked: 0,
        byAction: { allow: 0, block: 0 },
        byGroup: {} as Record<string, number>,
        byCategory: {} as Record<string, number>,
      },
    ]),
  );
  const totals = { requests: 0, blocked: 0, byAction: { allow: 0, block: 0 } };
  const categories = new Map<string, Counts>();
  const groups = new Map<string, Counts>();
  for (const row of activity) {
    const day = days.get(row.day);
    if (!day) continue;
    const category = row.category ?? 'uncategorised';
    const blocked = row.action === 'block' ? row.count : 0;
    for (const t of [day, totals]) {
      t.requests += row.count;
      t.blocked += blocked;
      t.byAction[row.action] += row.count;
    }
    add(day.byGroup, row.group, row.count);
    add(day.byCategory, category, row.count);
    for (const [map, key] of [
      [categories, category],
      [groups, row.group],
    ] as const) {
      const c = map.get(key) ?? { requests: 0, blocked: 0 };
      c.requests += row.count;
      c.blocked += blocked;
      map.set(key, c);
    }
  }

  const alertDays = new Map(
    dayList.map((d) => [d.day, { day: d.day, total: 0, bySeverity: noSeverities() }]),
  );
  const alertCategories = new Map<string, { category: string; total: number; bySeverity: BySeverity }>();
  const bySeverity = noSeverities();
  const byStatus = Object.fromEntries(ALERT_STATUSES.map((s) => [s, 0])) as Record<AlertStatus, number>;
  let alertTotal = 0;
  for (const row of alerts) {
    const day = alertDays.get(row.day);
    if (!day) continue;
    // The table's CHECK keeps severity within 1 to 5.
    const severity = row.severity as keyof BySeverity;
    const c = alertCategories.get(row.category) ?? {
      category: row.category,
      total: 0,
      bySeverity: noSeverities(),
    };
    alertCategories.set(row.category, c);
    for (const t of [day, c]) {
      t.total += row.count;
      t.bySeverity[severity] += row.count;
    }
    bySeverity[severity] += row.count;
    byStatus[row.status] += row.count;
    alertTotal += row.count;
  }

  const byCategory = [...categories]
    .map(([category, c]) => ({ category, ...c }))
    .sort(
      byCount(
        (c) => c.requests,
        (c) => c.category,
      ),
    );
  return {
    ...base,
    totals,
    days: [...days.values()],
    byCategory,
    topBlockedCategories: byCategory
      .filter((c) => c.blocked > 0)
      .map((c) => ({ category: c.category, blocked: c.blocked }))
      .sort(
        byCount(
          (c) => c.blocked,
          (c) => c.category,
        ),
      )
      .slice(0, TOP_BLOCKED_CATEGORIES),
    byGroup: [...groups]
      .map(([group, g]) => ({ group, ...g }))
      .sort(
        byCount(
          (g) => g.requests,
          (g) => g.group,
        ),
      ),
    alerts: {
      total: alertTotal,
      bySeverity,
      byStatus,
      byDay: [...alertDays.values()],
      byCategory: [...alertCategories.values()].sort(
        byCount(
          (c) => c.total,
          (c) => c.category,
        ),
      ),
    },
  };
}

/** The report for a range of the school's local days; each look is audit-logged with its filters. */
export async function activityReport(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  query: ReportQuery,
): Promise<ActivityReport> {
  const school = await authorise(haven, actor, schoolId, 'monitorReports', 'read');
  if (query.user !== undefined && !access.can(actor.grants, 'monitorReports', 'byUser'))
    throw errors.forbiddenBecause(
      'A report about one person is for the DSL and the headteacher: leave the user out to see the whole school.',
    );
  const today = filter.localTime(school.timeZone, haven.now()).date;
  // One date alone names a week from or up to it, so defaults never make a range the query refused.
  const to = query.to ?? (query.from ? filter.addDays(query.from, DEFAULT_REPORT_DAYS - 1) : today);
  const from = query.from ?? filter.addDays(to, -(DEFAULT_REPORT_DAYS - 1));
  const days = localDays(school.timeZone, from, to);
  const scope = { schoolId, days, group: query.group, user: query.user };
  const activity = await countActivity(haven.db, scope);
  const alerts = await countAlerts(haven.db, scope);
  await audit(
    haven.db,
    actor,
    'monitor.report-viewed',
    { type: 'school', id: schoolId, schoolId },
    { from, to, group: query.group ?? null, user: query.user ?? null },
  );
  return foldReport(
    {
      from,
      to,
      timeZone: school.timeZone,
      filters: { group: query.group ?? null, user: query.user ?? null },
    },
    days,
    activity,
    alerts,
  );
}
