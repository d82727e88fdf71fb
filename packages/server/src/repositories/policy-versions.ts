import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { dialectOf } from '../db/dialect.ts';
import type { Db, IsoDate, IsoTimestamp, PolicyStatus, PolicyVersionsTable } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { newId, nowIso } from '../db/values.ts';

/**
 * One numbered version of a school's policy document. The document is written once: editing a
 * draft means saving a new version, so every version ever shown to governors stays as it was.
 */
export interface PolicyVersion {
  id: string;
  schoolId: string;
  version: number;
  status: PolicyStatus;
  /** The parsed document; validate it with the core policy schema before trusting its shape. */
  document: unknown;
  documentHash: string;
  createdBy: string | null;
  createdAt: IsoTimestamp;
  approvedOn: IsoDate | null;
  approvedBy: string | null;
  approvedRecordedBy: string | null;
  nextReview: IsoDate | null;
}

export type PolicyVersionSummary = Omit<PolicyVersion, 'document'>;

export interface NewPolicyDraft {
  schoolId: string;
  document: unknown;
  createdBy?: string | null;
  id?: string;
  createdAt?: IsoTimestamp;
}

export interface PolicyApproval {
  id: string;
  approvedOn: IsoDate;
  /** As minuted, e.g. "Full governing body" or the chair's name. */
  approvedBy: string;
  /** The account recording the approval in Haven. */
  approvedRecordedBy: string | null;
  nextReview: IsoDate | null;
}

export type ApproveOutcome =
  | { ok: true; approved: PolicyVersionSummary; superseded: PolicyVersionSummary[] }
  | { ok: false; reason: 'not-found' | 'not-draft'; status?: PolicyStatus };

/** SHA-256 (hex) of the document text exactly as stored. */
export const documentHash = (documentText: string): string =>
  createHash('sha256').update(documentText, 'utf8').digest('hex');

const toSummary = (row: Omit<Selectable<PolicyVersionsTable>, 'document'>): PolicyVersionSummary => ({
  id: row.id,
  schoolId: row.school_id,
  version: row.version,
  status: row.status,
  documentHash: row.document_hash,
  createdBy: row.created_by,
  createdAt: row.created_at,
  approvedOn: row.approved_on,
  approvedBy: row.approved_by,
  approvedRecordedBy: row.approved_recorded_by,
  nextReview: row.next_review,
});

const toVersion = (row: Selectable<PolicyVersionsTable>): PolicyVersion => ({
  ...toSummary(row),
  document: JSON.parse(row.document),
});

const SUMMARY_COLUMNS = [
  'id',
  'school_id',
  'version',
  'status',
  'document_hash',
  'created_by',
  'created_at',
  'approved_on',
  'approved_by',
  'approved_recorded_by',
  'next_review',
] as const;

/**
 * Serialises version numbering and approvals per school. PostgreSQL runs transactions side by
 * side, so it locks the school's row; SQLite already runs one write transaction at a time.
 */
async function lockSchool(trx: Db, schoolId: string): Promise<void> {
  if (dialectOf(trx) === 'postgres') {
    await trx.selectFrom('schools').select('id').where('id', '=', schoolId).forUpdate().execute();
  }
}

/** Saves a document as the school's next version number, as a draft. */
export function createPolicyDraft(db: Db, input: NewPolicyDraft): Promise<PolicyVersion> {
  const text = JSON.stringify(input.document);
  if (text === undefined) throw new TypeError('A policy document must be JSON-serialisable.');
  return inTransaction(db, async (trx) => {
    await lockSchool(trx, input.schoolId);
    const latest = await trx
      .selectFrom('policy_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('school_id', '=', input.schoolId)
      .executeTakeFirst();
    const row = await trx
      .insertInto('policy_versions')
      .values({
        id: input.id ?? newId(),
        school_id: input.schoolId,
        version: (latest?.version ?? 0) + 1,
        status: 'draft',
        document: text,
        document_hash: documentHash(text),
        created_by: input.createdBy ?? null,
        created_at: input.createdAt ?? nowIso(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toVersion(row);
  });
}

export async function getPolicyVersion(db: Db, id: string): Promise<PolicyVersion | undefined> {
  const row = await db.selectFrom('policy_versions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toVersion(row);
}

export async function getPolicyVersionByNumber(
  db: Db,
  schoolId: string,
  version: number,
): Promise<PolicyVersion | undefined> {
  const row = await db
    .selectFrom('policy_versions')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && toVersion(row);
}

/** The version in force: the approved one (a unique index allows at most one per school). */
export async function getCurrentPolicyVersion(db: Db, schoolId: string): Promise<PolicyVersion | undefined> {
  const row = await db
    .selectFrom('policy_versions')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('status', '=', 'approved')
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return row && toVersion(row);
}

/** Every version of a school's policy, newest first, without the documents. */
export async function listPolicyVersions(db: Db, schoolId: string): Promise<PolicyVersionSummary[]> {
  const rows = await db
    .selectFrom('policy_versions')
    .select(SUMMARY_COLUMNS)
    .where('school_id', '=', schoolId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toSummary);
}

/**
 * Records the governors' approval of a draft and, in the same transaction, marks the version it
 * replaces as superseded, so a school never has two policies (or none) in force mid-change.
 */
export function approvePolicyVersion(db: Db, approval: PolicyApproval): Promise<ApproveOutcome> {
  return inTransaction(db, async (trx): Promise<ApproveOutcome> => {
    const found = await trx
      .selectFrom('policy_versions')
      .select('school_id')
      .where('id', '=', approval.id)
      .executeTakeFirst();
    if (!found) return { ok: false, reason: 'not-found' };
    await lockSchool(trx, found.school_id);
    // Read again under the lock: a concurrent approval may have just changed it.
    const target = await trx
      .selectFrom('policy_versions')
      .select(['id', 'school_id', 'status'])
      .where('id', '=', approval.id)
      .executeTakeFirstOrThrow();
    if (target.status !== 'draft') return { ok: false, reason: 'not-draft', status: target.status };

    // Supersede first: the one-approved-per-school index is checked statement by statement.
    const superseded = await trx
      .updateTable('policy_versions')
      .set({ status: 'superseded' })
      .where('school_id', '=', target.school_id)
      .where('status', '=', 'approved')
      .returning(SUMMARY_COLUMNS)
      .execute();
    const approved = await trx
      .updateTable('policy_versions')
      .set({
        status: 'approved',
        approved_on: approval.approvedOn,
        approved_by: approval.approvedBy,
        approved_recorded_by: approval.approvedRecordedBy,
        next_review: approval.nextReview,
      })
      .where('id', '=', target.id)
      .where('status', '=', 'draft')
      .returning(SUMMARY_COLUMNS)
      .executeTakeFirst();
    if (!approved) throw new Error(`Policy version ${approval.id} changed while it was being approved.`);
    return { ok: true, approved: toSummary(approved), superseded: superseded.map(toSummary) };
  });
}
