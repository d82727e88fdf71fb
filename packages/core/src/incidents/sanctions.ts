import type { PolicyDocument, SanctionsMatrix } from '../policy/schema.ts';

/**
 * Sanctions from the school's matrices: for a pupil or a member of staff and an incident row,
 * exactly the actions the school's matrix marks for that row, in the matrix's column order and
 * with the columns' own labels; when the same person has had warnings or sanctions before, the
 * "continued infringements" row's actions are added (seed 000 and 003; R000-132, R003-148).
 */

export type SanctionsAudience = 'pupil' | 'staff';

export interface SanctionsRecommendation {
  /** The matrix row's full label, as the seed gives it. */
  row: string;
  rowId: string;
  /** The marked columns' labels, as the seed gives them. */
  actions: string[];
  /** True when prior warnings or sanctions brought in the continued-infringements row. */
  escalated: boolean;
  matrix: { key: 'pupilSanctions' | 'staffSanctions'; title: string };
  /** The continued-infringements row, when its actions were added. */
  escalatedBy: { rowId: string; row: string; actions: string[] } | null;
}

export type RowLookup =
  | { ok: true; row: SanctionsMatrix['rows'][number] }
  | { ok: false; reason: 'no-match' | 'ambiguous'; candidates: string[] };

export function sanctionsMatrixFor(
  doc: PolicyDocument,
  audience: SanctionsAudience,
): { key: 'pupilSanctions' | 'staffSanctions'; matrix: SanctionsMatrix } | null {
  const key = audience === 'pupil' ? 'pupilSanctions' : 'staffSanctions';
  const matrix = doc.matrices[key];
  return matrix ? { key, matrix } : null;
}

/** Case, runs of white space and curly quotes do not matter when a row is named. */
function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The row named by its id, its whole label, or a start of its label that only one row has.
 * Nothing is guessed: two rows starting alike is "ambiguous", with both named.
 */
export function findSanctionsRow(matrix: SanctionsMatrix, query: string): RowLookup {
  const q = normalise(query);
  if (q.length === 0) return { ok: false, reason: 'no-match', candidates: [] };
  const exact = matrix.rows.find((r) => r.id === query.trim() || normalise(r.label) === q);
  if (exact) return { ok: true, row: exact };
  const starts = matrix.rows.filter((r) => normalise(r.label).startsWith(q));
  if (starts.length === 1) return { ok: true, row: starts[0]! };
  if (starts.length > 1) return { ok: false, reason: 'ambiguous', candidates: starts.map((r) => r.label) };
  return { ok: false, reason: 'no-match', candidates: [] };
}

function marked(matrix: SanctionsMatrix, row: SanctionsMatrix['rows'][number]): string[] {
  return matrix.columns.filter((c) => row.cells[c] === true);
}

/**
 * What the matrix recommends for a row. `prior` counts earlier warnings or sanctions for the same
 * person; at one or more the continued-infringements row is added (where the matrix has one) and
 * `escalated` is true.
 */
export function recommendSanctions(
  matrixKey: 'pupilSanctions' | 'staffSanctions',
  matrix: SanctionsMatrix,
  row: SanctionsMatrix['rows'][number],
  prior = 0,
): SanctionsRecommendation {
  const own = new Set(marked(matrix, row));
  const continued = matrix.rows.find((r) => r.continuedInfringements);
  const escalate = prior >= 1 && continued !== undefined;
  if (escalate) for (const c of marked(matrix, continued)) own.add(c);
  return {
    row: row.label,
    rowId: row.id,
    // In the matrix's column order, whichever row marked them.
    actions: matrix.columns.filter((c) => own.has(c)),
    escalated: escalate,
    matrix: { key: matrixKey, title: matrix.title },
    escalatedBy:
      escalate && continued
        ? { rowId: continued.id, row: continued.label, actions: marked(matrix, continued) }
        : null,
  };
}
