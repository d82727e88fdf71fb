import { access, consents } from '@haven/core';
import { z } from 'zod';
import { isUniqueViolation } from '../db/errors.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import { getAccountById } from '../repositories/accounts.ts';
import {
  addConsentRecord,
  type ConsentRecord,
  listConsentRecords,
  listPupilGroups,
  listPupilsIn,
  type PupilRow,
} from '../repositories/consent-records.ts';
import { getPerson, listGuardians, listWards } from '../repositories/people.ts';
import type { School } from '../repositories/schools.ts';
import type { Actor } from './actor.ts';
import { audit } from './audit.ts';
import { authorise } from './school-service.ts';

/**
 * Photo, video and internet consents: per pupil and purpose, given, refused or withdrawn, with
 * who decided, how and when (append-only). Where the school's policy says that no response means
 * consent (seed 001), Haven shows that as "assumed", never as given, with the GDPR warning.
 * Every look at pupils' consents is audit-logged with counts, never with names or notes.
 */

const text = (max: number) => z.string().trim().max(max);
const id = z.string().min(1).max(64);

export const listQuery = z.strictObject({
  yearGroup: text(40).min(1).optional(),
  className: text(40).min(1).optional(),
});

export const newConsentRecord = z.strictObject({
  purpose: id,
  decision: z.enum(consents.CONSENT_DECISIONS),
  /** Staff: how the decision reached the school. A parent records online (and may leave it out). */
  method: z.enum(consents.CONSENT_METHODS).optional(),
  /** Staff: the guardian in Haven who decided, or `parentName` as the paper form gives it. */
  parentId: id.optional(),
  parentName: text(200).min(1).optional(),
  relationship: text(60).min(1).optional(),
  /** The date the parent decided (the form's "Date"); today when left out. */
  decidedOn: z.iso.date().optional(),
  /** Paper forms: whether the parent signed it. */
  formSigned: z.boolean().optional(),
  note: text(1000).optional(),
});
export type NewConsentInput = z.infer<typeof newConsentRecord>;

export const checkRequest = z.strictObject({
  purpose: id,
  use: id.optional(),
  pupilIds: z.array(id).min(1, 'choose at least one pupil').max(500),
});

const today = (haven: Haven) => haven.now().toISOString().slice(0, 10);
const isStaff = (actor: Actor) => access.can(actor.grants, 'consents', 'list');

export function purposesOf(school: School) {
  return consents.consentTemplate(school.templateId).purposes;
}

function purposeOrFail(school: School, purposeId: string, path = 'purpose') {
  const purpose = purposesOf(school).find((p) => p.id === purposeId);
  if (!purpose)
    throw errors.validation([
      {
        path,
        reason: `not a consent this school's policy asks for (${
          purposesOf(school)
            .map((p) => p.id)
            .join(', ') || 'it asks for none'
        })`,
      },
    ]);
  return purpose;
}

function purposeView(p: consents.ConsentPurpose) {
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    question: p.question.label,
    source: p.question.source,
    options: p.options,
    noResponse: consents.noResponseDefault(p),
    noResponseStatement: p.noResponseSource?.label ?? null,
    website: p.website,
    uses: p.uses,
  };
}

function recordView(r: ConsentRecord) {
  return {
    id: r.id,
    purpose: r.purpose,
    decision: r.decision,
    method: r.method,
    parentName: r.parentName,
    relationship: r.relationship,
    decidedOn: r.decidedOn,
    formSigned: r.formSigned,
    note: r.note,
    recordedAt: r.recordedAt,
    recordedBy: r.recordedBy,
  };
}

export function statesFor(school: School, records: readonly ConsentRecord[]) {
  return purposesOf(school).map((p) => {
    const s = consents.consentState(records, p.id, consents.noResponseDefault(p));
    return {
      purpose: p.id,
      state: s.state,
      since: s.since,
      by: s.by,
      method: s.record?.method ?? null,
      recordedBy: s.record?.recordedBy ?? null,
    };
  });
}

