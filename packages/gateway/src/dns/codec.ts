/**
 * DNS messages on the wire (RFC 1035 §4) with EDNS(0) (RFC 6891).
 *
 * Parsing never throws to the caller and never loops: every read is bounds-checked against the
 * message, compression pointers must point strictly backwards (so a name is read in at most 255
 * octets' worth of steps), and a malformed message gives a typed `DnsParseError` saying whether
 * the header was readable enough to answer FORMERR (RFC 1035 §4.1.1).
 *
 * Names are text: labels joined by `.`, no trailing dot, `''` for the root, with the RFC 1035 §5.1
 * escapes (`\.`, `\\`, `\DDD`) for octets that are not printable ASCII. Case is kept as on the wire;
 * compare with `.toLowerCase()` (DNS names are case-insensitive in ASCII only, RFC 4343).
 */
import { readIpv4, readIpv6, writeIpv4, writeIpv6 } from './address.ts';

export const RRType = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
  DNAME: 39,
  OPT: 41,
  SVCB: 64,
  HTTPS: 65,
  TKEY: 249,
  TSIG: 250,
  IXFR: 251,
  AXFR: 252,
  MAILB: 253,
  MAILA: 254,
  ANY: 255,
} as const;

export const RRClass = { IN: 1, CH: 3, HS: 4, NONE: 254, ANY: 255 } as const;

export const Rcode = {
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
  /** Extended RCODE 16 (RFC 6891 §9): needs an OPT record to carry its upper bits. */
  BADVERS: 16,
} as const;

export const Opcode = { QUERY: 0, IQUERY: 1, STATUS: 2, NOTIFY: 4, UPDATE: 5, DSO: 6 } as const;

export const HEADER_SIZE = 12;
/** A message over TCP carries a 16-bit length (RFC 1035 §4.2.2), so this is the largest there is. */
export const MAX_MESSAGE_SIZE = 65_535;

export interface DnsQuestion {
  name: string;
  type: number;
  class: number;
}

export type RecordData =
  | { kind: 'a'; address: string }
  | { kind: 'aaaa'; address: string }
  /** CNAME, NS, PTR: a single domain name. */
  | { kind: 'name'; target: string }
  | { kind: 'mx'; preference: number; exchange: string }
  | { kind: 'srv'; priority: number; weight: number; port: number; target: string }
  | {
      kind: 'soa';
      mname: string;
      rname: string;
      serial: number;
      refresh: number;
      retry: number;
      expire: number;
      minimum: number;
    }
  /** Any other type, carried as the RDATA octets (RFC 3597 §4: no names inside them are decompressed). */
  | { kind: 'raw'; bytes: Uint8Array };

export interface DnsRecord {
  name: string;
  type: number;
  class: number;
  ttl: number;
  data: RecordData;
}

export interface EdnsOption {
  code: number;
  data: Uint8Array;
}

/** The OPT pseudo-record's fields (RFC 6891 §6.1.2–§6.1.4). */
export interface Edns {
  udpPayloadSize: number;
  version: number;
  dnssecOk: boolean;
  options: EdnsOption[];
}

export interface DnsMessage {
  id: number;
  qr: boolean;
  opcode: number;
  aa: boolean;
  tc: boolean;
  rd: boolean;
  ra: boolean;
  ad: boolean;
  cd: boolean;
  /** The full RCODE: the header's 4 bits plus, with EDNS, the OPT record's 8 upper bits (RFC 6891 §6.1.3). */
  rcode: number;
  questions: DnsQuestion[];
  answers: DnsRecord[];
  authorities: DnsRecord[];
  /** The additional section without the OPT record, which is `edns`. */
  additionals: DnsRecord[];
  edns: Edns | null;
}

