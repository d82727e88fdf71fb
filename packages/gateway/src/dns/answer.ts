/**
 * Composes the server's responses: from a cached template (copy, then patch the ID, flags, question
 * and TTLs), from records Haven makes up (block answers, NXDOMAIN, CNAME), and the error answers.
 *
 * Every response copies the query's ID, RD and CD bits (RFC 1035 §4.1.1, RFC 4035 §3.1.6), sets RA,
 * echoes the question as the client wrote it (case included, which clients using 0x20 randomisation
 * check), and carries an OPT record exactly when the query did (RFC 6891 §6.1.1), copying the DO bit
 * (RFC 3225 §3). A response over the client's size limit is replaced by its header and question with
 * TC set (RFC 1035 §4.2.1, RFC 6891 §7), and the client retries over TCP.
 */
import type { PreparedAnswer } from './cache.ts';
import {
  type DnsQuestion,
  type DnsRecord,
  encodeMessageDetailed,
  HEADER_SIZE,
  type ParsedQuery,
  parseMessage,
  RRClass,
  RRType,
} from './codec.ts';

/**
 * The largest UDP response the server sends, and advertises in its OPT record: 1232 octets avoids IP
 * fragmentation on any path with an MTU of 1280 (the DNS Flag Day 2020 value).
 */
export const SERVER_UDP_PAYLOAD = 1232;
/** A client without EDNS gets at most 512 octets over UDP (RFC 1035 §4.2.1). */
export const CLASSIC_UDP_PAYLOAD = 512;
const OPT_SIZE = 11;

/** The largest response a client can take over UDP (RFC 6891 §6.2.5: values below 512 mean 512). */
export function udpLimit(query: ParsedQuery): number {
  if (!query.edns) return CLASSIC_UDP_PAYLOAD;
  return Math.min(SERVER_UDP_PAYLOAD, Math.max(CLASSIC_UDP_PAYLOAD, query.udpPayloadSize));
}

/** An encoded answer without ID, OPT or client-specific flags, whose TTLs count down as it ages. */
export interface AnswerTemplate {
  wire: Buffer;
  questionEnd: number;
  ttlOffsets: number[];
  ttls: number[];
  rcode: number;
}

export function buildTemplate(question: DnsQuestion, prepared: PreparedAnswer): AnswerTemplate {
  const encoded = encodeMessageDetailed({
    qr: true,
    ra: true,
    rcode: prepared.rcode,
    questions: [question],
    answers: prepared.answers,
    authorities: prepared.authorities,
  });
  // Its own memory: a pooled slice would pin a shared 8 KiB slab for as long as the entry lives.
  const wire = Buffer.allocUnsafeSlow(encoded.wire.length);
  encoded.wire.copy(wire);
  return {
    wire,
    questionEnd: encoded.questionEnd,
    ttlOffsets: encoded.ttlOffsets,
    ttls: [...prepared.answers, ...prepared.authorities].map((record) => record.ttl),
    rcode: prepared.rcode,
  };
}

/** The template's records with their TTLs reduced by `elapsedSeconds` (used to build CNAME answers). */
export function templateRecords(
  template: AnswerTemplate,
  elapsedSeconds: number,
): { answers: DnsRecord[]; authorities: DnsRecord[] } {
  const parsed = parseMessage(template.wire);
  if (!parsed.ok) return { answers: [], authorities: [] };
  const age = (record: DnsRecord): DnsRecord => ({
    ...record,
    ttl: Math.max(0, record.ttl - elapsedSeconds),
  });
  return { answers: parsed.message.answers.map(age), authorities: parsed.message.authorities.map(age) };
}

function writeHeaderFlags(out: Buffer, query: ParsedQuery, rcode: number, truncated: boolean): void {
  out[0] = query.id >> 8;
  out[1] = query.id & 0xff;
  // QR, opcode QUERY, AA clear (Haven is not authoritative), TC, RD copied.
  out[2] = 0x80 | (truncated ? 0x02 : 0) | (query.rd ? 0x01 : 0);
  // RA set (Haven recurses through its upstreams), Z and AD clear (it validates nothing), CD copied.
  out[3] = 0x80 | (query.cd ? 0x10 : 0) | (rcode & 0xf);
}

function writeOpt(out: Buffer, at: number, query: ParsedQuery, rcode: number): void {
  out[at] = 0; // owner: the root
  out[at + 1] = 0;
  out[at + 2] = RRType.OPT;
  out[at + 3] = SERVER_UDP_PAYLOAD >> 8;
  out[at + 4] = SERVER_UDP_PAYLOAD & 0xff;
  out[at + 5] = rcode >> 4; // extended RCODE (RFC 6891 §6.1.3)
  out[at + 6] = 0; // version 0
  out[at + 7] = query.dnssecOk ? 0x80 : 0;
  out[at + 8] = 0;
  out[at + 9] = 0; // RDLENGTH: no options
  out[at + 10] = 0;
}

