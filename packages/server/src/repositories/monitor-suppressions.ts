import type { Db, IsoTimestamp } from '../db/schema.ts';

/** A phrase the DSL judged a false positive in a context: it raises no alert there again. */
export interface MonitorSuppression {
  phraseId: string;
  context: string;
  alertId: string | null;
  createdBy: string;
  createdAt: IsoTimestamp;
}

export const suppressionKey = (phraseId: string, context: string) => `${phraseId}\u0000${context}`;

export async function addSuppressions(db: Db, schoolId: string, rows: readonly MonitorSuppression[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('monitor_suppressions')
    .values(
      rows.map((r) => ({
        school_id: schoolId,
        phrase_id: r.phraseId,
        context: r.context,
        alert_id: r.alertId,
        created_by: r.createdBy,
        created_at: r.createdAt,
      })),
    )
    .onConflict((oc) => oc.columns(['school_id', 'phrase_id', 'context']).doNothing())
    .execute();
}

export async function listSuppressions(db: Db, schoolId: string): Promise<MonitorSuppression[]> {
  const rows = await db
    .selectFrom('monitor_suppressions')
    .selectAll()
    .where('school_id', '=', schoolId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    phraseId: r.phrase_id,
    context: r.context,
    alertId: r.alert_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}

/** The keys of a school's suppressions, for the scan. */
export async function suppressionKeys(db: Db, schoolId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('monitor_suppressions')
    .select(['phrase_id', 'context'])
    .where('school_id', '=', schoolId)
    .execute();
  return new Set(rows.map((r) => suppressionKey(r.phrase_id, r.context)));
}

export async function removeSuppression(db: Db, schoolId: string, phraseId: string, context: string) {
  const r = await db
    .deleteFrom('monitor_suppressions')
    .where('school_id', '=', schoolId)
    .where('phrase_id', '=', phraseId)
    .where('context', '=', context)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