export type ParseErrorReason =
  /** Fewer than the 12 header octets: nothing can be answered. */
  | 'short-header'
  /** A section ends before the header's counts say it should (or a record before its RDLENGTH). */
  | 'truncated'
  /** A length octet above 63; its top bits 01 and 10 are reserved label types (RFC 1035 §4.1.4, RFC 6891 §5). */
  | 'label-too-long'
  /** More than 255 octets in wire form (RFC 1035 §2.3.4). */
  | 'name-too-long'
  | 'pointer-out-of-range'
  /** A compression pointer to itself or further on: never produced by a real encoder. */
  | 'forward-pointer'
  /** A pointer back into the name it is part of, which would repeat forever. */
  | 'compression-loop'
  /** RDATA that does not match its type (an A record that is not 4 octets, a name overrunning RDLENGTH…). */
  | 'bad-rdata'
  /** An OPT record outside the additional section, not owned by the root, or more than one (RFC 6891 §6.1.1). */
  | 'bad-opt'
  | 'trailing-data'
  | 'no-question'
  | 'multiple-questions'
  /** QR is set: a response, which a server must not answer. */
  | 'not-a-query'
  | 'internal';

export interface DnsParseError {
  ok: false;
  reason: ParseErrorReason;
  /** The message ID, when the header was readable. */
  id?: number;
  /** True when the header was readable and it is a query: the server answers FORMERR; otherwise it drops it. */
  canAnswer: boolean;
}

export type ParseMessageResult = { ok: true; message: DnsMessage } | DnsParseError;

/** A query as the server needs it, read without building record objects (the cache-hit path). */
export interface ParsedQuery {
  ok: true;
  id: number;
  opcode: number;
  rd: boolean;
  cd: boolean;
  /** The question name as sent (case kept). */
  name: string;
  type: number;
  class: number;
  /** Offset just past the question: `message[12, questionEnd)` is the question as sent. */
  questionEnd: number;
  /** Whether the question name used a compression pointer (then its octets cannot be copied as is). */
  questionCompressed: boolean;
  edns: boolean;
  udpPayloadSize: number;
  ednsVersion: number;
  dnssecOk: boolean;
}

export type ParseQueryResult = ParsedQuery | DnsParseError;

// ---------------------------------------------------------------------------------------------
// Reading

/** Thrown inside the parser only (preallocated, no stack), turned into a DnsParseError at the edge. */
class Malformed {
  constructor(readonly reason: ParseErrorReason) {}
}
const failures = new Map<ParseErrorReason, Malformed>();
function fail(reason: ParseErrorReason): Malformed {
  let failure = failures.get(reason);
  if (!failure) {
    failure = new Malformed(reason);
    failures.set(reason, failure);
  }
  return failure;
}
const TRUNCATED = fail('truncated');

/** Presentation text for each octet of a label (RFC 1035 §5.1 escapes). */
const OCTET_TEXT: string[] = Array.from({ length: 256 }, (_, octet) => {
  if (octet === 0x2e || octet === 0x5c) return `\\${String.fromCharCode(octet)}`;
  if (octet > 0x20 && octet < 0x7f) return String.fromCharCode(octet);
  return `\\${String(octet).padStart(3, '0')}`;
});

let lastName = '';
let lastNameCompressed = false;

/**
 * Reads the name at `start`; returns the offset just past it (past its first pointer if compressed)
 * and leaves the text in `lastName`. RFC 1035 §4.1.4: a pointer's two top bits are 11 and it names an
 * earlier offset. Every pointer must point before the start of the labels being read (the name's
 * start, or the previous pointer's target), so offsets strictly decrease and reading terminates.
 */
function readName(buf: Uint8Array, start: number, wantText: boolean): number {
  const length = buf.length;
  let pos = start;
  let after = -1;
  let runStart = start;
  let wireLength = 1; // the root label's zero octet
  let text = '';
  for (;;) {
    if (pos >= length) throw TRUNCATED;
    const octet = buf[pos]!;
    if (octet === 0) break;
    if (octet >= 0xc0) {
      if (pos + 1 >= length) throw TRUNCATED;
      const target = ((octet & 0x3f) << 8) | buf[pos + 1]!;
      if (target >= length) throw fail('pointer-out-of-range');
      if (target >= pos) throw fail('forward-pointer');
      if (target >= runStart) throw fail('compression-loop');
      if (after < 0) after = pos + 2;
      pos = target;
      runStart = target;
      continue;
    }
    if (octet > 63) throw fail('label-too-long');
    wireLength += octet + 1;
    if (wireLength > 255) throw fail('name-too-long');
    const labelEnd = pos + 1 + octet;
    if (labelEnd > length) throw TRUNCATED;
    if (wantText) {
      if (text !== '') text += '.';
      for (let i = pos + 1; i < labelEnd; i++) text += OCTET_TEXT[buf[i]!];
    }
    pos = labelEnd;
  }
  lastName = text;
  lastNameCompressed = after >= 0;
  return after >= 0 ? after : pos + 1;
}

