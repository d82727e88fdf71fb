/**
 * The url_rewrite helper protocol, line by line: what Squid sends (with and without channel-IDs,
 * CONNECT, key=value extras, '-' for unknown, URL-encoded users) and the exact answers.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_LINE, formatHelperReply, parseHelperLine } from '../src/squid-helper/codec.ts';

describe('parseHelperLine', () => {
  it('reads a line without a channel-ID and with the default extras', () => {
    expect(
      parseHelperLine('http://www.example.com/index.html 10.0.0.5/- - GET myip=10.0.0.1 myport=3128'),
    ).toEqual({
      ok: true,
      channel: null,
      url: 'http://www.example.com/index.html',
      host: 'www.example.com',
      port: 80,
      client: '10.0.0.5',
      user: null,
      method: 'GET',
      connect: false,
    });
  });

  it('reads a channel-ID, a port, an fqdn and a URL-encoded user', () => {
    expect(
      parseHelperLine(
        '0 http://Example.COM:8080/a?b=c 10.0.0.5/pc1.school.lan alice%20smith POST myip=10.0.0.1',
      ),
    ).toEqual({
      ok: true,
      channel: '0',
      url: 'http://Example.COM:8080/a?b=c',
      host: 'example.com',
      port: 8080,
      client: '10.0.0.5',
      user: 'alice smith',
      method: 'POST',
      connect: false,
    });
  });

  it('decodes UTF-8 percent-encoded users and keeps a user that is not valid percent-encoding', () => {
    const ok = parseHelperLine('5 http://a.example/ 10.0.0.5/- %C3%89lise GET');
    expect(ok.ok && ok.user).toBe('Élise');
    const raw = parseHelperLine('5 http://a.example/ 10.0.0.5/- bad%zzname GET');
    expect(raw.ok && raw.user).toBe('bad%zzname');
  });

  it('treats CONNECT host:port as host-only', () => {
    expect(parseHelperLine('7 www.google.com:443 10.0.0.5/- bob CONNECT myip=10.0.0.1 myport=3128')).toEqual({
      ok: true,
      channel: '7',
      url: 'www.google.com:443',
      host: 'www.google.com',
      port: 443,
      client: '10.0.0.5',
      user: 'bob',
      method: 'CONNECT',
      connect: true,
    });
    const v6 = parseHelperLine('[2001:DB8::1]:443 10.0.0.5/- - CONNECT');
    expect(v6).toMatchObject({ ok: true, host: '2001:db8::1', port: 443, connect: true });
    // A bare host:port without extras is still a CONNECT target.
    expect(parseHelperLine('secure.example:8443')).toMatchObject({
      ok: true,
      host: 'secure.example',
      port: 8443,
      connect: true,
    });
    // CONNECT without a port means 443.
    expect(parseHelperLine('secure.example - - CONNECT')).toMatchObject({
      ok: true,
      port: 443,
      connect: true,
    });
  });

  it('reads https (SSL-bump), IPv6, userinfo and trailing-dot URLs', () => {
    expect(parseHelperLine('https://secure.example/login 10.0.0.9/- - GET')).toMatchObject({
      host: 'secure.example',
      port: 443,
    });
    expect(parseHelperLine('http://[2001:db8::2]:8080/x - - GET')).toMatchObject({
      host: '2001:db8::2',
      port: 8080,
    });
    expect(parseHelperLine('http://user:pw@Host.Example/ - - GET')).toMatchObject({
      host: 'host.example',
      port: 80,
    });
    expect(parseHelperLine('http://user@host.example:81/@x - - GET')).toMatchObject({
      host: 'host.example',
      port: 81,
    });
    expect(parseHelperLine('http://gambling.example./ - - GET')).toMatchObject({ host: 'gambling.example' });
    expect(parseHelperLine('http://a.example?x=1 - - GET')).toMatchObject({ host: 'a.example', port: 80 });
    expect(parseHelperLine('ftp://files.example/pub - - GET')).toMatchObject({
      host: 'files.example',
      port: 21,
    });
  });

  it("reads '-' as unknown and stops the positional extras at the first key=value", () => {
    expect(parseHelperLine('http://a.example/ -/- - - myip=1.2.3.4')).toMatchObject({
      ok: true,
      client: null,
      user: null,
      method: null,
    });
    expect(parseHelperLine('http://a.example/ myip=1.2.3.4 myport=3128')).toMatchObject({
      ok: true,
      client: null,
      user: null,
      method: null,
    });
    expect(parseHelperLine('3 http://a.example/')).toMatchObject({ ok: true, channel: '3', client: null });
    expect(parseHelperLine('http://a.example/ 192.168.1.20')).toMatchObject({
      ok: true,
      client: '192.168.1.20',
    });
  });

  it('tolerates extra spaces and tabs at the ends', () => {
    expect(parseHelperLine('  12   http://a.example/   10.0.0.1/-  -  GET \t')).toMatchObject({
      ok: true,
      channel: '12',
      host: 'a.example',
      client: '10.0.0.1',
      method: 'GET',
    });
  });

  it('detects a channel-ID only when something follows it', () => {
    expect(parseHelperLine('12345')).toEqual({ ok: false, channel: null, reason: 'not a URL' });
    expect(parseHelperLine('12345 ')).toEqual({ ok: false, channel: null, reason: 'not a URL' });
    expect(parseHelperLine('12345 http://a.example/')).toMatchObject({ ok: true, channel: '12345' });
    expect(parseHelperLine('12a http://a.example/')).toMatchObject({ ok: false, channel: null });
  });

  it('refuses lines it cannot read, keeping the channel-ID', () => {
    expect(parseHelperLine('4 not a url')).toEqual({ ok: false, channel: '4', reason: 'not a URL' });
    expect(parseHelperLine('4 http:///nohost - - GET')).toEqual({
      ok: false,
      channel: '4',
      reason: 'no host in URL',
    });
    expect(parseHelperLine('4 http://exa<mple.com/ - - GET')).toEqual({
      ok: false,
      channel: '4',
      reason: 'host is not valid',
    });
    expect(parseHelperLine('4 http://a.example:99999/ - - GET')).toEqual({
      ok: false,
      channel: '4',
      reason: 'port is not valid',
    });
    expect(parseHelperLine('4 http://a.example:0/ - - GET')).toEqual({
      ok: false,
      channel: '4',
      reason: 'port is not valid',
    });
    expect(parseHelperLine('4 http://[::1/ - - GET')).toMatchObject({ ok: false, channel: '4' });
    expect(parseHelperLine('4 /relative/path - - GET')).toEqual({
      ok: false,
      channel: '4',
      reason: 'not a URL',
    });
    expect(parseHelperLine('\u0000\u0001garbage')).toMatchObject({ ok: false, channel: null });
  });

  it('reports blank lines as EMPTY_LINE', () => {
    expect(parseHelperLine('')).toEqual({ ok: false, channel: null, reason: EMPTY_LINE });
    expect(parseHelperLine(' \t ')).toEqual({ ok: false, channel: null, reason: EMPTY_LINE });
  });

  it('reads a very long URL', () => {
    const url = `http://long.example/${'a'.repeat(60_000)}`;
    expect(parseHelperLine(`9 ${url} 10.0.0.1/- - GET`)).toMatchObject({
      ok: true,
      channel: '9',
      url,
      host: 'long.example',
    });
  });
});

describe('formatHelperReply', () => {
  it('answers pass as ERR, with and without a channel-ID', () => {
    expect(formatHelperReply(null, { kind: 'pass' })).toBe('ERR\n');
    expect(formatHelperReply('3', { kind: 'pass' })).toBe('3 ERR\n');
  });

  it('answers block as a squidGuard-style rewrite, or as a 302 redirect', () => {
    const block = { kind: 'block', redirectUrl: 'http://block.haven.lan/?ref=AB12' } as const;
    expect(formatHelperReply('3', block)).toBe('3 OK rewrite-url="http://block.haven.lan/?ref=AB12"\n');
    expect(formatHelperReply(null, block)).toBe('OK rewrite-url="http://block.haven.lan/?ref=AB12"\n');
    expect(formatHelperReply('3', block, 'redirect')).toBe(
      '3 OK status=302 url="http://block.haven.lan/?ref=AB12"\n',
    );
  });

  it('answers errors as BH with a message', () => {
    expect(formatHelperReply('8', { kind: 'error', message: 'not a URL' })).toBe(
      '8 BH message="not a URL"\n',
    );
    expect(formatHelperReply(null, { kind: 'error', message: 'say "hi"\\\nnow' })).toBe(
      'BH message="say \'hi\'/ now"\n',
    );
  });

  it('never lets a redirect URL break the line or the quotes', () => {
    const reply = formatHelperReply('1', { kind: 'block', redirectUrl: 'http://b/?u=a b"c\\d\r\ne' });
    expect(reply).toBe('1 OK rewrite-url="http://b/?u=a%20b%22c%5Cd%0D%0Ae"\n');
    expect(reply.split('\n')).toHaveLength(2);
  });
});
