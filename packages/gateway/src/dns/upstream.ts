/**
 * Forwarding to the configured upstream resolvers.
 *
 * Each question goes over UDP from one of a few sockets on OS-chosen ports, with a fresh random
 * 16-bit ID; a reply is accepted only if it comes from the upstream's address and port, carries that
 * ID, is a response, and repeats the question (RFC 5452 §4, §9.1). Anything else is ignored and the
 * real reply still awaited, so a spoofed or stray packet cannot end the wait. Each try has its own
 * timeout; a truncated reply is retried over TCP (RFC 1035 §4.2.1, RFC 7766 §5); an upstream that
 * times out, fails, or answers SERVFAIL, REFUSED or the like gives way to the next one; when none
 * answers the result is a failure and the client gets SERVFAIL. Identical questions in flight share
 * one resolution.
 */
import { randomFillSync } from 'node:crypto';
import dgram from 'node:dgram';
import net from 'node:net';
import { readIpv6, writeIpv6 } from './address.ts';
import { type DnsMessage, encodeMessage, type ParseMessageResult, parseMessage, Rcode } from './codec.ts';

export interface UpstreamServer {
  host: string;
  port: number;
}

export interface ForwarderOptions {
  /** IP addresses (not host names: replies are matched on their source address). */
  upstreams: UpstreamServer[];
  timeoutMs: number;
  now: () => number;
  onError?: (error: Error, context: string) => void;
  /** Called for every query sent to an upstream, over UDP or TCP. */
  onSend?: () => void;
}

export type UpstreamResult =
  | { ok: true; message: DnsMessage; upstream: UpstreamServer }
  | { ok: false; reason: 'failed' | 'closed' };

type TryResult = { kind: 'reply'; message: DnsMessage } | { kind: 'timeout' } | { kind: 'error' };

/** The EDNS UDP payload size Haven advertises upstream (the DNS Flag Day 2020 value). */
export const UPSTREAM_UDP_PAYLOAD = 1232;
const SOCKETS_PER_FAMILY = 4;
/** An upstream that timed out or failed is tried after the others for this long. */
const DOWN_FOR_MS = 30_000;

interface Upstream extends UpstreamServer {
  family: 4 | 6;
  /** The host in the form the socket reports reply sources in. */
  canonical: string;
  downUntil: number;
}

interface Pending {
  upstream: Upstream;
  name: string;
  type: number;
  cls: number;
  settle(result: TryResult): void;
}

interface Channel {
  socket: dgram.Socket;
  pending: Map<number, Pending>;
}

const randomIds = new Uint16Array(256);
let randomIndex = randomIds.length;
function randomId(): number {
  if (randomIndex >= randomIds.length) {
    randomFillSync(randomIds);
    randomIndex = 0;
  }
  return randomIds[randomIndex++]!;
}

function canonicalIpv6(text: string): string {
  const bytes = new Uint8Array(16);
  return writeIpv6(text, bytes, 0) ? readIpv6(bytes, 0) : text;
}

/** Whether `message` answers the question Haven asked (RFC 5452 §9.1: ID, question, and being a response). */
function answersQuestion(message: DnsMessage, id: number, name: string, type: number, cls: number): boolean {
  if (message.id !== id || !message.qr || message.opcode !== 0 || message.questions.length !== 1)
    return false;
  const question = message.questions[0]!;
  return question.type === type && question.class === cls && question.name.toLowerCase() === name;
}

export class Forwarder {
  private readonly upstreams: Upstream[];
  private readonly channels: { 4: Promise<Channel[]> | null; 6: Promise<Channel[]> | null } = {
    4: null,
    6: null,
  };
  private readonly inFlight = new Map<string, Promise<UpstreamResult>>();
  private readonly tcpSockets = new Set<net.Socket>();
  private closed = false;

  constructor(private readonly options: ForwarderOptions) {
    this.upstreams = options.upstreams.map((server) => {
      const family = net.isIP(server.host);
      if (family !== 4 && family !== 6) throw new Error('upstream hosts must be IP addresses');
      if (!Number.isInteger(server.port) || server.port < 1 || server.port > 65_535) {
        throw new Error('upstream ports must be 1–65535');
      }
      return {
        host: server.host,
        port: server.port,
        family,
        canonical: family === 6 ? canonicalIpv6(server.host) : server.host,
        downUntil: 0,
      };
    });
  }

