import { createHash } from 'node:crypto';
import { access, incidents } from '@haven/core';
import { z } from 'zod';
import type { Db } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import { renderEvidentialPdf } from '../incidents/evidential-pdf.ts';
import { getAccountById, listAccountsBySchool } from '../repositories/accounts.ts';
import {
  addEvidence,
  type CustodyRecord,
  type EvidenceRecord,
  getEvidence,
  listCustody,
  listEvidence,
  recordCustody,
} from '../repositories/incident-evidence.ts';
import {
  appendIncidentEntry,
  countPriorSanctions,
  createIncident,
  getIncident,
  getIncidentByNumber,
  type IncidentEntryRecord,
  type IncidentRecord,
  listIncidentEntries,
  listIncidentsByReporter,
  listSchoolIncidents,
  openIncident,
  setIncidentState,
  updateDraft,
} from '../repositories/incidents.ts';
import { listRoleAssignmentsBySchool } from '../repositories/role-assignments.ts';
import { getSchoolById } from '../repositories/schools.ts';
import type { Actor } from './actor.ts';
import { audit } from './audit.ts';
import { csvCell } from './csv.ts';
import { notify } from './notification-service.ts';
import { authorise, currentPolicy } from './school-service.ts';

/**
 * Incidents: a report saved as a draft while it is written (nothing typed is lost), submitted to
 * the people the policy names, then handled by the flowchart in an append-only chronology, and
 * closed when the required steps are recorded. Reports and entries are sealed at rest; every view
 * of an incident is audit-logged; each incident is shown only to those who need to know.
 */

const SAFEGUARDING_TYPES = new Set(['sexual', 'grooming']);

type Report = incidents.IncidentReport;

function seal(haven: Haven, value: unknown): string {
  return haven.box.seal(JSON.stringify(value));
}
function unseal<T>(haven: Haven, sealed: string): T {
  return JSON.parse(haven.box.open(sealed)) as T;
}

/** The account's person, for restricted incidents that name the people who may see them. */
async function personOf(haven: Haven, actor: Actor): Promise<string | null> {
  if (!actor.accountId) return null;
  return (await getAccountById(haven.db, actor.accountId))?.personId ?? null;
}

/** Need to know, incident by incident. */
function maySee(actor: Actor, personId: string | null, i: IncidentRecord): boolean {
  if (actor.schoolId !== i.schoolId) return false;
  if (i.restriction !== 'none') {
    if (i.restrictedTo.length > 0) return personId !== null && i.restrictedTo.includes(personId);
    // Nobody holds the post: the headteacher grant stands in for a staff allegation only.
    return i.restriction === 'headteacher' && actor.grants.includes('headteacher');
  }
  const who = i.safeguarding ? ['dsl', 'headteacher'] : ['dsl', 'online-safety-lead', 'headteacher'];
  return actor.grants.some((g) => who.includes(g));
}

async function visibleIncident(haven: Haven, actor: Actor, schoolId: string, id: string) {
  const i = await getIncident(haven.db, schoolId, id);
  if (!i || i.status === 'draft' || !maySee(actor, await personOf(haven, actor), i)) {
    // Someone who handles incidents is told "not found" (its existence is need-to-know too);
    // anyone else is refused whether it exists or not, so the answer says nothing either way.
    if (actor.schoolId === schoolId && access.can(actor.grants, 'incidents', 'triage'))
      throw errors.notFound('That incident');
    throw errors.forbidden();
  }
  return i;
}

/* ------------------------------------------------------------ reporting */

function parseReport(raw: unknown): Report {
  const parsed = incidents.incidentReport.safeParse(raw);
  if (!parsed.success)
    throw errors.validation(
      parsed.error.issues.map((i) => ({ path: ['report', ...i.path].join('.'), reason: i.message })),
    );
  return parsed.data;
}

const CHANNEL_OF: Record<string, 'staff' | 'pupil' | 'parent'> = { pupil: 'pupil', parent: 'parent' };

/** Saves a report as a draft (new, or the caller's own draft), so nothing typed is lost. */
export async function saveIncidentDraft(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  input: { id?: string | undefined; report: unknown },
) {
  await authorise(haven, actor, schoolId, 'incidents', 'report');
  const report = parseReport(input.report);
  const at = haven.now().toISOString();
  const sealed = seal(haven, report);
  if (input.id) {
    const existing = await getIncident(haven.db, schoolId, input.id);
    if (!existing || existing.reporterAccountId !== actor.accountId) throw errors.notFound('That draft');
    if (existing.status !== 'draft')
      throw errors.conflict('This report has been submitted; add to it from the incident instead.');
    await updateDraft(haven.db, existing.id, { sealedReport: sealed, occurredOn: report.occurredOn, at });
    return { id: existing.id, status: 'draft' as const, savedAt: at };
  }
  const channel = actor.grants.find((g) => CHANNEL_OF[g])
    ? CHANNEL_OF[actor.grants.find((g) => CHANNEL_OF[g])!]!
    : 'staff';
  const created = await inTransaction(haven.db, async (trx) => {
    const i = await createIncident(trx, {
      schoolId,
      status: 'draft',
      channel,
      reporterAccountId: actor.accountId,
      reporterLabel: actor.label,
      at,
      occurredOn: report.occurredOn,
      sealedReport: sealed,
    });
    await audit(trx, actor, 'incident.draft-started', { type: 'incident', id: i.id, schoolId });
    return i;
  });
  return { id: created.id, status: 'draft' as const, savedAt: at };
}

