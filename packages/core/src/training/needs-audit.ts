import { z } from 'zod';

/**
 * The training-needs audit (seed 000 line 205, seed 003 line 193: "An audit of the online safety
 * training needs of all staff will be carried out regularly"). Each member of staff rates their
 * confidence in a set of areas, 1 to 4, in the spirit of the DfE and UKCIS self-review questions;
 * an area rated 1 or 2 becomes a training need, as does anything they name themselves, including
 * needs raised in performance management.
 */

export const CONFIDENCE_LEVELS = [1, 2, 3, 4] as const;
export const CONFIDENCE_LABELS: Record<(typeof CONFIDENCE_LEVELS)[number], string> = {
  1: 'Not confident',
  2: 'A little confident',
  3: 'Confident',
  4: 'Very confident',
};

export interface AuditArea {
  id: string;
  question: string;
  source: string;
}

export const AUDIT_AREAS: readonly AuditArea[] = [
  {
    id: 'policy',
    question: 'I know what the school’s online safety policy and acceptable use agreements ask of me.',
    source: 'seed 000 line 206; seed 003 line 194',
  },
  {
    id: 'reporting',
    question: 'I know how to report an online safety concern about a pupil, and to whom.',
    source: 'seed 000 line 372 ("reporting issues")',
  },
  {
    id: 'risks',
    question:
      'I can recognise the main online risks to pupils: harmful content, contact, conduct and commerce (scams, gambling).',
    source: 'KCSIE, the four areas of online risk',
  },
  {
    id: 'nudes',
    question: 'I know what to do (and not do) if a pupil tells me a nude or semi-nude image has been shared.',
    source: 'UKCIS, sharing nudes and semi-nudes',
  },
  {
    id: 'filtering-monitoring',
    question:
      'I understand what the school’s filtering and monitoring do, and what to do if something gets through or is blocked wrongly.',
    source: 'DfE filtering and monitoring standards',
  },
  {
    id: 'social-media',
    question:
      'I can manage my own social media: privacy settings, professional identity and contact with pupils.',
    source: 'seed 000 line 372; seed 003 line 394 ("social media risks; checking of settings")',
  },
  {
    id: 'data-security',
    question: 'I handle personal data safely: sharing, encryption, devices, and reporting a breach.',
    source: 'seed 003 line 120 ("including data security"); seed 003 line 351',
  },
  {
    id: 'teaching',
    question: 'I feel able to teach or talk with pupils about staying safe online.',
    source: 'seed 000 line 203',
  },
];

export const auditAnswers = z.strictObject({
  ratings: z.strictObject(
    Object.fromEntries(
      AUDIT_AREAS.map((a) => [a.id, z.number().int().min(1, 'must be 1 to 4').max(4, 'must be 1 to 4')]),
    ) as Record<string, z.ZodNumber>,
  ),
  /** Anything else they would like training in. */
  otherNeeds: z.string().trim().max(2000).default(''),
  /** A need raised in their performance management, if any (seed 000 line 205). */
  performanceManagement: z.string().trim().max(2000).default(''),
});
export type AuditAnswers = z.infer<typeof auditAnswers>;

/** The areas rated 1 or 2: where this person would benefit from training. */
export function auditNeeds(answers: AuditAnswers): string[] {
  return AUDIT_AREAS.filter((a) => (answers.ratings[a.id] ?? 4) <= 2).map((a) => a.id);
}

/** Across everyone's latest audit: how many need each area, and the average rating. */
export function auditSummary(all: readonly AuditAnswers[]) {
  return AUDIT_AREAS.map((a) => {
    const ratings = all.map((x) => x.ratings[a.id]).filter((r): r is number => typeof r === 'number');
    return {
      areaId: a.id,
      needing: ratings.filter((r) => r <= 2).length,
      average: ratings.length
        ? Math.round((ratings.reduce((s, r) => s + r, 0) / ratings.length) * 10) / 10
        : null,
    };
  });
}
