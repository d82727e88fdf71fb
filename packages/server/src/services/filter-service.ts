import { filter } from '@haven/core';
import type { Db, DecisionSource, ReviewStatus } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import { getUnsignedRule } from '../repositories/agreements.ts';
import { type AddressUser, listCurrentAddressUsers } from '../repositories/filter-address-users.ts';
import { appendChangeLog, type ChangeLogDetails, listChangeLog } from '../repositories/filter-change-log.ts';
import { listExceptionsForSnapshot } from '../repositories/filter-exceptions.ts';
import {
  type FilterIllegalHit,
  listFilterIllegalHits,
  markHitIncident,
  recordFilterIllegalHit,
} from '../repositories/filter-illegal-hits.ts';
import {
  type FilterReviewRequest,
  getFilterReviewRequest,
  handleFilterReviewRequest,
  listFilterReviewRequests,
} from '../repositories/filter-reviews.ts';
import { createFilterTestRun, listFilterTestRuns } from '../repositories/filter-test-runs.ts';
import { getCurrentPolicyVersion } from '../repositories/policy-versions.ts';
import { type Actor, CLI_ACTOR } from './actor.ts';
import { unsignedUsers } from './agreement-service.ts';
import { audit } from './audit.ts';
import { actorName, actorRef, filterContext } from './filter-common.ts';
import { openIncidentForIllegalHit } from './incident-service.ts';
import { notify } from './notification-service.ts';
import { authorise } from './school-service.ts';

/**
 * The filter as the server sees it: the snapshot gateways pull, "what happens to this URL", the
 * change-control log, review requests, illegal-list hit records and the annual filter tests.
 * Settings, exceptions, decisions and gateways have services of their own.
 */

const DAY_MS = 86_400_000;

/**
 * Access follows signing: someone signed in at an address who has not signed what their role
 * requires is filed in the school's guests group until they sign (the seeds set up network access
 * only after signing). Worked out afresh for each snapshot, so signing takes effect at the next one.
 */
async function unsignedRule(
  haven: Haven,
  schoolId: string,
  settings: filter.FilterSettings,
  users: AddressUser[],
): Promise<filter.FilterSnapshot['addressUsers']> {
  const guests = settings.groups.find((g) => g.audience === 'guests')?.id;
  if (!guests || users.length === 0) return users;
  const unsigned = await unsignedUsers(
    haven,
    schoolId,
    users.map((u) => u.user),
  );
  if (unsigned.size === 0) return users;
  // "Sign first" needs Haven's own address for the link; without it, the guests' rules.
  const signAt =
    (await getUnsignedRule(haven.db, schoolId)) === 'sign-first' && haven.config.publicUrl
      ? new URL('/agreements', haven.config.publicUrl).toString()
      : null;
  return users.map((u) =>
    unsigned.has(u.user) ? { ...u, group: guests, ...(signAt ? { signAt } : {}) } : u,
  );
}

/**
 * The gateway snapshot for a school at `now`: the approved policy compiled with the school's
 * settings, the approved exceptions in force or starting within a day (so a gateway that loses
 * the server still applies tomorrow morning's), and current address-user associations.
 */
export async function filterSnapshot(haven: Haven, schoolId: string, now: Date = haven.now()) {
  const ctx = await filterContext(haven, schoolId, { require: false });
  const at = now.toISOString();
  const horizon = new Date(now.getTime() + DAY_MS).toISOString();
  const exceptions = await listExceptionsForSnapshot(haven.db, schoolId, at, horizon);
  const addressUsers = await unsignedRule(
    haven,
    schoolId,
    ctx.settings,
    await listCurrentAddressUsers(haven.db, schoolId, at),
  );
  return filter.buildSnapshot({
    school: { id: ctx.school.id, name: ctx.school.name },
    policy: ctx.document,
    policyVersion: ctx.policyVersion?.version ?? null,
    settings: ctx.settings,
    exceptions: exceptions.map((e) => ({
      id: e.id,
      target: e.target,
      scope: e.scope,
      from: e.startsAt,
      until: e.endsAt,
      reason: e.reason,
      approvedBy: e.decidedByName ?? '',
    })),
    addressUsers,
    generatedAt: now,
  });
}

