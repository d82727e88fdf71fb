// One GET through an HTTP proxy: prints "<status> <body bytes> <first 50 chars of body>" and,
// for a redirect, its Location. node bench/lib/http-probe.mjs <proxy-port> <absolute-url>
import http from 'node:http';

const [port, url] = [Number(process.argv[2]), process.argv[3]];
const u = new URL(url);
const req = http.request(
  { host: '127.0.0.1', port, path: url, headers: { host: u.host }, agent: false },
  (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => {
      const b = Buffer.concat(chunks);
      const where = res.headers.location ? ` -> Location: ${res.headers.location}` : '';
      console.log(
        `${res.statusCode} ${b.length} bytes ${JSON.stringify(b.toString('utf8', 0, 50).replace(/\s+/g, ' '))}${where}`,
      );
      process.exit(res.statusCode >= 200 && res.statusCode < 400 ? 0 : 3);
    });
  },
);
req.setTimeout(5000, () => req.destroy(new Error('timeout')));
req.on('error', (e) => {
  console.error(e.message);
  process.exit(1);
});
req.end();
