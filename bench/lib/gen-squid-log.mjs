// Writes a Squid native access.log for the import benchmark: one school day (08:00 to 16:00,
// Europe/London) of a secondary school's traffic, in time order, deterministic (--seed).
//   time.ms elapsed client code/status bytes method URL user hierarchy/peer type
// The mix: about 65 % CONNECT host:443, 25 % GET http:// URLs with paths, 10 % searches (the
// engine's https URL with its q= terms, as a proxy that inspects search engines logs them; most
// are homework, a few are the kind monitoring exists for). About 8 % of all lines are
// TCP_DENIED/403 for hosts of UT1 categories a school blocks; the allowed hosts are UT1 hosts of
// categories schools allow plus synthetic ordinary hosts, chosen with a skew (a few sites take
// most of the traffic, as in a real log). Half the client addresses are authenticated (their
// user name on every line), the others log "-".
//
// node bench/lib/gen-squid-log.mjs --out FILE [--lines 1000000] [--day 2026-11-24] [--clients 1500]
//   [--seed 7] [--ut1 DIR]
// Prints a JSON description of what it wrote.
import { createWriteStream } from 'node:fs';
import { findUt1Dir, listedIn, readUt1, rng, shuffle, syntheticHost } from './ut1.mjs';

const args = {};
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a.startsWith('--')) args[a.slice(2)] = process.argv[++i];
}
if (!args.out) throw new Error('--out FILE is required');
const total = Number(args.lines ?? 1_000_000);
const day = args.day ?? '2026-11-24';
const clientCount = Number(args.clients ?? 1500);
const random = rng(Number(args.seed ?? 7));
const dir = args.ut1 ?? findUt1Dir();
if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`--day must be YYYY-MM-DD, not ${day}`);
if (!(total > 0) || !(clientCount > 0 && clientCount <= 250 * 256))
  throw new Error('bad --lines or --clients');

// Categories whose hosts a school's filter refuses (the TCP_DENIED lines), and categories it lets
// through (some of the allowed lines). Only those with a domains file in this copy of UT1 count.
const BLOCKED = [
  'agressif',
  'arjel',
  'chat',
  'cryptojacking',
  'dangerous_material',
  'dating',
  'ddos',
  'doh',
  'drogue',
  'gambling',
  'games',
  'hacking',
  'lingerie',
  'mixed_adult',
  'redirector',
  'residential-proxies',
  'stalkerware',
  'vpn',
  'warez',
];
const ALLOWED = [
  'bank',
  'educational_games',
  'jobsearch',
  'liste_bu',
  'press',
  'shopping',
  'sports',
  'translation',
];

const pick = (list) => list[Math.floor(random() * list.length)];
const clean = (d) => /^[a-z0-9.-]+$/.test(d) && d.includes('.') && !d.startsWith('.');
// UT1 lists some addresses among its domains; "www." in front of one would make a host no proxy logs.
const isAddress = (d) => /^\d+\.\d+\.\d+\.\d+$/.test(d);
const withWww = (d, share) => (!isAddress(d) && random() < share ? `www.${d}` : d);
const categories = readUt1(dir);
const byName = new Map(categories.map((c) => [c.name, c]));
const blockedCats = BLOCKED.map((n) => byName.get(n))
  .filter((c) => c && c.domains.length > 0)
  .map((c) => ({ name: c.name, domains: c.domains.filter(clean) }));
const allowedDomains = ALLOWED.flatMap((n) => byName.get(n)?.domains ?? []).filter(clean);
if (blockedCats.length === 0) throw new Error(`no blocked category with domains in ${dir}`);
// A synthetic host must not land on a listed domain by chance, or an "ordinary" site would be
// one the school blocks.
const listed = new Set(categories.flatMap((c) => c.domains));

// The ordinary sites: a pool in popularity order, UT1's allowed hosts mixed with synthetic ones.
const POOL = 20_000;
const pool = [];
const fromUt1 = Math.min(Math.floor(POOL * 0.35), allowedDomains.length);
for (const d of shuffle(allowedDomains.slice(), random).slice(0, fromUt1)) pool.push(withWww(d, 0.4));
while (pool.length < POOL) {
  const h = syntheticHost(random);
  if (!listedIn(listed, h)) pool.push(h);
}
shuffle(pool, random);
// r³ puts about half the picks on the first eighth of the pool: a long tail, a heavy head.
const ordinaryHost = () => pool[Math.floor(POOL * random() ** 3)];
const blockedHost = () => {
  const c = pick(blockedCats);
  const d = pick(c.domains);
  return { host: withWww(d, 0.3), category: c.name };
};

