/**
 * The report tests' data (server and browser): decisions and alerts around the day the clocks go
 * back in Europe/London, Sunday 25 October 2026. BST ends at 01:00 UTC, so that local day runs
 * from 23:00 UTC on the 24th to midnight UTC on the 26th, 25 hours, and 01:30 happens twice.
 * From the 24th to the 26th: 10 requests, 6 blocked; 5 alerts.
 */
import type { AlertStatus } from '../../src/db/schema.ts';
import type { Haven } from '../../src/haven.ts';
import { insertFilterDecisions, type NewFilterDecision } from '../../src/repositories/filter-decisions.ts';
import { createAlert, triageAlert } from '../../src/repositories/monitor-alerts.ts';

/** A decision as the report counts it: when, group, who, category, allowed or blocked. */
export function reportDecision(
  schoolId: string,
  at: string,
  group: string,
  username: string | null,
  category: string | null,
  action: 'allow' | 'block',
): NewFilterDecision {
  return {
    schoolId,
    at,
    site: null,
    gatewayId: null,
    group,
    username,
    client: '10.0.0.7',
    host: 'reported.example',
    url: null,
    category,
    action,
    kind: 'policy',
    rule: null,
    source: 'dns',
    batchId: null,
  };
}

export async function seedClockChange(haven: Haven, schoolId: string): Promise<void> {
  const d = (
    at: string,
    group: string,
    user: string | null,
    category: string | null,
    action: 'allow' | 'block',
  ) => reportDecision(schoolId, at, group, user, category, action);
  await insertFilterDecisions(haven.db, [
    d('2026-10-23T22:59:00.000Z', 'ks3', 'amy.pupil', 'gambling', 'block'), // the 23rd: outside
    d('2026-10-23T23:00:00.000Z', 'ks3', 'amy.pupil', 'gambling', 'block'), // the 24th, 00:00 BST
    d('2026-10-24T12:00:00.000Z', 'ks3', 'amy.pupil', 'shopping', 'allow'),
    d('2026-10-24T22:59:59.999Z', 'ks4', 'ben.pupil', 'social-media', 'block'), // 23:59:59 BST
    d('2026-10-24T23:00:00.000Z', 'ks3', 'amy.pupil', 'gambling', 'block'), // the 25th, 00:00 BST
    d('2026-10-25T00:30:00.000Z', 'ks3', 'amy.pupil', 'gambling', 'block'), // 01:30 BST
    d('2026-10-25T01:30:00.000Z', 'ks4', 'ben.pupil', null, 'allow'), // 01:30 GMT, the second time
    d('2026-10-25T12:00:00.000Z', 'staff', 'teacher.one', 'social-media', 'allow'),
    d('2026-10-25T23:59:59.999Z', 'ks4', 'ben.pupil', 'social-media', 'block'), // 23:59:59 GMT
    d('2026-10-26T00:00:00.000Z', 'ks3', 'amy.pupil', 'shopping', 'allow'), // the 26th
    d('2026-10-26T09:00:00.000Z', 'ks3', null, 'gaming', 'block'),
    d('2026-10-27T00:00:00.000Z', 'ks3', 'amy.pupil', 'gambling', 'block'), // the 27th: outside
  ]);
  const alerts: [string, string, number, string, string, AlertStatus][] = [
    ['2026-10-24T22:30:00.000Z', 'bullying', 3, 'ks3', 'amy.pupil', 'new'], // the 24th, 23:30 BST
    ['2026-10-24T23:30:00.000Z', 'suicide', 5, 'ks3', 'amy.pupil', 'escalated'], // the 25th
    ['2026-10-25T01:15:00.000Z', 'self-harm', 4, 'ks4', 'ben.pupil', 'new'], // 01:15 GMT
    ['2026-10-25T20:00:00.000Z', 'bullying', 3, 'ks4', 'ben.pupil', 'false-positive'],
    ['2026-10-26T10:00:00.000Z', 'bullying', 2, 'ks3', 'amy.pupil', 'new'],
    ['2026-10-27T10:00:00.000Z', 'suicide', 5, 'ks3', 'amy.pupil', 'new'], // outside
  ];
  for (const [at, category, severity, group, subject, status] of alerts) {
    const made = await createAlert(haven.db, {
      schoolId,
      at,
      category,
      severity,
      phrase: 'reported phrase',
      source: 'search',
      subject,
      group,
      sealedEvidence: haven.box.seal('[]'),
    });
    if (status !== 'new')
      await triageAlert(haven.db, made.id, { status, by: 'fixture', at, note: null, incidentId: null });
  }
}
