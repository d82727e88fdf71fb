import { describe, expect, it } from 'vitest';
import { readIpv6, writeIpv6 } from '../src/dns/address.ts';
import {
  DnsEncodeError,
  type DnsMessageInit,
  type DnsRecord,
  encodeMessage,
  encodeMessageDetailed,
  nameToLabels,
  parseMessage,
  parseQuery,
  Rcode,
  RRClass,
  RRType,
} from '../src/dns/codec.ts';
import { a, aaaa, cname, makeQuery, rr, ZONE_SOA } from './dns-fixtures.ts';

/** A header: ID 0xbeef, the given flags and counts. */
function header(counts: [number, number, number, number], flags = 0x0100): number[] {
  return [0xbe, 0xef, flags >> 8, flags & 0xff, ...counts.flatMap((c) => [c >> 8, c & 0xff])];
}

function label(text: string): number[] {
  return [text.length, ...Buffer.from(text, 'latin1')];
}

/** Octets from hex pairs separated by spaces. */
function hex(text: string): number[] {
  return text.split(' ').map((pair) => Number.parseInt(pair, 16));
}

const QTAIL = hex('00 01 00 01'); // QTYPE A, QCLASS IN
/** An A record after its owner name: type, class, TTL 1, RDLENGTH 4, 1.2.3.4. */
const RR_A = hex('00 01 00 01 00 00 00 01 00 04 01 02 03 04');
/** An OPT record with the root as owner, payload 1024, no options. */
const OPT = hex('00 00 29 04 00 00 00 00 00 00 00');

function fullResponse(): DnsMessageInit {
  return {
    id: 0x4242,
    qr: true,
    aa: true,
    rd: true,
    ra: true,
    rcode: Rcode.NOERROR,
    questions: [{ name: 'WWW.example.com', type: RRType.A, class: RRClass.IN }],
    answers: [
      cname('WWW.example.com', 'cdn.example.com', 300),
      a('cdn.example.com', '192.0.2.7', 60),
      aaaa('cdn.example.com', '2001:db8::7', 60),
    ],
    authorities: [
      {
        ...ZONE_SOA,
        name: 'example.com',
        data: { ...ZONE_SOA.data, mname: 'ns1.example.com' } as DnsRecord['data'],
      },
      rr('example.com', RRType.NS, 3600, { kind: 'name', target: 'ns1.example.com' }),
    ],
    additionals: [
      rr('example.com', RRType.MX, 3600, { kind: 'mx', preference: 10, exchange: 'mail.example.com' }),
      rr('_sip._udp.example.com', RRType.SRV, 3600, {
        kind: 'srv',
        priority: 1,
        weight: 2,
        port: 5060,
        target: 'sip.example.com',
      }),
      rr('example.com', RRType.TXT, 3600, {
        kind: 'raw',
        bytes: Uint8Array.from([5, ...Buffer.from('hello')]),
      }),
      rr('example.com', 65_280, 10, { kind: 'raw', bytes: Uint8Array.from([1, 2, 3]) }),
      // An A record outside class IN is not an IPv4 address: carried as raw RDATA.
      {
        ...rr('chaos.example.com', RRType.A, 10, { kind: 'raw', bytes: Uint8Array.from([9, 9]) }),
        class: RRClass.CH,
      },
    ],
    edns: {
      udpPayloadSize: 4096,
      version: 0,
      dnssecOk: true,
      options: [{ code: 10, data: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]) }],
    },
  };
}

