/**
 * The incident form's options and the nudes protocol's criteria as plain data, with no schema
 * library: the web app imports this alone, so its bundle does not carry zod. Labels are the
 * schools' own (seed 001 appendix 7 and appendix 2).
 */

const options = <const T extends readonly { id: string; label: string }[]>(list: T) => list;

export const RELATIONSHIPS = options([
  { id: 'child-on-child', label: 'Child on child' },
  { id: 'adult-on-child', label: 'Adult on child' },
  { id: 'child-on-adult', label: 'Child on adult' },
  { id: 'adult-on-adult', label: 'Adult on adult' },
  { id: 'staff-on-child', label: 'Staff member on child' },
]);

export const INCIDENT_TYPES = options([
  { id: 'sexual', label: 'Sexual' },
  { id: 'profanity', label: 'Profanity' },
  { id: 'violence', label: 'Violence' },
  { id: 'bullying', label: 'Bullying' },
  { id: 'grooming', label: 'Grooming' },
  { id: 'other', label: 'Other' },
]);

export const ACCESS_ROUTES = options([
  { id: 'school-pc', label: 'School internet via a PC/laptop' },
  { id: 'school-tablet', label: 'via a tablet' },
  { id: 'school-mobile', label: 'via a mobile phone' },
  { id: 'tablet-other-provider', label: 'Tablet using alternative provider' },
  { id: 'mobile-other-provider', label: 'Mobile phone using an alternative provider' },
  { id: 'browser', label: 'Via an internet browser' },
  { id: 'social-media', label: 'Via a social media website' },
  { id: 'app', label: 'Via an app' },
]);

export const FOLLOW_UPS = options([
  { id: 'lado', label: 'Referral to LADO' },
  { id: 'social-care', label: "Referral to Children's Social Care" },
  { id: 'police', label: 'Police investigation' },
  { id: 'parents', label: 'Advice to parents' },
  { id: 'other', label: 'Other' },
]);

/** Seed 001 appendix 2: the kinds of online safety incident, each with its examples. */
export const PROTOCOL_KINDS = [
  {
    id: 'inappropriate-conduct',
    label: 'Inappropriate conduct',
    examples: [
      'Posting material on social networks which contravenes work guidelines',
      'Inappropriate use of work email/internet',
      'Inappropriate use of a mobile phone or electronic device',
      "Password and account misuse (e.g. use of someone else's password or login)",
    ],
  },
  {
    id: 'unsuitable-content',
    label: 'Accessing unsuitable content',
    examples: [
      'Downloading and / or viewing illegal material',
      'Downloading or view material unsuitable to the workplace',
      'Deliberately accessing content that expresses extreme or racist views',
    ],
  },
  {
    id: 'inadvisable-contact',
    label: 'Inadvisable contact',
    examples: [
      'Giving away too much information',
      'Breaching client privacy',
      'Unsettling or threatening messages; cyberbullying',
      'Grooming behaviour or inappropriate contact with young people',
      'Misrepresentation, defaming',
    ],
  },
  {
    id: 'loss-of-data',
    label: 'Loss of confidential data',
    examples: ['As a result of theft or loss of computer, laptop or memory stick'],
  },
] as const;

/** Seed 001 appendix 2, step 2: how the incident first came to light (R001-206). */
export const FIRST_CONTACT = options([
  { id: 'witnessed', label: 'Something witnessed on a computer, mobile phone or camera' },
  { id: 'victim-statement', label: 'A statement made by the victim' },
  { id: 'bystander', label: 'Information from a bystander or witness' },
  { id: 'hearsay', label: 'Hearsay (rumour) about a potential situation' },
  { id: 'log-anomaly', label: 'Noticing an anomaly in a log or history' },
]);

export function optionLabel(list: readonly { id: string; label: string }[], id: string): string {
  return list.find((o) => o.id === id)?.label ?? id;
}

export const NUDES_CRITERIA = [
  'adultInvolved',
  'coercionOrCapacity',
  'unusualOrViolent',
  'underThirteen',
  'immediateRisk',
] as const;
export type NudesCriterion = (typeof NUDES_CRITERIA)[number];

/** Each criterion in a sentence (our words; the numbering follows seed 001 and UKCIS). */
export const NUDES_CRITERION_TEXT: Record<NudesCriterion, string> = {
  adultInvolved: '1. An adult is involved.',
  coercionOrCapacity:
    '2. There is reason to think a young person was coerced, blackmailed or groomed, or there are concerns about their capacity to consent (for example because of special educational needs).',
  unusualOrViolent:
    "3. What is known of the imagery suggests sexual acts that are unusual for the young person's developmental stage, or violent.",
  underThirteen: '4. The imagery involves sexual acts and a pupil in it is under 13.',
  immediateRisk:
    '5. There is reason to think a pupil is at immediate risk of harm because of the sharing (for example presenting as suicidal or self-harming).',
};
