import { appendAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/schema.ts';
import type { Actor } from './actor.ts';

/**
 * Records one event in the hash-chained audit log. `detail` holds identifiers and outcomes only:
 * never a password, token, code, or a safeguarding narrative.
 */
export async function audit(
  db: Db,
  actor: Actor,
  action: string,
  target: { type: string; id: string | null; schoolId?: string | null } | null,
  detail: Record<string, string | number | boolean | null | string[]> = {},
): Promise<void> {
  await appendAudit(db, {
    schoolId: target?.schoolId ?? actor.schoolId,
    actorAccountId: actor.accountId,
    actorLabel: actor.label,
    action,
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    detail,
    ip: actor.ip,
  });
}
