import type { Selectable } from 'kysely';
import type { Db, DirectoryImportsTable, IsoTimestamp } from '../db/schema.ts';
import { newId } from '../db/values.ts';

export interface DirectoryImportRun {
  id: string;
  schoolId: string;
  kind: DirectoryImportsTable['kind'];
  full: boolean;
  fileSha256: string;
  fileName: string | null;
  encoding: string;
  confirm: DirectoryImportsTable['confirm'];
  counts: Record<string, number>;
  problems: { line: number | null; field: string | null; column: string | null; reason: string }[];
  by: { accountId: string | null; label: string };
  at: IsoTimestamp;
}

const toRun = (row: Selectable<DirectoryImportsTable>): DirectoryImportRun => ({
  id: row.id,
  schoolId: row.school_id,
  kind: row.kind,
  full: row.full === 1,
  fileSha256: row.file_sha256,
  fileName: row.file_name,
  encoding: row.encoding,
  confirm: row.confirm,
  counts: JSON.parse(row.counts),
  problems: JSON.parse(row.problems),
  by: { accountId: row.by_account_id, label: row.by_label },
  at: row.at,
});

export async function recordImportRun(
  db: Db,
  run: Omit<DirectoryImportRun, 'id'>,
): Promise<DirectoryImportRun> {
  const row = await db
    .insertInto('directory_imports')
    .values({
      id: newId(),
      school_id: run.schoolId,
      kind: run.kind,
      full: run.full ? 1 : 0,
      file_sha256: run.fileSha256,
      file_name: run.fileName,
      encoding: run.encoding,
      confirm: run.confirm,
      counts: JSON.stringify(run.counts),
      problems: JSON.stringify(run.problems),
      by_account_id: run.by.accountId,
      by_label: run.by.label,
      at: run.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRun(row);
}

/** A school's import runs, newest first. */
export async function listImportRuns(db: Db, schoolId: string, limit = 50): Promise<DirectoryImportRun[]> {
  const rows = await db
    .selectFrom('directory_imports')
    .selectAll()
    .where('school_id', '=', schoolId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRun);
}
