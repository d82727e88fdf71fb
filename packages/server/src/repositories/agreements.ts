import type { agreements } from '@haven/core';
import type { Selectable } from 'kysely';
import type { AgreementSignaturesTable, AgreementVersionsTable, Db, IsoTimestamp } from '../db/schema.ts';
import { newId } from '../db/values.ts';

export interface AgreementVersion {
  id: string;
  schoolId: string;
  agreementId: string;
  version: number;
  title: string;
  content: agreements.AgreementTemplate;
  textHash: string;
  source: 'template' | 'import';
  sourceFilename: string | null;
  createdBy: string;
  createdAt: IsoTimestamp;
}

export type NewAgreementVersion = Omit<AgreementVersion, 'id'>;

export interface AgreementSignature {
  id: string;
  schoolId: string;
  agreementId: string;
  versionId: string;
  textHash: string;
  kind: 'signed' | 'withdrawn' | 'approved';
  refersTo: string | null;
  personId: string;
  actorAccountId: string | null;
  actorPersonId: string | null;
  actorLabel: string;
  relation: 'self' | 'parent' | 'approver';
  answers: unknown;
  at: IsoTimestamp;
  ip: string | null;
  userAgent: string | null;
}

export type NewAgreementSignature = Omit<AgreementSignature, 'id'>;

const toVersion = (r: Selectable<AgreementVersionsTable>): AgreementVersion => ({
  id: r.id,
  schoolId: r.school_id,
  agreementId: r.agreement_id,
  version: r.version,
  title: r.title,
  content: JSON.parse(r.content) as agreements.AgreementTemplate,
  textHash: r.text_hash,
  source: r.source,
  sourceFilename: r.source_filename,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

const toSignature = (r: Selectable<AgreementSignaturesTable>): AgreementSignature => ({
  id: r.id,
  schoolId: r.school_id,
  agreementId: r.agreement_id,
  versionId: r.version_id,
  textHash: r.text_hash,
  kind: r.kind,
  refersTo: r.refers_to,
  personId: r.person_id,
  actorAccountId: r.actor_account_id,
  actorPersonId: r.actor_person_id,
  actorLabel: r.actor_label,
  relation: r.relation,
  answers: JSON.parse(r.answers),
  at: r.at,
  ip: r.ip,
  userAgent: r.user_agent,
});

/**
 * Stores a version unless the school already has that number of that agreement (two first uses
 * at once both try version 1; one wins, nothing fails). True when this call stored it.
 */
export async function insertAgreementVersion(db: Db, v: NewAgreementVersion): Promise<boolean> {
  const result = await db
    .insertInto('agreement_versions')
    .values({
      id: newId(),
      school_id: v.schoolId,
      agreement_id: v.agreementId,
      version: v.version,
      title: v.title,
      content: JSON.stringify(v.content),
      text_hash: v.textHash,
      source: v.source,
      source_filename: v.sourceFilename,
      created_by: v.createdBy,
      created_at: v.createdAt,
    })
    .onConflict((oc) => oc.columns(['school_id', 'agreement_id', 'version']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Every version of every agreement of a school, oldest first. */
export async function listAgreementVersions(db: Db, schoolId: string): Promise<AgreementVersion[]> {
  const rows = await db
    .selectFrom('agreement_versions')
    .selectAll()
    .where('school_id', '=', schoolId)
    .orderBy('agreement_id')
    .orderBy('version')
    .execute();
  return rows.map(toVersion);
}

export async function getAgreementVersion(db: Db, id: string): Promise<AgreementVersion | undefined> {
  const row = await db.selectFrom('agreement_versions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

export async function appendSignature(db: Db, s: NewAgreementSignature): Promise<AgreementSignature> {
  const row = await db
    .insertInto('agreement_signatures')
    .values({
      id: newId(),
      school_id: s.schoolId,
      agreement_id: s.agreementId,
      version_id: s.versionId,
      text_hash: s.textHash,
      kind: s.kind,
      refers_to: s.refersTo,
      person_id: s.personId,
      actor_account_id: s.actorAccountId,
      actor_person_id: s.actorPersonId,
      actor_label: s.actorLabel,
      relation: s.relation,
      answers: JSON.stringify(s.answers),
      at: s.at,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSignature(row);
}

/** The records about some people (or everyone, when `personIds` is null), oldest first. */
export async function listSignatures(
  db: Db,
  schoolId: string,
  personIds: readonly string[] | null,
): Promise<AgreementSignature[]> {
  if (personIds !== null && personIds.length === 0) return [];
  let q = db.selectFrom('agreement_signatures').selectAll().where('school_id', '=', schoolId);
  if (personIds !== null) q = q.where('person_id', 'in', personIds);
  const rows = await q.orderBy('at').orderBy('id').execute();
  return rows.map(toSignature);
}

export async function getSignature(db: Db, id: string): Promise<AgreementSignature | undefined> {
  const row = await db.selectFrom('agreement_signatures').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSignature(row) : undefined;
}

export type UnsignedRule = 'guest-rules' | 'sign-first';

export async function getUnsignedRule(db: Db, schoolId: string): Promise<UnsignedRule> {
  const row = await db
    .selectFrom('agreement_settings')
    .select('unsigned_rule')
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  // Guests' rules by default: a pupil who has not signed still gets the safest filtering, not nothing.
  return row?.unsigned_rule ?? 'guest-rules';
}

export async function setUnsignedRule(
  db: Db,
  schoolId: string,
  rule: UnsignedRule,
  by: string,
  at: IsoTimestamp,
): Promise<void> {
  await db
    .insertInto('agreement_settings')
    .values({ school_id: schoolId, unsigned_rule: rule, updated_at: at, updated_by: by })
    .onConflict((oc) =>
      oc.column('school_id').doUpdateSet({ unsigned_rule: rule, updated_at: at, updated_by: by }),
    )
    .execute();
}
