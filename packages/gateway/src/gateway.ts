import { randomBytes } from 'node:crypto';
import { filter } from '@haven/core';
import { startBlockPageServer } from './block-page/index.ts';
import type { BlockPageInfo } from './block-page/types.ts';
import { type DnsFilter, type DnsVerdict, startDnsFilter } from './dns/index.ts';
import type { DecisionEvent, EventBatcher } from './event-batcher.ts';
import { type HttpVerdict, startProxy } from './proxy/index.ts';
import type { SnapshotSource } from './snapshot-source.ts';

/**
 * The composer: Haven's decide() behind a DNS filter, an HTTP(S) proxy and a block-page server.
 * Each enforcement point asks the snapshot in force at that moment and the list index in force at
 * that moment; both are swapped whole on reload, so no query sees half of one and half of another.
 */

export interface ListSource {
  current(): filter.ListLookup;
}

export interface GatewayOptions {
  snapshots: SnapshotSource;
  lists: ListSource;
  events?: EventBatcher;
  dns?: {
    listen: { host: string; port: number };
    upstreams: { host: string; port: number }[];
    upstreamTimeoutMs?: number;
    /** The block-page server's address, given to clients for blocked names. */
    blockAddress4: string;
    blockAddress6?: string;
  };
  proxy?: {
    listen: { host: string; port: number };
    /**
     * When given, proxy sign-in is required, and this checks it (the school's accounts, on the
     * server): the person and their filter group, or null for a wrong sign-in. A success also ties
     * the client's address to the person here at once, so DNS from that address is theirs too.
     */
    signIn?(username: string, password: string, client: string): Promise<SignedIn | null>;
    /** The address clients use for the proxy, for the PAC file. */
    publicHost?: string;
  };
  blockPage?: { listen: { host: string; port: number }; publicUrl: string };
  /** Where block-page review requests go (the network manager's queue). */
  onReviewRequest?(request: GatewayReviewRequest): Promise<void>;
  now?: () => number;
  onError?(error: Error, context: string): void;
}

export interface SignedIn {
  user: string;
  /** Null where the school has no group for the person: the address's group stands. */
  group: string | null;
  until: string;
}

export interface GatewayReviewRequest {
  host: string;
  url: string | null;
  reference: string;
  comment: string;
  client: string;
  group: string;
  user: string | null;
}

export interface Gateway {
  dns: DnsFilter | null;
  proxyAddress(): { address: string; port: number } | null;
  blockPageAddress(): { address: string; port: number } | null;
  close(): Promise<void>;
}

const DNS_LOGGED_TYPES = new Set([1, 28, 65]); // A, AAAA, HTTPS: the lookups that lead to a connection

