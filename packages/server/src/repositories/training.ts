import type { Selectable } from 'kysely';
import type {
  Db,
  IsoDate,
  IsoTimestamp,
  TrainingNeedsAuditsTable,
  TrainingRecordsTable,
} from '../db/schema.ts';
import { newId } from '../db/values.ts';

/** A completion as stored; the certificate's bytes stay sealed. */
export interface TrainingRecord {
  id: string;
  schoolId: string;
  personId: string;
  courseId: string;
  completedOn: IsoDate;
  provider: string | null;
  note: string | null;
  certificate: { filename: string; mediaType: string; size: number; sha256: string } | null;
  sealedCertificate: string | null;
  recordedAt: IsoTimestamp;
  recordedByAccountId: string | null;
  recordedByLabel: string;
}

const toRecord = (r: Selectable<TrainingRecordsTable>): TrainingRecord => ({
  id: r.id,
  schoolId: r.school_id,
  personId: r.person_id,
  courseId: r.course_id,
  completedOn: r.completed_on,
  provider: r.provider,
  note: r.note,
  certificate:
    r.certificate_sha256 && r.certificate_filename && r.certificate_media_type
      ? {
          filename: r.certificate_filename,
          mediaType: r.certificate_media_type,
          size: r.certificate_size ?? 0,
          sha256: r.certificate_sha256,
        }
      : null,
  sealedCertificate: r.certificate_content,
  recordedAt: r.recorded_at,
  recordedByAccountId: r.recorded_by_account_id,
  recordedByLabel: r.recorded_by_label,
});

export async function addTrainingRecord(db: Db, r: Omit<TrainingRecord, 'id'>): Promise<TrainingRecord> {
  const row = await db
    .insertInto('training_records')
    .values({
      id: newId(),
      school_id: r.schoolId,
      person_id: r.personId,
      course_id: r.courseId,
      completed_on: r.completedOn,
      provider: r.provider,
      note: r.note,
      certificate_filename: r.certificate?.filename ?? null,
      certificate_media_type: r.certificate?.mediaType ?? null,
      certificate_size: r.certificate?.size ?? null,
      certificate_sha256: r.certificate?.sha256 ?? null,
      certificate_content: r.sealedCertificate,
      recorded_at: r.recordedAt,
      recorded_by_account_id: r.recordedByAccountId,
      recorded_by_label: r.recordedByLabel,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function getTrainingRecord(db: Db, schoolId: string, id: string) {
  const row = await db
    .selectFrom('training_records')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** A school's records, or one person's, newest completion first. */
export async function listTrainingRecords(db: Db, schoolId: string, personId?: string) {
  let q = db.selectFrom('training_records').selectAll().where('school_id', '=', schoolId);
  if (personId) q = q.where('person_id', '=', personId);
  const rows = await q.orderBy('completed_on', 'desc').orderBy('recorded_at', 'desc').execute();
  return rows.map(toRecord);
}

/** The staff and governors still at the school on `today`: the people training is asked of. */
export async function listTrainees(db: Db, schoolId: string, today: IsoDate) {
  return db
    .selectFrom('people')
    .select(['id', 'kind', 'display_name', 'created_at'])
    .where('school_id', '=', schoolId)
    .where('kind', 'in', ['staff', 'governor'])
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', today)]))
    .orderBy('family_name')
    .orderBy('given_name')
    .execute();
}

export interface NeedsAudit {
  id: string;
  schoolId: string;
  personId: string;
  answers: unknown;
  needs: string[];
  completedAt: IsoTimestamp;
  reviewedBy: string | null;
  reviewedAt: IsoTimestamp | null;
}

const toAudit = (r: Selectable<TrainingNeedsAuditsTable>): NeedsAudit => ({
  id: r.id,
  schoolId: r.school_id,
  personId: r.person_id,
  answers: JSON.parse(r.answers),
  needs: JSON.parse(r.needs) as string[],
  completedAt: r.completed_at,
  reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at,
});

export async function addNeedsAudit(
  db: Db,
  a: { schoolId: string; personId: string; answers: unknown; needs: string[]; completedAt: IsoTimestamp },
): Promise<NeedsAudit> {
  const row = await db
    .insertInto('training_needs_audits')
    .values({
      id: newId(),
      school_id: a.schoolId,
      person_id: a.personId,
      answers: JSON.stringify(a.answers),
      needs: JSON.stringify(a.needs),
      completed_at: a.completedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAudit(row);
}

/** Each person's latest audit in the school (one per person). */
export async function latestNeedsAudits(db: Db, schoolId: string, personId?: string): Promise<NeedsAudit[]> {
  let q = db.selectFrom('training_needs_audits').selectAll().where('school_id', '=', schoolId);
  if (personId) q = q.where('person_id', '=', personId);
  const rows = await q.orderBy('completed_at', 'desc').orderBy('id').execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.person_id) && seen.add(r.person_id)).map(toAudit);
}

export async function reviewNeedsAudit(db: Db, schoolId: string, id: string, by: string, at: IsoTimestamp) {
  const row = await db
    .updateTable('training_needs_audits')
    .set({ reviewed_by: by, reviewed_at: at })
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toAudit(row) : undefined;
}

/** Claims the week's reminder for a person and course; false if one was already sent this week. */
export async function claimTrainingReminder(
  db: Db,
  r: {
    schoolId: string;
    personId: string;
    courseId: string;
    week: string;
    notificationId: string;
    at: IsoTimestamp;
  },
): Promise<boolean> {
  const res = await db
    .insertInto('training_reminders')
    .values({
      school_id: r.schoolId,
      person_id: r.personId,
      course_id: r.courseId,
      week: r.week,
      notification_id: r.notificationId,
      created_at: r.at,
    })
    .onConflict((oc) => oc.columns(['person_id', 'course_id', 'week']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** "person course" for each reminder already sent to the school this week. */
export async function remindersOfWeek(db: Db, schoolId: string, week: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('training_reminders')
    .select(['person_id', 'course_id'])
    .where('school_id', '=', schoolId)
    .where('week', '=', week)
    .execute();
  return new Set(rows.map((r) => `${r.person_id} ${r.course_id}`));
}
