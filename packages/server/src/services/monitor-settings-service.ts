import { monitor } from '@haven/core';
import type { Db } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import { getStoredFilterSettings, saveStoredFilterSettings } from '../repositories/filter-settings.ts';
import type { Actor } from './actor.ts';
import { audit } from './audit.ts';
import { actorRef, filterContext, issueDetails } from './filter-common.ts';
import { authorise } from './school-service.ts';

/**
 * A school's monitoring settings: its changes to the phrase library (added, disabled, re-graded),
 * alert thresholds by filter group, how often a digest gathers the alerts not sent at once, and
 * when the daily summary is made and for whom. No stored row means Haven's defaults.
 */

export interface MonitorContext {
  settings: monitor.MonitorSettings;
  /** 0 while the school uses the defaults. */
  revision: number;
  updatedAt: string | null;
}

export async function monitorContext(db: Db, schoolId: string): Promise<MonitorContext> {
  const stored = await getStoredFilterSettings(db, schoolId, 'monitor_settings');
  if (!stored) return { settings: monitor.DEFAULT_MONITOR_SETTINGS, revision: 0, updatedAt: null };
  const parsed = monitor.monitorSettings.safeParse(stored.settings);
  // Validated before it was saved; failing here means the schema moved under stored data.
  if (!parsed.success)
    throw new Error(
      `Stored monitor settings of school ${schoolId} no longer validate: ${parsed.error.message}`,
    );
  return { settings: parsed.data, revision: stored.revision, updatedAt: stored.updatedAt };
}

const matchers = new Map<string, { key: string; matcher: monitor.PhraseMatcher }>();

/** The school's library as its settings change it, compiled once per revision. */
export function schoolMatcher(schoolId: string, ctx: MonitorContext): monitor.PhraseMatcher {
  const key = `${ctx.revision}:${ctx.updatedAt}`;
  const cached = matchers.get(schoolId);
  if (cached?.key === key) return cached.matcher;
  const matcher = new monitor.PhraseMatcher(monitor.schoolPhrases(monitor.phraseChanges(ctx.settings)));
  matchers.set(schoolId, { key, matcher });
  return matcher;
}

/** Every phrase as the school's monitoring uses it, for the settings page and for parents. */
export function phraseList(settings: monitor.MonitorSettings) {
  const used = new Map(monitor.schoolPhrases(monitor.phraseChanges(settings)).map((p) => [p.id, p]));
  const all = [...monitor.basePhrases(), ...[...used.values()].filter((p) => p.language === 'school')];
  return all.map((p) => {
    const live = used.get(p.id);
    return {
      id: p.id,
      category: p.category,
      language: p.language,
      text: p.text,
      severity: live?.severity ?? p.severity,
      librarySeverity: p.severity,
      enabled: live !== undefined,
    };
  });
}

export async function getMonitorSettings(haven: Haven, actor: Actor, schoolId: string) {
  await authorise(haven, actor, schoolId, 'monitorSettings', 'read');
  const ctx = await monitorContext(haven.db, schoolId);
  const filterCtx = await filterContext(haven, schoolId, { require: false });
  return {
    settings: ctx.settings,
    revision: ctx.revision,
    defaults: ctx.revision === 0,
    updatedAt: ctx.updatedAt,
    libraryVersion: monitor.LIBRARY_VERSION,
    groups: filterCtx.settings.groups.map((g) => ({ id: g.id, name: g.name })),
    phrases: phraseList(ctx.settings),
  };
}

export async function saveMonitorSettings(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  input: { settings: unknown; revision?: number | undefined },
) {
  await authorise(haven, actor, schoolId, 'monitorSettings', 'write');
  const parsed = monitor.monitorSettings.safeParse(input.settings);
  if (!parsed.success)
    throw errors.validation(
      issueDetails(parsed.error.issues, 'settings'),
      'The monitoring settings are not valid.',
    );
  const next = parsed.data;
  const { settings: groups } = await filterContext(haven, schoolId, { require: false });
  const known = new Set(groups.groups.map((g) => g.id));
  const unknownGroups = Object.keys(next.thresholds).filter((g) => !known.has(g));
  if (unknownGroups.length > 0)
    throw errors.validation(
      unknownGroups.map((g) => ({ path: `settings.thresholds.${g}`, reason: 'no filter group has this id' })),
      'The monitoring settings are not valid.',
    );
  const libraryIds = new Set(monitor.basePhrases().map((p) => p.id));
  const badIds = next.phrases.flatMap((c, i) =>
    c.op !== 'add' && !libraryIds.has(c.id) && !c.id.startsWith('school:')
      ? [{ path: `settings.phrases.${i}.id`, reason: 'no phrase of the library has this id' }]
      : [],
  );
  if (badIds.length > 0) throw errors.validation(badIds, 'The monitoring settings are not valid.');
  const current = await monitorContext(haven.db, schoolId);
  const expected = input.revision ?? current.revision;
  const stale = () =>
    errors.conflict(
      'The monitoring settings have changed since you loaded them. Reload them and make your change again.',
    );
  if (expected !== current.revision) throw stale();
  const at = haven.now().toISOString();
  return inTransaction(haven.db, async (trx) => {
    const revision = await saveStoredFilterSettings(
      trx,
      { schoolId, settings: next, expected, updatedBy: actorRef(actor), at },
      'monitor_settings',
    );
    if (revision === undefined) throw stale();
    await audit(
      trx,
      actor,
      'monitor.settings-changed',
      { type: 'school', id: schoolId, schoolId },
      {
        revision,
        phraseChanges: next.phrases.length,
        thresholds: Object.keys(next.thresholds).length,
        digestHours: next.digestHours,
        summaryTime: next.summaryTime,
      },
    );
    return { settings: next, revision, defaults: false, updatedAt: at };
  });
}
