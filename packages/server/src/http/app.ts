import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Haven } from '../haven.ts';
import { errors, HavenError } from './errors.ts';
import { registerAccountRoutes } from './routes/account.ts';
import { registerAgreementRoutes } from './routes/agreements.ts';
import { registerBlockedRoute } from './routes/blocked.ts';
import { registerBreachRoutes } from './routes/breaches.ts';
import { registerComplianceRoutes } from './routes/compliance.ts';
import { registerConsentRoutes } from './routes/consents.ts';
import { registerDirectoryRoutes } from './routes/directory.ts';
import { registerFilterRoutes } from './routes/filter.ts';
import { registerGatewayRoutes } from './routes/gateway.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerIncidentRoutes } from './routes/incidents.ts';
import { registerMonitorRoutes } from './routes/monitor.ts';
import { registerReportRoutes } from './routes/reports.ts';
import { registerSchoolRoutes } from './routes/schools.ts';
import { registerSessionRoutes } from './routes/session.ts';
import { registerSsoRoutes } from './routes/sso.ts';
import { registerTrainingRoutes } from './routes/training.ts';
import { registerSessionHooks } from './session.ts';

export const VERSION = '0.1.0';

export interface BuildAppOptions {
  /** Where the built web app is; defaults to packages/web/dist. */
  webDir?: string;
  logger?: boolean;
}

function defaultWebDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');
}

/** Builds the HTTP server: the API under /api (OpenAPI at /api/openapi.json) and the web app at /. */
export async function buildApp(haven: Haven, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: haven.config.logLevel,
          // Cookies and CSRF headers carry secrets; they never reach the log.
          redact: [
            'req.headers.cookie',
            'req.headers["x-csrf-token"]',
            'req.headers.authorization',
            'res.headers["set-cookie"]',
          ],
          serializers: {
            // The SSO callback's query carries the authorization code and state: never logged.
            req: (req: { method: string; url: string; host?: string; ip?: string }) => ({
              method: req.method,
              url: req.url.startsWith('/api/auth/oidc/callback') ? '/api/auth/oidc/callback' : req.url,
              host: req.host,
              remoteAddress: req.ip,
            }),
          },
        }
      : false,
    bodyLimit: haven.config.bodyLimitBytes,
    trustProxy: false,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HavenError) {
      if (error.headers) void reply.headers(error.headers);
      return reply.status(error.status).send({
        error: {
          id: error.id,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        reason: v.message ?? 'is not valid',
      }));
      return reply
        .status(400)
        .send({ error: { id: 'validation', message: 'Some of what was sent is not valid.', details } });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    const code = (error as { code?: string }).code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send({ error: { id: 'body-too-large', message: 'The request is too large.' } });
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({
        error: {
          id: 'unsupported-media-type',
          message: 'Unsupported content type: send the request body as application/json.',
        },
      });
    }
    if (status >= 400 && status < 500) {
      const message =
        code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'The request body is empty.'
          : 'The request could not be read: it is not valid JSON.';
      return reply.status(status).send({ error: { id: 'bad-request', message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      error: { id: 'internal', message: 'Something went wrong on our side. The problem has been logged.' },
    });
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Haven API',
        version: VERSION,
        description:
          "Haven's HTTP API. Sessions are cookies; every non-GET request sends the x-csrf-token header.",
      },
    },
    transform: jsonSchemaTransform,
  });

  // No text Haven stores may hold a NUL character (PostgreSQL refuses it; nothing legitimate sends one).
  app.addHook('preValidation', async (request) => {
    const where = nulPath(request.body, 'body');
    if (where) throw errors.validation([{ path: where, reason: 'must not contain a NUL character' }]);
  });
  await app.register(
    async (api) => {
      // Inside the /api plugin, the session and CSRF hooks cover every API route however its
      // URL is spelled (a percent-encoded "/%61pi" reaches these routes too).
      registerSessionHooks(api, haven);
      registerHealthRoutes(api, haven);
      registerSessionRoutes(api, haven);
      registerAccountRoutes(api, haven);
      registerSchoolRoutes(api, haven);
      registerDirectoryRoutes(api, haven);
      registerFilterRoutes(api, haven);
      registerIncidentRoutes(api, haven);
      registerAgreementRoutes(api, haven);
      registerBreachRoutes(api, haven);
      registerConsentRoutes(api, haven);
      registerMonitorRoutes(api, haven);
      registerReportRoutes(api, haven);
      registerSsoRoutes(api, haven);
      registerTrainingRoutes(api, haven);
      registerComplianceRoutes(api, haven);
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      api.setNotFoundHandler((_request, reply) =>
        reply.status(404).send({ error: { id: 'not-found', message: 'No such API route.' } }),
      );
    },
    { prefix: '/api' },
  );
  // Gateways sign requests with a bearer token and send no cookie: outside the session and CSRF
  // hooks, behind their own authentication (routes/gateway.ts).
  await app.register(async (gateway) => registerGatewayRoutes(gateway, haven), { prefix: '/api/gateway' });
  registerBlockedRoute(app, haven);

  const webDir = options.webDir ?? haven.config.webDir ?? defaultWebDir();
  if (existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false });
    // Client-side routes: any other GET outside /api gets the app's shell.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.status(404).send({ error: { id: 'not-found', message: 'Not found.' } });
    });
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/plain')
        .send('Haven is running, but the web app has not been built: run `npm run build`.'),
    );
  }

  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('x-frame-options', 'SAMEORIGIN');
    return payload;
  });
  return app;
}

function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = key.includes('\u0000') ? `${path}.${key}` : nulPath(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
