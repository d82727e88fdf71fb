import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Haven } from '../../haven.ts';
import { signOut } from '../../services/auth-service.ts';
import {
  finishSsoSignIn,
  getSsoSettings,
  LOGIN_STATE_MINUTES,
  listSignInProviders,
  SsoRefused,
  saveSsoSettings,
  startSsoSignIn,
} from '../../services/sso-service.ts';
import { cookieOptions, requireSignedIn, setSessionCookie } from '../session.ts';

/** Binds a sign-in under way to the browser that began it; sent back only to the callback. */
export const SSO_COOKIE = 'haven_oidc';
const SSO_COOKIE_PATH = '/api/auth/oidc';

const schoolParams = z.object({ schoolId: z.string().min(1).max(64) });

const settingsView = z.object({
  configured: z.boolean(),
  label: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  clientSecretSet: z.boolean(),
  allowedDomains: z.array(z.string()),
  hostedDomain: z.string().nullable(),
  tenantId: z.string().nullable(),
  providerEnforcesMfa: z.boolean(),
  enabled: z.boolean(),
  redirectUri: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

/* Single sign-on: the school's provider settings, and the browser's way through the provider. */
export function registerSsoRoutes(app: FastifyInstance, haven: Haven): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Where the browser lands after the provider: the web app, which reads `sso` for a refusal.
  const webUrl = (path: string) =>
    haven.config.publicUrl ? new URL(path, haven.config.publicUrl).href : path;

  api.get(
    '/schools/:schoolId/sso',
    {
      schema: {
        summary: "The school's single sign-on provider (the client secret is never returned)",
        params: schoolParams,
        response: { 200: settingsView },
      },
    },
    async (request) => getSsoSettings(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.put(
    '/schools/:schoolId/sso',
    {
      schema: {
        summary: "Set the school's single sign-on provider (validated; audit-logged; secret write-only)",
        params: schoolParams,
        body: z.unknown(),
        response: { 200: settingsView },
      },
    },
    async (request) =>
      saveSsoSettings(haven, requireSignedIn(request).actor, request.params.schoolId, request.body),
  );

  api.get(
    '/auth/oidc/providers',
    {
      schema: {
        summary: 'The single sign-on buttons for the sign-in page: label and start URL (public)',
        response: {
          200: z.object({
            providers: z.array(
              z.object({
                school: z.string(),
                schoolName: z.string(),
                label: z.string(),
                startUrl: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ providers: await listSignInProviders(haven) }),
  );

  api.get(
    '/auth/oidc/:schoolSlug/start',
    {
      schema: {
        summary: "Begin signing in through the school's identity provider (302 to the provider)",
        params: z.object({ schoolSlug: z.string().min(1).max(100) }),
      },
    },
    async (request, reply) => {
      try {
        const { cookieToken, location } = await startSsoSignIn(haven, request.params.schoolSlug, request.ip);
        // Lax, so the provider's redirect back (a top-level GET) carries it.
        void reply.setCookie(SSO_COOKIE, cookieToken, {
          ...cookieOptions(haven, 'lax'),
          path: SSO_COOKIE_PATH,
          maxAge: LOGIN_STATE_MINUTES * 60,
        });
        return reply.redirect(location, 302);
      } catch (error) {
        if (error instanceof SsoRefused) return reply.redirect(webUrl(`/sign-in?sso=${error.reason}`), 302);
        throw error;
      }
    },
  );

  api.get(
    '/auth/oidc/callback',
    {
      schema: {
        summary: 'Where the identity provider sends the browser back: checks everything, then signs in',
        querystring: z.record(z.string(), z.unknown()),
      },
    },
    async (request, reply) => {
      void reply.clearCookie(SSO_COOKIE, { ...cookieOptions(haven, 'lax'), path: SSO_COOKIE_PATH });
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      try {
        const { token } = await finishSsoSignIn(haven, {
          cookieToken: request.cookies[SSO_COOKIE],
          query,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        // Signing in again in the same browser ends the session it had.
        if (request.auth) await signOut(haven, request.auth);
        setSessionCookie(reply, haven, token);
        // The web app sends a session with a second step to come to that step's page.
        return reply.redirect(webUrl('/'), 302);
      } catch (error) {
        if (error instanceof SsoRefused) return reply.redirect(webUrl(`/sign-in?sso=${error.reason}`), 302);
        throw error;
      }
    },
  );
}
