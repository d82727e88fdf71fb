/** The proxy's parsing pieces: request targets, hop-by-hop headers, Via, Basic credentials, the PAC file. */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  appendVia,
  filterHeaders,
  parseBasicCredentials,
  quotedString,
  viaHasPseudonym,
} from '../src/proxy/headers.ts';
import { renderPac } from '../src/proxy/pac.ts';
import { canonicalHost, clientAddress, parseAbsoluteTarget, parseAuthority } from '../src/proxy/target.ts';
import { classifyUpstreamError, UpstreamTimeout } from '../src/proxy/upstream-errors.ts';

describe('parseAbsoluteTarget', () => {
  it('splits host, port and path, keeping the path byte for byte', () => {
    expect(parseAbsoluteTarget('http://www.Example.com/a/../b%2F?q=1&r=%20')).toEqual({
      ok: true,
      value: {
        host: 'www.example.com',
        port: 80,
        hostHeader: 'www.example.com',
        path: '/a/../b%2F?q=1&r=%20',
        url: 'http://www.example.com/a/../b%2F?q=1&r=%20',
      },
    });
    expect(parseAbsoluteTarget('HTTP://a.example:8080')).toMatchObject({
      ok: true,
      value: {
        host: 'a.example',
        port: 8080,
        hostHeader: 'a.example:8080',
        path: '/',
        url: 'http://a.example:8080/',
      },
    });
    expect(parseAbsoluteTarget('http://a.example?x')).toMatchObject({ ok: true, value: { path: '/?x' } });
    expect(parseAbsoluteTarget('http://a.example:80/x#frag')).toMatchObject({
      ok: true,
      value: { hostHeader: 'a.example', path: '/x', url: 'http://a.example/x' },
    });
  });

  it('canonicalises hosts so the decision sees the host really contacted', () => {
    expect(parseAbsoluteTarget('http://[2001:DB8::1]:8080/')).toMatchObject({
      ok: true,
      value: {
        host: '2001:db8::1',
        port: 8080,
        hostHeader: '[2001:db8::1]:8080',
        url: 'http://[2001:db8::1]:8080/',
      },
    });
    expect(parseAbsoluteTarget('http://gambling.example./')).toMatchObject({
      value: { host: 'gambling.example' },
    });
    // Numeric IPv4 spellings that getaddrinfo would accept are written as dotted quads.
    expect(parseAbsoluteTarget('http://2130706433/')).toMatchObject({ value: { host: '127.0.0.1' } });
    expect(parseAbsoluteTarget('http://0x7f.1/')).toMatchObject({ value: { host: '127.0.0.1' } });
  });

  it('refuses other schemes, userinfo, bad ports and bad hosts', () => {
    expect(parseAbsoluteTarget('https://a.example/')).toEqual({ ok: false, reason: 'unsupported scheme' });
    expect(parseAbsoluteTarget('ftp://a.example/')).toEqual({ ok: false, reason: 'unsupported scheme' });
    expect(parseAbsoluteTarget('/relative')).toEqual({ ok: false, reason: 'bad target' });
    expect(parseAbsoluteTarget('http://user:pw@a.example/')).toMatchObject({ ok: false });
    expect(parseAbsoluteTarget('http://a.example:0/')).toMatchObject({ ok: false });
    expect(parseAbsoluteTarget('http://a.example:65536/')).toMatchObject({ ok: false });
    expect(parseAbsoluteTarget('http://a.example:8o/')).toMatchObject({ ok: false });
    expect(parseAbsoluteTarget('http:///x')).toMatchObject({ ok: false });
    expect(parseAbsoluteTarget('http://a b/')).toMatchObject({ ok: false });
    expect(parseAbsoluteTarget('http://%65vil.example/')).toMatchObject({ ok: false });
    expect(parseAbsoluteTarget('http://a.example\\@b.example/')).toMatchObject({ ok: false });
    expect(parseAbsoluteTarget('http://::1/')).toMatchObject({ ok: false });
  });
});

