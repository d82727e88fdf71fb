import { filter } from '@haven/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXCEPTION_STATUSES, REVIEW_STATUSES } from '../../db/schema.ts';
import type { Haven } from '../../haven.ts';
import { searchDecisions } from '../../services/decision-log-service.ts';
import {
  decideException,
  listExceptions,
  requestException,
  withdrawException,
} from '../../services/exception-service.ts';
import {
  explainUrl,
  filterChangeLog,
  filterIllegalHits,
  handleReview,
  listFilterTests,
  listReviews,
  recordFilterTest,
} from '../../services/filter-service.ts';
import {
  getFilterGroups,
  getFilterSettings,
  saveFilterSettings,
} from '../../services/filter-settings-service.ts';
import { listSchoolGateways, registerGateway, revokeSchoolGateway } from '../../services/gateway-service.ts';
import { requireSignedIn } from '../session.ts';

/*
 * The school's filter, under /api/schools/:schoolId/filter. Thin: validate, then the service
 * authorises against the access table and acts.
 */

const schoolParams = z.object({ schoolId: z.string().min(1).max(64) });
const idParams = schoolParams.extend({ id: z.string().min(1).max(64) });
const instant = z.iso.datetime({ offset: true });
const limit = z.coerce.number().int().min(1).max(500).optional();
const note = z.string().trim().max(2000).nullish();
const count = z.number().int().min(0).max(1_000_000);

const exceptionBody = z.object({
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('host'), host: z.string().min(1).max(300) }),
    z.object({ kind: z.literal('category'), category: filter.categoryId }),
  ]),
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('group'), group: z.string().min(1).max(64) }),
    z.object({ kind: z.literal('user'), user: z.string().trim().min(1).max(200) }),
    z.object({
      kind: z.literal('class'),
      name: z.string().trim().min(1).max(100),
      users: z.array(z.string().trim().min(1).max(200)).min(1).max(200),
    }),
  ]),
  startsAt: instant,
  endsAt: instant,
  reason: z.string().trim().min(1).max(2000),
});