/** The people who alone may see a restricted incident: holders of the post in the current policy. */
async function holdersOfKind(haven: Haven, schoolId: string, kind: string): Promise<string[]> {
  const current = await currentPolicy(haven, schoolId);
  const roles = new Set(
    (current?.document.roles ?? []).filter((r) => r.kinds.includes(kind as never)).map((r) => r.id),
  );
  const assignments = await listRoleAssignmentsBySchool(haven.db, schoolId);
  return [
    ...new Set(assignments.filter((a) => roles.has(a.policyRoleId) && !a.deputy).map((a) => a.personId)),
  ];
}

/**
 * Submits a draft: checks it has what the DSL needs, decides the flowchart's first path and who
 * alone may see it, numbers it, writes the first chronology entry, and tells those people at once
 * (a notification with a link: no name, no narrative).
 */
export async function submitIncident(haven: Haven, actor: Actor, schoolId: string, id: string) {
  await authorise(haven, actor, schoolId, 'incidents', 'report');
  const draft = await getIncident(haven.db, schoolId, id);
  if (!draft || draft.reporterAccountId !== actor.accountId) throw errors.notFound('That draft');
  if (draft.status !== 'draft') throw errors.conflict('This report has already been submitted.');
  const report = unseal<Report>(haven, draft.sealedReport);
  const problems = incidents.reportProblems(report, {
    simple: draft.channel === 'pupil' || draft.channel === 'parent',
  });
  if (problems.length > 0)
    throw errors.validation(
      problems.map((p) => ({ path: `report.${p.path}`, reason: p.reason })),
      'The report is saved as a draft, but it needs a little more before it can be sent.',
    );
  return openReport(haven, actor, draft, report);
}

async function openReport(
  haven: Haven,
  actor: Actor,
  draft: IncidentRecord,
  report: Report,
  fromIllegalHit = false,
) {
  const schoolId = draft.schoolId;
  const routing = incidents.routeIncident({
    aboutStaff: report.aboutStaff !== 'no',
    aboutHeadteacher: report.aboutStaff === 'headteacher',
  });
  const restrictedTo =
    routing.restriction === 'none' ? [] : await holdersOfKind(haven, schoolId, routing.holders[0]!);
  const path = incidents.initialPath({
    suspectedIllegal: report.suspectedIllegal,
    types: report.types,
    fromIllegalHit,
  });
  const safeguarding =
    report.nudes ||
    path === 'illegal' ||
    report.types.some((t) => SAFEGUARDING_TYPES.has(t)) ||
    draft.channel !== 'staff';
  const urgent = path === 'illegal' || report.nudes || routing.restriction !== 'none';
  const restrictedAccounts =
    restrictedTo.length > 0
      ? (await listAccountsBySchool(haven.db, schoolId)).filter(
          (a) => a.personId && restrictedTo.includes(a.personId),
        )
      : [];
  const at = haven.now().toISOString();
  return inTransaction(haven.db, async (trx) => {
    const opened = await openIncident(trx, draft.id, schoolId, {
      at,
      path,
      restriction: routing.restriction,
      restrictedTo,
      safeguarding,
      urgent,
      sealedReport: seal(haven, report),
      occurredOn: report.occurredOn,
    });
    if (!opened) throw errors.conflict('This report has already been submitted.');
    await appendEntry(haven, trx, actor, opened, {
      kind: 'submitted',
      body: { routing: routing.explanation, path, ladoStep: routing.ladoStep },
    });
    const audience =
      routing.restriction !== 'none'
        ? restrictedAccounts.length > 0
          ? restrictedAccounts.map((a) => `account:${a.id}`)
          : routing.restriction === 'headteacher'
            ? ['headteacher']
            : []
        : safeguarding
          ? ['dsl']
          : ['dsl', 'online-safety-lead'];
    if (audience.length > 0)
      await notify(trx, {
        schoolId,
        createdAt: at,
        kind: 'incident-reported',
        audience,
        urgent,
        title: `Incident ${opened.number} was reported${urgent ? ' and needs attention now' : ''}`,
        link: `/incidents/${opened.id}`,
        subjectId: opened.id,
        email: true,
      });
    // Nobody holds the post the policy says must receive it: tell the administrator to name them.
    else
      await notify(trx, {
        schoolId,
        createdAt: at,
        kind: 'incident-unrouted',
        audience: ['school-admin'],
        urgent: true,
        title: `A restricted incident has nobody to receive it: record who holds the chair of governors post`,
        link: '/people',
        subjectId: null,
        email: true,
      });
    await audit(
      trx,
      actor,
      'incident.submitted',
      { type: 'incident', id: opened.id, schoolId },
      {
        number: opened.number ?? 0,
        path,
        restriction: routing.restriction,
      },
    );
    return {
      id: opened.id,
      number: opened.number,
      status: 'open' as const,
      submittedAt: at,
      routedTo: routing.explanation,
      unrouted: audience.length === 0,
    };
  });
}

