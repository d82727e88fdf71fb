// Sends one A query over UDP to 127.0.0.1:<port> and prints "<RCODE> <first A address or ->".
// Exits 1 without an answer within a second. node bench/lib/dns-probe.mjs <port> <name>
import dgram from 'node:dgram';

const [port, name] = [Number(process.argv[2]), process.argv[3]];
const labels = name.split('.').filter(Boolean);
const q = Buffer.alloc(12 + labels.reduce((n, l) => n + l.length + 1, 0) + 5);
q.writeUInt16BE(0x4242, 0);
q.writeUInt16BE(0x0100, 2); // RD
q.writeUInt16BE(1, 4);
let o = 12;
for (const l of labels) {
  q[o++] = l.length;
  o += q.write(l, o, 'ascii');
}
q[o++] = 0;
q.writeUInt16BE(1, o); // A
q.writeUInt16BE(1, o + 2); // IN
const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'];
const s = dgram.createSocket('udp4');
const timer = setTimeout(() => process.exit(1), 1000);
s.on('message', (m) => {
  clearTimeout(timer);
  const rcode = RCODES[m[3] & 0xf] ?? String(m[3] & 0xf);
  let address = '-';
  if (m.readUInt16BE(6) > 0) {
    // Skip the question, then walk answers to the first A record.
    let i = 12;
    while (m[i] !== 0) i += m[i] + 1;
    i += 5;
    for (let n = 0; n < m.readUInt16BE(6); n++) {
      if ((m[i] & 0xc0) === 0xc0) i += 2;
      else {
        while (m[i] !== 0) i += m[i] + 1;
        i++;
      }
      const type = m.readUInt16BE(i);
      const len = m.readUInt16BE(i + 8);
      if (type === 1 && len === 4) {
        address = [...m.subarray(i + 10, i + 14)].join('.');
        break;
      }
      i += 10 + len;
    }
  }
  console.log(`${rcode} ${address}`);
  s.close();
});
s.send(q, port, '127.0.0.1');
