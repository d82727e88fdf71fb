import { REVIEW_COMMENT_MAX } from '@haven/core/filter';
/** The "Ask for this to be reviewed" form: its limits, and parsing and checking what a browser posts. */

export const REVIEW_LIMITS = {
  /** Largest request body accepted, in bytes (the fields below, percent-encoded, fit well inside). */
  bodyBytes: 32 * 1024,
  host: 253,
  url: 4096,
  reference: 64,
  comment: REVIEW_COMMENT_MAX,
} as const;

export interface ReviewForm {
  host: string;
  url: string | null;
  reference: string;
  comment: string | null;
}

export type ReviewFormResult = { ok: true; form: ReviewForm } | { ok: false; reason: string };

const FIELDS = ['host', 'url', 'reference', 'comment'] as const;

function isHostChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x2d || // -
    code === 0x2e || // .
    code === 0x5f || // _
    code === 0x3a // : (IPv6)
  );
}

function isReferenceChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x5f
  );
}

function every(text: string, test: (code: number) => boolean): boolean {
  for (let i = 0; i < text.length; i++) if (!test(text.charCodeAt(i))) return false;
  return true;
}

/** Control characters other than tab and line breaks. */
function hasControl(text: string, allowLineBreaks: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (allowLineBreaks && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** Parses an application/x-www-form-urlencoded review request and checks every field. */
export function parseReviewForm(body: string): ReviewFormResult {
  const seen = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(body)) {
    if (!(FIELDS as readonly string[]).includes(name)) continue;
    if (seen.has(name)) return { ok: false, reason: `${name} is given more than once` };
    seen.set(name, value);
  }
  const host = (seen.get('host') ?? '').trim().toLowerCase();
  if (host === '') return { ok: false, reason: 'host is missing' };
  if (host.length > REVIEW_LIMITS.host || !every(host, isHostChar))
    return { ok: false, reason: 'host is not valid' };

  const url = (seen.get('url') ?? '').trim();
  if (url.length > REVIEW_LIMITS.url) return { ok: false, reason: 'url is too long' };
  if (url !== '' && (!/^https?:\/\//i.test(url) || hasControl(url, false) || /\s/.test(url))) {
    return { ok: false, reason: 'url is not valid' };
  }

  const reference = (seen.get('reference') ?? '').trim();
  if (reference === '') return { ok: false, reason: 'reference is missing' };
  if (reference.length > REVIEW_LIMITS.reference || !every(reference, isReferenceChar)) {
    return { ok: false, reason: 'reference is not valid' };
  }

  const comment = (seen.get('comment') ?? '').trim();
  if (comment.length > REVIEW_LIMITS.comment) return { ok: false, reason: 'comment is too long' };
  if (hasControl(comment, true)) return { ok: false, reason: 'comment contains control characters' };

  return {
    ok: true,
    form: { host, url: url === '' ? null : url, reference, comment: comment === '' ? null : comment },
  };
}
