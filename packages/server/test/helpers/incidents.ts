/**
 * Incident fixtures for the route-by-route tests: a draft belonging to a given account, and an
 * open incident the DSL may see with every required step recorded (so it can be closed).
 */
import { incidents } from '@haven/core';
import type { Db } from '../../src/db/schema.ts';
import type { Haven } from '../../src/haven.ts';
import { appendIncidentEntry, createIncident, openIncident } from '../../src/repositories/incidents.ts';

export const FIXTURE_REPORT = {
  occurredOn: '2026-11-20',
  description: 'Fixture: unkind messages in a class chat',
  involved: [{ name: 'A pupil', role: 'pupil', age: 12, involvement: 'victim' }],
  types: ['bullying'],
};

export async function makeDraft(haven: Haven, schoolId: string, accountId: string | null) {
  return createIncident(haven.db, {
    schoolId,
    status: 'draft',
    channel: 'staff',
    reporterAccountId: accountId,
    reporterLabel: 'fixture',
    at: haven.now().toISOString(),
    occurredOn: FIXTURE_REPORT.occurredOn,
    sealedReport: haven.box.seal(JSON.stringify(incidents.incidentReport.parse(FIXTURE_REPORT))),
  });
}

export async function makeOpenIncident(haven: Haven, schoolId: string) {
  const draft = await makeDraft(haven, schoolId, null);
  const at = haven.now().toISOString();
  const opened = (await openIncident(haven.db, draft.id, schoolId, {
    at,
    path: 'inappropriate',
    restriction: 'none',
    restrictedTo: [],
    safeguarding: false,
    urgent: false,
    sealedReport: draft.sealedReport,
    occurredOn: draft.occurredOn,
  }))!;
  for (const step of incidents.missingSteps('inappropriate', new Set(['review'])))
    await appendIncidentEntry(haven.db, {
      incidentId: opened.id,
      schoolId,
      at,
      actorAccountId: null,
      actorLabel: 'fixture',
      kind: 'step',
      stepId: step.id,
      personId: null,
      corrects: null,
      sealedBody: haven.box.seal('{}'),
    });
  return opened;
}

/** Everything about a school's incidents a refused request must leave alone. */
export async function incidentState(db: Db, schoolId: string) {
  const rows = await db
    .selectFrom('incidents')
    .select(['id', 'status', 'report'])
    .where('school_id', '=', schoolId)
    .orderBy('id')
    .execute();
  const entries = await db
    .selectFrom('incident_entries')
    .select('id')
    .where('school_id', '=', schoolId)
    .orderBy('id')
    .execute();
  return { incidents: rows, entries: entries.map((e) => e.id) };
}
