import type { BlockPageInfo } from '../block-page/types.ts';

export type { BlockPageInfo };

export interface HttpRequestInfo {
  /** Client IP address (IPv4-mapped IPv6 addresses as plain IPv4). */
  client: string;
  /** Username from proxy sign-in, or from resolveUser; null when unknown. */
  user: string | null;
  method: string;
  /** True for CONNECT. */
  connect: boolean;
  /** Lower-case host: no port, no trailing dot, IPv6 without brackets. */
  host: string;
  port: number;
  /** Absolute URL for HTTP requests; null for CONNECT (the decision is by host only). */
  url: string | null;
}

export type HttpVerdict = { kind: 'pass'; connectHost?: string } | { kind: 'block'; page: BlockPageInfo };

export interface PacOptions {
  proxyHost: string;
  /** 0 means the port the proxy is listening on. */
  proxyPort: number;
  /**
   * Destinations reached without the proxy: 'example.org' (it and its subdomains), '.example.org'
   * (subdomains only), '10.1.2.3' or '10.0.0.0/8' (IPv4 literals).
   */
  direct?: string[];
}

export interface ProxyOptions {
  listen: { host: string; port: number };
  /** Synchronous; looked up on every request, so it may be swapped at any time. */
  decide(info: HttpRequestInfo): HttpVerdict;
  /** The user signed in at this address (e.g. a captive-portal sign-in), used when there is no proxy sign-in. */
  resolveUser?(client: string): string | null;
  /** When given, proxy sign-in (Basic) is required: 407 with Proxy-Authenticate until it succeeds. */
  authenticate?(username: string, password: string, client: string): Promise<boolean>;
  /** Realm shown at proxy sign-in (default 'Haven'). */
  realm?: string;
  /** How long a successful sign-in is remembered for the same credentials, in ms (default 60 000; 0 = never). */
  authCacheMs?: number;
  /** Served at GET /proxy.pac (an origin-form request to the proxy itself). */
  pac?: PacOptions;
  /** Ports CONNECT may open (default [443]); others get 403 so the proxy cannot tunnel SMTP and the like. */
  connectPorts?: number[];
  /** Largest request line plus headers, in bytes (default 32 KiB); larger gets 431. */
  maxHeaderBytes?: number;
  /** Idle time after which a client connection, an upstream request or a tunnel is closed (default 120 000 ms). */
  idleTimeoutMs?: number;
  /** Time allowed to connect to a site (default 10 000 ms); then 504. */
  upstreamConnectTimeoutMs?: number;
  /** After each decision; must never delay or break the request (errors are caught). */
  onDecision?(info: HttpRequestInfo, verdict: HttpVerdict): void;
  /** Unexpected failures, with a generic context; never holds URLs, addresses or credentials. */
  onError?(error: Error, context: string): void;
}

export interface ProxyStats {
  /** Client connections open now. */
  connections: number;
  /** HTTP requests received (not counting CONNECT). */
  requests: number;
  /** CONNECT requests received. */
  connects: number;
  /** Tunnels open now. */
  activeTunnels: number;
  passed: number;
  blocked: number;
  /** Requests answered 407. */
  signInRequired: number;
  /** Requests answered 400, 403 for a refused port, 431 or 508 before any decision. */
  refused: number;
  /** Sites that could not be reached (502/504). */
  upstreamFailures: number;
  /** Decisions that threw (answered 503). */
  decisionFailures: number;
}

export interface ProxyServer {
  address(): { address: string; port: number };
  close(): Promise<void>;
  stats(): ProxyStats;
}
