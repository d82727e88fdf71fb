import type { consents } from '@haven/core';
import type { Selectable } from 'kysely';
import type { ConsentRecordsTable, Db, IsoDate, IsoTimestamp } from '../db/schema.ts';
import { fromFlag, newId, toFlag } from '../db/values.ts';

export interface ConsentRecord {
  id: string;
  schoolId: string;
  pupilId: string;
  seq: number;
  purpose: string;
  decision: consents.ConsentDecision;
  method: consents.ConsentMethod;
  parentId: string | null;
  parentName: string;
  relationship: string | null;
  decidedOn: IsoDate;
  formSigned: boolean | null;
  note: string | null;
  recordedAt: IsoTimestamp;
  recordedByAccountId: string | null;
  recordedBy: string;
}

export type NewConsentRecord = Omit<ConsentRecord, 'id' | 'seq'>;

const toRecord = (r: Selectable<ConsentRecordsTable>): ConsentRecord => ({
  id: r.id,
  schoolId: r.school_id,
  pupilId: r.pupil_id,
  seq: r.seq,
  purpose: r.purpose,
  decision: r.decision,
  method: r.method,
  parentId: r.parent_id,
  parentName: r.parent_name,
  relationship: r.relationship,
  decidedOn: r.decided_on,
  formSigned: r.form_signed === null ? null : fromFlag(r.form_signed),
  note: r.note,
  recordedAt: r.recorded_at,
  recordedByAccountId: r.recorded_by_account_id,
  recordedBy: r.recorded_by_label,
});

/** Appends one record; the caller runs it in a transaction so the per-pupil sequence has no gaps. */
export async function addConsentRecord(db: Db, r: NewConsentRecord): Promise<ConsentRecord> {
  const last = await db
    .selectFrom('consent_records')
    .select((eb) => eb.fn.max('seq').as('n'))
    .where('pupil_id', '=', r.pupilId)
    .executeTakeFirst();
  const row = await db
    .insertInto('consent_records')
    .values({
      id: newId(),
      school_id: r.schoolId,
      pupil_id: r.pupilId,
      seq: Number(last?.n ?? 0) + 1,
      purpose: r.purpose,
      decision: r.decision,
      method: r.method,
      parent_id: r.parentId,
      parent_name: r.parentName,
      relationship: r.relationship,
      decided_on: r.decidedOn,
      form_signed: r.formSigned === null ? null : toFlag(r.formSigned),
      note: r.note,
      recorded_at: r.recordedAt,
      recorded_by_account_id: r.recordedByAccountId,
      recorded_by_label: r.recordedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

/** The records for these pupils in one school, oldest first. */
export async function listConsentRecords(
  db: Db,
  schoolId: string,
  pupilIds: readonly string[],
): Promise<ConsentRecord[]> {
  if (pupilIds.length === 0) return [];
  const out: ConsentRecord[] = [];
  // In chunks, to stay under SQLite's limit on bound parameters.
  for (let i = 0; i < pupilIds.length; i += 500) {
    const rows = await db
      .selectFrom('consent_records')
      .selectAll()
      .where('school_id', '=', schoolId)
      .where('pupil_id', 'in', pupilIds.slice(i, i + 500))
      .orderBy('pupil_id')
      .orderBy('seq')
      .execute();
    out.push(...rows.map(toRecord));
  }
  return out;
}

export interface PupilRow {
  id: string;
  displayName: string;
  yearGroup: string | null;
  className: string | null;
}

/** The school's current pupils in a year group or a class (or both), by name. */
export async function listPupilsIn(
  db: Db,
  schoolId: string,
  where: { yearGroup?: string; className?: string; ids?: readonly string[] },
  today: IsoDate,
): Promise<PupilRow[]> {
  let q = db
    .selectFrom('people')
    .select(['id', 'display_name', 'year_group', 'class_name', 'family_name', 'given_name'])
    .where('school_id', '=', schoolId)
    .where('kind', '=', 'pupil')
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', today)]));
  if (where.yearGroup !== undefined) q = q.where('year_group', '=', where.yearGroup);
  if (where.className !== undefined) q = q.where('class_name', '=', where.className);
  if (where.ids !== undefined) {
    if (where.ids.length === 0) return [];
    q = q.where('id', 'in', [...where.ids]);
  }
  const rows = await q.orderBy('family_name').orderBy('given_name').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    yearGroup: r.year_group,
    className: r.class_name,
  }));
}

/** The year groups and classes the school's current pupils are in, for choosing a list. */
export async function listPupilGroups(
  db: Db,
  schoolId: string,
  today: IsoDate,
): Promise<{ yearGroup: string | null; className: string | null; pupils: number }[]> {
  const rows = await db
    .selectFrom('people')
    .select(['year_group', 'class_name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('school_id', '=', schoolId)
    .where('kind', '=', 'pupil')
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', today)]))
    .groupBy(['year_group', 'class_name'])
    .execute();
  return rows
    .map((r) => ({ yearGroup: r.year_group, className: r.class_name, pupils: Number(r.n) }))
    .sort(
      (a, b) =>
        (a.yearGroup ?? '').localeCompare(b.yearGroup ?? '', 'en', { numeric: true }) ||
        (a.className ?? '').localeCompare(b.className ?? '', 'en', { numeric: true }),
    );
}
