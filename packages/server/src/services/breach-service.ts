import { access, incidents } from '@haven/core';
import { z } from 'zod';
import { BREACH_KINDS } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import { getAccountById, listAccountsBySchool } from '../repositories/accounts.ts';
import {
  type BreachRecord,
  createBreach,
  getBreach,
  listBreaches,
  listRunningBreaches,
  updateBreach,
} from '../repositories/data-breaches.ts';
import { listRoleAssignmentsBySchool } from '../repositories/role-assignments.ts';
import type { Actor } from './actor.ts';
import { audit } from './audit.ts';
import { notify } from './notification-service.ts';
import { authorise, currentPolicy } from './school-service.ts';

/**
 * The data-breach log (seeds 003 and 004; UK GDPR articles 33 and 34): breaches and near misses,
 * lost equipment, viruses and unauthorised use, with the fields the ICO asks for and the 72-hour
 * clock from the moment of awareness. The SIRO and the DPO are told at once and reminded as the
 * deadline nears; the details are sealed at rest.
 */

const text = (max = 5000) => z.string().trim().max(max);

/** What the ICO's breach report asks for, in fields a school fills in as it learns them. */
export const breachDetails = z.strictObject({
  whatHappened: text().min(1, 'say what happened'),
  cause: text().optional(),
  dataInvolved: text().optional(),
  peopleAffected: text().optional(),
  peopleAffectedCount: z.number().int().min(0).max(10_000_000).nullable().optional(),
  effects: text().optional(),
  remedialAction: text().optional(),
  rationale: text().optional(),
  /** Whether it is being reported to the ICO, and why (or why not). */
  icoDecisionReason: text().optional(),
  delays: text().optional(),
  adviceToAffected: text().optional(),
  communications: text().optional(),
  /** For lost or stolen equipment: which, and the asset tag (R001-221). */
  equipment: text(1000).optional(),
});
export type BreachDetails = z.infer<typeof breachDetails>;

export const newBreach = z.strictObject({
  kind: z.enum(BREACH_KINDS),
  awareAt: z.iso.datetime({ offset: true }),
  details: breachDetails,
});

const MANAGING_POSTS = ['siro', 'dpo'] as const;

/** The people holding the SIRO and DPO posts in the current policy. */
async function postHolders(haven: Haven, schoolId: string): Promise<string[]> {
  const current = await currentPolicy(haven, schoolId);
  const roles = new Set(
    (current?.document.roles ?? [])
      .filter((r) => r.kinds.some((k) => (MANAGING_POSTS as readonly string[]).includes(k)))
      .map((r) => r.id),
  );
  const assignments = await listRoleAssignmentsBySchool(haven.db, schoolId);
  return [...new Set(assignments.filter((a) => roles.has(a.policyRoleId)).map((a) => a.personId))];
}

async function mayManage(haven: Haven, actor: Actor, schoolId: string): Promise<boolean> {
  if (actor.schoolId !== schoolId) return false;
  if (access.can(actor.grants, 'breaches', 'manage')) return true;
  if (!actor.accountId) return false;
  const personId = (await getAccountById(haven.db, actor.accountId))?.personId;
  return personId ? (await postHolders(haven, schoolId)).includes(personId) : false;
}

async function requireManage(haven: Haven, actor: Actor, schoolId: string) {
  if (!(await mayManage(haven, actor, schoolId))) throw errors.forbidden();
}

/** Who is told: the SIRO and DPO by name, the headteacher and the administrator by post. */
async function audienceFor(haven: Haven, schoolId: string): Promise<string[]> {
  const holders = new Set(await postHolders(haven, schoolId));
  const accounts = (await listAccountsBySchool(haven.db, schoolId)).filter(
    (a) => a.personId && holders.has(a.personId),
  );
  return [...accounts.map((a) => `account:${a.id}`), 'headteacher', 'school-admin'];
}

function view(haven: Haven, b: BreachRecord) {
  return {
    id: b.id,
    number: b.number,
    kind: b.kind,
    status: b.status,
    awareAt: b.awareAt,
    createdAt: b.createdAt,
    reportedBy: b.reportedBy,
    reportedToIcoAt: b.reportedToIcoAt,
    icoReference: b.icoReference,
    notReportableReason: b.notReportableReason,
    closedAt: b.closedAt,
    clock: incidents.breachClock(b, haven.now()),
    details: JSON.parse(haven.box.open(b.sealedDetails)) as BreachDetails,
  };
}

export async function reportBreach(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  input: z.infer<typeof newBreach>,
) {
  await authorise(haven, actor, schoolId, 'breaches', 'report');
  const now = haven.now();
  if (Date.parse(input.awareAt) > now.getTime() + 5 * 60_000)
    throw errors.validation([{ path: 'awareAt', reason: 'cannot be in the future' }]);
  const audience = await audienceFor(haven, schoolId);
  return inTransaction(haven.db, async (trx) => {
    const b = await createBreach(trx, {
      schoolId,
      kind: input.kind,
      awareAt: new Date(input.awareAt).toISOString(),
      at: now.toISOString(),
      reportedBy: actor.label,
      sealedDetails: haven.box.seal(JSON.stringify(input.details)),
    });
    await notify(trx, {
      schoolId,
      createdAt: b.createdAt,
      kind: 'breach-reported',
      audience,
      urgent: true,
      title: `Data breach ${b.number} was reported: the ICO must be told within 72 hours of awareness if it is reportable`,
      link: `/breaches/${b.id}`,
      subjectId: b.id,
      email: true,
    });
    await audit(
      trx,
      actor,
      'breach.reported',
      { type: 'breach', id: b.id, schoolId },
      { kind: b.kind, number: b.number },
    );
    return view(haven, b);
  });
}

