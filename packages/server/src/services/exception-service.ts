import { access, filter } from '@haven/core';
import type { Db, ExceptionStatus } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import { appendChangeLog } from '../repositories/filter-change-log.ts';
import {
  createFilterException,
  decideFilterException,
  type FilterException,
  getFilterException,
  listEndedExceptions,
  listFilterExceptions,
  recordFilterExceptionUse,
} from '../repositories/filter-exceptions.ts';
import { type Actor, SYSTEM_ACTOR } from './actor.ts';
import { audit } from './audit.ts';
import {
  actorName,
  actorRef,
  describeScope,
  describeTarget,
  type FilterContext,
  filterContext,
  formatInstant,
  toStoredInstant,
} from './filter-common.ts';
import { authorise } from './school-service.ts';

/**
 * Time-limited exceptions: a member of staff asks (a host or a category, for a group, a user or
 * a class, between two times, with a reason); someone else holding an approving post approves or
 * declines; the asker or an approver may withdraw; the end passing expires it. Every step goes in
 * the change-control log and the audit log with the change itself.
 *
 * Illegal content is never an exception: the illegal categories, a category the policy marks
 * illegal for the group, and a host on the illegal-content lists are refused outright.
 */

const DAY_MS = 86_400_000;
/** The furthest ahead an exception may start. */
const MAX_LEAD_DAYS = 366;

/** A host as typed (even pasted as a URL) to the name the filter compares (core's normalisation). */
export function normaliseExceptionHost(raw: string): string | null {
  const r = filter.parseTarget(raw);
  return r.ok ? r.host : null;
}

export interface ExceptionRequestInput {
  target: { kind: 'host'; host: string } | { kind: 'category'; category: filter.CategoryId };
  scope: filter.ExceptionScope;
  startsAt: string;
  endsAt: string;
  reason: string;
}

export function exceptionView(e: FilterException) {
  return {
    id: e.id,
    target: e.target,
    scope: e.scope,
    reason: e.reason,
    requestedBy: e.requestedByName,
    requestedByAccountId: e.requestedBy,
    requestedAt: e.requestedAt,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    status: e.status,
    decidedBy: e.decidedByName,
    decidedAt: e.decidedAt,
    decisionNote: e.decisionNote,
    firstUsedAt: e.firstUsedAt,
    useCount: e.useCount,
  };
}

export async function listExceptions(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  query: { status?: ExceptionStatus; before?: string; limit?: number },
) {
  await authorise(haven, actor, schoolId, 'filterExceptions', 'read');
  const items = await listFilterExceptions(haven.db, schoolId, query);
  return { exceptions: items.map(exceptionView) };
}

/**
 * Whether an exception would reach illegal content: an illegal category, a category the policy
 * marks illegal for any group it covers, or a host on (or categorised by) the illegal lists.
 */
function reachesIllegal(
  haven: Haven,
  ctx: FilterContext,
  target: filter.ExceptionTarget,
  scope: filter.ExceptionScope,
) {
  const groups = filter
    .compileGroups(ctx.document, ctx.settings)
    .filter((g) => scope.kind !== 'group' || g.id === scope.group);
  const illegalCategory = (c: filter.CategoryId) =>
    filter.ILLEGAL_CATEGORIES.includes(c) || groups.some((g) => g.rules[c]?.effect === 'illegal');
  if (target.kind === 'category') return illegalCategory(target.category);
  const lists = haven.lists.current();
  if (lists.illegal(target.host, null)) return true;
  return lists.categorise(target.host, null)?.categories.some(illegalCategory) ?? false;
}

