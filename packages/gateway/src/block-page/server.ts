/**
 * The block-page server, for the address that blocked names resolve to. Every request gets the block
 * page for the host it asked for (403); POST /__haven/review takes the "Ask for this to be reviewed" form.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { blockPageHeaders, noticeHeaders } from './headers.ts';
import { renderBlockPage, renderNoticePage } from './render.ts';
import { parseReviewForm, REVIEW_LIMITS } from './review-form.ts';
import type { BlockPageInfo } from './types.ts';

export const REVIEW_PATH = '/__haven/review';

export interface BlockPageRequest {
  /** Lower-case host from the Host header, without port or brackets ('' when missing or not valid). */
  host: string;
  /** The address asked for, rebuilt as http://host/path, or null without a host. */
  url: string | null;
  client: string;
}

export interface ReviewRequest {
  host: string;
  url: string | null;
  reference: string;
  comment: string | null;
  client: string;
}

export interface BlockPageServerOptions {
  listen: { host: string; port: number };
  explain(request: BlockPageRequest): BlockPageInfo | Promise<BlockPageInfo>;
  onReviewRequest(review: ReviewRequest): void | Promise<void>;
  /** Review requests allowed per client address and window (default 10 per 10 minutes); more get 429. */
  reviewLimit?: { requests: number; windowMs: number };
  onError?(error: Error, context: string): void;
}

export interface BlockPageServer {
  address(): { address: string; port: number };
  close(): Promise<void>;
}

const CLOSE = { Connection: 'close' };
const THANKS = 'Thanks — the network manager will look at this.';

export function clientAddress(socket: { remoteAddress?: string | undefined }): string {
  const address = socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** The host named by a Host header: lower case, no port, no brackets; '' when it is not a plain host. */
export function hostFromHeader(value: string | undefined): string {
  if (value === undefined) return '';
  let host = value.trim().toLowerCase();
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close === -1) return '';
    host = host.slice(1, close);
    return /^[0-9a-f:.]+$/.test(host) ? host : '';
  }
  const colon = host.indexOf(':');
  if (colon !== -1) host = host.slice(0, colon);
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host.length <= 253 && /^[a-z0-9._-]+$/.test(host) ? host : '';
}

function requestUrl(host: string, hostHeader: string | undefined, target: string): string | null {
  if (/^https?:\/\//i.test(target)) return target;
  if (host === '' || hostHeader === undefined) return null;
  return `http://${hostHeader.trim().toLowerCase()}${target.startsWith('/') ? target : '/'}`;
}

class RateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly requests: number,
    private readonly windowMs: number,
  ) {}

  allow(key: string, now = Date.now()): boolean {
    let entry = this.windows.get(key);
    if (entry === undefined || now - entry.start >= this.windowMs) {
      if (this.windows.size >= 10_000) this.prune(now);
      entry = { start: now, count: 0 };
      this.windows.set(key, entry);
    }
    entry.count++;
    return entry.count <= this.requests;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.windows) if (now - entry.start >= this.windowMs) this.windows.delete(key);
    if (this.windows.size >= 10_000) this.windows.clear();
  }
}

/** Reads a request body up to `limit` bytes; null when it is larger. */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.off('end', onEnd);
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks).toString('utf8'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

function sendNotice(
  res: http.ServerResponse,
  status: number,
  heading: string,
  message: string,
  extra: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const body = renderNoticePage(heading, message);
  res.writeHead(status, { ...noticeHeaders(body), ...extra });
  res.end(body);
}

export async function startBlockPageServer(options: BlockPageServerOptions): Promise<BlockPageServer> {
  const limit = new RateLimit(options.reviewLimit?.requests ?? 10, options.reviewLimit?.windowMs ?? 600_000);
  const report = (error: unknown, context: string): void => {
    try {
      options.onError?.(error instanceof Error ? error : new Error(String(error)), context);
    } catch {
      // a failing reporter must not take the server down
    }
  };

  async function showBlockPage(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const client = clientAddress(req.socket);
    const host = hostFromHeader(req.headers.host);
    const url = requestUrl(host, req.headers.host, req.url ?? '/');
    let info: BlockPageInfo;
    try {
      info = await options.explain({ host, url, client });
    } catch (error) {
      report(error, 'block page explain');
      info = {
        host,
        url,
        category: null,
        reason: '',
        clause: null,
        illegal: true,
        reviewUrl: null,
        reference: 'unknown',
      };
    }
    const shown: BlockPageInfo = { ...info, reviewUrl: info.reviewUrl === null ? null : REVIEW_PATH };
    const body = renderBlockPage(shown);
    if (res.destroyed) return;
    res.writeHead(403, blockPageHeaders(shown, body));
    res.end(body);
  }

  async function takeReview(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const client = clientAddress(req.socket);
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      sendNotice(res, 400, 'Request not sent', 'The review request was not in the expected form.', CLOSE);
      return;
    }
    const body = await readBody(req, REVIEW_LIMITS.bodyBytes);
    if (body === null) {
      sendNotice(res, 400, 'Request not sent', 'The review request was too large.', CLOSE);
      return;
    }
    const parsed = parseReviewForm(body);
    if (!parsed.ok) {
      sendNotice(res, 400, 'Request not sent', `The review request was not valid: ${parsed.reason}.`);
      return;
    }
    if (!limit.allow(client)) {
      sendNotice(res, 429, 'Too many requests', 'Please wait a while before asking for another review.');
      return;
    }
    try {
      await options.onReviewRequest({ ...parsed.form, client });
    } catch (error) {
      report(error, 'review request');
      sendNotice(
        res,
        503,
        'Request not sent',
        'Your request could not be sent just now. Please try again later, or tell your teacher or IT and quote the reference.',
      );
      return;
    }
    sendNotice(res, 200, 'Thanks', THANKS);
  }

  const server = http.createServer(
    { maxHeaderSize: 16 * 1024, requireHostHeader: false, headersTimeout: 10_000, requestTimeout: 30_000 },
    (req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      let handled: Promise<void>;
      if (path !== REVIEW_PATH) handled = showBlockPage(req, res);
      else if (req.method === 'POST') handled = takeReview(req, res);
      else {
        sendNotice(res, 405, 'Not allowed', 'Review requests are sent from the block page form.', {
          Allow: 'POST',
        });
        handled = Promise.resolve();
      }
      handled.catch((error: unknown) => {
        report(error, 'block page request');
        if (!res.headersSent) sendNotice(res, 500, 'Something went wrong', 'Please try again.', CLOSE);
        else res.destroy();
      });
    },
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.listen.port, options.listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => report(error, 'block page server'));

  return {
    address() {
      const address = server.address() as AddressInfo;
      return { address: address.address, port: address.port };
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
