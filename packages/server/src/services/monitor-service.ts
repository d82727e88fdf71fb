import { incidents, monitor } from '@haven/core';
import { z } from 'zod';
import type { Db } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import {
  addAlertOccurrence,
  createAlert,
  findOpenAlert,
  getAlert,
  listAlerts,
  type MonitorAlert,
  markImmediate,
  triageAlert,
} from '../repositories/monitor-alerts.ts';
import {
  addSuppressions,
  listSuppressions,
  removeSuppression,
  suppressionKey,
  suppressionKeys,
} from '../repositories/monitor-suppressions.ts';
import type { Actor } from './actor.ts';
import { audit } from './audit.ts';
import { openSystemIncident } from './incident-service.ts';
import { monitorContext, schoolMatcher } from './monitor-settings-service.ts';
import { notify } from './notification-service.ts';
import { authorise } from './school-service.ts';

/**
 * Monitoring: what the proxy and the Squid helper see whole (a search, a full address) checked
 * against the phrase libraries as the events arrive; matches become alerts, grouped by person,
 * category and half hour. Severity 4 and 5 reach the DSL and deputies at once (in the app and
 * by e-mail, with a link and nothing personal); the rest wait in the alert list. The DNS filter
 * and CONNECT-only proxying see host names alone, which name no search: they are not scanned.
 */

/** Alerts at this severity or above are sent at once, unless a group's threshold says otherwise. */
export const IMMEDIATE_SEVERITY = monitor.DEFAULT_MONITOR_SETTINGS.defaultThreshold.immediateFrom;
/** Occurrences within this time of the last one join the same alert. */
export const GROUP_MINUTES = 30;
/** Occurrences whose text each alert keeps (the newest). */
const KEEP_OCCURRENCES = 10;

let shared: monitor.PhraseMatcher | null = null;
/** Haven's libraries as they stand, built once per process (`haven monitor scan` without a school). */
export function libraryMatcher(): monitor.PhraseMatcher {
  shared ??= new monitor.PhraseMatcher(monitor.basePhrases());
  return shared;
}

export interface ScannedEvent {
  at: string;
  group: string;
  user: string | null;
  client: string | null;
  url: string | null;
  source: string;
}

/** What an alert keeps of each occurrence (sealed). */
interface Occurrence {
  at: string;
  text: string;
  context: string;
  /** Absent in alerts raised before suppressions existed. */
  phraseId?: string;
}

/**
 * Scans events in the caller's transaction (the batch they came in), and raises or adds to alerts,
 * with the school's library, its thresholds for the event's group, and without the phrases the
 * DSL has marked false positives in that context. Returns how many alerts were sent at once.
 */
export async function scanEvents(haven: Haven, trx: Db, schoolId: string, events: readonly ScannedEvent[]) {
  if (!events.some((e) => e.url)) return 0;
  const ctx = await monitorContext(trx, schoolId);
  const matcher = schoolMatcher(schoolId, ctx);
  const suppressed = await suppressionKeys(trx, schoolId);
  let raised = 0;
  for (const e of events) {
    if (!e.url) continue;
    const { text, source } = monitor.scannableText(e.url);
    const threshold = monitor.thresholdFor(ctx.settings, e.group);
    const matches = matcher
      .scan(text)
      .filter(
        (m) => m.severity >= threshold.alertFrom && !suppressed.has(suppressionKey(m.phraseId, m.context)),
      );
    if (matches.length === 0) continue;
    const subject = e.user ?? (e.client ? `device ${e.client}` : 'unknown');
    for (const m of matches) {
      const occurrence: Occurrence = {
        at: e.at,
        text: text.slice(0, 500),
        context: m.context,
        phraseId: m.phraseId,
      };
      const since = new Date(Date.parse(e.at) - GROUP_MINUTES * 60_000).toISOString();
      const open = await findOpenAlert(trx, schoolId, subject, m.category, since);
      let alert: MonitorAlert;
      let louder: boolean;
      if (open) {
        const evidence = [
          ...(JSON.parse(haven.box.open(open.sealedEvidence)) as Occurrence[]),
          occurrence,
        ].slice(-KEEP_OCCURRENCES);
        louder = m.severity > open.severity;
        alert = await addAlertOccurrence(trx, open.id, {
          at: e.at,
          severity: Math.max(open.severity, m.severity),
          phrase: louder ? m.phrase : open.phrase,
          sealedEvidence: haven.box.seal(JSON.stringify(evidence)),
        });
      } else {
        louder = true;
        alert = await createAlert(trx, {
          schoolId,
          at: e.at,
          category: m.category,
          severity: m.severity,
          phrase: m.phrase,
          source: source === 'text' ? e.source : source,
          subject,
          group: e.group,
          sealedEvidence: haven.box.seal(JSON.stringify([occurrence])),
        });
      }
      if (louder && alert.severity >= threshold.immediateFrom) {
        raised++;
        await markImmediate(trx, alert.id, haven.now().toISOString());
        const label =
          monitor.MONITOR_CATEGORIES.find((c) => c.id === alert.category)?.label ?? alert.category;
        await notify(trx, {
          schoolId,
          createdAt: haven.now().toISOString(),
          kind: 'monitor-alert',
          audience: ['dsl'],
          urgent: true,
          title: `A monitoring alert needs you now: ${label}, severity ${alert.severity}`,
          link: `/monitor/alerts#${alert.id}`,
          subjectId: alert.id,
          email: true,
        });
      }
    }
  }
  return raised;
}

