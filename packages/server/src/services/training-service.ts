import { createHash } from 'node:crypto';
import { filter, incidents, training } from '@haven/core';
import { z } from 'zod';
import { inTransaction } from '../db/transaction.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import { getAccountById, listAccountsBySchool } from '../repositories/accounts.ts';
import { getPerson } from '../repositories/people.ts';
import { listRoleAssignmentsBySchool } from '../repositories/role-assignments.ts';
import { listSchools, type School } from '../repositories/schools.ts';
import {
  addNeedsAudit,
  addTrainingRecord,
  claimTrainingReminder,
  getTrainingRecord,
  latestNeedsAudits,
  listTrainees,
  listTrainingRecords,
  remindersOfWeek,
  reviewNeedsAudit,
  type TrainingRecord,
} from '../repositories/training.ts';
import type { Actor } from './actor.ts';
import { audit } from './audit.ts';
import { notify } from './notification-service.ts';
import { authorise, currentPolicy } from './school-service.ts';

/**
 * Training: the school's course catalogue (core's, for its template), who has completed what and
 * when with what evidence, where each member of staff and governor stands, the training-needs
 * audit, and a weekly reminder to each person with training due within 30 days or overdue.
 */

const base64 = z.string().max(14 * 1024 * 1024, 'must be at most 10 MB');
export const certificateInput = z.strictObject({
  filename: z.string().trim().min(1).max(200),
  mediaType: z.string().trim().min(1).max(100),
  content: base64,
});

const recordFields = {
  courseId: training.courseId,
  completedOn: z.iso.date(),
  provider: z.string().trim().max(200).optional(),
  note: z.string().trim().max(2000).optional(),
  certificate: certificateInput.optional(),
};
export const ownRecordInput = z.strictObject(recordFields);
export const recordInput = z.strictObject({ ...recordFields, personId: z.string().min(1).max(64) });

/** A school's catalogue, people's posts and today, as training is worked out from them. */
async function context(haven: Haven, school: School) {
  const courses = training.coursesFor(school.templateId);
  const [assignments, current] = await Promise.all([
    listRoleAssignmentsBySchool(haven.db, school.id),
    currentPolicy(haven, school.id),
  ]);
  const roles = new Map((current?.document.roles ?? []).map((r) => [r.id, r]));
  const postsOf = (personId: string) =>
    assignments
      .filter((a) => a.personId === personId)
      .flatMap((a) => (roles.has(a.policyRoleId) ? [roles.get(a.policyRoleId)!] : []));
  const today = filter.localTime(school.timeZone, haven.now()).date;
  const trainee = (p: { id: string; kind: string; created_at: string }): training.TrainingPerson => ({
    kind: p.kind as training.TrainingPersonKind,
    roleKinds: postsOf(p.id).flatMap((r) => r.kinds),
    startedOn: p.created_at.slice(0, 10),
  });
  return { courses, postsOf, today, trainee };
}

const recordView = (r: TrainingRecord) => ({
  id: r.id,
  personId: r.personId,
  courseId: r.courseId,
  completedOn: r.completedOn,
  provider: r.provider,
  note: r.note,
  certificate: r.certificate,
  recordedAt: r.recordedAt,
  recordedBy: r.recordedByLabel,
});

const courseView = (c: training.Course) => ({
  id: c.id,
  title: c.title,
  description: c.description,
  frequency: c.frequency,
  evidence: c.evidence,
  source: c.source,
});

/** The signed-in member of staff's person record, or a clear refusal for a sign-in without one. */
async function ownPerson(haven: Haven, actor: Actor, schoolId: string) {
  const account = actor.accountId ? await getAccountById(haven.db, actor.accountId) : undefined;
  const person = account?.personId ? await getPerson(haven.db, account.personId) : undefined;
  if (!person || person.schoolId !== schoolId)
    throw errors.conflict(
      'Your sign-in is not linked to a member of staff, so it has no training of its own.',
    );
  return person;
}

export async function myTraining(haven: Haven, actor: Actor, schoolId: string) {
  const school = await authorise(haven, actor, schoolId, 'training', 'own');
  const person = await ownPerson(haven, actor, schoolId);
  const ctx = await context(haven, school);
  const records = await listTrainingRecords(haven.db, schoolId, person.id);
  const status = training.trainingStatus(
    ctx.trainee({ id: person.id, kind: person.kind, created_at: person.createdAt }),
    records,
    ctx.courses,
    ctx.today,
  );
  const [latest] = await latestNeedsAudits(haven.db, schoolId, person.id);
  return {
    today: ctx.today,
    person: { id: person.id, displayName: person.displayName },
    courses: ctx.courses.map((c) => ({ ...courseView(c), status: status.find((s) => s.courseId === c.id)! })),
    records: records.map(recordView),
    audit: {
      areas: training.AUDIT_AREAS,
      levels: training.CONFIDENCE_LABELS,
      latest: latest
        ? { id: latest.id, completedAt: latest.completedAt, answers: latest.answers, needs: latest.needs }
        : null,
    },
  };
}