/**
 * An incident opened from an illegal-list hit, on the illegal path, inside the caller's
 * transaction: pre-filled with what the hit says (when, which group, who or which device), and
 * never the address.
 */
export async function openIncidentForIllegalHit(
  haven: Haven,
  trx: Db,
  hit: {
    id: string;
    schoolId: string;
    at: string;
    group: string;
    username: string | null;
    client: string | null;
  },
) {
  const report = incidents.incidentReport.parse({
    occurredOn: hit.at.slice(0, 10),
    place: `School network (${hit.group} group)`,
    description:
      'A request matched an illegal-content list and was blocked by the filter. The address is not recorded. Follow the illegal path: do not look for the content.',
    involved: [
      { name: hit.username ?? `Device ${hit.client ?? 'unknown'}`, role: 'other', involvement: 'subject' },
    ],
    suspectedIllegal: true,
    protocolKind: 'unsuitable-content',
    firstContact: 'log-anomaly',
  });
  return openSystemIncident(haven, trx, {
    schoolId: hit.schoolId,
    channel: 'illegal-hit',
    by: 'Haven filter',
    report,
    path: 'illegal',
    illegalHitId: hit.id,
    routing: 'Opened by the filter for the designated safeguarding lead.',
  });
}

/**
 * An incident Haven opens itself (an illegal-list hit, an escalated monitoring alert), already
 * submitted, for the DSL, inside the caller's transaction.
 */
export async function openSystemIncident(
  haven: Haven,
  trx: Db,
  o: {
    schoolId: string;
    channel: 'illegal-hit' | 'monitoring';
    by: string;
    report: Report;
    path: 'illegal' | 'inappropriate';
    illegalHitId?: string;
    routing: string;
    reporterAccountId?: string | null;
  },
) {
  const at = haven.now().toISOString();
  const draft = await createIncident(trx, {
    schoolId: o.schoolId,
    status: 'draft',
    channel: o.channel,
    reporterAccountId: o.reporterAccountId ?? null,
    reporterLabel: o.by,
    at,
    occurredOn: o.report.occurredOn,
    sealedReport: seal(haven, o.report),
    illegalHitId: o.illegalHitId ?? null,
  });
  const opened = (await openIncident(trx, draft.id, o.schoolId, {
    at,
    path: o.path,
    restriction: 'none',
    restrictedTo: [],
    safeguarding: true,
    urgent: o.path === 'illegal',
    sealedReport: seal(haven, o.report),
    occurredOn: o.report.occurredOn,
  }))!;
  await appendEntry(
    haven,
    trx,
    { accountId: null, label: o.by, schoolId: o.schoolId, grants: [], ip: null },
    opened,
    {
      kind: 'submitted',
      body: { routing: o.routing, path: o.path, ladoStep: false },
    },
  );
  return opened;
}

export async function myReports(haven: Haven, actor: Actor, schoolId: string) {
  await authorise(haven, actor, schoolId, 'incidents', 'report');
  if (!actor.accountId) return { reports: [] };
  const list = await listIncidentsByReporter(haven.db, actor.accountId);
  // The reporter sees their own words and where the report is, not what others recorded since.
  return {
    reports: list
      .filter((i) => i.schoolId === schoolId)
      .map((i) => {
        const r = unseal<Report>(haven, i.sealedReport);
        return {
          id: i.id,
          number: i.number,
          status: i.status,
          createdAt: i.createdAt,
          updatedAt: i.updatedAt,
          submittedAt: i.submittedAt,
          closedAt: i.closedAt,
          summary: (r.description ?? '').slice(0, 120),
          ...(i.status === 'draft' ? { report: r } : {}),
        };
      }),
  };
}

/* ------------------------------------------------------------ handling */

/** The DSL's inbox: open incidents this person may see, the urgent and the oldest first. */
export async function incidentInbox(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  query: { status?: 'open' | 'closed' | undefined } = {},
) {
  const personId = await personOf(haven, actor);
  if (actor.schoolId !== schoolId) throw errors.forbidden();
  const mayTriage = access.can(actor.grants, 'incidents', 'triage');
  const list = (
    await listSchoolIncidents(haven.db, schoolId, { status: query.status ?? 'open', limit: 500 })
  ).filter((i) => maySee(actor, personId, i));
  if (!mayTriage && list.length === 0) throw errors.forbidden();
  const now = haven.now().getTime();
  const items = list.map((i) => {
    const r = unseal<Report>(haven, i.sealedReport);
    return {
      id: i.id,
      number: i.number,
      status: i.status,
      channel: i.channel,
      path: i.path,
      urgent: i.urgent,
      safeguarding: i.safeguarding,
      restriction: i.restriction,
      submittedAt: i.submittedAt,
      occurredOn: i.occurredOn,
      types: r.types,
      summary: (r.description ?? '').slice(0, 160),
      ageHours: i.submittedAt ? Math.floor((now - Date.parse(i.submittedAt)) / 3_600_000) : 0,
    };
  });
  items.sort(
    (a, b) => Number(b.urgent) - Number(a.urgent) || (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''),
  );
  await audit(
    haven.db,
    actor,
    'incident.inbox-viewed',
    { type: 'school', id: schoolId, schoolId },
    { count: items.length },
  );
  return { incidents: items };
}