function u16(buf: Uint8Array, pos: number): number {
  return (buf[pos]! << 8) | buf[pos + 1]!;
}

function u32(buf: Uint8Array, pos: number): number {
  return ((buf[pos]! << 24) | (buf[pos + 1]! << 16) | (buf[pos + 2]! << 8) | buf[pos + 3]!) >>> 0;
}

function readRdata(buf: Uint8Array, pos: number, end: number, type: number, cls: number): RecordData {
  const length = end - pos;
  switch (type) {
    case RRType.A:
      if (cls !== RRClass.IN) break;
      if (length !== 4) throw fail('bad-rdata');
      return { kind: 'a', address: readIpv4(buf, pos) };
    case RRType.AAAA:
      if (cls !== RRClass.IN) break;
      if (length !== 16) throw fail('bad-rdata');
      return { kind: 'aaaa', address: readIpv6(buf, pos) };
    case RRType.CNAME:
    case RRType.NS:
    case RRType.PTR: {
      if (readName(buf, pos, true) !== end) throw fail('bad-rdata');
      return { kind: 'name', target: lastName };
    }
    case RRType.MX: {
      if (length < 3) throw fail('bad-rdata');
      if (readName(buf, pos + 2, true) !== end) throw fail('bad-rdata');
      return { kind: 'mx', preference: u16(buf, pos), exchange: lastName };
    }
    case RRType.SRV: {
      // RFC 3597 §4: SRV targets may be decompressed on receipt, never compressed when sent.
      if (length < 7) throw fail('bad-rdata');
      if (readName(buf, pos + 6, true) !== end) throw fail('bad-rdata');
      return {
        kind: 'srv',
        priority: u16(buf, pos),
        weight: u16(buf, pos + 2),
        port: u16(buf, pos + 4),
        target: lastName,
      };
    }
    case RRType.SOA: {
      let p = readName(buf, pos, true);
      const mname = lastName;
      if (p > end) throw fail('bad-rdata');
      p = readName(buf, p, true);
      const rname = lastName;
      if (p + 20 !== end) throw fail('bad-rdata');
      return {
        kind: 'soa',
        mname,
        rname,
        serial: u32(buf, p),
        refresh: u32(buf, p + 4),
        retry: u32(buf, p + 8),
        expire: u32(buf, p + 12),
        minimum: u32(buf, p + 16),
      };
    }
  }
  return { kind: 'raw', bytes: new Uint8Array(buf.subarray(pos, end)) };
}

function readEdns(buf: Uint8Array, pos: number, end: number, cls: number, ttl: number): Edns {
  const options: EdnsOption[] = [];
  let p = pos;
  // RFC 6891 §6.1.2: RDATA is a sequence of {OPTION-CODE, OPTION-LENGTH, OPTION-DATA}.
  while (p < end) {
    if (p + 4 > end) throw fail('bad-opt');
    const optionLength = u16(buf, p + 2);
    if (p + 4 + optionLength > end) throw fail('bad-opt');
    options.push({ code: u16(buf, p), data: new Uint8Array(buf.subarray(p + 4, p + 4 + optionLength)) });
    p += 4 + optionLength;
  }
  return { udpPayloadSize: cls, version: (ttl >>> 16) & 0xff, dnssecOk: (ttl & 0x8000) !== 0, options };
}

/** The same checks as readEdns, without keeping anything. */
function checkEdnsOptions(buf: Uint8Array, pos: number, end: number): void {
  let p = pos;
  while (p < end) {
    if (p + 4 > end) throw fail('bad-opt');
    p += 4 + u16(buf, p + 2);
    if (p > end) throw fail('bad-opt');
  }
}

