import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { newToken } from '../auth/tokens.ts';
import type { Haven } from '../haven.ts';
import type { Actor } from '../services/actor.ts';
import { resolveSession, type SessionContext } from '../services/auth-service.ts';
import { errors } from './errors.ts';

export const SESSION_COOKIE = 'haven_session';
/** Before sign-in, forms are protected by a double-submit token held in this cookie. */
export const CSRF_COOKIE = 'haven_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    auth: SessionContext | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function cookieOptions(haven: Haven, sameSite: 'lax' | 'strict') {
  const secure = haven.config.cookieSecure ?? haven.config.publicUrl?.startsWith('https:') ?? false;
  return { path: '/', httpOnly: true, sameSite, secure } as const;
}

export function setSessionCookie(reply: FastifyReply, haven: Haven, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    ...cookieOptions(haven, 'lax'),
    maxAge: haven.config.sessionMaxHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, haven: Haven): void {
  void reply.clearCookie(SESSION_COOKIE, cookieOptions(haven, 'lax'));
}

/** The anonymous CSRF token for this browser, set when missing. */
export function anonymousCsrfToken(request: FastifyRequest, reply: FastifyReply, haven: Haven): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = newToken();
  void reply.setCookie(CSRF_COOKIE, token, cookieOptions(haven, 'strict'));
  return token;
}

/**
 * Every API request: find the session behind the cookie (ending it if idle), then refuse any
 * state-changing request whose CSRF header does not match the session's token (or, before
 * sign-in, the double-submit cookie).
 */
export function registerSessionHooks(app: FastifyInstance, haven: Haven): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request, reply) => {
    try {
      request.auth = await resolveSession(haven, request.cookies[SESSION_COOKIE], request.ip);
    } catch (error) {
      clearSessionCookie(reply, haven);
      // A stale cookie must not stand in the way of signing in again or of a health check.
      const path = request.routeOptions.url ?? '';
      const anonymousOk =
        (request.method === 'POST' && path === '/api/session') ||
        path === '/api/health' ||
        path.startsWith('/api/auth/oidc/');
      if (!anonymousOk) throw error;
      request.auth = null;
    }
    if (request.cookies[SESSION_COOKIE] && !request.auth) clearSessionCookie(reply, haven);
    if (SAFE_METHODS.has(request.method)) return;
    const sent = request.headers[CSRF_HEADER];
    const header = Array.isArray(sent) ? sent[0] : sent;
    const expected = request.auth ? request.auth.session.csrfToken : request.cookies[CSRF_COOKIE];
    if (!sameToken(header, expected)) throw errors.csrf();
  });
}

/** The signed-in session, or a 401/403 saying what is missing. */
export function requireSignedIn(request: FastifyRequest): SessionContext & { actor: Actor } {
  const auth = request.auth;
  if (!auth) throw errors.unauthenticated();
  if (auth.stage === 'mfa-challenge')
    throw errors.mfaStage('Enter your two-factor code to finish signing in.');
  if (auth.stage === 'mfa-enrol')
    throw errors.mfaStage(
      'Set up two-factor sign-in first: your role gives access to safeguarding or personal data.',
    );
  return auth;
}

/** Any session at all, including one part-way through two-factor sign-in. */
export function requireSession(request: FastifyRequest): SessionContext {
  if (!request.auth) throw errors.unauthenticated();
  return request.auth;
}