// Client addresses 10.12.0.1 upwards; every other one is authenticated, under a fixed user name.
const FIRST = 'abcdefghijklmnoprstw';
const SURNAMES = [
  'smith',
  'jones',
  'williams',
  'taylor',
  'davies',
  'evans',
  'thomas',
  'roberts',
  'hughes',
  'lewis',
  'morgan',
  'griffiths',
  'walker',
  'wright',
  'patel',
  'khan',
  'edwards',
  'price',
  'clarke',
  'hall',
];
const clients = [];
for (let i = 0; i < clientCount; i++) {
  const ip = `10.12.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  const user =
    i % 2 === 0
      ? i % 20 === 0
        ? `${pick([...FIRST])}.${pick(SURNAMES)}${i}` // staff
        : `${20 + Math.floor(random() * 7)}${pick([...FIRST])}${pick(SURNAMES)}${i}` // pupils: intake year
      : '-';
  clients.push({ ip, user });
}

const HOMEWORK = [
  'photosynthesis',
  'causes of the first world war',
  'pythagoras theorem',
  'water cycle diagram',
  'macbeth act 1 summary',
  'french verbs etre',
  'how do volcanoes form',
  'periodic table',
  'romans in britain',
  'quadratic equations',
  'the tudors',
  'plate tectonics',
  'electric circuits',
  'respiration equation',
  'of mice and men themes',
  'spanish numbers',
  'climate change effects',
  'industrial revolution',
  'simultaneous equations',
  'welsh castles',
  'how to write a persuasive letter',
  'cell structure',
  'the holocaust',
  'forces and motion',
  'coastal erosion',
  'fractions to decimals',
  'an inspector calls characters',
  'python for loop',
  'scratch games',
  'henry viii wives',
  'acids and alkalis',
  'rainforest animals',
  'black death',
  'poetry anthology conflict',
  'algebra',
];
const MODIFIERS = [
  '',
  '',
  ' ks3',
  ' gcse',
  ' bbc bitesize',
  ' for kids',
  ' worksheet',
  ' revision',
  ' examples',
  ' explained',
];
// The kind of search monitoring is for: each should give an alert.
const RISKY = [
  'how to kill myself',
  'i want to die',
  'self harm',
  'zombie knife',
  'buy weed',
  'how to make a bomb',
];
const ENGINES = [
  (q) => `https://www.google.co.uk/search?q=${q}&hl=en-GB`,
  (q) => `https://www.google.com/search?q=${q}`,
  (q) => `https://www.bing.com/search?q=${q}&form=QBLH`,
  (q) => `https://duckduckgo.com/?q=${q}&ia=web`,
  (q) => `https://www.youtube.com/results?search_query=${q}`,
];
const encode = (s) => encodeURIComponent(s).replace(/%20/g, '+');

const WORDS = [
  'news',
  'sport',
  'weather',
  'article',
  'video',
  'images',
  'static',
  'assets',
  'api',
  'media',
  'blog',
];
const hex = (n) =>
  Math.floor(random() * 16 ** n)
    .toString(16)
    .padStart(n, '0');
function getPath() {
  const r = random();
  if (r < 0.15) return { path: '/', type: 'text/html' };
  if (r < 0.45) return { path: `/${pick(WORDS)}/${hex(6)}.html`, type: 'text/html' };
  if (r < 0.7) return { path: `/${pick(WORDS)}/img/${hex(8)}.jpg`, type: 'image/jpeg' };
  if (r < 0.85) return { path: `/static/js/app.${hex(8)}.js`, type: 'application/javascript' };
  return {
    path: `/${pick(WORDS)}/v1/items?id=${Math.floor(random() * 1e6)}&page=${1 + Math.floor(random() * 9)}`,
    type: 'application/json',
  };
}
const ALLOWED_CODES = [
  'TCP_MISS/200',
  'TCP_MISS/200',
  'TCP_MISS/200',
  'TCP_HIT/200',
  'TCP_MEM_HIT/200',
  'TCP_REFRESH_UNMODIFIED/304',
  'TCP_MISS/301',
  'TCP_MISS/404',
];
const upstream = () =>
  `DIRECT/${93 + Math.floor(random() * 100)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`;

