import { z } from 'zod';

/**
 * Acceptable use agreements as data. A template is what a school's policy asks one audience to
 * sign: its items in the seed's order, the form the seed uses (statements, KS1's ticks, or a staff
 * form with an authorised signature), the form's fields with the seed's own labels, and when it
 * must be signed again.
 *
 * Items are always in Haven's words; labels (field names, KS1's capitalised words, KS2's headings,
 * role titles and people's names) are the school's and stay exactly as the seed has them. Every
 * item names the seed line it rests on, so a signed agreement can be traced to the approved policy.
 */

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens');
const text = z.string().trim().min(1, 'must not be empty');

/**
 * `supply-guest` is separate from `visitor` because two seeds (000 line 237, 003 line 234) give
 * trainee and supply teachers temporary accounts on school systems, which a visitor usually lacks;
 * which agreement each signs is the school's choice, expressed through `audience` and `alsoFor`.
 */
export const AUDIENCES = [
  'staff',
  'supply-guest',
  'governor',
  'visitor',
  'community-user',
  'ks1-pupil',
  'ks2-pupil',
  'secondary-pupil',
  'parent',
] as const;
export const audience = z.enum(AUDIENCES);
export type Audience = z.infer<typeof audience>;

export const SIGNERS = ['self', 'parent'] as const;
export const signer = z.enum(SIGNERS);
export type Signer = z.infer<typeof signer>;

/**
 * Every agreement is signed again when a new version is issued. On top of that:
 * - `school-year`: the signature lapses at the start of each school year;
 * - `induction`: asked for as part of joining (staff induction, a pupil's admission, a governor's
 *   appointment) and does not lapse with time;
 * - `version`: asked for when access is first needed and lapses only with a new version.
 */
export const RENEWALS = ['school-year', 'induction', 'version'] as const;
export const renewal = z.enum(RENEWALS);
export type Renewal = z.infer<typeof renewal>;

