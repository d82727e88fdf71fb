/** The DNS filter's public contract: what Haven's policy sees of a query, and what it answers. */

export interface DnsQueryInfo {
  /** Lower-case, no trailing dot ('' for the root); octets that are not printable ASCII as `\DDD`. */
  name: string;
  /** QTYPE (1 = A, 28 = AAAA, ...). */
  type: number;
  /** The client's IP address as text. */
  client: string;
  transport: 'udp' | 'tcp';
}

export type DnsVerdict =
  /** Resolve normally: the cache, then the upstreams. */
  | { kind: 'forward' }
  /**
   * Blocked. With blockMode 'address', A gets the block address, AAAA the IPv6 block address if set,
   * and anything else NODATA (NOERROR, no answers, an SOA in authority); with 'nxdomain', NXDOMAIN.
   */
  | { kind: 'block' }
  /** Always NXDOMAIN (for the Firefox DoH canary use-application-dns.net). */
  | { kind: 'nxdomain' }
  /** `name CNAME target`, followed by the target's records of the asked type from the cache or upstreams. */
  | { kind: 'cname'; target: string };

export interface DnsFilterOptions {
  /** Omit to not listen on UDP; port 0 picks a free port. */
  udp?: { host: string; port: number };
  /** Omit to not listen on TCP; port 0 picks a free port (UDP's, when both are 0 on the same host). */
  tcp?: { host: string; port: number };
  /** IP addresses of the resolvers to forward to, tried in order. */
  upstreams: { host: string; port: number }[];
  /** Per try; default 2000. */
  upstreamTimeoutMs?: number;
  blockMode: 'address' | 'nxdomain';
  /** The block-page server's IPv4 address, e.g. '192.0.2.1'. */
  blockAddress4: string;
  /** If absent, AAAA queries for blocked names get NODATA. */
  blockAddress6?: string;
  /** TTL of Haven's own answers (block, NXDOMAIN, and the CNAME of a cname verdict); default 60. */
  blockTtl?: number;
  /** Cache entries; default 100_000. */
  cacheSize?: number;
  /** RFC 7766 §6.2.3: a TCP connection idle this long is closed; default 10_000 ms. */
  tcpIdleTimeoutMs?: number;
  /** RFC 7766 §6.2.2: TCP connections served at once; further ones are closed at once. Default 1024. */
  maxTcpConnections?: number;
  /** Clock in milliseconds, for the cache's TTLs; default Date.now. */
  now?: () => number;
  /** Synchronous and fast. Read from the options on every query, so it can be swapped at any time. */
  decide(query: DnsQueryInfo): DnsVerdict;
  /** Called after answering; what it does or throws cannot affect the answer. */
  onDecision?(
    query: DnsQueryInfo,
    verdict: DnsVerdict,
    from: 'cache' | 'upstream' | 'local',
    rcode: number,
  ): void;
  /** Errors of the filter itself; messages never carry query names or client addresses. */
  onError?(error: Error, context: string): void;
}

export interface DnsFilterStats {
  /** Messages received from clients over UDP and TCP, well-formed or not. */
  queries: number;
  /** Forwarded queries answered straight from the cache. */
  cacheHits: number;
  /** Queries sent to upstream resolvers (every try, over UDP or TCP). */
  upstreamQueries: number;
  formErr: number;
  servFail: number;
  /** Queries with a 'block' verdict. */
  blocked: number;
}

export interface DnsFilter {
  udpAddress(): { address: string; port: number } | null;
  tcpAddress(): { address: string; port: number } | null;
  stats(): DnsFilterStats;
  close(): Promise<void>;
}