export function registerFilterRoutes(app: FastifyInstance, haven: Haven): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = '/schools/:schoolId/filter';

  api.get(
    `${base}/settings`,
    { schema: { summary: "The school's filter settings (the defaults until saved)", params: schoolParams } },
    async (request) => getFilterSettings(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.put(
    `${base}/settings`,
    {
      schema: {
        summary: 'Save the filter settings (validated; logged in the change-control log)',
        params: schoolParams,
        body: z.object({
          settings: z.unknown(),
          revision: z.number().int().min(0).optional(),
        }),
      },
    },
    async (request) =>
      saveFilterSettings(haven, requireSignedIn(request).actor, request.params.schoolId, request.body),
  );

  api.get(
    `${base}/groups`,
    {
      schema: {
        summary: 'Each filter group with its compiled rules and the policy clauses behind them',
        params: schoolParams,
      },
    },
    async (request) => getFilterGroups(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.post(
    `${base}/explain`,
    {
      schema: {
        summary: 'What happens to a URL for a group (and user) at a time, and why',
        params: schoolParams,
        body: z.object({
          group: z.string().min(1).max(64),
          user: z.string().trim().min(1).max(200).nullish(),
          at: instant.optional(),
          url: z.string().trim().min(1).max(4096),
        }),
      },
    },
    async (request) =>
      explainUrl(haven, requireSignedIn(request).actor, request.params.schoolId, request.body),
  );

  api.get(
    `${base}/exceptions`,
    {
      schema: {
        summary: 'Exceptions asked for, newest first',
        params: schoolParams,
        querystring: z.object({
          status: z.enum(EXCEPTION_STATUSES).optional(),
          before: instant.optional(),
          limit,
        }),
      },
    },
    async (request) =>
      listExceptions(haven, requireSignedIn(request).actor, request.params.schoolId, {
        ...(request.query.status ? { status: request.query.status } : {}),
        ...(request.query.before ? { before: new Date(request.query.before).toISOString() } : {}),
        ...(request.query.limit === undefined ? {} : { limit: request.query.limit }),
      }),
  );

  api.post(
    `${base}/exceptions`,
    {
      schema: {
        summary: 'Ask for a time-limited exception (someone else approves it)',
        params: schoolParams,
        body: exceptionBody,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await requestException(
            haven,
            requireSignedIn(request).actor,
            request.params.schoolId,
            request.body,
          ),
        ),
  );

  for (const decision of ['approve', 'decline'] as const) {
    api.post(
      `${base}/exceptions/:id/${decision}`,
      {
        schema: {
          summary:
            decision === 'approve'
              ? 'Approve an exception (not your own request)'
              : 'Decline an exception, with a note',
          params: idParams,
          body: z.object({ note }).default({}),
        },
      },
      async (request) =>
        decideException(haven, requireSignedIn(request).actor, request.params.schoolId, request.params.id, {
          decision,
          note: request.body.note,
        }),
    );
  }

  api.post(
    `${base}/exceptions/:id/withdraw`,
    { schema: { summary: 'Withdraw an exception (whoever asked, or an approver)', params: idParams } },
    async (request) =>
      withdrawException(haven, requireSignedIn(request).actor, request.params.schoolId, request.params.id),
  );

  api.get(
    `${base}/change-log`,
    {
      schema: {
        summary: 'The filter change-control log, newest first (what governors read)',
        params: schoolParams,
        querystring: z.object({ beforeSeq: z.coerce.number().int().min(1).optional(), limit }),
      },
    },
    async (request) =>
      filterChangeLog(haven, requireSignedIn(request).actor, request.params.schoolId, request.query),
  );

  api.get(
    `${base}/illegal-hits`,
    {
      schema: {
        summary:
          'Illegal-list hits, newest first: when, which group, user or address; never the site (audit-logged)',
        params: schoolParams,
        querystring: z.object({ before: instant.optional(), limit }),
      },
    },
    async (request) =>
      filterIllegalHits(haven, requireSignedIn(request).actor, request.params.schoolId, {
        before: request.query.before,
        limit: request.query.limit,
      }),
  );

  api.get(
    `${base}/decisions`,
    {
      schema: {
        summary: 'Search the decision log (audit-logged), newest first, a page at a time',
        params: schoolParams,
        querystring: z.object({
          user: z.string().trim().min(1).max(200).optional(),
          from: instant.optional(),
          to: instant.optional(),
          category: filter.categoryId.optional(),
          action: z.enum(['allow', 'block']).optional(),
          host: z.string().trim().min(1).max(253).optional(),
          cursor: z.string().min(1).max(200).optional(),
          limit,
        }),
      },
    },
    async (request) => {
      const q = request.query;
      return searchDecisions(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        { username: q.user, from: q.from, to: q.to, category: q.category, action: q.action, host: q.host },
        q.cursor,
        q.limit,
      );
    },
  );

  api.get(
    `${base}/reviews`,
    {
      schema: {
        summary: 'Requests from block pages to review a block, newest first',
        params: schoolParams,
        querystring: z.object({
          status: z.enum(REVIEW_STATUSES).optional(),
          before: instant.optional(),
          limit,
        }),
      },
    },
    async (request) =>
      listReviews(haven, requireSignedIn(request).actor, request.params.schoolId, {
        status: request.query.status,
        before: request.query.before ? new Date(request.query.before).toISOString() : undefined,
        limit: request.query.limit,
      }),
  );

  api.post(
    `${base}/reviews/:id/handle`,
    {
      schema: {
        summary: 'Close a review request: done (acted on) or rejected, with a note',
        params: idParams,
        body: z.object({ status: z.enum(['done', 'rejected']), note }),
      },
    },
    async (request) =>
      handleReview(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        request.params.id,
        request.body,
      ),
  );

  api.get(
    `${base}/tests`,
    {
      schema: {
        summary: 'Runs of the annual filter test, newest first',
        params: schoolParams,
        querystring: z.object({ limit }),
      },
    },
    async (request) =>
      listFilterTests(haven, requireSignedIn(request).actor, request.params.schoolId, request.query),
  );

  api.post(
    `${base}/tests`,
    {
      schema: {
        summary: 'Store a run of the annual filter test (the CLI runs it and posts the result)',
        params: schoolParams,
        body: z.object({
          at: instant.optional(),
          summary: z.union([
            z.object({ total: count, passed: count, failed: count }),
            z.object({ rows: count, ok: count, failed: count, notTested: count.optional() }),
          ]),
          result: z.record(z.string(), z.unknown()),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordFilterTest(
            haven,
            requireSignedIn(request).actor,
            request.params.schoolId,
            request.body,
          ),
        ),
  );

  api.get(
    `${base}/gateways`,
    { schema: { summary: "The school's gateways (never their tokens)", params: schoolParams } },
    async (request) => listSchoolGateways(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.post(
    `${base}/gateways`,
    {
      schema: {
        summary: 'Register a gateway; its token is in this answer and never shown again',
        params: schoolParams,
        body: z.object({
          name: z.string().trim().min(1).max(100),
          site: z.string().trim().min(1).max(64).nullish(),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(
          await registerGateway(haven, requireSignedIn(request).actor, request.params.schoolId, request.body),
        ),
  );

  api.delete(
    `${base}/gateways/:id`,
    { schema: { summary: "Revoke a gateway's token", params: idParams } },
    async (request, reply) => {
      await revokeSchoolGateway(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        request.params.id,
      );
      return reply.status(204).send();
    },
  );
}
