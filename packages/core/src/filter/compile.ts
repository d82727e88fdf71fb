import { z } from 'zod';
import { effectiveUserAction } from '../policy/matrix-view.ts';
import type { CommunicationCode, PolicyDocument, UserActionValue } from '../policy/schema.ts';
import {
  BASELINE_BLOCKED,
  CATEGORY_IDS,
  type CategoryId,
  categoryId,
  ILLEGAL_CATEGORIES,
} from './categories.ts';
import type { FilterAudience, FilterGroup, FilterSettings } from './settings.ts';

/**
 * The policy → rules compiler. For each filter group and each category, every statement of the
 * policy that speaks to it (a user-actions row for all users, the communications row's column
 * for the group's audience, a filtering sentence for the audience) becomes an effect; the most
 * restrictive governs and the others are kept as citations, so every decision can name the
 * clause behind it and the clauses it overrode.
 */

/** From least to most restrictive; the order is what "the more restrictive governs" compares. */
export const EFFECTS = [
  'allow',
  'outside-lessons',
  'staff-permission',
  'nominated',
  'block',
  'illegal',
] as const;
export type Effect = (typeof EFFECTS)[number];
export const effect = z.enum(EFFECTS);

export const RESTRICTIVENESS: Record<Effect, number> = {
  allow: 0,
  'outside-lessons': 1,
  'staff-permission': 2,
  nominated: 3,
  block: 4,
  illegal: 5,
};

export const citation = z.strictObject({
  /** Which part of the policy: a matrix, a prose rule, or Haven's own baseline. */
  source: z.enum(['user-actions', 'communications', 'prose-rules', 'baseline']),
  /** Row or rule id; for the baseline, the category. */
  id: z.string(),
  /** The row label as the seed gives it; for a prose rule, our statement of it. */
  label: z.string(),
  /** The value as the policy marks it: a user-actions value, a communications code. */
  value: z.string(),
  /** The communications column read (staff or pupils). */
  column: z.enum(['staff', 'pupils']).optional(),
  effect,
  section: z.string().optional(),
  line: z.number().int().optional(),
  quote: z.string().optional(),
  /** What the policy excepts from the rule, in its words. */
  except: z.string().optional(),
});
export type Citation = z.infer<typeof citation>;

export const categoryRule = z.strictObject({
  category: categoryId,
  effect,
  /** The statement whose effect governs (the most restrictive); null only for the illegal lists. */
  governing: citation,
  /** Every statement that speaks to this category for this group, governing first. */
  citations: z.array(citation),
  /** For `nominated`: who is nominated on the governing row. */
  nominated: z.strictObject({ groups: z.array(z.string()), users: z.array(z.string()) }).optional(),
});
export type CategoryRule = z.infer<typeof categoryRule>;

const UA_EFFECT: Record<UserActionValue, Effect> = {
  acceptable: 'allow',
  'certain-times': 'outside-lessons',
  'nominated-users': 'nominated',
  unacceptable: 'block',
  illegal: 'illegal',
};
const COMMS_EFFECT: Record<CommunicationCode, Effect> = {
  A: 'allow',
  CT: 'outside-lessons',
  SS: 'nominated',
  SP: 'staff-permission',
  NA: 'block',
};

const AUDIENCE_OF_PROSE: Record<string, FilterAudience[]> = {
  'all-users': ['staff', 'pupils', 'guests'],
  staff: ['staff'],
  pupils: ['pupils'],
  guests: ['guests'],
  visitors: ['guests'],
  'community-users': ['guests'],
  parents: [],
};

interface Statement {
  category: CategoryId;
  citation: Citation;
}

