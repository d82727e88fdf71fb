/**
 * `haven import squid` through the real CLI: the contract's JSON, each bad line named with its
 * number, the same file twice adding nothing, binary garbage counted and skipped, and imported
 * searches going through monitoring (an alert for the DSL) and the decision log.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { haven } from './run-haven.ts';

const ROOT = mkdtempSync(path.join(tmpdir(), 'haven-import-cli-'));
const DATA = path.join(ROOT, 'data');
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const LOG = [
  '1764583200.100    180 10.0.0.5 TCP_MISS/200 411 GET http://www.google.co.uk/search?q=how+to+k1ll+myself amy.pupil DIRECT/1.2.3.4 text/html',
  '1764583201.200     12 10.0.0.5 TCP_DENIED/403 3722 CONNECT pokerstars.com:443 amy.pupil HIER_NONE/- text/html',
  'this line is broken',
  '1764583202.300     40 10.0.0.6 TCP_MISS/200 900 GET http://news.example/today - DIRECT/5.6.7.8 text/html',
  '',
].join('\n');

describe('haven import squid', () => {
  it('imports a Squid native log, naming each bad line, and says {lines, imported, problems}', {
    timeout: 90_000,
  }, async () => {
    const file = path.join(ROOT, 'access.log');
    writeFileSync(file, LOG);
    const r = await haven(DATA, ['import', 'squid', file, '--school', 'milford-haven', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ lines: 4, imported: 3, problems: 1 });
    expect(r.stderr).toContain('access.log:3: expected at least 7 fields');

    const again = await haven(DATA, ['import', 'squid', file, '--school', 'milford-haven', '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ lines: 4, imported: 0, problems: 1 });

    const db = new Database(path.join(DATA, 'haven.sqlite'), { readonly: true });
    try {
      const decisions = db.prepare('select host, action, username from filter_decisions order by at').all();
      expect(decisions).toEqual([
        { host: 'www.google.co.uk', action: 'allow', username: 'amy.pupil' },
        { host: 'pokerstars.com', action: 'block', username: 'amy.pupil' },
        { host: 'news.example', action: 'allow', username: null },
      ]);
      const alerts = db.prepare('select category, severity, subject from monitor_alerts').all();
      expect(alerts).toEqual([{ category: 'suicide', severity: 5, subject: 'amy.pupil' }]);
    } finally {
      db.close();
    }
  });

  it('counts binary garbage and a missing file, and refuses an unknown format', {
    timeout: 90_000,
  }, async () => {
    const bin = path.join(ROOT, 'garbage.log');
    writeFileSync(bin, Buffer.from([0, 1, 2, 255, 10, 0, 0]));
    const r = await haven(DATA, ['import', 'squid', bin, '--school', 'milford-haven', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 0, problems: 2 });
    expect(
      (await haven(DATA, ['import', 'squid', path.join(ROOT, 'nope.log'), '--school', 'milford-haven'])).code,
    ).toBe(4);
    expect((await haven(DATA, ['import', 'no-such-format', bin, '--school', 'milford-haven'])).code).toBe(2);
  });

  const E2_TAB = (fields: string[]) => fields.join('\t');
  const FORMATS: Record<
    string,
    { lines: string[]; expect: { lines: number; imported: number; problems: number } }
  > = {
    // e2guardian logfileformat 6: tab-separated, server field blank, the reason *DENIED* for a block.
    e2guardian: {
      lines: [
        E2_TAB([
          '1796119200.123',
          '',
          'e2.pupil',
          '192.168.5.5',
          '192.168.5.5',
          'http://www.google.com/search?q=how+to+kill+myself',
          'GET',
          '200',
          '5120',
          'text/html',
          '-',
          '-',
          '35',
          '-',
          '-',
          '-',
          '0',
          '-',
          'pupils',
          '2',
        ]),
        E2_TAB([
          '1796119260.456',
          '',
          'e2.pupil',
          '192.168.5.5',
          'pc-05.school.lan',
          'http://www.bad.example/page',
          'GET',
          '403',
          '0',
          '-',
          '-',
          '-',
          '2',
          '-',
          '500',
          '*DENIED* Banned site: www.bad.example',
          '0',
          'Pornography',
          'pupils',
          '2',
        ]),
        'not an e2guardian line',
      ],
      expect: { lines: 3, imported: 2, problems: 1 },
    },
    unbound: {
      lines: [
        '[1796119200] unbound[1234:0] info: 192.168.6.5 www.example.com. A IN',
        '[1796119201] unbound[1234:0] info: 192.168.6.5 www.bad.example. A IN',
        '[1796119201] unbound[1234:0] info: bad.example. always_nxdomain 192.168.6.5@53211 www.bad.example. A IN',
        '[1796119201] unbound[1234:0] info: start of service (unbound 1.19.0).',
      ],
      expect: { lines: 4, imported: 2, problems: 0 },
    },
    dnsmasq: {
      lines: [
        'Dec  1 10:00:00 dnsmasq[812]: query[A] www.example.com from 192.168.7.5',
        'Dec  1 10:00:00 dnsmasq[812]: forwarded www.example.com to 1.1.1.1',
        'Dec  1 10:00:00 dnsmasq[812]: reply www.example.com is 93.184.216.34',
        'Dec  1 10:00:01 dnsmasq[812]: query[A] www.bad.example from 192.168.7.5',
        'Dec  1 10:00:01 dnsmasq[812]: config www.bad.example is 0.0.0.0',
        'Dec  1 10:00:02 dnsmasq[812]: query[A] www.example.com from here',
      ],
      expect: { lines: 6, imported: 2, problems: 1 },
    },
    bind: {
      lines: [
        '01-Dec-2026 10:00:00.123 queries: info: client @0x7f8b2c0 192.168.8.5#53211 (www.example.com): query: www.example.com IN A +E(0)K (192.168.0.1)',
        '01-Dec-2026 10:00:01.000 rpz: info: client @0x7f8b2c0 192.168.8.5#53212 (www.bad.example): rpz QNAME NXDOMAIN rewrite www.bad.example/A/IN via www.bad.example.rpz.school',
      ],
      expect: { lines: 2, imported: 2, problems: 0 },
    },
    fortigate: {
      lines: [
        'date=2026-12-01 time=10:00:00 devname="FGT60F" devid="FGT60FTK0000001" logid="0317013312" type="utm" subtype="webfilter" eventtype="ftgd_allow" level="notice" vd="root" eventtime=1796119200123456789 tz="+0000" policyid=1 sessionid=12345 srcip=192.168.9.5 srcport=50000 srcintf="port1" dstip=203.0.113.10 dstport=443 dstintf="wan1" proto=6 service="HTTPS" hostname="www.google.com" profile="pupils" action="passthrough" reqtype="direct" url="https://www.google.com/search?q=how+to+kill+myself" sentbyte=100 rcvdbyte=0 direction="outgoing" msg="URL belongs to an allowed category in policy" method="domain" cat=41 catdesc="Search Engines and Portals" user="forti.pupil"',
        'date=2026-12-01 time=10:00:05 devname="FGT60F" logid="0316013056" type="utm" subtype="webfilter" eventtype="ftgd_blk" level="warning" vd="root" eventtime=1796119205000000000 srcip=192.168.9.5 service="HTTPS" hostname="www.bad.example" action="blocked" url="/x" catdesc="Malicious Websites"',
        'date=2026-12-01 time=10:00:06 devname="FGT60F" logid="0000000013" type="traffic" subtype="forward" srcip=192.168.9.5 action="accept"',
        'date=2026-12-01 time=10:00:07 type="utm" subtype="webfilter" srcip=192.168.9.5 action="blocked" url="/x"',
      ],
      expect: { lines: 4, imported: 2, problems: 1 },
    },
  };

  // Five child processes, one per format: generous under a loaded CI machine.
  it('reads each format from its real sample lines, through classification and monitoring', {
    timeout: 180_000,
  }, async () => {
    for (const [format, c] of Object.entries(FORMATS)) {
      const file = path.join(ROOT, `${format}.log`);
      writeFileSync(file, `${c.lines.join('\n')}\n`);
      const r = await haven(DATA, [
        'import',
        format,
        file,
        '--school',
        'milford-haven',
        '--year',
        '2026',
        '--json',
      ]);
      expect(r.code, `${format}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout), format).toEqual(c.expect);
    }
    const db = new Database(path.join(DATA, 'haven.sqlite'), { readonly: true });
    try {
      const rows = db
        .prepare(
          "select client, host, action, source, username from filter_decisions where client like '192.168.%' order by client, at",
        )
        .all();
      expect(rows).toEqual([
        {
          client: '192.168.5.5',
          host: 'www.google.com',
          action: 'allow',
          source: 'proxy',
          username: 'e2.pupil',
        },
        {
          client: '192.168.5.5',
          host: 'www.bad.example',
          action: 'block',
          source: 'proxy',
          username: 'e2.pupil',
        },
        { client: '192.168.6.5', host: 'www.example.com', action: 'allow', source: 'dns', username: null },
        { client: '192.168.6.5', host: 'www.bad.example', action: 'block', source: 'dns', username: null },
        { client: '192.168.7.5', host: 'www.example.com', action: 'allow', source: 'dns', username: null },
        { client: '192.168.7.5', host: 'www.bad.example', action: 'block', source: 'dns', username: null },
        { client: '192.168.8.5', host: 'www.example.com', action: 'allow', source: 'dns', username: null },
        { client: '192.168.8.5', host: 'www.bad.example', action: 'block', source: 'dns', username: null },
        {
          client: '192.168.9.5',
          host: 'www.google.com',
          action: 'allow',
          source: 'proxy',
          username: 'forti.pupil',
        },
        { client: '192.168.9.5', host: 'www.bad.example', action: 'block', source: 'proxy', username: null },
      ]);
      const alerts = db
        .prepare(
          "select subject, category, severity from monitor_alerts where subject in ('e2.pupil', 'forti.pupil') order by subject",
        )
        .all();
      expect(alerts).toEqual([
        { subject: 'e2.pupil', category: 'suicide', severity: 5 },
        { subject: 'forti.pupil', category: 'suicide', severity: 5 },
      ]);
    } finally {
      db.close();
    }
  });

  it('reads standard input, names people from a mapping file, and refuses a bad mapping file whole', {
    timeout: 90_000,
  }, async () => {
    const map = path.join(ROOT, 'map.csv');
    writeFileSync(map, 'address,user,group\n10.77.0.5,mapped.pupil,ks3\n');
    const log = 'Dec  1 11:00:00 dnsmasq[812]: query[A] stdin.example from 10.77.0.5\n';
    const r = await haven(
      DATA,
      ['import', 'dnsmasq', '-', '--school', 'milford-haven', '--year', '2026', '--map', map, '--json'],
      log,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ lines: 1, imported: 1, problems: 0 });
    const db = new Database(path.join(DATA, 'haven.sqlite'), { readonly: true });
    try {
      expect(
        db.prepare("select username, group_id from filter_decisions where host = 'stdin.example'").all(),
      ).toEqual([{ username: 'mapped.pupil', group_id: 'ks3' }]);
    } finally {
      db.close();
    }
    const bad = path.join(ROOT, 'bad-map.csv');
    writeFileSync(bad, '10.77.0.6,ok.user\nnot-an-address,someone\n10.77.0.7,\n');
    const refused = await haven(
      DATA,
      ['import', 'dnsmasq', '-', '--school', 'milford-haven', '--map', bad],
      log,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('bad-map.csv:2: "not-an-address" is not an IP address');
    expect(refused.stderr).toContain('bad-map.csv:3: no username');
  });
});