/** Puts the question exactly as the client sent it over the template's (same length in wire form). */
function copyQuestion(out: Buffer, query: ParsedQuery, request: Uint8Array, questionEnd: number): void {
  if (!query.questionCompressed && query.questionEnd === questionEnd) {
    for (let i = HEADER_SIZE; i < questionEnd; i++) out[i] = request[i]!;
  }
}

/** Header, question and OPT with TC set: "there is more, ask over TCP". */
function truncatedFrom(
  wire: Buffer,
  questionEnd: number,
  query: ParsedQuery,
  request: Uint8Array,
  rcode: number,
): Buffer {
  const optSize = query.edns ? OPT_SIZE : 0;
  const out = Buffer.allocUnsafe(questionEnd + optSize);
  wire.copy(out, 0, 0, questionEnd);
  writeHeaderFlags(out, query, rcode, true);
  out.writeUInt16BE(1, 4);
  out.writeUInt32BE(0, 6); // ANCOUNT, NSCOUNT
  out.writeUInt16BE(query.edns ? 1 : 0, 10);
  copyQuestion(out, query, request, questionEnd);
  if (query.edns) writeOpt(out, questionEnd, query, rcode);
  return out;
}

/**
 * The cached answer for this query: one copy of the template, then the ID, flags, question case and
 * aged TTLs written over it, and an OPT record appended if the client sent one.
 */
export function renderTemplate(
  template: AnswerTemplate,
  query: ParsedQuery,
  request: Uint8Array,
  elapsedSeconds: number,
  limit: number,
): Buffer {
  const { wire, ttlOffsets, ttls } = template;
  const optSize = query.edns ? OPT_SIZE : 0;
  const size = wire.length + optSize;
  if (size > limit) return truncatedFrom(wire, template.questionEnd, query, request, template.rcode);
  const out = Buffer.allocUnsafe(size);
  wire.copy(out);
  writeHeaderFlags(out, query, template.rcode, false);
  copyQuestion(out, query, request, template.questionEnd);
  for (let i = 0; i < ttlOffsets.length; i++) {
    const ttl = ttls[i]! - elapsedSeconds;
    out.writeUInt32BE(ttl > 0 ? ttl : 0, ttlOffsets[i]!);
  }
  if (query.edns) {
    // One more additional record: the template has no OPT, and fewer than 65535 records.
    const arcount = ((out[10]! << 8) | out[11]!) + 1;
    out[10] = arcount >> 8;
    out[11] = arcount & 0xff;
    writeOpt(out, wire.length, query, template.rcode);
  }
  return out;
}

/** A response made of Haven's own records (block answers, NXDOMAIN, CNAME, errors with a question). */
export function composeResponse(
  query: ParsedQuery,
  request: Uint8Array,
  rcode: number,
  answers: DnsRecord[],
  authorities: DnsRecord[],
  limit: number,
): Buffer {
  const encoded = encodeMessageDetailed({
    id: query.id,
    qr: true,
    rd: query.rd,
    ra: true,
    cd: query.cd,
    rcode,
    questions: [{ name: query.name, type: query.type, class: query.class }],
    answers,
    authorities,
    edns: query.edns ? { udpPayloadSize: SERVER_UDP_PAYLOAD, dnssecOk: query.dnssecOk } : null,
  });
  const wire = encoded.wire;
  copyQuestion(wire, query, request, encoded.questionEnd);
  if (wire.length <= limit) return wire;
  return truncatedFrom(wire, encoded.questionEnd, query, request, rcode);
}

/**
 * A header-only answer (FORMERR for a message that could not be parsed, NOTIMP for an opcode Haven does
 * not serve): the ID, opcode and RD are copied from the request, every count is zero.
 */
export function headerOnlyResponse(request: Uint8Array, rcode: number): Buffer {
  const out = Buffer.alloc(HEADER_SIZE);
  out[0] = request[0] ?? 0;
  out[1] = request[1] ?? 0;
  out[2] = 0x80 | ((request[2] ?? 0) & 0x79);
  out[3] = 0x80 | (rcode & 0xf);
  return out;
}

/**
 * The SOA Haven puts in the authority section of the negative answers it makes up, so clients cache
 * them for `ttl` seconds (RFC 2308 §3). Its owner is the queried name, as other DNS filters do.
 */
export function syntheticSoa(owner: string, ttl: number): DnsRecord {
  return {
    name: owner,
    type: RRType.SOA,
    class: RRClass.IN,
    ttl,
    data: {
      kind: 'soa',
      mname: 'blocked.haven.invalid',
      rname: 'hostmaster.haven.invalid',
      serial: 1,
      refresh: 3600,
      retry: 600,
      expire: 86_400,
      minimum: ttl,
    },
  };
}