/** A short reference a pupil can read out to IT, without saying anything about the site. */
function reference(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

export function blockPageInfo(
  prepared: filter.PreparedFilter,
  d: filter.Decision,
  url: string | null,
  reviewUrl: string | null,
): BlockPageInfo {
  return filter.blockPageFor(prepared, d, url, reviewUrl, reference());
}

export function decisionEvent(
  d: filter.Decision,
  client: string,
  url: string | null,
  source: DecisionEvent['source'],
): DecisionEvent {
  const hidden = d.alert === 'illegal-list';
  return {
    at: new Date(d.at).toISOString(),
    group: d.group,
    user: d.user,
    client,
    // An illegal-list hit is recorded as a hit, never as a copy of the list entry.
    host: hidden ? '(illegal list)' : d.host,
    url: hidden ? null : url,
    category: d.category,
    action: d.action,
    kind: d.kind,
    rule: d.rule ? `${d.rule.governing.source}/${d.rule.governing.id}` : null,
    source,
    exceptionId: d.exception?.id ?? null,
    alert: d.alert,
  };
}

function splitUrl(url: string): { host: string; path: string } | null {
  try {
    const u = new URL(url);
    return { host: u.hostname.replace(/^\[|\]$/g, '').toLowerCase(), path: `${u.pathname}${u.search}` };
  } catch {
    return null;
  }
}

export async function startGateway(o: GatewayOptions): Promise<Gateway> {
  const now = o.now ?? Date.now;
  const onError = o.onError ?? (() => {});
  const record = (event: DecisionEvent) => {
    try {
      o.events?.push(event);
    } catch (error) {
      onError(error as Error, 'recording a decision');
    }
  };
  const ready = () => {
    const prepared = o.snapshots.current();
    if (!prepared) throw new Error('no policy snapshot yet');
    return prepared;
  };

  // Sign-ins at this gateway, by address and by user, until the next snapshot carries them.
  const signedInAt = new Map<string, { user: string; group: string; until: number }>();
  const groupOfUser = new Map<string, { group: string; until: number }>();
  const identify = (prepared: filter.PreparedFilter, client: string, at: number) => {
    const local = signedInAt.get(client);
    if (local && local.until > at) {
      // A later snapshot knows better about the same person (they have since signed their
      // agreement, or withdrawn it); someone else signing in here since it was made does not.
      const known = prepared.identify(client, at);
      return known.user === local.user ? known : { group: local.group, user: local.user };
    }
    if (local) signedInAt.delete(client);
    return prepared.identify(client, at);
  };
  const signIn = o.proxy?.signIn;
  const authenticate = signIn
    ? async (username: string, password: string, client: string) => {
        const answer = await signIn(username, password, client);
        if (!answer) return false;
        if (answer.group) {
          const until = Date.parse(answer.until);
          if (signedInAt.size > 100_000) signedInAt.clear();
          signedInAt.set(client, { user: answer.user, group: answer.group, until });
          if (groupOfUser.size > 100_000) groupOfUser.clear();
          groupOfUser.set(answer.user, { group: answer.group, until });
        }
        return true;
      }
    : undefined;

  const decideName = (client: string, host: string, path: string | null) => {
    const prepared = ready();
    const at = now();
    const who = identify(prepared, client, at);
    const d = filter.decide(prepared, o.lists.current(), {
      group: who.group,
      user: who.user,
      at,
      host,
      path,
    });
    return { prepared, d };
  };

  let dns: DnsFilter | null = null;
  let blockServer: Awaited<ReturnType<typeof startBlockPageServer>> | null = null;
  let proxy: Awaited<ReturnType<typeof startProxy>> | null = null;
  try {
    if (o.dns) {
      dns = await startDnsFilter({
        udp: o.dns.listen,
        tcp: o.dns.listen,
        upstreams: o.dns.upstreams,
        ...(o.dns.upstreamTimeoutMs ? { upstreamTimeoutMs: o.dns.upstreamTimeoutMs } : {}),
        blockMode: 'address',
        blockAddress4: o.dns.blockAddress4,
        ...(o.dns.blockAddress6 ? { blockAddress6: o.dns.blockAddress6 } : {}),
        decide(q): DnsVerdict {
          const { prepared, d } = decideName(q.client, q.name, null);
          if (d.kind === 'doh-canary') return { kind: 'nxdomain' };
          if (DNS_LOGGED_TYPES.has(q.type) || d.action === 'block')
            record(decisionEvent(d, q.client, null, 'dns'));
          if (d.action === 'block')
            return prepared.snapshot.blockMode === 'nxdomain' ? { kind: 'nxdomain' } : { kind: 'block' };
          const safe = prepared.safeSearch(d.group, q.name);
          return safe ? { kind: 'cname', target: safe } : { kind: 'forward' };
        },
        onError,
      });
    }

    const reviewUrl = o.blockPage ? new URL('/__haven/review', o.blockPage.publicUrl).toString() : null;

    blockServer = o.blockPage
      ? await startBlockPageServer({
          listen: o.blockPage.listen,
          explain({ host, url, client }) {
            const split = url ? splitUrl(url) : null;
            const { prepared, d } = decideName(client, host, split?.path ?? null);
            if (d.action === 'allow') {
              // Reached the block address but allowed now (an exception began, the lesson ended).
              return {
                host,
                url,
                category: null,
                reason: 'This site is not blocked for you now. Try again in a moment.',
                clause: null,
                illegal: false,
                reviewUrl: null,
                reference: reference(),
              };
            }
            return blockPageInfo(prepared, d, url, '/__haven/review');
          },
          async onReviewRequest(r) {
            const prepared = ready();
            const who = identify(prepared, r.client, now());
            await o.onReviewRequest?.({
              ...r,
              url: r.url ?? null,
              comment: r.comment ?? '',
              group: who.group,
              user: who.user,
            });
          },
          onError,
        })
      : null;

    proxy = o.proxy
      ? await startProxy({
          listen: o.proxy.listen,
          ...(authenticate ? { authenticate, realm: 'Haven' } : {}),
          pac: { proxyHost: o.proxy.publicHost ?? o.proxy.listen.host, proxyPort: o.proxy.listen.port },
          resolveUser: (client) => {
            const prepared = o.snapshots.current();
            return prepared ? identify(prepared, client, now()).user : null;
          },
          decide(info): HttpVerdict {
            const prepared = ready();
            const at = now();
            const who = identify(prepared, info.client, at);
            const user = info.user ?? who.user;
            // A signed-in person keeps their own group wherever they sit.
            const own = info.user ? groupOfUser.get(info.user) : undefined;
            const group = own && own.until > at ? own.group : who.group;
            const path = info.url ? (splitUrl(info.url)?.path ?? null) : null;
            const d = filter.decide(prepared, o.lists.current(), {
              group,
              user,
              at,
              host: info.host,
              path,
            });
            record(decisionEvent(d, info.client, info.url, 'proxy'));
            if (d.action === 'block')
              return { kind: 'block', page: blockPageInfo(prepared, d, info.url, reviewUrl) };
            const safe = prepared.safeSearch(group, info.host);
            return safe && info.connect ? { kind: 'pass', connectHost: safe } : { kind: 'pass' };
          },
          onError,
        })
      : null;
  } catch (error) {
    // Nothing half-started is left listening: a caller may retry with other addresses.
    await Promise.allSettled([dns?.close(), blockServer?.close(), proxy?.close()]);
    throw error;
  }

  const started = { dns, proxy, blockServer };
  return {
    dns,
    proxyAddress: () => started.proxy?.address() ?? null,
    blockPageAddress: () => started.blockServer?.address() ?? null,
    async close() {
      await Promise.allSettled([started.dns?.close(), started.proxy?.close(), started.blockServer?.close()]);
      o.snapshots.close();
      await o.events?.close();
    },
  };
}