export async function requestException(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  input: ExceptionRequestInput,
) {
  await authorise(haven, actor, schoolId, 'filterExceptions', 'request');
  const ctx = await filterContext(haven, schoolId, { require: true });
  const now = haven.now();

  let target: filter.ExceptionTarget;
  if (input.target.kind === 'host') {
    const host = normaliseExceptionHost(input.target.host);
    if (!host)
      throw errors.validation([{ path: 'target.host', reason: 'must be a host name like example.org' }]);
    target = { kind: 'host', host };
  } else {
    target = { kind: 'category', category: input.target.category };
  }
  const reason = input.reason.trim();
  if (!reason)
    throw errors.validation([{ path: 'reason', reason: 'is required: say what the exception is for' }]);
  const scope = input.scope;
  if (scope.kind === 'group' && !ctx.settings.groups.some((g) => g.id === scope.group)) {
    throw errors.validation([{ path: 'scope.group', reason: `there is no filter group "${scope.group}"` }]);
  }
  const startsAt = toStoredInstant(input.startsAt);
  const endsAt = toStoredInstant(input.endsAt);
  const problems = [];
  if (endsAt <= startsAt) problems.push({ path: 'endsAt', reason: 'must be after the start' });
  else if (Date.parse(endsAt) - Date.parse(startsAt) > ctx.settings.exceptionMaxDays * DAY_MS) {
    problems.push({
      path: 'endsAt',
      reason: `is more than ${ctx.settings.exceptionMaxDays} days after the start, the longest the school allows an exception to run`,
    });
  }
  if (endsAt <= now.toISOString()) problems.push({ path: 'endsAt', reason: 'has already passed' });
  if (Date.parse(startsAt) > now.getTime() + MAX_LEAD_DAYS * DAY_MS) {
    problems.push({ path: 'startsAt', reason: `is more than ${MAX_LEAD_DAYS} days ahead` });
  }
  if (problems.length > 0) throw errors.validation(problems);

  if (reachesIllegal(haven, ctx, target, scope)) {
    // Recorded without the host or category asked for: the audit log must not become a copy of
    // the lists. Repeated refusals show someone probing them.
    await audit(
      haven.db,
      actor,
      'filter.exception-refused',
      { type: 'school', id: schoolId, schoolId },
      {
        reason: 'illegal-not-overridable',
        targetKind: target.kind,
      },
    );
    throw errors.illegalNotOverridable();
  }

  const name = await actorName(haven.db, actor);
  const at = now.toISOString();
  return inTransaction(haven.db, async (trx) => {
    const created = await createFilterException(trx, {
      schoolId,
      target,
      scope,
      reason,
      requestedBy: actorRef(actor),
      requestedByName: name,
      requestedAt: at,
      startsAt,
      endsAt,
    });
    const tz = ctx.school.timeZone;
    await appendChangeLog(trx, {
      schoolId,
      at,
      actor: actorRef(actor),
      actorName: name,
      kind: 'exception-requested',
      subjectId: created.id,
      summary: `${name} asked for ${describeTarget(target)} to be allowed for ${describeScope(scope, ctx.settings)} from ${formatInstant(startsAt, tz)} to ${formatInstant(endsAt, tz)}.`,
      details: exceptionDetails(created),
    });
    await audit(
      trx,
      actor,
      'filter.exception-requested',
      { type: 'filter-exception', id: created.id, schoolId },
      { targetKind: target.kind, scopeKind: scope.kind, startsAt, endsAt },
    );
    return exceptionView(created);
  });
}

/** What the change log keeps about an exception (no class member list: its size is enough). */
function exceptionDetails(e: FilterException) {
  return {
    exceptionId: e.id,
    target: e.target.kind === 'host' ? e.target.host : e.target.category,
    targetKind: e.target.kind,
    scopeKind: e.scope.kind,
    scope: e.scope.kind === 'group' ? e.scope.group : e.scope.kind === 'user' ? e.scope.user : e.scope.name,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    reason: e.reason,
  };
}

export async function decideException(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  id: string,
  input: { decision: 'approve' | 'decline'; note?: string | null | undefined },
) {
  await authorise(haven, actor, schoolId, 'filterExceptions', 'approve');
  const existing = await getFilterException(haven.db, schoolId, id);
  if (!existing) throw errors.notFound('That exception');
  if (existing.status !== 'requested') {
    throw errors.conflict(
      `This exception is ${existing.status}; only a request waiting for a decision can be decided.`,
    );
  }
  const now = haven.now().toISOString();
  const ctx = await filterContext(haven, schoolId, { require: true });
  if (input.decision === 'approve') {
    // Two people: whoever asked cannot approve their own exception.
    if (existing.requestedBy === actorRef(actor)) {
      throw errors.forbiddenBecause('You asked for this exception, so someone else must approve it.');
    }
    if (existing.endsAt <= now) {
      throw errors.conflict('This exception would already have ended. Ask again with new dates.');
    }
    // The lists or the policy may have changed since it was asked for.
    if (reachesIllegal(haven, ctx, existing.target, existing.scope)) throw errors.illegalNotOverridable();
  }
  const name = await actorName(haven.db, actor);
  const note = input.note?.trim() || null;
  return inTransaction(haven.db, async (trx) => {
    const decided = await decideFilterException(trx, schoolId, id, {
      status: input.decision === 'approve' ? 'approved' : 'declined',
      from: ['requested'],
      decidedBy: actorRef(actor),
      decidedByName: name,
      decidedAt: now,
      decisionNote: note,
    });
    if (!decided)
      throw errors.conflict('Someone else decided this exception a moment ago. Reload to see it.');
    const verb = input.decision === 'approve' ? 'approved' : 'declined';
    await appendChangeLog(trx, {
      schoolId,
      at: now,
      actor: actorRef(actor),
      actorName: name,
      kind: input.decision === 'approve' ? 'exception-approved' : 'exception-declined',
      subjectId: id,
      summary: `${name} ${verb} the exception allowing ${describeTarget(decided.target)} for ${describeScope(decided.scope, ctx.settings)}, asked for by ${decided.requestedByName}.`,
      details: { ...exceptionDetails(decided), note },
    });
    await audit(trx, actor, `filter.exception-${verb}`, { type: 'filter-exception', id, schoolId }, {});
    return exceptionView(decided);
  });
}

