import { z } from 'zod';
import { categoryId } from '../filter/categories.ts';

/**
 * The policy model. A school's online-safety policy as data: the school, its roles and bodies,
 * the review schedule, and the matrices the seeds give as tables. Every row, cell and prose rule
 * carries its provenance, so that every decision Haven makes can name the clause behind it.
 *
 * Objects are strict: an unknown key in a policy file is a typo until proven otherwise.
 */

const isoDate = z.iso.date();
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens');
const text = z.string().trim().min(1, 'must not be empty');

/** Where a piece of policy comes from: seed file (null for a school's own text) and section. */
export const provenance = z.strictObject({
  seed: z.string().nullable(),
  section: text,
  /** 1-based line in the seed text, where one line holds it. */
  line: z.number().int().positive().optional(),
  /** A short quotation that the rule rests on (prose rules cite their sentence). */
  quote: z.string().optional(),
});
export type Provenance = z.infer<typeof provenance>;

/** A reading we chose where the seed is ambiguous, recorded in the template. */
export const reading = z.strictObject({
  where: text,
  reading: text,
});

export const PHASES = ['primary', 'secondary', 'all-through', 'special', 'other'] as const;
export const KEY_STAGES = ['eyfs', 'ks1', 'ks2', 'ks3', 'ks4', 'sixth-form'] as const;
export const keyStage = z.enum(KEY_STAGES);
export type KeyStage = z.infer<typeof keyStage>;

export const site = z.strictObject({
  id: slug,
  name: text,
  address: z.string().optional(),
  /** What filters this site, as the policy states it (seed 003: FortiGate vs a proxy provider). */
  filtering: z.string().optional(),
  source: provenance.optional(),
});

export const school = z.strictObject({
  name: text,
  phase: z.enum(PHASES),
  keyStages: z.array(keyStage).min(1, 'must name at least one key stage'),
  yearGroups: z.array(text).optional(),
  country: z.enum(['england', 'wales', 'scotland', 'northern-ireland']),
  localAuthority: z.string().optional(),
  /** A trust or federation the school belongs to (seed 001 is a federation). */
  trust: z.strictObject({ name: text, schools: z.array(text).optional() }).optional(),
  sites: z.array(site).min(1, 'must have at least one site'),
  timeZone: z.string().default('Europe/London'),
  /** Languages the school works in; user-facing text goes through the message catalogue. */
  languages: z.array(z.enum(['en', 'cy'])).default(['en']),
});

/**
 * Canonical kinds, so Haven can find "the DSL" whatever a school calls the post. A role may
 * combine several (Westover: "Headteacher/DSL/E-Safety Officer").
 */
export const ROLE_KINDS = [
  'headteacher',
  'deputy-headteacher',
  'assistant-headteacher',
  'senior-leadership',
  'online-safety-lead',
  'dsl',
  'deputy-dsl',
  'siro',
  'dpo',
  'information-asset-owner',
  'information-asset-guardian',
  'governors',
  'online-safety-governor',
  'safeguarding-governor',
  'chair-of-governors',
  'network-manager',
  'technical-staff',
  'ict-coordinator',
  'business-manager',
  'all-staff',
  'teachers',
  'pupils',
  'parents',
  'community-users',
  'external-groups',
  'lado',
  'other',
] as const;
export const roleKind = z.enum(ROLE_KINDS);
export type RoleKind = z.infer<typeof roleKind>;

export const person = z.strictObject({
  name: text,
  /** Site id, where a federation or multi-site school names a holder per site. */
  site: z.string().optional(),
  note: z.string().optional(),
});

export const role = z.strictObject({
  id: slug,
  /** The school's own title, as the seed gives it. */
  title: text,
  kinds: z.array(roleKind).min(1, 'must name at least one kind'),
  holders: z.array(person).default([]),
  deputies: z.array(person).default([]),
  /** In our words, item by item. */
  responsibilities: z.array(text).default([]),
  source: provenance,
});
export type Role = z.infer<typeof role>;

