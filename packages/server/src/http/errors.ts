/**
 * Named errors with a stable id and an HTTP status. Handlers throw these; one central handler
 * turns them into `{ error: { id, message, details? } }` and hides everything else.
 */
export interface ErrorDetail {
  path: string;
  reason: string;
}

export class HavenError extends Error {
  constructor(
    readonly id: string,
    readonly status: number,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const errors = {
  validation: (details: ErrorDetail[], message = 'Some of what was sent is not valid.') =>
    new HavenError('validation', 400, message, details),
  unauthenticated: (message = 'Please sign in.') => new HavenError('auth.required', 401, message),
  idle: () =>
    new HavenError(
      'auth.idle',
      401,
      'You were signed out after a period of inactivity. Please sign in again.',
    ),
  invalidCredentials: () =>
    new HavenError('auth.invalid', 401, 'That email and password do not match an account.'),
  locked: (until: string) =>
    new HavenError(
      'auth.locked',
      423,
      'This account is locked after too many failed sign-ins. Ask your school administrator to unlock it, or try again later.',
      [{ path: 'lockedUntil', reason: until }],
    ),
  throttled: (retryAfterSeconds: number) =>
    new HavenError(
      'auth.throttled',
      429,
      `Too many failed sign-ins. Wait ${retryAfterSeconds} seconds before trying again.`,
      [{ path: 'retryAfterSeconds', reason: String(retryAfterSeconds) }],
      { 'retry-after': String(retryAfterSeconds) },
    ),
  expired: (hours: number) =>
    new HavenError(
      'auth.expired',
      401,
      `Your session has ended: sessions last at most ${hours} hours. Please sign in again.`,
    ),
  mfaInvalid: () =>
    new HavenError('auth.mfa-invalid', 401, 'That code is not valid, or has already been used.'),
  mfaStage: (message: string) => new HavenError('auth.mfa-required', 403, message),
  csrf: () => new HavenError('csrf', 403, 'This form has expired. Reload the page and try again.'),
  evidenceRefused: (reason: string, message: string) =>
    new HavenError('evidence-refused', 422, message, [{ path: 'content', reason }]),
  forbidden: () => new HavenError('forbidden', 403, 'You do not have access to this.'),
  forbiddenBecause: (message: string) => new HavenError('forbidden', 403, message),
  notFound: (what = 'That') => new HavenError('not-found', 404, `${what} was not found.`),
  conflict: (message: string) => new HavenError('conflict', 409, message),
  illegalNotOverridable: () =>
    new HavenError(
      'illegal-not-overridable',
      422,
      'Illegal content cannot be unblocked: no exception, setting or administrator can allow it.',
    ),
  gatewayUnauthorised: () =>
    new HavenError(
      'auth.gateway',
      401,
      "This gateway's credential is missing, not recognised or revoked. Register the gateway again to get a new token.",
      undefined,
      { 'www-authenticate': 'Bearer realm="haven-gateway"' },
    ),
  noApprovedPolicy: () =>
    new HavenError(
      'filter.no-policy',
      409,
      "This school has no approved policy yet, so the filter has nothing to follow. Record the governors' approval of a policy first.",
    ),
  noMatrix: (school: string, matrix: string) =>
    new HavenError('policy.no-matrix', 404, `${school}'s policy has no ${matrix} matrix.`),
};
