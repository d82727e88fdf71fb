import type { GatewayReviewRequest, SignedIn } from './gateway.ts';

/**
 * The gateway's calls to Haven's server beyond the snapshot and the events: proxy sign-in and
 * block-page review requests. Each carries the gateway's own token.
 */

/** Answers that mean "not signed in" (wrong, locked, throttled), not "the server is broken". */
const REFUSED = new Set([401, 423, 429]);

export function httpSignIn(serverUrl: string, token: string, timeoutMs = 10_000) {
  return async (username: string, password: string, client: string): Promise<SignedIn | null> => {
    const res = await fetch(new URL('/api/gateway/sign-in', serverUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, client }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (REFUSED.has(res.status)) return null;
    if (!res.ok) throw new Error(`the server answered ${res.status} for a proxy sign-in`);
    const body = (await res.json()) as Partial<SignedIn>;
    if (typeof body.user !== 'string' || typeof body.until !== 'string')
      throw new Error('the server answered a proxy sign-in without a user');
    return { user: body.user, group: typeof body.group === 'string' ? body.group : null, until: body.until };
  };
}

export function httpReviewSender(serverUrl: string, token: string, timeoutMs = 10_000) {
  return async (r: GatewayReviewRequest): Promise<void> => {
    const res = await fetch(new URL('/api/gateway/reviews', serverUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(r),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`the server answered ${res.status} for a review request`);
  };
}