interface EntryBody {
  [key: string]: unknown;
}

async function appendEntry(
  haven: Haven,
  trx: Db,
  actor: Actor,
  i: IncidentRecord,
  e: {
    kind: string;
    stepId?: string | null;
    personId?: string | null;
    corrects?: string | null;
    body: EntryBody;
  },
): Promise<IncidentEntryRecord> {
  return appendIncidentEntry(trx, {
    incidentId: i.id,
    schoolId: i.schoolId,
    at: haven.now().toISOString(),
    actorAccountId: actor.accountId,
    actorLabel: actor.label,
    kind: e.kind,
    stepId: e.stepId ?? null,
    personId: e.personId ?? null,
    corrects: e.corrects ?? null,
    sealedBody: seal(haven, e.body),
  });
}

function entryView(haven: Haven, e: IncidentEntryRecord) {
  return {
    id: e.id,
    seq: e.seq,
    at: e.at,
    by: e.actorLabel,
    kind: e.kind,
    stepId: e.stepId,
    personId: e.personId,
    corrects: e.corrects,
    body: unseal<EntryBody>(haven, e.sealedBody),
  };
}

function stepsView(i: IncidentRecord, entries: IncidentEntryRecord[]) {
  const done = new Map<string, IncidentEntryRecord>();
  for (const e of entries) if (e.kind === 'step' && e.stepId && !done.has(e.stepId)) done.set(e.stepId, e);
  const path = i.path ?? 'inappropriate';
  return incidents.stepsFor(path).map((s) => ({
    id: s.id,
    label: s.label,
    required: s.required,
    covers: s.covers,
    done: done.has(s.id) ? { at: done.get(s.id)!.at, by: done.get(s.id)!.actorLabel } : null,
  }));
}

/** One incident, with its chronology, steps and what the policy says; the view is audit-logged. */
export async function viewIncident(haven: Haven, actor: Actor, schoolId: string, id: string) {
  const i = await visibleIncident(haven, actor, schoolId, id);
  const entries = await listIncidentEntries(haven.db, i.id);
  const current = await currentPolicy(haven, schoolId);
  await audit(haven.db, actor, 'incident.viewed', { type: 'incident', id: i.id, schoolId });
  return {
    id: i.id,
    number: i.number,
    status: i.status,
    channel: i.channel,
    path: i.path,
    restriction: i.restriction,
    safeguarding: i.safeguarding,
    urgent: i.urgent,
    reporter: i.reporterLabel,
    submittedAt: i.submittedAt,
    closedAt: i.closedAt,
    report: unseal<Report>(haven, i.sealedReport),
    chronology: entries.map((e) => entryView(haven, e)),
    evidence: await listIncidentEvidence(haven, i),
    imageryForbidden: unseal<Report>(haven, i.sealedReport).nudes || i.path === 'illegal',
    steps: stepsView(i, entries),
    sanctionsMatrices: {
      pupil: current?.document.matrices.pupilSanctions
        ? {
            title: current.document.matrices.pupilSanctions.title,
            rows: current.document.matrices.pupilSanctions.rows.map((r) => ({ id: r.id, label: r.label })),
          }
        : null,
      staff: current?.document.matrices.staffSanctions
        ? {
            title: current.document.matrices.staffSanctions.title,
            rows: current.document.matrices.staffSanctions.rows.map((r) => ({ id: r.id, label: r.label })),
          }
        : null,
      stated: (current?.document.sanctionsStated ?? []).map((s) => ({ audience: s.audience, text: s.text })),
    },
  };
}

const text = (max = 10_000) => z.string().trim().min(1).max(max);

/** What can be added to a chronology: each kind with the fields it needs. Nothing is ever edited. */
export const chronologyEntry = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('note'), text: text() }),
  z.strictObject({
    kind: z.literal('step'),
    stepId: z.string().min(1).max(64),
    text: text().optional(),
    people: z.array(text(200)).max(10).optional(),
  }),
  z.strictObject({
    kind: z.literal('referral'),
    agency: z.enum(['police', 'social-care', 'lado', 'iwf', 'ceop', 'local-authority', 'other']),
    at: z.iso.datetime({ offset: true }),
    reference: z.string().trim().max(200).optional(),
    outcome: z.string().trim().max(5000).optional(),
  }),
  z.strictObject({
    kind: z.literal('parents-informed'),
    who: text(200),
    at: z.iso.datetime({ offset: true }),
    how: text(500),
  }),
  z.strictObject({ kind: z.literal('path'), path: z.enum(['illegal', 'inappropriate']), reason: text() }),
  z.strictObject({ kind: z.literal('correction'), corrects: z.string().min(1).max(64), text: text() }),
  z.strictObject({ kind: z.literal('link'), incidentNumber: z.number().int().min(1), why: text(1000) }),
]);
export type ChronologyEntryInput = z.infer<typeof chronologyEntry>;