describe('DNS codec: round trips', () => {
  it('encodes and parses back every supported record type, case and EDNS included', () => {
    const message = fullResponse();
    const parsed = parseMessage(encodeMessage(message));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const m = parsed.message;
    expect(m).toMatchObject({ id: 0x4242, qr: true, aa: true, rd: true, ra: true, tc: false, rcode: 0 });
    expect(m.questions).toEqual(message.questions);
    expect(m.answers).toEqual(message.answers);
    expect(m.authorities).toEqual(message.authorities);
    expect(m.additionals).toEqual(message.additionals);
    expect(m.edns).toEqual(message.edns);
  });

  it('carries an extended RCODE in the OPT record (RFC 6891 §6.1.3)', () => {
    const wire = encodeMessage({ qr: true, rcode: Rcode.BADVERS, edns: { udpPayloadSize: 1232 } });
    expect(wire[3]! & 0xf).toBe(0);
    const parsed = parseMessage(wire);
    expect(parsed.ok && parsed.message.rcode).toBe(Rcode.BADVERS);
    expect(() => encodeMessage({ rcode: Rcode.BADVERS })).toThrow(DnsEncodeError);
  });

  it('compresses repeated names with pointers to earlier occurrences (RFC 1035 §4.1.4)', () => {
    const message = fullResponse();
    const { wire } = encodeMessageDetailed(message);
    const pointers = [...wire].filter((octet, i) => octet >= 0xc0 && i >= 12).length;
    expect(pointers).toBeGreaterThan(8);
    // A name equal to an earlier one becomes a single two-octet pointer to the question name at 12.
    const one = encodeMessage({
      questions: [{ name: 'a.example', type: 1, class: 1 }],
      answers: [a('A.EXAMPLE', '1.2.3.4')],
    });
    const question = 12 + 'a.example'.length + 2 + 4;
    expect([...one.subarray(question, question + 2)]).toEqual([0xc0, 12]);
    // SRV targets are never compressed (RFC 3597 §4), even when a suffix is known.
    const srv = encodeMessage({
      questions: [{ name: 'x.example', type: RRType.SRV, class: 1 }],
      answers: [
        rr('x.example', RRType.SRV, 1, { kind: 'srv', priority: 0, weight: 0, port: 1, target: 'x.example' }),
      ],
    });
    expect([...srv.subarray(srv.length - 11)]).toEqual([1, 0x78, 7, ...Buffer.from('example'), 0]);
  });

  it('reads names compressed by others, including pointers to pointers', () => {
    const bytes = [
      ...header([1, 1, 0, 0], 0x8180),
      ...[...label('www'), ...label('example'), ...label('com'), 0, ...QTAIL],
      // At 33, the answer: owner "cdn" + a pointer to "example.com" (16), CNAME IN TTL 60, RDLENGTH 2,
      // and RDATA a pointer to the owner (33), itself ending in a pointer.
      ...[...label('cdn'), ...hex('c0 10 00 05 00 01 00 00 00 3c 00 02 c0 21')],
    ];
    const parsed = parseMessage(Uint8Array.from(bytes));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.message.answers[0]).toMatchObject({
      name: 'cdn.example.com',
      data: { target: 'cdn.example.com' },
    });
  });

  it('escapes octets that are not printable ASCII, and reads escapes back (RFC 1035 §5.1)', () => {
    const name = 'a\\.b\\\\c.\\000\\255x.Example';
    expect(nameToLabels(name).map((l) => [...l])).toEqual([
      [0x61, 0x2e, 0x62, 0x5c, 0x63],
      [0, 255, 0x78],
      [...Buffer.from('Example')],
    ]);
    const parsed = parseQuery(makeQuery(name, RRType.A));
    expect(parsed.ok && parsed.name).toBe(name);
    expect(parseQuery(makeQuery('', RRType.NS))).toMatchObject({ ok: true, name: '' });
    expect(parseQuery(makeQuery('trailing.dot.', RRType.A))).toMatchObject({
      ok: true,
      name: 'trailing.dot',
    });
  });

  it('rejects names it cannot encode', () => {
    expect(() => nameToLabels('x'.repeat(64))).toThrow(expect.objectContaining({ code: 'label-too-long' }));
    expect(() => nameToLabels(Array(5).fill('y'.repeat(63)).join('.'))).toThrow(
      expect.objectContaining({ code: 'name-too-long' }),
    );
    expect(() => nameToLabels('a..b')).toThrow(expect.objectContaining({ code: 'bad-name' }));
    expect(() => nameToLabels('bücher.de')).toThrow(expect.objectContaining({ code: 'bad-name' }));
    expect(() => nameToLabels('a\\999')).toThrow(expect.objectContaining({ code: 'bad-name' }));
    expect(() => encodeMessage({ answers: [a('x', '300.1.1.1')] })).toThrow(
      expect.objectContaining({ code: 'bad-address' }),
    );
    // 253 characters of text is the longest name that fits in 255 octets.
    const longest = [63, 63, 63, 61].map((n) => 'z'.repeat(n)).join('.');
    expect(nameToLabels(longest)).toHaveLength(4);
    expect(() => nameToLabels(`${longest}z`)).toThrow(expect.objectContaining({ code: 'name-too-long' }));
  });

  it('writes and reads IPv6 addresses in RFC 5952 form', () => {
    const cases: [string, string][] = [
      ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
      ['::', '::'],
      ['::1', '::1'],
      ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
      ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
      ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
      ['fe80::', 'fe80::'],
    ];
    for (const [input, output] of cases) {
      const bytes = new Uint8Array(16);
      expect(writeIpv6(input, bytes, 0)).toBe(true);
      expect(readIpv6(bytes, 0)).toBe(output);
    }
    for (const bad of ['1::2::3', '12345::', '1:2:3:4:5:6:7:8:9', 'g::', '1:2:3:4:5:6:7']) {
      expect(writeIpv6(bad, new Uint8Array(16), 0)).toBe(false);
    }
  });

  it('parses a query without building records, reading its EDNS fields', () => {
    const parsed = parseQuery(
      makeQuery('Mixed.Case.Test', RRType.AAAA, { id: 7, edns: 4096, dnssecOk: true }),
    );
    expect(parsed).toMatchObject({
      ok: true,
      id: 7,
      opcode: 0,
      rd: true,
      name: 'Mixed.Case.Test',
      type: RRType.AAAA,
      class: RRClass.IN,
      questionEnd: 12 + 17 + 4,
      questionCompressed: false,
      edns: true,
      udpPayloadSize: 4096,
      ednsVersion: 0,
      dnssecOk: true,
    });
    expect(parseQuery(makeQuery('x.test', RRType.A, { edns: null }))).toMatchObject({
      ok: true,
      edns: false,
    });
  });
});

