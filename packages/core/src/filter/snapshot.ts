import { z } from 'zod';
import type { PolicyDocument } from '../policy/schema.ts';
import { categoryId } from './categories.ts';
import { categoryRule, compileGroups } from './compile.ts';
import { type FilterSettings, filterGroup, networkMapping, standingEntry } from './settings.ts';
import { timetable } from './timetable.ts';

/**
 * The policy snapshot: everything a gateway needs to decide, compiled by the server and pulled
 * by gateways (the first of the two contracts between them). Versioned; a gateway refuses a
 * format it does not know rather than guess.
 *
 * The illegal-content lists are not in it: a gateway loads them from the files the site is
 * licensed to hold and checks them before anything in here.
 */

export const SNAPSHOT_FORMAT = 'haven-filter-snapshot';
export const SNAPSHOT_VERSION = 1;

const instant = z.iso.datetime({ offset: true });

export const exceptionTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('host'), host: z.string().min(1) }),
  z.strictObject({ kind: z.literal('category'), category: categoryId }),
]);
export type ExceptionTarget = z.infer<typeof exceptionTarget>;

export const exceptionScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('group'), group: z.string().min(1) }),
  z.strictObject({ kind: z.literal('user'), user: z.string().min(1) }),
  z.strictObject({
    kind: z.literal('class'),
    name: z.string().min(1),
    users: z.array(z.string().min(1)).min(1),
  }),
]);
export type ExceptionScope = z.infer<typeof exceptionScope>;

/** An approved exception as gateways see it. */
export const activeException = z.strictObject({
  id: z.string(),
  target: exceptionTarget,
  scope: exceptionScope,
  from: instant,
  until: instant,
  reason: z.string(),
  approvedBy: z.string(),
});
export type ActiveException = z.infer<typeof activeException>;

export const filterSnapshot = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  school: z.strictObject({ id: z.string(), name: z.string() }),
  /** The approved policy version compiled, or null where the school has none approved yet. */
  policyVersion: z.number().int().nullable(),
  generatedAt: instant,
  /** Changes whenever anything a decision depends on changes; gateways compare it to skip work. */
  etag: z.string(),
  timetable,
  groups: z.array(filterGroup.extend({ rules: z.record(z.string(), categoryRule) })),
  defaultGroup: z.string(),
  blockMode: z.enum(['address', 'nxdomain']),
  networks: z.array(networkMapping),
  /** Addresses a sign-in has associated with a user, until the association ends. */
  addressUsers: z.array(
    z.strictObject({
      address: z.string(),
      user: z.string(),
      group: z.string(),
      until: instant,
      /**
       * Set when the user has not signed what their role requires and the school's rule is
       * "sign first": where they sign (Haven's agreements page). Everything else is blocked with
       * a link to it until they do.
       */
      signAt: z.url().optional(),
    }),
  ),
  standing: z.array(standingEntry),
  exceptions: z.array(activeException),
});
export type FilterSnapshot = z.infer<typeof filterSnapshot>;

export interface SnapshotInputs {
  school: { id: string; name: string };
  policy: PolicyDocument;
  policyVersion: number | null;
  settings: FilterSettings;
  exceptions: readonly ActiveException[];
  addressUsers?: FilterSnapshot['addressUsers'];
  generatedAt: Date;
}

/** A stable fingerprint of a JSON value (FNV-1a over its text): equal inputs, equal etags. */
export function fingerprint(value: unknown): string {
  const s = JSON.stringify(value);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`;
}

export function buildSnapshot(input: SnapshotInputs): FilterSnapshot {
  const body = {
    school: input.school,
    policyVersion: input.policyVersion,
    timetable: input.settings.timetable,
    groups: compileGroups(input.policy, input.settings) as FilterSnapshot['groups'],
    defaultGroup: input.settings.defaultGroup,
    blockMode: input.settings.blockMode,
    networks: input.settings.networks,
    addressUsers: input.addressUsers ?? [],
    standing: input.settings.standing,
    exceptions: [...input.exceptions],
  };
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    generatedAt: input.generatedAt.toISOString(),
    etag: fingerprint(body),
    ...body,
  };
}
