/**
 * Test fixtures for the DNS filter: a small authoritative server on 127.0.0.1 (UDP and TCP on one
 * ephemeral port) built on the filter's own codec, which can be told to be slow, to drop, to fail,
 * to truncate, or to send spoofed replies first; plain UDP and TCP clients; a seeded PRNG.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import {
  type DnsFilter,
  type DnsFilterOptions,
  type DnsMessage,
  type DnsRecord,
  encodeMessage,
  parseMessage,
  Rcode,
  RRClass,
  RRType,
  startDnsFilter,
} from '../src/dns/index.ts';

export const A = RRType.A;
export const AAAA = RRType.AAAA;

export function rr(name: string, type: number, ttl: number, data: DnsRecord['data']): DnsRecord {
  return { name, type, class: RRClass.IN, ttl, data };
}
export const a = (name: string, address: string, ttl = 300) =>
  rr(name, RRType.A, ttl, { kind: 'a', address });
export const aaaa = (name: string, address: string, ttl = 300) =>
  rr(name, RRType.AAAA, ttl, { kind: 'aaaa', address });
export const cname = (name: string, target: string, ttl = 300) =>
  rr(name, RRType.CNAME, ttl, { kind: 'name', target });

/** The zone the fake upstream serves (`test.` apex). Negative answers: SOA TTL 600, MINIMUM 120. */
export const ZONE_SOA: DnsRecord = rr('test', RRType.SOA, 600, {
  kind: 'soa',
  mname: 'ns.test',
  rname: 'hostmaster.test',
  serial: 2024010101,
  refresh: 3600,
  retry: 600,
  expire: 86_400,
  minimum: 120,
});

export function standardZone(): DnsRecord[] {
  const records: DnsRecord[] = [
    ZONE_SOA,
    a('www.test', '192.0.2.10'),
    aaaa('www.test', '2001:db8::10'),
    a('other.test', '192.0.2.11', 100),
    cname('alias.test', 'www.test', 200),
    a('safe.test', '192.0.2.53'),
    aaaa('safe.test', '2001:db8::53'),
    a('zero.test', '192.0.2.12', 0),
  ];
  // 40 addresses: about 670 octets, more than 512 but less than 1232.
  for (let i = 0; i < 40; i++) records.push(a('medium.test', `198.51.100.${i + 1}`));
  // 120 addresses: about 1950 octets, more than any UDP answer Haven sends.
  for (let i = 0; i < 120; i++) records.push(a('big.test', `203.0.113.${i + 1}`));
  return records;
}

export interface Behaviour {
  mode: 'answer' | 'drop' | 'servfail' | 'refused';
  delayMs: number;
  /** Always set TC over UDP (the forwarder must then ask over TCP). */
  truncateUdp: boolean;
  /** Send two forged replies (wrong ID; right ID but wrong question) before the real one. */
  spoof: boolean;
}

export interface LoggedQuery {
  name: string;
  type: number;
  transport: 'udp' | 'tcp';
  edns: boolean;
}

export const SPOOFED_ADDRESS = '203.0.113.66';

