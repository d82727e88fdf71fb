/**
 * The block-page server on a real socket: any request gets the page for its Host (403), and the
 * review form posts to /__haven/review, which reaches onReviewRequest or is refused when invalid.
 */
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type BlockPageRequest,
  type BlockPageServer,
  type ReviewRequest,
  startBlockPageServer,
} from '../src/block-page/server.ts';
import type { BlockPageInfo } from '../src/block-page/types.ts';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: BlockPageServer;
let port: number;
const explained: BlockPageRequest[] = [];
const reviews: ReviewRequest[] = [];
let reviewFails = false;
let explainFails = false;

function request(options: {
  method?: string;
  path?: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers ?? {},
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function postReview(body: string, headers: Record<string, string> = {}): Promise<Reply> {
  return request({
    method: 'POST',
    path: '/__haven/review',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Host: 'casino.example', ...headers },
    body,
  });
}

beforeAll(async () => {
  server = await startBlockPageServer({
    listen: { host: '127.0.0.1', port: 0 },
    explain(request): BlockPageInfo {
      if (explainFails) throw new Error('snapshot missing');
      explained.push(request);
      if (request.host.startsWith('illegal')) {
        return {
          host: request.host,
          url: request.url,
          category: 'Hidden category',
          reason: 'Hidden reason',
          clause: 'Hidden clause',
          illegal: true,
          reviewUrl: 'https://elsewhere.example/review',
          reference: 'REF-ILL',
        };
      }
      return {
        host: request.host,
        url: request.url,
        category: 'On-line gambling',
        reason: 'Gambling sites are not allowed.',
        clause: 'User actions matrix, "On-line gambling": Unacceptable',
        illegal: false,
        reviewUrl: request.host === 'noreview.example' ? null : 'https://elsewhere.example/review',
        reference: 'REF-1',
      };
    },
    async onReviewRequest(review) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (reviewFails) throw new Error('database down');
      reviews.push(review);
    },
    reviewLimit: { requests: 5, windowMs: 60_000 },
  });
  port = server.address().port;
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  explained.length = 0;
  reviews.length = 0;
  reviewFails = false;
  explainFails = false;
});

