/**
 * Forwarding one HTTP request to its origin and the answer back, both bodies streamed (pipe, so
 * backpressure holds memory flat), through a keep-alive agent.
 */
import http from 'node:http';
import { appendVia, filterHeaders } from './headers.ts';
import { MESSAGES, sendText } from './responses.ts';
import { classifyUpstreamError, UpstreamTimeout } from './upstream-errors.ts';

export interface ForwardSettings {
  agent: http.Agent;
  /** This proxy's name in Via. */
  pseudonym: string;
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  onUpstreamFailure(): void;
}

export interface ForwardTarget {
  /** Where to connect (the request's host, or connectHost from the decision). */
  connectHost: string;
  port: number;
  path: string;
  /** The Host header to send: the request's own authority. */
  hostHeader: string;
}

/** Request headers this proxy sets or answers itself. */
const REQUEST_DROP = new Set(['host', 'expect']);
const RESPONSE_DROP = new Set<string>();
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

export function forwardRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  target: ForwardTarget,
  settings: ForwardSettings,
): void {
  const filtered = filterHeaders(req.rawHeaders, REQUEST_DROP);
  const headers = ['Host', target.hostHeader, ...filtered.headers];
  headers.push('Via', appendVia(filtered.via, req.httpVersion, settings.pseudonym));
  const chunked = filtered.transferEncoding && filtered.contentLength === null;
  if (chunked) headers.push('Transfer-Encoding', 'chunked');
  const hasBody = chunked || (filtered.contentLength !== null && filtered.contentLength.trim() !== '0');
  const method = req.method ?? 'GET';

  let current: http.ClientRequest | null = null;
  let responded = false;
  let retried = false;

  res.on('close', () => {
    if (!res.writableFinished) current?.destroy();
  });
  req.on('error', () => current?.destroy());
  req.on('close', () => {
    if (!req.complete) current?.destroy();
  });

  const send = (): void => {
    let upstream: http.ClientRequest;
    try {
      upstream = http.request({
        host: target.connectHost,
        port: target.port,
        method,
        path: target.path,
        headers,
        agent: settings.agent,
        setHost: false,
      });
    } catch {
      // Something Node's client will not send (a character in the path or a header it refuses).
      sendText(res, 400, MESSAGES.badRequest, { Connection: 'close' });
      return;
    }
    current = upstream;
    let connectTimer: NodeJS.Timeout | undefined;
    upstream.on('socket', (socket) => {
      if (!socket.connecting) return;
      connectTimer = setTimeout(() => upstream.destroy(new UpstreamTimeout()), settings.connectTimeoutMs);
      socket.once('connect', () => clearTimeout(connectTimer));
    });
    upstream.setTimeout(settings.idleTimeoutMs, () => upstream.destroy(new UpstreamTimeout()));

    upstream.on('response', (upRes) => {
      clearTimeout(connectTimer);
      responded = true;
      const out = filterHeaders(upRes.rawHeaders, RESPONSE_DROP);
      out.headers.push('Via', appendVia(out.via, upRes.httpVersion, settings.pseudonym));
      upRes.on('error', () => res.destroy());
      upRes.on('close', () => {
        if (!upRes.complete) res.destroy();
      });
      if (res.destroyed) {
        upstream.destroy();
        return;
      }
      try {
        res.sendDate = false;
        res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, out.headers);
      } catch {
        // A status or header Node will not send on (invalid characters).
        upstream.destroy();
        settings.onUpstreamFailure();
        res.sendDate = true;
        sendText(res, 502, classifyUpstreamError({ code: 'HPE_INVALID' }).message);
        return;
      }
      upRes.pipe(res);
    });

    upstream.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(connectTimer);
      if (responded) {
        res.destroy();
        return;
      }
      if (res.destroyed) return;
      // A kept-alive connection the site had just closed: try once more on a fresh one.
      if (
        !retried &&
        upstream.reusedSocket &&
        !hasBody &&
        IDEMPOTENT.has(method) &&
        error.code === 'ECONNRESET'
      ) {
        retried = true;
        send();
        return;
      }
      settings.onUpstreamFailure();
      const { status, message } = classifyUpstreamError(error);
      sendText(res, status, message, hasBody && !req.complete ? { Connection: 'close' } : {});
    });

    if (hasBody) req.pipe(upstream);
    else {
      upstream.end();
      req.resume();
    }
  };
  send();
}
