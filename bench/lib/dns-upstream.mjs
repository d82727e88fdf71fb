// A tiny authoritative DNS responder for the benchmarks: answers every A query with 192.0.2.1
// (TEST-NET-1) and TTL 3600, anything else with NOERROR and no records. UDP only, loopback only.
// Usage: node bench/lib/dns-upstream.mjs <port>   (SIGUSR1 prints "queries <n>" on stdout)
import dgram from 'node:dgram';

const port = Number(process.argv[2] ?? 0);
let queries = 0;
const socket = dgram.createSocket('udp4');

socket.on('message', (msg, rinfo) => {
  queries++;
  if (msg.length < 17 || msg[2] & 0x80) return;
  // Find the end of the question: QNAME labels, then QTYPE and QCLASS.
  let i = 12;
  while (i < msg.length && msg[i] !== 0) i += msg[i] + 1;
  const qEnd = i + 5;
  if (qEnd > msg.length) return;
  const qtype = msg.readUInt16BE(i + 1);
  const arcount = msg.readUInt16BE(10);
  // An OPT record right after the question: answer with one too (EDNS0, 1232-byte payload).
  const edns = arcount > 0 && qEnd + 11 <= msg.length && msg[qEnd] === 0 && msg.readUInt16BE(qEnd + 1) === 41;
  const answer = qtype === 1 ? 16 : 0;
  const out = Buffer.alloc(qEnd + answer + (edns ? 11 : 0));
  msg.copy(out, 0, 0, qEnd);
  out[2] = 0x84 | (msg[2] & 0x01); // QR, AA, RD copied
  out[3] = 0x80; // RA, NOERROR
  out.writeUInt16BE(1, 4);
  out.writeUInt16BE(answer ? 1 : 0, 6);
  out.writeUInt16BE(0, 8);
  out.writeUInt16BE(edns ? 1 : 0, 10);
  let o = qEnd;
  if (answer) {
    out.writeUInt16BE(0xc00c, o); // name: pointer to the question
    out.writeUInt16BE(1, o + 2); // A
    out.writeUInt16BE(1, o + 4); // IN
    out.writeUInt32BE(3600, o + 6);
    out.writeUInt16BE(4, o + 10);
    out.set([192, 0, 2, 1], o + 12);
    o += 16;
  }
  if (edns) {
    out[o] = 0;
    out.writeUInt16BE(41, o + 1);
    out.writeUInt16BE(1232, o + 3);
  }
  socket.send(out, rinfo.port, rinfo.address);
});

process.on('SIGUSR1', () => process.stdout.write(`queries ${queries}\n`));
process.on('SIGTERM', () => {
  process.stdout.write(`queries ${queries}\n`);
  process.exit(0);
});
socket.bind(port, '127.0.0.1', () => process.stdout.write(`listening ${socket.address().port}\n`));