/** Checks and seals a certificate the way incident evidence is: by its bytes, with its SHA-256. */
async function sealedCertificate(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  c: z.infer<typeof certificateInput>,
) {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(c.content))
    throw errors.validation([{ path: 'certificate.content', reason: 'must be the file in base64' }]);
  const bytes = Buffer.from(c.content, 'base64');
  const check = incidents.checkEvidenceFile(
    { filename: c.filename, mediaType: c.mediaType, bytes },
    { imageryForbidden: false },
  );
  if (!check.ok) {
    await audit(
      haven.db,
      actor,
      'training.certificate-refused',
      { type: 'school', id: schoolId, schoolId },
      { reason: check.reason },
    );
    throw errors.evidenceRefused(check.reason, check.message);
  }
  return {
    meta: {
      filename: c.filename,
      mediaType: c.mediaType.toLowerCase(),
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
    sealed: haven.box.seal(c.content),
  };
}

async function addRecord(
  haven: Haven,
  actor: Actor,
  school: School,
  personId: string,
  input: z.infer<typeof ownRecordInput>,
) {
  const ctx = await context(haven, school);
  const problems = [];
  if (!ctx.courses.some((c) => c.id === input.courseId))
    problems.push({
      path: 'courseId',
      reason: `is not one of this school's courses (${ctx.courses.map((c) => c.id).join(', ')})`,
    });
  if (input.completedOn > ctx.today)
    problems.push({ path: 'completedOn', reason: 'must not be in the future' });
  if (input.completedOn < '1990-01-01') problems.push({ path: 'completedOn', reason: 'must be after 1990' });
  if (problems.length) throw errors.validation(problems);
  const cert = input.certificate ? await sealedCertificate(haven, actor, school.id, input.certificate) : null;
  return inTransaction(haven.db, async (trx) => {
    const r = await addTrainingRecord(trx, {
      schoolId: school.id,
      personId,
      courseId: input.courseId,
      completedOn: input.completedOn,
      provider: input.provider || null,
      note: input.note || null,
      certificate: cert?.meta ?? null,
      sealedCertificate: cert?.sealed ?? null,
      recordedAt: haven.now().toISOString(),
      recordedByAccountId: actor.accountId,
      recordedByLabel: actor.label,
    });
    await audit(
      trx,
      actor,
      'training.recorded',
      { type: 'training-record', id: r.id, schoolId: school.id },
      {
        personId,
        courseId: r.courseId,
        completedOn: r.completedOn,
        certificate: r.certificate?.sha256 ?? null,
      },
    );
    return recordView(r);
  });
}

/** A member of staff records their own training: with evidence (a note or a certificate). */
export async function recordMyTraining(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  input: z.infer<typeof ownRecordInput>,
) {
  const school = await authorise(haven, actor, schoolId, 'training', 'own');
  const person = await ownPerson(haven, actor, schoolId);
  if (!input.note && !input.certificate)
    throw errors.validation([
      { path: 'note', reason: 'give a note of the evidence, or attach a certificate' },
    ]);
  return addRecord(haven, actor, school, person.id, input);
}

/** The online safety lead, headteacher or administrator records training for anyone. */
export async function recordTraining(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  input: z.infer<typeof recordInput>,
) {
  const school = await authorise(haven, actor, schoolId, 'training', 'manage');
  const person = await getPerson(haven.db, input.personId);
  if (!person || person.schoolId !== schoolId || (person.kind !== 'staff' && person.kind !== 'governor'))
    throw errors.validation([
      { path: 'personId', reason: 'must be a member of staff or a governor at this school' },
    ]);
  const { personId: _, ...rest } = input;
  return addRecord(haven, actor, school, person.id, rest);
}

