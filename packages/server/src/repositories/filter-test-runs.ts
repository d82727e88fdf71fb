import type { Selectable } from 'kysely';
import type { Db, FilterTestRunsTable, IsoTimestamp } from '../db/schema.ts';
import { newId } from '../db/values.ts';
import { clampLimit } from './paging.ts';

/** One run of the annual filter test (DfE standards), as the CLI reported it. */
export interface FilterTestRun {
  id: string;
  schoolId: string;
  at: IsoTimestamp;
  runBy: string;
  runByName: string;
  result: Record<string, unknown>;
  total: number;
  passed: number;
  failed: number;
}

export type NewFilterTestRun = Omit<FilterTestRun, 'id'>;

const toRun = (row: Selectable<FilterTestRunsTable>): FilterTestRun => ({
  id: row.id,
  schoolId: row.school_id,
  at: row.at,
  runBy: row.run_by,
  runByName: row.run_by_name,
  result: JSON.parse(row.result) as Record<string, unknown>,
  total: row.total,
  passed: row.passed,
  failed: row.failed,
});

export async function createFilterTestRun(db: Db, input: NewFilterTestRun): Promise<FilterTestRun> {
  const row = await db
    .insertInto('filter_test_runs')
    .values({
      id: newId(),
      school_id: input.schoolId,
      at: input.at,
      run_by: input.runBy,
      run_by_name: input.runByName,
      result: JSON.stringify(input.result),
      total: input.total,
      passed: input.passed,
      failed: input.failed,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRun(row);
}

/** Newest first; `withResults: false` leaves the (possibly large) result documents out. */
export async function listFilterTestRuns(
  db: Db,
  schoolId: string,
  query: { limit?: number; withResults?: boolean } = {},
): Promise<FilterTestRun[]> {
  const rows = await db
    .selectFrom('filter_test_runs')
    .selectAll()
    .where('school_id', '=', schoolId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(clampLimit(query.limit))
    .execute();
  const runs = rows.map(toRun);
  return query.withResults === false ? runs.map((r) => ({ ...r, result: {} })) : runs;
}