export async function addChronologyEntry(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  id: string,
  input: ChronologyEntryInput,
) {
  const i = await visibleIncident(haven, actor, schoolId, id);
  if (i.status === 'closed' && input.kind !== 'correction' && input.kind !== 'note')
    throw errors.conflict('This incident is closed: only notes and corrections can be added.');
  const path = i.path ?? 'inappropriate';
  if (input.kind === 'step') {
    if (!incidents.stepsFor(path).some((s) => s.id === input.stepId))
      throw errors.validation([{ path: 'stepId', reason: `is not a step of the ${path} path` }]);
    if (input.stepId === 'investigation-team' && (input.people?.length ?? 0) < 2)
      throw errors.validation([
        { path: 'people', reason: 'name at least two senior members of staff (R000-120)' },
      ]);
    if (input.stepId === 'designated-computer' && !input.text)
      throw errors.validation([{ path: 'text', reason: 'name the designated computer' }]);
  }
  if (
    input.kind === 'link' &&
    (input.incidentNumber === i.number ||
      !(await getIncidentByNumber(haven.db, schoolId, input.incidentNumber)))
  )
    throw errors.validation([{ path: 'incidentNumber', reason: 'is not another incident of this school' }]);
  const entries = await listIncidentEntries(haven.db, i.id);
  if (input.kind === 'correction' && !entries.some((e) => e.id === input.corrects))
    throw errors.validation([{ path: 'corrects', reason: 'is not an entry of this incident' }]);
  return inTransaction(haven.db, async (trx) => {
    const { kind, ...body } = input;
    const e = await appendEntry(haven, trx, actor, i, {
      kind,
      stepId: input.kind === 'step' ? input.stepId : null,
      corrects: input.kind === 'correction' ? input.corrects : null,
      body,
    });
    if (input.kind === 'path') await setIncidentState(trx, i.id, { path: input.path, at: e.at });
    await audit(
      trx,
      actor,
      'incident.entry-added',
      { type: 'incident', id: i.id, schoolId },
      { kind, seq: e.seq },
    );
    return entryView(haven, e);
  });
}

/** What the school's matrix recommends for a person and a row, counting their earlier sanctions. */
export async function recommendForIncident(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  id: string,
  q: { audience: 'pupil' | 'staff'; row: string; personId?: string | undefined },
) {
  const i = await visibleIncident(haven, actor, schoolId, id);
  const current = await currentPolicy(haven, schoolId);
  if (!current) throw errors.noApprovedPolicy();
  const found = incidents.sanctionsMatrixFor(current.document, q.audience);
  if (!found) throw errors.conflict(`The school's policy has no ${q.audience} sanctions matrix.`);
  const lookup = incidents.findSanctionsRow(found.matrix, q.row);
  if (!lookup.ok)
    throw errors.validation([
      {
        path: 'row',
        reason:
          lookup.reason === 'ambiguous'
            ? `fits more than one row: ${lookup.candidates.join(' | ')}`
            : 'is not a row of the matrix',
      },
    ]);
  const prior = q.personId ? await countPriorSanctions(haven.db, schoolId, q.personId, i.id) : 0;
  return { ...incidents.recommendSanctions(found.key, found.matrix, lookup.row, prior), prior };
}

export const sanctionRecord = z.strictObject({
  audience: z.enum(['pupil', 'staff']),
  row: z.string().trim().min(1).max(500),
  personId: z.string().max(64).optional(),
  personName: text(200),
  /** What was actually done: column labels of the matrix, and anything else in words. */
  taken: z.array(z.string().trim().min(1).max(300)).max(20),
  /** Required when what was done differs from what the matrix recommends. */
  reason: z.string().trim().max(5000).optional(),
});

/** Records what was done to a person, beside what the matrix recommended; a difference needs a reason. */
export async function recordSanction(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  id: string,
  input: z.infer<typeof sanctionRecord>,
) {
  const rec = await recommendForIncident(haven, actor, schoolId, id, input);
  const same = input.taken.length === rec.actions.length && rec.actions.every((a) => input.taken.includes(a));
  if (!same && !input.reason)
    throw errors.validation([
      { path: 'reason', reason: 'what was done differs from what the matrix recommends: say why' },
    ]);
  const i = await visibleIncident(haven, actor, schoolId, id);
  return inTransaction(haven.db, async (trx) => {
    const e = await appendEntry(haven, trx, actor, i, {
      kind: 'sanction',
      personId: input.personId ?? null,
      body: {
        personName: input.personName,
        audience: input.audience,
        row: rec.row,
        rowId: rec.rowId,
        matrix: rec.matrix.title,
        recommended: rec.actions,
        escalated: rec.escalated,
        prior: rec.prior,
        taken: input.taken,
        differs: !same,
        reason: input.reason ?? null,
      },
    });
    await audit(
      trx,
      actor,
      'incident.sanction-recorded',
      { type: 'incident', id: i.id, schoolId },
      { row: rec.rowId, differs: !same },
    );
    return entryView(haven, e);
  });
}