/** Where everyone stands, course by course, worked out for today. */
export async function everyone(haven: Haven, school: School) {
  const ctx = await context(haven, school);
  const [people, records] = await Promise.all([
    listTrainees(haven.db, school.id, ctx.today),
    listTrainingRecords(haven.db, school.id),
  ]);
  const rows = people.map((p) => ({
    personId: p.id,
    displayName: p.display_name,
    kind: p.kind,
    posts: ctx.postsOf(p.id).map((r) => ({ id: r.id, title: r.title })),
    status: training.trainingStatus(
      ctx.trainee(p),
      records.filter((r) => r.personId === p.id),
      ctx.courses,
      ctx.today,
    ),
  }));
  const counts = ctx.courses.map((c) => {
    const states = rows.map((r) => r.status.find((s) => s.courseId === c.id)!.state);
    return {
      courseId: c.id,
      title: c.title,
      required: states.filter((s) => s !== 'not-required').length,
      done: states.filter((s) => s === 'done').length,
      dueSoon: states.filter((s) => s === 'due-soon').length,
      overdue: states.filter((s) => s === 'overdue').length,
    };
  });
  return { ctx, rows, counts };
}

/** Everyone's training, for the online safety lead: the due and overdue lists by post (audit-logged). */
export async function trainingOverview(haven: Haven, actor: Actor, schoolId: string) {
  const school = await authorise(haven, actor, schoolId, 'training', 'manage');
  const { ctx, rows, counts } = await everyone(haven, school);
  await audit(
    haven.db,
    actor,
    'training.viewed',
    { type: 'school', id: schoolId, schoolId },
    { people: rows.length },
  );
  return { today: ctx.today, courses: ctx.courses.map(courseView), counts, people: rows };
}

/**
 * Counts for the governors' report: by course and by post, and how far the needs audit has got.
 * No names.
 */
export async function trainingSummary(haven: Haven, actor: Actor, schoolId: string) {
  const school = await authorise(haven, actor, schoolId, 'training', 'summary');
  const { ctx, rows, counts } = await everyone(haven, school);
  const current = await currentPolicy(haven, schoolId);
  const byPost = (current?.document.roles ?? [])
    .map((role) => {
      const holders = rows.filter((r) => r.posts.some((p) => p.id === role.id));
      const states = holders.flatMap((h) => h.status.map((s) => s.state));
      return {
        roleId: role.id,
        title: role.title,
        people: holders.length,
        dueSoon: states.filter((s) => s === 'due-soon').length,
        overdue: states.filter((s) => s === 'overdue').length,
      };
    })
    .filter((r) => r.people > 0);
  const byKind = (['staff', 'governor'] as const).map((kind) => {
    const states = rows.filter((r) => r.kind === kind).flatMap((r) => r.status.map((s) => s.state));
    return {
      kind,
      people: rows.filter((r) => r.kind === kind).length,
      dueSoon: states.filter((s) => s === 'due-soon').length,
      overdue: states.filter((s) => s === 'overdue').length,
    };
  });
  const audits = await latestNeedsAudits(haven.db, schoolId);
  const staff = new Set(rows.filter((r) => r.kind === 'staff').map((r) => r.personId));
  const staffAudits = audits.filter((a) => staff.has(a.personId));
  return {
    today: ctx.today,
    byCourse: counts,
    byPost,
    byKind,
    needsAudit: {
      staff: staff.size,
      completed: staffAudits.length,
      areas: training.auditSummary(staffAudits.map((a) => a.answers as training.AuditAnswers)),
    },
  };
}

export async function submitNeedsAudit(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  input: training.AuditAnswers,
) {
  await authorise(haven, actor, schoolId, 'training', 'own');
  const person = await ownPerson(haven, actor, schoolId);
  const needs = training.auditNeeds(input);
  return inTransaction(haven.db, async (trx) => {
    const a = await addNeedsAudit(trx, {
      schoolId,
      personId: person.id,
      answers: input,
      needs,
      completedAt: haven.now().toISOString(),
    });
    await audit(
      trx,
      actor,
      'training.audit-completed',
      { type: 'training-audit', id: a.id, schoolId },
      { needs: needs.length },
    );
    return { id: a.id, completedAt: a.completedAt, needs };
  });
}