export async function breachLog(haven: Haven, actor: Actor, schoolId: string) {
  await requireManage(haven, actor, schoolId);
  const list = await listBreaches(haven.db, schoolId);
  await audit(
    haven.db,
    actor,
    'breach.log-viewed',
    { type: 'school', id: schoolId, schoolId },
    { count: list.length },
  );
  return { breaches: list.map((b) => view(haven, b)) };
}

async function managed(haven: Haven, actor: Actor, schoolId: string, id: string) {
  await requireManage(haven, actor, schoolId);
  const b = await getBreach(haven.db, schoolId, id);
  if (!b) throw errors.notFound('That breach');
  return b;
}

export async function viewBreach(haven: Haven, actor: Actor, schoolId: string, id: string) {
  const b = await managed(haven, actor, schoolId, id);
  await audit(haven.db, actor, 'breach.viewed', { type: 'breach', id, schoolId });
  return view(haven, b);
}

export async function updateBreachDetails(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  id: string,
  details: BreachDetails,
) {
  const b = await managed(haven, actor, schoolId, id);
  if (b.status === 'closed') throw errors.conflict('This breach is closed.');
  const at = haven.now().toISOString();
  await inTransaction(haven.db, async (trx) => {
    await updateBreach(trx, b.id, { sealedDetails: haven.box.seal(JSON.stringify(details)), at });
    await audit(trx, actor, 'breach.updated', { type: 'breach', id, schoolId });
  });
  return view(haven, (await getBreach(haven.db, schoolId, id))!);
}

export const icoDecision = z.union([
  z.strictObject({
    reportedAt: z.iso.datetime({ offset: true }),
    reference: z.string().trim().min(1).max(200),
  }),
  z.strictObject({ notReportableReason: z.string().trim().min(1).max(5000) }),
]);

/** Stops the clock: reported to the ICO (when, reference), or judged not reportable (why). */
export async function recordIcoDecision(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  id: string,
  input: z.infer<typeof icoDecision>,
) {
  const b = await managed(haven, actor, schoolId, id);
  if (b.reportedToIcoAt || b.notReportableReason)
    throw errors.conflict('The ICO decision is already recorded.');
  const at = haven.now().toISOString();
  await inTransaction(haven.db, async (trx) => {
    await updateBreach(trx, b.id, {
      at,
      ...('reportedAt' in input
        ? { reportedToIcoAt: new Date(input.reportedAt).toISOString(), icoReference: input.reference }
        : { notReportableReason: input.notReportableReason }),
    });
    await audit(
      trx,
      actor,
      'breach.ico-decision',
      { type: 'breach', id, schoolId },
      { reported: 'reportedAt' in input },
    );
  });
  return view(haven, (await getBreach(haven.db, schoolId, id))!);
}

export async function closeBreach(haven: Haven, actor: Actor, schoolId: string, id: string) {
  const b = await managed(haven, actor, schoolId, id);
  if (!b.reportedToIcoAt && !b.notReportableReason)
    throw errors.validation([
      {
        path: 'ico',
        reason: 'record whether it was reported to the ICO (or why it is not reportable) first',
      },
    ]);
  const at = haven.now().toISOString();
  await inTransaction(haven.db, async (trx) => {
    await updateBreach(trx, b.id, { status: 'closed', closedAt: at, at });
    await audit(trx, actor, 'breach.closed', { type: 'breach', id, schoolId });
  });
  return view(haven, (await getBreach(haven.db, schoolId, id))!);
}

/**
 * Reminders while the clock runs (24, 48, 60 and 70 hours after awareness): a notification to
 * the SIRO, the DPO, the headteacher and the administrator, by e-mail too. Run by `haven start`.
 */
export async function sendBreachReminders(haven: Haven): Promise<number> {
  let sent = 0;
  const now = haven.now();
  for (const b of await listRunningBreaches(haven.db)) {
    const due = incidents.dueReminders(b.awareAt, b.remindersSent, now);
    if (due.length === 0) continue;
    const hours = Math.max(...due);
    const clock = incidents.breachClock(b, now);
    const audience = await audienceFor(haven, b.schoolId);
    await inTransaction(haven.db, async (trx) => {
      await notify(trx, {
        schoolId: b.schoolId,
        createdAt: now.toISOString(),
        kind: 'breach-clock',
        audience,
        urgent: true,
        title: `Data breach ${b.number}: ${hours} hours since the school became aware; the ICO deadline is ${clock.deadline.slice(0, 16).replace('T', ' ')} UTC`,
        link: `/breaches/${b.id}`,
        subjectId: b.id,
        email: true,
      });
      await updateBreach(trx, b.id, { remindersSent: [...b.remindersSent, ...due], at: now.toISOString() });
    });
    sent++;
  }
  return sent;
}