export const committee = z.strictObject({
  id: slug,
  name: text,
  kind: z.enum(['online-safety-group', 'governors-committee', 'working-group', 'other']),
  /** Role ids, or descriptions where the seed names a category of member. */
  members: z.array(text).default([]),
  duties: z.array(text).default([]),
  meets: z.string().optional(),
  source: provenance,
});

export const approval = z.strictObject({
  body: text,
  /** null where the seed leaves the date blank. */
  on: isoDate.nullable(),
  /** The date as the seed writes it ("9 th January 2018"), or null where blank. */
  asWritten: z.string().nullable(),
});

export const review = z.strictObject({
  approvals: z.array(approval).default([]),
  /** Months between full reviews (12, 36, ...), null where the seed gives none. */
  intervalMonths: z.number().int().positive().nullable(),
  intervalAsWritten: z.string().nullable(),
  /** The next review date as the seed writes it ("Summer Term 2024"). */
  nextReviewAsWritten: z.string().nullable(),
  /** Our reading of that as a date (start of the term named), for reminders. */
  nextReview: isoDate.nullable(),
  monitoredBy: z.string().nullable(),
  monitoringInterval: z.string().nullable(),
  governorsReport: z.string().nullable(),
  /** Out-of-cycle triggers for review (new technologies, threats, incidents). */
  triggers: z.array(text).default([]),
  source: provenance,
});

export const linkedPolicy = z.strictObject({ title: text, source: provenance });
export const externalAgency = z.strictObject({
  name: text,
  when: z.string().optional(),
  source: provenance,
});
export const impactMeasure = z.strictObject({ method: text, source: provenance });

/* ---------------------------------------------------------------- matrices */

export const COMMUNICATION_CODES = ['A', 'CT', 'SS', 'SP', 'NA'] as const;
export const communicationCode = z.enum(COMMUNICATION_CODES);
export type CommunicationCode = z.infer<typeof communicationCode>;

export const COMMUNICATION_LEGEND: Record<CommunicationCode, string> = {
  A: 'Allowed',
  CT: 'Allowed at certain times',
  SS: 'Allowed for selected staff',
  SP: 'Allowed with staff permission',
  NA: 'Not allowed',
};

const audienceColumns = z.strictObject({
  /** The seed's header ("Staff & other adults"). */
  label: text,
  /** The codes the seed offers this audience, in its column order. */
  codes: z.array(communicationCode).min(1),
});

export const communicationsRow = z.strictObject({
  id: slug,
  label: text,
  cells: z.strictObject({
    staff: communicationCode.nullable(),
    pupils: communicationCode.nullable(),
  }),
  /** Web-content categories this activity governs, for the filter compiler. */
  categories: z.array(categoryId).default([]),
  source: provenance,
});

export const communicationsMatrix = z.strictObject({
  title: text,
  audiences: z.strictObject({ staff: audienceColumns, pupils: audienceColumns }),
  legend: z.record(communicationCode, text).optional(),
  rows: z.array(communicationsRow).min(1),
  source: provenance,
});

export const USER_ACTION_VALUES = [
  'acceptable',
  'certain-times',
  'nominated-users',
  'unacceptable',
  'illegal',
] as const;
export const userActionValue = z.enum(USER_ACTION_VALUES);
export type UserActionValue = z.infer<typeof userActionValue>;

export const userActionsRow = z.strictObject({
  id: slug,
  label: text,
  /** A heading the row sits under in the seed (WSAPC's "Activities that might be classed as cyber-crime"). */
  group: z.string().optional(),
  /** A row id whose value applies where this row's cells are blank (WSAPC's cyber-crime sub-items). */
  parent: slug.optional(),
  /** As the seed marks it; null where every cell is blank. */
  value: userActionValue.nullable(),
  categories: z.array(categoryId).default([]),
  source: provenance,
});

export const userActionsMatrix = z.strictObject({
  title: text,
  /** The seed's column headers for each value, in the seed's order. */
  columns: z.record(userActionValue, text),
  /** One column set for all users (seed 000 and 003 both). */
  appliesTo: z.enum(['all-users']).default('all-users'),
  rows: z.array(userActionsRow).min(1),
  source: provenance,
});

