import { access } from '@haven/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Haven } from '../../haven.ts';
import {
  confirmEnrolment,
  type SessionContext,
  signIn,
  signOut,
  startEnrolment,
  verifySecondFactor,
} from '../../services/auth-service.ts';
import { anonymousCsrfToken, clearSessionCookie, requireSession, setSessionCookie } from '../session.ts';

export const sessionSchema = z.object({
  stage: z.enum(['anonymous', 'mfa-enrol', 'mfa-challenge', 'signed-in']),
  csrfToken: z.string(),
  idleTimeoutSeconds: z.number(),
  account: z
    .object({
      id: z.string(),
      email: z.string(),
      displayName: z.string(),
      schoolId: z.string().nullable(),
      grants: z.array(z.string()),
      mfaEnabled: z.boolean(),
      mfaRequired: z.boolean(),
    })
    .optional(),
});
type SessionView = z.infer<typeof sessionSchema>;

export function sessionView(
  haven: Haven,
  ctx: SessionContext | null,
  anonymousToken: () => string,
): SessionView {
  const idleTimeoutSeconds = haven.config.idleTimeoutMinutes * 60;
  if (!ctx) return { stage: 'anonymous', csrfToken: anonymousToken(), idleTimeoutSeconds };
  return {
    stage: ctx.stage,
    csrfToken: ctx.session.csrfToken,
    idleTimeoutSeconds,
    account: {
      id: ctx.account.id,
      email: ctx.account.email,
      displayName: ctx.account.displayName,
      schoolId: ctx.account.schoolId,
      // Until sign-in is finished, grants are withheld: they describe what the session may not yet do.
      grants: ctx.stage === 'signed-in' ? ctx.grants : [],
      mfaEnabled: Boolean(ctx.account.totpEnabledAt),
      mfaRequired: access.mfaRequired(ctx.grants),
    },
  };
}

const credentials = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});
const codeBody = z.object({ code: z.string().trim().min(1).max(64) });

export function registerSessionRoutes(app: FastifyInstance, haven: Haven): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const view = (request: FastifyRequest, reply: FastifyReply, ctx: SessionContext | null) =>
    sessionView(haven, ctx, () => anonymousCsrfToken(request, reply, haven));

  api.get(
    '/session',
    { schema: { summary: 'The current session and its CSRF token', response: { 200: sessionSchema } } },
    async (request, reply) => view(request, reply, request.auth),
  );

  api.post(
    '/session',
    {
      schema: {
        summary: 'Sign in with email and password',
        body: credentials,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const { token, context } = await signIn(haven, {
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      // Signing in again in the same browser ends the session it had.
      if (request.auth) await signOut(haven, request.auth);
      setSessionCookie(reply, haven, token);
      return view(request, reply, context);
    },
  );

  api.post(
    '/session/mfa',
    {
      schema: {
        summary: 'Finish sign-in with a TOTP or recovery code',
        body: codeBody,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) =>
      view(request, reply, await verifySecondFactor(haven, requireSession(request), request.body.code)),
  );

  api.post(
    '/session/mfa/enrol/start',
    {
      schema: {
        summary: 'Begin two-factor set-up: a new secret, its otpauth URL and QR code',
        response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() }) },
      },
    },
    async (request) => startEnrolment(haven, requireSession(request)),
  );

  api.post(
    '/session/mfa/enrol/confirm',
    {
      schema: {
        summary: 'Confirm two-factor set-up with a code; returns recovery codes once',
        body: codeBody,
        response: { 200: z.object({ session: sessionSchema, recoveryCodes: z.array(z.string()) }) },
      },
    },
    async (request, reply) => {
      const { context, recoveryCodes } = await confirmEnrolment(
        haven,
        requireSession(request),
        request.body.code,
      );
      return { session: view(request, reply, context), recoveryCodes };
    },
  );

  api.delete('/session', { schema: { summary: 'Sign out' } }, async (request, reply) => {
    if (request.auth) await signOut(haven, request.auth);
    clearSessionCookie(reply, haven);
    return reply.status(204).send();
  });
}