/** RFC 2181 §8: a TTL with the top bit set is treated as zero. */
function clampTtl(ttl: number): number {
  return ttl > 0x7fffffff ? 0 : ttl;
}

function parseMessageUnchecked(buf: Uint8Array): ParseMessageResult {
  const length = buf.length;
  if (length < HEADER_SIZE) return { ok: false, reason: 'short-header', canAnswer: false };
  const id = u16(buf, 0);
  const flags = u16(buf, 2);
  const counts = [u16(buf, 4), u16(buf, 6), u16(buf, 8), u16(buf, 10)] as const;
  try {
    let pos = HEADER_SIZE;
    const questions: DnsQuestion[] = [];
    for (let i = 0; i < counts[0]; i++) {
      pos = readName(buf, pos, true);
      if (pos + 4 > length) throw TRUNCATED;
      questions.push({ name: lastName, type: u16(buf, pos), class: u16(buf, pos + 2) });
      pos += 4;
    }
    const sections: DnsRecord[][] = [[], [], []];
    let edns: Edns | null = null;
    let extendedRcode = 0;
    for (let section = 0; section < 3; section++) {
      const records = sections[section]!;
      const count = counts[section + 1]!;
      for (let i = 0; i < count; i++) {
        const ownerAt = pos;
        pos = readName(buf, pos, true);
        const name = lastName;
        if (pos + 10 > length) throw TRUNCATED;
        const type = u16(buf, pos);
        const cls = u16(buf, pos + 2);
        const ttl = u32(buf, pos + 4);
        const end = pos + 10 + u16(buf, pos + 8);
        if (end > length) throw TRUNCATED;
        pos += 10;
        if (type === RRType.OPT) {
          // RFC 6891 §6.1.1: one OPT, in the additional section, owned by the root.
          if (section !== 2 || edns !== null || buf[ownerAt] !== 0) throw fail('bad-opt');
          edns = readEdns(buf, pos, end, cls, ttl);
          extendedRcode = ttl >>> 24;
        } else {
          records.push({
            name,
            type,
            class: cls,
            ttl: clampTtl(ttl),
            data: readRdata(buf, pos, end, type, cls),
          });
        }
        pos = end;
      }
    }
    if (pos !== length) throw fail('trailing-data');
    return {
      ok: true,
      message: {
        id,
        qr: (flags & 0x8000) !== 0,
        opcode: (flags >> 11) & 0xf,
        aa: (flags & 0x0400) !== 0,
        tc: (flags & 0x0200) !== 0,
        rd: (flags & 0x0100) !== 0,
        ra: (flags & 0x0080) !== 0,
        ad: (flags & 0x0020) !== 0,
        cd: (flags & 0x0010) !== 0,
        rcode: (extendedRcode << 4) | (flags & 0xf),
        questions,
        answers: sections[0]!,
        authorities: sections[1]!,
        additionals: sections[2]!,
        edns,
      },
    };
  } catch (error) {
    const reason = error instanceof Malformed ? error.reason : 'internal';
    return { ok: false, reason, id, canAnswer: (flags & 0x8000) === 0 };
  }
}

/** Parses any DNS message (query or response). Never throws. */
export function parseMessage(buf: Uint8Array): ParseMessageResult {
  try {
    return parseMessageUnchecked(buf);
  } catch {
    return { ok: false, reason: 'internal', canAnswer: false };
  }
}

