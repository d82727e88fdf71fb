import { describe, expect, it } from 'vitest';
import { notTested, rowOutcome, testRows } from '../src/filter/test-runs.ts';
import type { Citation } from '../src/filter/types.ts';
import {
  categoryName,
  changeKindWord,
  citationText,
  decisionKindWord,
  effectWord,
  otherCitations,
  parseUsernames,
  ruleRefText,
  scopeText,
  targetText,
} from '../src/filter/words.ts';

const matrixRow: Citation = {
  source: 'user-actions',
  id: 'gambling',
  label: 'On-line gambling',
  value: 'unacceptable',
  effect: 'block',
};

describe('effectWord', () => {
  it('puts every effect in plain words', () => {
    expect(
      (['allow', 'outside-lessons', 'nominated', 'staff-permission', 'block', 'illegal'] as const).map(
        effectWord,
      ),
    ).toEqual([
      'Allowed',
      'Outside lessons only',
      'Nominated users only',
      'Needs staff permission',
      'Blocked',
      'Illegal – always blocked',
    ]);
  });

  it('shows an effect it does not know as it is', () => {
    expect(effectWord('quarantine')).toBe('quarantine');
  });
});

describe('citationText', () => {
  it('names the matrix, the row and the value', () => {
    expect(citationText(matrixRow)).toBe('User actions matrix, row “On-line gambling”: unacceptable');
  });

  it('names the column of the communications matrix, and reads its code', () => {
    expect(
      citationText({
        source: 'communications',
        id: 'social-media',
        label: 'Use of social media',
        value: 'SP',
        column: 'pupils',
        effect: 'staff-permission',
      }),
    ).toBe(
      'Communications matrix (pupils column), row “Use of social media”: SP (allowed with staff permission)',
    );
  });

  it('quotes the policy’s own sentence', () => {
    expect(
      citationText({
        source: 'prose-rules',
        id: 'staff-social',
        label: 'Staff may use social media',
        value: 'acceptable',
        effect: 'allow',
        quote: 'Staff may use personal social media at break times.',
      }),
    ).toBe('The policy says “Staff may use personal social media at break times.” (acceptable)');
  });

  it('says where Haven’s baseline, not the policy, decides', () => {
    expect(
      citationText({
        source: 'baseline',
        id: 'drugs',
        label: 'UK Safer Internet Centre appropriate-filtering category the policy does not mention',
        value: 'blocked',
        effect: 'block',
      }),
    ).toBe(
      'Haven baseline: UK Safer Internet Centre appropriate-filtering category the policy does not mention',
    );
  });

  it('leaves the governing clause out of the others', () => {
    const other: Citation = { ...matrixRow, source: 'communications', column: 'staff', value: 'NA' };
    expect(otherCitations(matrixRow, [matrixRow, other])).toEqual([other]);
  });
});

describe('other words', () => {
  it('capitalises a category’s plain name, and falls back to its id', () => {
    expect(categoryName({ 'social-media': 'social media' }, 'social-media')).toBe('Social media');
    expect(categoryName(undefined, 'gaming')).toBe('Gaming');
  });

  it('names each kind of change, and makes words of one it does not know', () => {
    expect(changeKindWord('exception-approved')).toBe('Exception approved');
    expect(changeKindWord('gateway-registered')).toBe('Gateway registered');
  });

  it('describes an exception’s target and scope', () => {
    expect(targetText({ kind: 'host', host: 'youtube.com' })).toBe('youtube.com');
    expect(targetText({ kind: 'category', category: 'gaming' }, { gaming: 'online games' })).toBe(
      'the category “online games”',
    );
    const name = (id: string) => (id === 'ks3' ? 'Key Stage 3' : id);
    expect(scopeText({ kind: 'group', group: 'ks3' }, name)).toBe('the Key Stage 3 group');
    expect(scopeText({ kind: 'user', user: 'jsmith' }, name)).toBe('user jsmith');
    expect(scopeText({ kind: 'class', name: '9B', users: ['a'] }, name)).toBe('class 9B (1 user)');
    expect(scopeText({ kind: 'class', name: '9B', users: ['a', 'b'] }, name)).toBe('class 9B (2 users)');
  });

  it('puts a logged decision’s rule and kind in words', () => {
    expect(ruleRefText('user-actions/gaming')).toBe('User actions matrix: gaming');
    expect(ruleRefText('communications/social-media')).toBe('Communications matrix: social-media');
    expect(ruleRefText('something-else')).toBe('something-else');
    expect(ruleRefText('mystery/x')).toBe('mystery/x');
    expect(decisionKindWord('uncategorised')).toBe('Not in any category');
  });

  it('reads usernames typed one a line or with commas, each once', () => {
    expect(parseUsernames(' amy.b\nben.c, carl.d;amy.b\n\n  dee ')).toEqual([
      'amy.b',
      'ben.c',
      'carl.d',
      'dee',
    ]);
    expect(parseUsernames('  \n , ')).toEqual([]);
  });
});

describe('filter test results', () => {
  it('counts rows neither passed nor failed as not tested', () => {
    expect(notTested({ total: 155, passed: 120, failed: 5 })).toBe(30);
    expect(notTested({ total: 3, passed: 2, failed: 2 })).toBe(0);
  });

  it('tells a failed row from one that could not be tested', () => {
    expect(rowOutcome({ ok: true, dns: 'block', proxy: 'block' })).toBe('ok');
    expect(rowOutcome({ ok: false, dns: 'allow', proxy: 'not-tested' })).toBe('failed');
    expect(rowOutcome({ ok: false, dns: 'not-tested', proxy: 'not-tested' })).toBe('not-tested');
  });

  it('reads the rows of a stored result, and nothing from one without them', () => {
    const row = {
      group: 'ks3',
      category: 'gaming',
      host: 'g.example',
      expected: 'block',
      dns: 'block',
      proxy: 'block',
      ok: true,
    };
    expect(testRows({ rows: [row, 'junk', { group: 1 }] })).toEqual([row]);
    expect(testRows({ summary: {} })).toEqual([]);
  });
});
