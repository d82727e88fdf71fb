/** Response headers for a block page: never cached, never framed, no scripts, and forms only to the review address. */
import { safeReviewUrl } from './html.ts';
import type { BlockPageInfo } from './types.ts';

function formAction(info: BlockPageInfo): string {
  const action = info.illegal ? null : safeReviewUrl(info.reviewUrl);
  if (action === null) return "'none'";
  if (action.startsWith('/')) return "'self'";
  return new URL(action).origin;
}

export function blockPageHeaders(info: BlockPageInfo, body: string): Record<string, string | number> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction(info)}; base-uri 'none'; frame-ancestors 'none'`,
    // Lets the filter test tell Haven's block from an origin's own 403.
    'X-Haven-Decision': 'block',
  };
}

/** Headers for the plain notice pages (thanks, errors) of the block-page server. */
export function noticeHeaders(body: string): Record<string, string | number> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy':
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
  };
}