function parseQueryUnchecked(buf: Uint8Array): ParseQueryResult {
  const length = buf.length;
  if (length < HEADER_SIZE) return { ok: false, reason: 'short-header', canAnswer: false };
  const id = u16(buf, 0);
  const flags = u16(buf, 2);
  if ((flags & 0x8000) !== 0) return { ok: false, reason: 'not-a-query', id, canAnswer: false };
  const qdcount = u16(buf, 4);
  if (qdcount === 0) return { ok: false, reason: 'no-question', id, canAnswer: true };
  // RFC 1035 §4.1.2 allows several questions in principle; no server answers them (RFC 9619).
  if (qdcount > 1) return { ok: false, reason: 'multiple-questions', id, canAnswer: true };
  try {
    let pos = readName(buf, HEADER_SIZE, true);
    const name = lastName;
    const questionCompressed = lastNameCompressed;
    if (pos + 4 > length) throw TRUNCATED;
    const type = u16(buf, pos);
    const cls = u16(buf, pos + 2);
    pos += 4;
    const questionEnd = pos;
    const records = u16(buf, 6) + u16(buf, 8);
    const total = records + u16(buf, 10);
    let edns = false;
    let udpPayloadSize = 0;
    let ednsVersion = 0;
    let dnssecOk = false;
    for (let i = 0; i < total; i++) {
      const ownerAt = pos;
      pos = readName(buf, pos, false);
      if (pos + 10 > length) throw TRUNCATED;
      const end = pos + 10 + u16(buf, pos + 8);
      if (end > length) throw TRUNCATED;
      if (u16(buf, pos) === RRType.OPT) {
        // RFC 6891 §6.1.1: one OPT, in the additional section, owned by the root.
        if (i < records || edns || buf[ownerAt] !== 0) throw fail('bad-opt');
        edns = true;
        udpPayloadSize = u16(buf, pos + 2);
        const ttl = u32(buf, pos + 4);
        ednsVersion = (ttl >>> 16) & 0xff;
        dnssecOk = (ttl & 0x8000) !== 0;
        checkEdnsOptions(buf, pos + 10, end);
      }
      pos = end;
    }
    if (pos !== length) throw fail('trailing-data');
    return {
      ok: true,
      id,
      opcode: (flags >> 11) & 0xf,
      rd: (flags & 0x0100) !== 0,
      cd: (flags & 0x0010) !== 0,
      name,
      type,
      class: cls,
      questionEnd,
      questionCompressed,
      edns,
      udpPayloadSize,
      ednsVersion,
      dnssecOk,
    };
  } catch (error) {
    return { ok: false, reason: error instanceof Malformed ? error.reason : 'internal', id, canAnswer: true };
  }
}

/**
 * Parses a message that should be a query with exactly one question, checking every section's
 * structure but building no record objects. Never throws.
 */
