import { canonicalEntryPath, normaliseHost, normaliseUrl, urlPathPrefixes } from './host.ts';

/**
 * Illegal-content lists (child abuse, terrorism): small (tens of thousands of entries), checked
 * before anything else, unblockable. They come as domains, URLs and SHA-256 digests of normalised
 * keys; core does no hashing itself, so the caller injects the SHA-256 function.
 *
 * A request for `host` + `path` matches when
 *  - the host or one of its parent domains is a listed domain;
 *  - a listed URL's host is the host or a parent domain and its path is a prefix of `path` at a
 *    segment boundary (the same rule as `DomainIndex.lookupUrl`);
 *  - the SHA-256 (lower-case hex) of one of these keys is listed: each suffix of the host
 *    (`a.example.com`, `example.com`, `com`), and `host + p` for every `p` in
 *    `urlPathPrefixes(path, true)`: `/`, each prefix ending before a `/`, `?` or (in the query) `&`,
 *    the same prefixes with their `/` (`/dir/`), and the full path, i.e. the full normalised URL.
 */

export interface IllegalListSource {
  domains: readonly string[];
  urls: readonly string[];
  sha256: readonly string[];
}

export interface IllegalListRejected {
  kind: 'domain' | 'url' | 'sha256';
  value: string;
  reason: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function hostSuffixes(host: string): string[] {
  const out = [host];
  for (let i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) {
    if (i + 1 < host.length) out.push(host.slice(i + 1));
  }
  return out;
}

export class IllegalListIndex {
  private readonly domains = new Set<string>();
  private readonly urls = new Set<string>();
  private readonly urlHosts = new Set<string>();
  private readonly hashes = new Set<string>();
  /** Entries that could not be normalised; report them, since they cannot match anything. */
  readonly rejected: readonly IllegalListRejected[];

  constructor(source: IllegalListSource) {
    const rejected: IllegalListRejected[] = [];
    for (const d of source.domains) {
      const h = normaliseHost(d);
      if (h.ok) this.domains.add(h.host);
      else rejected.push({ kind: 'domain', value: d, reason: h.reason });
    }
    for (const u of source.urls) {
      const r = normaliseUrl(u);
      if (!r.ok) {
        rejected.push({ kind: 'url', value: u, reason: r.reason });
        continue;
      }
      this.urls.add(r.host + canonicalEntryPath(r.path));
      this.urlHosts.add(r.host);
    }
    for (const s of source.sha256) {
      const hex = s.trim().toLowerCase();
      if (SHA256_HEX.test(hex)) this.hashes.add(hex);
      else
        rejected.push({ kind: 'sha256', value: s, reason: 'not a SHA-256 digest (64 hexadecimal digits)' });
    }
    this.rejected = rejected;
  }

  get size(): { domains: number; urls: number; sha256: number } {
    return { domains: this.domains.size, urls: this.urls.size, sha256: this.hashes.size };
  }

  /**
   * Whether a request matches (see the module comment). `host` and `path` should come from
   * `normaliseUrl`; the host is normalised again here anyway. `path` null checks the host only.
   */
  match(host: string, path: string | null, sha256Hex: (s: string) => string): { matched: true } | null {
    const norm = normaliseHost(host);
    const h = norm.ok ? norm.host : host.trim().toLowerCase();
    if (h.length === 0) return null;
    const suffixes = hostSuffixes(h);
    for (const s of suffixes) if (this.domains.has(s)) return { matched: true };

    const prefixes = path === null ? [] : urlPathPrefixes(path.startsWith('/') ? path : `/${path}`, true);
    if (this.urls.size > 0) {
      for (const s of suffixes) {
        if (!this.urlHosts.has(s)) continue;
        for (const p of prefixes) if (this.urls.has(s + canonicalEntryPath(p))) return { matched: true };
      }
    }
    if (this.hashes.size > 0) {
      for (const s of suffixes) if (this.hashes.has(sha256Hex(s).toLowerCase())) return { matched: true };
      for (const p of prefixes) if (this.hashes.has(sha256Hex(h + p).toLowerCase())) return { matched: true };
    }
    return null;
  }
}
