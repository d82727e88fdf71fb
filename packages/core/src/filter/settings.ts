import { z } from 'zod';
import { keyStageOf } from '../policy/key-stages.ts';
import type { KeyStage, PolicyDocument } from '../policy/schema.ts';
import { keyStage } from '../policy/schema.ts';
import { parseCidr } from './network.ts';
import { YOUTUBE_MODES } from './safe-search.ts';
import { defaultTimetable, timetable } from './timetable.ts';

/**
 * What a school sets for its filter beside the policy: its groups, timetable, the users
 * nominated on "nominated users" rows, standing allow and block entries, and which networks
 * belong to which group. The policy decides what each group may reach; these settings say who
 * is in which group and when lessons are.
 *
 * Nothing here can touch the illegal-content lists: there is no field for it, and a settings
 * file that tries (an unknown key) is refused.
 */

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens');
const text = z.string().trim().min(1, 'must not be empty');
const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9-]{1,63}$/,
    'must be a host name',
  );

export const FILTER_AUDIENCES = ['staff', 'pupils', 'guests'] as const;
export type FilterAudience = (typeof FILTER_AUDIENCES)[number];

export const filterGroup = z.strictObject({
  id: slug,
  name: text,
  audience: z.enum(FILTER_AUDIENCES),
  keyStages: z.array(keyStage).default([]),
  safeSearch: z.boolean(),
  youtube: z.enum(YOUTUBE_MODES),
});
export type FilterGroup = z.output<typeof filterGroup>;

/** Users and groups nominated on a "nominated users" (SS) row. */
export const nomination = z.strictObject({
  /** `user-actions/<row id>` or `communications/<row id>`. */
  row: z
    .string()
    .regex(
      /^(user-actions|communications)\/[a-z0-9-]+$/,
      'must be user-actions/<row> or communications/<row>',
    ),
  groups: z.array(slug).default([]),
  users: z.array(text).default([]),
  /** Why these users (the policy sentence behind a default, or the school's own reason). */
  reason: z.string().optional(),
});
export type Nomination = z.output<typeof nomination>;

export const standingEntry = z.strictObject({
  id: slug,
  action: z.enum(['allow', 'block']),
  host: hostName,
  reason: text,
  by: text,
  at: z.iso.datetime({ offset: true }),
});
export type StandingEntry = z.output<typeof standingEntry>;

export const networkMapping = z.strictObject({
  cidr: z.string().refine((s) => parseCidr(s) !== null, 'must be an address or a network like 10.1.0.0/16'),
  group: slug,
  site: slug.optional(),
  note: z.string().optional(),
});

export const filterSettings = z
  .strictObject({
    groups: z.array(filterGroup).min(1, 'must have at least one group'),
    timetable,
    nominations: z.array(nomination).default([]),
    /** The longest an exception may run, in days (the policy's cap on a "period of study"). */
    exceptionMaxDays: z.number().int().min(1).max(366).default(28),
    /** How a blocked name is answered over DNS: the block page's address, or NXDOMAIN. */
    blockMode: z.enum(['address', 'nxdomain']).default('address'),
    networks: z.array(networkMapping).default([]),
    /** The group for an address no network names. */
    defaultGroup: slug,
    standing: z.array(standingEntry).default([]),
  })
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    s.groups.forEach((g, i) => {
      if (ids.has(g.id))
        ctx.addIssue({ code: 'custom', path: ['groups', i, 'id'], message: `duplicate group "${g.id}"` });
      ids.add(g.id);
    });
    const known = (id: string) => ids.has(id);
    if (!known(s.defaultGroup))
      ctx.addIssue({ code: 'custom', path: ['defaultGroup'], message: `no group "${s.defaultGroup}"` });
    s.networks.forEach((n, i) => {
      if (!known(n.group))
        ctx.addIssue({ code: 'custom', path: ['networks', i, 'group'], message: `no group "${n.group}"` });
    });
    s.nominations.forEach((n, i) => {
      n.groups.forEach((g, j) => {
        if (!known(g))
          ctx.addIssue({ code: 'custom', path: ['nominations', i, 'groups', j], message: `no group "${g}"` });
        else if (s.groups.find((x) => x.id === g)?.audience === 'guests')
          ctx.addIssue({
            code: 'custom',
            path: ['nominations', i, 'groups', j],
            message: 'guests cannot be nominated users',
          });
      });
    });
    const standingIds = new Set<string>();
    s.standing.forEach((e, i) => {
      if (standingIds.has(e.id))
        ctx.addIssue({ code: 'custom', path: ['standing', i, 'id'], message: `duplicate id "${e.id}"` });
      standingIds.add(e.id);
    });
  });
export type FilterSettings = z.output<typeof filterSettings>;
export type FilterSettingsInput = z.input<typeof filterSettings>;

