import { describe, expect, it } from 'vitest';
import { formatProblems, template, validatePolicy } from '../src/policy/index.ts';

function milford(): Record<string, unknown> {
  // A plain JSON copy, as a policy file would be after parsing.
  return JSON.parse(JSON.stringify(template('milford-haven')));
}

describe('policy validation', () => {
  it('accepts every bundled template', () => {
    for (const id of ['milford-haven', 'primary-advantage', 'westover', 'wsapc', 'st-john-payne', 'blank']) {
      const result = validatePolicy(JSON.parse(JSON.stringify(template(id))));
      expect(result.ok, `${id}: ${result.ok ? '' : formatProblems(result.problems).join('; ')}`).toBe(true);
    }
  });

  it('names the path and the allowed codes for a bad communications cell', () => {
    const doc = milford() as { matrices: { communications: { rows: { cells: { pupils: string } }[] } } };
    doc.matrices.communications.rows[3]!.cells.pupils = 'MAYBE';
    const result = validatePolicy(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatProblems(result.problems)).toContain(
      'matrices.communications.rows[3].cells.pupils: must be one of A, CT, SS, SP, NA',
    );
  });

  it('refuses a code the matrix does not offer that audience', () => {
    const doc = milford() as { matrices: { communications: { rows: { cells: { staff: string } }[] } } };
    doc.matrices.communications.rows[0]!.cells.staff = 'SP';
    const result = validatePolicy(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatProblems(result.problems)[0]).toMatch(
      /^matrices\.communications\.rows\[0\]\.cells\.staff: must be one of A, CT, SS, NA/,
    );
  });

  it('lists every problem, one line each, with paths', () => {
    const doc = milford() as Record<string, any>;
    doc.school.phase = 'nursery';
    doc.review.approvals[0].on = '24/05/23';
    doc.matrices.userActions.rows[0].value = 'forbidden';
    doc.titel = 'typo';
    delete doc.title;
    const result = validatePolicy(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = formatProblems(result.problems);
    expect(lines).toEqual(
      expect.arrayContaining([
        'school.phase: must be one of primary, secondary, all-through, special, other',
        'review.approvals[0].on: must be a date written YYYY-MM-DD',
        'matrices.userActions.rows[0].value: must be one of acceptable, certain-times, nominated-users, unacceptable, illegal',
        'titel: unknown field',
        'title: is required (string)',
      ]),
    );
  });

  it('checks sanctions cells against the columns and row ids for duplicates', () => {
    const doc = milford() as Record<string, any>;
    const rows = doc.matrices.pupilSanctions.rows;
    rows[1].id = rows[0].id;
    rows[2].cells['Refer to nobody'] = true;
    const result = validatePolicy(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = formatProblems(result.problems);
    expect(lines).toContain(`matrices.pupilSanctions.rows[1].id: duplicate id "${rows[0].id}"`);
    expect(lines).toContain(
      'matrices.pupilSanctions.rows[2].cells.Refer to nobody: is not one of the matrix columns',
    );
  });

  it('rejects things that are not a policy at all without throwing', () => {
    for (const input of [null, 42, 'text', [], {}]) {
      const result = validatePolicy(input);
      expect(result.ok).toBe(false);
    }
  });
});