describe('parseAuthority (CONNECT)', () => {
  it('needs a port', () => {
    expect(parseAuthority('www.example.com:443', null)).toEqual({
      ok: true,
      value: { host: 'www.example.com', port: 443, hostHeader: 'www.example.com:443' },
    });
    expect(parseAuthority('[::1]:8443', null)).toMatchObject({
      ok: true,
      value: { host: '::1', port: 8443 },
    });
    expect(parseAuthority('www.example.com', null)).toEqual({ ok: false, reason: 'port required' });
    expect(parseAuthority('www.example.com:', null)).toEqual({ ok: false, reason: 'port required' });
    expect(parseAuthority('[::1]443', null)).toMatchObject({ ok: false });
    expect(parseAuthority('', null)).toMatchObject({ ok: false });
  });

  it('canonicalHost and clientAddress', () => {
    expect(canonicalHost('EXAMPLE.com.')).toBe('example.com');
    expect(canonicalHost('[::FFFF:1.2.3.4]')).toBe('::ffff:102:304');
    expect(canonicalHost('bad host')).toBeNull();
    expect(clientAddress('::ffff:10.0.0.5')).toBe('10.0.0.5');
    expect(clientAddress('2001:db8::5')).toBe('2001:db8::5');
    expect(clientAddress(undefined)).toBe('');
  });
});

describe('filterHeaders', () => {
  it('removes hop-by-hop headers and those Connection names, keeping order and repeats', () => {
    // biome-ignore format: one header per line
    const raw = [
      'Host', 'a.example',
      'Connection', 'keep-alive, X-Hop',
      'X-Hop', 'secret',
      'Proxy-Connection', 'keep-alive',
      'Proxy-Authorization', 'Basic YTpi',
      'Keep-Alive', 'timeout=5',
      'TE', 'trailers',
      'Trailer', 'X-Checksum',
      'Upgrade', 'websocket',
      'Set-Cookie', 'a=1',
      'Via', '1.0 upstream',
      'Set-Cookie', 'b=2',
      'Content-Length', '12',
      'Expect', '100-continue',
    ];
    const filtered = filterHeaders(raw, new Set(['host', 'expect']));
    expect(filtered.headers).toEqual(['Set-Cookie', 'a=1', 'Set-Cookie', 'b=2', 'Content-Length', '12']);
    expect(filtered.via).toBe('1.0 upstream');
    expect(filtered.contentLength).toBe('12');
    expect(filtered.transferEncoding).toBe(false);
    expect(filterHeaders(['Transfer-Encoding', 'chunked'], new Set()).transferEncoding).toBe(true);
    expect(filterHeaders(['Transfer-Encoding', 'chunked'], new Set()).headers).toEqual([]);
  });

  it('Via: appends this proxy and spots a loop', () => {
    expect(appendVia(null, '1.1', 'haven-ab12')).toBe('1.1 haven-ab12');
    expect(appendVia('1.0 fred, 1.1 p.example (Apache)', '1.0', 'haven-ab12')).toBe(
      '1.0 fred, 1.1 p.example (Apache), 1.0 haven-ab12',
    );
    expect(viaHasPseudonym('1.0 fred, 1.1 haven-ab12', 'haven-ab12')).toBe(true);
    expect(viaHasPseudonym('1.1 haven-ab123', 'haven-ab12')).toBe(false);
    expect(viaHasPseudonym(null, 'haven-ab12')).toBe(false);
  });
});

describe('parseBasicCredentials', () => {
  it('reads Basic credentials, passwords with colons and UTF-8 included', () => {
    const header = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;
    expect(parseBasicCredentials(header('alice:correct horse'))).toEqual({
      username: 'alice',
      password: 'correct horse',
    });
    expect(parseBasicCredentials(header('bob:a:b:c'))).toEqual({ username: 'bob', password: 'a:b:c' });
    expect(parseBasicCredentials(`basic ${Buffer.from('zoë:pässword').toString('base64')}`)).toEqual({
      username: 'zoë',
      password: 'pässword',
    });
    expect(parseBasicCredentials(undefined)).toBeNull();
    expect(parseBasicCredentials('Bearer abc')).toBeNull();
    expect(parseBasicCredentials(header(':nouser'))).toBeNull();
    expect(parseBasicCredentials(header('nocolon'))).toBeNull();
    expect(parseBasicCredentials('Basic !!!')).toBeNull();
    expect(quotedString('School "Proxy"\\')).toBe('"School \\"Proxy\\"\\\\"');
  });
});