export async function withdrawException(haven: Haven, actor: Actor, schoolId: string, id: string) {
  await authorise(haven, actor, schoolId, 'filterExceptions', 'request');
  const existing = await getFilterException(haven.db, schoolId, id);
  if (!existing) throw errors.notFound('That exception');
  const approver = access.can(actor.grants, 'filterExceptions', 'approve');
  if (existing.requestedBy !== actorRef(actor) && !approver) {
    throw errors.forbiddenBecause(
      'Only whoever asked for an exception, or someone who approves them, can withdraw it.',
    );
  }
  if (existing.status !== 'requested' && existing.status !== 'approved') {
    throw errors.conflict(`This exception is ${existing.status}; there is nothing to withdraw.`);
  }
  const ctx = await filterContext(haven, schoolId, { require: false });
  const now = haven.now().toISOString();
  const name = await actorName(haven.db, actor);
  return inTransaction(haven.db, async (trx) => {
    const withdrawn = await decideFilterException(trx, schoolId, id, {
      status: 'withdrawn',
      from: ['requested', 'approved'],
      decidedBy: actorRef(actor),
      decidedByName: name,
      decidedAt: now,
    });
    if (!withdrawn) throw errors.conflict('This exception changed a moment ago. Reload to see it.');
    await appendChangeLog(trx, {
      schoolId,
      at: now,
      actor: actorRef(actor),
      actorName: name,
      kind: 'exception-withdrawn',
      subjectId: id,
      summary: `${name} withdrew the exception allowing ${describeTarget(withdrawn.target)} for ${describeScope(withdrawn.scope, ctx.settings)}.`,
      details: { ...exceptionDetails(withdrawn), was: existing.status },
    });
    await audit(
      trx,
      actor,
      'filter.exception-withdrawn',
      { type: 'filter-exception', id, schoolId },
      {
        was: existing.status,
      },
    );
    return exceptionView(withdrawn);
  });
}

/**
 * Marks exceptions whose end has passed as expired (approved ones, and requests nobody decided in
 * time), one change-log entry each. Safe to run as often as wanted: an exception expires once.
 * For the start command's periodic job. Returns how many expired.
 */
export async function expireDue(haven: Haven, now: Date = haven.now(), schoolId?: string): Promise<number> {
  const at = now.toISOString();
  let expired = 0;
  for (;;) {
    const due = await listEndedExceptions(haven.db, at, ['approved', 'requested'], schoolId);
    let progressed = 0;
    for (const e of due) {
      const ctx = await filterContext(haven, e.schoolId, { require: false });
      const done = await inTransaction(haven.db, async (trx) => {
        const changed = await decideFilterException(trx, e.schoolId, e.id, {
          status: 'expired',
          from: [e.status],
        });
        if (!changed) return false;
        await appendChangeLog(trx, {
          schoolId: e.schoolId,
          at,
          actor: 'system',
          actorName: 'Haven',
          kind: 'exception-expired',
          subjectId: e.id,
          summary:
            e.status === 'approved'
              ? `The exception allowing ${describeTarget(e.target)} for ${describeScope(e.scope, ctx.settings)} ended.`
              : `The request to allow ${describeTarget(e.target)} for ${describeScope(e.scope, ctx.settings)} lapsed: nobody decided it before its end.`,
          details: { ...exceptionDetails(e), was: e.status, uses: e.useCount },
        });
        await audit(
          trx,
          { ...SYSTEM_ACTOR, schoolId: e.schoolId },
          'filter.exception-expired',
          { type: 'filter-exception', id: e.id, schoolId: e.schoolId },
          { was: e.status },
        );
        return true;
      });
      if (done) {
        expired++;
        progressed++;
      }
    }
    if (due.length < 1000 || progressed === 0) return expired;
  }
}

/**
 * Counts uses of an exception reported in a gateway's decision events; the first use goes in the
 * change log. Runs inside the intake's transaction (`trx`), so `settings` are read beforehand.
 * Uses of another school's exception, or of one that does not exist, are ignored.
 */
export async function recordExceptionUse(
  trx: Db,
  input: {
    schoolId: string;
    exceptionId: string;
    uses: number;
    firstAt: string;
    settings: filter.FilterSettings;
    by: { actor: string; actorName: string };
  },
): Promise<void> {
  const outcome = await recordFilterExceptionUse(
    trx,
    input.schoolId,
    input.exceptionId,
    input.uses,
    input.firstAt,
  );
  if (!outcome?.first) return;
  const exception = await getFilterException(trx, input.schoolId, input.exceptionId);
  if (!exception) return;
  await appendChangeLog(trx, {
    schoolId: input.schoolId,
    at: input.firstAt,
    actor: input.by.actor,
    actorName: input.by.actorName,
    kind: 'exception-used',
    subjectId: exception.id,
    summary: `The exception allowing ${describeTarget(exception.target)} for ${describeScope(exception.scope, input.settings)} was used for the first time.`,
    details: { exceptionId: exception.id },
  });
}