export class FakeUpstream {
  readonly host = '127.0.0.1';
  readonly log: LoggedQuery[] = [];
  behaviour: Behaviour = { mode: 'answer', delayMs: 0, truncateUdp: false, spoof: false };
  private readonly connections = new Set<net.Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    readonly records: DnsRecord[],
    private readonly udp: dgram.Socket,
    private readonly tcp: net.Server,
    readonly port: number,
  ) {}

  /** Binds UDP and TCP on the same free port (retrying if TCP finds it taken). */
  static async start(records: DnsRecord[] = standardZone()): Promise<FakeUpstream> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const udp = dgram.createSocket('udp4');
      await new Promise<void>((resolve) => udp.bind({ port: 0, address: '127.0.0.1' }, resolve));
      const port = udp.address().port;
      const tcp = net.createServer();
      const ok = await new Promise<boolean>((resolve) => {
        tcp.once('error', () => resolve(false));
        tcp.listen({ host: '127.0.0.1', port }, () => resolve(true));
      });
      if (!ok) {
        udp.close();
        continue;
      }
      const server = new FakeUpstream(records, udp, tcp, port);
      server.wire();
      return server;
    }
    throw new Error('could not bind a fake upstream');
  }

  get server(): { host: string; port: number } {
    return { host: this.host, port: this.port };
  }

  count(name: string, type?: number): number {
    return this.log.filter((q) => q.name === name && (type === undefined || q.type === type)).length;
  }

  private later(ms: number, fn: () => void): void {
    if (ms <= 0) {
      fn();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private wire(): void {
    this.udp.on('message', (message, remote) => {
      const reply = (out: Buffer) => this.udp.send(out, remote.port, remote.address);
      this.onQuery(message, 'udp', reply);
    });
    this.tcp.on('connection', (socket) => {
      this.connections.add(socket);
      socket.on('close', () => this.connections.delete(socket));
      socket.on('error', () => socket.destroy());
      let buffered = Buffer.alloc(0);
      socket.on('data', (chunk) => {
        buffered = Buffer.concat([buffered, chunk]);
        while (buffered.length >= 2 && buffered.length >= buffered.readUInt16BE(0) + 2) {
          const message = buffered.subarray(2, buffered.readUInt16BE(0) + 2);
          buffered = buffered.subarray(message.length + 2);
          this.onQuery(message, 'tcp', (out) => {
            if (!socket.writable) return;
            const length = Buffer.alloc(2);
            length.writeUInt16BE(out.length);
            socket.write(Buffer.concat([length, out]));
          });
        }
      });
    });
  }

  private onQuery(message: Buffer, transport: 'udp' | 'tcp', reply: (out: Buffer) => void): void {
    const parsed = parseMessage(message);
    if (!parsed.ok || parsed.message.questions.length !== 1) return;
    const query = parsed.message;
    const question = query.questions[0]!;
    this.log.push({
      name: question.name.toLowerCase(),
      type: question.type,
      transport,
      edns: query.edns !== null,
    });
    const { mode, delayMs, truncateUdp, spoof } = this.behaviour;
    if (mode === 'drop') return;
    const base = {
      id: query.id,
      qr: true,
      aa: true,
      rd: query.rd,
      questions: query.questions,
      edns: query.edns ? { udpPayloadSize: 1232 } : null,
    };
    if (mode === 'servfail' || mode === 'refused') {
      this.later(delayMs, () =>
        reply(
          encodeMessage({ ...base, aa: false, rcode: mode === 'servfail' ? Rcode.SERVFAIL : Rcode.REFUSED }),
        ),
      );
      return;
    }
    const answer = this.answer(question.name.toLowerCase(), question.type);
    let out = encodeMessage({ ...base, ...answer });
    const limit = query.edns ? Math.max(512, query.edns.udpPayloadSize) : 512;
    if (transport === 'udp' && (truncateUdp || out.length > limit)) {
      out = encodeMessage({ ...base, tc: true, rcode: answer.rcode });
    }
    if (spoof && transport === 'udp') {
      const forged = [a(question.name, SPOOFED_ADDRESS, 86_400)];
      reply(encodeMessage({ ...base, id: query.id ^ 0x5a5a, answers: forged }));
      const wrongQuestion = [{ ...question, name: `x${question.name}` }];
      reply(encodeMessage({ ...base, questions: wrongQuestion, answers: forged }));
    }
    this.later(spoof ? Math.max(delayMs, 20) : delayMs, () => reply(out));
  }

  /** Authoritative answer for `test.`: CNAMEs followed inside the zone, NXDOMAIN or NODATA with the SOA. */
  private answer(
    name: string,
    type: number,
  ): { rcode: number; answers: DnsRecord[]; authorities: DnsRecord[] } {
    const answers: DnsRecord[] = [];
    let current = name;
    for (let hop = 0; hop < 8; hop++) {
      const owned = this.records.filter((r) => r.name === current);
      if (owned.length === 0) {
        return hop === 0
          ? { rcode: Rcode.NXDOMAIN, answers, authorities: [ZONE_SOA] }
          : { rcode: Rcode.NOERROR, answers, authorities: [] };
      }
      const matching = owned.filter((r) => r.type === type);
      if (matching.length > 0)
        return { rcode: Rcode.NOERROR, answers: [...answers, ...matching], authorities: [] };
      const alias = owned.find((r) => r.type === RRType.CNAME);
      if (alias?.data.kind !== 'name') break;
      answers.push(alias);
      current = alias.data.target;
    }
    return { rcode: Rcode.NOERROR, answers, authorities: [ZONE_SOA] };
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const socket of this.connections) socket.destroy();
    await Promise.all([
      new Promise<void>((resolve) => this.udp.close(() => resolve())),
      new Promise<void>((resolve) => this.tcp.close(() => resolve())),
    ]);
  }
}