export function parseQuery(buf: Uint8Array): ParseQueryResult {
  try {
    return parseQueryUnchecked(buf);
  } catch {
    return { ok: false, reason: 'internal', canAnswer: false };
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

export type EncodeErrorCode =
  | 'bad-name'
  | 'label-too-long'
  | 'name-too-long'
  | 'bad-address'
  | 'bad-rcode'
  | 'too-large';

/** Encoding is of Haven's own data, so a problem there is a programming or configuration error. */
export class DnsEncodeError extends Error {
  constructor(
    readonly code: EncodeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DnsEncodeError';
  }
}

/** Splits name text into label octets, undoing RFC 1035 §5.1 escapes and checking the limits. */
export function nameToLabels(name: string): Uint8Array[] {
  const labels: Uint8Array[] = [];
  if (name === '' || name === '.') return labels;
  let current: number[] = [];
  let wireLength = 1;
  const finishLabel = () => {
    if (current.length === 0) throw new DnsEncodeError('bad-name', 'empty label in a domain name');
    if (current.length > 63) throw new DnsEncodeError('label-too-long', 'a label is longer than 63 octets');
    wireLength += current.length + 1;
    labels.push(Uint8Array.from(current));
    current = [];
  };
  for (let i = 0; i < name.length; i++) {
    const ch = name.charCodeAt(i);
    if (ch === 0x2e) {
      finishLabel();
      continue;
    }
    if (ch === 0x5c) {
      const next = name.charCodeAt(i + 1);
      if (next >= 0x30 && next <= 0x39) {
        const digits = name.slice(i + 1, i + 4);
        if (!/^\d{3}$/.test(digits) || Number(digits) > 255) {
          throw new DnsEncodeError('bad-name', 'bad \\DDD escape in a domain name');
        }
        current.push(Number(digits));
        i += 3;
      } else if (Number.isNaN(next) || next > 0xff) {
        throw new DnsEncodeError('bad-name', 'bad escape in a domain name');
      } else {
        current.push(next);
        i += 1;
      }
      continue;
    }
    if (ch > 0x7f)
      throw new DnsEncodeError('bad-name', 'non-ASCII character in a domain name (use punycode)');
    current.push(ch);
  }
  if (current.length > 0) finishLabel();
  if (wireLength > 255) throw new DnsEncodeError('name-too-long', 'a domain name is longer than 255 octets');
  return labels;
}

/** The compression-table key of a label: its length and its octets with ASCII folded to lower case. */
function labelKey(label: Uint8Array): string {
  let key = String.fromCharCode(label.length);
  for (const octet of label)
    key += String.fromCharCode(octet >= 0x41 && octet <= 0x5a ? octet | 0x20 : octet);
  return key;
}

/** Whether names in this type's RDATA may be compressed: only RFC 1035's own types (RFC 3597 §4). */
function compressibleRdata(type: number): boolean {
  return (
    type === RRType.CNAME ||
    type === RRType.NS ||
    type === RRType.PTR ||
    type === RRType.MX ||
    type === RRType.SOA
  );
}

class Writer {
  buf: Buffer = Buffer.allocUnsafe(512);
  pos = 0;
  readonly ttlOffsets: number[] = [];
  private readonly names = new Map<string, number>();

  ensure(extra: number): void {
    const needed = this.pos + extra;
    if (needed <= this.buf.length) return;
    if (needed > MAX_MESSAGE_SIZE)
      throw new DnsEncodeError('too-large', 'a DNS message cannot exceed 65535 octets');
    const grown = Buffer.allocUnsafe(Math.min(MAX_MESSAGE_SIZE, Math.max(needed, this.buf.length * 2)));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }

  u8(value: number): void {
    this.ensure(1);
    this.buf[this.pos++] = value & 0xff;
  }

  u16(value: number): void {
    this.ensure(2);
    this.buf.writeUInt16BE(value & 0xffff, this.pos);
    this.pos += 2;
  }

  u32(value: number): void {
    this.ensure(4);
    this.buf.writeUInt32BE(value >>> 0, this.pos);
    this.pos += 4;
  }

  bytes(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  /**
   * RFC 1035 §4.1.4: a suffix written before is replaced by a pointer to it (offsets below 0x4000).
   * Suffixes match without regard to ASCII case, as names compare (RFC 4343 §3), so a compressed
   * suffix takes the case of its first occurrence, usually the question's.
   */
  name(name: string, compress: boolean): void {
    const labels = nameToLabels(name);
    const keys = labels.map(labelKey);
    for (let i = 0; i < labels.length; i++) {
      const key = keys.slice(i).join('');
      if (compress) {
        const at = this.names.get(key);
        if (at !== undefined) {
          this.u16(0xc000 | at);
          return;
        }
        if (this.pos < 0x4000) this.names.set(key, this.pos);
      }
      this.u8(labels[i]!.length);
      this.bytes(labels[i]!);
    }
    this.u8(0);
  }

  address(text: string, family: 4 | 6): void {
    const size = family === 4 ? 4 : 16;
    this.ensure(size);
    const ok = family === 4 ? writeIpv4(text, this.buf, this.pos) : writeIpv6(text, this.buf, this.pos);
    if (!ok) throw new DnsEncodeError('bad-address', `not an IPv${family} address`);
    this.pos += size;
  }

  record(record: DnsRecord): void {
    this.name(record.name, true);
    this.u16(record.type);
    this.u16(record.class);
    this.ttlOffsets.push(this.pos);
    this.u32(record.ttl);
    const lengthAt = this.pos;
    this.u16(0);
    const start = this.pos;
    const data = record.data;
    const compress = compressibleRdata(record.type);
    switch (data.kind) {
      case 'a':
        this.address(data.address, 4);
        break;
      case 'aaaa':
        this.address(data.address, 6);
        break;
      case 'name':
        this.name(data.target, compress);
        break;
      case 'mx':
        this.u16(data.preference);
        this.name(data.exchange, compress);
        break;
      case 'srv':
        this.u16(data.priority);
        this.u16(data.weight);
        this.u16(data.port);
        this.name(data.target, false);
        break;
      case 'soa':
        this.name(data.mname, compress);
        this.name(data.rname, compress);
        this.u32(data.serial);
        this.u32(data.refresh);
        this.u32(data.retry);
        this.u32(data.expire);
        this.u32(data.minimum);
        break;
      case 'raw':
        this.bytes(data.bytes);
        break;
    }
    this.buf.writeUInt16BE(this.pos - start, lengthAt);
  }

  opt(edns: Partial<Edns>, extendedRcode: number): void {
    this.u8(0); // owner: the root
    this.u16(RRType.OPT);
    // RFC 6891 §6.2.5: a payload size below 512 is treated as 512.
    this.u16(Math.max(512, edns.udpPayloadSize ?? 1232));
    this.u8(extendedRcode);
    this.u8(edns.version ?? 0);
    this.u16(edns.dnssecOk ? 0x8000 : 0);
    const lengthAt = this.pos;
    this.u16(0);
    const start = this.pos;
    for (const option of edns.options ?? []) {
      this.u16(option.code);
      this.u16(option.data.length);
      this.bytes(option.data);
    }
    this.buf.writeUInt16BE(this.pos - start, lengthAt);
  }
}

/** What to encode: any field left out is zero, false or empty. */
export interface DnsMessageInit {
  id?: number;
  qr?: boolean;
  opcode?: number;
  aa?: boolean;
  tc?: boolean;
  rd?: boolean;
  ra?: boolean;
  ad?: boolean;
  cd?: boolean;
  /** Full RCODE; values above 15 need `edns` (their upper 8 bits go in the OPT record). */
  rcode?: number;
  questions?: DnsQuestion[];
  answers?: DnsRecord[];
  authorities?: DnsRecord[];
  additionals?: DnsRecord[];
  edns?: Partial<Edns> | null;
}

export interface EncodedMessage {
  /** The message. Its memory may be shared with a larger buffer: copy it to keep it long. */
  wire: Buffer;
  /** Offset just past the question section. */
  questionEnd: number;
  /** Offset of every resource record's TTL field (not the OPT record's). */
  ttlOffsets: number[];
}

export function encodeMessageDetailed(message: DnsMessageInit): EncodedMessage {
  const rcode = message.rcode ?? 0;
  if (rcode > 15 && !message.edns) throw new DnsEncodeError('bad-rcode', 'an extended RCODE needs EDNS');
  const w = new Writer();
  const questions = message.questions ?? [];
  const answers = message.answers ?? [];
  const authorities = message.authorities ?? [];
  const additionals = message.additionals ?? [];
  w.u16(message.id ?? 0);
  w.u8(
    (message.qr ? 0x80 : 0) |
      (((message.opcode ?? 0) & 0xf) << 3) |
      (message.aa ? 0x04 : 0) |
      (message.tc ? 0x02 : 0) |
      (message.rd ? 0x01 : 0),
  );
  w.u8((message.ra ? 0x80 : 0) | (message.ad ? 0x20 : 0) | (message.cd ? 0x10 : 0) | (rcode & 0xf));
  w.u16(questions.length);
  w.u16(answers.length);
  w.u16(authorities.length);
  w.u16(additionals.length + (message.edns ? 1 : 0));
  for (const question of questions) {
    w.name(question.name, true);
    w.u16(question.type);
    w.u16(question.class);
  }
  const questionEnd = w.pos;
  for (const record of answers) w.record(record);
  for (const record of authorities) w.record(record);
  for (const record of additionals) w.record(record);
  if (message.edns) w.opt(message.edns, rcode >> 4);
  return { wire: w.buf.subarray(0, w.pos), questionEnd, ttlOffsets: w.ttlOffsets };
}

/** Encodes a message, compressing names (RFC 1035 §4.1.4). Throws DnsEncodeError on bad input. */
export function encodeMessage(message: DnsMessageInit): Buffer {
  return encodeMessageDetailed(message).wire;
}