const byPupil = (records: readonly ConsentRecord[]) => {
  const out = new Map<string, ConsentRecord[]>();
  for (const r of records) out.set(r.pupilId, [...(out.get(r.pupilId) ?? []), r]);
  return out;
};

const anyAssumed = (states: { state: string }[]) => states.some((s) => s.state === 'assumed');

async function personIdOf(haven: Haven, actor: Actor): Promise<string | null> {
  if (!actor.accountId) return null;
  return (await getAccountById(haven.db, actor.accountId))?.personId ?? null;
}

/** A parent reaches only their own children: the guardianship links them. */
async function guardianshipOf(haven: Haven, actor: Actor, pupilId: string) {
  const personId = await personIdOf(haven, actor);
  if (!personId) return null;
  return (await listGuardians(haven.db, pupilId)).find((g) => g.person.id === personId) ?? null;
}

async function pupilOrFail(haven: Haven, schoolId: string, pupilId: string) {
  const pupil = await getPerson(haven.db, pupilId);
  if (!pupil || pupil.schoolId !== schoolId || pupil.kind !== 'pupil') throw errors.notFound('That pupil');
  return pupil;
}

/** What the school's policy asks parents to consent to, with its stated defaults. */
export async function consentPurposes(haven: Haven, actor: Actor, schoolId: string) {
  const school = await authorise(haven, actor, schoolId, 'consents', 'read');
  const t = consents.consentTemplate(school.templateId);
  return {
    purposes: t.purposes.map(purposeView),
    form: { heading: t.form.heading?.label ?? null, fields: t.form.fields.map((f) => f.label) },
    warning: consents.SILENCE_IS_NOT_CONSENT,
  };
}

/** A class or year group: each pupil's state per purpose (or the list of groups, with neither). */
export async function consentList(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  query: z.infer<typeof listQuery>,
) {
  const school = await authorise(haven, actor, schoolId, 'consents', 'list');
  const groups = await listPupilGroups(haven.db, schoolId, today(haven));
  const chosen = query.yearGroup !== undefined || query.className !== undefined;
  const pupils = chosen ? await listPupilsIn(haven.db, schoolId, query, today(haven)) : [];
  const records = byPupil(
    await listConsentRecords(
      haven.db,
      schoolId,
      pupils.map((p) => p.id),
    ),
  );
  const rows = pupils.map((p) => ({
    pupilId: p.id,
    name: p.displayName,
    yearGroup: p.yearGroup,
    className: p.className,
    states: statesFor(school, records.get(p.id) ?? []),
  }));
  if (chosen)
    await audit(
      haven.db,
      actor,
      'consents.viewed',
      { type: 'school', id: schoolId, schoolId },
      { pupils: rows.length, yearGroup: query.yearGroup ?? null, className: query.className ?? null },
    );
  return {
    purposes: purposesOf(school).map(purposeView),
    groups,
    pupils: rows,
    warning: rows.some((r) => anyAssumed(r.states)) ? consents.SILENCE_IS_NOT_CONSENT : null,
  };
}

/** One pupil's consents: the state per purpose and every record behind it. */
export async function pupilConsents(haven: Haven, actor: Actor, schoolId: string, pupilId: string) {
  const school = await authorise(haven, actor, schoolId, 'consents', 'read');
  const pupil = await pupilOrFail(haven, schoolId, pupilId);
  if (!isStaff(actor) && !(await guardianshipOf(haven, actor, pupilId))) throw errors.forbidden();
  const records = await listConsentRecords(haven.db, schoolId, [pupilId]);
  await audit(
    haven.db,
    actor,
    'consents.pupil-viewed',
    { type: 'person', id: pupilId, schoolId },
    { records: records.length },
  );
  const states = statesFor(school, records);
  const guardians = isStaff(actor)
    ? (await listGuardians(haven.db, pupilId)).map((g) => ({
        parentId: g.person.id,
        name: g.person.displayName,
        relationship: g.guardianship.relationship,
      }))
    : [];
  return {
    pupil: { id: pupil.id, name: pupil.displayName, yearGroup: pupil.yearGroup, className: pupil.className },
    purposes: purposesOf(school).map(purposeView),
    states,
    history: [...records].reverse().map(recordView),
    guardians,
    warning: anyAssumed(states) ? consents.SILENCE_IS_NOT_CONSENT : null,
  };
}

