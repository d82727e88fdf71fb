/** The block page's HTML: what it says, escaping, the review form, and the illegal-content page that says nothing. */
import { describe, expect, it } from 'vitest';
import { blockPageHeaders } from '../src/block-page/headers.ts';
import { escapeHtml } from '../src/block-page/html.ts';
import { renderBlockPage, renderNoticePage } from '../src/block-page/render.ts';
import { parseReviewForm, REVIEW_LIMITS } from '../src/block-page/review-form.ts';
import type { BlockPageInfo } from '../src/block-page/types.ts';

const GAMBLING: BlockPageInfo = {
  host: 'casino.example',
  url: 'http://casino.example/slots?game=1&bet=5',
  category: 'On-line gambling',
  reason: "Gambling sites are not allowed on the school's network.",
  clause: 'User actions matrix, "On-line gambling": Unacceptable',
  illegal: false,
  reviewUrl: 'https://haven.school.example/review',
  reference: 'HVN-7Q2K',
};

describe('renderBlockPage', () => {
  it('is a small, self-contained, phone-friendly English page', () => {
    const html = renderBlockPage(GAMBLING);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<main>');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(Buffer.byteLength(html)).toBeLessThan(8 * 1024);
  });

  it('says what was blocked, the category, the clause, the reason and the reference', () => {
    const html = renderBlockPage(GAMBLING);
    expect(html).toContain('<h1>This page is blocked</h1>');
    expect(html).toContain('casino.example');
    expect(html).toContain('http://casino.example/slots?game=1&amp;bet=5');
    expect(html).toContain('On-line gambling');
    expect(html).toContain('User actions matrix, &quot;On-line gambling&quot;: Unacceptable');
    expect(html).toContain('Gambling sites are not allowed on the school&#39;s network.');
    expect(html).toContain('<code>HVN-7Q2K</code>');
  });

  it('offers a review form posting host, url and reference to reviewUrl, with an optional labelled comment', () => {
    const html = renderBlockPage(GAMBLING);
    expect(html).toContain('<form method="post" action="https://haven.school.example/review">');
    expect(html).toContain('<input type="hidden" name="host" value="casino.example">');
    expect(html).toContain(
      '<input type="hidden" name="url" value="http://casino.example/slots?game=1&amp;bet=5">',
    );
    expect(html).toContain('<input type="hidden" name="reference" value="HVN-7Q2K">');
    expect(html).toMatch(
      /<label for="haven-comment">[^<]+<\/label>\s*<textarea id="haven-comment" name="comment"/,
    );
    expect(html).toContain(`maxlength="${REVIEW_LIMITS.comment}"`);
    expect(html).toContain('Ask for this to be reviewed</button>');
  });

  it('offers no review when reviewUrl is null, and copes with missing category, clause and URL', () => {
    const html = renderBlockPage({ ...GAMBLING, reviewUrl: null, category: null, clause: null, url: null });
    expect(html).not.toContain('<form');
    expect(html).not.toContain('Ask for this to be reviewed');
    expect(html).not.toContain('Category');
    expect(html).not.toContain('Policy</dt>');
    expect(html).toContain('casino.example');
  });

  it('escapes everything it shows, in text and in attributes', () => {
    const evil: BlockPageInfo = {
      host: '<script>alert(1)</script>.example',
      url: 'http://x.example/"><script>alert(2)</script>',
      category: '<img src=x onerror=alert(3)>',
      reason: 'It\'s <b>bad</b> & "wrong"',
      clause: '</dd><script>alert(4)</script>',
      illegal: false,
      reviewUrl: 'javascript:alert(5)" onmouseover="alert(6)',
      reference: '"><svg onload=alert(7)>',
    };
    const html = renderBlockPage(evil);
    expect(html).not.toMatch(/<script|<img|<svg|<b>/i);
    expect(html).not.toContain('" onmouseover="');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;.example');
    expect(html).toContain('It&#39;s &lt;b&gt;bad&lt;/b&gt; &amp; &quot;wrong&quot;');
    expect(html).toContain('<dd>http://x.example/&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;</dd>');
    // A javascript: review address gets no form at all, and the page's CSP allows no form target.
    expect(html).not.toContain('<form');
    // Attributes of the form are escaped too.
    const withForm = renderBlockPage({ ...evil, reviewUrl: 'https://review.example/?a="b"&c' });
    expect(withForm).toContain('action="https://review.example/?a=&quot;b&quot;&amp;c"');
    expect(withForm).toContain('value="http://x.example/&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"');
    expect(withForm).toContain('name="reference" value="&quot;&gt;&lt;svg onload=alert(7)&gt;"');
    expect(withForm).not.toMatch(/<script|<img|<svg|<b>/i);
    const csp = String(blockPageHeaders(evil, html)['Content-Security-Policy']);
    expect(csp).toContain("form-action 'none'");
    expect(csp).toContain("default-src 'none'");
  });

  it('shortens a very long URL on screen but posts it whole', () => {
    const url = `http://long.example/${'a'.repeat(3000)}`;
    const html = renderBlockPage({ ...GAMBLING, url });
    expect(html).toContain(`value="${url}"`);
    expect(html.split(url).length).toBe(2);
  });

  it('for illegal content shows a neutral page with the reference only', () => {
    const html = renderBlockPage({
      ...GAMBLING,
      host: 'secret-host.example',
      url: 'http://secret-host.example/secret-path',
      category: 'Secret category',
      clause: 'Secret clause',
      reason: 'Secret reason',
      illegal: true,
    });
    expect(html).toContain("This page can't be shown. The school has been told.");
    expect(html).toContain('HVN-7Q2K');
    for (const secret of [
      'secret-host',
      'secret-path',
      'Secret category',
      'Secret clause',
      'Secret reason',
    ]) {
      expect(html).not.toContain(secret);
    }
    expect(html).not.toContain('<form');
    expect(html).not.toContain('review');
    const headers = blockPageHeaders({ ...GAMBLING, illegal: true }, html);
    expect(headers['Content-Security-Policy']).toContain("form-action 'none'");
  });

  it('allows the form to post only to the review origin', () => {
    const html = renderBlockPage(GAMBLING);
    const headers = blockPageHeaders(GAMBLING, html);
    expect(headers['Content-Security-Policy']).toContain('form-action https://haven.school.example;');
    expect(headers['Content-Length']).toBe(Buffer.byteLength(html));
    expect(headers['Cache-Control']).toBe('no-store');
    const relative = { ...GAMBLING, reviewUrl: '/__haven/review' };
    expect(blockPageHeaders(relative, '')['Content-Security-Policy']).toContain("form-action 'self'");
  });

  it('renders notice pages escaped', () => {
    expect(renderNoticePage('Thanks <b>', 'a & b')).toContain('<h1>Thanks &lt;b&gt;</h1>\n<p>a &amp; b</p>');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});

describe('parseReviewForm', () => {
  it('reads the fields', () => {
    expect(
      parseReviewForm(
        'host=Casino.example&url=http%3A%2F%2Fcasino.example%2F&reference=HVN-7Q2K&comment=For+a+PSHE+lesson',
      ),
    ).toEqual({
      ok: true,
      form: {
        host: 'casino.example',
        url: 'http://casino.example/',
        reference: 'HVN-7Q2K',
        comment: 'For a PSHE lesson',
      },
    });
    expect(parseReviewForm('host=a.example&reference=R1&url=&comment=')).toEqual({
      ok: true,
      form: { host: 'a.example', url: null, reference: 'R1', comment: null },
    });
  });

  it('refuses missing, repeated, malformed or oversized fields', () => {
    expect(parseReviewForm('reference=R1')).toMatchObject({ ok: false, reason: 'host is missing' });
    expect(parseReviewForm('host=a.example')).toMatchObject({ ok: false, reason: 'reference is missing' });
    expect(parseReviewForm('host=a.example&host=b.example&reference=R1')).toMatchObject({ ok: false });
    expect(parseReviewForm('host=%3Cscript%3E&reference=R1')).toMatchObject({
      ok: false,
      reason: 'host is not valid',
    });
    expect(parseReviewForm('host=a.example&reference=R%201')).toMatchObject({
      ok: false,
      reason: 'reference is not valid',
    });
    expect(parseReviewForm('host=a.example&reference=R1&url=javascript%3Aalert(1)')).toMatchObject({
      ok: false,
      reason: 'url is not valid',
    });
    expect(parseReviewForm(`host=a.example&reference=R1&comment=${'x'.repeat(1001)}`)).toMatchObject({
      ok: false,
      reason: 'comment is too long',
    });
    expect(parseReviewForm('host=a.example&reference=R1&comment=a%00b')).toMatchObject({ ok: false });
  });
});