describe('DNS codec: malformed messages give typed errors, never exceptions', () => {
  const cases: { what: string; bytes: number[]; reason: string; canAnswer: boolean; query?: boolean }[] = [
    { what: 'a truncated header', bytes: hex('be ef 01 00 00'), reason: 'short-header', canAnswer: false },
    { what: 'an empty message', bytes: [], reason: 'short-header', canAnswer: false },
    {
      what: 'a label longer than 63 octets',
      bytes: [...header([1, 0, 0, 0]), 64, ...Array(64).fill(0x61), 0, ...QTAIL],
      reason: 'label-too-long',
      canAnswer: true,
    },
    {
      what: 'a reserved label type (0b10)',
      bytes: [...header([1, 0, 0, 0]), ...hex('80 61 00'), ...QTAIL],
      reason: 'label-too-long',
      canAnswer: true,
    },
    {
      what: 'a name longer than 255 octets',
      bytes: [
        ...header([1, 0, 0, 0]),
        ...Array(5)
          .fill(label('n'.repeat(63)))
          .flat(),
        0,
        ...QTAIL,
      ],
      reason: 'name-too-long',
      canAnswer: true,
    },
    {
      what: 'a name longer than 255 octets through pointers',
      bytes: [
        ...header([1, 1, 0, 0]),
        ...[
          ...Array(3)
            .fill(label('n'.repeat(63)))
            .flat(),
          0,
          ...QTAIL,
        ],
        // 64 + 11 octets of labels, then a pointer to the 193-octet question name
        ...[...label('m'.repeat(63)), ...label('m'.repeat(10)), ...hex('c0 0c'), ...RR_A],
      ],
      reason: 'name-too-long',
      canAnswer: true,
    },
    {
      what: 'a compression loop',
      bytes: [...header([1, 0, 0, 0]), ...hex('01 61 c0 0c'), ...QTAIL],
      reason: 'compression-loop',
      canAnswer: true,
    },
    {
      what: 'a pointer to itself',
      bytes: [...header([1, 0, 0, 0]), ...hex('c0 0c'), ...QTAIL],
      reason: 'forward-pointer',
      canAnswer: true,
    },
    {
      what: 'a forward pointer',
      bytes: [...header([1, 0, 0, 0]), ...hex('c0 0e 00'), ...QTAIL],
      reason: 'forward-pointer',
      canAnswer: true,
    },
    {
      what: 'a pointer beyond the message',
      bytes: [...header([1, 0, 0, 0]), ...hex('c1 ff'), ...QTAIL],
      reason: 'pointer-out-of-range',
      canAnswer: true,
    },
    {
      what: 'a pointer cut in half',
      bytes: [...header([1, 0, 0, 0]), 0xc0],
      reason: 'truncated',
      canAnswer: true,
    },
    {
      what: 'counts larger than the data (answers)',
      bytes: [...header([1, 3, 0, 0]), ...label('x'), 0, ...QTAIL],
      reason: 'truncated',
      canAnswer: true,
    },
    {
      what: 'counts larger than the data (questions)',
      bytes: header([1, 0, 0, 0]),
      reason: 'truncated',
      canAnswer: true,
    },
    {
      what: 'a record cut inside its RDATA',
      bytes: [...header([1, 0, 0, 1]), 0, ...QTAIL, 0, ...RR_A.slice(0, -2)],
      reason: 'truncated',
      canAnswer: true,
    },
    {
      what: 'a label running past the end',
      bytes: [...header([1, 0, 0, 0]), ...hex('09 61 62')],
      reason: 'truncated',
      canAnswer: true,
    },
    {
      what: 'zero questions',
      bytes: header([0, 0, 0, 0]),
      reason: 'no-question',
      canAnswer: true,
      query: true,
    },
    {
      what: 'two questions',
      bytes: [...header([2, 0, 0, 0]), ...label('x'), 0, ...QTAIL, ...label('y'), 0, ...QTAIL],
      reason: 'multiple-questions',
      canAnswer: true,
      query: true,
    },
    {
      what: 'trailing garbage',
      bytes: [...header([1, 0, 0, 0]), ...label('x'), 0, ...QTAIL, ...hex('de ad')],
      reason: 'trailing-data',
      canAnswer: true,
    },
    {
      what: 'two OPT records',
      bytes: [...header([1, 0, 0, 2]), 0, ...QTAIL, ...OPT, ...OPT],
      reason: 'bad-opt',
      canAnswer: true,
    },
    {
      what: 'an OPT record in the answer section',
      bytes: [...header([1, 1, 0, 0]), 0, ...QTAIL, ...OPT],
      reason: 'bad-opt',
      canAnswer: true,
    },
    {
      what: 'an OPT record not owned by the root',
      bytes: [...header([1, 0, 0, 1]), 0, ...QTAIL, ...label('x'), ...OPT],
      reason: 'bad-opt',
      canAnswer: true,
    },
    {
      what: 'an OPT option overrunning RDLENGTH',
      bytes: [
        ...header([1, 0, 0, 1]),
        0,
        ...QTAIL,
        ...hex('00 00 29 04 00 00 00 00 00 00 05 00 0a 00 09 01'),
      ],
      reason: 'bad-opt',
      canAnswer: true,
    },
  ];
  for (const c of cases) {
    it(`${c.what} → ${c.reason}${c.canAnswer ? ' (FORMERR)' : ' (dropped)'}`, () => {
      const bytes = Uint8Array.from(c.bytes);
      const asQuery = parseQuery(bytes);
      expect(asQuery).toMatchObject({ ok: false, reason: c.reason, canAnswer: c.canAnswer });
      if (bytes.length >= 12) expect(asQuery).toMatchObject({ id: 0xbeef });
      if (!c.query) expect(parseMessage(bytes)).toMatchObject({ ok: false, reason: c.reason });
    });
  }

  it('parseMessage accepts zero questions (responses may have none); parseQuery does not', () => {
    expect(parseMessage(Uint8Array.from(header([0, 0, 0, 0], 0x8180)))).toMatchObject({ ok: true });
  });

  it('never answers a response: QR set → not-a-query, dropped', () => {
    const bytes = Uint8Array.from([...header([1, 0, 0, 0], 0x8180), 0, ...QTAIL]);
    expect(parseQuery(bytes)).toMatchObject({ ok: false, reason: 'not-a-query', canAnswer: false });
  });

  it('rejects RDATA that does not match its type', () => {
    // An A record with five octets of RDATA.
    const longA = [
      ...header([1, 1, 0, 0], 0x8180),
      0,
      ...QTAIL,
      0,
      ...hex('00 01 00 01 00 00 00 01 00 05 01 02 03 04 05'),
    ];
    expect(parseMessage(Uint8Array.from(longA))).toMatchObject({ ok: false, reason: 'bad-rdata' });
    // A CNAME whose RDLENGTH (1) ends inside its name.
    const cnameOverrun = [
      ...header([1, 1, 0, 0], 0x8180),
      0,
      ...QTAIL,
      0,
      ...hex('00 05 00 01 00 00 00 01 00 01 01 61 00'),
    ];
    expect(parseMessage(Uint8Array.from(cnameOverrun))).toMatchObject({ ok: false, reason: 'bad-rdata' });
  });

  it('treats TTLs with the top bit set as zero (RFC 2181 §8)', () => {
    const wire = encodeMessage({ qr: true, answers: [a('x', '1.2.3.4', 0x80000000)] });
    const parsed = parseMessage(wire);
    expect(parsed.ok && parsed.message.answers[0]?.ttl).toBe(0);
  });
});
