/**
 * Search terms from the addresses of search engines and sites with a search box, where the
 * address is seen whole (plain HTTP through the proxy, a Squid log, a school's own TLS
 * inspection). Over HTTPS, a DNS filter or a CONNECT-only proxy sees the host alone, and no
 * search term at all: Haven says so rather than pretend.
 */

/** Host suffix → the query parameters that hold the search. */
const ENGINES: readonly [string, readonly string[]][] = [
  ['google.', ['q', 'as_q']],
  ['bing.com', ['q']],
  ['duckduckgo.com', ['q']],
  ['search.yahoo.com', ['p']],
  ['yahoo.com', ['p']],
  ['youtube.com', ['search_query', 'q']],
  ['ecosia.org', ['q']],
  ['wikipedia.org', ['search']],
  ['baidu.com', ['wd']],
  ['yandex.', ['text']],
  ['ask.com', ['q']],
  ['startpage.com', ['query', 'q']],
  ['search.brave.com', ['q']],
  ['tiktok.com', ['q']],
  ['reddit.com', ['q']],
  ['amazon.', ['k']],
  ['qwant.com', ['q']],
  ['kiddle.co', ['q']],
];

/** `google.` matches google.com and google.co.uk (any ending); `bing.com` matches it and its subdomains. */
function engineParams(host: string): readonly string[] | null {
  const h = host.toLowerCase();
  const labels = h.split('.');
  for (const [pattern, params] of ENGINES) {
    if (pattern.endsWith('.')) {
      const name = pattern.slice(0, -1);
      // The name is a label followed only by a public suffix (up to two labels: com, co.uk).
      const at = labels.lastIndexOf(name);
      if (at >= 0 && labels.length - at - 1 >= 1 && labels.length - at - 1 <= 2) return params;
    } else if (h === pattern || h.endsWith(`.${pattern}`)) return params;
  }
  return null;
}

/** The search terms in a URL, or [] where it is not a search (or cannot be parsed). */
export function searchTerms(url: string): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [];
  }
  const params = engineParams(u.hostname);
  if (!params) return [];
  const out: string[] = [];
  for (const p of params) {
    const v = u.searchParams.get(p);
    if (v?.trim()) out.push(v.trim());
  }
  // YouTube and others also put the search in the path: /results?search_query= is covered; /search/<terms> too.
  const m = /\/search\/([^/?#]+)/.exec(u.pathname);
  if (m?.[1] && out.length === 0) {
    try {
      out.push(decodeURIComponent(m[1].replace(/\+/g, ' ')));
    } catch {
      // a malformed escape: no term
    }
  }
  return out;
}

/** What a monitor scans for a line: a URL's search terms and readable path, or the text itself. */
export function scannableText(line: string): { text: string; source: 'search' | 'url' | 'text' } {
  const trimmed = line.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    const terms = searchTerms(trimmed);
    if (terms.length > 0) return { text: terms.join(' '), source: 'search' };
    try {
      const u = new URL(trimmed);
      const words = decodeURIComponent(`${u.pathname} ${u.search}`).replace(/[/_+=&?.-]+/g, ' ');
      return { text: words, source: 'url' };
    } catch {
      return { text: trimmed, source: 'text' };
    }
  }
  return { text: trimmed, source: 'text' };
}
