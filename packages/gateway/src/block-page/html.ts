const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML element or a double- or single-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Shortens text to at most `max` characters (a long URL must not swamp a phone screen). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A review address a form may post to: an absolute path on this site, or an http(s) URL. Anything
 * else (javascript:, data:, protocol-relative) gives null, and no form is shown.
 */
export function safeReviewUrl(reviewUrl: string | null): string | null {
  if (reviewUrl === null) return null;
  if (reviewUrl.startsWith('/') && !reviewUrl.startsWith('//') && !reviewUrl.includes('\\')) return reviewUrl;
  try {
    const url = new URL(reviewUrl);
    if (url.protocol === 'http:' || url.protocol === 'https:') return reviewUrl;
  } catch {
    // not a URL
  }
  return null;
}