/** The nudes protocol's initial review meeting: validated against the five criteria. */
export async function recordNudesReview(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  id: string,
  raw: unknown,
) {
  const i = await visibleIncident(haven, actor, schoolId, id);
  if (!actor.grants.includes('dsl') && !actor.grants.includes('headteacher'))
    throw errors.forbiddenBecause('The initial review meeting is led by the designated safeguarding lead.');
  const parsed = incidents.nudesReview.safeParse(raw);
  if (!parsed.success)
    throw errors.validation(parsed.error.issues.map((x) => ({ path: x.path.join('.'), reason: x.message })));
  const assessment = incidents.assessNudes(parsed.data.criteria);
  return inTransaction(haven.db, async (trx) => {
    const e = await appendEntry(haven, trx, actor, i, {
      kind: 'nudes-review',
      body: { ...parsed.data, assessment },
    });
    await audit(
      trx,
      actor,
      'incident.nudes-review',
      { type: 'incident', id: i.id, schoolId },
      {
        decision: parsed.data.decision,
        referImmediately: assessment.referImmediately,
      },
    );
    return entryView(haven, e);
  });
}

/** Closes an incident once its required steps are recorded, with the review of what prevents it recurring. */
export async function closeIncident(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  id: string,
  input: { review: string },
) {
  const i = await visibleIncident(haven, actor, schoolId, id);
  if (i.status === 'closed') throw errors.conflict('This incident is already closed.');
  const entries = await listIncidentEntries(haven.db, i.id);
  const done = new Set(entries.filter((e) => e.kind === 'step' && e.stepId).map((e) => e.stepId!));
  done.add('review'); // the review is given with the closure itself
  const missing = incidents.missingSteps(i.path ?? 'inappropriate', done);
  if (missing.length > 0)
    throw errors.validation(
      missing.map((s) => ({ path: `steps.${s.id}`, reason: `not recorded yet: ${s.label}` })),
      'Some required steps are not recorded yet.',
    );
  return inTransaction(haven.db, async (trx) => {
    const e = await appendEntry(haven, trx, actor, i, {
      kind: 'step',
      stepId: 'review',
      body: { text: input.review },
    });
    await appendEntry(haven, trx, actor, i, { kind: 'closed', body: {} });
    await setIncidentState(trx, i.id, { status: 'closed', closedAt: e.at, at: e.at });
    await audit(trx, actor, 'incident.closed', { type: 'incident', id: i.id, schoolId });
    return { id: i.id, status: 'closed' as const, closedAt: e.at };
  });
}

/** For governors: counts only, by month, type, path and status. No names, no narrative, no numbers of incidents. */
export async function incidentSummary(haven: Haven, actor: Actor, schoolId: string) {
  await authorise(haven, actor, schoolId, 'incidents', 'summary');
  const list = await listSchoolIncidents(haven.db, schoolId, { limit: 500 });
  const count = (key: (i: IncidentRecord) => string[]) => {
    const out: Record<string, number> = {};
    for (const i of list) for (const k of key(i)) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  return {
    total: list.length,
    byStatus: count((i) => [i.status]),
    byPath: count((i) => [i.path ?? 'undecided']),
    byMonth: count((i) => [(i.submittedAt ?? '').slice(0, 7)]),
    byType: count((i) => {
      // Restricted incidents are counted, never described.
      if (i.restriction !== 'none') return ['restricted'];
      const t = unseal<Report>(haven, i.sealedReport).types;
      return t.length > 0 ? t : ['not given'];
    }),
    restricted: list.filter((i) => i.restriction !== 'none').length,
  };
}

/* ------------------------------------------------------------ evidence */

export const evidenceInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('file'),
    filename: z.string().trim().min(1).max(255),
    mediaType: z.string().trim().min(1).max(100),
    /** The file's bytes, base64. */
    content: z
      .string()
      .min(1)
      .max(Math.ceil((incidents.EVIDENCE_MAX_BYTES * 4) / 3) + 16),
    description: z.string().trim().min(1).max(5000),
  }),
  z.strictObject({
    kind: z.literal('url'),
    url: z.string().trim().min(1).max(4096),
    description: z.string().trim().min(1).max(5000),
  }),
  /** That something existed and who was told, without keeping it (the nudes path; suspected abuse imagery). */
  z.strictObject({
    kind: z.literal('record'),
    description: z.string().trim().min(1).max(5000),
    whereItIs: z.string().trim().min(1).max(1000),
    whoWasTold: z.string().trim().min(1).max(1000),
  }),
]);

/** One line of an evidence item's chain of custody: who did what to it, when. */
function custody(
  trx: Db,
  actor: Actor,
  i: IncidentRecord,
  evidenceId: string,
  action: CustodyRecord['action'],
  at: string,
) {
  return recordCustody(trx, {
    evidenceId,
    incidentId: i.id,
    schoolId: i.schoolId,
    at,
    actorLabel: actor.label,
    actorAccountId: actor.accountId,
    action,
  });
}