const KEY_STAGE_NAMES: Record<KeyStage, string> = {
  eyfs: 'Early years',
  ks1: 'Key Stage 1',
  ks2: 'Key Stage 2',
  ks3: 'Key Stage 3',
  ks4: 'Key Stage 4',
  'sixth-form': 'Sixth form',
};

/**
 * Groups from the school's phase: one pupil group per key stage it teaches (Reception joins
 * Key Stage 1), then staff and guests. Younger pupils get strict YouTube; everyone but staff
 * gets enforced safe search.
 */
export function defaultGroups(policy: PolicyDocument): FilterGroup[] {
  const stages = policy.school.keyStages;
  const pupilGroups: FilterGroup[] = [];
  for (const ks of stages) {
    if (ks === 'eyfs') continue;
    const withReception = ks === 'ks1' && stages.includes('eyfs');
    pupilGroups.push({
      id: ks,
      name: withReception ? 'Key Stage 1 and Reception' : KEY_STAGE_NAMES[ks],
      audience: 'pupils',
      keyStages: withReception ? ['eyfs', 'ks1'] : [ks],
      safeSearch: true,
      youtube: ks === 'ks1' || ks === 'ks2' ? 'strict' : 'moderate',
    });
  }
  if (stages.includes('eyfs') && !stages.includes('ks1')) {
    pupilGroups.unshift({
      id: 'eyfs',
      name: KEY_STAGE_NAMES.eyfs,
      audience: 'pupils',
      keyStages: ['eyfs'],
      safeSearch: true,
      youtube: 'strict',
    });
  }
  return [
    ...pupilGroups,
    { id: 'staff', name: 'Staff', audience: 'staff', keyStages: [], safeSearch: false, youtube: 'off' },
    {
      id: 'guests',
      name: 'Guests',
      audience: 'guests',
      keyStages: [],
      safeSearch: true,
      youtube: 'moderate',
    },
  ];
}

/**
 * Default nominations: where a "nominated users" row meets a filtering sentence of the policy
 * that makes the same category acceptable for an audience (WSAPC: staff may use private social
 * media; the matrix says social media is for nominated users), that audience's groups are the
 * nominated users, with the sentence as the reason.
 */
export function defaultNominations(policy: PolicyDocument, groups: readonly FilterGroup[]) {
  const out: Nomination[] = [];
  for (const row of policy.matrices.userActions?.rows ?? []) {
    if (row.value !== 'nominated-users') continue;
    const rules = policy.proseRules.filter(
      (r) =>
        r.kind === 'filtering' &&
        r.value === 'acceptable' &&
        r.categories.some((c) => row.categories.includes(c)) &&
        (r.audience === 'staff' || r.audience === 'pupils'),
    );
    const nominated = new Set<string>();
    for (const r of rules) for (const g of groups) if (g.audience === r.audience) nominated.add(g.id);
    if (nominated.size > 0)
      out.push({
        row: `user-actions/${row.id}`,
        groups: [...nominated],
        users: [],
        reason: rules.map((r) => r.source.quote).join(' '),
      });
  }
  return out;
}

export function defaultFilterSettings(policy: PolicyDocument): FilterSettings {
  const groups = defaultGroups(policy);
  return filterSettings.parse({
    groups,
    timetable: defaultTimetable(policy.school.timeZone),
    nominations: defaultNominations(policy, groups),
    defaultGroup: groups.find((g) => g.audience === 'guests')?.id ?? groups[0]!.id,
  } satisfies FilterSettingsInput);
}

/** Who someone is, as far as choosing their filter group goes. */
export interface GroupMember {
  kind: 'pupil' | 'staff' | 'parent' | 'governor' | 'visitor' | 'other' | null;
  yearGroup: string | null;
  /** Account grants; used when the account is not linked to a person in the directory. */
  grants: readonly string[];
}

const STAFF_GRANTS = new Set([
  'school-admin',
  'headteacher',
  'dsl',
  'online-safety-lead',
  'network-manager',
  'staff',
]);

/**
 * The filter group for a signed-in person: a pupil's key stage group (by year group), the first
 * staff group for staff, the first guests group for everyone else (parents, governors, visitors
 * follow the guest rules). Null where the school has no group that fits: the address's group
 * then stands, so a sign-in never widens access by accident.
 */
export function groupForMember(settings: FilterSettings, m: GroupMember): string | null {
  const first = (audience: FilterAudience) =>
    settings.groups.find((g) => g.audience === audience)?.id ?? null;
  if (m.kind === 'pupil') {
    const ks = m.yearGroup ? keyStageOf(m.yearGroup) : null;
    if (!ks) return null;
    return settings.groups.find((g) => g.audience === 'pupils' && g.keyStages.includes(ks))?.id ?? null;
  }
  if (m.kind === 'staff') return first('staff');
  if (m.kind === null) return m.grants.some((g) => STAFF_GRANTS.has(g)) ? first('staff') : first('guests');
  return first('guests');
}
