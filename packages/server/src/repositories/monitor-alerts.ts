import type { Selectable } from 'kysely';
import type { AlertStatus, Db, IsoTimestamp, MonitorAlertsTable } from '../db/schema.ts';
import { newId } from '../db/values.ts';

export interface MonitorAlert {
  id: string;
  schoolId: string;
  firstSeenAt: IsoTimestamp;
  lastSeenAt: IsoTimestamp;
  status: AlertStatus;
  category: string;
  severity: number;
  phrase: string;
  source: string;
  subject: string;
  group: string;
  occurrences: number;
  sealedEvidence: string;
  triagedBy: string | null;
  triagedAt: IsoTimestamp | null;
  triageNote: string | null;
  incidentId: string | null;
}

const toAlert = (r: Selectable<MonitorAlertsTable>): MonitorAlert => ({
  id: r.id,
  schoolId: r.school_id,
  firstSeenAt: r.first_seen_at,
  lastSeenAt: r.last_seen_at,
  status: r.status,
  category: r.category,
  severity: r.severity,
  phrase: r.phrase,
  source: r.source,
  subject: r.subject,
  group: r.group_id,
  occurrences: r.occurrences,
  sealedEvidence: r.evidence,
  triagedBy: r.triaged_by,
  triagedAt: r.triaged_at,
  triageNote: r.triage_note,
  incidentId: r.incident_id,
});

export async function createAlert(
  db: Db,
  a: {
    schoolId: string;
    at: IsoTimestamp;
    category: string;
    severity: number;
    phrase: string;
    source: string;
    subject: string;
    group: string;
    sealedEvidence: string;
  },
): Promise<MonitorAlert> {
  const row = await db
    .insertInto('monitor_alerts')
    .values({
      id: newId(),
      school_id: a.schoolId,
      first_seen_at: a.at,
      last_seen_at: a.at,
      status: 'new',
      category: a.category,
      severity: a.severity,
      phrase: a.phrase,
      source: a.source,
      subject: a.subject,
      group_id: a.group,
      occurrences: 1,
      evidence: a.sealedEvidence,
      triaged_by: null,
      triaged_at: null,
      triage_note: null,
      incident_id: null,
      notified_at: null,
      digested_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAlert(row);
}

/** The open alert for the same person and category seen since `since`, to group into. */
export async function findOpenAlert(
  db: Db,
  schoolId: string,
  subject: string,
  category: string,
  since: IsoTimestamp,
): Promise<MonitorAlert | undefined> {
  const row = await db
    .selectFrom('monitor_alerts')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('subject', '=', subject)
    .where('category', '=', category)
    .where('status', 'in', ['new', 'in-review'])
    .where('last_seen_at', '>=', since)
    .orderBy('last_seen_at', 'desc')
    .executeTakeFirst();
  return row ? toAlert(row) : undefined;
}

export async function addAlertOccurrence(
  db: Db,
  id: string,
  o: { at: IsoTimestamp; severity: number; phrase: string; sealedEvidence: string },
): Promise<MonitorAlert> {
  const row = await db
    .updateTable('monitor_alerts')
    .set((eb) => ({
      last_seen_at: o.at,
      severity: o.severity,
      phrase: o.phrase,
      evidence: o.sealedEvidence,
      occurrences: eb('occurrences', '+', 1),
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAlert(row);
}

export async function getAlert(db: Db, schoolId: string, id: string): Promise<MonitorAlert | undefined> {
  const row = await db
    .selectFrom('monitor_alerts')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toAlert(row) : undefined;
}

/** Open (new, in review) or done alerts, the most severe then the newest first. */
export async function listAlerts(db: Db, schoolId: string, which: 'open' | 'done'): Promise<MonitorAlert[]> {
  const rows = await db
    .selectFrom('monitor_alerts')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where(
      'status',
      'in',
      which === 'open' ? ['new', 'in-review'] : ['escalated', 'no-action', 'false-positive'],
    )
    .orderBy('severity', 'desc')
    .orderBy('last_seen_at', 'desc')
    .limit(500)
    .execute();
  return rows.map(toAlert);
}

export async function triageAlert(
  db: Db,
  id: string,
  t: { status: AlertStatus; by: string; at: IsoTimestamp; note: string | null; incidentId: string | null },
): Promise<void> {
  await db
    .updateTable('monitor_alerts')
    .set({
      status: t.status,
      triaged_by: t.by,
      triaged_at: t.at,
      triage_note: t.note,
      incident_id: t.incidentId,
    })
    .where('id', '=', id)
    .execute();
}

/** The alert went to the DSL at once: the digest leaves it out. */
export async function markImmediate(db: Db, id: string, at: IsoTimestamp): Promise<void> {
  await db.updateTable('monitor_alerts').set({ notified_at: at }).where('id', '=', id).execute();
}

/** Alerts raised since the last digest that did not go to the DSL at once, by category and severity. */
export async function undigestedAlertCounts(db: Db, schoolId: string) {
  return db
    .selectFrom('monitor_alerts')
    .select(['category', 'severity', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('school_id', '=', schoolId)
    .where('notified_at', 'is', null)
    .where('digested_at', 'is', null)
    .groupBy(['category', 'severity'])
    .orderBy('severity', 'desc')
    .orderBy('category')
    .execute();
}

/**
 * Claims a digest for the period ending at `end` and stamps the alerts it covers, in one
 * transaction (the caller's): the key (school, period end) makes a second claim fail.
 */
export async function claimDigest(
  db: Db,
  d: { schoolId: string; start: IsoTimestamp; end: IsoTimestamp; alerts: number; at: IsoTimestamp },
): Promise<boolean> {
  const inserted = await db
    .insertInto('monitor_digests')
    .values({
      school_id: d.schoolId,
      period_start: d.start,
      period_end: d.end,
      alerts: d.alerts,
      created_at: d.at,
    })
    .onConflict((oc) => oc.columns(['school_id', 'period_end']).doNothing())
    .returning('school_id')
    .executeTakeFirst();
  if (!inserted) return false;
  await db
    .updateTable('monitor_alerts')
    .set({ digested_at: d.end })
    .where('school_id', '=', d.schoolId)
    .where('notified_at', 'is', null)
    .where('digested_at', 'is', null)
    .execute();
  return true;
}

export async function lastDigestEnd(db: Db, schoolId: string): Promise<IsoTimestamp | null> {
  const row = await db
    .selectFrom('monitor_digests')
    .select((eb) => eb.fn.max('period_end').as('end'))
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  return (row?.end as IsoTimestamp | null | undefined) ?? null;
}
