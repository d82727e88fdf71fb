// The proxy benchmark's web site: answers every GET on 127.0.0.1:<port> with a 1 KB text body
// (keep-alive). /blocked answers a small "blocked" page (squidGuard's redirect target).
// node bench/lib/origin.mjs <port>
import http from 'node:http';

const port = Number(process.argv[2] ?? 0);
const body = Buffer.from(`${'x'.repeat(1023)}\n`);
const blocked = Buffer.from('blocked\n');
const server = http.createServer((req, res) => {
  const b = req.url?.startsWith('/blocked') ? blocked : body;
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': b.length });
  res.end(b);
});
server.keepAliveTimeout = 120_000;
server.listen(port, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
