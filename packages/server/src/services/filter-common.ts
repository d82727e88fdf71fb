import { filter, policy } from '@haven/core';
import type { z } from 'zod';
import type { Db } from '../db/schema.ts';
import type { Haven } from '../haven.ts';
import { type ErrorDetail, errors } from '../http/errors.ts';
import { getAccountById } from '../repositories/accounts.ts';
import { getStoredFilterSettings } from '../repositories/filter-settings.ts';
import { getSchoolById, type School } from '../repositories/schools.ts';
import type { Actor } from './actor.ts';
import { currentPolicy } from './school-service.ts';

/*
 * What the filter services share: who an actor is in the change log, the school's policy and
 * settings as the filter sees them, and plain wording for targets, scopes and times.
 */

/** How an actor is stored in `requested_by`, `decided_by`, the change log: the account id, else the label. */
export const actorRef = (actor: Actor): string => actor.accountId ?? actor.label;

/** The name the change log shows: the account's display name, else the label (`system`, a gateway). */
export async function actorName(db: Db, actor: Actor): Promise<string> {
  if (!actor.accountId) return actor.label;
  return (await getAccountById(db, actor.accountId))?.displayName ?? actor.label;
}

/** zod issues as error details, with a prefix naming where the value was sent (`settings`). */
export function issueDetails(issues: readonly z.core.$ZodIssue[], prefix: string): ErrorDetail[] {
  return issues.slice(0, 100).map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    reason: issue.message,
  }));
}

/** What the filter follows for a school: its approved policy (or none yet) and its settings. */
export interface FilterContext {
  school: School;
  /** The approved version, or null when none is approved yet. */
  policyVersion: { id: string; version: number } | null;
  document: policy.PolicyDocument;
  settings: filter.FilterSettings;
  /** 0 while the school uses the defaults (nothing stored). */
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

/**
 * The school's filter context. With no approved policy, `require: true` refuses (409); otherwise
 * Haven's blank policy stands in, so a gateway still blocks the baseline categories and the
 * illegal lists rather than nothing.
 */
export async function filterContext(
  haven: Haven,
  schoolId: string,
  options: { require: boolean },
): Promise<FilterContext> {
  const school = await getSchoolById(haven.db, schoolId);
  if (!school) throw errors.notFound('That school');
  const current = await currentPolicy(haven, schoolId);
  if (!current && options.require) throw errors.noApprovedPolicy();
  const document = current?.document ?? policy.template('blank');
  if (!document) throw new Error('Haven has no blank policy template to fall back on.');
  const stored = await getStoredFilterSettings(haven.db, schoolId);
  let settings: filter.FilterSettings;
  if (stored) {
    const parsed = filter.filterSettings.safeParse(stored.settings);
    // Settings were validated before they were saved; failing here means the schema moved.
    if (!parsed.success) {
      throw new Error(
        `Stored filter settings of school ${schoolId} no longer validate: ${parsed.error.message}`,
      );
    }
    settings = parsed.data;
  } else {
    settings = filter.defaultFilterSettings(document);
  }
  return {
    school,
    policyVersion: current ? { id: current.version.id, version: current.version.version } : null,
    document,
    settings,
    revision: stored?.revision ?? 0,
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
  };
}

/** An instant as the school reads it: `23 Nov 2026, 09:00`. */
export function formatInstant(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function describeTarget(target: filter.ExceptionTarget): string {
  return target.kind === 'host'
    ? target.host
    : `the category "${filter.CATEGORY_LABELS[target.category] ?? target.category}"`;
}

/**
 * Who an exception covers, in words fit for the change log: a group by name, a user by username
 * (the log needs who), a class by its name and size (never its members).
 */
export function describeScope(scope: filter.ExceptionScope, settings: filter.FilterSettings): string {
  switch (scope.kind) {
    case 'group': {
      const name = settings.groups.find((g) => g.id === scope.group)?.name ?? scope.group;
      return `the ${name} group`;
    }
    case 'user':
      return `user ${scope.user}`;
    case 'class':
      return `class ${scope.name} (${scope.users.length} ${scope.users.length === 1 ? 'user' : 'users'})`;
  }
}

/** Strict ISO-8601 UTC with milliseconds, as every timestamp is stored. */
export const toStoredInstant = (value: string | Date): string => new Date(value).toISOString();