/** A parent's own children, each with their consents. */
export async function myChildrenConsents(haven: Haven, actor: Actor, schoolId: string) {
  const school = await authorise(haven, actor, schoolId, 'consents', 'own');
  const personId = await personIdOf(haven, actor);
  const wards = personId
    ? (await listWards(haven.db, personId)).filter(
        (w) => w.person.schoolId === schoolId && w.person.kind === 'pupil',
      )
    : [];
  const records = byPupil(
    await listConsentRecords(
      haven.db,
      schoolId,
      wards.map((w) => w.person.id),
    ),
  );
  await audit(
    haven.db,
    actor,
    'consents.own-viewed',
    { type: 'school', id: schoolId, schoolId },
    { pupils: wards.length },
  );
  const children = wards.map((w) => {
    const mine = records.get(w.person.id) ?? [];
    return {
      pupil: { id: w.person.id, name: w.person.displayName, yearGroup: w.person.yearGroup },
      relationship: w.guardianship.relationship,
      states: statesFor(school, mine),
      history: [...mine].reverse().map(recordView),
    };
  });
  return {
    purposes: purposesOf(school).map(purposeView),
    children,
    warning: children.some((c) => anyAssumed(c.states)) ? consents.SILENCE_IS_NOT_CONSENT : null,
  };
}

/**
 * Records a decision. Staff record from a paper form or a call, naming the parent; a parent
 * records for their own child only, online. Withdrawal needs a consent (given or assumed) to
 * withdraw.
 */
export async function recordConsent(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  pupilId: string,
  input: NewConsentInput,
) {
  const school = await authorise(haven, actor, schoolId, 'consents', 'record');
  const pupil = await pupilOrFail(haven, schoolId, pupilId);
  const purpose = purposeOrFail(school, input.purpose);
  // Staff who record (the office, the DSL, the head); a parent who is also a teacher records as a parent.
  const staff = actor.grants.some((g) => g !== 'parent' && access.can([g], 'consents', 'record'));
  const decidedOn = input.decidedOn ?? today(haven);
  if (decidedOn > today(haven))
    throw errors.validation([{ path: 'decidedOn', reason: 'cannot be in the future' }]);

  let parent: { id: string | null; name: string; relationship: string | null };
  let method: consents.ConsentMethod;
  if (!staff) {
    const mine = await guardianshipOf(haven, actor, pupilId);
    if (!mine)
      throw errors.forbiddenBecause('A parent or carer may record consents only for their own child.');
    if (input.method && input.method !== 'parent-online')
      throw errors.validation([{ path: 'method', reason: 'a parent records online' }]);
    if (input.parentId || input.parentName || input.formSigned !== undefined)
      throw errors.validation([{ path: 'parentId', reason: 'a parent records for themselves' }]);
    parent = {
      id: mine.person.id,
      name: mine.person.displayName,
      relationship: mine.guardianship.relationship,
    };
    method = 'parent-online';
  } else {
    if (!input.method || input.method === 'parent-online')
      throw errors.validation([
        { path: 'method', reason: 'say how it reached the school: paper-form or phone' },
      ]);
    method = input.method;
    if (input.parentId) {
      const g = (await listGuardians(haven.db, pupilId)).find((x) => x.person.id === input.parentId);
      if (!g)
        throw errors.validation([{ path: 'parentId', reason: "not one of this pupil's parents or carers" }]);
      parent = {
        id: g.person.id,
        name: g.person.displayName,
        relationship: input.relationship ?? g.guardianship.relationship,
      };
    } else if (input.parentName) {
      parent = { id: null, name: input.parentName, relationship: input.relationship ?? null };
    } else {
      throw errors.validation([{ path: 'parentId', reason: 'name the parent or carer who decided' }]);
    }
    if (input.formSigned !== undefined && method !== 'paper-form')
      throw errors.validation([{ path: 'formSigned', reason: 'only a paper form is signed' }]);
  }

  const write = inTransaction(haven.db, async (trx) => {
    const existing = await listConsentRecords(trx, schoolId, [pupilId]);
    const current = consents.consentState(existing, purpose.id, consents.noResponseDefault(purpose));
    const problem = consents.decisionProblem(current.state, input.decision);
    if (problem) throw errors.validation([{ path: 'decision', reason: problem }]);
    const r = await addConsentRecord(trx, {
      schoolId,
      pupilId: pupil.id,
      purpose: purpose.id,
      decision: input.decision,
      method,
      parentId: parent.id,
      parentName: parent.name,
      relationship: parent.relationship,
      decidedOn,
      formSigned: method === 'paper-form' ? (input.formSigned ?? null) : null,
      note: input.note || null,
      recordedAt: haven.now().toISOString(),
      recordedByAccountId: actor.accountId,
      recordedBy: actor.label,
    });
    await audit(
      trx,
      actor,
      'consent.recorded',
      { type: 'person', id: pupil.id, schoolId },
      { purpose: purpose.id, decision: r.decision, method: r.method, previous: current.state },
    );
    const states = statesFor(school, [...existing, r]);
    return { record: recordView(r), state: states.find((s) => s.purpose === purpose.id)! };
  });
  // Two decisions for one pupil at the same moment: one wins the sequence number, the other is told.
  return write.catch((error: unknown) => {
    if (isUniqueViolation(error))
      throw errors.conflict(
        'Another change for this pupil was recorded at the same moment. Reload and try again.',
      );
    throw error;
  });
}