function alertView(haven: Haven, a: MonitorAlert) {
  return {
    id: a.id,
    firstSeenAt: a.firstSeenAt,
    lastSeenAt: a.lastSeenAt,
    status: a.status,
    category: a.category,
    severity: a.severity,
    phrase: a.phrase,
    source: a.source,
    subject: a.subject,
    group: a.group,
    occurrences: a.occurrences,
    evidence: JSON.parse(haven.box.open(a.sealedEvidence)) as { at: string; text: string; context: string }[],
    triagedBy: a.triagedBy,
    triagedAt: a.triagedAt,
    triageNote: a.triageNote,
    incidentId: a.incidentId,
  };
}

/** The alerts, the most severe and newest first; each look is audit-logged. */
export async function monitorAlerts(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  query: { status?: 'open' | 'done' | undefined },
) {
  await authorise(haven, actor, schoolId, 'monitorAlerts', 'read');
  const list = await listAlerts(haven.db, schoolId, query.status ?? 'open');
  await audit(
    haven.db,
    actor,
    'monitor.alerts-viewed',
    { type: 'school', id: schoolId, schoolId },
    { count: list.length },
  );
  return { alerts: list.map((a) => alertView(haven, a)) };
}

export const triageInput = z.strictObject({
  status: z.enum(['in-review', 'escalated', 'no-action', 'false-positive']),
  /** Required to close an alert without action: why it needs none. */
  note: z.string().trim().max(5000).optional(),
});

/**
 * Triage: in review; a true positive escalated to an incident (opened for the DSL with what the
 * alert saw) or closed with no further action and a reason; or a false positive.
 */
export async function triageMonitorAlert(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  id: string,
  input: z.infer<typeof triageInput>,
) {
  await authorise(haven, actor, schoolId, 'monitorAlerts', 'triage');
  const a = await getAlert(haven.db, schoolId, id);
  if (!a) throw errors.notFound('That alert');
  if (a.status === 'escalated' || a.status === 'no-action' || a.status === 'false-positive')
    throw errors.conflict('This alert has been dealt with already.');
  if ((input.status === 'no-action' || input.status === 'false-positive') && !input.note)
    throw errors.validation([{ path: 'note', reason: 'say why no action is needed' }]);
  const at = haven.now().toISOString();
  return inTransaction(haven.db, async (trx) => {
    let incidentId: string | null = null;
    if (input.status === 'escalated') {
      const label = monitor.MONITOR_CATEGORIES.find((c) => c.id === a.category)?.label ?? a.category;
      const report = incidents.incidentReport.parse({
        occurredOn: a.firstSeenAt.slice(0, 10),
        place: `School network (${a.group} group)`,
        description: `Monitoring alert: ${label} (severity ${a.severity}), "${a.phrase}", seen ${a.occurrences} time(s) from ${a.firstSeenAt} to ${a.lastSeenAt}.${input.note ? ` ${input.note}` : ''}`,
        involved: [{ name: a.subject, role: 'pupil', involvement: 'subject' }],
        protocolKind: a.category === 'grooming' ? 'inadvisable-contact' : 'unsuitable-content',
        firstContact: 'log-anomaly',
        types: a.category === 'grooming' ? ['grooming'] : a.category === 'bullying' ? ['bullying'] : [],
      });
      const incident = await openSystemIncident(haven, trx, {
        schoolId,
        channel: 'monitoring',
        by: actor.label,
        reporterAccountId: actor.accountId,
        report,
        path: incidents.initialPath({ suspectedIllegal: false, types: report.types }),
        routing: 'Escalated from a monitoring alert by the designated safeguarding lead.',
      });
      incidentId = incident.id;
    }
    let suppressed = 0;
    if (input.status === 'false-positive') {
      // The feedback: the phrase raises nothing again in the words around it that were judged
      // innocent here (another context still alerts).
      const fallback = monitor
        .schoolPhrases(monitor.phraseChanges((await monitorContext(trx, schoolId)).settings))
        .find((p) => p.category === a.category && p.text === a.phrase)?.id;
      const rows = (JSON.parse(haven.box.open(a.sealedEvidence)) as Occurrence[]).flatMap((o) => {
        const phraseId = o.phraseId ?? fallback;
        return phraseId
          ? [{ phraseId, context: o.context, alertId: a.id, createdBy: actor.label, createdAt: at }]
          : [];
      });
      await addSuppressions(trx, schoolId, rows);
      suppressed = rows.length;
    }
    await triageAlert(trx, a.id, {
      status: input.status,
      by: actor.label,
      at,
      note: input.note ?? null,
      incidentId,
    });
    await audit(
      trx,
      actor,
      'monitor.alert-triaged',
      { type: 'monitor-alert', id: a.id, schoolId },
      {
        status: input.status,
        incident: incidentId,
        suppressed,
      },
    );
    return alertView(haven, (await getAlert(trx, schoolId, id))!);
  });
}

/** The phrases false positives have suppressed, each in its context (DSL and headteacher). */
export async function monitorSuppressions(haven: Haven, actor: Actor, schoolId: string) {
  await authorise(haven, actor, schoolId, 'monitorAlerts', 'read');
  return { suppressions: await listSuppressions(haven.db, schoolId) };
}

export const removeSuppressionInput = z.strictObject({
  phraseId: z.string().min(1).max(300),
  context: z.string().max(1000),
});

/** Lets a suppressed phrase alert again in its context (audited). */
export async function liftSuppression(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  input: z.infer<typeof removeSuppressionInput>,
) {
  await authorise(haven, actor, schoolId, 'monitorAlerts', 'triage');
  return inTransaction(haven.db, async (trx) => {
    if (!(await removeSuppression(trx, schoolId, input.phraseId, input.context)))
      throw errors.notFound('That suppression');
    await audit(
      trx,
      actor,
      'monitor.suppression-lifted',
      { type: 'school', id: schoolId, schoolId },
      { phraseId: input.phraseId },
    );
    return { lifted: true };
  });
}
