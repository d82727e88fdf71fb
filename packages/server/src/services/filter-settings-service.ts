import { filter } from '@haven/core';
import { inTransaction } from '../db/transaction.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import { appendChangeLog } from '../repositories/filter-change-log.ts';
import { saveStoredFilterSettings } from '../repositories/filter-settings.ts';
import type { Actor } from './actor.ts';
import { audit } from './audit.ts';
import { actorName, actorRef, filterContext, issueDetails } from './filter-common.ts';
import { authorise } from './school-service.ts';

/**
 * The school's filter settings: groups, timetable, nominations, networks, standing entries. No
 * stored row means the defaults from the approved policy. Saving validates with core's schema,
 * and writes the change to the change-control log (a summary of what changed, and each standing
 * entry added or removed with its reason) and the audit log, in one transaction.
 */

export async function getFilterSettings(haven: Haven, actor: Actor, schoolId: string) {
  await authorise(haven, actor, schoolId, 'filter', 'read');
  const ctx = await filterContext(haven, schoolId, { require: true });
  return {
    settings: ctx.settings,
    revision: ctx.revision,
    defaults: ctx.revision === 0,
    updatedAt: ctx.updatedAt,
    policyVersion: ctx.policyVersion?.version ?? null,
  };
}

/** Every filter group with its compiled rules and the clauses behind them. */
export async function getFilterGroups(haven: Haven, actor: Actor, schoolId: string) {
  await authorise(haven, actor, schoolId, 'filter', 'read');
  const ctx = await filterContext(haven, schoolId, { require: true });
  return {
    policyVersion: ctx.policyVersion?.version ?? null,
    defaultGroup: ctx.settings.defaultGroup,
    groups: filter.compileGroups(ctx.document, ctx.settings),
    unenforceable: filter.unenforceable(ctx.document),
    categories: filter.CATEGORY_LABELS,
  };
}

export interface SaveSettingsInput {
  settings: unknown;
  /** The revision being edited (0 when editing the defaults); omitted = whatever is stored. */
  revision?: number | undefined;
}

export async function saveFilterSettings(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  input: SaveSettingsInput,
) {
  await authorise(haven, actor, schoolId, 'filterSettings', 'write');
  const ctx = await filterContext(haven, schoolId, { require: true });
  const now = haven.now().toISOString();
  const name = await actorName(haven.db, actor);
  const parsed = filter.filterSettings.safeParse(stampStanding(input.settings, name, now));
  if (!parsed.success) {
    throw errors.validation(
      issueDetails(parsed.error.issues, 'settings'),
      'The filter settings are not valid.',
    );
  }
  const next = parsed.data;
  const expected = input.revision ?? ctx.revision;
  if (expected !== ctx.revision) throw staleRevision(ctx.revision);
  const diff = diffSettings(ctx.settings, next);

  return inTransaction(haven.db, async (trx) => {
    const revision = await saveStoredFilterSettings(trx, {
      schoolId,
      settings: next,
      expected,
      updatedBy: actorRef(actor),
      at: now,
    });
    if (revision === undefined) throw staleRevision(null);
    const log = { schoolId, at: now, actor: actorRef(actor), actorName: name } as const;
    if (diff.sections.length > 0) {
      await appendChangeLog(trx, {
        ...log,
        kind: 'settings-changed',
        subjectId: null,
        summary: `${name} changed the filter settings: ${diff.sections.join('; ')}.`,
        details: { revision, changed: diff.changed },
      });
    }
    for (const entry of diff.standingRemoved) {
      await appendChangeLog(trx, {
        ...log,
        kind: 'standing-removed',
        subjectId: entry.id,
        summary: `${name} removed the standing ${entry.action} entry for ${entry.host} (it was there because: ${entry.reason}).`,
        details: { revision, id: entry.id, action: entry.action, host: entry.host, reason: entry.reason },
      });
    }
    for (const entry of diff.standingAdded) {
      await appendChangeLog(trx, {
        ...log,
        kind: 'standing-added',
        subjectId: entry.id,
        summary: `${name} added a standing ${entry.action} entry for ${entry.host}: ${entry.reason}`,
        details: { revision, id: entry.id, action: entry.action, host: entry.host, reason: entry.reason },
      });
    }
    await audit(
      trx,
      actor,
      'filter.settings-saved',
      { type: 'school', id: schoolId, schoolId },
      {
        revision,
        changed: diff.changed,
        standingAdded: diff.standingAdded.map((e) => e.id),
        standingRemoved: diff.standingRemoved.map((e) => e.id),
      },
    );
    return {
      settings: next,
      revision,
      defaults: false,
      updatedAt: now,
      policyVersion: ctx.policyVersion?.version ?? null,
    };
  });
}