/** Everyone's latest needs audit with the needs it shows, and the areas summed up (audit-logged). */
export async function needsAudits(haven: Haven, actor: Actor, schoolId: string) {
  const school = await authorise(haven, actor, schoolId, 'training', 'manage');
  const ctx = await context(haven, school);
  const [people, audits] = await Promise.all([
    listTrainees(haven.db, schoolId, ctx.today),
    latestNeedsAudits(haven.db, schoolId),
  ]);
  const staff = people.filter((p) => p.kind === 'staff');
  const byPerson = new Map(audits.map((a) => [a.personId, a]));
  await audit(
    haven.db,
    actor,
    'training.audits-viewed',
    { type: 'school', id: schoolId, schoolId },
    { audits: audits.length },
  );
  const answered = staff.flatMap((p) => (byPerson.has(p.id) ? [byPerson.get(p.id)!] : []));
  return {
    areas: training.AUDIT_AREAS,
    summary: training.auditSummary(answered.map((a) => a.answers as training.AuditAnswers)),
    people: staff.map((p) => {
      const a = byPerson.get(p.id);
      return {
        personId: p.id,
        displayName: p.display_name,
        audit: a
          ? {
              id: a.id,
              completedAt: a.completedAt,
              needs: a.needs,
              answers: a.answers,
              reviewedBy: a.reviewedBy,
              reviewedAt: a.reviewedAt,
            }
          : null,
      };
    }),
  };
}

/** The online safety lead marks an audit as looked at (it then shows who reviewed it and when). */
export async function reviewAudit(haven: Haven, actor: Actor, schoolId: string, id: string) {
  await authorise(haven, actor, schoolId, 'training', 'manage');
  return inTransaction(haven.db, async (trx) => {
    const a = await reviewNeedsAudit(trx, schoolId, id, actor.label, haven.now().toISOString());
    if (!a) throw errors.notFound('That audit');
    await audit(trx, actor, 'training.audit-reviewed', { type: 'training-audit', id, schoolId });
    return { id: a.id, reviewedBy: a.reviewedBy, reviewedAt: a.reviewedAt };
  });
}

/** A certificate's bytes, checked against the SHA-256 it was stored with (audit-logged). */
export async function openCertificate(haven: Haven, actor: Actor, schoolId: string, id: string) {
  await authorise(haven, actor, schoolId, 'training', 'manage');
  const r = await getTrainingRecord(haven.db, schoolId, id);
  if (!r?.certificate || !r.sealedCertificate) throw errors.notFound('That certificate');
  const bytes = Buffer.from(haven.box.open(r.sealedCertificate), 'base64');
  if (createHash('sha256').update(bytes).digest('hex') !== r.certificate.sha256)
    throw errors.conflict('The certificate does not match the hash it was stored with.');
  await audit(haven.db, actor, 'training.certificate-viewed', { type: 'training-record', id, schoolId });
  return { ...r.certificate, bytes };
}

/** The web page a reminder links to. */
export const MY_TRAINING_LINK = '/training/mine';

/**
 * One reminder per person, course and ISO week, to each signed-up member of staff or governor with
 * a course due within 30 days or overdue: in the app and by e-mail (the notification job sends it
 * and retries a failed send). The week's row is written with the notification, in one transaction,
 * so a restart, or a second run the same week, sends nothing more.
 */
export async function runTrainingReminders(haven: Haven) {
  let sent = 0;
  for (const school of await listSchools(haven.db)) {
    const { ctx, rows } = await everyone(haven, school);
    const week = training.isoWeek(ctx.today);
    const accounts = (await listAccountsBySchool(haven.db, school.id)).filter(
      (a) => !a.disabledAt && a.personId,
    );
    const already = await remindersOfWeek(haven.db, school.id, week);
    for (const row of rows) {
      const account = accounts.find((a) => a.personId === row.personId);
      if (!account) continue;
      for (const s of row.status) {
        if (s.state !== 'due-soon' && s.state !== 'overdue') continue;
        if (already.has(`${row.personId} ${s.courseId}`)) continue;
        const course = ctx.courses.find((c) => c.id === s.courseId)!;
        const claimed = await inTransaction(haven.db, async (trx) => {
          const n = await notify(trx, {
            schoolId: school.id,
            createdAt: haven.now().toISOString(),
            kind: 'training-reminder',
            audience: [`account:${account.id}`],
            urgent: false,
            title:
              s.state === 'overdue'
                ? `Training overdue: ${course.title}`
                : `Training due by ${s.nextDueOn}: ${course.title}`,
            link: MY_TRAINING_LINK,
            subjectId: course.id,
            email: true,
          });
          const ok = await claimTrainingReminder(trx, {
            schoolId: school.id,
            personId: row.personId,
            courseId: course.id,
            week,
            notificationId: n.id,
            at: n.createdAt,
          });
          // Someone else's run got there first: undo this notification with the transaction.
          if (!ok) throw new AlreadyReminded();
          return true;
        }).catch((e) => {
          if (e instanceof AlreadyReminded) return false;
          throw e;
        });
        if (claimed) sent++;
      }
    }
  }
  return { sent };
}

class AlreadyReminded extends Error {}
