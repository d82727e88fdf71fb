import { filter } from '@haven/core';
import { newToken, tokenId } from '../auth/tokens.ts';
import type { DecisionSource } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import { recordSignIn, setAddressUser } from '../repositories/filter-address-users.ts';
import { appendChangeLog } from '../repositories/filter-change-log.ts';
import {
  claimEventBatch,
  insertFilterDecisions,
  type NewFilterDecision,
} from '../repositories/filter-decisions.ts';
import { createFilterReviewRequest } from '../repositories/filter-reviews.ts';
import {
  createGateway,
  type GatewayRecord,
  getGateway,
  getGatewayByCredentialHash,
  listGateways,
  revokeGateway,
  touchGateway,
} from '../repositories/gateways.ts';
import { getPerson } from '../repositories/people.ts';
import { listSites } from '../repositories/schools.ts';
import type { Actor } from './actor.ts';
import { unsignedUsers } from './agreement-service.ts';
import { audit } from './audit.ts';
import { checkProxyPassword } from './auth-service.ts';
import { recordExceptionUse } from './exception-service.ts';
import { filterContext } from './filter-common.ts';
import { filterSnapshot, recordIllegalHits } from './filter-service.ts';
import { scanEvents } from './monitor-service.ts';
import { authorise } from './school-service.ts';

/**
 * Gateways: registered by the school's administrator or network manager, which shows a token
 * once; the gateway then signs every request with `Authorization: Bearer <token>`. Only the
 * token's SHA-256 is stored. A gateway pulls its snapshot, posts decision events in batches
 * (idempotent by batch id) and forwards block-page review requests.
 */

/** Tokens carry a prefix so one found in a file or a log is recognisable (and revocable). */
const TOKEN_PREFIX = 'hgw_';

const gatewayView = (g: GatewayRecord) => ({
  id: g.id,
  name: g.name,
  site: g.site,
  createdAt: g.createdAt,
  lastSeenAt: g.lastSeenAt,
  revokedAt: g.revokedAt,
});

export async function registerGateway(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  input: { name: string; site?: string | null | undefined },
) {
  await authorise(haven, actor, schoolId, 'gateways', 'manage');
  const site = input.site ?? null;
  if (site !== null && !(await listSites(haven.db, schoolId)).some((s) => s.slug === site)) {
    throw errors.validation([{ path: 'site', reason: `the school has no site "${site}"` }]);
  }
  const token = `${TOKEN_PREFIX}${newToken()}`;
  return inTransaction(haven.db, async (trx) => {
    const gateway = await createGateway(trx, {
      schoolId,
      name: input.name,
      site,
      credentialHash: tokenId(token),
      createdAt: haven.now().toISOString(),
    });
    await audit(
      trx,
      actor,
      'gateway.registered',
      { type: 'gateway', id: gateway.id, schoolId },
      {
        name: gateway.name,
        site,
      },
    );
    // The only time the token is ever shown.
    return { gateway: gatewayView(gateway), token };
  });
}

export async function listSchoolGateways(haven: Haven, actor: Actor, schoolId: string) {
  await authorise(haven, actor, schoolId, 'gateways', 'manage');
  return { gateways: (await listGateways(haven.db, schoolId)).map(gatewayView) };
}

export async function revokeSchoolGateway(haven: Haven, actor: Actor, schoolId: string, id: string) {
  await authorise(haven, actor, schoolId, 'gateways', 'manage');
  const gateway = await getGateway(haven.db, schoolId, id);
  if (!gateway) throw errors.notFound('That gateway');
  if (gateway.revokedAt) return;
  await inTransaction(haven.db, async (trx) => {
    if (await revokeGateway(trx, schoolId, id, haven.now().toISOString())) {
      await audit(trx, actor, 'gateway.revoked', { type: 'gateway', id, schoolId }, { name: gateway.name });
    }
  });
}

/** How often a gateway's last-seen time is written, at most. */
const TOUCH_EVERY_MS = 60_000;

/** The gateway behind an `Authorization: Bearer` header, or 401 (missing, unknown or revoked alike). */
export async function authenticateGateway(
  haven: Haven,
  authorization: string | undefined,
): Promise<GatewayRecord> {
  const match = /^Bearer +([A-Za-z0-9_-]{20,200})$/.exec(authorization?.trim() ?? '');
  if (!match?.[1]) throw errors.gatewayUnauthorised();
  const gateway = await getGatewayByCredentialHash(haven.db, tokenId(match[1]));
  if (!gateway || gateway.revokedAt) throw errors.gatewayUnauthorised();
  const now = haven.now();
  if (!gateway.lastSeenAt || now.getTime() - Date.parse(gateway.lastSeenAt) >= TOUCH_EVERY_MS) {
    await touchGateway(haven.db, gateway.id, now.toISOString());
  }
  return gateway;
}