export const devicesMatrix = z.strictObject({
  title: text,
  /** Header groups over the columns ("School (WSAPC) Devices" over three columns). */
  columnGroups: z.array(z.strictObject({ label: text, columns: z.array(text).min(1) })).default([]),
  columns: z.array(text).min(1),
  rows: z
    .array(
      z.strictObject({
        id: slug,
        label: text,
        /** Cell text as the seed gives it ("Yes", "-", "Yes – filtered as ..."). */
        cells: z.record(z.string(), z.string()),
        source: provenance,
      }),
    )
    .min(1),
  footnotes: z.array(text).default([]),
  source: provenance,
});

export const sanctionsMatrix = z.strictObject({
  title: text,
  /** The first header cell ("Incidents:" or blank). */
  rowHeader: z.string(),
  columns: z.array(text).min(1),
  rows: z
    .array(
      z.strictObject({
        id: slug,
        label: text,
        cells: z.record(z.string(), z.boolean()),
        /** True for the "continued infringements" row, which escalation uses. */
        continuedInfringements: z.boolean().default(false),
        source: provenance,
      }),
    )
    .min(1),
  source: provenance,
});

export const matrices = z.strictObject({
  communications: communicationsMatrix.optional(),
  userActions: userActionsMatrix.optional(),
  devices: devicesMatrix.optional(),
  pupilSanctions: sanctionsMatrix.optional(),
  staffSanctions: sanctionsMatrix.optional(),
});

/* ------------------------------------------------------------- prose rules */

export const AUDIENCES = [
  'all-users',
  'staff',
  'pupils',
  'guests',
  'parents',
  'visitors',
  'community-users',
] as const;

/**
 * A rule a seed states as a sentence rather than a table cell ("blocks all chatrooms and social
 * networking sites except ..."). It takes the same values as the user-actions matrix, so the
 * filter and the incident procedure compile it exactly like a matrix row.
 */
export const proseRule = z.strictObject({
  id: slug,
  kind: z.enum(['filtering', 'device', 'conduct', 'communication']),
  /** The rule in our words. */
  statement: text,
  audience: z.enum(AUDIENCES),
  value: userActionValue,
  categories: z.array(categoryId).default([]),
  /** What the rule excepts, in our words ("educational networks and approved learning platforms"). */
  except: z.string().optional(),
  source: provenance.extend({ quote: text }),
});
export type ProseRule = z.infer<typeof proseRule>;

export const listItem = z.strictObject({ text, source: provenance });

/* ---------------------------------------------------------------- document */