export interface ExplainInput {
  group: string;
  user?: string | null | undefined;
  /** When to ask about; now when omitted. */
  at?: string | undefined;
  /** A URL or a bare host. */
  url: string;
}

/** Splits what someone typed into the host and, where a path was given, the path and query. */
export function parseExplainTarget(text: string): { host: string; path: string | null } | null {
  const r = filter.parseTarget(text);
  return r.ok ? { host: r.host, path: r.path } : null;
}

/**
 * What happens to a URL for a group (and user) at a time: the CLI contract's
 * `{action, category, reason, policy}`, plus the decision's details for the web page.
 */
export async function explainUrl(haven: Haven, actor: Actor, schoolId: string, input: ExplainInput) {
  await authorise(haven, actor, schoolId, 'filter', 'read');
  const target = parseExplainTarget(input.url);
  if (!target) throw errors.validation([{ path: 'url', reason: 'must be a web address or a host name' }]);
  const at = input.at ? new Date(input.at) : haven.now();
  const snapshot = await filterSnapshot(haven, schoolId, at);
  const prepared = new filter.PreparedFilter(snapshot);
  if (!prepared.group(input.group)) {
    throw errors.validation([{ path: 'group', reason: `there is no filter group "${input.group}"` }]);
  }
  const d = filter.decide(prepared, haven.lists.current(), {
    group: input.group,
    user: input.user ?? null,
    at,
    host: target.host,
    path: target.path,
  });
  if (d.kind === 'illegal-list') {
    // Asking about an address on an illegal-content list is itself recorded, as a gateway's hit is.
    await inTransaction(haven.db, (trx) =>
      recordIllegalHits(
        haven,
        trx,
        schoolId,
        [
          {
            at: haven.now().toISOString(),
            gatewayId: null,
            group: input.group,
            username: actor.label,
            client: actor.ip,
            source: 'check',
          },
        ],
        { actor, actorRef: actorRef(actor), actorName: actor.label },
      ),
    );
  }
  const hidden = d.kind === 'illegal-list';
  return {
    action: d.action,
    category: d.category,
    reason: filter.explain(prepared, d),
    policy: filter.policyReference(d),
    decision: {
      kind: d.kind,
      group: d.group,
      user: d.user,
      at: new Date(d.at).toISOString(),
      host: hidden ? null : d.host,
      path: hidden ? null : target.path,
      categories: d.categories,
      matched: hidden ? null : d.matched,
      alert: d.alert,
      lessonTime: d.lessonTime,
      overridable: filter.overridable(d),
      rule: d.rule
        ? {
            effect: d.rule.effect,
            governing: { ...d.rule.governing, text: filter.describeCitation(d.rule.governing) },
            citations: d.rule.citations.map((c) => ({ ...c, text: filter.describeCitation(c) })),
            nominated: d.rule.nominated ?? null,
          }
        : null,
      exception: d.exception
        ? {
            id: d.exception.id,
            until: d.exception.until,
            reason: d.exception.reason,
            approvedBy: d.exception.approvedBy,
          }
        : null,
      standing: d.standing
        ? { id: d.standing.id, action: d.standing.action, host: d.standing.host, reason: d.standing.reason }
        : null,
    },
  };
}

/**
 * Records illegal-list hits: a row each (no host, no URL), an 'illegal-hit' change-log entry and
 * an audit event, and alerts the DSL and deputies at once (in the app and by e-mail, neither
 * saying more than that a hit happened; one alert for the hits reported together), and opens an
 * incident on the flowchart's illegal path for each (`incident_opened`).
 */
