/**
 * The DNS filter's listeners: UDP, and TCP as RFC 7766 describes it (two-octet length prefix, many
 * queries per connection, answers written as each is ready so possibly out of order, an idle timeout
 * and a cap on connections and on queries in flight per connection).
 */
import dgram from 'node:dgram';
import net from 'node:net';
import { writeIpv4, writeIpv6 } from './address.ts';
import { QueryHandler, type Respond } from './handler.ts';
import type { DnsFilter, DnsFilterOptions } from './types.ts';
import { Forwarder } from './upstream.ts';

/** RFC 7766 §6.2.3: idle connections are closed; a few seconds is plenty for a stub resolver. */
const TCP_IDLE_TIMEOUT_MS = 10_000;
/** RFC 7766 §6.2.2: a server limits its connections (beyond this, new ones are closed at once). */
const MAX_TCP_CONNECTIONS = 1024;
/** Queries in flight on one connection before Haven stops reading from it until some are answered. */
const MAX_TCP_IN_FLIGHT = 128;
/** Octets of answers a TCP client may leave unread before Haven drops the connection. */
const MAX_TCP_UNREAD = 1024 * 1024;
/** Kernel receive buffer for the UDP socket, so bursts are queued rather than dropped. */
const UDP_RECEIVE_BUFFER = 4 * 1024 * 1024;

interface TcpLimits {
  idleTimeoutMs: number;
  maxConnections: number;
}

function validate(options: DnsFilterOptions): void {
  if (!writeIpv4(options.blockAddress4, new Uint8Array(4), 0)) {
    throw new Error('blockAddress4 must be an IPv4 address');
  }
  if (options.blockAddress6 !== undefined && !writeIpv6(options.blockAddress6, new Uint8Array(16), 0)) {
    throw new Error('blockAddress6 must be an IPv6 address');
  }
  if (options.blockMode !== 'address' && options.blockMode !== 'nxdomain') {
    throw new Error("blockMode must be 'address' or 'nxdomain'");
  }
  const ttl = options.blockTtl ?? 60;
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > 0x7fffffff) {
    throw new Error('blockTtl must be a whole number of seconds');
  }
  if (options.upstreams.length === 0) throw new Error('at least one upstream resolver is needed');
}

/** An IPv4 client reaching a dual-stack IPv6 socket shows as ::ffff:a.b.c.d; Haven's policy sees a.b.c.d. */
function clientAddress(address: string | undefined): string {
  if (address === undefined) return '';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

function sanitized(error: unknown, what: string): Error {
  // Socket errors can name the peer; Haven reports only the error code (never a client address).
  const code = (error as { code?: unknown } | null)?.code;
  return new Error(`${what}: ${typeof code === 'string' ? code : 'error'}`);
}

function listenUdp(
  host: string,
  port: number,
  handler: QueryHandler,
  report: (error: Error, context: string) => void,
): Promise<dgram.Socket> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
    socket.once('error', reject);
    socket.bind({ port, address: host }, () => {
      socket.off('error', reject);
      socket.on('error', (error) => report(sanitized(error, 'UDP socket'), 'udp'));
      try {
        socket.setRecvBufferSize(UDP_RECEIVE_BUFFER);
      } catch {
        // the system's limit applies
      }
      socket.on('message', (message, remote) => {
        // Port 0 cannot be answered (and is a favourite of reflection attacks).
        if (remote.port === 0) return;
        const respond: Respond = (response) => {
          if (response && !handler.closed) socket.send(response, remote.port, remote.address);
        };
        try {
          handler.handle(message, clientAddress(remote.address), 'udp', respond);
        } catch (error) {
          report(error instanceof Error ? error : new Error(String(error)), 'udp');
        }
      });
      resolve(socket);
    });
  });
}

function serveTcpConnection(
  socket: net.Socket,
  handler: QueryHandler,
  idleTimeoutMs: number,
  report: (error: Error, context: string) => void,
): void {
  const client = clientAddress(socket.remoteAddress);
  let buffered: Buffer | null = null;
  let inFlight = 0;
  let ended = false;
  socket.setNoDelay(true);
  socket.setTimeout(idleTimeoutMs, () => socket.destroy());
  socket.on('error', () => socket.destroy());

  const respondTo = (): Respond => {
    let done = false;
    return (response) => {
      if (done) return;
      done = true;
      inFlight--;
      if (response && !handler.closed && socket.writable) {
        // A client that does not read its answers is not queued for without limit.
        if (socket.writableLength > MAX_TCP_UNREAD) {
          socket.destroy();
          return;
        }
        const frame = Buffer.allocUnsafe(response.length + 2);
        frame.writeUInt16BE(response.length, 0);
        response.copy(frame, 2);
        socket.write(frame);
      }
      if (inFlight < MAX_TCP_IN_FLIGHT) drain();
    };
  };

  /** Starts every complete message buffered, up to the in-flight limit; reads on only below it. */
  let draining = false;
  const drain = () => {
    // Answers given synchronously (cache hits, blocks) come back into respond during handle: the loop
    // below goes on with them rather than starting a second one.
    if (draining) return;
    draining = true;
    // RFC 1035 §4.2.2: each message is preceded by its length in two octets.
    while (buffered && buffered.length >= 2 && inFlight < MAX_TCP_IN_FLIGHT) {
      const length = buffered.readUInt16BE(0);
      if (buffered.length < length + 2) break;
      const message = buffered.subarray(2, length + 2);
      buffered = buffered.length > length + 2 ? buffered.subarray(length + 2) : null;
      inFlight++;
      const respond = respondTo();
      try {
        handler.handle(message, client, 'tcp', respond);
      } catch (error) {
        report(error instanceof Error ? error : new Error(String(error)), 'tcp');
        respond(null);
      }
    }
    draining = false;
    if (inFlight >= MAX_TCP_IN_FLIGHT) socket.pause();
    else if (socket.isPaused() && !ended) socket.resume();
    // The client has sent its last query: answer what is in flight, then close (RFC 7766 §6.2.3).
    if (ended && inFlight === 0 && !socket.destroyed) socket.end();
  };

  socket.on('data', (chunk: Buffer) => {
    buffered = buffered ? Buffer.concat([buffered, chunk]) : chunk;
    drain();
  });
  socket.on('end', () => {
    ended = true;
    drain();
  });
}