function evidenceView(haven: Haven, e: EvidenceRecord, custody: CustodyRecord[]) {
  return {
    id: e.id,
    kind: e.kind,
    addedAt: e.addedAt,
    addedBy: e.addedBy,
    filename: e.filename,
    mediaType: e.mediaType,
    size: e.size,
    sha256: e.sha256,
    details: unseal<Record<string, string>>(haven, e.sealedDetails),
    custody: custody
      .filter((c) => c.evidenceId === e.id)
      .map((c) => ({ at: c.at, by: c.actorLabel, action: c.action })),
  };
}

export async function listIncidentEvidence(haven: Haven, i: IncidentRecord) {
  const [evidence, custody] = await Promise.all([listEvidence(haven.db, i.id), listCustody(haven.db, i.id)]);
  return evidence.map((e) => evidenceView(haven, e, custody));
}

/**
 * Adds evidence: a file (checked by its bytes, hashed, sealed), a link with its description, or a
 * record that something existed and who was told. Images are refused on the nudes protocol and
 * on the illegal path. Nothing added can be changed afterwards; adding it starts its custody log.
 */
export async function addIncidentEvidence(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  id: string,
  input: z.infer<typeof evidenceInput>,
) {
  const i = await visibleIncident(haven, actor, schoolId, id);
  if (i.status === 'closed') throw errors.conflict('This incident is closed.');
  const report = unseal<Report>(haven, i.sealedReport);
  const at = haven.now().toISOString();
  let file: { filename: string; mediaType: string; size: number; sha256: string; sealed: string } | null =
    null;
  let details: Record<string, string>;
  if (input.kind === 'file') {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(input.content))
      throw errors.validation([{ path: 'content', reason: 'must be the file in base64' }]);
    const bytes = Buffer.from(input.content, 'base64');
    const check = incidents.checkEvidenceFile(
      { filename: input.filename, mediaType: input.mediaType, bytes },
      { imageryForbidden: report.nudes || i.path === 'illegal' },
    );
    if (!check.ok) {
      await audit(
        haven.db,
        actor,
        'incident.evidence-refused',
        { type: 'incident', id: i.id, schoolId },
        { reason: check.reason },
      );
      throw errors.evidenceRefused(check.reason, check.message);
    }
    file = {
      filename: input.filename,
      mediaType: input.mediaType.toLowerCase(),
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      sealed: haven.box.seal(input.content),
    };
    details = { description: input.description };
  } else if (input.kind === 'url') {
    details = { url: input.url, description: input.description };
  } else {
    details = { description: input.description, whereItIs: input.whereItIs, whoWasTold: input.whoWasTold };
  }
  return inTransaction(haven.db, async (trx) => {
    const e = await addEvidence(trx, {
      incidentId: i.id,
      schoolId,
      addedAt: at,
      addedBy: actor.label,
      addedByAccountId: actor.accountId,
      kind: input.kind,
      filename: file?.filename ?? null,
      mediaType: file?.mediaType ?? null,
      size: file?.size ?? null,
      sha256: file?.sha256 ?? null,
      sealedDetails: seal(haven, details),
      sealedContent: file?.sealed ?? null,
    });
    await custody(trx, actor, i, e.id, 'added', at);
    await audit(
      trx,
      actor,
      'incident.evidence-added',
      { type: 'incident', id: i.id, schoolId },
      {
        evidence: e.id,
        kind: e.kind,
        sha256: e.sha256,
      },
    );
    return evidenceView(haven, e, [
      { id: '', evidenceId: e.id, at, actorLabel: actor.label, action: 'added' },
    ]);
  });
}

/** A file's bytes, for someone who may see the incident; the look goes in its custody log and the audit log. */
export async function openIncidentEvidence(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  id: string,
  evidenceId: string,
) {
  const i = await visibleIncident(haven, actor, schoolId, id);
  const e = await getEvidence(haven.db, i.id, evidenceId);
  if (e?.kind !== 'file' || !e.sealedContent) throw errors.notFound('That evidence file');
  const bytes = Buffer.from(haven.box.open(e.sealedContent), 'base64');
  // Checked again on the way out: what is served is what was hashed when it was added.
  if (createHash('sha256').update(bytes).digest('hex') !== e.sha256)
    throw new Error(`evidence ${e.id} no longer matches its SHA-256`);
  const at = haven.now().toISOString();
  await inTransaction(haven.db, async (trx) => {
    await custody(trx, actor, i, e.id, 'viewed', at);
    await audit(
      trx,
      actor,
      'incident.evidence-viewed',
      { type: 'incident', id: i.id, schoolId },
      { evidence: e.id },
    );
  });
  return { filename: e.filename ?? 'evidence', mediaType: e.mediaType ?? 'application/octet-stream', bytes };
}

/* ------------------------------------------------------------ exports */

const HIDDEN_ENTRY_KEYS = new Set(['rowId', 'stepId', 'ladoStep', 'assessment']);

function entryText(body: EntryBody): string {
  return Object.entries(body)
    .filter(([k, v]) => !HIDDEN_ENTRY_KEYS.has(k) && v !== null && v !== undefined && v !== '' && v !== false)
    .map(
      ([k, v]) =>
        `${k}: ${Array.isArray(v) ? v.join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`,
    )
    .join(' | ');
}