/** Every statement of the policy that speaks to a category for one audience. */
export function statementsFor(policy: PolicyDocument, audience: FilterAudience): Statement[] {
  const out: Statement[] = [];
  const ua = policy.matrices.userActions;
  for (const row of ua?.rows ?? []) {
    const value = effectiveUserAction(policy, row.id);
    if (value === null) continue;
    for (const category of row.categories) {
      out.push({
        category,
        citation: {
          source: 'user-actions',
          id: row.id,
          label: row.label,
          value,
          effect: UA_EFFECT[value],
          section: row.source.section,
          ...(row.source.line === undefined ? {} : { line: row.source.line }),
        },
      });
    }
  }
  const comms = policy.matrices.communications;
  const column = audience === 'pupils' ? 'pupils' : 'staff';
  for (const row of comms?.rows ?? []) {
    const code = row.cells[column];
    if (code === null) continue;
    // Guests follow the staff column but hold no nominated-user rights.
    const eff: Effect = audience === 'guests' && code === 'SS' ? 'block' : COMMS_EFFECT[code];
    for (const category of row.categories) {
      out.push({
        category,
        citation: {
          source: 'communications',
          id: row.id,
          label: row.label,
          value: code,
          column,
          effect: eff,
          section: row.source.section,
          ...(row.source.line === undefined ? {} : { line: row.source.line }),
        },
      });
    }
  }
  // Only filtering sentences compile into filter rules: conduct and communication sentences
  // (how staff behave on social media) govern behaviour, not what the network lets through.
  for (const rule of policy.proseRules) {
    if (rule.kind !== 'filtering') continue;
    if (!AUDIENCE_OF_PROSE[rule.audience]?.includes(audience)) continue;
    for (const category of rule.categories) {
      out.push({
        category,
        citation: {
          source: 'prose-rules',
          id: rule.id,
          label: rule.statement,
          value: rule.value,
          effect: UA_EFFECT[rule.value],
          section: rule.source.section,
          ...(rule.source.line === undefined ? {} : { line: rule.source.line }),
          quote: rule.source.quote,
          ...(rule.except === undefined ? {} : { except: rule.except }),
        },
      });
    }
  }
  return out;
}

const SOURCE_ORDER = { 'user-actions': 0, communications: 1, 'prose-rules': 2, baseline: 3 } as const;

function baselineCitation(category: CategoryId, eff: Effect): Citation {
  return {
    source: 'baseline',
    id: category,
    label:
      eff === 'illegal'
        ? 'Illegal content is blocked for everyone (UK law; IWF and CTIRU lists)'
        : 'UK Safer Internet Centre appropriate-filtering category the policy does not mention',
    value: eff === 'illegal' ? 'illegal' : 'blocked',
    effect: eff,
  };
}

export interface CompiledGroup extends FilterGroup {
  rules: Partial<Record<CategoryId, CategoryRule>>;
}

/** One group's rules from the policy and the school's settings. */
export function compileGroup(
  policy: PolicyDocument,
  settings: FilterSettings,
  group: FilterGroup,
): CompiledGroup {
  const byCategory = new Map<CategoryId, Citation[]>();
  for (const s of statementsFor(policy, group.audience)) {
    const list = byCategory.get(s.category) ?? [];
    list.push(s.citation);
    byCategory.set(s.category, list);
  }
  const rules: Partial<Record<CategoryId, CategoryRule>> = {};
  for (const category of CATEGORY_IDS) {
    const citations = [...(byCategory.get(category) ?? [])];
    if (ILLEGAL_CATEGORIES.includes(category) && !citations.some((c) => c.effect === 'illegal'))
      citations.push(baselineCitation(category, 'illegal'));
    if (citations.length === 0) {
      if (!BASELINE_BLOCKED.includes(category)) continue;
      citations.push(baselineCitation(category, 'block'));
    }
    citations.sort(
      (a, b) =>
        RESTRICTIVENESS[b.effect] - RESTRICTIVENESS[a.effect] ||
        SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source],
    );
    const governing = citations[0]!;
    const rule: CategoryRule = { category, effect: governing.effect, governing, citations };
    if (governing.effect === 'nominated') {
      const key = `${governing.source}/${governing.id}`;
      const n = settings.nominations.filter((x) => x.row === key);
      rule.nominated = { groups: n.flatMap((x) => x.groups), users: n.flatMap((x) => x.users) };
    }
    rules[category] = rule;
  }
  return { ...group, rules };
}

export function compileGroups(policy: PolicyDocument, settings: FilterSettings): CompiledGroup[] {
  return settings.groups.map((g) => compileGroup(policy, settings, g));
}

/** Rows and sentences the filter cannot enforce (conduct without a web category), for the groups page. */
export function unenforceable(policy: PolicyDocument): { source: string; id: string; label: string }[] {
  const out: { source: string; id: string; label: string }[] = [];
  for (const row of policy.matrices.userActions?.rows ?? [])
    if (row.categories.length === 0) out.push({ source: 'user-actions', id: row.id, label: row.label });
  for (const row of policy.matrices.communications?.rows ?? [])
    if (row.categories.length === 0) out.push({ source: 'communications', id: row.id, label: row.label });
  return out;
}