// The day's window as instants: London's 08:00 and 16:00 that day (GMT or BST as it falls).
function londonInstant(date, hh) {
  const guess = Date.parse(`${date}T${hh}:00:00Z`);
  const parts = {};
  for (const p of new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(guess))
    parts[p.type] = p.value;
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return guess - (wall - guess);
}
const start = londonInstant(day, '08');
const span = londonInstant(day, '16') - start;

const stats = { connects: 0, gets: 0, searches: 0, risky: 0, denied: 0, withUser: 0 };
const deniedByCategory = {};
const out = createWriteStream(args.out);
let buf = '';
const deniedShare = 0.08 / 0.9; // searches are never refused, so the rest carry all the 8 %
for (let i = 0; i < total; i++) {
  // Evenly spread and strictly in order, with jitter inside each line's slot.
  const ms = start + Math.floor((span * (i + random())) / total);
  const c = clients[Math.floor(random() * clientCount)];
  const kind = random();
  const denied = kind < 0.9 && random() < deniedShare;
  let host;
  if (denied) {
    const b = blockedHost();
    host = b.host;
    deniedByCategory[b.category] = (deniedByCategory[b.category] ?? 0) + 1;
  }
  let method;
  let url;
  let code;
  let bytes;
  let hier;
  let type;
  if (kind < 0.65) {
    host ??= ordinaryHost();
    method = 'CONNECT';
    url = `${host}:443`;
    stats.connects++;
    type = '-';
  } else if (kind < 0.9) {
    host ??= ordinaryHost();
    const p = getPath();
    method = 'GET';
    url = `http://${host}${p.path}`;
    type = p.type;
    stats.gets++;
  } else {
    const risky = random() < 0.015;
    const q = risky ? pick(RISKY) : `${pick(HOMEWORK)}${pick(MODIFIERS)}`;
    if (risky) stats.risky++;
    method = 'GET';
    url = pick(ENGINES)(encode(q));
    type = 'text/html';
    stats.searches++;
  }
  if (denied) {
    code = 'TCP_DENIED/403';
    bytes = 3700 + Math.floor(random() * 400);
    hier = 'HIER_NONE/-';
    type = 'text/html';
    stats.denied++;
  } else if (method === 'CONNECT') {
    code = 'TCP_TUNNEL/200';
    bytes = 2000 + Math.floor(random() ** 2 * 2_000_000);
    hier = upstream();
  } else if (kind >= 0.9) {
    code = 'TCP_MISS/200'; // a search's results are never served from the cache
    bytes = 30_000 + Math.floor(random() * 120_000);
    hier = upstream();
  } else {
    code = pick(ALLOWED_CODES);
    bytes = 300 + Math.floor(random() ** 2 * 500_000);
    hier = code.startsWith('TCP_MISS') || code.startsWith('TCP_REFRESH') ? upstream() : 'HIER_NONE/-';
  }
  if (c.user !== '-') stats.withUser++;
  const elapsed = denied ? Math.floor(random() * 5) : 5 + Math.floor(random() ** 3 * 30_000);
  const secs = Math.floor(ms / 1000);
  const msPart = String(ms % 1000).padStart(3, '0');
  buf += `${secs}.${msPart} ${String(elapsed).padStart(6)} ${c.ip} ${code} ${bytes} ${method} ${url} ${c.user} ${hier} ${type}\n`;
  if (buf.length > 1 << 20) {
    out.write(buf);
    buf = '';
  }
}
out.end(buf);
await new Promise((resolve, reject) => out.on('finish', resolve).on('error', reject));
process.stdout.write(
  `${JSON.stringify({
    ut1Dir: dir,
    day,
    from: new Date(start).toISOString(),
    to: new Date(start + span).toISOString(),
    lines: total,
    clients: clientCount,
    ordinaryPool: POOL,
    ordinaryFromUt1: fromUt1,
    blockedCategories: blockedCats.map((c) => c.name),
    ...stats,
    deniedByCategory,
  })}\n`,
);
