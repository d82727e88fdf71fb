/**
 * The helper loop as Squid drives it: streams fed in arbitrary pieces, blank lines, \r\n, garbage,
 * over-long lines, a slow reader on the other side (backpressure), and a real child process talking
 * over pipes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { HelperRequest } from '../src/squid-helper/codec.ts';
import { runSquidHelper, type SquidDecision, type SquidHelperOptions } from '../src/squid-helper/run.ts';

const BLOCKED = new Set(['gambling.example', 'blocked.example']);

function decide(request: HelperRequest): SquidDecision {
  return BLOCKED.has(request.host)
    ? { kind: 'block', redirectUrl: `http://block.haven.lan/?host=${request.host}` }
    : { kind: 'pass' };
}

/** A seeded PRNG (mulberry32), so a failing split can be replayed. */
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

class Collector extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.text += chunk.toString('utf8');
    callback();
  }
}

async function run(
  chunks: (string | Buffer)[],
  extra: Partial<SquidHelperOptions> = {},
): Promise<{ out: string; stats: Awaited<ReturnType<typeof runSquidHelper>> }> {
  const input = Readable.from(
    chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)),
    { objectMode: false },
  );
  const output = new Collector();
  const stats = await runSquidHelper({ input, output, decide, ...extra });
  return { out: output.text, stats };
}

/** Splits a buffer at the given offsets. */
function splitAt(data: Buffer, cuts: number[]): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= from || cut >= data.length) continue;
    parts.push(data.subarray(from, cut));
    from = cut;
  }
  parts.push(data.subarray(from));
  return parts;
}

const SAMPLE = [
  '0 http://www.example.com/ 10.0.0.5/- - GET myip=10.0.0.1 myport=3128',
  '1 http://gambling.example/slots?x=1 10.0.0.6/pc6.school.lan alice%20smith GET myip=10.0.0.1 myport=3128',
  '2 blocked.example:443 10.0.0.7/- bob CONNECT myip=10.0.0.1 myport=3128',
  '3 www.google.com:443 10.0.0.7/- - CONNECT myip=10.0.0.1 myport=3128',
  '4 this is garbage',
  '5 http://Élise.example/ 10.0.0.8/- élise GET',
].join('\n');
const SAMPLE_ANSWERS = [
  '0 ERR',
  '1 OK rewrite-url="http://block.haven.lan/?host=gambling.example"',
  '2 OK rewrite-url="http://block.haven.lan/?host=blocked.example"',
  '3 ERR',
  '4 BH message="not a URL"',
  '5 BH message="host is not valid"',
].join('\n');

