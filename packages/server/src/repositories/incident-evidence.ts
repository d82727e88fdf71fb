import type { Selectable } from 'kysely';
import type { Db, IncidentCustodyTable, IncidentEvidenceTable, IsoTimestamp } from '../db/schema.ts';
import { newId } from '../db/values.ts';

/** Evidence as stored: sealed details and content; the hash, size and type in the clear for checking. */
export interface EvidenceRecord {
  id: string;
  incidentId: string;
  schoolId: string;
  addedAt: IsoTimestamp;
  addedBy: string;
  addedByAccountId: string | null;
  kind: 'file' | 'url' | 'record';
  filename: string | null;
  mediaType: string | null;
  size: number | null;
  sha256: string | null;
  sealedDetails: string;
  sealedContent: string | null;
}

const toEvidence = (r: Selectable<IncidentEvidenceTable>): EvidenceRecord => ({
  id: r.id,
  incidentId: r.incident_id,
  schoolId: r.school_id,
  addedAt: r.added_at,
  addedBy: r.added_by,
  addedByAccountId: r.added_by_account_id,
  kind: r.kind,
  filename: r.filename,
  mediaType: r.media_type,
  size: r.size,
  sha256: r.sha256,
  sealedDetails: r.details,
  sealedContent: r.content,
});

export async function addEvidence(db: Db, e: Omit<EvidenceRecord, 'id'>): Promise<EvidenceRecord> {
  const row = await db
    .insertInto('incident_evidence')
    .values({
      id: newId(),
      incident_id: e.incidentId,
      school_id: e.schoolId,
      added_at: e.addedAt,
      added_by: e.addedBy,
      added_by_account_id: e.addedByAccountId,
      kind: e.kind,
      filename: e.filename,
      media_type: e.mediaType,
      size: e.size,
      sha256: e.sha256,
      details: e.sealedDetails,
      content: e.sealedContent,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEvidence(row);
}

/** Without the content: listing never opens a file. */
export async function listEvidence(db: Db, incidentId: string): Promise<EvidenceRecord[]> {
  const rows = await db
    .selectFrom('incident_evidence')
    .select([
      'id',
      'incident_id',
      'school_id',
      'added_at',
      'added_by',
      'added_by_account_id',
      'kind',
      'filename',
      'media_type',
      'size',
      'sha256',
      'details',
    ])
    .where('incident_id', '=', incidentId)
    .orderBy('added_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => toEvidence({ ...r, content: null }));
}

export async function getEvidence(
  db: Db,
  incidentId: string,
  id: string,
): Promise<EvidenceRecord | undefined> {
  const row = await db
    .selectFrom('incident_evidence')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toEvidence(row) : undefined;
}

export interface CustodyRecord {
  id: string;
  evidenceId: string;
  at: IsoTimestamp;
  actorLabel: string;
  action: 'added' | 'viewed' | 'exported';
}

export async function recordCustody(
  db: Db,
  c: {
    evidenceId: string;
    incidentId: string;
    schoolId: string;
    at: IsoTimestamp;
    actorLabel: string;
    actorAccountId: string | null;
    action: CustodyRecord['action'];
  },
): Promise<void> {
  const last = await db
    .selectFrom('incident_custody')
    .select((eb) => eb.fn.max('seq').as('n'))
    .where('evidence_id', '=', c.evidenceId)
    .executeTakeFirst();
  await db
    .insertInto('incident_custody')
    .values({
      id: newId(),
      evidence_id: c.evidenceId,
      seq: Number(last?.n ?? 0) + 1,
      incident_id: c.incidentId,
      school_id: c.schoolId,
      at: c.at,
      actor_label: c.actorLabel,
      actor_account_id: c.actorAccountId,
      action: c.action,
    })
    .execute();
}

export async function listCustody(db: Db, incidentId: string): Promise<CustodyRecord[]> {
  const rows: Selectable<IncidentCustodyTable>[] = await db
    .selectFrom('incident_custody')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('evidence_id')
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    evidenceId: r.evidence_id,
    at: r.at,
    actorLabel: r.actor_label,
    action: r.action,
  }));
}
