import type { PolicyDocument } from './schema.ts';

/** The matrix names the CLI and API accept, and the document keys behind them. */
export const MATRIX_NAMES = {
  communications: 'communications',
  'user-actions': 'userActions',
  devices: 'devices',
  'pupil-sanctions': 'pupilSanctions',
  'staff-sanctions': 'staffSanctions',
} as const;
export type MatrixName = keyof typeof MATRIX_NAMES;

export function isMatrixName(name: string): name is MatrixName {
  return Object.hasOwn(MATRIX_NAMES, name);
}

export type MatrixCells = Record<string, string | boolean | null>;

/**
 * The stable JSON shape of one matrix (`haven policy matrix --json`, the API and the web app):
 * `columns` are the keys of every row's `cells`, in the seed's order; `columnLabels` give the
 * seed's header for each key where it differs.
 */
export interface MatrixView {
  matrix: MatrixName;
  title: string;
  columns: string[];
  columnLabels: Record<string, string>;
  legend: Record<string, string>;
  rows: {
    id: string;
    label: string;
    group?: string;
    cells: MatrixCells;
    /** Where the seed leaves a row blank under a marked heading: the heading's value, which applies. */
    inherited?: string;
    source: PolicyDocument['review']['source'];
  }[];
}

/** The matrix as a view, or null where the policy has no such matrix. */
export function matrixView(policy: PolicyDocument, name: MatrixName): MatrixView | null {
  const m = policy.matrices;
  switch (name) {
    case 'communications': {
      const c = m.communications;
      if (!c) return null;
      return {
        matrix: name,
        title: c.title,
        columns: ['staff', 'pupils'],
        columnLabels: { staff: c.audiences.staff.label, pupils: c.audiences.pupils.label },
        legend: { ...c.legend },
        rows: c.rows.map((r) => ({ id: r.id, label: r.label, cells: { ...r.cells }, source: r.source })),
      };
    }
    case 'user-actions': {
      const u = m.userActions;
      if (!u) return null;
      return {
        matrix: name,
        title: u.title,
        columns: ['value'],
        columnLabels: { value: 'Value' },
        legend: { ...u.columns },
        rows: u.rows.map((r) => ({
          id: r.id,
          label: r.label,
          ...(r.group === undefined ? {} : { group: r.group }),
          cells: { value: r.value },
          ...(r.value === null && r.parent !== undefined
            ? { inherited: effectiveUserAction(policy, r.id) ?? undefined }
            : {}),
          source: r.source,
        })),
      };
    }
    case 'devices':
    case 'pupil-sanctions':
    case 'staff-sanctions': {
      const t =
        name === 'devices' ? m.devices : name === 'pupil-sanctions' ? m.pupilSanctions : m.staffSanctions;
      if (!t) return null;
      return {
        matrix: name,
        title: t.title,
        columns: [...t.columns],
        columnLabels: Object.fromEntries(t.columns.map((c) => [c, c])),
        legend: {},
        rows: t.rows.map((r) => ({ id: r.id, label: r.label, cells: { ...r.cells }, source: r.source })),
      };
    }
  }
}

/** The matrices a policy has, by CLI name. */
export function matricesOf(policy: PolicyDocument): MatrixName[] {
  return (Object.keys(MATRIX_NAMES) as MatrixName[]).filter((n) => matrixView(policy, n) !== null);
}

/** The user-actions value that applies to a row: its own, or its parent's where its cells are blank. */
export function effectiveUserAction(policy: PolicyDocument, rowId: string) {
  const rows = policy.matrices.userActions?.rows ?? [];
  let row = rows.find((r) => r.id === rowId);
  const seen = new Set<string>();
  while (row && row.value === null && row.parent !== undefined && !seen.has(row.id)) {
    seen.add(row.id);
    const parentId: string = row.parent;
    row = rows.find((r) => r.id === parentId);
  }
  return row?.value ?? null;
}
