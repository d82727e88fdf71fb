/**
 * The HTTP proxy: decides every request with options.decide and enforces the verdict.
 *
 * - absolute-form requests (http://host/path) are forwarded (forward.ts) or answered 403 with the
 *   block page;
 * - CONNECT host:port opens a tunnel (tunnel.ts) to an allowed port or is refused with 403 and a line
 *   of text (a TLS tunnel cannot show a page);
 * - origin-form requests are for the proxy itself: /proxy.pac, else 400.
 *
 * Node's HTTP server parses requests (keep-alive, pipelining, header limits); malformed input gets
 * 400 or 431 from the clientError handler and never affects other connections. Nothing is logged:
 * unexpected failures go to onError with a generic context and no addresses, URLs or credentials.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { SignInChecker } from './auth.ts';
import { forwardRequest } from './forward.ts';
import { quotedString, viaHasPseudonym } from './headers.ts';
import { renderPac } from './pac.ts';
import { blockedTunnelText, MESSAGES, rawResponse, sendBlockPage, sendText } from './responses.ts';
import { type AbsoluteTarget, clientAddress, parseAbsoluteTarget, parseAuthority } from './target.ts';
import { openTunnel } from './tunnel.ts';
import type { HttpRequestInfo, HttpVerdict, ProxyOptions, ProxyServer, ProxyStats } from './types.ts';

const DEFAULTS = {
  maxHeaderBytes: 32 * 1024,
  idleTimeoutMs: 120_000,
  upstreamConnectTimeoutMs: 10_000,
  authCacheMs: 60_000,
  realm: 'Haven',
  connectPorts: [443],
};

/** Bodies up to this size are read and thrown away after a refusal so the connection can be reused. */
const DRAIN_LIMIT = 1024 * 1024;

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export async function startProxy(options: ProxyOptions): Promise<ProxyServer> {
  const maxHeaderBytes = options.maxHeaderBytes ?? DEFAULTS.maxHeaderBytes;
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULTS.idleTimeoutMs;
  const connectTimeoutMs = options.upstreamConnectTimeoutMs ?? DEFAULTS.upstreamConnectTimeoutMs;
  const connectPorts = new Set(options.connectPorts ?? DEFAULTS.connectPorts);
  // Checked now, so bad PAC options fail the start; rendered for real once the port is known.
  if (options.pac !== undefined) renderPac({ ...options.pac, proxyPort: options.pac.proxyPort || 3128 });
  let pacBody: string | null = null;
  const challenge = `Basic realm=${quotedString(options.realm ?? DEFAULTS.realm)}, charset="UTF-8"`;
  const signIn =
    options.authenticate === undefined
      ? null
      : new SignInChecker(
          (username, password, client) => options.authenticate!(username, password, client),
          options.authCacheMs ?? DEFAULTS.authCacheMs,
        );
  /** This proxy's name in Via; a request that already carries it has looped back. */
  const pseudonym = `haven-${randomBytes(4).toString('hex')}`;

  const stats: Omit<ProxyStats, 'connections' | 'activeTunnels'> = {
    requests: 0,
    connects: 0,
    passed: 0,
    blocked: 0,
    signInRequired: 0,
    refused: 0,
    upstreamFailures: 0,
    decisionFailures: 0,
  };
  const clientSockets = new Set<Socket>();
  const tunnelSockets = new Set<Socket>();
  let activeTunnels = 0;

  const agent = new http.Agent({
    keepAlive: true,
    maxFreeSockets: 256,
    scheduling: 'lifo',
    timeout: Math.min(idleTimeoutMs, 30_000),
  });

  const report = (error: unknown, context: string): void => {
    try {
      options.onError?.(toError(error), context);
    } catch {
      // a failing reporter must not break the proxy
    }
  };
  const failedUpstream = (): void => {
    stats.upstreamFailures++;
  };

  /** The verdict, or null when decide() threw. */
  function decide(info: HttpRequestInfo): HttpVerdict | null {
    try {
      const verdict = options.decide(info);
      if (verdict?.kind !== 'pass' && verdict?.kind !== 'block')
        throw new Error('decide() returned no verdict');
      return verdict;
    } catch (error) {
      stats.decisionFailures++;
      report(error, 'decide');
      return null;
    }
  }

  /** Tells onDecision, after the request is on its way; its errors and rejections are swallowed. */
  function tell(info: HttpRequestInfo, verdict: HttpVerdict): void {
    if (options.onDecision === undefined) return;
    try {
      const result: unknown = options.onDecision(info, verdict);
      if (result instanceof Promise) result.catch((error: unknown) => report(error, 'onDecision'));
    } catch (error) {
      report(error, 'onDecision');
    }
  }

  function userFor(signedIn: string | null, client: string): string | null {
    if (signedIn !== null) return signedIn;
    if (options.resolveUser === undefined) return null;
    try {
      return options.resolveUser(client);
    } catch (error) {
      report(error, 'resolveUser');
      return null;
    }
  }

  /** The signed-in user; undefined when sign-in is required and missing or wrong. */
  async function signedInUser(
    header: string | undefined,
    client: string,
  ): Promise<string | null | undefined> {
    if (signIn === null) return null;
    try {
      return (await signIn.check(header, client)) ?? undefined;
    } catch (error) {
      report(error, 'authenticate');
      return undefined;
    }
  }

  /** Extra headers for a refusal: close the connection when an unread request body is large or unbounded. */
  function refusalHeaders(req: http.IncomingMessage): Record<string, string> {
    if (req.complete) return {};
    const length = Number(req.headers['content-length'] ?? '0');
    return req.headers['transfer-encoding'] !== undefined || length > DRAIN_LIMIT
      ? { Connection: 'close' }
      : {};
  }

  function servePac(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (pacBody === null || (req.method !== 'GET' && req.method !== 'HEAD')) {
      stats.refused++;
      sendText(res, 400, MESSAGES.notProxyRequest, refusalHeaders(req));
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'application/x-ns-proxy-autoconfig',
      'Content-Length': Buffer.byteLength(pacBody),
      'Cache-Control': 'max-age=300',
    });
    res.end(pacBody);
  }

  async function handleRequest(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    expectsContinue: boolean,
  ): Promise<void> {
    stats.requests++;
    const target = req.url ?? '';
    if (target.startsWith('/')) {
      const path = target.split('?')[0];
      if (path === '/proxy.pac') servePac(req, res);
      else {
        stats.refused++;
        sendText(res, 400, MESSAGES.notProxyRequest, refusalHeaders(req));
      }
      return;
    }
    const parsed = parseAbsoluteTarget(target);
    if (!parsed.ok) {
      stats.refused++;
      const message =
        parsed.reason === 'unsupported scheme' ? MESSAGES.unsupportedScheme : MESSAGES.badRequest;
      sendText(res, 400, message, refusalHeaders(req));
      return;
    }
    const via = req.headers.via === undefined ? null : String(req.headers.via);
    if (viaHasPseudonym(via, pseudonym)) {
      stats.refused++;
      sendText(res, 508, MESSAGES.loop, refusalHeaders(req));
      return;
    }

    const user = await signedInUser(
      req.headers['proxy-authorization'],
      clientAddress(req.socket.remoteAddress),
    );
    if (user === undefined) {
      stats.signInRequired++;
      sendText(res, 407, MESSAGES.signIn, { 'Proxy-Authenticate': challenge, ...refusalHeaders(req) });
      return;
    }
    if (res.destroyed) return;

    const destination: AbsoluteTarget = parsed.value;
    const client = clientAddress(req.socket.remoteAddress);
    const info: HttpRequestInfo = {
      client,
      user: userFor(user, client),
      method: req.method ?? 'GET',
      connect: false,
      host: destination.host,
      port: destination.port,
      url: destination.url,
    };
    const verdict = decide(info);
    if (verdict === null) {
      sendText(res, 503, MESSAGES.decideFailed, refusalHeaders(req));
      return;
    }
    if (verdict.kind === 'block') {
      stats.blocked++;
      sendBlockPage(res, verdict.page, refusalHeaders(req));
      tell(info, verdict);
      return;
    }
    stats.passed++;
    if (expectsContinue) res.writeContinue();
    forwardRequest(
      req,
      res,
      {
        connectHost: verdict.connectHost ?? destination.host,
        port: destination.port,
        path: destination.path,
        hostHeader: destination.hostHeader,
      },
      { agent, pseudonym, connectTimeoutMs, idleTimeoutMs, onUpstreamFailure: failedUpstream },
    );
    tell(info, verdict);
  }

  async function handleConnect(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    stats.connects++;
    socket.on('error', () => socket.destroy());
    const parsed = parseAuthority(req.url ?? '', null);
    if (!parsed.ok) {
      stats.refused++;
      rawResponse(socket, 400, MESSAGES.badRequest);
      return;
    }
    const { host, port } = parsed.value;
    if (!connectPorts.has(port)) {
      stats.refused++;
      rawResponse(socket, 403, MESSAGES.port);
      return;
    }
    const user = await signedInUser(
      req.headers['proxy-authorization'],
      clientAddress((socket as Socket).remoteAddress),
    );
    if (user === undefined) {
      stats.signInRequired++;
      rawResponse(socket, 407, MESSAGES.signIn, { 'Proxy-Authenticate': challenge });
      return;
    }
    if (socket.destroyed) return;
    const client = clientAddress((socket as Socket).remoteAddress);
    const info: HttpRequestInfo = {
      client,
      user: userFor(user, client),
      method: 'CONNECT',
      connect: true,
      host,
      port,
      url: null,
    };
    const verdict = decide(info);
    if (verdict === null) {
      rawResponse(socket, 503, MESSAGES.decideFailed);
      return;
    }
    if (verdict.kind === 'block') {
      stats.blocked++;
      rawResponse(socket, 403, blockedTunnelText(verdict.page).trimEnd());
      tell(info, verdict);
      return;
    }
    stats.passed++;
    activeTunnels++;
    openTunnel(
      socket,
      head,
      { host: verdict.connectHost ?? host, port },
      {
        connectTimeoutMs,
        idleTimeoutMs,
        track: (upstream) => {
          tunnelSockets.add(upstream);
          upstream.on('close', () => tunnelSockets.delete(upstream));
        },
        onUpstreamFailure: failedUpstream,
        onClosed: () => {
          activeTunnels--;
        },
      },
    );
    tell(info, verdict);
  }

  const server = http.createServer({
    maxHeaderSize: maxHeaderBytes,
    requireHostHeader: false,
    keepAliveTimeout: Math.min(idleTimeoutMs, 15_000),
    headersTimeout: Math.min(idleTimeoutMs, 30_000),
    // Uploads through the proxy may take long; idleness is what ends a connection.
    requestTimeout: 0,
    noDelay: true,
  });
  // A backstop only: a client waiting for a slow site is idle, and the upstream timeouts answer it first.
  server.timeout = connectTimeoutMs + idleTimeoutMs + 5_000;

  const onRequest = (expectsContinue: boolean) => (req: http.IncomingMessage, res: http.ServerResponse) => {
    handleRequest(req, res, expectsContinue).catch((error: unknown) => {
      report(error, 'request');
      sendText(res, 500, MESSAGES.internal, { Connection: 'close' });
    });
  };
  server.on('request', onRequest(false));
  server.on('checkContinue', onRequest(true));
  server.on('connect', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    handleConnect(req, socket, head).catch((error: unknown) => {
      report(error, 'connect');
      socket.destroy();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A response already under way on this connection must not be corrupted by a second one.
    const inFlight = (socket as { _httpMessage?: http.ServerResponse | null })._httpMessage;
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    stats.refused++;
    if (error.code === 'HPE_HEADER_OVERFLOW') rawResponse(socket, 431, MESSAGES.headersTooLarge);
    else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') rawResponse(socket, 408, MESSAGES.badRequest);
    else rawResponse(socket, 400, MESSAGES.badRequest);
  });
  server.on('connection', (socket: Socket) => {
    clientSockets.add(socket);
    socket.on('close', () => clientSockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.listen.port, options.listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => report(error, 'server'));
  if (options.pac !== undefined) {
    const port = options.pac.proxyPort || (server.address() as AddressInfo).port;
    pacBody = renderPac({ ...options.pac, proxyPort: port });
  }

  return {
    address() {
      const address = server.address() as AddressInfo;
      return { address: address.address, port: address.port };
    },
    stats() {
      return { ...stats, connections: clientSockets.size, activeTunnels };
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of clientSockets) socket.destroy();
        for (const socket of tunnelSockets) socket.destroy();
        agent.destroy();
      });
    },
  };
}