export const policyDocument = z
  .strictObject({
    schemaVersion: z.literal(1),
    /** Template or school slug. */
    id: slug,
    /** Seed file the template follows; null for the blank template and a school's own policy. */
    seed: z.string().nullable(),
    title: text,
    preparedBy: z.string().nullable(),
    scope: z.string().nullable(),
    school,
    roles: z.array(role).default([]),
    committees: z.array(committee).default([]),
    review,
    linkedPolicies: z.array(linkedPolicy).default([]),
    externalAgencies: z.array(externalAgency).default([]),
    impactMonitoring: z.array(impactMeasure).default([]),
    matrices: matrices.default({}),
    /** Content that must be reported to the police (Westover's list). */
    policeReportable: z.array(listItem).default([]),
    /** Activities users shall not do (prohibited-use list). */
    prohibitedUses: z.array(listItem).default([]),
    proseRules: z.array(proseRule).default([]),
    /** Sanctions a policy states in prose rather than as a matrix (Westover). */
    sanctionsStated: z.array(listItem.extend({ audience: z.enum(AUDIENCES) })).default([]),
    /** The policy's revision history, as its own table gives it. */
    revisions: z.array(z.strictObject({ date: text, summary: text, source: provenance })).default([]),
    /** The policy's own glossary of terms. */
    glossary: z.array(z.strictObject({ term: text, meaning: text, source: provenance })).default([]),
    readings: z.array(reading).default([]),
  })
  .superRefine((doc, ctx) => {
    const dup = (ids: string[], path: (string | number)[]) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id))
          ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate id "${id}"` });
        seen.add(id);
      });
    };
    dup(
      doc.roles.map((r) => r.id),
      ['roles'],
    );
    dup(
      doc.committees.map((c) => c.id),
      ['committees'],
    );
    dup(
      doc.proseRules.map((r) => r.id),
      ['proseRules'],
    );
    const siteIds = new Set(doc.school.sites.map((s) => s.id));
    doc.roles.forEach((r, i) => {
      for (const [key, list] of [
        ['holders', r.holders],
        ['deputies', r.deputies],
      ] as const) {
        list.forEach((p, j) => {
          if (p.site !== undefined && !siteIds.has(p.site)) {
            ctx.addIssue({
              code: 'custom',
              path: ['roles', i, key, j, 'site'],
              message: `no site "${p.site}" in school.sites`,
            });
          }
        });
      }
    });

    const comms = doc.matrices.communications;
    if (comms) {
      dup(
        comms.rows.map((r) => r.id),
        ['matrices', 'communications', 'rows'],
      );
      comms.rows.forEach((row, i) => {
        for (const aud of ['staff', 'pupils'] as const) {
          const code = row.cells[aud];
          const allowed = comms.audiences[aud].codes;
          if (code !== null && !allowed.includes(code)) {
            ctx.addIssue({
              code: 'custom',
              path: ['matrices', 'communications', 'rows', i, 'cells', aud],
              message: `must be one of ${allowed.join(', ')} (the codes this matrix offers ${aud})`,
            });
          }
        }
      });
    }
    const ua = doc.matrices.userActions;
    if (ua) {
      const ids = ua.rows.map((r) => r.id);
      dup(ids, ['matrices', 'userActions', 'rows']);
      ua.rows.forEach((row, i) => {
        if (row.parent !== undefined && !ids.includes(row.parent)) {
          ctx.addIssue({
            code: 'custom',
            path: ['matrices', 'userActions', 'rows', i, 'parent'],
            message: `no row "${row.parent}" in this matrix`,
          });
        }
      });
    }
    const dev = doc.matrices.devices;
    if (dev) {
      dup(
        dev.rows.map((r) => r.id),
        ['matrices', 'devices', 'rows'],
      );
      dev.rows.forEach((row, i) => {
        checkCellKeys(ctx, dev.columns, row.cells, ['matrices', 'devices', 'rows', i, 'cells']);
      });
    }
    for (const key of ['pupilSanctions', 'staffSanctions'] as const) {
      const m = doc.matrices[key];
      if (!m) continue;
      dup(
        m.rows.map((r) => r.id),
        ['matrices', key, 'rows'],
      );
      m.rows.forEach((row, i) => {
        checkCellKeys(ctx, m.columns, row.cells, ['matrices', key, 'rows', i, 'cells']);
      });
    }
  });

function checkCellKeys(
  ctx: z.RefinementCtx,
  columns: string[],
  cells: Record<string, unknown>,
  path: (string | number)[],
): void {
  for (const col of columns) {
    if (!(col in cells))
      ctx.addIssue({ code: 'custom', path: [...path, col], message: 'missing: every column needs a cell' });
  }
  for (const key of Object.keys(cells)) {
    if (!columns.includes(key))
      ctx.addIssue({ code: 'custom', path: [...path, key], message: 'is not one of the matrix columns' });
  }
}

/** What a policy file or template may say (defaults not yet applied). */
export type PolicyDocumentInput = z.input<typeof policyDocument>;
/** A validated policy, defaults applied. */
export type PolicyDocument = z.output<typeof policyDocument>;
export type CommunicationsMatrix = z.output<typeof communicationsMatrix>;
export type UserActionsMatrix = z.output<typeof userActionsMatrix>;
export type DevicesMatrix = z.output<typeof devicesMatrix>;
export type SanctionsMatrix = z.output<typeof sanctionsMatrix>;
