/**
 * A small fetch client for Haven's HTTP API: JSON in and out, the CSRF header on every request
 * that changes something, errors turned into `ApiError`, and a 401 (other than a wrong password
 * or code) reported to the session so the app returns to sign-in.
 */
import { t } from './i18n.ts';

export interface ApiErrorDetail {
  path: string;
  reason: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** The stable error id (`auth.invalid`, `forbidden`, `validation`, ...). */
    readonly id: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
    /** Seconds to wait before trying again (429), from the details or a Retry-After header. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export function isApiError(error: unknown, id?: string): error is ApiError {
  return error instanceof ApiError && (id === undefined || error.id === id);
}

/** 401s that mean "that password or code is wrong", answered on the form, not by signing out. */
const FORM_AUTH_ERRORS = new Set(['auth.invalid', 'auth.mfa-invalid']);

let csrfToken = '';
let lastResponseAt = 0;
let sessionProblem: ((error: ApiError) => void) | null = null;

/** Every session response carries the token to send with the next change. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/**
 * Called when the server says the session is not what the app thinks: it has ended (a 401
 * outside the sign-in forms, such as `auth.idle`), or it still needs a second factor
 * (`auth.mfa-required`).
 */
export function onSessionProblem(handler: ((error: ApiError) => void) | null): void {
  sessionProblem = handler;
}

/** When the server last answered; the idle timer uses it to keep the server's session alive. */
export function lastServerContact(): number {
  return lastResponseAt;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
}

/** `path` is under /api, e.g. `/session`. Resolves to the parsed JSON body, or undefined for 204. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;

  let error = await toApiError(response);
  if (response.status === 403 && error.id.startsWith('csrf') && (options.method ?? 'GET') !== 'GET') {
    // The token went stale (another tab signed in, the server restarted): fetch a fresh one, retry once.
    const session = await request<{ csrfToken: string }>('/session');
    setCsrfToken(session.csrfToken);
    const retried = await send(path, options);
    if (retried.ok) return (retried.status === 204 ? undefined : await retried.json()) as T;
    error = await toApiError(retried);
  }
  if ((error.status === 401 && !FORM_AUTH_ERRORS.has(error.id)) || error.id === 'auth.mfa-required') {
    sessionProblem?.(error);
  }
  throw error;
}

async function send(path: string, { method = 'GET', body, signal }: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  try {
    const response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
    lastResponseAt = Date.now();
    return response;
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'network', t('web.error.network'));
  }
}

/** Reads the `{ error: { id, message, details } }` body; anything else becomes a generic error. */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, an empty body): fall through to the generic error.
  }
  return parseApiError(response.status, body, response.headers.get('retry-after'));
}

export function parseApiError(
  status: number,
  body: unknown,
  retryAfterHeader: string | null = null,
): ApiError {
  const raw = isRecord(body) && isRecord(body.error) ? body.error : {};
  const id = typeof raw.id === 'string' ? raw.id : fallbackId(status);
  const message = typeof raw.message === 'string' && raw.message !== '' ? raw.message : t('error.internal');
  const details: ApiErrorDetail[] = [];
  let retryAfter: number | null = null;
  if (Array.isArray(raw.details)) {
    for (const d of raw.details) {
      if (isRecord(d) && typeof d.path === 'string' && typeof d.reason === 'string') {
        details.push({ path: d.path, reason: d.reason });
        if (d.path === 'retryAfterSeconds') retryAfter = toSeconds(d.reason);
      }
    }
  } else if (isRecord(raw.details)) {
    retryAfter = toSeconds(raw.details.retryAfterSeconds);
  }
  retryAfter ??= toSeconds(retryAfterHeader);
  return new ApiError(status, id, message, details, retryAfter);
}

function fallbackId(status: number): string {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  return 'internal';
}

function toSeconds(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? Math.ceil(n) : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
