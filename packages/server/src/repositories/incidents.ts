import type { Selectable } from 'kysely';
import type {
  Db,
  IncidentChannel,
  IncidentEntriesTable,
  IncidentStatus,
  IncidentsTable,
  IsoDate,
  IsoTimestamp,
} from '../db/schema.ts';
import { newId } from '../db/values.ts';
import { clampLimit } from './paging.ts';

/**
 * Incidents and their chronology, as stored: the report and each entry's body are sealed text
 * (the service seals and opens them); this layer never sees a narrative in the clear.
 */
export interface IncidentRecord {
  id: string;
  schoolId: string;
  number: number | null;
  status: IncidentStatus;
  channel: IncidentChannel;
  reporterAccountId: string | null;
  reporterLabel: string;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  submittedAt: IsoTimestamp | null;
  closedAt: IsoTimestamp | null;
  occurredOn: IsoDate | null;
  path: 'illegal' | 'inappropriate' | null;
  restriction: 'none' | 'headteacher' | 'chair-of-governors';
  restrictedTo: string[];
  safeguarding: boolean;
  urgent: boolean;
  sealedReport: string;
  illegalHitId: string | null;
}

const toIncident = (row: Selectable<IncidentsTable>): IncidentRecord => ({
  id: row.id,
  schoolId: row.school_id,
  number: row.number,
  status: row.status,
  channel: row.channel,
  reporterAccountId: row.reporter_account_id,
  reporterLabel: row.reporter_label,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  submittedAt: row.submitted_at,
  closedAt: row.closed_at,
  occurredOn: row.occurred_on,
  path: row.path,
  restriction: row.restriction,
  restrictedTo: JSON.parse(row.restricted_to) as string[],
  safeguarding: row.safeguarding === 1,
  urgent: row.urgent === 1,
  sealedReport: row.report,
  illegalHitId: row.illegal_hit_id,
});

export interface NewIncident {
  schoolId: string;
  status: IncidentStatus;
  channel: IncidentChannel;
  reporterAccountId: string | null;
  reporterLabel: string;
  at: IsoTimestamp;
  occurredOn: IsoDate | null;
  sealedReport: string;
  illegalHitId?: string | null;
}

