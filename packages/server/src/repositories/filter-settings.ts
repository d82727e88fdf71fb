import type { Db, IsoTimestamp } from '../db/schema.ts';

/**
 * A school's stored settings, as saved, in revisions: the filter's (`filter_settings`; validate
 * with core's `filterSettings` before use) and monitoring's (`monitor_settings`, core's
 * `monitorSettings`). Both tables have the same shape.
 */
export type SettingsTable = 'filter_settings' | 'monitor_settings';

export interface StoredFilterSettings {
  schoolId: string;
  settings: unknown;
  revision: number;
  updatedAt: IsoTimestamp;
  updatedBy: string;
}

export async function getStoredFilterSettings(
  db: Db,
  schoolId: string,
  table: SettingsTable = 'filter_settings',
): Promise<StoredFilterSettings | undefined> {
  const row = await db.selectFrom(table).selectAll().where('school_id', '=', schoolId).executeTakeFirst();
  return (
    row && {
      schoolId: row.school_id,
      settings: JSON.parse(row.settings),
      revision: row.revision,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    }
  );
}

/**
 * Saves the settings as the next revision, but only if the stored revision is still `expected`
 * (0 = nothing stored yet): two people editing at once cannot silently overwrite each other.
 * Returns the new revision, or undefined when someone else saved first.
 */
export async function saveStoredFilterSettings(
  db: Db,
  input: { schoolId: string; settings: unknown; expected: number; updatedBy: string; at: IsoTimestamp },
  table: SettingsTable = 'filter_settings',
): Promise<number | undefined> {
  const text = JSON.stringify(input.settings);
  const revision = input.expected + 1;
  if (input.expected === 0) {
    const inserted = await db
      .insertInto(table)
      .values({
        school_id: input.schoolId,
        settings: text,
        revision,
        updated_at: input.at,
        updated_by: input.updatedBy,
      })
      .onConflict((oc) => oc.column('school_id').doNothing())
      .returning('revision')
      .executeTakeFirst();
    return inserted ? revision : undefined;
  }
  const updated = await db
    .updateTable(table)
    .set({ settings: text, revision, updated_at: input.at, updated_by: input.updatedBy })
    .where('school_id', '=', input.schoolId)
    .where('revision', '=', input.expected)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n ? revision : undefined;
}
