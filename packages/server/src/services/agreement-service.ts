import { createHash } from 'node:crypto';
import { access, agreements } from '@haven/core';
import { DocumentError, documentText } from '../agreements/document-text.ts';
import { renderSignedCopy } from '../agreements/signed-copy-pdf.ts';
import type { PersonKind } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Haven } from '../haven.ts';
import { errors, HavenError } from '../http/errors.ts';
import { getAccountByEmail, getAccountById } from '../repositories/accounts.ts';
import {
  type AgreementSignature,
  type AgreementVersion,
  appendSignature,
  getAgreementVersion,
  getSignature,
  insertAgreementVersion,
  listAgreementVersions,
  listSignatures,
} from '../repositories/agreements.ts';
import {
  getPerson,
  getPersonByMisId,
  listAllPeople,
  listPeople,
  listWards,
  type Person,
} from '../repositories/people.ts';
import { getSchoolById, getSchoolBySlug, type School } from '../repositories/schools.ts';
import type { Actor } from './actor.ts';
import { audit } from './audit.ts';
import { authorise } from './school-service.ts';

/*
 * Acceptable use agreements at a school: its versions (version 1 from the bundled template, made
 * on first use; later ones imported from the school's own document), who must sign what, and the
 * append-only signatures. A signature names the exact text it was given (SHA-256 of the canonical
 * text); one on a version that is no longer current is refused with the current one offered.
 */

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const outdated = (current: AgreementVersion) =>
  new HavenError(
    'agreement.outdated',
    409,
    `This agreement has a newer version (version ${current.version}); read it and sign that one.`,
    [
      { path: 'version', reason: String(current.version) },
      { path: 'versionId', reason: current.id },
      { path: 'textHash', reason: current.textHash },
    ],
  );

/** The latest version of each of a school's agreements, making version 1 of any not yet stored. */
export async function currentVersions(haven: Haven, school: School): Promise<AgreementVersion[]> {
  let all = await listAgreementVersions(haven.db, school.id);
  const templates = agreements.agreementTemplates(school.templateId);
  const missing = templates.filter((t) => !all.some((v) => v.agreementId === t.id));
  if (missing.length > 0) {
    const at = haven.now().toISOString();
    for (const t of missing)
      await insertAgreementVersion(haven.db, {
        schoolId: school.id,
        agreementId: t.id,
        version: 1,
        title: t.title,
        content: t,
        textHash: sha256(agreements.canonicalText(t)),
        source: 'template',
        sourceFilename: null,
        createdBy: 'template',
        createdAt: at,
      });
    all = await listAgreementVersions(haven.db, school.id);
  }
  const latest = new Map<string, AgreementVersion>();
  for (const v of all) latest.set(v.agreementId, v);
  // The template's order (the school's), then any others.
  const order = (id: string) => {
    const i = templates.findIndex((t) => t.id === id);
    return i < 0 ? templates.length : i;
  };
  return [...latest.values()].sort((a, b) => order(a.agreementId) - order(b.agreementId));
}

const KIND: Record<PersonKind, agreements.PersonKind> = {
  pupil: 'pupil',
  staff: 'staff',
  parent: 'parent',
  governor: 'governor',
  visitor: 'visitor',
  other: 'community',
};

export type AgreementState = 'signed' | 'unsigned' | 'awaiting-approval' | 'lapsed';

export interface RequiredAgreementView {
  agreement: string;
  signed: boolean;
  signer: agreements.Signer;
  state: AgreementState;
  title: string;
  version: number;
  versionId: string;
  textHash: string;
  renewal: agreements.Renewal;
  /** The signature in force or awaiting approval. */
  signatureId: string | null;
  signedAt: string | null;
}

/** What a person must sign; throws (precisely) for a pupil without a known year group. */
function required(versions: AgreementVersion[], person: Person): agreements.RequiredAgreement[] {
  try {
    return agreements.requiredAgreements(
      versions.map((v) => v.content),
      { kind: KIND[person.kind], yearGroup: person.yearGroup },
    );
  } catch (e) {
    throw new HavenError('agreement.no-year-group', 409, `${person.displayName}: ${(e as Error).message}.`, [
      { path: 'yearGroup', reason: person.yearGroup ?? 'missing' },
    ]);
  }
}

