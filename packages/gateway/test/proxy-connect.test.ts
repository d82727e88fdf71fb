/**
 * CONNECT tunnels on real sockets: a TCP echo server on 127.0.0.1 (and a "safe" one on 127.0.0.2,
 * same port, for connectHost), driven with raw node:net sockets and with curl -p.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startProxy } from '../src/proxy/server.ts';
import type { HttpRequestInfo, HttpVerdict, ProxyServer } from '../src/proxy/types.ts';

const CURL = '/usr/bin/curl';
const HAVE_CURL = existsSync(CURL);
if (!HAVE_CURL) {
  if (process.env.CI) throw new Error(`curl is required in CI and was not found at ${CURL}`);
  console.warn(`curl was not found at ${CURL}: the curl-driven CONNECT tests are SKIPPED`);
}
const itCurl = it.skipIf(!HAVE_CURL);

function curl(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      CURL,
      ['-q', '-s', '-S', '--noproxy', '', ...args],
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent' }, timeout: 20_000 },
      (error, stdout, stderr) =>
        resolve({ exitCode: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A raw client that sends CONNECT, reads the proxy's answer, then treats the socket as a tunnel. */
class TunnelClient {
  private buffer = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  ended = false;
  closed = false;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (data: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, data]);
      this.wake();
    });
    socket.on('end', () => {
      this.ended = true;
      this.wake();
    });
    socket.on('close', () => {
      this.ended = true;
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => {});
  }

  static connect(port: number): Promise<TunnelClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true }, () =>
        resolve(new TunnelClient(socket)),
      );
      socket.once('error', reject);
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private async until<T>(take: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = take();
      if (found !== undefined) return found;
      if (this.ended)
        throw new Error(`tunnel ended; had ${JSON.stringify(this.buffer.toString('latin1').slice(0, 200))}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The proxy's answer to CONNECT: status, head and (for refusals) the body up to the close. */
  async answer(): Promise<{ status: number; head: string; body: string }> {
    const end = await this.until(() => {
      const i = this.buffer.indexOf('\r\n\r\n');
      return i === -1 ? undefined : i;
    });
    const head = this.buffer.subarray(0, end).toString('latin1');
    this.buffer = this.buffer.subarray(end + 4);
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
    let body = '';
    if (status !== 200) body = (await this.waitForEnd()).toString();
    return { status, head, body };
  }

  read(n: number): Promise<Buffer> {
    return this.until(() => {
      if (this.buffer.length < n) return undefined;
      const out = Buffer.from(this.buffer.subarray(0, n));
      this.buffer = this.buffer.subarray(n);
      return out;
    });
  }

  async waitForEnd(timeoutMs = 10_000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const rest = this.buffer;
    this.buffer = Buffer.alloc(0);
    return rest;
  }
}

let echo: net.Server;
let safeEcho: net.Server;
let origin: http.Server;
let echoPort: number;
let originPort: number;
let refusedPort: number;
let proxy: ProxyServer;
let proxyPort: number;
const decisions: HttpRequestInfo[] = [];
const echoSockets = new Set<net.Socket>();

function policy(info: HttpRequestInfo): HttpVerdict {
  decisions.push(info);
  if (info.host === 'blocked.test' || info.host === 'illegal.test') {
    return {
      kind: 'block',
      page: {
        host: info.host,
        url: info.url,
        category: 'Secret category',
        reason: info.host === 'illegal.test' ? 'Secret reason' : 'Gambling is not allowed.',
        clause: 'Secret clause',
        illegal: info.host === 'illegal.test',
        reviewUrl: null,
        reference: 'REF-9',
      },
    };
  }
  if (info.host === 'www.google.test') return { kind: 'pass', connectHost: '127.0.0.2' };
  if (info.host.endsWith('.test')) return { kind: 'pass', connectHost: '127.0.0.1' };
  return { kind: 'pass' };
}

function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as net.AddressInfo).port));
  });
}

beforeAll(async () => {
  echo = net.createServer({ allowHalfOpen: true }, (socket) => {
    echoSockets.add(socket);
    socket.on('close', () => echoSockets.delete(socket));
    socket.on('error', () => {});
    socket.pipe(socket);
  });
  echoPort = await listen(echo, 0, '127.0.0.1');
  safeEcho = net.createServer((socket) => {
    socket.on('error', () => {});
    socket.on('data', (data: Buffer) => socket.write(`SAFE:${data.toString()}`));
  });
  await listen(safeEcho, echoPort, '127.0.0.2');
  origin = http.createServer((_req, res) => res.end('hello through the tunnel'));
  originPort = await listen(origin, 0, '127.0.0.1');
  const closed = net.createServer();
  refusedPort = await listen(closed, 0, '127.0.0.1');
  await new Promise((resolve) => closed.close(resolve));

  proxy = await startProxy({
    listen: { host: '127.0.0.1', port: 0 },
    decide: policy,
    connectPorts: [443, echoPort, originPort, refusedPort],
  });
  proxyPort = proxy.address().port;
});

afterAll(async () => {
  await proxy?.close();
  for (const socket of echoSockets) socket.destroy();
  origin?.closeAllConnections();
  await Promise.all([echo, safeEcho, origin].map((s) => new Promise((resolve) => s?.close(resolve))));
});

beforeEach(() => {
  decisions.length = 0;
});

describe('CONNECT', () => {
  it('opens a tunnel that carries bytes both ways, and half-closes cleanly', async () => {
    const client = await TunnelClient.connect(proxyPort);
    client.socket.write(
      `CONNECT allowed.test:${echoPort} HTTP/1.1\r\nHost: allowed.test:${echoPort}\r\n\r\n`,
    );
    const answer = await client.answer();
    expect(answer.head).toBe('HTTP/1.1 200 Connection established');
    client.socket.write('ping');
    expect((await client.read(4)).toString()).toBe('ping');
    const data = randomBytes(2 * 1024 * 1024);
    client.socket.write(data);
    const back = await client.read(data.length);
    expect(createHash('sha256').update(back).digest('hex')).toBe(
      createHash('sha256').update(data).digest('hex'),
    );
    // Half-close: the last bytes still come back, then the end.
    client.socket.end('last words');
    expect((await client.waitForEnd()).toString()).toBe('last words');
    expect(decisions).toEqual([
      {
        client: '127.0.0.1',
        user: null,
        method: 'CONNECT',
        connect: true,
        host: 'allowed.test',
        port: echoPort,
        url: null,
      },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.stats().activeTunnels).toBe(0);
  });

  it('passes on bytes sent together with the CONNECT request', async () => {
    const client = await TunnelClient.connect(proxyPort);
    client.socket.write(`CONNECT allowed.test:${echoPort} HTTP/1.1\r\nHost: x\r\n\r\nearly bytes`);
    expect((await client.answer()).status).toBe(200);
    expect((await client.read(11)).toString()).toBe('early bytes');
    client.socket.destroy();
  });

  itCurl('carries curl through the tunnel (curl -p)', async () => {
    const result = await curl([
      '-p',
      '-x',
      `http://127.0.0.1:${proxyPort}`,
      `http://site.test:${originPort}/`,
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('hello through the tunnel');
    expect(decisions.map((d) => [d.method, d.host, d.url])).toEqual([['CONNECT', 'site.test', null]]);
  });

  it('refuses a blocked host with 403 and a line of text', async () => {
    const client = await TunnelClient.connect(proxyPort);
    client.socket.write(`CONNECT blocked.test:${echoPort} HTTP/1.1\r\nHost: x\r\n\r\n`);
    const answer = await client.answer();
    expect(answer.status).toBe(403);
    expect(answer.head).toContain('Content-Type: text/plain; charset=utf-8');
    expect(answer.body).toContain('Gambling is not allowed.');
    expect(answer.body).toContain('REF-9');
    expect(client.ended).toBe(true);
  });

  itCurl('makes curl fail on a blocked host', async () => {
    const result = await curl([
      '-p',
      '-x',
      `http://127.0.0.1:${proxyPort}`,
      `http://blocked.test:${originPort}/`,
    ]);
    expect(result.exitCode).toBe(56);
    expect(result.stderr).toContain('403');
  });

  it('says nothing about an illegal host', async () => {
    const client = await TunnelClient.connect(proxyPort);
    client.socket.write(`CONNECT illegal.test:${echoPort} HTTP/1.1\r\nHost: x\r\n\r\n`);
    const answer = await client.answer();
    expect(answer.status).toBe(403);
    expect(answer.body).toContain("This page can't be shown.");
    expect(answer.body).toContain('REF-9');
    for (const secret of ['illegal.test', 'Secret']) expect(answer.body + answer.head).not.toContain(secret);
  });

  it('tunnels to connectHost when the decision gives one (forced safe search)', async () => {
    const client = await TunnelClient.connect(proxyPort);
    client.socket.write(`CONNECT www.google.test:${echoPort} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect((await client.answer()).status).toBe(200);
    client.socket.write('search');
    expect((await client.read(11)).toString()).toBe('SAFE:search');
    client.socket.destroy();
  });

  it('refuses ports that are not allowed, before deciding', async () => {
    for (const port of [25, 22, 80]) {
      const client = await TunnelClient.connect(proxyPort);
      client.socket.write(`CONNECT allowed.test:${port} HTTP/1.1\r\nHost: x\r\n\r\n`);
      const answer = await client.answer();
      expect(answer.status, `port ${port}`).toBe(403);
      expect(answer.body).toContain('only allowed to the usual web ports');
    }
    expect(decisions).toHaveLength(0);
  });

  it('answers 400 to a CONNECT target that is not host:port', async () => {
    for (const target of [
      'allowed.test',
      'allowed.test:http',
      '[::1',
      'a b:443',
      'http://allowed.test:443',
    ]) {
      const client = await TunnelClient.connect(proxyPort);
      client.socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: x\r\n\r\n`);
      const answer = await client.answer();
      expect(answer.status, target).toBe(400);
    }
  });

  it('answers 502 when the site refuses, or its name is not found', async () => {
    const refused = await TunnelClient.connect(proxyPort);
    refused.socket.write(`CONNECT allowed.test:${refusedPort} HTTP/1.1\r\nHost: x\r\n\r\n`);
    const answer = await refused.answer();
    expect(answer.status).toBe(502);
    expect(answer.body).toContain("couldn't be reached");
    const unknown = await TunnelClient.connect(proxyPort);
    unknown.socket.write('CONNECT no-such-host.invalid:443 HTTP/1.1\r\nHost: x\r\n\r\n');
    const notFound = await unknown.answer();
    expect(notFound.status).toBe(502);
    expect(notFound.body).toContain("name couldn't be found");
  });

  it('closes an idle tunnel', async () => {
    const quick = await startProxy({
      listen: { host: '127.0.0.1', port: 0 },
      decide: policy,
      connectPorts: [echoPort],
      idleTimeoutMs: 300,
    });
    try {
      const client = await TunnelClient.connect(quick.address().port);
      client.socket.write(`CONNECT allowed.test:${echoPort} HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect((await client.answer()).status).toBe(200);
      client.socket.write('still here');
      expect((await client.read(10)).toString()).toBe('still here');
      const started = Date.now();
      await client.waitForEnd(5000);
      expect(client.ended).toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(quick.stats().activeTunnels).toBe(0);
    } finally {
      await quick.close();
    }
  });

  it('asks for sign-in with 407 and tunnels once signed in, with the user in the decision', async () => {
    const signedIn = await startProxy({
      listen: { host: '127.0.0.1', port: 0 },
      decide: policy,
      connectPorts: [echoPort],
      authenticate: async (username, password) => username === 'alice' && password === 's3cret',
    });
    try {
      const port = signedIn.address().port;
      const anonymous = await TunnelClient.connect(port);
      anonymous.socket.write(`CONNECT allowed.test:${echoPort} HTTP/1.1\r\nHost: x\r\n\r\n`);
      const challenge = await anonymous.answer();
      expect(challenge.status).toBe(407);
      expect(challenge.head).toContain('Proxy-Authenticate: Basic realm="Haven", charset="UTF-8"');

      const wrong = await TunnelClient.connect(port);
      wrong.socket.write(
        `CONNECT allowed.test:${echoPort} HTTP/1.1\r\nProxy-Authorization: Basic ${Buffer.from('alice:nope').toString('base64')}\r\n\r\n`,
      );
      expect((await wrong.answer()).status).toBe(407);
      expect(decisions).toHaveLength(0);

      const right = await TunnelClient.connect(port);
      right.socket.write(
        `CONNECT allowed.test:${echoPort} HTTP/1.1\r\nProxy-Authorization: Basic ${Buffer.from('alice:s3cret').toString('base64')}\r\n\r\n`,
      );
      expect((await right.answer()).status).toBe(200);
      right.socket.write('hi');
      expect((await right.read(2)).toString()).toBe('hi');
      right.socket.destroy();
      expect(decisions.map((d) => d.user)).toEqual(['alice']);
    } finally {
      await signedIn.close();
    }
  });

  it('ends the client side when the site closes, and the site side when the client vanishes', async () => {
    const client = await TunnelClient.connect(proxyPort);
    client.socket.write(`CONNECT allowed.test:${echoPort} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect((await client.answer()).status).toBe(200);
    client.socket.write('x');
    await client.read(1);
    expect(echoSockets.size).toBeGreaterThan(0);
    for (const socket of echoSockets) socket.destroy();
    await client.waitForEnd(5000);
    expect(client.ended).toBe(true);

    const vanishing = await TunnelClient.connect(proxyPort);
    vanishing.socket.write(`CONNECT allowed.test:${echoPort} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect((await vanishing.answer()).status).toBe(200);
    vanishing.socket.write('y');
    await vanishing.read(1);
    vanishing.socket.destroy();
    const deadline = Date.now() + 5000;
    while (echoSockets.size > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(echoSockets.size).toBe(0);
  });
});