/** "May we publish this photo of these pupils?": pupil by pupil, assumed kept apart from yes. */
export async function checkPublishing(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  input: z.infer<typeof checkRequest>,
) {
  const school = await authorise(haven, actor, schoolId, 'consents', 'check');
  const purpose = purposeOrFail(school, input.purpose);
  if (input.use && !purpose.uses.some((u) => u.id === input.use))
    throw errors.validation([
      {
        path: 'use',
        reason: purpose.uses.length
          ? `one of ${purpose.uses.map((u) => u.id).join(', ')}`
          : 'this purpose has no separate uses',
      },
    ]);
  const ids = [...new Set(input.pupilIds)];
  const pupils = await listPupilsIn(haven.db, schoolId, { ids }, today(haven));
  const found = new Map<string, PupilRow>(pupils.map((p) => [p.id, p]));
  const missing = input.pupilIds
    .map((pid, i) => ({ pid, i }))
    .filter(({ pid }) => !found.has(pid))
    .map(({ i }) => ({ path: `pupilIds.${i}`, reason: 'not a current pupil of this school' }));
  if (missing.length > 0) throw errors.validation(missing);
  const records = byPupil(await listConsentRecords(haven.db, schoolId, ids));
  const dflt = consents.noResponseDefault(purpose, input.use);
  const check = consents.publishingCheck(
    ids.map((pid) => ({
      pupilId: pid,
      name: found.get(pid)!.displayName,
      state: consents.consentState(records.get(pid) ?? [], purpose.id, dflt),
    })),
    purpose.id,
  );
  await audit(
    haven.db,
    actor,
    'consents.checked',
    { type: 'school', id: schoolId, schoolId },
    { purpose: purpose.id, use: input.use ?? null, pupils: ids.length, ...check.counts },
  );
  return {
    purpose: purpose.id,
    use: input.use ?? null,
    question: purpose.question.label,
    allYes: check.allYes,
    counts: check.counts,
    warning: check.warning,
    pupils: check.rows,
  };
}