describe('block page server', () => {
  it('answers any request with 403 and the block page for its Host', async () => {
    const reply = await request({ path: '/slots?game=1', headers: { Host: 'Casino.Example:80' } });
    expect(reply.status).toBe(403);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.body).toContain('This page is blocked');
    expect(reply.body).toContain('casino.example');
    expect(explained).toEqual([
      { host: 'casino.example', url: 'http://casino.example:80/slots?game=1', client: '127.0.0.1' },
    ]);
    // The form posts to this server, whatever reviewUrl said.
    expect(reply.body).toContain('<form method="post" action="/__haven/review">');
    expect(reply.headers['content-security-policy']).toContain("form-action 'self'");
  });

  it('works for HEAD, POST and odd methods, and without a Host', async () => {
    const head = await request({ method: 'HEAD', headers: { Host: 'casino.example' } });
    expect(head.status).toBe(403);
    expect(head.body).toBe('');
    const post = await request({
      method: 'POST',
      path: '/login',
      headers: { Host: 'casino.example' },
      body: 'a=b',
    });
    expect(post.status).toBe(403);
    const raw = await rawExchange('GET / HTTP/1.0\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 403/);
    expect(explained.at(-1)).toEqual({ host: '', url: null, client: '127.0.0.1' });
  });

  it('offers no review when explain gives no reviewUrl', async () => {
    const reply = await request({ headers: { Host: 'noreview.example' } });
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('<form');
  });

  it('shows the neutral page for illegal content, revealing nothing', async () => {
    const reply = await request({ path: '/very-secret-path', headers: { Host: 'illegal-site.example' } });
    expect(reply.status).toBe(403);
    expect(reply.body).toContain("This page can't be shown. The school has been told.");
    expect(reply.body).toContain('REF-ILL');
    for (const secret of [
      'illegal-site',
      'very-secret-path',
      'Hidden category',
      'Hidden reason',
      'Hidden clause',
    ]) {
      expect(reply.body).not.toContain(secret);
    }
    expect(reply.body).not.toContain('<form');
  });

  it('escapes a hostile Host', async () => {
    const reply = await rawExchange(
      'GET /<script>alert(1)</script> HTTP/1.1\r\nHost: <script>alert(2)</script>\r\nConnection: close\r\n\r\n',
    );
    expect(reply).toMatch(/^HTTP\/1\.1 (403|400)/);
    expect(reply).not.toContain('<script>');
  });

  it('still shows a page (revealing nothing) when explain fails', async () => {
    explainFails = true;
    const reply = await request({ headers: { Host: 'casino.example' } });
    expect(reply.status).toBe(403);
    expect(reply.body).toContain("This page can't be shown.");
    expect(reply.body).not.toContain('casino.example');
  });

  it('passes a review request to onReviewRequest and thanks the user', async () => {
    const reply = await postReview(
      'host=casino.example&url=http%3A%2F%2Fcasino.example%2Fslots&reference=REF-1&comment=Needed+for+a+PSHE+lesson+on+gambling',
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Thanks — the network manager will look at this.');
    expect(reviews).toEqual([
      {
        host: 'casino.example',
        url: 'http://casino.example/slots',
        reference: 'REF-1',
        comment: 'Needed for a PSHE lesson on gambling',
        client: '127.0.0.1',
      },
    ]);
  });

  it('refuses invalid review requests with 400', async () => {
    expect((await postReview('url=http%3A%2F%2Fx%2F&reference=REF-1')).status).toBe(400);
    expect((await postReview('host=%3Cscript%3E&reference=REF-1')).status).toBe(400);
    expect((await postReview('host=a.example&reference=REF-1&url=javascript%3Aalert(1)')).status).toBe(400);
    expect((await postReview('host=a.example&reference=REF-1&host=b.example')).status).toBe(400);
    const wrongType = await postReview('{"host":"a.example","reference":"REF-1"}', {
      'Content-Type': 'application/json',
    });
    expect(wrongType.status).toBe(400);
    const invalid = await postReview('host=%3Cscript%3E&reference=REF-1');
    expect(invalid.body).not.toContain('<script>');
    expect(reviews).toEqual([]);
  });

  it('refuses an oversized review request with 400, whether declared or streamed', async () => {
    const big = `host=a.example&reference=REF-1&comment=${'x'.repeat(100_000)}`;
    const declared = await postReview(big);
    expect(declared.status).toBe(400);
    expect(declared.body).toContain('too large');
    const streamed = await rawExchange(
      `POST /__haven/review HTTP/1.1\r\nHost: a.example\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`,
    );
    expect(streamed).toMatch(/^HTTP\/1\.1 400/);
    expect(reviews).toEqual([]);
    // and the server is still fine
    expect((await request({ headers: { Host: 'casino.example' } })).status).toBe(403);
  });

  it('answers 503 with a message when onReviewRequest fails', async () => {
    reviewFails = true;
    const reply = await postReview('host=casino.example&reference=REF-1');
    expect(reply.status).toBe(503);
    expect(reply.body).toContain('could not be sent just now');
  });

  it('answers 405 to a GET of the review address', async () => {
    const reply = await request({ path: '/__haven/review', headers: { Host: 'casino.example' } });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
  });

  it('limits review requests per client address', async () => {
    const limited = await startBlockPageServer({
      listen: { host: '127.0.0.1', port: 0 },
      explain: () => {
        throw new Error('unused');
      },
      onReviewRequest: () => {},
      reviewLimit: { requests: 2, windowMs: 60_000 },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const reply = await new Promise<number>((resolve, reject) => {
          const req = http.request(
            {
              host: '127.0.0.1',
              port: limited.address().port,
              method: 'POST',
              path: '/__haven/review',
              headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
              agent: false,
            },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          );
          req.on('error', reject);
          req.end('host=a.example&reference=R1');
        });
        statuses.push(reply);
      }
      expect(statuses).toEqual([200, 200, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

/** Sends raw bytes and returns everything the server answers until it closes. */
function rawExchange(data: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(data));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString()));
    socket.on('error', (error) =>
      chunks.length > 0 ? resolve(Buffer.concat(chunks).toString()) : reject(error),
    );
    socket.setTimeout(5000, () => {
      socket.destroy();
      resolve(Buffer.concat(chunks).toString());
    });
  });
}