/** The state of one person's agreement from its records, oldest first. */
function stateOf(
  version: AgreementVersion,
  records: AgreementSignature[],
  today: string,
): { state: AgreementState; signature: AgreementSignature | null } {
  const withdrawn = new Set(records.filter((r) => r.kind === 'withdrawn').map((r) => r.refersTo));
  const approved = new Set(records.filter((r) => r.kind === 'approved').map((r) => r.refersTo));
  const signature =
    records.filter((r) => r.kind === 'signed' && r.versionId === version.id && !withdrawn.has(r.id)).at(-1) ??
    null;
  if (!signature) return { state: 'unsigned', signature: null };
  if (
    version.content.renewal === 'school-year' &&
    signature.at.slice(0, 10) < agreements.schoolYearStart(today)
  )
    return { state: 'lapsed', signature };
  if (version.content.form.kind === 'approval' && !approved.has(signature.id))
    return { state: 'awaiting-approval', signature };
  return { state: 'signed', signature };
}

export function statusFor(
  versions: AgreementVersion[],
  person: Person,
  records: AgreementSignature[],
  today: string,
): RequiredAgreementView[] {
  return required(versions, person).map((r) => {
    const v = versions.find((x) => x.agreementId === r.agreementId)!;
    const { state, signature } = stateOf(
      v,
      records.filter((s) => s.personId === person.id && s.agreementId === v.agreementId),
      today,
    );
    return {
      agreement: r.agreementId,
      signed: state === 'signed',
      signer: r.signer,
      state,
      title: v.title,
      version: v.version,
      versionId: v.id,
      textHash: v.textHash,
      renewal: r.renewal,
      signatureId: signature?.id ?? null,
      signedAt: signature?.at ?? null,
    };
  });
}

const today = (haven: Haven) => haven.now().toISOString().slice(0, 10);

/** A person's required agreements and whether each is signed (the CLI's `agreements required`). */
export async function requiredFor(haven: Haven, school: School, person: Person) {
  const versions = await currentVersions(haven, school);
  return statusFor(versions, person, await listSignatures(haven.db, school.id, [person.id]), today(haven));
}

/** Whether someone has signed everything their role requires (the gateway's question). */
export async function hasSignedAll(haven: Haven, school: School, person: Person): Promise<boolean> {
  try {
    return (await requiredFor(haven, school, person)).every((r) => r.signed);
  } catch {
    // A pupil whose year group is unknown cannot be shown to have signed.
    return false;
  }
}

/** A school by id or slug, for the CLI. */
export async function findSchool(haven: Haven, idOrSlug: string): Promise<School | undefined> {
  return (await getSchoolById(haven.db, idOrSlug)) ?? (await getSchoolBySlug(haven.db, idOrSlug));
}

/**
 * A person by their account's e-mail (the sign-in name), or, for a pupil without an account, by
 * their MIS id or Haven id.
 */
export async function findPerson(haven: Haven, school: School, who: string): Promise<Person | undefined> {
  const account = await getAccountByEmail(haven.db, who);
  if (account?.schoolId === school.id && account.personId) return getPerson(haven.db, account.personId);
  const byMis = await getPersonByMisId(haven.db, school.id, who);
  if (byMis) return byMis;
  const byId = await getPerson(haven.db, who);
  if (byId?.schoolId === school.id) return byId;
  // The search is a substring match: look past the near misses for the exact address.
  const byEmail = await listPeople(haven.db, school.id, { search: who, limit: 500 });
  return byEmail.items.find((p) => p.email?.toLowerCase() === who.trim().toLowerCase());
}

