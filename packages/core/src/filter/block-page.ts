import { escapeHtml } from '../policy/render.ts';
import { CATEGORY_LABELS } from './categories.ts';
import { type Decision, describeCitation, explain, overridable, type PreparedFilter } from './decide.ts';

/**
 * The block page: one small, self-contained HTML document (inline CSS, no scripts, no external
 * assets) that reads well on a phone and with a screen reader. Every piece of text is escaped.
 * Pure, so the gateway's block-page server, its proxy and Haven's own server render the same page.
 */

/** What a block page says. Haven's decide() fills it in; the proxy and the block-page server only show it. */
export interface BlockPageInfo {
  host: string;
  url: string | null;
  category: string | null;
  /** One plain sentence for a teacher or pupil. */
  reason: string;
  /** The policy clause in plain words, e.g. 'User actions matrix, "On-line gambling": Unacceptable'. */
  clause: string | null;
  /** When true the page reveals nothing about the content: no host, URL, category, clause or review offer. */
  illegal: boolean;
  /** Where "Ask for this to be reviewed" posts to; null means no review is offered. */
  reviewUrl: string | null;
  /** A short id the user can quote to IT. */
  reference: string;
  /** Set when the block is "sign your agreement first": where to sign. */
  signUrl?: string | null;
}

/** The longest comment a review request takes (the form's maxlength; the server checks it too). */
export const REVIEW_COMMENT_MAX = 1000;

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

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#f6f6f4;--card:#fff;--muted:#555;--accent:#0b5cad;--line:#d6d6d0}
@media (prefers-color-scheme:dark){:root{--fg:#eee;--bg:#181818;--card:#242424;--muted:#bbb;--accent:#8cc4ff;--line:#444}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:38rem;margin:0 auto;padding:1.5rem 1rem 3rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1.25rem 1.25rem .5rem}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .75rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
p{margin:0 0 1rem}
dl{margin:0 0 1rem}
dt{font-weight:600;color:var(--muted);font-size:.9rem}
dd{margin:0 0 .75rem;overflow-wrap:anywhere}
code{font:1rem/1.4 ui-monospace,SFMono-Regular,Consolas,monospace;background:var(--bg);padding:.1rem .35rem;border-radius:.25rem}
label{display:block;font-weight:600;margin-bottom:.35rem}
textarea{width:100%;font:inherit;padding:.5rem;border:1px solid var(--line);border-radius:.5rem;background:var(--card);color:var(--fg)}
button{margin:.75rem 0 1rem;font:inherit;font-weight:600;padding:.6rem 1.1rem;border:0;border-radius:.5rem;background:var(--accent);color:var(--card);cursor:pointer}
button:focus-visible,textarea:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.muted{color:var(--muted);font-size:.9rem}
`;

function document(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<div class="card">
${body}
</div>
</main>
</body>
</html>
`;
}

function row(term: string, value: string | null, asCode = false): string {
  if (value === null || value === '') return '';
  const shown = escapeHtml(clip(value, 300));
  return `<dt>${term}</dt><dd>${asCode ? `<code>${shown}</code>` : shown}</dd>\n`;
}

function reviewForm(info: BlockPageInfo, action: string): string {
  return `<h2>Need this page for your work?</h2>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="host" value="${escapeHtml(info.host)}">
<input type="hidden" name="url" value="${escapeHtml(info.url ?? '')}">
<input type="hidden" name="reference" value="${escapeHtml(info.reference)}">
<label for="haven-comment">What do you need it for? (optional)</label>
<textarea id="haven-comment" name="comment" rows="3" maxlength="${REVIEW_COMMENT_MAX}"></textarea>
<button type="submit">Ask for this to be reviewed</button>
</form>
`;
}

/** The page for a blocked request. For `illegal: true` it says nothing about what was asked for. */
export function renderBlockPage(info: BlockPageInfo): string {
  if (info.illegal) {
    return document(
      "This page can't be shown",
      `<h1>This page can't be shown</h1>
<p>This page can't be shown. The school has been told.</p>
<p>Reference: <code>${escapeHtml(info.reference)}</code></p>
`,
    );
  }
  const sign = info.signUrl ? safeReviewUrl(info.signUrl) : null;
  if (sign !== null) {
    return document(
      'Sign your agreement first',
      `<h1>Sign your agreement first</h1>
<p>${escapeHtml(info.reason)}</p>
<p><a href="${escapeHtml(sign)}">Read and sign your acceptable use agreement</a></p>
<p class="muted">Reference: <code>${escapeHtml(info.reference)}</code></p>
`,
    );
  }
  const host = info.host === '' ? 'this page' : info.host;
  const details =
    row('Address', info.url ?? info.host) +
    row('Category', info.category) +
    row('Policy', info.clause) +
    row('Reference', info.reference, true);
  const action = safeReviewUrl(info.reviewUrl);
  const form = action === null ? '' : reviewForm(info, action);
  return document(
    'This page is blocked',
    `<h1>This page is blocked</h1>
<p>The school's online-safety policy does not allow <strong>${escapeHtml(clip(host, 200))}</strong>.</p>
<p>${escapeHtml(info.reason)}</p>
<dl>
${details}</dl>
<p class="muted">If you think this is a mistake, tell your teacher or IT and quote the reference.</p>
${form}`,
  );
}

/** A short page with a heading and one message, e.g. "Thanks" after a review request. */
export function renderNoticePage(heading: string, message: string): string {
  return document(heading, `<h1>${escapeHtml(heading)}</h1>\n<p>${escapeHtml(message)}</p>\n`);
}

/** What the page for a blocked decision says. An illegal block says nothing about what was asked for. */
export function blockPageFor(
  prepared: PreparedFilter,
  d: Decision,
  url: string | null,
  reviewUrl: string | null,
  reference: string,
): BlockPageInfo {
  if (d.alert === 'illegal-list' || d.alert === 'policy-illegal') {
    return {
      host: '',
      url: null,
      category: null,
      reason: '',
      clause: null,
      illegal: true,
      reviewUrl: null,
      reference,
    };
  }
  return {
    host: d.host,
    url,
    category: d.category ? CATEGORY_LABELS[d.category] : null,
    reason: explain(prepared, d),
    clause: d.rule ? describeCitation(d.rule.governing) : null,
    illegal: false,
    reviewUrl: overridable(d) ? reviewUrl : null,
    reference,
    signUrl: d.kind === 'sign-first' ? (prepared.signFirst(d.user)?.url ?? null) : null,
  };
}