describe('runSquidHelper', () => {
  it('answers each line in order, with channel-IDs', async () => {
    const { out, stats } = await run([`${SAMPLE}\n`]);
    expect(out).toBe(`${SAMPLE_ANSWERS}\n`);
    expect(stats).toEqual({ lines: 6, passed: 2, blocked: 2, errors: 2 });
  });

  it('answers lines without channel-IDs', async () => {
    const { out } = await run([
      'http://gambling.example/ 10.0.0.5/- - GET\nhttp://fine.example/ 10.0.0.5/- - GET\nnonsense here\n',
    ]);
    expect(out).toBe(
      'OK rewrite-url="http://block.haven.lan/?host=gambling.example"\nERR\nBH message="not a URL"\n',
    );
  });

  it('skips blank lines (Squid sends none, and an answer would fall out of step) and handles \\r\\n', async () => {
    const { out, stats } = await run([
      '\n\r\n1 http://a.example/ - - GET\r\n\r\n   \n2 http://gambling.example/ - - GET\r\n',
    ]);
    expect(out).toBe('1 ERR\n2 OK rewrite-url="http://block.haven.lan/?host=gambling.example"\n');
    expect(stats.lines).toBe(2);
  });

  it('answers a last line that has no newline when the input ends', async () => {
    const { out } = await run(['1 http://a.example/ - - GET\n2 http://gambling.example/ - - GET']);
    expect(out).toBe('1 ERR\n2 OK rewrite-url="http://block.haven.lan/?host=gambling.example"\n');
  });

  it('gives the same answers however the input is split, including inside UTF-8 characters', async () => {
    const data = Buffer.from(`${SAMPLE}\r\n${SAMPLE}\n`);
    const expected = `${SAMPLE_ANSWERS}\n${SAMPLE_ANSWERS}\n`;
    // one byte at a time
    const bytes = [...data].map((b) => Buffer.from([b]));
    expect((await run(bytes)).out).toBe(expected);
    // at every single position
    for (let cut = 1; cut < data.length; cut++) {
      expect((await run(splitAt(data, [cut]))).out).toBe(expected);
    }
    // at random positions
    const random = prng(1234);
    for (let round = 0; round < 200; round++) {
      const cuts = Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
        Math.floor(random() * data.length),
      );
      expect((await run(splitAt(data, cuts))).out, `cuts ${cuts.join(',')}`).toBe(expected);
    }
  });

  it('accepts string chunks (an input with an encoding set)', async () => {
    const input = new Readable({ read() {} });
    input.setEncoding('utf8');
    const output = new Collector();
    const done = runSquidHelper({ input, output, decide });
    input.push('7 http://gambling.exa');
    input.push('mple/ - - GET\n8 http://ok.example/ - - GET\n');
    input.push(null);
    await done;
    expect(output.text).toBe('7 OK rewrite-url="http://block.haven.lan/?host=gambling.example"\n8 ERR\n');
  });

  it('answers an over-long line BH (keeping its channel-ID) and carries on', async () => {
    const long = `42 http://long.example/${'x'.repeat(5000)} - - GET`;
    const data = Buffer.from(`1 http://a.example/ - - GET\n${long}\n2 http://gambling.example/ - - GET\n`);
    const expected =
      '1 ERR\n42 BH message="line too long"\n2 OK rewrite-url="http://block.haven.lan/?host=gambling.example"\n';
    expect((await run([data], { maxLineBytes: 1000 })).out).toBe(expected);
    // the same, arriving in small pieces
    const pieces: Buffer[] = [];
    for (let i = 0; i < data.length; i += 97) pieces.push(data.subarray(i, i + 97));
    expect((await run(pieces, { maxLineBytes: 1000 })).out).toBe(expected);
    // an over-long line at the very end, without a newline
    expect((await run([Buffer.from(long)], { maxLineBytes: 1000 })).out).toBe(
      '42 BH message="line too long"\n',
    );
  });

  it('reads long lines under the limit', async () => {
    const url = `http://long.example/${'y'.repeat(50_000)}`;
    const data = Buffer.from(`9 ${url} 10.0.0.1/- - GET\n`);
    const pieces = splitAt(data, [10, 20_000, 40_000]);
    expect((await run(pieces)).out).toBe('9 ERR\n');
  });

  it('answers BH when decide throws, reports it, and ignores a throwing onDecision', async () => {
    const errors: string[] = [];
    const { out } = await run(['1 http://boom.example/ - - GET\n2 http://a.example/ - - GET\n'], {
      decide: (r) => {
        if (r.host === 'boom.example') throw new Error('lookup failed');
        return { kind: 'pass' };
      },
      onDecision: () => {
        throw new Error('observer failed');
      },
      onError: (error, context) => errors.push(`${context}: ${error.message}`),
    });
    expect(out).toBe('1 BH message="the decision failed"\n2 ERR\n');
    expect(errors).toEqual(['squid helper decide: lookup failed']);
  });

  it('tells onDecision about every decision, with the parsed request', async () => {
    const seen: string[] = [];
    await run([SAMPLE, '\n'], {
      onDecision: (r, d) => seen.push(`${r.channel} ${r.host} ${r.user} ${d.kind}`),
    });
    expect(seen).toEqual([
      '0 www.example.com null pass',
      '1 gambling.example alice smith block',
      '2 blocked.example bob block',
      '3 www.google.com null pass',
    ]);
  });

  it('pauses its input while the output is full, and loses nothing', async () => {
    const count = 60_000;
    const lines: string[] = [];
    const expected: string[] = [];
    for (let i = 0; i < count; i++) {
      const host = i % 3 === 0 ? 'gambling.example' : `site${i}.example`;
      lines.push(
        `${i % 100} http://${host}/page${i} 10.0.0.${i % 250}/- pupil${i} GET myip=10.0.0.1 myport=3128`,
      );
      expected.push(
        i % 3 === 0
          ? `${i % 100} OK rewrite-url="http://block.haven.lan/?host=gambling.example"`
          : `${i % 100} ERR`,
      );
    }
    const data = Buffer.from(`${lines.join('\n')}\n`);
    let offset = 0;
    let reads = 0;
    const input = new Readable({
      highWaterMark: 16 * 1024,
      read() {
        reads++;
        if (offset >= data.length) {
          this.push(null);
          return;
        }
        const size = 1000 + ((reads * 7919) % 15_000);
        this.push(data.subarray(offset, offset + size));
        offset += size;
      },
    });
    let pauses = 0;
    input.on('pause', () => pauses++);
    let received = '';
    let maxBuffered = 0;
    const output = new Writable({
      highWaterMark: 4 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.toString();
        // a slow reader: every write completes a little later
        setTimeout(callback, 0);
      },
    });
    const originalWrite = output.write.bind(output);
    output.write = ((chunk: string, ...rest: never[]) => {
      const ok = originalWrite(chunk, ...rest);
      maxBuffered = Math.max(maxBuffered, output.writableLength);
      return ok;
    }) as typeof output.write;
    const stats = await runSquidHelper({ input, output, decide });
    expect(stats.lines).toBe(count);
    expect(received).toBe(`${expected.join('\n')}\n`);
    expect(pauses).toBeGreaterThan(10);
    // Never more than about one chunk's answers waiting: the helper waited for 'drain'.
    expect(maxBuffered).toBeLessThan(64 * 1024);
    expect(received.length).toBeGreaterThan(20 * maxBuffered);
  });
});