export async function recordIllegalHits(
  haven: Haven,
  trx: Db,
  schoolId: string,
  hits: readonly {
    at: string;
    gatewayId: string | null;
    group: string;
    username: string | null;
    client: string | null;
    source: DecisionSource;
  }[],
  by: { actor: Actor; actorRef: string; actorName: string },
): Promise<FilterIllegalHit[]> {
  const recorded: FilterIllegalHit[] = [];
  for (const hit of hits) {
    const row = await recordFilterIllegalHit(trx, { schoolId, ...hit });
    const incident = await openIncidentForIllegalHit(haven, trx, { ...row, schoolId });
    await markHitIncident(trx, row.id, incident.id);
    recorded.push({ ...row, incidentOpened: incident.id });
    await appendChangeLog(trx, {
      schoolId,
      at: hit.at,
      actor: by.actorRef,
      actorName: by.actorName,
      kind: 'illegal-hit',
      subjectId: row.id,
      summary: `A request from the ${hit.group} group matched an illegal-content list and was blocked. It is recorded for the designated safeguarding lead.`,
      details: { hitId: row.id, group: hit.group, source: hit.source },
    });
    await audit(
      trx,
      { ...by.actor, schoolId },
      'filter.illegal-hit',
      { type: 'filter-illegal-hit', id: row.id, schoolId },
      { group: hit.group, source: hit.source, gatewayId: hit.gatewayId },
    );
  }
  const first = recorded[0];
  if (first) {
    await notify(trx, {
      schoolId,
      createdAt: first.at,
      kind: 'illegal-hit',
      audience: ['dsl'],
      urgent: true,
      title:
        recorded.length === 1
          ? 'A request matched an illegal-content list and was blocked'
          : `${recorded.length} requests matched an illegal-content list and were blocked`,
      link: '/filter/illegal-hits',
      subjectId: first.id,
      email: true,
    });
  }
  return recorded;
}

/** The illegal-list hits, newest first: who and where, never what. Each look is audit-logged. */
export async function filterIllegalHits(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  query: { before?: string | undefined; limit?: number | undefined },
) {
  await authorise(haven, actor, schoolId, 'filterIllegalHits', 'read');
  const hits = await listFilterIllegalHits(haven.db, schoolId, {
    ...(query.before === undefined ? {} : { before: query.before }),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
  });
  await audit(
    haven.db,
    actor,
    'filter.illegal-hits.viewed',
    { type: 'school', id: schoolId, schoolId },
    {
      count: hits.length,
    },
  );
  return {
    hits: hits.map((h) => ({
      id: h.id,
      at: h.at,
      group: h.group,
      user: h.username,
      client: h.client,
      source: h.source,
      gatewayId: h.gatewayId,
      incidentOpened: h.incidentOpened,
    })),
  };
}

export async function filterChangeLog(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  query: { beforeSeq?: number | undefined; limit?: number | undefined },
) {
  await authorise(haven, actor, schoolId, 'filterChangeLog', 'read');
  const page = await listChangeLog(haven.db, schoolId, {
    ...(query.beforeSeq === undefined ? {} : { beforeSeq: query.beforeSeq }),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
  });
  return {
    entries: page.items.map((e) => ({
      seq: e.seq,
      at: e.at,
      kind: e.kind,
      actor: e.actorName,
      subjectId: e.subjectId,
      summary: e.summary,
      details: e.details,
    })),
    nextBeforeSeq: page.nextBeforeSeq,
  };
}

/**
 * A change-log entry for a list update (for the list store). Lists are the install's, so the
 * caller writes one per school.
 */
export async function recordListsUpdated(
  haven: Haven,
  schoolId: string,
  update: { summary: string; details?: ChangeLogDetails },
) {
  return appendChangeLog(haven.db, {
    schoolId,
    at: haven.now().toISOString(),
    actor: 'system',
    actorName: 'Haven',
    kind: 'lists-updated',
    summary: update.summary,
    ...(update.details ? { details: update.details } : {}),
  });
}

const reviewView = (r: FilterReviewRequest) => ({
  id: r.id,
  at: r.at,
  host: r.host,
  url: r.url,
  group: r.group,
  user: r.username,
  client: r.client,
  reference: r.reference,
  comment: r.comment,
  status: r.status,
  handledBy: r.handledBy,
  handledAt: r.handledAt,
  note: r.note,
});

export async function listReviews(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  query: { status?: ReviewStatus | undefined; before?: string | undefined; limit?: number | undefined },
) {
  await authorise(haven, actor, schoolId, 'filterReviews', 'read');
  const items = await listFilterReviewRequests(haven.db, schoolId, {
    ...(query.status ? { status: query.status } : {}),
    ...(query.before ? { before: query.before } : {}),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
  });
  return { reviews: items.map(reviewView) };
}

