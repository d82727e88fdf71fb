import type { Selectable } from 'kysely';
import type { BreachKind, DataBreachesTable, Db, IsoTimestamp } from '../db/schema.ts';
import { newId } from '../db/values.ts';

export interface BreachRecord {
  id: string;
  schoolId: string;
  number: number;
  kind: BreachKind;
  awareAt: IsoTimestamp;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  reportedBy: string;
  status: 'open' | 'closed';
  sealedDetails: string;
  reportedToIcoAt: IsoTimestamp | null;
  icoReference: string | null;
  notReportableReason: string | null;
  remindersSent: number[];
  closedAt: IsoTimestamp | null;
}

const toBreach = (r: Selectable<DataBreachesTable>): BreachRecord => ({
  id: r.id,
  schoolId: r.school_id,
  number: r.number,
  kind: r.kind,
  awareAt: r.aware_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  reportedBy: r.reported_by,
  status: r.status,
  sealedDetails: r.details,
  reportedToIcoAt: r.reported_to_ico_at,
  icoReference: r.ico_reference,
  notReportableReason: r.not_reportable_reason,
  remindersSent: JSON.parse(r.reminders_sent) as number[],
  closedAt: r.closed_at,
});

export async function createBreach(
  db: Db,
  b: {
    schoolId: string;
    kind: BreachKind;
    awareAt: IsoTimestamp;
    at: IsoTimestamp;
    reportedBy: string;
    sealedDetails: string;
  },
): Promise<BreachRecord> {
  const last = await db
    .selectFrom('data_breaches')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('school_id', '=', b.schoolId)
    .executeTakeFirst();
  const row = await db
    .insertInto('data_breaches')
    .values({
      id: newId(),
      school_id: b.schoolId,
      number: Number(last?.n ?? 0) + 1,
      kind: b.kind,
      aware_at: b.awareAt,
      created_at: b.at,
      updated_at: b.at,
      reported_by: b.reportedBy,
      status: 'open',
      details: b.sealedDetails,
      reported_to_ico_at: null,
      ico_reference: null,
      not_reportable_reason: null,
      reminders_sent: '[]',
      closed_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toBreach(row);
}

export async function getBreach(db: Db, schoolId: string, id: string): Promise<BreachRecord | undefined> {
  const row = await db
    .selectFrom('data_breaches')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toBreach(row) : undefined;
}

export async function listBreaches(db: Db, schoolId: string): Promise<BreachRecord[]> {
  const rows = await db
    .selectFrom('data_breaches')
    .selectAll()
    .where('school_id', '=', schoolId)
    .orderBy('number', 'desc')
    .limit(500)
    .execute();
  return rows.map(toBreach);
}

/** Open breaches whose ICO question is still unanswered, across schools (for the reminder job). */
export async function listRunningBreaches(db: Db): Promise<BreachRecord[]> {
  const rows = await db
    .selectFrom('data_breaches')
    .selectAll()
    .where('status', '=', 'open')
    .where('reported_to_ico_at', 'is', null)
    .where('not_reportable_reason', 'is', null)
    .execute();
  return rows.map(toBreach);
}

export async function updateBreach(
  db: Db,
  id: string,
  patch: Partial<{
    sealedDetails: string;
    reportedToIcoAt: IsoTimestamp | null;
    icoReference: string | null;
    notReportableReason: string | null;
    remindersSent: number[];
    status: 'open' | 'closed';
    closedAt: IsoTimestamp | null;
  }> & { at: IsoTimestamp },
): Promise<void> {
  await db
    .updateTable('data_breaches')
    .set({
      updated_at: patch.at,
      ...(patch.sealedDetails !== undefined ? { details: patch.sealedDetails } : {}),
      ...(patch.reportedToIcoAt !== undefined ? { reported_to_ico_at: patch.reportedToIcoAt } : {}),
      ...(patch.icoReference !== undefined ? { ico_reference: patch.icoReference } : {}),
      ...(patch.notReportableReason !== undefined
        ? { not_reportable_reason: patch.notReportableReason }
        : {}),
      ...(patch.remindersSent !== undefined ? { reminders_sent: JSON.stringify(patch.remindersSent) } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.closedAt !== undefined ? { closed_at: patch.closedAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}