export function gatewayActor(gateway: GatewayRecord, ip: string | null): Actor {
  return { accountId: null, label: `gateway ${gateway.name}`, schoolId: gateway.schoolId, grants: [], ip };
}

export function gatewaySnapshot(haven: Haven, gateway: GatewayRecord) {
  return filterSnapshot(haven, gateway.schoolId, haven.now());
}

/** One decision event as a gateway reports it (the second contract between gateway and server). */
export interface GatewayDecisionEvent {
  at: string;
  group: string;
  user: string | null;
  client: string | null;
  host: string;
  url: string | null;
  category: filter.CategoryId | null;
  action: 'allow' | 'block';
  kind: string;
  rule: string | null;
  source: DecisionSource;
  exceptionId: string | null;
  alert: 'illegal-list' | 'policy-illegal' | 'bypass' | null;
}

export interface EventBatchInput {
  batchId: string;
  events: readonly GatewayDecisionEvent[];
}

/**
 * Takes a batch of decision events. A batch id seen before from this gateway adds nothing and
 * answers `duplicate: true`. Illegal-list hits are recorded as hits (no host, no URL: not even in
 * the decision log); events naming an exception count its uses, the first one logged.
 */
export async function ingestEvents(
  haven: Haven,
  gateway: GatewayRecord,
  input: EventBatchInput,
  ip: string | null = null,
) {
  const receivedAt = haven.now().toISOString();
  const schoolId = gateway.schoolId;
  const actor = gatewayActor(gateway, ip);
  const decisions: NewFilterDecision[] = [];
  const hits: Parameters<typeof recordIllegalHits>[3][number][] = [];
  const uses = new Map<string, { count: number; first: string }>();
  for (const e of input.events) {
    const at = new Date(e.at).toISOString();
    if (e.alert === 'illegal-list') {
      hits.push({
        at,
        gatewayId: gateway.id,
        group: e.group,
        username: e.user,
        client: e.client,
        source: e.source,
      });
      continue;
    }
    decisions.push({
      schoolId,
      at,
      site: gateway.site,
      gatewayId: gateway.id,
      group: e.group,
      username: e.user,
      client: e.client,
      host: e.host.toLowerCase(),
      url: e.url,
      category: e.category,
      action: e.action,
      kind: e.kind,
      rule: e.rule,
      source: e.source,
      batchId: input.batchId,
    });
    if (e.exceptionId) {
      const seen = uses.get(e.exceptionId);
      if (!seen) uses.set(e.exceptionId, { count: 1, first: at });
      else {
        seen.count++;
        if (at < seen.first) seen.first = at;
      }
    }
  }
  // Read before the transaction: inside it only its own handle may be used (SQLite has one connection).
  const settings = uses.size > 0 ? (await filterContext(haven, schoolId, { require: false })).settings : null;

  return inTransaction(haven.db, async (trx) => {
    const fresh = await claimEventBatch(trx, {
      gatewayId: gateway.id,
      batchId: input.batchId,
      schoolId,
      receivedAt,
      count: input.events.length,
    });
    if (!fresh) return { batchId: input.batchId, duplicate: true, accepted: 0, illegalHits: 0 };
    await insertFilterDecisions(trx, decisions);
    // What the proxy saw whole (searches, full addresses) goes through monitoring as it arrives.
    await scanEvents(
      haven,
      trx,
      schoolId,
      decisions.map((d) => ({
        at: d.at,
        group: d.group,
        user: d.username,
        client: d.client,
        url: d.url,
        source: d.source,
      })),
    );

    // Change-log and audit writes last: they hold per-school and audit locks until commit.
    for (const [exceptionId, use] of uses) {
      if (!settings) break;
      await recordExceptionUse(trx, {
        schoolId,
        exceptionId,
        uses: use.count,
        firstAt: use.first,
        settings,
        by: { actor: `gateway:${gateway.id}`, actorName: `Gateway "${gateway.name}"` },
      });
    }
    if (hits.length > 0) {
      await recordIllegalHits(haven, trx, schoolId, hits, {
        actor,
        actorRef: `gateway:${gateway.id}`,
        actorName: `Gateway "${gateway.name}"`,
      });
    }
    return {
      batchId: input.batchId,
      duplicate: false,
      accepted: input.events.length,
      illegalHits: hits.length,
    };
  });
}