export interface AgreementListRow extends agreements.AgreementSummary {
  versionId: string;
  textHash: string;
  source: 'template' | 'import';
  versions: {
    version: number;
    versionId: string;
    source: string;
    filename: string | null;
    createdAt: string;
    createdBy: string;
    textHash: string;
  }[];
}

export async function agreementList(haven: Haven, school: School): Promise<AgreementListRow[]> {
  const current = await currentVersions(haven, school);
  const all = await listAgreementVersions(haven.db, school.id);
  return current.map((v) => ({
    id: v.agreementId,
    audience: v.content.audience,
    title: v.title,
    version: v.version,
    seed: v.content.seed,
    versionId: v.id,
    textHash: v.textHash,
    source: v.source,
    versions: all
      .filter((x) => x.agreementId === v.agreementId)
      .map((x) => ({
        version: x.version,
        versionId: x.id,
        source: x.source,
        filename: x.sourceFilename,
        createdAt: x.createdAt,
        createdBy: x.createdBy,
        textHash: x.textHash,
      })),
  }));
}

/** The agreements of a school as everyone in it may read them. */
export async function schoolAgreements(haven: Haven, actor: Actor, schoolId: string) {
  const school = await authorise(haven, actor, schoolId, 'agreements', 'read');
  return agreementList(haven, school);
}

/** The current text of one agreement (or an earlier version by number). */
export async function agreementText(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  agreementId: string,
  version?: number,
) {
  const school = await authorise(haven, actor, schoolId, 'agreements', 'read');
  const current = (await currentVersions(haven, school)).find((v) => v.agreementId === agreementId);
  if (!current) throw errors.notFound('That agreement');
  const v =
    version === undefined || version === current.version
      ? current
      : (await listAgreementVersions(haven.db, school.id)).find(
          (x) => x.agreementId === agreementId && x.version === version,
        );
  if (!v) throw errors.notFound('That version');
  return {
    id: v.agreementId,
    version: v.version,
    versionId: v.id,
    current: v.id === current.id,
    currentVersion: current.version,
    textHash: v.textHash,
    source: v.source,
    filename: v.sourceFilename,
    agreement: v.content,
  };
}

async function actorPerson(haven: Haven, actor: Actor): Promise<Person | null> {
  if (!actor.accountId) return null;
  const account = await getAccountById(haven.db, actor.accountId);
  if (!account?.personId) return null;
  return (await getPerson(haven.db, account.personId)) ?? null;
}

/** My agreements, and for a parent each child's that the parent signs. */
export async function myAgreements(haven: Haven, actor: Actor, schoolId: string) {
  const school = await authorise(haven, actor, schoolId, 'agreements', 'read');
  const me = await actorPerson(haven, actor);
  if (!me) return { person: null, required: [], children: [] };
  const versions = await currentVersions(haven, school);
  const wards = (await listWards(haven.db, me.id)).map((w) => w.person);
  const records = await listSignatures(haven.db, school.id, [me.id, ...wards.map((w) => w.id)]);
  const children = [];
  for (const child of wards) {
    let rows: RequiredAgreementView[];
    try {
      rows = statusFor(versions, child, records, today(haven));
    } catch {
      rows = [];
    }
    children.push({
      person: {
        id: child.id,
        name: child.displayName,
        yearGroup: child.yearGroup,
        className: child.className,
      },
      required: rows.filter((r) => r.signer === 'parent'),
    });
  }
  return {
    person: { id: me.id, name: me.displayName },
    required: statusFor(versions, me, records, today(haven)).filter((r) => r.signer === 'self'),
    children,
  };
}

export interface SignInput {
  /** Whose agreement: the signer's own (the default) or their child's. */
  personId?: string | undefined;
  version: number;
  textHash: string;
  answers: unknown;
}

