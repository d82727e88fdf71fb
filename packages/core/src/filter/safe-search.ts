/**
 * Enforced safe search. The search engines publish hosts that always serve filtered results;
 * pointing their usual names at those hosts (a DNS CNAME, or a proxy tunnelling to them) turns
 * safe search on for everyone behind the gateway, whatever the browser's setting. YouTube has two
 * levels: `restrict` (strict) and `restrictmoderate`.
 */

export const YOUTUBE_MODES = ['off', 'moderate', 'strict'] as const;
export type YoutubeMode = (typeof YOUTUBE_MODES)[number];

export interface SafeSearchSettings {
  safeSearch: boolean;
  youtube: YoutubeMode;
}

const GOOGLE_SAFE = 'forcesafesearch.google.com';
const BING_SAFE = 'strict.bing.com';
const DUCKDUCKGO_SAFE = 'safe.duckduckgo.com';
const YOUTUBE_SAFE: Record<Exclude<YoutubeMode, 'off'>, string> = {
  strict: 'restrict.youtube.com',
  moderate: 'restrictmoderate.youtube.com',
};

const YOUTUBE_HOSTS = new Set([
  'www.youtube.com',
  'youtube.com',
  'm.youtube.com',
  'youtubei.googleapis.com',
  'youtube.googleapis.com',
  'www.youtube-nocookie.com',
]);
const BING_HOSTS = new Set(['www.bing.com', 'bing.com']);
const DUCKDUCKGO_HOSTS = new Set(['duckduckgo.com', 'www.duckduckgo.com', 'start.duckduckgo.com']);
// Google's search front ends on every country domain: google.com, google.co.uk, google.com.au, google.de.
const GOOGLE_HOST = /^(?:www\.)?google\.(?:com|co\.[a-z]{2}|com\.[a-z]{2}|[a-z]{2})$/;

/** The enforced-safe host to send `host` to, or null where none applies. */
export function safeSearchTarget(host: string, settings: SafeSearchSettings): string | null {
  if (settings.youtube !== 'off' && YOUTUBE_HOSTS.has(host)) return YOUTUBE_SAFE[settings.youtube];
  if (!settings.safeSearch) return null;
  if (BING_HOSTS.has(host)) return BING_SAFE;
  if (DUCKDUCKGO_HOSTS.has(host)) return DUCKDUCKGO_SAFE;
  if (host.includes('google.') && GOOGLE_HOST.test(host)) return GOOGLE_SAFE;
  return null;
}

/**
 * Firefox asks this name before turning DNS over HTTPS on by itself; an NXDOMAIN answer tells it
 * the network filters DNS, so it keeps using the school's resolver.
 */
export const DOH_CANARY = 'use-application-dns.net';