export async function handleReview(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  id: string,
  input: { status: 'done' | 'rejected'; note?: string | null | undefined },
) {
  await authorise(haven, actor, schoolId, 'filterReviews', 'handle');
  const now = haven.now().toISOString();
  const name = await actorName(haven.db, actor);
  return inTransaction(haven.db, async (trx) => {
    const handled = await handleFilterReviewRequest(trx, schoolId, id, {
      status: input.status,
      handledBy: name,
      handledAt: now,
      note: input.note?.trim() || null,
    });
    if (!handled) {
      const exists = await getFilterReviewRequest(trx, schoolId, id);
      throw exists
        ? errors.conflict('This review request has already been dealt with.')
        : errors.notFound('That review request');
    }
    await audit(
      trx,
      actor,
      'filter.review-handled',
      { type: 'filter-review', id, schoolId },
      { status: input.status },
    );
    return reviewView(handled);
  });
}

/**
 * A filter test's counts: `{total, passed, failed}`, or as `haven filter test` reports them
 * (`{rows, ok, failed, notTested}`: rows not tested count as neither passed nor failed).
 */
export type FilterTestSummary =
  | { total: number; passed: number; failed: number }
  | { rows: number; ok: number; failed: number; notTested?: number | undefined };

export interface FilterTestInput {
  at?: string | undefined;
  summary: FilterTestSummary;
  result: Record<string, unknown>;
}

/** Stores a run of the annual filter test, which the CLI carries out and posts here. */
export async function recordFilterTest(haven: Haven, actor: Actor, schoolId: string, input: FilterTestInput) {
  await authorise(haven, actor, schoolId, 'filterTests', 'run');
  return storeFilterTest(haven, actor, schoolId, input);
}

/**
 * For the CLI (`haven filter test` against a school in the database): stores the run with the
 * CLI as the actor. Returns the stored run's id.
 */
export async function recordFilterTestRun(
  haven: Haven,
  schoolId: string,
  result: { at?: string; summary: FilterTestSummary } & Record<string, unknown>,
): Promise<string> {
  const stored = await storeFilterTest(haven, { ...CLI_ACTOR, schoolId }, schoolId, {
    at: result.at,
    summary: result.summary,
    result,
  });
  return stored.id;
}

/** For the CLI: the snapshot for a school at a time, or null when it has no approved policy. */
export async function filterSnapshotFor(haven: Haven, schoolId: string, at: Date = haven.now()) {
  if (!(await getCurrentPolicyVersion(haven.db, schoolId))) return null;
  return filterSnapshot(haven, schoolId, at);
}

async function storeFilterTest(haven: Haven, actor: Actor, schoolId: string, input: FilterTestInput) {
  const s = input.summary;
  const [total, passed, failed] = 'total' in s ? [s.total, s.passed, s.failed] : [s.rows, s.ok, s.failed];
  if (passed + failed > total) {
    throw errors.validation([{ path: 'summary', reason: 'passed and failed add up to more than the total' }]);
  }
  const at = input.at ? new Date(input.at).toISOString() : haven.now().toISOString();
  const name = await actorName(haven.db, actor);
  return inTransaction(haven.db, async (trx) => {
    const run = await createFilterTestRun(trx, {
      schoolId,
      at,
      runBy: actorRef(actor),
      runByName: name,
      result: input.result,
      total,
      passed,
      failed,
    });
    await audit(
      trx,
      actor,
      'filter.test-recorded',
      { type: 'filter-test', id: run.id, schoolId },
      {
        total,
        passed,
        failed,
      },
    );
    return { id: run.id, at: run.at, runBy: run.runByName, total, passed, failed, result: run.result };
  });
}

export async function listFilterTests(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  query: { limit?: number | undefined },
) {
  await authorise(haven, actor, schoolId, 'filterTests', 'read');
  const runs = await listFilterTestRuns(
    haven.db,
    schoolId,
    query.limit === undefined ? {} : { limit: query.limit },
  );
  return {
    runs: runs.map((r) => ({
      id: r.id,
      at: r.at,
      runBy: r.runByName,
      total: r.total,
      passed: r.passed,
      failed: r.failed,
      result: r.result,
    })),
  };
}
