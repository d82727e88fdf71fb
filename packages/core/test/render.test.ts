import { describe, expect, it } from 'vitest';
import { escapeHtml, matricesOf, matrixView, renderPolicyHtml, template } from '../src/policy/index.ts';

describe('policy rendering', () => {
  it('renders each matrix as a table with its legend, and escapes text', () => {
    const doc = template('milford-haven')!;
    const html = renderPolicyHtml(doc, { version: 1, status: 'approved' });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h1>');
    for (const name of matricesOf(doc)) expect(name).toBeTruthy();
    expect((html.match(/<table>/g) ?? []).length).toBe(1 + matricesOf(doc).length);
    expect(html).toContain('Allowed at certain times');
    expect(html).toContain('version 1');
    expect(escapeHtml('<script>"x" & \'y\'</script>')).toBe(
      '&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;',
    );
  });

  it('renders a policy with no matrices and its prose rules', () => {
    const html = renderPolicyHtml(template('primary-advantage')!);
    expect(html).not.toContain('<h2>Matrices</h2>');
    expect(html).toContain('Rules stated in the policy text');
  });
});

describe('rows left blank under a marked heading (WSAPC cyber-crime items)', () => {
  it('keep null as the seed gives it, and show the heading value that applies', () => {
    const doc = template('wsapc')!;
    const view = matrixView(doc, 'user-actions')!;
    const items = view.rows.filter((r) => r.inherited !== undefined);
    expect(items).toHaveLength(5);
    for (const row of items) {
      expect(row.cells.value).toBeNull();
      expect(row.inherited).toBe('illegal');
    }
    expect(renderPolicyHtml(doc).match(/as the heading above: Unacceptable and illegal/g)).toHaveLength(5);
  });
});