export const FORM_KINDS = ['statements', 'ticks', 'approval'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/** Where something is in a seed: file, the heading it sits under, and its 1-based line. */
export const seedPlace = z.strictObject({
  seed: text,
  section: text,
  line: z.number().int().positive(),
});
export type SeedPlace = z.infer<typeof seedPlace>;

/** A short piece of the school's own text, kept exactly as the seed has it. */
export const seedLabel = z.strictObject({ label: text, source: seedPlace });
export type SeedLabel = z.infer<typeof seedLabel>;

export const agreementItem = z.strictObject({
  id: slug,
  /** What the signer agrees to, in Haven's words. */
  text,
  /** The seed's own short label for the item, verbatim: KS1's capitalised word, KS2's heading. */
  label: text.optional(),
  /**
   * The signer answers this item on its own instead of agreeing to it with the rest (seed 001
   * appendix 5: a parent grants access item by item, R001-228).
   */
  permission: z.boolean().default(false),
  source: seedPlace,
});
export type AgreementItem = z.infer<typeof agreementItem>;

export const agreementSection = z.strictObject({
  id: slug,
  title: text,
  items: z.array(agreementItem).min(1, 'a section must have at least one item'),
});
export type AgreementSection = z.infer<typeof agreementSection>;

export const FIELD_TYPES = [
  'text',
  'person-name',
  'person-names',
  'job-title',
  'class',
  'signature',
  'date',
] as const;

export const signatureField = z.strictObject({
  id: slug,
  /** The label exactly as the seed's form prints it; Haven's own only where `source` is null. */
  label: text,
  type: z.enum(FIELD_TYPES),
  /** How many answers the label asks for (KS1: one trusted adult at school, two at home). */
  blanks: z.number().int().positive().default(1),
  /** A date layout the form prints, e.g. `dd/mm/yy` for "__/__/__". */
  format: z.string().optional(),
  /** Left blank when it does not apply (a visitor who brings no device of their own). */
  optional: z.boolean().default(false),
  /** Where the label is in the seed; null when the seed's form lacks it (the reason in `readings`). */
  source: seedPlace.nullable(),
});
export type SignatureField = z.infer<typeof signatureField>;

/** A sentence the signer signs under ("I agree to abide ..."), in Haven's words. */
export const declaration = z.strictObject({
  id: slug,
  text,
  /** null when Haven supplies the sentence because the seed gives no form (explained in `readings`). */
  source: seedPlace.nullable(),
});
export type Declaration = z.infer<typeof declaration>;

/** Seed 001 appendix 1: a named approver countersigns before the account is set up. */
export const approval = z.strictObject({
  heading: seedLabel,
  statement: declaration,
  fields: z.array(signatureField).min(1),
});

export const agreementForm = z.strictObject({
  kind: z.enum(FORM_KINDS),
  /** The form's own heading, verbatim ("User Signature", "This is how I keep SAFE online"). */
  heading: seedLabel.optional(),
  /** The mark the seed's tick column shows (KS1: "✓"). */
  tick: seedLabel.optional(),
  declarations: z.array(declaration).default([]),
  fields: z.array(signatureField).min(1, 'a form needs at least one field'),
  approval: approval.optional(),
});
export type AgreementForm = z.infer<typeof agreementForm>;

const note = z.strictObject({ text, source: seedPlace });

export const agreementTemplateSchema = z
  .strictObject({
    id: slug,
    /** Who the agreement is for; `alsoFor` lists others who sign the same form (seed 004: governors, visitors). */
    audience,
    alsoFor: z.array(audience).default([]),
    title: text,
    /** Bundled templates are version 1; a school's edits make new versions. */
    version: z.number().int().positive(),
    /** The seed file whose text this agreement follows item by item; null when Haven wrote it from the policy's statements. */
    seed: z.string().nullable(),
    /** The seed's own name for the agreement, verbatim, where the seed gives or names it. */
    named: seedLabel.nullable(),
    signer,
    /** Where the seed says who signs; null when it is Haven's rule (KS1: a parent signs for the pupil). */
    signerSource: seedPlace.nullable(),
    intro: text,
    introSource: seedPlace.nullable(),
    sections: z.array(agreementSection).min(1, 'an agreement needs at least one section'),
    /**
     * Statements shown with the agreement that the signer is told rather than asked to agree to,
     * kept apart so the items stay exactly the seed's (seed 004: monitored personal messages, R004-011).
     */
    notices: z.array(note).default([]),
    form: agreementForm,
    renewal,
    /** The line the renewal rule rests on; null when the seed is silent and Haven's default applies. */
    renewalSource: seedPlace.nullable(),
    /** Seed 001: staff sign at induction and take in each year's updates. */
    reacknowledge: z.strictObject({ every: z.literal('school-year'), source: seedPlace }).optional(),
    /** What must wait for the signature (an account, guest access, use of equipment). */
    before: note.optional(),
    /** Where the school keeps the signed copy. */
    filing: note.optional(),
    /** People the agreement names for questions, names and titles verbatim. */
    contacts: z.array(z.strictObject({ role: text, name: text, source: seedPlace })).default([]),
    /** Other agreements of the same school handed out with this one (R001-227). */
    attaches: z.strictObject({ agreements: z.array(slug).min(1), source: seedPlace }).optional(),
    /** Policies the agreement is kept consistent with, so it is reviewed when they change (R001-226). */
    reviewedWith: z.strictObject({ policies: z.array(text).min(1), source: seedPlace }).optional(),
    /** How ambiguous passages were read, and why Haven added what the seed lacks. */
    readings: z.array(z.strictObject({ where: text, reading: text })).default([]),
  })
  .superRefine((t, ctx) => {
    const issue = (message: string, path: (string | number)[]) =>
      ctx.addIssue({ code: 'custom', message, path });

    if ((t.form.kind === 'approval') !== (t.form.approval !== undefined)) {
      issue('an approval form, and only one, has an approval block', ['form', 'approval']);
    }
    if (t.form.kind === 'ticks' && t.form.tick === undefined) {
      issue('a ticks form names its tick mark', ['form', 'tick']);
    }
    if (t.alsoFor.includes(t.audience)) issue('alsoFor repeats the audience', ['alsoFor']);

    const itemIds = new Set<string>();
    t.sections.forEach((section, s) => {
      section.items.forEach((item, i) => {
        if (itemIds.has(item.id)) issue(`duplicate item id "${item.id}"`, ['sections', s, 'items', i, 'id']);
        itemIds.add(item.id);
        if (t.seed !== null && item.source.seed !== t.seed) {
          issue('an item of a seed-given agreement cites that seed', ['sections', s, 'items', i, 'source']);
        }
      });
    });

    const fieldIds = new Set<string>();
    for (const [path, fields] of [
      [['form', 'fields'], t.form.fields],
      [['form', 'approval', 'fields'], t.form.approval?.fields ?? []],
    ] as const) {
      fields.forEach((field, f) => {
        if (fieldIds.has(field.id)) issue(`duplicate field id "${field.id}"`, [...path, f, 'id']);
        fieldIds.add(field.id);
      });
    }
  });

export type AgreementTemplateInput = z.input<typeof agreementTemplateSchema>;
export type AgreementTemplate = z.output<typeof agreementTemplateSchema>;

/** The row `haven agreements list --json` prints. */
export interface AgreementSummary {
  id: string;
  audience: Audience;
  title: string;
  version: number;
  seed: string | null;
}
