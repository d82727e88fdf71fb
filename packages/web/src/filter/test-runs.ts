import type { FilterTestRow, FilterTestRun } from './types.ts';

/** Rows neither passed nor failed: those with no list entry to test. */
export function notTested(run: Pick<FilterTestRun, 'total' | 'passed' | 'failed'>): number {
  return Math.max(0, run.total - run.passed - run.failed);
}

/** A filter test row's outcome: agrees with the policy, disagrees, or could not be tested. */
export function rowOutcome(row: Pick<FilterTestRow, 'ok' | 'dns' | 'proxy'>): 'ok' | 'failed' | 'not-tested' {
  if (row.ok) return 'ok';
  return row.dns === 'not-tested' && row.proxy === 'not-tested' ? 'not-tested' : 'failed';
}

/** The rows a stored result holds, read defensively: it is whatever the CLI posted. */
export function testRows(result: Record<string, unknown>): FilterTestRow[] {
  const rows = result.rows;
  if (!Array.isArray(rows)) return [];
  return rows.filter(
    (r): r is FilterTestRow =>
      typeof r === 'object' &&
      r !== null &&
      typeof (r as FilterTestRow).group === 'string' &&
      typeof (r as FilterTestRow).category === 'string',
  );
}
