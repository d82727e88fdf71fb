/**
 * The proxy with plain HTTP, on real sockets: curl -x for what a user's tools do, raw node:net
 * sockets for exact bytes. A real origin server listens on 127.0.0.1 (and a second, "safe" one on
 * 127.0.0.2 with the same port, for connectHost). Names ending .test are sent there with connectHost,
 * so no test depends on DNS.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startProxy } from '../src/proxy/server.ts';
import type { HttpRequestInfo, HttpVerdict, ProxyOptions, ProxyServer } from '../src/proxy/types.ts';

// ---------------------------------------------------------------------------------------------
// curl

const CURL = '/usr/bin/curl';
const HAVE_CURL = existsSync(CURL);
if (!HAVE_CURL) {
  if (process.env.CI) throw new Error(`curl is required in CI and was not found at ${CURL}`);
  console.warn(`curl was not found at ${CURL}: the curl-driven proxy tests are SKIPPED`);
}
const itCurl = it.skipIf(!HAVE_CURL);

const TMP = mkdtempSync(path.join(tmpdir(), 'haven-proxy-http-'));
let curlRuns = 0;

function addHeader(headers: Record<string, string[]>, name: string, value: string): void {
  const key = name.trim().toLowerCase();
  const values = headers[key] ?? [];
  values.push(value.trim());
  headers[key] = values;
}

interface CurlResult {
  exitCode: number;
  status: number;
  headers: Record<string, string[]>;
  body: Buffer;
  stderr: string;
}

/** Runs curl with only the given arguments mattering: no .curlrc, no proxy variables, no NO_PROXY. */
function curl(args: string[]): Promise<CurlResult> {
  const n = curlRuns++;
  const headerFile = path.join(TMP, `h${n}`);
  const bodyFile = path.join(TMP, `b${n}`);
  writeFileSync(headerFile, '');
  writeFileSync(bodyFile, '');
  return new Promise((resolve) => {
    execFile(
      CURL,
      ['-q', '-s', '-S', '--noproxy', '', '-D', headerFile, '-o', bodyFile, '-w', '%{http_code}', ...args],
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: TMP }, timeout: 20_000, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const blocks = readFileSync(headerFile, 'utf8')
          .split(/\r\n\r\n/)
          .filter((b) => b.trim() !== '');
        const last = blocks.at(-1) ?? '';
        const headers: Record<string, string[]> = {};
        for (const line of last.split('\r\n').slice(1)) {
          const colon = line.indexOf(':');
          if (colon <= 0) continue;
          addHeader(headers, line.slice(0, colon), line.slice(colon + 1));
        }
        resolve({
          exitCode: error ? Number((error as { code?: number }).code ?? 1) : 0,
          status: Number(stdout.trim()),
          headers,
          body: readFileSync(bodyFile),
          stderr,
        });
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// raw HTTP client over node:net

interface RawResponse {
  status: number;
  reason: string;
  headers: Record<string, string[]>;
  body: Buffer;
}

class RawClient {
  private buffer = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (data: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, data]);
      this.wake();
    });
    const end = (): void => {
      this.closed = true;
      this.wake();
    };
    socket.on('end', end);
    socket.on('close', end);
    socket.on('error', end);
  }

  static connect(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  write(data: string | Buffer): void {
    this.socket.write(data);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Waits until take() finds what it needs in the buffer (or the socket closes: take sees that too). */
  private async until<T>(take: () => T | undefined, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = take();
      if (found !== undefined) return found;
      if (this.closed)
        throw new Error(`connection closed; had: ${this.buffer.toString('latin1').slice(0, 200)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; had: ${this.buffer.toString('latin1').slice(0, 200)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private take(n: number): Buffer {
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    return Buffer.from(out);
  }

  async readResponse(options: { head?: boolean } = {}): Promise<RawResponse> {
    for (;;) {
      const headEnd = await this.until(() => {
        const i = this.buffer.indexOf('\r\n\r\n');
        return i === -1 ? undefined : i;
      });
      const head = this.take(headEnd + 4).toString('latin1');
      const [statusLine = '', ...lines] = head.slice(0, -4).split('\r\n');
      const match = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(statusLine);
      if (!match) throw new Error(`bad status line: ${statusLine}`);
      const status = Number(match[1]);
      const headers: Record<string, string[]> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        addHeader(headers, line.slice(0, colon), line.slice(colon + 1));
      }
      if (status >= 100 && status < 200) continue;
      let body: Buffer;
      if (options.head || status === 204 || status === 304) body = Buffer.alloc(0);
      else if (headers['content-length']) {
        const length = Number(headers['content-length'][0]);
        body = await this.until(() => (this.buffer.length >= length ? this.take(length) : undefined));
      } else if (headers['transfer-encoding']?.[0]?.includes('chunked')) {
        const parts: Buffer[] = [];
        for (;;) {
          const size = await this.until(() => {
            const i = this.buffer.indexOf('\r\n');
            return i === -1 ? undefined : parseInt(this.take(i + 2).toString('latin1'), 16);
          });
          if (size === 0) {
            await this.until(() => (this.buffer.indexOf('\r\n') === -1 ? undefined : this.take(2)));
            break;
          }
          parts.push(
            await this.until(() => (this.buffer.length >= size + 2 ? this.take(size + 2) : undefined)),
          );
        }
        body = Buffer.concat(parts.map((p) => p.subarray(0, p.length - 2)));
      } else {
        await this.until(() => (this.closed ? true : undefined)).catch(() => true);
        body = this.take(this.buffer.length);
      }
      return { status, reason: match[2] ?? '', headers, body };
    }
  }

  /** Everything until the proxy closes the connection. */
  async readToClose(timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.take(this.buffer.length).toString('latin1');
  }

  close(): void {
    this.socket.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// origin servers and the proxy

interface OriginHit {
  method: string;
  url: string;
  rawHeaders: string[];
  remotePort: number;
}

const hits: OriginHit[] = [];
let origin: http.Server;
let safeOrigin: http.Server;
let originPort: number;
let proxy: ProxyServer;
let proxyPort: number;
let options: ProxyOptions;
const decisions: HttpRequestInfo[] = [];
const told: { info: HttpRequestInfo; verdict: HttpVerdict }[] = [];
const errors: { message: string; context: string }[] = [];

function blockPage(info: HttpRequestInfo, illegal = false): HttpVerdict {
  return {
    kind: 'block',
    page: {
      host: info.host,
      url: info.url,
      category: illegal ? 'Secret category' : 'On-line gambling',
      reason: illegal ? 'Secret reason' : 'Gambling sites are not allowed at school.',
      clause: illegal ? 'Secret clause' : 'User actions matrix, "On-line gambling": Unacceptable',
      illegal,
      reviewUrl: 'https://haven.school.example/review',
      reference: 'REF-42',
    },
  };
}

function policy(info: HttpRequestInfo): HttpVerdict {
  decisions.push(info);
  if (info.host === 'blocked.test' || info.host.endsWith('.blocked.test')) return blockPage(info);
  if (info.host === 'illegal.test') return blockPage(info, true);
  if (info.host === 'safesearch.test') return { kind: 'pass', connectHost: '127.0.0.2' };
  if (info.host.endsWith('.test')) return { kind: 'pass', connectHost: '127.0.0.1' };
  return { kind: 'pass' };
}

function originHandler(req: http.IncomingMessage, res: http.ServerResponse): void {
  hits.push({
    method: req.method ?? '',
    url: req.url ?? '',
    rawHeaders: req.rawHeaders,
    remotePort: req.socket.remotePort ?? 0,
  });
  const url = new URL(req.url ?? '/', 'http://origin');
  switch (url.pathname) {
    case '/hello':
      // biome-ignore format: header pairs
      res.writeHead(200, [
        'Content-Type', 'text/plain',
        'X-Origin', 'yes',
        'Set-Cookie', 'a=1',
        'Set-Cookie', 'b=2',
        'Connection', 'X-Resp-Hop',
        'X-Resp-Hop', 'secret',
        'Proxy-Authenticate', 'Basic realm="origin"',
      ]);
      res.end('hello from origin');
      return;
    case '/headers':
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(req.rawHeaders));
      return;
    case '/echo':
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      req.pipe(res);
      return;
    case '/nocontent':
      res.writeHead(204);
      res.end();
      return;
    case '/slow':
      return; // never answers
    case '/reset':
      req.socket.destroy();
      return;
    case '/partial':
      res.writeHead(200, { 'Content-Length': '1000' });
      res.write('only some of it');
      setTimeout(() => req.socket.destroy(), 50);
      return;
    default:
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
  }
}

function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as net.AddressInfo).port));
  });
}

/** A port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server, 0, '127.0.0.1');
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  origin = http.createServer(originHandler);
  originPort = await listen(origin, 0, '127.0.0.1');
  safeOrigin = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(`safe origin saw Host ${req.headers.host}`);
  });
  await listen(safeOrigin, originPort, '127.0.0.2');
  options = {
    listen: { host: '127.0.0.1', port: 0 },
    decide: policy,
    pac: { proxyHost: 'proxy.school.lan', proxyPort: 3128, direct: ['school.lan'] },
    onDecision: (info, verdict) => told.push({ info, verdict }),
    onError: (error, context) => errors.push({ message: error.message, context }),
  };
  proxy = await startProxy(options);
  proxyPort = proxy.address().port;
});

afterAll(async () => {
  await proxy?.close();
  origin?.closeAllConnections();
  safeOrigin?.closeAllConnections();
  await new Promise((resolve) => origin?.close(resolve));
  await new Promise((resolve) => safeOrigin?.close(resolve));
  rmSync(TMP, { recursive: true, force: true });
});

beforeEach(() => {
  hits.length = 0;
  decisions.length = 0;
  told.length = 0;
  errors.length = 0;
  options.decide = policy;
});

const proxyArg = (): string[] => ['-x', `http://127.0.0.1:${proxyPort}`];

// ---------------------------------------------------------------------------------------------

describe('HTTP proxy: passing requests', () => {
  itCurl('forwards an absolute-form GET, adds Via and removes hop-by-hop headers both ways', async () => {
    const result = await curl([...proxyArg(), `http://allowed.test:${originPort}/hello?x=1`]);
    expect(result.exitCode).toBe(0);
    expect(result.status).toBe(200);
    expect(result.body.toString()).toBe('hello from origin');
    expect(result.headers['x-origin']).toEqual(['yes']);
    expect(result.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(result.headers['x-resp-hop']).toBeUndefined();
    expect(result.headers['proxy-authenticate']).toBeUndefined();
    expect(result.headers.via?.[0]).toMatch(/^1\.1 haven-[0-9a-f]{8}$/);
    expect(decisions).toEqual([
      {
        client: '127.0.0.1',
        user: null,
        method: 'GET',
        connect: false,
        host: 'allowed.test',
        port: originPort,
        url: `http://allowed.test:${originPort}/hello?x=1`,
      },
    ]);
    expect(told).toHaveLength(1);
    expect(told[0]?.verdict).toEqual({ kind: 'pass', connectHost: '127.0.0.1' });
    expect(hits[0]?.url).toBe('/hello?x=1');
  });

  it('sends the origin the URL authority as Host, Via, and no hop-by-hop headers', async () => {
    const client = await RawClient.connect(proxyPort);
    client.write(
      [
        `GET http://Allowed.TEST:${originPort}/headers HTTP/1.1`,
        'Host: wrong.example',
        'Connection: keep-alive, X-Secret-Hop',
        'X-Secret-Hop: 1',
        'Proxy-Connection: keep-alive',
        'Proxy-Authorization: Basic YWxpY2U6c2VjcmV0',
        'Keep-Alive: timeout=5',
        'TE: trailers',
        'Upgrade: websocket',
        'Via: 1.0 school-cache',
        'X-Kept: yes',
        '',
        '',
      ].join('\r\n'),
    );
    const response = await client.readResponse();
    client.close();
    expect(response.status).toBe(200);
    const received = JSON.parse(response.body.toString()) as string[];
    const names = received.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
    for (const hop of [
      'x-secret-hop',
      'proxy-connection',
      'proxy-authorization',
      'keep-alive',
      'te',
      'upgrade',
    ]) {
      expect(names).not.toContain(hop);
    }
    const value = (name: string) =>
      received[received.findIndex((n, i) => i % 2 === 0 && n.toLowerCase() === name) + 1];
    expect(value('host')).toBe(`allowed.test:${originPort}`);
    expect(value('x-kept')).toBe('yes');
    expect(value('via')).toMatch(/^1\.0 school-cache, 1\.1 haven-[0-9a-f]{8}$/);
  });

  itCurl('streams a POST body to the origin and back (curl, with Expect: 100-continue)', async () => {
    const body = randomBytes(6 * 1024 * 1024);
    const file = path.join(TMP, 'upload.bin');
    writeFileSync(file, body);
    const result = await curl([
      ...proxyArg(),
      '--data-binary',
      `@${file}`,
      '-H',
      'Content-Type: application/octet-stream',
      `http://allowed.test:${originPort}/echo`,
    ]);
    expect(result.status).toBe(200);
    expect(createHash('sha256').update(result.body).digest('hex')).toBe(
      createHash('sha256').update(body).digest('hex'),
    );
    expect(hits[0]?.method).toBe('POST');
  });

  it('streams a chunked request body: the echo of the first part arrives before the rest is sent', async () => {
    const client = await RawClient.connect(proxyPort);
    client.write(
      `POST http://allowed.test:${originPort}/echo HTTP/1.1\r\nHost: allowed.test\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    client.write('5\r\nfirst\r\n');
    // The response headers and the first echoed part come back while the request is still open.
    const received: Buffer[] = [];
    const firstPart = new Promise<void>((resolve) => {
      client.socket.on('data', (d: Buffer) => {
        received.push(d);
        if (Buffer.concat(received).includes('first')) resolve();
      });
    });
    await firstPart;
    client.write('6\r\nsecond\r\n0\r\n\r\n');
    const response = await client.readResponse();
    client.close();
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('firstsecond');
  });

  it('keeps the client connection alive, and reuses the connection to the origin', async () => {
    const client = await RawClient.connect(proxyPort);
    const request = `GET http://allowed.test:${originPort}/hello HTTP/1.1\r\nHost: allowed.test\r\n\r\n`;
    client.write(request);
    const first = await client.readResponse();
    client.write(request);
    const second = await client.readResponse();
    // pipelined, too
    client.write(request + request);
    const third = await client.readResponse();
    const fourth = await client.readResponse();
    client.close();
    for (const response of [first, second, third, fourth]) {
      expect(response.status).toBe(200);
      expect(response.body.toString()).toBe('hello from origin');
    }
    expect(hits).toHaveLength(4);
    // The two requests one after the other went over one kept-alive connection to the origin.
    expect(hits[1]?.remotePort).toBe(hits[0]?.remotePort);
  });

  it('answers HEAD and 204 without a body and keeps the connection usable', async () => {
    const client = await RawClient.connect(proxyPort);
    client.write(`HEAD http://allowed.test:${originPort}/hello HTTP/1.1\r\nHost: x\r\n\r\n`);
    const head = await client.readResponse({ head: true });
    client.write(`GET http://allowed.test:${originPort}/nocontent HTTP/1.1\r\nHost: x\r\n\r\n`);
    const empty = await client.readResponse();
    client.write(`GET http://allowed.test:${originPort}/hello HTTP/1.1\r\nHost: x\r\n\r\n`);
    const after = await client.readResponse();
    client.close();
    expect(head.status).toBe(200);
    expect(empty.status).toBe(204);
    expect(after.body.toString()).toBe('hello from origin');
  });

  itCurl('connects to connectHost while keeping the Host header (forced safe search)', async () => {
    const result = await curl([...proxyArg(), `http://safesearch.test:${originPort}/`]);
    expect(result.status).toBe(200);
    expect(result.body.toString()).toBe(`safe origin saw Host safesearch.test:${originPort}`);
    expect(hits).toHaveLength(0);
  });

  it('calls options.decide afresh for every request, so it can be swapped', async () => {
    options.decide = (info) => blockPage(info);
    const client = await RawClient.connect(proxyPort);
    client.write(`GET http://allowed.test:${originPort}/hello HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect((await client.readResponse()).status).toBe(403);
    options.decide = policy;
    client.write(`GET http://allowed.test:${originPort}/hello HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect((await client.readResponse()).status).toBe(200);
    client.close();
  });

  it('uses resolveUser for the user when there is no proxy sign-in', async () => {
    const withUser = await startProxy({
      listen: { host: '127.0.0.1', port: 0 },
      decide: policy,
      resolveUser: (client) => (client === '127.0.0.1' ? 'pupil.from.portal' : null),
    });
    try {
      const client = await RawClient.connect(withUser.address().port);
      client.write(`GET http://allowed.test:${originPort}/hello HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect((await client.readResponse()).status).toBe(200);
      client.close();
      expect(decisions[0]?.user).toBe('pupil.from.portal');
    } finally {
      await withUser.close();
    }
  });
});

describe('HTTP proxy: blocking', () => {
  itCurl('answers a blocked URL with 403 and the block page', async () => {
    const result = await curl([...proxyArg(), 'http://casino.blocked.test/slots?game=1']);
    expect(result.status).toBe(403);
    expect(result.headers['content-type']).toEqual(['text/html; charset=utf-8']);
    expect(result.headers['cache-control']).toEqual(['no-store']);
    const html = result.body.toString();
    expect(html).toContain('This page is blocked');
    expect(html).toContain('casino.blocked.test');
    expect(html).toContain('On-line gambling');
    expect(html).toContain('Gambling sites are not allowed at school.');
    expect(html).toContain('REF-42');
    expect(html).toContain('<form method="post" action="https://haven.school.example/review">');
    expect(hits).toHaveLength(0);
    expect(told[0]?.verdict.kind).toBe('block');
  });

  itCurl('shows nothing about illegal content', async () => {
    const result = await curl([...proxyArg(), 'http://illegal.test/secret-path']);
    expect(result.status).toBe(403);
    const html = result.body.toString();
    expect(html).toContain("This page can't be shown. The school has been told.");
    expect(html).toContain('REF-42');
    for (const secret of [
      'illegal.test',
      'secret-path',
      'Secret category',
      'Secret clause',
      'Secret reason',
      '<form',
    ]) {
      expect(html).not.toContain(secret);
    }
  });

  it('refuses a blocked POST, throws its body away and keeps the connection', async () => {
    const client = await RawClient.connect(proxyPort);
    client.write(
      'POST http://casino.blocked.test/bet HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world',
    );
    expect((await client.readResponse()).status).toBe(403);
    client.write(`GET http://allowed.test:${originPort}/hello HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect((await client.readResponse()).status).toBe(200);
    client.close();
    expect(hits.map((h) => h.url)).toEqual(['/hello']);
  });

  it('refuses a blocked POST that expects 100-continue without asking for its body', async () => {
    const client = await RawClient.connect(proxyPort);
    client.write(
      'POST http://casino.blocked.test/bet HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\nExpect: 100-continue\r\n\r\n',
    );
    const text = await client.readToClose();
    // No "100 Continue": straight to the refusal, and the connection is closed rather than read to the end.
    expect(text).toMatch(/^HTTP\/1\.1 403 /);
    expect(text).toMatch(/\r\nConnection: close\r\n/i);
    expect(hits).toHaveLength(0);
  });

  it('answers 503 when decide throws, and survives a throwing onDecision', async () => {
    options.decide = () => {
      throw new Error('policy snapshot missing');
    };
    const client = await RawClient.connect(proxyPort);
    client.write(`GET http://allowed.test:${originPort}/hello HTTP/1.1\r\nHost: x\r\n\r\n`);
    const failed = await client.readResponse();
    expect(failed.status).toBe(503);
    expect(errors).toEqual([{ message: 'policy snapshot missing', context: 'decide' }]);

    options.decide = policy;
    const onDecision = options.onDecision;
    options.onDecision = () => {
      throw new Error('log full');
    };
    client.write(`GET http://allowed.test:${originPort}/hello HTTP/1.1\r\nHost: x\r\n\r\n`);
    const passed = await client.readResponse();
    options.onDecision = onDecision;
    client.close();
    expect(passed.status).toBe(200);
    expect(errors.at(-1)).toEqual({ message: 'log full', context: 'onDecision' });
    for (const error of errors) {
      expect(error.context).not.toContain('127.0.0.1');
      expect(error.context).not.toContain('allowed.test');
    }
  });
});

describe('HTTP proxy: requests for the proxy itself, bad requests and failures', () => {
  itCurl('serves the PAC file', async () => {
    const result = await curl([`http://127.0.0.1:${proxyPort}/proxy.pac`]);
    expect(result.status).toBe(200);
    expect(result.headers['content-type']).toEqual(['application/x-ns-proxy-autoconfig']);
    const pac = result.body.toString();
    expect(pac).toContain('function FindProxyForURL(url, host)');
    expect(pac).toContain('"PROXY proxy.school.lan:3128"');
    expect(pac).toContain('"school.lan"');
  });

  it('writes the listening port into the PAC file when proxyPort is 0', async () => {
    const ephemeral = await startProxy({
      listen: { host: '127.0.0.1', port: 0 },
      decide: policy,
      pac: { proxyHost: '127.0.0.1', proxyPort: 0 },
    });
    try {
      const client = await RawClient.connect(ephemeral.address().port);
      client.write('GET /proxy.pac?v=1 HTTP/1.1\r\nHost: x\r\n\r\n');
      const response = await client.readResponse();
      client.close();
      expect(response.body.toString()).toContain(`"PROXY 127.0.0.1:${ephemeral.address().port}"`);
    } finally {
      await ephemeral.close();
    }
    await expect(
      startProxy({
        listen: { host: '127.0.0.1', port: 0 },
        decide: policy,
        pac: { proxyHost: 'a b', proxyPort: 0 },
      }),
    ).rejects.toThrow(/proxyHost/);
  });

  it('answers other origin-form requests, and https:// targets, with 400', async () => {
    for (const target of ['/', '/index.html', 'https://allowed.test/', '*']) {
      const client = await RawClient.connect(proxyPort);
      client.write(`GET ${target} HTTP/1.1\r\nHost: proxy\r\n\r\n`);
      const response = await client.readResponse();
      client.close();
      expect(response.status, target).toBe(400);
    }
  });

  it('answers a malformed request line with 400 and keeps serving other connections', async () => {
    for (const garbage of [
      'GARBAGE\r\n\r\n',
      'GET\r\n\r\n',
      'GET http://a.test/ HTTP/9.9\r\n\r\n',
      '\x00\x01\x02\r\n\r\n',
    ]) {
      const bad = await RawClient.connect(proxyPort);
      bad.write(garbage);
      expect(await bad.readToClose()).toMatch(/^HTTP\/1\.1 400 /);
    }
    const good = await RawClient.connect(proxyPort);
    good.write(`GET http://allowed.test:${originPort}/hello HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect((await good.readResponse()).status).toBe(200);
    good.close();
  });

  it('answers oversized headers, or an oversized request line, with 431', async () => {
    const big = await RawClient.connect(proxyPort);
    big.write(`GET http://allowed.test/ HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40 * 1024)}\r\n\r\n`);
    expect(await big.readToClose()).toMatch(/^HTTP\/1\.1 431 /);
    const longLine = await RawClient.connect(proxyPort);
    longLine.write(`GET http://allowed.test/${'b'.repeat(40 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(await longLine.readToClose()).toMatch(/^HTTP\/1\.1 431 /);
    const good = await RawClient.connect(proxyPort);
    good.write(`GET http://allowed.test:${originPort}/hello HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect((await good.readResponse()).status).toBe(200);
    good.close();
  });

  it('answers 502 when the origin refuses the connection', async () => {
    const port = await closedPort();
    const client = await RawClient.connect(proxyPort);
    client.write(`GET http://allowed.test:${port}/ HTTP/1.1\r\nHost: x\r\n\r\n`);
    const response = await client.readResponse();
    expect(response.status).toBe(502);
    expect(response.body.toString()).toContain("couldn't be reached");
    // the client connection is still usable
    client.write(`GET http://allowed.test:${originPort}/hello HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect((await client.readResponse()).status).toBe(200);
    client.close();
  });

  it("answers 502 when the site's name is not found", async () => {
    const client = await RawClient.connect(proxyPort);
    client.write('GET http://no-such-host.invalid/ HTTP/1.1\r\nHost: x\r\n\r\n');
    const response = await client.readResponse();
    client.close();
    expect(response.status).toBe(502);
    expect(response.body.toString()).toContain("name couldn't be found");
  });

  it('answers 502 when the origin drops the connection before answering', async () => {
    const client = await RawClient.connect(proxyPort);
    client.write(`GET http://allowed.test:${originPort}/reset HTTP/1.1\r\nHost: x\r\n\r\n`);
    const response = await client.readResponse();
    client.close();
    expect(response.status).toBe(502);
  });

  it('closes the client connection when the origin dies mid-body (the client sees it was cut short)', async () => {
    const client = await RawClient.connect(proxyPort);
    client.write(`GET http://allowed.test:${originPort}/partial HTTP/1.1\r\nHost: x\r\n\r\n`);
    const text = await client.readToClose();
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toContain('only some of it');
    expect(client.closed).toBe(true);
  });

  it('answers 504 when the origin does not answer in time', async () => {
    const impatient = await startProxy({
      listen: { host: '127.0.0.1', port: 0 },
      decide: policy,
      idleTimeoutMs: 300,
    });
    try {
      const client = await RawClient.connect(impatient.address().port);
      client.write(`GET http://allowed.test:${originPort}/slow HTTP/1.1\r\nHost: x\r\n\r\n`);
      const response = await client.readResponse();
      client.close();
      expect(response.status).toBe(504);
      expect(response.body.toString()).toContain("didn't answer in time");
      expect(impatient.stats().upstreamFailures).toBe(1);
    } finally {
      await impatient.close();
    }
  });

  it('answers 508 to a request that has already been through this proxy', async () => {
    const client = await RawClient.connect(proxyPort);
    client.write(`GET http://allowed.test:${originPort}/headers HTTP/1.1\r\nHost: x\r\n\r\n`);
    const received = JSON.parse((await client.readResponse()).body.toString()) as string[];
    const via = received[received.findIndex((n) => n.toLowerCase() === 'via') + 1];
    client.write(`GET http://allowed.test:${originPort}/hello HTTP/1.1\r\nHost: x\r\nVia: ${via}\r\n\r\n`);
    const looped = await client.readResponse();
    client.close();
    expect(looped.status).toBe(508);
  });

  it('counts what it did', () => {
    const stats = proxy.stats();
    expect(stats.requests).toBeGreaterThan(10);
    expect(stats.passed).toBeGreaterThan(5);
    expect(stats.blocked).toBeGreaterThan(0);
    expect(stats.refused).toBeGreaterThan(0);
    expect(stats.upstreamFailures).toBeGreaterThan(0);
    expect(stats.decisionFailures).toBe(1);
  });
});

describe('HTTP proxy: sign-in', () => {
  let signedIn: ProxyServer;
  let signedInPort: number;
  let checks = 0;

  beforeAll(async () => {
    signedIn = await startProxy({
      listen: { host: '127.0.0.1', port: 0 },
      decide: policy,
      realm: 'Oakwood "School"',
      async authenticate(username, password) {
        checks++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return username === 'alice' && password === 'correct horse';
      },
      resolveUser: () => 'should-not-be-used',
    });
    signedInPort = signedIn.address().port;
  });
  afterAll(async () => {
    await signedIn.close();
  });

  itCurl(
    'asks for sign-in with 407, refuses a wrong password, and passes the right one with the user',
    async () => {
      const proxy = ['-x', `http://127.0.0.1:${signedInPort}`];
      const url = `http://allowed.test:${originPort}/hello`;
      const none = await curl([...proxy, url]);
      expect(none.status).toBe(407);
      expect(none.headers['proxy-authenticate']).toEqual([
        'Basic realm="Oakwood \\"School\\"", charset="UTF-8"',
      ]);
      const wrong = await curl([...proxy, '-U', 'alice:wrong', url]);
      expect(wrong.status).toBe(407);
      expect(decisions).toHaveLength(0);
      const right = await curl([...proxy, '-U', 'alice:correct horse', url]);
      expect(right.status).toBe(200);
      expect(right.body.toString()).toBe('hello from origin');
      expect(decisions.map((d) => d.user)).toEqual(['alice']);
      // The origin never sees the credentials.
      expect(hits[0]?.rawHeaders.map((h) => h.toLowerCase())).not.toContain('proxy-authorization');
    },
  );

  it('remembers a sign-in briefly and checks simultaneous requests once', async () => {
    const authorization = `Basic ${Buffer.from('alice:correct horse').toString('base64')}`;
    checks = 0;
    const clients = await Promise.all([1, 2, 3, 4].map(() => RawClient.connect(signedInPort)));
    for (const client of clients) {
      client.write(
        `GET http://allowed.test:${originPort}/hello HTTP/1.1\r\nHost: x\r\nProxy-Authorization: ${authorization}\r\n\r\n`,
      );
    }
    const responses = await Promise.all(clients.map((c) => c.readResponse()));
    for (const client of clients) client.close();
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(checks).toBeLessThanOrEqual(1);
  });

  it('does not ask for sign-in for the PAC file... but has none to give here', async () => {
    const client = await RawClient.connect(signedInPort);
    client.write('GET /proxy.pac HTTP/1.1\r\nHost: x\r\n\r\n');
    const response = await client.readResponse();
    client.close();
    expect(response.status).toBe(400);
  });
});