function staleRevision(current: number | null) {
  return errors.conflict(
    current === null
      ? 'Someone else saved the filter settings while you were editing. Reload them and make your change again.'
      : `The filter settings have changed since you loaded them (they are now at revision ${current}). Reload them and make your change again.`,
  );
}

/**
 * A standing entry sent without `by` or `at` is stamped with who saved it and when, so the web
 * app need not send them (and cannot be trusted to date them).
 */
function stampStanding(raw: unknown, by: string, at: string): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const standing = (raw as { standing?: unknown }).standing;
  if (!Array.isArray(standing)) return raw;
  return {
    ...raw,
    standing: standing.map((entry: unknown) =>
      entry && typeof entry === 'object' && !Array.isArray(entry)
        ? { ...entry, by: (entry as { by?: unknown }).by ?? by, at: (entry as { at?: unknown }).at ?? at }
        : entry,
    ),
  };
}

type Standing = filter.StandingEntry;

interface SettingsDiff {
  /** Top-level settings that changed (standing excepted: its entries are logged one by one). */
  changed: string[];
  /** The same, in words for the change log. */
  sections: string[];
  standingAdded: Standing[];
  standingRemoved: Standing[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const SECTION_WORDS: Record<string, string> = {
  timetable: 'the timetable',
  nominations: 'the nominated users',
  exceptionMaxDays: 'the longest exception allowed',
  blockMode: 'how blocked names are answered',
  networks: 'which networks belong to which group',
  defaultGroup: 'the group for unknown addresses',
};

/** What changed between two settings documents, in terms the change log can state plainly. */
export function diffSettings(before: filter.FilterSettings, after: filter.FilterSettings): SettingsDiff {
  const changed: string[] = [];
  const sections: string[] = [];
  const beforeGroups = new Map(before.groups.map((g) => [g.id, g]));
  const afterGroups = new Map(after.groups.map((g) => [g.id, g]));
  const added = after.groups.filter((g) => !beforeGroups.has(g.id)).map((g) => g.id);
  const removed = before.groups.filter((g) => !afterGroups.has(g.id)).map((g) => g.id);
  const altered = after.groups
    .filter((g) => beforeGroups.has(g.id) && !same(beforeGroups.get(g.id), g))
    .map((g) => g.id);
  const reordered = !same(
    before.groups.map((g) => g.id).filter((id) => afterGroups.has(id)),
    after.groups.map((g) => g.id).filter((id) => beforeGroups.has(id)),
  );
  if (added.length || removed.length || altered.length || reordered) {
    changed.push('groups');
    const parts = [
      added.length ? `added ${added.join(', ')}` : '',
      removed.length ? `removed ${removed.join(', ')}` : '',
      altered.length ? `changed ${altered.join(', ')}` : '',
      reordered && !added.length && !removed.length && !altered.length ? 'reordered' : '',
    ].filter(Boolean);
    sections.push(`groups (${parts.join('; ')})`);
  }
  for (const key of Object.keys(SECTION_WORDS) as (keyof typeof SECTION_WORDS)[]) {
    const k = key as keyof filter.FilterSettings;
    if (!same(before[k], after[k])) {
      changed.push(key);
      sections.push(
        key === 'exceptionMaxDays'
          ? `the longest exception allowed (${before.exceptionMaxDays} to ${after.exceptionMaxDays} days)`
          : key === 'defaultGroup'
            ? `the group for unknown addresses (${before.defaultGroup} to ${after.defaultGroup})`
            : (SECTION_WORDS[key] ?? key),
      );
    }
  }
  const key = (e: Standing) => JSON.stringify([e.id, e.action, e.host, e.reason]);
  const beforeStanding = new Set(before.standing.map(key));
  const afterStanding = new Set(after.standing.map(key));
  return {
    changed,
    sections,
    standingAdded: after.standing.filter((e) => !beforeStanding.has(key(e))),
    standingRemoved: before.standing.filter((e) => !afterStanding.has(key(e))),
  };
}