export async function createIncident(db: Db, input: NewIncident): Promise<IncidentRecord> {
  const row = await db
    .insertInto('incidents')
    .values({
      id: newId(),
      school_id: input.schoolId,
      number: null,
      status: input.status,
      channel: input.channel,
      reporter_account_id: input.reporterAccountId,
      reporter_label: input.reporterLabel,
      created_at: input.at,
      updated_at: input.at,
      submitted_at: null,
      closed_at: null,
      occurred_on: input.occurredOn,
      path: null,
      restriction: 'none',
      restricted_to: '[]',
      safeguarding: 0,
      urgent: 0,
      report: input.sealedReport,
      illegal_hit_id: input.illegalHitId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toIncident(row);
}

export async function getIncident(db: Db, schoolId: string, id: string): Promise<IncidentRecord | undefined> {
  const row = await db
    .selectFrom('incidents')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toIncident(row) : undefined;
}

export async function getIncidentByNumber(
  db: Db,
  schoolId: string,
  number: number,
): Promise<IncidentRecord | undefined> {
  const row = await db
    .selectFrom('incidents')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row ? toIncident(row) : undefined;
}

/** A draft's report, while it is a draft: nothing else about an incident is ever rewritten. */
export async function updateDraft(
  db: Db,
  id: string,
  patch: { sealedReport: string; occurredOn: IsoDate | null; at: IsoTimestamp },
): Promise<boolean> {
  const r = await db
    .updateTable('incidents')
    .set({ report: patch.sealedReport, occurred_on: patch.occurredOn, updated_at: patch.at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Draft → open, with the next number of the school. Only a draft moves; false otherwise. */
export async function openIncident(
  db: Db,
  id: string,
  schoolId: string,
  fields: {
    at: IsoTimestamp;
    path: 'illegal' | 'inappropriate';
    restriction: IncidentRecord['restriction'];
    restrictedTo: string[];
    safeguarding: boolean;
    urgent: boolean;
    sealedReport: string;
    occurredOn: IsoDate | null;
  },
): Promise<IncidentRecord | undefined> {
  const last = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  const row = await db
    .updateTable('incidents')
    .set({
      status: 'open',
      number,
      submitted_at: fields.at,
      updated_at: fields.at,
      path: fields.path,
      restriction: fields.restriction,
      restricted_to: JSON.stringify(fields.restrictedTo),
      safeguarding: fields.safeguarding ? 1 : 0,
      urgent: fields.urgent ? 1 : 0,
      report: fields.sealedReport,
      occurred_on: fields.occurredOn,
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
  return row ? toIncident(row) : undefined;
}

export async function setIncidentState(
  db: Db,
  id: string,
  patch: {
    status?: IncidentStatus;
    path?: 'illegal' | 'inappropriate';
    closedAt?: IsoTimestamp | null;
    at: IsoTimestamp;
  },
): Promise<void> {
  await db
    .updateTable('incidents')
    .set({
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.path ? { path: patch.path } : {}),
      ...(patch.closedAt !== undefined ? { closed_at: patch.closedAt } : {}),
      updated_at: patch.at,
    })
    .where('id', '=', id)
    .execute();
}

export async function listIncidentsByReporter(
  db: Db,
  accountId: string,
  limit?: number,
): Promise<IncidentRecord[]> {
  const rows = await db
    .selectFrom('incidents')
    .selectAll()
    .where('reporter_account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .limit(clampLimit(limit))
    .execute();
  return rows.map(toIncident);
}

/** Submitted incidents of a school, newest first; the service keeps only those the reader may see. */
export async function listSchoolIncidents(
  db: Db,
  schoolId: string,
  query: { status?: IncidentStatus; limit?: number } = {},
): Promise<IncidentRecord[]> {
  let q = db
    .selectFrom('incidents')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('status', '!=', 'draft');
  if (query.status) q = q.where('status', '=', query.status);
  const rows = await q.orderBy('submitted_at', 'desc').limit(clampLimit(query.limit)).execute();
  return rows.map(toIncident);
}

/* ------------------------------------------------------------ chronology */

export interface IncidentEntryRecord {
  id: string;
  incidentId: string;
  seq: number;
  at: IsoTimestamp;
  actorAccountId: string | null;
  actorLabel: string;
  kind: string;
  stepId: string | null;
  personId: string | null;
  corrects: string | null;
  sealedBody: string;
}

const toEntry = (row: Selectable<IncidentEntriesTable>): IncidentEntryRecord => ({
  id: row.id,
  incidentId: row.incident_id,
  seq: row.seq,
  at: row.at,
  actorAccountId: row.actor_account_id,
  actorLabel: row.actor_label,
  kind: row.kind,
  stepId: row.step_id,
  personId: row.person_id,
  corrects: row.corrects,
  sealedBody: row.body,
});

/** Appends with the next number; the unique (incident, seq) makes a race fail, not fork. */
export async function appendIncidentEntry(
  db: Db,
  input: Omit<IncidentEntryRecord, 'id' | 'seq'> & { schoolId: string },
): Promise<IncidentEntryRecord> {
  const last = await db
    .selectFrom('incident_entries')
    .select((eb) => eb.fn.max('seq').as('n'))
    .where('incident_id', '=', input.incidentId)
    .executeTakeFirst();
  const row = await db
    .insertInto('incident_entries')
    .values({
      id: newId(),
      incident_id: input.incidentId,
      school_id: input.schoolId,
      seq: Number(last?.n ?? 0) + 1,
      at: input.at,
      actor_account_id: input.actorAccountId,
      actor_label: input.actorLabel,
      kind: input.kind,
      step_id: input.stepId,
      person_id: input.personId,
      corrects: input.corrects,
      body: input.sealedBody,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEntry(row);
}

export async function listIncidentEntries(db: Db, incidentId: string): Promise<IncidentEntryRecord[]> {
  const rows = await db
    .selectFrom('incident_entries')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('seq')
    .execute();
  return rows.map(toEntry);
}

/** Warnings and sanctions recorded for a person in the school's other incidents. */
export async function countPriorSanctions(
  db: Db,
  schoolId: string,
  personId: string,
  exceptIncidentId: string,
): Promise<number> {
  const row = await db
    .selectFrom('incident_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('school_id', '=', schoolId)
    .where('person_id', '=', personId)
    .where('kind', '=', 'sanction')
    .where('incident_id', '!=', exceptIncidentId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