function listenTcp(
  host: string,
  port: number,
  limits: TcpLimits,
  handler: QueryHandler,
  connections: Set<net.Socket>,
  report: (error: Error, context: string) => void,
): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer({ allowHalfOpen: true }, (socket) => {
      connections.add(socket);
      socket.on('close', () => connections.delete(socket));
      serveTcpConnection(socket, handler, limits.idleTimeoutMs, report);
    });
    server.maxConnections = limits.maxConnections;
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      server.on('error', (error) => report(sanitized(error, 'TCP listener'), 'tcp'));
      resolve(server);
    });
  });
}

/** Starts the filter; resolves once every requested listener is bound. */
export async function startDnsFilter(options: DnsFilterOptions): Promise<DnsFilter> {
  validate(options);
  let handler: QueryHandler | null = null;
  const forwarder = new Forwarder({
    upstreams: options.upstreams,
    timeoutMs: options.upstreamTimeoutMs ?? 2000,
    now: options.now ?? Date.now,
    onError: (error, context) => handler?.report(error, context),
    onSend: () => {
      if (handler) handler.stats.upstreamQueries++;
    },
  });
  const queryHandler = new QueryHandler(options, forwarder);
  handler = queryHandler;
  const report = (error: Error, context: string) => queryHandler.report(error, context);
  const connections = new Set<net.Socket>();
  let udp: dgram.Socket | null = null;
  let tcp: net.Server | null = null;

  const close = async () => {
    queryHandler.closed = true;
    for (const socket of connections) socket.destroy();
    connections.clear();
    await Promise.all([
      udp ? new Promise<void>((resolve) => udp?.close(() => resolve())) : null,
      tcp ? new Promise<void>((resolve) => tcp?.close(() => resolve())) : null,
      forwarder.close(),
    ]);
    udp = null;
    tcp = null;
  };

  const limits = {
    idleTimeoutMs: options.tcpIdleTimeoutMs ?? TCP_IDLE_TIMEOUT_MS,
    maxConnections: options.maxTcpConnections ?? MAX_TCP_CONNECTIONS,
  };
  const { udp: udpListen, tcp: tcpListen } = options;
  // Clients retry truncated answers over TCP on the port they asked over UDP, so when both ports are
  // left to the system on one host, TCP takes the port UDP was given (trying a few if it is taken).
  const samePort =
    udpListen &&
    tcpListen &&
    udpListen.port === 0 &&
    tcpListen.port === 0 &&
    udpListen.host === tcpListen.host;
  try {
    if (udpListen && tcpListen && samePort) {
      for (let attempt = 0; attempt < 10 && !tcp; attempt++) {
        udp = await listenUdp(udpListen.host, 0, queryHandler, report);
        const port = udp.address().port;
        try {
          tcp = await listenTcp(tcpListen.host, port, limits, queryHandler, connections, report);
        } catch (error) {
          if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
          const taken = udp;
          udp = null;
          await new Promise<void>((resolve) => taken.close(() => resolve()));
        }
      }
    }
    if (udpListen && !udp) udp = await listenUdp(udpListen.host, udpListen.port, queryHandler, report);
    if (tcpListen && !tcp)
      tcp = await listenTcp(tcpListen.host, tcpListen.port, limits, queryHandler, connections, report);
  } catch (error) {
    await close();
    throw error;
  }

  let closing: Promise<void> | null = null;
  return {
    udpAddress() {
      if (!udp) return null;
      const { address, port } = udp.address();
      return { address, port };
    },
    tcpAddress() {
      const address = tcp?.address();
      if (!address || typeof address === 'string') return null;
      return { address: address.address, port: address.port };
    },
    stats() {
      return { ...queryHandler.stats };
    },
    close() {
      closing ??= close();
      return closing;
    },
  };
}