describe('classifyUpstreamError', () => {
  it('maps failures to 502 or 504', () => {
    expect(classifyUpstreamError(new UpstreamTimeout()).status).toBe(504);
    expect(classifyUpstreamError(Object.assign(new Error('x'), { code: 'ENOTFOUND' }))).toMatchObject({
      status: 502,
      message: expect.stringContaining("name couldn't be found"),
    });
    expect(classifyUpstreamError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toMatchObject({
      status: 502,
      message: expect.stringContaining("couldn't be reached"),
    });
    expect(classifyUpstreamError(Object.assign(new Error('x'), { code: 'ETIMEDOUT' })).status).toBe(504);
  });
});

describe('renderPac', () => {
  /** Runs FindProxyForURL with the standard PAC helpers. */
  function findProxy(pac: string, host: string): string {
    const toNumber = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
    const context = vm.createContext({
      dnsDomainIs: (h: string, domain: string) => h.endsWith(domain),
      isInNet: (h: string, net: string, mask: string) => {
        const m = toNumber(mask);
        return (toNumber(h) & m) >>> 0 === (toNumber(net) & m) >>> 0;
      },
    });
    vm.runInContext(pac, context);
    return vm.runInContext(
      `FindProxyForURL("http://" + ${JSON.stringify(host)} + "/", ${JSON.stringify(host)})`,
      context,
    );
  }

  it('sends everything through the proxy except the direct list', () => {
    const pac = renderPac({
      proxyHost: 'proxy.school.lan',
      proxyPort: 3128,
      direct: ['school.lan', '.intranet.example', '10.0.0.0/8', '192.168.1.10'],
    });
    expect(findProxy(pac, 'www.example.com')).toBe('PROXY proxy.school.lan:3128');
    expect(findProxy(pac, 'school.lan')).toBe('DIRECT');
    expect(findProxy(pac, 'mis.school.lan')).toBe('DIRECT');
    expect(findProxy(pac, 'MIS.School.LAN')).toBe('DIRECT');
    expect(findProxy(pac, 'evilschool.lan')).toBe('PROXY proxy.school.lan:3128');
    expect(findProxy(pac, 'intranet.example')).toBe('PROXY proxy.school.lan:3128');
    expect(findProxy(pac, 'wiki.intranet.example')).toBe('DIRECT');
    expect(findProxy(pac, '10.20.30.40')).toBe('DIRECT');
    expect(findProxy(pac, '11.20.30.40')).toBe('PROXY proxy.school.lan:3128');
    expect(findProxy(pac, '192.168.1.10')).toBe('DIRECT');
    expect(findProxy(pac, '192.168.1.11')).toBe('PROXY proxy.school.lan:3128');
    expect(findProxy(pac, 'localhost')).toBe('DIRECT');
    expect(findProxy(renderPac({ proxyHost: '2001:db8::3', proxyPort: 8080 }), 'a.example')).toBe(
      'PROXY [2001:db8::3]:8080',
    );
  });

  it('refuses entries that could break out of the script', () => {
    expect(() => renderPac({ proxyHost: 'p"; alert(1); "', proxyPort: 3128 })).toThrow();
    expect(() => renderPac({ proxyHost: 'p', proxyPort: 0 })).toThrow();
    expect(() =>
      renderPac({ proxyHost: 'p', proxyPort: 3128, direct: ['a.example") || true || ("'] }),
    ).toThrow();
    expect(() => renderPac({ proxyHost: 'p', proxyPort: 3128, direct: ['10.0.0.0/33'] })).toThrow();
    expect(() => renderPac({ proxyHost: 'p', proxyPort: 3128, direct: ['300.1.1.1'] })).toThrow();
  });
});