export interface From {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Signs: the signer must be the person (signer "self") or a parent or carer linked to the pupil
 * (signer "parent"); the version and text hash must be the current ones; the answers must fit the
 * form. The record is appended, never edited; the signer gets a copy.
 */
export async function signAgreement(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  agreementId: string,
  input: SignInput,
  from: From,
) {
  const school = await authorise(haven, actor, schoolId, 'agreements', 'sign');
  const me = await actorPerson(haven, actor);
  if (!me || me.schoolId !== school.id)
    throw errors.forbiddenBecause(
      'Your account is not linked to a person at this school, so it cannot sign.',
    );
  const person = input.personId && input.personId !== me.id ? await getPerson(haven.db, input.personId) : me;
  if (!person || person.schoolId !== school.id) throw errors.notFound('That person');
  const versions = await currentVersions(haven, school);
  const current = versions.find((v) => v.agreementId === agreementId);
  if (!current) throw errors.notFound('That agreement');
  const requirement = required(versions, person).find((r) => r.agreementId === agreementId);
  if (!requirement)
    throw new HavenError(
      'agreement.not-required',
      409,
      `${person.displayName} is not asked to sign this agreement.`,
      [{ path: 'agreementId', reason: 'not required of this person' }],
    );
  let relation: 'self' | 'parent';
  if (requirement.signer === 'self') {
    if (person.id !== me.id)
      throw errors.forbiddenBecause(`${person.displayName} signs this agreement themselves.`);
    relation = 'self';
  } else {
    const wards = await listWards(haven.db, me.id);
    if (!wards.some((w) => w.person.id === person.id))
      throw errors.forbiddenBecause(
        `Only a parent or carer linked to ${person.id === me.id ? 'you' : person.displayName} may sign this agreement.`,
      );
    relation = 'parent';
  }
  if (input.version !== current.version || input.textHash !== current.textHash) throw outdated(current);
  const checked = agreements.checkAnswers(current.content, input.answers);
  if (checked.answers === null) throw errors.validation(checked.problems, 'The form is not complete.');
  const signature = await inTransaction(haven.db, async (trx) => {
    const s = await appendSignature(trx, {
      schoolId: school.id,
      agreementId,
      versionId: current.id,
      textHash: current.textHash,
      kind: 'signed',
      refersTo: null,
      personId: person.id,
      actorAccountId: actor.accountId,
      actorPersonId: me.id,
      actorLabel: actor.label,
      relation,
      answers: checked.answers,
      at: haven.now().toISOString(),
      ip: from.ip,
      userAgent: from.userAgent,
    });
    await audit(
      trx,
      actor,
      'agreement.signed',
      { type: 'agreement-signature', id: s.id, schoolId: school.id },
      { agreement: agreementId, version: current.version, person: person.id, relation },
    );
    return s;
  });
  return {
    signatureId: signature.id,
    agreement: agreementId,
    version: current.version,
    textHash: current.textHash,
    personId: person.id,
    relation,
    at: signature.at,
    state: current.content.form.kind === 'approval' ? ('awaiting-approval' as const) : ('signed' as const),
    approver: current.content.form.approval ? current.content.form.approval.heading.label : null,
  };
}

/** Withdraws the signature in force: a new record; the signature itself stays as it was. */
export async function withdrawAgreement(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  agreementId: string,
  input: { personId?: string | undefined },
  from: From,
) {
  const school = await authorise(haven, actor, schoolId, 'agreements', 'sign');
  const me = await actorPerson(haven, actor);
  if (!me || me.schoolId !== school.id)
    throw errors.forbiddenBecause('Your account is not linked to a person at this school.');
  const personId = input.personId ?? me.id;
  const records = await listSignatures(haven.db, school.id, [personId]);
  const withdrawn = new Set(records.filter((r) => r.kind === 'withdrawn').map((r) => r.refersTo));
  const signature = records
    .filter((r) => r.kind === 'signed' && r.agreementId === agreementId && !withdrawn.has(r.id))
    .at(-1);
  if (!signature) throw errors.notFound('A signature to withdraw');
  // Whoever could sign it may withdraw it: the person, or the parent who signs for them.
  if (personId !== me.id) {
    const linked = (await listWards(haven.db, me.id)).some((w) => w.person.id === personId);
    const version = await getAgreementVersion(haven.db, signature.versionId);
    if (!linked || version?.content.signer !== 'parent')
      throw errors.forbiddenBecause(
        'Only the person who signs this agreement, or for a pupil a parent or carer signs for, may withdraw it.',
      );
  }
  return inTransaction(haven.db, async (trx) => {
    const w = await appendSignature(trx, {
      ...signature,
      kind: 'withdrawn',
      refersTo: signature.id,
      actorAccountId: actor.accountId,
      actorPersonId: me.id,
      actorLabel: actor.label,
      relation: personId === me.id ? 'self' : 'parent',
      answers: {},
      at: haven.now().toISOString(),
      ip: from.ip,
      userAgent: from.userAgent,
    });
    await audit(
      trx,
      actor,
      'agreement.withdrawn',
      { type: 'agreement-signature', id: w.id, schoolId: school.id },
      { agreement: agreementId, signature: signature.id, person: personId },
    );
    return { withdrawalId: w.id, signatureId: signature.id, agreement: agreementId, at: w.at };
  });
}

/**
 * The "Authorised signature" of an approval form (seed 001 appendix 1): someone holding the
 * approve grant, never the signer, countersigns a signature on the current version.
 */
export async function approveSignature(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  signatureId: string,
  input: { fields: unknown },
  from: From,
) {
  const school = await authorise(haven, actor, schoolId, 'agreements', 'approve');
  const signature = await getSignature(haven.db, signatureId);
  if (!signature || signature.schoolId !== school.id || signature.kind !== 'signed')
    throw errors.notFound('That signature');
  const me = await actorPerson(haven, actor);
  if (signature.actorAccountId === actor.accountId || (me && me.id === signature.personId))
    throw errors.forbiddenBecause('A signature is approved by someone other than the person who signed it.');
  const versions = await currentVersions(haven, school);
  const current = versions.find((v) => v.agreementId === signature.agreementId);
  if (!current) throw errors.notFound('That agreement');
  if (current.id !== signature.versionId) throw outdated(current);
  if (!current.content.form.approval) throw errors.conflict('This agreement has no approval to give.');
  const records = await listSignatures(haven.db, school.id, [signature.personId]);
  if (records.some((r) => r.kind === 'withdrawn' && r.refersTo === signature.id))
    throw errors.conflict('This signature has been withdrawn.');
  if (records.some((r) => r.kind === 'approved' && r.refersTo === signature.id))
    throw errors.conflict('This signature is already approved.');
  const checked = agreements.checkApproval(current.content, input);
  if (checked.problems.length > 0) throw errors.validation(checked.problems, 'The approval is not complete.');
  return inTransaction(haven.db, async (trx) => {
    const a = await appendSignature(trx, {
      ...signature,
      kind: 'approved',
      refersTo: signature.id,
      actorAccountId: actor.accountId,
      actorPersonId: me?.id ?? null,
      actorLabel: actor.label,
      relation: 'approver',
      answers: { fields: checked.fields },
      at: haven.now().toISOString(),
      ip: from.ip,
      userAgent: from.userAgent,
    });
    await audit(
      trx,
      actor,
      'agreement.approved',
      { type: 'agreement-signature', id: a.id, schoolId: school.id },
      { agreement: signature.agreementId, signature: signature.id, person: signature.personId },
    );
    return { approvalId: a.id, signatureId: signature.id, agreement: signature.agreementId, at: a.at };
  });
}

/** Signatures waiting for the authorised signature, for those who give it. */
export async function pendingApprovals(haven: Haven, actor: Actor, schoolId: string) {
  const school = await authorise(haven, actor, schoolId, 'agreements', 'approve');
  const versions = await currentVersions(haven, school);
  const records = await listSignatures(haven.db, school.id, null);
  const out = [];
  for (const v of versions.filter((x) => x.content.form.kind === 'approval')) {
    const people = new Set(records.filter((r) => r.versionId === v.id).map((r) => r.personId));
    for (const personId of people) {
      const { state, signature } = stateOf(
        v,
        records.filter((r) => r.personId === personId && r.agreementId === v.agreementId),
        today(haven),
      );
      if (state !== 'awaiting-approval' || !signature) continue;
      const person = await getPerson(haven.db, personId);
      out.push({
        signatureId: signature.id,
        agreement: v.agreementId,
        version: v.version,
        person: { id: personId, name: person?.displayName ?? personId },
        signedAt: signature.at,
        answers: signature.answers,
      });
    }
  }
  return out;
}

/** Who has signed what: every current person's required agreements (audit-logged: it names people). */
export async function signatureRecords(haven: Haven, actor: Actor, schoolId: string) {
  const school = await authorise(haven, actor, schoolId, 'agreements', 'manage');
  const versions = await currentVersions(haven, school);
  const records = await listSignatures(haven.db, school.id, null);
  const people = await listAllPeople(haven.db, school.id, { currentOn: today(haven) });
  const rows = people.map((p) => {
    let required: RequiredAgreementView[] = [];
    let problem: string | null = null;
    try {
      required = statusFor(versions, p, records, today(haven));
    } catch (e) {
      problem = (e as Error).message;
    }
    return {
      person: { id: p.id, name: p.displayName, kind: p.kind, yearGroup: p.yearGroup },
      required: required.map((r) => ({
        agreement: r.agreement,
        state: r.state,
        signer: r.signer,
        signedAt: r.signedAt,
      })),
      problem,
    };
  });
  await audit(
    haven.db,
    actor,
    'agreement.records-viewed',
    { type: 'school', id: school.id, schoolId: school.id },
    {
      people: rows.length,
    },
  );
  return rows;
}

export interface ImportInput {
  filename: string;
  bytes: Buffer;
}

/**
 * A school's own wording as version n+1 of one of its agreements: everyone who signed an earlier
 * version must sign again. A file that is not text, Markdown or a readable .docx, or that has no
 * text, is refused and nothing is stored.
 */
export async function importAgreementVersion(
  haven: Haven,
  actor: Actor,
  school: School,
  agreementId: string,
  input: ImportInput,
) {
  const current = (await currentVersions(haven, school)).find((v) => v.agreementId === agreementId);
  if (!current) throw errors.notFound(`Agreement "${agreementId}"`);
  let text: string;
  try {
    text = documentText(input.filename, input.bytes);
  } catch (e) {
    if (e instanceof DocumentError)
      throw errors.validation(
        [{ path: 'file', reason: `${input.filename} ${e.message}` }],
        `${input.filename} ${e.message}.`,
      );
    throw e;
  }
  const made = agreements.importedAgreement(current.content, text, input.filename, current.version + 1);
  if (made.agreement === null)
    throw errors.validation(
      made.problems.map((p) => ({
        path: p.line === null ? 'file' : `file:${p.line}`,
        reason: `${input.filename}${p.line === null ? '' : ` line ${p.line}`} ${p.reason}`,
      })),
      `${input.filename} ${made.problems[0]!.reason}.`,
    );
  const agreement = made.agreement;
  const textHash = sha256(agreements.canonicalText(agreement));
  return inTransaction(haven.db, async (trx) => {
    const stored = await insertAgreementVersion(trx, {
      schoolId: school.id,
      agreementId,
      version: agreement.version,
      title: agreement.title,
      content: agreement,
      textHash,
      source: 'import',
      sourceFilename: input.filename,
      createdBy: actor.label,
      createdAt: haven.now().toISOString(),
    });
    if (!stored) throw errors.conflict('Another version was made at the same moment; try again.');
    await audit(
      trx,
      actor,
      'agreement.imported',
      { type: 'agreement', id: agreementId, schoolId: school.id },
      { version: agreement.version, filename: input.filename, textHash },
    );
    return {
      id: agreementId,
      version: agreement.version,
      title: agreement.title,
      textHash,
      items: agreement.sections.reduce((n, s) => n + s.items.length, 0),
    };
  });
}

/** The import route: the agreements.manage grant, then as above. */
export async function importAgreement(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  agreementId: string,
  input: ImportInput,
) {
  const school = await authorise(haven, actor, schoolId, 'agreements', 'manage');
  return importAgreementVersion(haven, actor, school, agreementId, input);
}

/**
 * Of the sign-in names given (accounts' e-mails), those whose person has not signed everything
 * their role requires at this school, in one pass (the gateway snapshot asks for every address).
 * Accounts with no person behind them (the school administrator) have nothing to sign.
 */
export async function unsignedUsers(
  haven: Haven,
  schoolId: string,
  usernames: readonly string[],
): Promise<Set<string>> {
  const out = new Set<string>();
  if (usernames.length === 0) return out;
  const school = await getSchoolById(haven.db, schoolId);
  if (!school) return out;
  const versions = await currentVersions(haven, school);
  if (versions.length === 0) return out;
  const people = new Map<string, Person>();
  for (const name of new Set(usernames)) {
    const account = await getAccountByEmail(haven.db, name);
    if (account?.schoolId !== school.id || !account.personId) continue;
    const person = await getPerson(haven.db, account.personId);
    if (person) people.set(name, person);
  }
  const records = await listSignatures(
    haven.db,
    school.id,
    [...people.values()].map((p) => p.id),
  );
  for (const [name, person] of people) {
    try {
      if (!statusFor(versions, person, records, today(haven)).every((r) => r.signed)) out.add(name);
    } catch {
      out.add(name);
    }
  }
  return out;
}

/**
 * The signer's copy (PDF): for the person who signed, the person signed for, a parent of theirs,
 * or those who manage agreements; anyone else is told it does not exist. Audit-logged.
 */
export async function signedCopy(haven: Haven, actor: Actor, schoolId: string, signatureId: string) {
  const school = await authorise(haven, actor, schoolId, 'agreements', 'read');
  const signature = await getSignature(haven.db, signatureId);
  if (!signature || signature.schoolId !== school.id || signature.kind !== 'signed')
    throw errors.notFound('That signature');
  const me = await actorPerson(haven, actor);
  const mayManage = access.can(actor.grants, 'agreements', 'manage');
  const mine =
    signature.actorAccountId === actor.accountId ||
    (me !== null &&
      (me.id === signature.personId ||
        (await listWards(haven.db, me.id)).some((w) => w.person.id === signature.personId)));
  if (!mine && !mayManage) throw errors.notFound('That signature');
  const version = await getAgreementVersion(haven.db, signature.versionId);
  const person = await getPerson(haven.db, signature.personId);
  const records = await listSignatures(haven.db, school.id, [signature.personId]);
  const approval = records.find((r) => r.kind === 'approved' && r.refersTo === signature.id);
  const withdrawal = records.find((r) => r.kind === 'withdrawn' && r.refersTo === signature.id);
  const pdf = await renderSignedCopy({
    school: school.name,
    agreement: version!.content,
    version: version!.version,
    textHash: signature.textHash,
    signatureId: signature.id,
    signedAt: signature.at,
    signedBy: signature.actorLabel,
    signedFor: person?.displayName ?? signature.personId,
    relation: signature.relation === 'parent' ? 'parent' : 'self',
    ip: signature.ip,
    userAgent: signature.userAgent,
    answers: signature.answers as agreements.SignatureAnswers,
    approval: approval
      ? {
          at: approval.at,
          by: approval.actorLabel,
          fields: (approval.answers as { fields: Record<string, string | string[]> }).fields,
        }
      : null,
    withdrawnAt: withdrawal?.at ?? null,
  });
  await audit(
    haven.db,
    actor,
    'agreement.copy-viewed',
    { type: 'agreement-signature', id: signature.id, schoolId: school.id },
    {
      agreement: signature.agreementId,
    },
  );
  return { pdf, filename: `${signature.agreementId}-v${version!.version}-${signature.at.slice(0, 10)}.pdf` };
}