function reportRows(r: Report): [string, string][] {
  const list = (ids: readonly string[], options: readonly { id: string; label: string }[]) =>
    ids.map((x) => incidents.optionLabel(options, x)).join('; ');
  return [
    ['Description of the incident', r.description ?? ''],
    ['Date of incident', r.occurredOn ?? ''],
    ['Where did the incident take place?', r.place ?? ''],
    [
      'Name(s) of those involved',
      r.involved
        .map((p) => `${p.name} (${p.role}${p.age !== null ? `, ${p.age}` : ''}, ${p.involvement})`)
        .join('; '),
    ],
    [
      'Was the incident?',
      r.relationship ? incidents.optionLabel(incidents.RELATIONSHIPS, r.relationship) : '',
    ],
    [
      'Type of incident',
      list(r.types, incidents.INCIDENT_TYPES) + (r.typeDetails ? ` (${r.typeDetails})` : ''),
    ],
    ['How was the content accessed?', list(r.accessRoutes, incidents.ACCESS_ROUTES)],
    ['Action taken in relation to those involved', r.actionPeople ?? ''],
    ['Action taken regarding the site/content', r.actionContent ?? ''],
    [
      'Follow-up action',
      list(r.followUps, incidents.FOLLOW_UPS) + (r.followUpDetails ? ` (${r.followUpDetails})` : ''),
    ],
    ['Happened outside school', r.outOfSchool ? 'yes' : 'no'],
  ];
}

/**
 * The evidential PDF for the police or children's social care. Exporting is itself recorded: an
 * `exported` entry in each evidence item's custody log (before the PDF is made, so it shows), and
 * the audit log.
 */
export async function exportIncidentPdf(haven: Haven, actor: Actor, schoolId: string, id: string) {
  const i = await visibleIncident(haven, actor, schoolId, id);
  const at = haven.now().toISOString();
  const evidence = await listEvidence(haven.db, i.id);
  await inTransaction(haven.db, async (trx) => {
    for (const e of evidence) await custody(trx, actor, i, e.id, 'exported', at);
    await audit(
      trx,
      actor,
      'incident.exported',
      { type: 'incident', id: i.id, schoolId },
      { format: 'pdf', evidence: evidence.length },
    );
  });
  const [entries, school, evidenceViews] = await Promise.all([
    listIncidentEntries(haven.db, i.id),
    getSchoolById(haven.db, schoolId),
    listIncidentEvidence(haven, i),
  ]);
  const pdf = await renderEvidentialPdf({
    school: school?.name ?? '',
    number: i.number ?? 0,
    exportedAt: at,
    exportedBy: actor.label,
    status: i.status,
    path: i.path,
    submittedAt: i.submittedAt ?? '',
    reporter: i.reporterLabel,
    report: reportRows(unseal<Report>(haven, i.sealedReport)),
    steps: stepsView(i, entries),
    chronology: entries.map((e) => ({
      seq: e.seq,
      at: e.at,
      by: e.actorLabel,
      kind: e.kind,
      text: entryText(unseal<EntryBody>(haven, e.sealedBody)),
    })),
    evidence: evidenceViews.map((e) => ({
      kind: e.kind,
      filename: e.filename,
      size: e.size,
      sha256: e.sha256,
      addedAt: e.addedAt,
      addedBy: e.addedBy,
      details: Object.entries(e.details)
        .map(([k, v]) => `${k}: ${v}`)
        .join(' | '),
      custody: e.custody,
    })),
  });
  return { filename: `incident-${i.number}.pdf`, pdf };
}

/**
 * The incident log as CSV for the online safety lead to analyse (by type, date, group, status):
 * one row per incident the reader may see, with no names and no narrative. Restricted incidents
 * are counted without their types.
 */
export async function exportIncidentCsv(haven: Haven, actor: Actor, schoolId: string) {
  if (actor.schoolId !== schoolId || !access.can(actor.grants, 'incidents', 'triage'))
    throw errors.forbidden();
  const personId = await personOf(haven, actor);
  const list = (await listSchoolIncidents(haven.db, schoolId, { limit: 500 })).filter((i) =>
    maySee(actor, personId, i),
  );
  const header = [
    'number',
    'submitted_at',
    'occurred_on',
    'status',
    'path',
    'channel',
    'types',
    'relationship',
    'access_routes',
    'urgent',
    'restricted',
    'closed_at',
  ];
  const rows = list
    .sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
    .map((i) => {
      const r = unseal<Report>(haven, i.sealedReport);
      const restricted = i.restriction !== 'none';
      return [
        i.number,
        i.submittedAt,
        i.occurredOn,
        i.status,
        i.path,
        i.channel,
        restricted ? '' : r.types.join(' '),
        restricted ? '' : (r.relationship ?? ''),
        restricted ? '' : r.accessRoutes.join(' '),
        i.urgent,
        restricted,
        i.closedAt,
      ];
    });
  await audit(
    haven.db,
    actor,
    'incident.exported',
    { type: 'school', id: schoolId, schoolId },
    { format: 'csv', rows: rows.length },
  );
  const lines = [header, ...rows].map((row) =>
    row.map((c) => csvCell(c as string | number | boolean | null)).join(','),
  );
  return `${lines.join('\r\n')}\r\n`;
}