describe('runSquidHelper as a child process, over pipes like Squid', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'haven-squid-helper-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const runModule = pathToFileURL(fileURLToPath(new URL('../src/squid-helper/run.ts', import.meta.url))).href;
  const script = path.join(dir, 'helper.mjs');
  writeFileSync(
    script,
    `const { runSquidHelper } = await import(${JSON.stringify(runModule)});
const blocked = new Set(['gambling.example', 'blocked.example']);
await runSquidHelper({
  input: process.stdin,
  output: process.stdout,
  decide: (r) => (blocked.has(r.host) ? { kind: 'block', redirectUrl: 'http://block.haven.lan/?host=' + r.host } : { kind: 'pass' }),
});
`,
  );

  it('answers requests as they arrive, keeps going after garbage, and exits 0 when Squid closes stdin', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const answers = new Map<string, string>();
    let buffered = '';
    const waiters: { channel: string; resolve: (line: string) => void }[] = [];
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      let nl = buffered.indexOf('\n');
      while (nl !== -1) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const channel = line.split(' ')[0] ?? '';
        answers.set(channel, line);
        for (const waiter of waiters.filter((w) => w.channel === channel)) waiter.resolve(line);
        nl = buffered.indexOf('\n');
      }
    });
    const ask = (channel: string, rest: string): Promise<string> =>
      new Promise((resolve) => {
        waiters.push({ channel, resolve });
        child.stdin.write(`${channel} ${rest}\n`);
      });

    // One at a time, as Squid does with a quiet cache: each answer must come without more input.
    expect(await ask('0', 'http://www.example.com/ 10.0.0.5/- - GET myip=10.0.0.1 myport=3128')).toBe(
      '0 ERR',
    );
    expect(await ask('1', 'gambling.example:443 10.0.0.5/- pupil CONNECT myip=10.0.0.1 myport=3128')).toBe(
      '1 OK rewrite-url="http://block.haven.lan/?host=gambling.example"',
    );
    expect(await ask('2', '%%% garbage')).toBe('2 BH message="host is not valid"');
    expect(await ask('3', 'http://blocked.example/x 10.0.0.5/- - GET')).toBe(
      '3 OK rewrite-url="http://block.haven.lan/?host=blocked.example"',
    );

    // Then a burst of concurrent requests written in one go.
    const burst: Promise<string>[] = [];
    for (let i = 10; i < 1010; i++) {
      burst.push(new Promise((resolve) => waiters.push({ channel: String(i), resolve })));
    }
    let text = '';
    for (let i = 10; i < 1010; i++)
      text += `${i} http://${i % 2 ? 'gambling' : 'fine'}.example/${i} 10.0.0.5/- - GET\n`;
    child.stdin.write(text);
    const replies = await Promise.all(burst);
    replies.forEach((reply, index) => {
      const i = index + 10;
      expect(reply).toBe(
        i % 2 ? `${i} OK rewrite-url="http://block.haven.lan/?host=gambling.example"` : `${i} ERR`,
      );
    });

    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdin.end();
    expect(await exit).toBe(0);
    expect(stderr).toBe('');
    expect(answers.size).toBe(1004);
  }, 60_000);
});