export interface ReviewRequestInput {
  host: string;
  url: string | null;
  reference: string;
  comment: string | null;
  client: string | null;
  group: string | null;
  user: string | null;
}

/** "Ask for this to be reviewed" from a block page: queued for the network manager and logged. */
export async function ingestReviewRequest(
  haven: Haven,
  gateway: GatewayRecord,
  input: ReviewRequestInput,
  ip: string | null = null,
) {
  const at = haven.now().toISOString();
  const schoolId = gateway.schoolId;
  const host = input.host.trim().toLowerCase();
  return inTransaction(haven.db, async (trx) => {
    const review = await createFilterReviewRequest(trx, {
      schoolId,
      at,
      gatewayId: gateway.id,
      host,
      url: input.url,
      group: input.group,
      username: input.user,
      client: input.client,
      reference: input.reference,
      comment: input.comment?.trim() || null,
    });
    await appendChangeLog(trx, {
      schoolId,
      at,
      actor: `gateway:${gateway.id}`,
      actorName: `Gateway "${gateway.name}"`,
      kind: 'review-requested',
      subjectId: review.id,
      summary: `Someone${input.group ? ` in the ${input.group} group` : ''} asked for the block on ${host} to be reviewed.`,
      details: { reviewId: review.id, host, group: input.group, reference: input.reference },
    });
    await audit(
      trx,
      gatewayActor(gateway, ip),
      'filter.review-requested',
      { type: 'filter-review', id: review.id, schoolId },
      { host },
    );
    return { id: review.id, reference: review.reference };
  });
}

/** How long a proxy sign-in ties the client's address to the person: about a school day. */
export const ADDRESS_SIGN_IN_HOURS = 10;

/**
 * Proxy sign-in (Basic) at a gateway, checked against the school's accounts. A success ties the
 * client's address to the person and their filter group until the association ends, so the DNS
 * filter and every gateway of the school see the same person there (it reaches them in the next
 * snapshot). The person's group comes from the directory: a pupil's key stage, staff, or guests.
 * An account of another school is refused like a wrong password.
 */
export async function gatewaySignIn(
  haven: Haven,
  gateway: GatewayRecord,
  input: { username: string; password: string; client: string | null },
  ip: string | null = null,
): Promise<{ user: string; group: string | null; until: string }> {
  const schoolId = gateway.schoolId;
  const { account, grants } = await checkProxyPassword(haven, {
    email: input.username,
    password: input.password,
    ip: input.client ?? ip,
  });
  if (account.schoolId !== schoolId) throw errors.invalidCredentials();
  const person = account.personId ? await getPerson(haven.db, account.personId) : undefined;
  const { settings } = await filterContext(haven, schoolId, { require: false });
  const roleGroup = filter.groupForMember(settings, {
    kind: person?.kind ?? null,
    yearGroup: person?.yearGroup ?? null,
    grants,
  });
  // Access follows signing: until they sign what their role requires, the guests' rules.
  const unsigned = roleGroup !== null && (await unsignedUsers(haven, schoolId, [account.email])).size > 0;
  const group = unsigned
    ? (settings.groups.find((g) => g.audience === 'guests')?.id ?? roleGroup)
    : roleGroup;
  const now = haven.now();
  const until = new Date(now.getTime() + ADDRESS_SIGN_IN_HOURS * 3_600_000).toISOString();
  await inTransaction(haven.db, async (trx) => {
    if (input.client && group && roleGroup) {
      // The role's group is kept; each snapshot applies the unsigned rule afresh, so signing
      // later lifts it without signing in again.
      await setAddressUser(trx, schoolId, {
        address: input.client,
        user: account.email,
        group: roleGroup,
        until,
      });
      await recordSignIn(trx, schoolId, {
        address: input.client,
        user: account.email,
        group,
        since: now.toISOString(),
        until,
      });
    }
    await audit(
      trx,
      { ...gatewayActor(gateway, ip), label: account.email, accountId: account.id },
      'gateway.sign-in',
      { type: 'account', id: account.id, schoolId },
      { gateway: gateway.id, group },
    );
  });
  return { user: account.email, group, until };
}
