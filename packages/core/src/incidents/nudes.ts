import { z } from 'zod';
import { NUDES_CRITERIA, type NudesCriterion } from './options.ts';

export { NUDES_CRITERIA, NUDES_CRITERION_TEXT, type NudesCriterion } from './options.ts';

/**
 * The nudes and semi-nudes protocol (UKCIS "Sharing nudes and semi-nudes", quoted by seed 001 as
 * "Sexting in schools and colleges"): the DSL's initial review meeting, the five criteria that
 * require an immediate referral to the police and/or children's social care, and the decision
 * with its reasons (R001-071 to R001-078). The imagery itself is never uploaded to Haven: the
 * record says that it existed and who was told.
 */

export const nudesAnswers = z.strictObject({
  adultInvolved: z.boolean(),
  coercionOrCapacity: z.boolean(),
  unusualOrViolent: z.boolean(),
  underThirteen: z.boolean(),
  immediateRisk: z.boolean(),
});
export type NudesAnswers = z.infer<typeof nudesAnswers>;

export interface NudesAssessment {
  referImmediately: boolean;
  /** The criteria that hold, in the protocol's order. */
  criteria: NudesCriterion[];
}

/** Any one criterion is enough: the referral is immediate, and the school may not decide otherwise. */
export function assessNudes(answers: NudesAnswers): NudesAssessment {
  const criteria = NUDES_CRITERIA.filter((c) => answers[c]);
  return { referImmediately: criteria.length > 0, criteria };
}

/**
 * The initial review meeting's record, led by the DSL: the questions seed 001 lists for assessing
 * the risk, then the decisions it must reach. Each is answered in words.
 */
export const NUDES_RISK_QUESTIONS = [
  {
    id: 'why-shared',
    text: 'Why was the imagery shared? Was the young person coerced or put under pressure to produce the imagery?',
  },
  {
    id: 'who-where',
    text: 'Who has shared the imagery? Where has the imagery been shared? Was it shared and received with the knowledge of the pupil in the imagery?',
  },
  { id: 'adults', text: 'Are there any adults involved in the sharing of imagery?' },
  { id: 'impact', text: 'What is the impact on the pupils involved?' },
  { id: 'vulnerabilities', text: 'Do the pupils involved have additional vulnerabilities?' },
  { id: 'consent', text: 'Does the young person understand consent?' },
  { id: 'before', text: 'Has the young person taken part in this kind of activity before?' },
] as const;

export const NUDES_REVIEW_DECISIONS = [
  { id: 'referral', text: "If a referral should be made to the police and/or children's social care" },
  {
    id: 'view',
    text: 'If it is necessary to view the imagery in order to safeguard the young person – in most cases, imagery should not be viewed',
  },
  { id: 'information', text: 'What further information is required to decide on the best response' },
  {
    id: 'spread',
    text: 'Whether the imagery has been shared widely and via what services and/or platforms. This may be unknown.',
  },
  {
    id: 'delete',
    text: 'Whether immediate action should be taken to delete or remove images from devices or online services.',
  },
  {
    id: 'facts',
    text: 'Any relevant facts about the young people involved which would influence risk assessment.',
  },
  {
    id: 'other-setting',
    text: 'If there is a need to contact another school, college, setting or individual.',
  },
  {
    id: 'parents',
    text: 'Whether to contact parents or carers of the pupils involved - in most cases parents should be involved.',
  },
] as const;

const answer = z.string().trim().max(5000);

/** The meeting record as the DSL submits it; checked again against assessNudes(). */
export const nudesReview = z
  .strictObject({
    meetingAt: z.iso.datetime({ offset: true }),
    attendees: z.array(z.string().trim().min(1).max(200)).min(1, 'the meeting needs at least the DSL'),
    evidenceConsidered: answer.min(1, 'say what evidence was considered (never the imagery itself)'),
    risk: z.partialRecord(z.enum(NUDES_RISK_QUESTIONS.map((q) => q.id)), answer),
    decisions: z.partialRecord(z.enum(NUDES_REVIEW_DECISIONS.map((q) => q.id)), answer),
    criteria: nudesAnswers,
    /** What the DSL decided: refer now, or respond within the school. */
    decision: z.enum(['refer', 'school-response']),
    /** Why: required whichever way, and the reasons for not referring above all (R001-076). */
    reasons: answer.min(1, 'give the reasons for the decision'),
    /** Whether anyone viewed the imagery, who and why (the default is that nobody does: R001-078). */
    imageryViewed: z
      .strictObject({ by: z.string().trim().min(1).max(200), why: answer.min(1) })
      .nullable()
      .default(null),
  })
  .superRefine((r, ctx) => {
    if (r.decision === 'school-response' && assessNudes(r.criteria).referImmediately)
      ctx.addIssue({
        code: 'custom',
        path: ['decision'],
        message:
          "one or more of the five criteria holds: the protocol requires an immediate referral to the police and/or children's social care",
      });
  });
export type NudesReview = z.output<typeof nudesReview>;
