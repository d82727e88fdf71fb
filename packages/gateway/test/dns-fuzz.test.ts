/**
 * Seeded fuzzing: mutations of valid messages and random octets, fed to the parser and to a running
 * filter over UDP and TCP. Nothing may throw, hang, or stop the server answering a valid query.
 * Reproduce a failure with DNS_FUZZ_SEED=<seed printed in the test name>.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMessage, parseMessage, parseQuery, RRType } from '../src/dns/codec.ts';
import {
  A,
  a,
  aaaa,
  addresses,
  cname,
  decode,
  FakeUpstream,
  type FilterHarness,
  makeQuery,
  prng,
  rr,
  startFilter,
  tcpAsk,
  udpAsk,
  ZONE_SOA,
} from './dns-fixtures.ts';

const SEED = Number(process.env.DNS_FUZZ_SEED ?? 0x5eed_2024);

function corpus(): Buffer[] {
  return [
    makeQuery('www.test', A),
    makeQuery('WWW.Example.COM', RRType.AAAA, { edns: null }),
    makeQuery('a.b.c.d.e.f.g.test', RRType.MX, { dnssecOk: true, edns: 4096 }),
    makeQuery('', RRType.NS),
    makeQuery('x\\000y.test', RRType.TXT),
    encodeMessage({
      id: 9,
      qr: true,
      rd: true,
      ra: true,
      questions: [{ name: 'www.example.com', type: RRType.A, class: 1 }],
      answers: [cname('www.example.com', 'cdn.example.com'), a('cdn.example.com', '192.0.2.1')],
      authorities: [ZONE_SOA],
      additionals: [
        aaaa('cdn.example.com', '2001:db8::1'),
        rr('example.com', RRType.MX, 60, { kind: 'mx', preference: 5, exchange: 'mx.example.com' }),
        rr('_x._tcp.example.com', RRType.SRV, 60, {
          kind: 'srv',
          priority: 1,
          weight: 1,
          port: 1,
          target: 'a.b',
        }),
      ],
      edns: {
        udpPayloadSize: 1232,
        options: [{ code: 10, data: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]) }],
      },
    }),
  ];
}

function mutate(input: Buffer, random: () => number): Buffer {
  const int = (n: number) => Math.floor(random() * n);
  let bytes = Buffer.from(input);
  const rounds = 1 + int(4);
  for (let round = 0; round < rounds; round++) {
    switch (int(8)) {
      case 0: // flip a bit
        if (bytes.length > 0) bytes[int(bytes.length)]! ^= 1 << int(8);
        break;
      case 1: // a random octet
        if (bytes.length > 0) bytes[int(bytes.length)] = int(256);
        break;
      case 2: // truncate
        bytes = bytes.subarray(0, int(bytes.length + 1));
        break;
      case 3: {
        // insert random octets
        const at = int(bytes.length + 1);
        const extra = Buffer.from(Array.from({ length: 1 + int(8) }, () => int(256)));
        bytes = Buffer.concat([bytes.subarray(0, at), extra, bytes.subarray(at)]);
        break;
      }
      case 4: {
        // delete a range
        const at = int(bytes.length + 1);
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + int(6))]);
        break;
      }
      case 5: // a section count
        if (bytes.length >= 12) bytes.writeUInt16BE(int(4) === 0 ? int(65_536) : int(4), 4 + 2 * int(4));
        break;
      case 6: // a compression pointer anywhere
        if (bytes.length >= 2) {
          const at = int(bytes.length - 1);
          bytes[at] = 0xc0 | int(64);
          bytes[at + 1] = int(256);
        }
        break;
      default: {
        // duplicate a chunk
        const at = int(bytes.length + 1);
        bytes = Buffer.concat([bytes, bytes.subarray(at, at + int(32))]);
      }
    }
  }
  return Buffer.from(bytes);
}

function randomBytes(random: () => number): Buffer {
  const length = Math.floor(random() * 300);
  const bytes = Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
  // Half of them look like a query header, so they get past the first checks.
  if (length >= 12 && random() < 0.5) {
    bytes[2]! &= 0x07;
    bytes.writeUInt16BE(1, 4);
  }
  return bytes;
}

function* cases(seed: number, count: number): Generator<Buffer> {
  const random = prng(seed);
  const valid = corpus();
  for (let i = 0; i < count; i++) {
    yield random() < 0.8 ? mutate(valid[i % valid.length]!, random) : randomBytes(random);
  }
}

describe(`DNS fuzz (seed ${SEED})`, () => {
  it('the parsers never throw, always return a typed result, and what they accept re-encodes', () => {
    let accepted = 0;
    for (const bytes of cases(SEED, 5000)) {
      const message = parseMessage(bytes);
      const query = parseQuery(bytes);
      expect(typeof message.ok).toBe('boolean');
      expect(typeof query.ok).toBe('boolean');
      if (!message.ok) expect(message.reason).toMatch(/^[a-z-]+$/);
      if (!query.ok) expect(typeof query.canAnswer).toBe('boolean');
      if (query.ok) expect(query.questionEnd).toBeLessThanOrEqual(bytes.length);
      if (message.ok) {
        accepted++;
        // Whatever is read can be written and read back with the same shape.
        const again = parseMessage(encodeMessage(message.message));
        expect(again.ok).toBe(true);
        if (again.ok) {
          expect(again.message.answers.length).toBe(message.message.answers.length);
          expect(again.message.questions.map((q) => q.name.toLowerCase())).toEqual(
            message.message.questions.map((q) => q.name.toLowerCase()),
          );
        }
      }
    }
    expect(accepted).toBeGreaterThan(100);
  });

  describe('against a running filter', () => {
    let upstream: FakeUpstream;
    let h: FilterHarness;
    beforeAll(async () => {
      upstream = await FakeUpstream.start();
      h = await startFilter([upstream.server], {
        upstreamTimeoutMs: 200,
        // Some of every kind of verdict, so every answer path meets garbage.
        decide: (q) => {
          if (q.name === 'www.test') return { kind: 'forward' };
          const pick = q.name.length % 4;
          if (pick === 0) return { kind: 'block' };
          if (pick === 1) return { kind: 'cname', target: 'www.test' };
          if (pick === 2) return { kind: 'nxdomain' };
          return { kind: 'forward' };
        },
      });
    });
    afterAll(async () => {
      await h.filter.close();
      await upstream.close();
    });

    it('keeps answering over UDP after thousands of malformed datagrams', async () => {
      const socket = dgram.createSocket('udp4');
      await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
      let replies = 0;
      socket.on('message', (reply) => {
        replies++;
        // Whatever the server sends back must itself be a well-formed message.
        expect(parseMessage(reply).ok).toBe(true);
      });
      let sent = 0;
      for (const bytes of cases(SEED + 1, 3000)) {
        socket.send(bytes, h.udpPort, '127.0.0.1');
        if (++sent % 200 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      socket.close();
      expect(replies).toBeGreaterThan(500);
      const after = await udpAsk(h.udpPort, makeQuery('www.test', A, { id: 4242 }));
      expect(after.id).toBe(4242);
      expect(addresses(after)).toEqual(['192.0.2.10']);
      expect(h.errors).toEqual([]);
    });

    it('keeps answering over TCP after malformed messages and garbage streams', async () => {
      // Well-framed malformed messages on one connection, then a valid query on the same connection.
      const frames = [...cases(SEED + 2, 500)].map((bytes) => {
        const frame = Buffer.alloc(bytes.length + 2);
        frame.writeUInt16BE(bytes.length);
        bytes.copy(frame, 2);
        return frame;
      });
      const probe = makeQuery('www.test', A, { id: 0xfeed });
      frames.push(Buffer.concat([Buffer.from([probe.length >> 8, probe.length & 0xff]), probe]));
      const seen = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: '127.0.0.1', port: h.tcpPort });
        let buffered = Buffer.alloc(0);
        const timer = setTimeout(() => {
          socket.destroy();
          resolve(false);
        }, 3000);
        socket.on('error', () => resolve(false));
        socket.on('connect', () => socket.write(Buffer.concat(frames)));
        socket.on('data', (chunk) => {
          buffered = Buffer.concat([buffered, chunk]);
          while (buffered.length >= 2 && buffered.length >= buffered.readUInt16BE(0) + 2) {
            const reply = buffered.subarray(2, buffered.readUInt16BE(0) + 2);
            buffered = buffered.subarray(reply.length + 2);
            const parsed = parseMessage(reply);
            expect(parsed.ok).toBe(true);
            if (
              parsed.ok &&
              parsed.message.id === 0xfeed &&
              parsed.message.questions[0]?.name === 'www.test'
            ) {
              expect(addresses(decode(Buffer.from(reply)))).toEqual(['192.0.2.10']);
              clearTimeout(timer);
              socket.destroy();
              resolve(true);
            }
          }
        });
      });
      expect(seen).toBe(true);
      // Unframed garbage streams, cut off at random points.
      const random = prng(SEED + 3);
      await Promise.all(
        Array.from(
          { length: 20 },
          () =>
            new Promise<void>((resolve) => {
              const socket = net.connect({ host: '127.0.0.1', port: h.tcpPort });
              socket.on('error', () => resolve());
              socket.on('close', () => resolve());
              socket.on('connect', () => {
                socket.end(randomBytes(random));
              });
              socket.on('data', () => {});
            }),
        ),
      );
      const after = await tcpAsk(h.tcpPort, makeQuery('www.test', A, { id: 4243 }));
      expect(after.id).toBe(4243);
      expect(addresses(after)).toEqual(['192.0.2.10']);
      expect(h.errors).toEqual([]);
    });
  });
});
