/**
 * Large bodies stream through the proxy without being held in memory: a slow reader on one side
 * holds back the sender on the other (backpressure through pipe), the proxy process's RSS stays far
 * below the body size, and the bytes arrive intact (SHA-256).
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy } from '../src/proxy/server.ts';
import type { ProxyServer } from '../src/proxy/types.ts';

const MiB = 1024 * 1024;
const SIZE = 64 * MiB;
const CHUNK = 64 * 1024;

/** Deterministic content: a fixed pseudo-random block with the chunk number written into its start. */
const BLOCK = (() => {
  const block = Buffer.alloc(CHUNK);
  let x = 0x9e3779b9;
  for (let i = 0; i < CHUNK; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    block[i] = x & 0xff;
  }
  return block;
})();

function chunkAt(index: number): Buffer {
  const chunk = Buffer.from(BLOCK);
  chunk.writeUInt32BE(index, 0);
  return chunk;
}

function expectedHash(size: number): string {
  const hash = createHash('sha256');
  for (let i = 0; i * CHUNK < size; i++)
    hash.update(chunkAt(i).subarray(0, Math.min(CHUNK, size - i * CHUNK)));
  return hash.digest('hex');
}

/** A stream of `size` bytes of the content above, counting what has been read from it. */
function generator(size: number, progress: { produced: number }): Readable {
  let index = 0;
  return new Readable({
    highWaterMark: CHUNK,
    read() {
      if (index * CHUNK >= size) {
        this.push(null);
        return;
      }
      const chunk = chunkAt(index).subarray(0, Math.min(CHUNK, size - index * CHUNK));
      index++;
      progress.produced += chunk.length;
      this.push(chunk);
    },
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let origin: http.Server;
let originPort: number;
let proxy: ProxyServer;
let proxyPort: number;
const download = { produced: 0 };
const upload = { received: 0, hash: '' };
let uploadDone: Promise<void> = Promise.resolve();

beforeAll(async () => {
  origin = http.createServer((req, res) => {
    if (req.url === '/big') {
      download.produced = 0;
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': SIZE });
      generator(SIZE, download).pipe(res);
      return;
    }
    if (req.url === '/sink') {
      // Reads nothing for a second, then everything: the uploader must be held back meanwhile.
      upload.received = 0;
      const hash = createHash('sha256');
      req.pause();
      uploadDone = new Promise((resolve) => {
        setTimeout(() => {
          req.on('data', (chunk: Buffer) => {
            upload.received += chunk.length;
            hash.update(chunk);
          });
          req.on('end', () => {
            upload.hash = hash.digest('hex');
            res.end('stored');
            resolve();
          });
          req.resume();
        }, 1000);
      });
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  originPort = (origin.address() as net.AddressInfo).port;
  proxy = await startProxy({
    listen: { host: '127.0.0.1', port: 0 },
    decide: () => ({ kind: 'pass' }),
  });
  proxyPort = proxy.address().port;
});

afterAll(async () => {
  await proxy?.close();
  origin?.closeAllConnections();
  await new Promise((resolve) => origin?.close(resolve));
});

/** Samples this process's RSS until stopped; returns the highest value seen. */
function watchRss(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

describe('streaming through the proxy', () => {
  it('streams a large download: a paused client holds the origin back, memory stays flat, bytes arrive intact', async () => {
    const expected = expectedHash(SIZE);
    global.gc?.();
    await sleep(50);
    const baseline = process.memoryUsage.rss();
    const rss = watchRss();

    const socket = net.connect(proxyPort, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`GET http://127.0.0.1:${originPort}/big HTTP/1.1\r\nHost: x\r\n\r\n`);
    const hash = createHash('sha256');
    let head = Buffer.alloc(0);
    let headDone = false;
    let bodyBytes = 0;
    let paused = false;
    let producedDuringPause = 0;
    const done = new Promise<void>((resolve, reject) => {
      socket.on('error', reject);
      socket.on('data', (data: Buffer) => {
        let body = data;
        if (!headDone) {
          head = Buffer.concat([head, data]);
          const end = head.indexOf('\r\n\r\n');
          if (end === -1) return;
          headDone = true;
          expect(head.subarray(0, end).toString()).toMatch(/^HTTP\/1\.1 200 /);
          body = head.subarray(end + 4);
        }
        hash.update(body);
        bodyBytes += body.length;
        if (!paused && bodyBytes >= MiB) {
          // Stop reading for a while: with backpressure the origin is soon held back.
          paused = true;
          socket.pause();
          setTimeout(() => {
            producedDuringPause = download.produced;
            setTimeout(() => {
              // Nothing more was produced while the client was still not reading.
              expect(download.produced).toBe(producedDuringPause);
              socket.resume();
            }, 300);
          }, 700);
        }
        if (bodyBytes === SIZE) resolve();
      });
    });
    await done;
    socket.destroy();
    const peak = rss.stop();

    expect(bodyBytes).toBe(SIZE);
    expect(hash.digest('hex')).toBe(expected);
    // While the client was not reading, the origin had produced only what fits in socket and stream
    // buffers (the kernel's loopback buffers alone can hold several MiB per connection).
    expect(producedDuringPause).toBeLessThan(SIZE / 2);
    // This process holds the origin, the proxy and the client: together they stayed far below the body size.
    expect(peak - baseline).toBeLessThan(SIZE / 2);
  });

  it('streams a large upload: a slow origin holds the uploader back, bytes arrive intact', async () => {
    const expected = expectedHash(SIZE);
    const baseline = process.memoryUsage.rss();
    const rss = watchRss();
    const sent = { produced: 0 };
    const reply = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: proxyPort,
          method: 'POST',
          path: `http://127.0.0.1:${originPort}/sink`,
          headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': SIZE },
          agent: false,
        },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => {
            body += d.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      generator(SIZE, sent).pipe(req);
    });
    await sleep(800);
    // The origin has not read anything yet, so the uploader is stuck at what the buffers hold.
    expect(upload.received).toBe(0);
    expect(sent.produced).toBeLessThan(SIZE / 2);
    const answer = await reply;
    await uploadDone;
    const peak = rss.stop();
    expect(answer).toEqual({ status: 200, body: 'stored' });
    expect(upload.received).toBe(SIZE);
    expect(upload.hash).toBe(expected);
    expect(peak - baseline).toBeLessThan(SIZE / 2);
  });
});
