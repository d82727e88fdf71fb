/**
 * Incident fixtures for the route-by-route tests: a draft belonging to a given account, and an
 * open incident the DSL may see with every required step recorded (so it can be closed).
 */
import { createHash } from 'node:crypto';
import { incidents } from '@haven/core';
import type { Db } from '../../src/db/schema.ts';
import type { Haven } from '../../src/haven.ts';
import { createBreach, updateBreach } from '../../src/repositories/data-breaches.ts';
import { addEvidence } from '../../src/repositories/incident-evidence.ts';
import { appendIncidentEntry, createIncident, openIncident } from '../../src/repositories/incidents.ts';
import { createAlert } from '../../src/repositories/monitor-alerts.ts';

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

/** Everything about a school's incidents, breaches and alerts a refused request must leave alone. */
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
  const evidence = await db
    .selectFrom('incident_evidence')
    .select('id')
    .where('school_id', '=', schoolId)
    .orderBy('id')
    .execute();
  const breaches = await db
    .selectFrom('data_breaches')
    .select(['id', 'status', 'details', 'reported_to_ico_at', 'not_reportable_reason'])
    .where('school_id', '=', schoolId)
    .orderBy('id')
    .execute();
  const alerts = await db
    .selectFrom('monitor_alerts')
    .select(['id', 'status'])
    .where('school_id', '=', schoolId)
    .orderBy('id')
    .execute();
  return {
    incidents: rows,
    entries: entries.map((e) => e.id),
    evidence: evidence.map((e) => e.id),
    breaches,
    alerts,
  };
}

/** A small PNG's bytes (a real file header), for evidence. */
export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000a49444154789c6300010000050001' +
    '0d0a2db40000000049454e44ae426082',
  'hex',
);

/** An open incident with one evidence file. */
export async function makeEvidence(haven: Haven, schoolId: string) {
  const incident = await makeOpenIncident(haven, schoolId);
  const e = await addEvidence(haven.db, {
    incidentId: incident.id,
    schoolId,
    addedAt: haven.now().toISOString(),
    addedBy: 'fixture',
    addedByAccountId: null,
    kind: 'file',
    filename: 'chat.png',
    mediaType: 'image/png',
    size: PNG_BYTES.length,
    sha256: createHash('sha256').update(PNG_BYTES).digest('hex'),
    sealedDetails: haven.box.seal(JSON.stringify({ description: 'Screenshot of the chat' })),
    sealedContent: haven.box.seal(PNG_BYTES.toString('base64')),
  });
  return { incident, evidence: e };
}

/** A breach, with the ICO decision recorded when `decided` (so it can be closed). */
export async function makeBreach(haven: Haven, schoolId: string, decided = false) {
  const at = haven.now().toISOString();
  const b = await createBreach(haven.db, {
    schoolId,
    kind: 'lost-equipment',
    awareAt: at,
    at,
    reportedBy: 'fixture',
    sealedDetails: haven.box.seal(JSON.stringify({ whatHappened: 'A laptop was left on a train' })),
  });
  if (decided) await updateBreach(haven.db, b.id, { notReportableReason: 'Encrypted disk', at });
  return b;
}

/** A new monitoring alert. */
export async function makeAlert(haven: Haven, schoolId: string) {
  return createAlert(haven.db, {
    schoolId,
    at: haven.now().toISOString(),
    category: 'bullying',
    severity: 3,
    phrase: 'kys',
    source: 'search',
    subject: 'pupil.fixture',
    group: 'ks3',
    sealedEvidence: haven.box.seal(
      JSON.stringify([{ at: haven.now().toISOString(), text: 'kys', context: 'kys' }]),
    ),
  });
}