/** A UDP port with a socket on it that never answers: an upstream that is down. */
export async function blackHole(): Promise<{
  server: { host: string; port: number };
  close(): Promise<void>;
}> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind({ port: 0, address: '127.0.0.1' }, resolve));
  socket.on('message', () => {});
  return {
    server: { host: '127.0.0.1', port: socket.address().port },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

export interface QueryOptions {
  id?: number;
  /** EDNS UDP payload size; null for no OPT record (the default is 1232). */
  edns?: number | null;
  ednsVersion?: number;
  dnssecOk?: boolean;
  cls?: number;
  opcode?: number;
}

export function makeQuery(name: string, type: number, options: QueryOptions = {}): Buffer {
  const edns = options.edns === undefined ? 1232 : options.edns;
  return encodeMessage({
    id: options.id ?? 0x1234,
    rd: true,
    opcode: options.opcode ?? 0,
    questions: [{ name, type, class: options.cls ?? RRClass.IN }],
    edns:
      edns === null
        ? null
        : { udpPayloadSize: edns, version: options.ednsVersion ?? 0, dnssecOk: options.dnssecOk ?? false },
  });
}

export function decode(wire: Buffer): DnsMessage {
  const parsed = parseMessage(wire);
  if (!parsed.ok) throw new Error(`unparseable response: ${parsed.reason}`);
  return parsed.message;
}

/** Sends one datagram and waits for the first reply (null on timeout). */
export function udpExchange(port: number, packet: Uint8Array, timeoutMs = 1500): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    const timer = setTimeout(() => {
      socket.close();
      resolve(null);
    }, timeoutMs);
    socket.on('message', (message) => {
      clearTimeout(timer);
      socket.close();
      resolve(message);
    });
    socket.send(packet, port, '127.0.0.1');
  });
}

export async function udpAsk(port: number, packet: Uint8Array, timeoutMs = 1500): Promise<DnsMessage> {
  const reply = await udpExchange(port, packet, timeoutMs);
  if (!reply) throw new Error('no UDP reply');
  return decode(reply);
}

/** Sends the messages on one TCP connection, back to back, and collects `expect` replies. */
export function tcpExchange(
  port: number,
  packets: Uint8Array[],
  expect = packets.length,
  timeoutMs = 2000,
): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const replies: Buffer[] = [];
    let buffered = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`TCP: ${replies.length} of ${expect} replies`));
    }, timeoutMs);
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('connect', () => {
      const frames = packets.map((packet) => {
        const frame = Buffer.alloc(packet.length + 2);
        frame.writeUInt16BE(packet.length);
        frame.set(packet, 2);
        return frame;
      });
      socket.write(Buffer.concat(frames));
      if (expect === 0) {
        clearTimeout(timer);
        socket.end();
        resolve(replies);
      }
    });
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 2 && buffered.length >= buffered.readUInt16BE(0) + 2) {
        const length = buffered.readUInt16BE(0);
        replies.push(Buffer.from(buffered.subarray(2, length + 2)));
        buffered = buffered.subarray(length + 2);
      }
      if (replies.length >= expect) {
        clearTimeout(timer);
        socket.end();
        resolve(replies);
      }
    });
  });
}

export async function tcpAsk(port: number, packet: Uint8Array): Promise<DnsMessage> {
  const [reply] = await tcpExchange(port, [packet]);
  return decode(reply!);
}

/** mulberry32: a tiny seeded PRNG, so a failing fuzz case can be reproduced from its seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface TestClock {
  now(): number;
  advance(seconds: number): void;
}

export function testClock(start = 1_700_000_000_000): TestClock {
  let t = start;
  return {
    now: () => t,
    advance: (seconds) => {
      t += seconds * 1000;
    },
  };
}

export interface FilterHarness {
  filter: DnsFilter;
  options: DnsFilterOptions;
  udpPort: number;
  tcpPort: number;
  errors: { error: Error; context: string }[];
}

/** Starts a filter on 127.0.0.1 (UDP and TCP on one ephemeral port) forwarding to `upstreams`. */
export async function startFilter(
  upstreams: { host: string; port: number }[],
  overrides: Partial<DnsFilterOptions> = {},
): Promise<FilterHarness> {
  const errors: { error: Error; context: string }[] = [];
  const options: DnsFilterOptions = {
    udp: { host: '127.0.0.1', port: 0 },
    tcp: { host: '127.0.0.1', port: 0 },
    upstreams,
    upstreamTimeoutMs: 500,
    blockMode: 'address',
    blockAddress4: '192.0.2.1',
    blockAddress6: '2001:db8::1',
    decide: () => ({ kind: 'forward' }),
    onError: (error, context) => errors.push({ error, context }),
    ...overrides,
  };
  const filter = await startDnsFilter(options);
  return {
    filter,
    options,
    udpPort: filter.udpAddress()?.port ?? 0,
    tcpPort: filter.tcpAddress()?.port ?? 0,
    errors,
  };
}

/** The addresses in a response's answer section (A and AAAA), in order. */
export function addresses(message: DnsMessage): string[] {
  return message.answers.flatMap((r) =>
    r.data.kind === 'a' || r.data.kind === 'aaaa' ? [r.data.address] : [],
  );
}
