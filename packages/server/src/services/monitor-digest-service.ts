import { monitor } from '@haven/core';
import { inTransaction } from '../db/transaction.ts';
import type { Haven } from '../haven.ts';
import { claimDigest, lastDigestEnd, undigestedAlertCounts } from '../repositories/monitor-alerts.ts';
import { listSchools } from '../repositories/schools.ts';
import { monitorContext } from './monitor-settings-service.ts';
import { notify } from './notification-service.ts';

/**
 * Digests: the alerts that did not go to the DSL at once (below the group's immediate threshold)
 * are gathered, every few hours as the school's settings say, into one notification and e-mail
 * that counts them by category and severity and links to the alert list. Nothing personal is in
 * it. Periods end on a fixed grid of hours, and the school and period are the key, so however
 * often this runs, and on however many servers, each period has at most one digest.
 */
export async function runAlertDigests(haven: Haven): Promise<number> {
  const now = haven.now();
  let sent = 0;
  for (const school of await listSchools(haven.db)) {
    const { settings } = await monitorContext(haven.db, school.id);
    if (settings.digestHours === 0) continue;
    const step = settings.digestHours * 3_600_000;
    const end = new Date(Math.floor(now.getTime() / step) * step).toISOString();
    const last = await lastDigestEnd(haven.db, school.id);
    if (last !== null && last >= end) continue;
    const counts = await undigestedAlertCounts(haven.db, school.id);
    const total = counts.reduce((n, c) => n + Number(c.count), 0);
    if (total === 0) continue;
    const claimed = await inTransaction(haven.db, async (trx) => {
      if (
        !(await claimDigest(trx, {
          schoolId: school.id,
          start: last ?? end,
          end,
          alerts: total,
          at: now.toISOString(),
        }))
      )
        return false;
      const byCategory = new Map<string, number>();
      for (const c of counts) byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + Number(c.count));
      const parts = [...byCategory].map(
        ([id, n]) => `${monitor.MONITOR_CATEGORIES.find((c) => c.id === id)?.label ?? id} ${n}`,
      );
      await notify(trx, {
        schoolId: school.id,
        createdAt: now.toISOString(),
        kind: 'monitor-digest',
        audience: ['dsl'],
        urgent: false,
        title: `Monitoring digest: ${total} new alert${total === 1 ? '' : 's'} to review (${parts.join(', ')})`,
        link: '/monitor/alerts',
        subjectId: null,
        email: true,
      });
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}
