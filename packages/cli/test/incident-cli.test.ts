/**
 * The incident contracts through the real CLI: `haven incident recommend` on rows of both sanctions
 * matrices of the two seed schools that have them (Milford Haven, WSAPC), with and without earlier
 * warnings, its refusals (no matrix, a start that fits two rows, bad --prior), and
 * `haven incident assess-nudes` with its five criteria.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { policy } from '@haven/core';
import { afterAll, describe, expect, it } from 'vitest';
import { haven } from './run-haven.ts';

const DATA = mkdtempSync(path.join(tmpdir(), 'haven-incident-cli-'));
afterAll(() => rmSync(DATA, { recursive: true, force: true }));

const recommend = (school: string, audience: string, row: string, prior?: number) =>
  haven(DATA, [
    'incident',
    'recommend',
    '--school',
    school,
    '--audience',
    audience,
    '--row',
    row,
    ...(prior === undefined ? [] : ['--prior', String(prior)]),
    '--json',
  ]);

describe('haven incident recommend', () => {
  for (const school of ['milford-haven', 'wsapc'] as const) {
    for (const audience of ['pupil', 'staff'] as const) {
      const m =
        policy.template(school)!.matrices[audience === 'pupil' ? 'pupilSanctions' : 'staffSanctions']!;
      const continued = m.rows.find((r) => r.continuedInfringements)!;
      const marked = (r: (typeof m.rows)[number]) => m.columns.filter((c) => r.cells[c] === true);
      // Every row is checked against the seed text in core/test/incidents.test.ts; here, through the
      // CLI, the first, a middle and the last row (each CLI run costs a second of start-up).
      const sample = [m.rows[0]!, m.rows[Math.floor(m.rows.length / 2)]!, m.rows.at(-1)!];
      it(`${school} ${audience}: rows by their full label give exactly the marked columns`, {
        timeout: 60_000,
      }, async () => {
        const results = await Promise.all(sample.map((r) => recommend(school, audience, r.label)));
        results.forEach((res, i) => {
          const row = sample[i]!;
          expect(res.code, res.stderr).toBe(0);
          expect(JSON.parse(res.stdout)).toEqual({ row: row.label, actions: marked(row), escalated: false });
          expect(Object.keys(JSON.parse(res.stdout))).toEqual(['row', 'actions', 'escalated']);
        });
      });
      it(`${school} ${audience}: a prior warning adds the continued-infringements row`, {
        timeout: 60_000,
      }, async () => {
        const row = m.rows.find((r) => !r.continuedInfringements && marked(r).length < m.columns.length)!;
        const res = await recommend(school, audience, row.label.slice(0, 45), 1);
        expect(res.code, res.stderr).toBe(0);
        const union = new Set([...marked(row), ...marked(continued)]);
        expect(JSON.parse(res.stdout)).toEqual({
          row: row.label,
          actions: m.columns.filter((c) => union.has(c)),
          escalated: true,
        });
      });
    }
  }

  it('R000-117 Milford Haven: using proxy sites refers to AOLE/HoH and technical support', async () => {
    const res = await recommend('milford-haven', 'pupil', 'Using proxy sites');
    expect(JSON.parse(res.stdout)).toEqual({
      row: "Using proxy sites or other means to subvert the school's filtering system",
      actions: [
        'Refer to AOLE / HoH / Engagement team/ other',
        'Refer to technical support staff for action re filtering / security etc',
      ],
      escalated: false,
    });
  });

  it('exits 3 for a school with no sanctions matrix, quoting its stated sanctions', async () => {
    const res = await recommend('westover', 'pupil', 'anything');
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('no pupil sanctions matrix');
    expect(res.stderr).toContain('behaviour policy');
    expect((await recommend('st-john-payne', 'staff', 'anything')).code).toBe(3);
  });

  it('exits 2 naming both rows when a start fits two, and for bad arguments', async () => {
    const both = await recommend('milford-haven', 'staff', 'Deliberately accessing');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('it starts more than one row');
    expect(both.stderr).toContain('offensive or pornographic material');
    expect((await recommend('milford-haven', 'governor', 'x')).code).toBe(2);
    const prior = await recommend('milford-haven', 'pupil', 'Using proxy sites', -1);
    expect(prior.code).toBe(2);
    expect(prior.stderr).toContain('--prior');
    expect((await recommend('milford-haven', 'pupil', 'Eating lunch in the library')).stderr).toContain(
      'the rows are:',
    );
  });
});

describe('haven incident assess-nudes', () => {
  const assess = (answers: string) => haven(DATA, ['incident', 'assess-nudes', '--json', answers]);
  it('refers immediately when any criterion holds, and lists those that do', async () => {
    const none = await assess(
      '{"adultInvolved": false, "coercionOrCapacity": false, "unusualOrViolent": false, "underThirteen": false, "immediateRisk": false}',
    );
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual({ referImmediately: false, criteria: [] });
    const two = await assess(
      '{"adultInvolved": true, "coercionOrCapacity": false, "unusualOrViolent": false, "underThirteen": false, "immediateRisk": true}',
    );
    expect(JSON.parse(two.stdout)).toEqual({
      referImmediately: true,
      criteria: ['adultInvolved', 'immediateRisk'],
    });
  });
  it('refuses answers that are not JSON, not booleans, missing or unknown, naming each', async () => {
    const bad = await assess('{adultInvolved: true}');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not valid JSON');
    const wrong = await assess('{"adultInvolved": "yes", "extra": true}');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('adultInvolved');
    expect(wrong.stderr).toContain('coercionOrCapacity');
    expect(wrong.stderr).toContain('extra');
  });
});
