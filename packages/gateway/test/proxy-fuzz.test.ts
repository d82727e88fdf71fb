/**
 * Garbage over raw sockets (seeded, so a failure can be replayed): random bytes, mangled requests,
 * odd framing, half-sent requests. The proxy must answer or close each connection, never crash, never
 * report an internal failure, and keep serving proper requests throughout.
 */
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy } from '../src/proxy/server.ts';
import type { HttpRequestInfo, HttpVerdict, ProxyServer } from '../src/proxy/types.ts';

const SEED = Number(process.env.HAVEN_FUZZ_SEED ?? 20240611);
const CASES = 480;
const BATCH = 24;

/** mulberry32 */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let origin: http.Server;
let originPort: number;
let proxy: ProxyServer;
let proxyPort: number;
const internalErrors: string[] = [];

function policy(info: HttpRequestInfo): HttpVerdict {
  // Only the test origin is ever contacted; everything else is blocked, so no garbage leaves the machine.
  if (info.host.endsWith('.test') && info.port === originPort)
    return { kind: 'pass', connectHost: '127.0.0.1' };
  return {
    kind: 'block',
    page: {
      host: info.host,
      url: info.url,
      category: null,
      reason: 'Blocked in the fuzz test.',
      clause: null,
      illegal: false,
      reviewUrl: null,
      reference: 'FUZZ',
    },
  };
}

beforeAll(async () => {
  origin = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
    req.on('error', () => {});
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  originPort = (origin.address() as net.AddressInfo).port;
  proxy = await startProxy({
    listen: { host: '127.0.0.1', port: 0 },
    decide: policy,
    connectPorts: [443, originPort],
    authenticate: undefined,
    onError: (error, context) => internalErrors.push(`${context}: ${error.message}`),
  });
  proxyPort = proxy.address().port;
});

afterAll(async () => {
  await proxy?.close();
  origin?.closeAllConnections();
  await new Promise((resolve) => origin?.close(resolve));
});

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function randomBytes(random: () => number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

function mutate(random: () => number, input: Buffer): Buffer {
  const bytes = [...input];
  const edits = 1 + Math.floor(random() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (bytes.length + 1));
    switch (Math.floor(random() * 4)) {
      case 0:
        bytes[at] = Math.floor(random() * 256);
        break;
      case 1:
        bytes.splice(at, 0, pick(random, [0, 10, 13, 32, 58, 0x7f, 0xff, 0x25, 0x2f]));
        break;
      case 2:
        bytes.splice(at, 1 + Math.floor(random() * 4));
        break;
      default: {
        const from = Math.floor(random() * bytes.length);
        bytes.splice(at, 0, ...bytes.slice(from, from + Math.floor(random() * 40)));
      }
    }
  }
  return Buffer.from(bytes);
}

/** Mostly well-formed requests with the odd strange part, so every path of the proxy is reached. */
function composed(random: () => number): Buffer {
  const odd = (p: number) => random() < p;
  const method = odd(0.8)
    ? pick(random, ['GET', 'GET', 'POST', 'CONNECT', 'HEAD', 'PUT', 'OPTIONS'])
    : pick(random, ['BREW', 'G\u0000T', '', 'get', 'PRI']);
  const target = pick(random, [
    `http://site.test:${originPort}/`,
    `http://site.test:${originPort}/${'x'.repeat(Math.floor(random() * 3000))}`,
    `site.test:${originPort}`,
    'site.test:443',
    'blocked.example:443',
    'http://blocked.example/page',
    'elsewhere.example:25',
    'http://[::1/',
    'http://a.test:99999/',
    'http://%00/',
    'https://secure.example/',
    '/proxy.pac',
    '/',
    '*',
    'http://user:pw@site.test/',
    'http://\u00e9.example/',
    '',
  ]);
  const version = odd(0.85)
    ? 'HTTP/1.1'
    : pick(random, ['HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 extra', 'HTTP', '']);
  const headers: string[] = ['Host: site.test'];
  const headerCount = Math.floor(random() * 4);
  for (let i = 0; i < headerCount; i++) {
    headers.push(
      odd(0.75)
        ? pick(random, [
            'Content-Length: 5',
            'Content-Length: 0',
            'Transfer-Encoding: chunked',
            'Expect: 100-continue',
            `Proxy-Authorization: Basic ${pick(random, ['!!!', 'YTpi', '', 'Og=='])}`,
            'Connection: close, X-Drop',
            'Upgrade: websocket',
            'Via: 1.1 other-proxy',
            `X-Long: ${'y'.repeat(Math.floor(random() * 40_000))}`,
          ])
        : pick(random, [
            `Content-Length: ${pick(random, ['-1', '99999999999999999999', 'abc', '3, 4'])}`,
            `Transfer-Encoding: ${pick(random, ['gzip', 'chunked, chunked', 'identity'])}`,
            'Bad Header Name: x',
            'NoColon',
            ': empty-name',
            'X-Ctl: a\u0001b',
          ]),
    );
  }
  let body = '';
  if (odd(0.3))
    body = pick(random, [
      'hello',
      '5\r\nhello\r\n0\r\n\r\n',
      'zz\r\n',
      randomBytes(random, 64).toString('latin1'),
    ]);
  const text = `${method} ${target} ${version}\r\n${headers.join('\r\n')}\r\n\r\n${body}`;
  return Buffer.from(text, 'latin1');
}