  /** Resolves a question (lower-case name) through the upstreams; identical questions in flight share one. */
  resolve(name: string, type: number, cls: number): Promise<UpstreamResult> {
    const key = `${type}/${cls}/${name}`;
    const existing = this.inFlight.get(key);
    if (existing) return existing;
    const promise = this.resolveNow(name, type, cls).finally(() => {
      this.inFlight.delete(key);
    });
    this.inFlight.set(key, promise);
    return promise;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const socket of this.tcpSockets) socket.destroy();
    this.tcpSockets.clear();
    const groups = await Promise.all([this.channels[4], this.channels[6]].map((p) => p?.catch(() => null)));
    await Promise.all(
      groups.flatMap((channels) =>
        (channels ?? []).map((channel) => {
          for (const pending of channel.pending.values()) pending.settle({ kind: 'error' });
          channel.pending.clear();
          return new Promise<void>((resolve) => channel.socket.close(() => resolve()));
        }),
      ),
    );
  }

  private report(error: unknown, context: string): void {
    try {
      this.options.onError?.(error instanceof Error ? error : new Error(String(error)), context);
    } catch {
      // a failing error hook must not break resolution
    }
  }

  private async resolveNow(name: string, type: number, cls: number): Promise<UpstreamResult> {
    if (this.closed) return { ok: false, reason: 'closed' };
    const question = { name, type, class: cls };
    const query = encodeMessage({
      rd: true,
      questions: [question],
      edns: { udpPayloadSize: UPSTREAM_UDP_PAYLOAD },
    });
    const now = this.options.now();
    // Upstreams that answered lately first, in the configured order; ones that recently failed last.
    const order = [
      ...this.upstreams.filter((u) => u.downUntil <= now),
      ...this.upstreams.filter((u) => u.downUntil > now),
    ];
    for (const upstream of order) {
      let result = await this.udpTry(upstream, query, name, type, cls);
      if (result.kind === 'reply' && result.message.rcode === Rcode.FORMERR && result.message.edns === null) {
        // RFC 6891 §7: a server without EDNS answers FORMERR without an OPT record; ask it without one.
        const plain = encodeMessage({ rd: true, questions: [question] });
        result = await this.udpTry(upstream, plain, name, type, cls);
      }
      if (result.kind === 'reply' && result.message.tc) {
        result = await this.tcpTry(upstream, query, name, type, cls);
      }
      if (this.closed) return { ok: false, reason: 'closed' };
      if (result.kind !== 'reply') {
        upstream.downUntil = this.options.now() + DOWN_FOR_MS;
        continue;
      }
      const rcode = result.message.rcode;
      if (rcode === Rcode.NOERROR || rcode === Rcode.NXDOMAIN) {
        upstream.downUntil = 0;
        return { ok: true, message: result.message, upstream: { host: upstream.host, port: upstream.port } };
      }
      // SERVFAIL, REFUSED, NOTIMP, FORMERR…: this upstream cannot answer it; another may.
    }
    return { ok: false, reason: 'failed' };
  }

  private channelsFor(family: 4 | 6): Promise<Channel[]> {
    let channels = this.channels[family];
    if (!channels) {
      channels = Promise.all(Array.from({ length: SOCKETS_PER_FAMILY }, () => this.openChannel(family)));
      this.channels[family] = channels;
      // A failure to open sockets is not remembered: the next query tries again.
      channels.catch(() => {
        if (this.channels[family] === channels) this.channels[family] = null;
      });
    }
    return channels;
  }

  private openChannel(family: 4 | 6): Promise<Channel> {
    return new Promise((resolve, reject) => {
      const socket = dgram.createSocket(family === 4 ? 'udp4' : 'udp6');
      const channel: Channel = { socket, pending: new Map() };
      socket.on('message', (message, remote) => this.onReply(channel, message, remote));
      socket.once('error', reject);
      socket.bind({ port: 0, address: family === 4 ? '0.0.0.0' : '::' }, () => {
        socket.off('error', reject);
        socket.on('error', (error) => this.report(error, 'upstream-udp'));
        resolve(channel);
      });
    });
  }

  private onReply(channel: Channel, message: Buffer, remote: dgram.RemoteInfo): void {
    if (message.length < 12) return;
    const id = message.readUInt16BE(0);
    const pending = channel.pending.get(id);
    if (!pending) return;
    const upstream = pending.upstream;
    const source = upstream.family === 6 ? canonicalIpv6(remote.address) : remote.address;
    if (remote.port !== upstream.port || source !== upstream.canonical) return;
    const parsed: ParseMessageResult = parseMessage(message);
    if (!parsed.ok || !answersQuestion(parsed.message, id, pending.name, pending.type, pending.cls)) return;
    channel.pending.delete(id);
    pending.settle({ kind: 'reply', message: parsed.message });
  }

  private async udpTry(
    upstream: Upstream,
    query: Buffer,
    name: string,
    type: number,
    cls: number,
  ): Promise<TryResult> {
    let channels: Channel[];
    try {
      channels = await this.channelsFor(upstream.family);
    } catch (error) {
      this.report(error, 'upstream-udp');
      return { kind: 'error' };
    }
    if (this.closed) return { kind: 'error' };
    const channel = channels[randomId() % channels.length]!;
    if (channel.pending.size > 60_000) return { kind: 'error' };
    let id = randomId();
    while (channel.pending.has(id)) id = randomId();
    const packet = Buffer.from(query);
    packet.writeUInt16BE(id, 0);
    return new Promise<TryResult>((resolve) => {
      const timer = setTimeout(() => {
        if (channel.pending.get(id) === pending) channel.pending.delete(id);
        resolve({ kind: 'timeout' });
      }, this.options.timeoutMs);
      const pending: Pending = {
        upstream,
        name,
        type,
        cls,
        settle: (result) => {
          clearTimeout(timer);
          resolve(result);
        },
      };
      channel.pending.set(id, pending);
      this.options.onSend?.();
      channel.socket.send(packet, upstream.port, upstream.host, (error) => {
        if (!error) return;
        this.report(error, 'upstream-udp');
        if (channel.pending.get(id) === pending) channel.pending.delete(id);
        pending.settle({ kind: 'error' });
      });
    });
  }

  private tcpTry(
    upstream: Upstream,
    query: Buffer,
    name: string,
    type: number,
    cls: number,
  ): Promise<TryResult> {
    if (this.closed) return Promise.resolve({ kind: 'error' });
    const id = randomId();
    // RFC 1035 §4.2.2: over TCP a message is preceded by its length as two octets.
    const frame = Buffer.allocUnsafe(query.length + 2);
    frame.writeUInt16BE(query.length, 0);
    query.copy(frame, 2);
    frame.writeUInt16BE(id, 2);
    this.options.onSend?.();
    return new Promise<TryResult>((resolve) => {
      const socket = net.connect({ host: upstream.host, port: upstream.port, noDelay: true });
      this.tcpSockets.add(socket);
      let received = Buffer.alloc(0);
      let done = false;
      const finish = (result: TryResult) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.tcpSockets.delete(socket);
        socket.destroy();
        resolve(result);
      };
      const timer = setTimeout(() => finish({ kind: 'timeout' }), this.options.timeoutMs);
      socket.on('connect', () => socket.write(frame));
      socket.on('data', (chunk) => {
        received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
        if (received.length < 2) return;
        const length = received.readUInt16BE(0);
        if (received.length < length + 2) return;
        const parsed = parseMessage(received.subarray(2, length + 2));
        if (parsed.ok && answersQuestion(parsed.message, id, name, type, cls)) {
          finish({ kind: 'reply', message: parsed.message });
        } else {
          finish({ kind: 'error' });
        }
      });
      socket.on('error', () => finish({ kind: 'error' }));
      socket.on('close', () => finish({ kind: 'error' }));
    });
  }
}
