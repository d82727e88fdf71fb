import { filter } from '@haven/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DECISION_SOURCES } from '../../db/schema.ts';
import type { Haven } from '../../haven.ts';
import type { GatewayRecord } from '../../repositories/gateways.ts';
import {
  authenticateGateway,
  gatewaySignIn,
  gatewaySnapshot,
  ingestEvents,
  ingestReviewRequest,
} from '../../services/gateway-service.ts';
import { errors } from '../errors.ts';

/*
 * The routes gateways call, under /api/gateway. They sit outside the session plugin: a gateway
 * signs each request with `Authorization: Bearer <token>` and sends no cookie, so there is no
 * session to resolve and no CSRF to guard against (a browser cannot attach the header cross-site).
 */

declare module 'fastify' {
  interface FastifyRequest {
    gateway: GatewayRecord | null;
  }
}

export const MAX_EVENTS_PER_BATCH = 10_000;
export const EVENTS_BODY_LIMIT = 5 * 1024 * 1024;

const DECISION_KINDS = [
  'illegal-list',
  'doh-canary',
  'standing-block',
  'standing-allow',
  'exception',
  'policy',
  'uncategorised',
  'unknown-group',
  'sign-first',
] as const satisfies readonly filter.DecisionKind[];

const decisionEvent = z.object({
  at: z.iso.datetime({ offset: true }),
  group: z.string().min(1).max(64),
  user: z.string().max(200).nullish(),
  client: z.string().max(64).nullish(),
  host: z.string().min(1).max(253),
  url: z.string().max(4096).nullish(),
  category: filter.categoryId.nullish(),
  action: z.enum(['allow', 'block']),
  kind: z.enum(DECISION_KINDS),
  rule: z.string().max(200).nullish(),
  source: z.enum(DECISION_SOURCES),
  exceptionId: z.string().max(64).nullish(),
  alert: z.enum(['illegal-list', 'policy-illegal', 'bypass']).nullish(),
});

function gatewayOf(request: FastifyRequest): GatewayRecord {
  if (!request.gateway) throw errors.gatewayUnauthorised();
  return request.gateway;
}

/** An If-None-Match header names this entity tag (or is `*`). */
function matchesEtag(header: string | string[] | undefined, etag: string): boolean {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (!text) return false;
  return text
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === `"${etag}"`);
}

export function registerGatewayRoutes(app: FastifyInstance, haven: Haven): void {
  app.decorateRequest('gateway', null);
  // Before the body is read, so an unknown caller cannot make the server parse 5 MB.
  app.addHook('onRequest', async (request) => {
    request.gateway = await authenticateGateway(haven, request.headers.authorization);
  });
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/snapshot',
    {
      schema: {
        summary: "Gateway: the school's policy snapshot (Authorization: Bearer; ETag and If-None-Match)",
      },
    },
    async (request, reply) => {
      const snapshot = await gatewaySnapshot(haven, gatewayOf(request));
      void reply.header('etag', `"${snapshot.etag}"`).header('cache-control', 'no-cache');
      if (matchesEtag(request.headers['if-none-match'], snapshot.etag)) return reply.status(304).send();
      return snapshot;
    },
  );

  api.post(
    '/events',
    {
      bodyLimit: EVENTS_BODY_LIMIT,
      schema: {
        summary: `Gateway: a batch of up to ${MAX_EVENTS_PER_BATCH} decision events, idempotent by batchId`,
        body: z.object({
          batchId: z.string().min(1).max(100),
          events: z.array(decisionEvent).max(MAX_EVENTS_PER_BATCH),
        }),
      },
    },
    async (request) =>
      ingestEvents(
        haven,
        gatewayOf(request),
        {
          batchId: request.body.batchId,
          events: request.body.events.map((e) => ({
            at: e.at,
            group: e.group,
            user: e.user ?? null,
            client: e.client ?? null,
            host: e.host,
            url: e.url ?? null,
            category: e.category ?? null,
            action: e.action,
            kind: e.kind,
            rule: e.rule ?? null,
            source: e.source,
            exceptionId: e.exceptionId ?? null,
            alert: e.alert ?? null,
          })),
        },
        request.ip,
      ),
  );

  api.post(
    '/reviews',
    {
      bodyLimit: 64 * 1024,
      schema: {
        summary: 'Gateway: a request from a block page to review a block',
        body: z.object({
          host: z.string().trim().min(1).max(253),
          url: z.string().max(4096).nullish(),
          reference: z.string().trim().min(1).max(64),
          comment: z.string().max(1000).nullish(),
          client: z.string().max(64).nullish(),
          group: z.string().max(64).nullish(),
          user: z.string().max(200).nullish(),
        }),
      },
    },
    async (request, reply) => {
      const b = request.body;
      const created = await ingestReviewRequest(
        haven,
        gatewayOf(request),
        {
          host: b.host,
          url: b.url ?? null,
          reference: b.reference,
          comment: b.comment ?? null,
          client: b.client ?? null,
          group: b.group ?? null,
          user: b.user ?? null,
        },
        request.ip,
      );
      return reply.status(201).send(created);
    },
  );

  api.post(
    '/sign-in',
    {
      bodyLimit: 16 * 1024,
      schema: {
        summary:
          "Gateway: check a proxy sign-in against the school's accounts; ties the client address to the person",
        body: z.object({
          username: z.string().trim().min(1).max(320),
          password: z.string().min(1).max(1024),
          client: z.string().max(64).nullish(),
        }),
      },
    },
    async (request) =>
      gatewaySignIn(
        haven,
        gatewayOf(request),
        {
          username: request.body.username,
          password: request.body.password,
          client: request.body.client ?? null,
        },
        request.ip,
      ),
  );
}