const VALID = Buffer.from(
  `GET http://site.test:0/ HTTP/1.1\r\nHost: site.test\r\nUser-Agent: fuzz\r\nAccept: */*\r\n\r\n`,
);

function makeCase(random: () => number): Buffer {
  const kind = Math.floor(random() * 5);
  switch (kind) {
    case 0:
      return randomBytes(random, 1 + Math.floor(random() * 4096));
    case 1:
      return mutate(random, Buffer.from(VALID.toString().replace(':0/', `:${originPort}/`)));
    case 2:
      return composed(random);
    case 3: {
      const whole = composed(random);
      return whole.subarray(0, Math.floor(random() * whole.length));
    }
    default:
      return Buffer.concat([composed(random), composed(random)]);
  }
}

/**
 * Sends the bytes (sometimes in pieces), waits a little for an answer, then ends the connection so
 * a half-sent request meets end-of-stream; resolves with everything the proxy sent (3 s at most).
 */
function exchange(data: Buffer, random: () => number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(proxyPort, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timers: NodeJS.Timeout[] = [];
    const finish = (): void => {
      for (const timer of timers) clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('close', finish);
    socket.on('error', finish);
    socket.on('connect', () => {
      const pieces = random() < 0.5 ? 1 : 2 + Math.floor(random() * 4);
      const size = Math.ceil(data.length / pieces);
      for (let i = 0; i < data.length; i += size) socket.write(data.subarray(i, i + size));
      if (random() < 0.1) {
        finish(); // the client vanishes at once
        return;
      }
      timers.push(setTimeout(() => socket.end(), 400));
      timers.push(setTimeout(finish, 3000));
    });
  });
}

async function properRequestWorks(): Promise<boolean> {
  const answer = await new Promise<number>((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: proxyPort,
        path: `http://site.test:${originPort}/check`,
        agent: false,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end();
  });
  return answer === 200;
}

describe('proxy fuzz', () => {
  it(`survives ${CASES} garbage connections (seed ${SEED}) and keeps serving`, async () => {
    const random = prng(SEED);
    const statuses = new Map<string, number>();
    for (let done = 0; done < CASES; done += BATCH) {
      const batch = Array.from({ length: BATCH }, () => makeCase(random));
      const answers = await Promise.all(batch.map((data) => exchange(data, random)));
      for (const answer of answers) {
        const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? (answer === '' ? 'closed' : 'other');
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        // Whatever came back is HTTP from the proxy or the origin, never a stack trace.
        expect(answer).not.toMatch(/at .*\.ts:\d+|Error:/);
      }
      expect(await properRequestWorks(), `after case ${done + BATCH} (seed ${SEED})`).toBe(true);
    }
    // The mix did reach the interesting paths.
    expect(statuses.get('400') ?? 0).toBeGreaterThan(20);
    expect([...statuses.keys()].length).toBeGreaterThan(3);
    expect(internalErrors).toEqual([]);
    expect(proxy.stats().activeTunnels).toBe(0);
  }, 120_000);
});
