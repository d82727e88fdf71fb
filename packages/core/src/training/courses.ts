import { z } from 'zod';
import type { RoleKind } from '../policy/schema.ts';

/**
 * The training a school expects of its staff and governors. A course says who must take it (by
 * the kind of person, or by a post they hold in the policy, through the post's canonical kinds),
 * how often, and what counts as evidence of it. Each school's template starts from the common
 * catalogue and adds or renames what its policy says (the seeds' own words, cited by line).
 */

export const PERSON_KINDS = ['pupil', 'staff', 'parent', 'governor', 'visitor', 'other'] as const;
export type TrainingPersonKind = (typeof PERSON_KINDS)[number];

/**
 * `induction`: once, within the first weeks; `annual` and `biennial`: again a year or two years
 * after the last completion. A course never taken is due by the end of the induction period.
 */
export const FREQUENCIES = ['induction', 'annual', 'biennial'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface Course {
  id: string;
  title: string;
  /** In our words: what it covers and why. */
  description: string;
  /** Who must take it: anyone of these person kinds, or anyone holding a post with one of these kinds. */
  requiredFor: { personKinds: readonly TrainingPersonKind[]; roleKinds: readonly RoleKind[] };
  frequency: Frequency;
  /** What the school accepts as evidence that it was done. */
  evidence: string;
  /** Where it comes from: seed lines, or the national guidance. */
  source: readonly string[];
}

export const courseId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'must be a course id (lower-case letters, digits and hyphens)');

const DSL_KINDS: RoleKind[] = ['dsl', 'deputy-dsl'];
const GOVERNOR_KINDS: RoleKind[] = [
  'governors',
  'online-safety-governor',
  'safeguarding-governor',
  'chair-of-governors',
];

/** The catalogue every school starts from. */
export const COMMON_COURSES: readonly Course[] = [
  {
    id: 'online-safety-induction',
    title: 'Online safety induction',
    description:
      'For every new member of staff: the school’s online safety policy and acceptable use agreements, how to report a concern, and what filtering and monitoring do.',
    requiredFor: { personKinds: ['staff'], roleKinds: [] },
    frequency: 'induction',
    evidence: 'The induction checklist signed off, or a note of the session and who led it.',
    source: [
      'seed 000 line 206',
      'seed 003 line 194',
      'KCSIE: safeguarding training, online safety included, at induction',
    ],
  },
  {
    id: 'online-safety-refresher',
    title: 'Annual online safety refresher',
    description:
      'A yearly update for all staff on current online risks (content, contact, conduct and commerce), the policy’s changes and the school’s procedures.',
    requiredFor: { personKinds: ['staff'], roleKinds: [] },
    frequency: 'annual',
    evidence: 'Attendance at a staff meeting, INSET or course, or a completion certificate.',
    source: [
      'seed 000 line 205',
      'seed 003 line 193',
      'KCSIE: safeguarding updates for all staff at least once a year',
    ],
  },
  {
    id: 'dsl-training',
    title: 'Designated safeguarding lead and deputy training',
    description:
      'The formal training for the DSL and deputies, online safety included; refreshed at least every two years, with the annual refresher keeping them current between.',
    requiredFor: { personKinds: [], roleKinds: DSL_KINDS },
    frequency: 'biennial',
    evidence: 'A certificate from the training provider (local safeguarding partnership or equivalent).',
    source: [
      'seed 000 line 119',
      'KCSIE: DSL training every two years, knowledge refreshed at least annually',
    ],
  },
  {
    id: 'governor-training',
    title: 'Governor online safety training',
    description:
      'Safeguarding and online safety training for governors at induction and regularly after, so the board can hold the school to account for filtering and monitoring.',
    requiredFor: { personKinds: ['governor'], roleKinds: GOVERNOR_KINDS },
    frequency: 'annual',
    evidence:
      'Attendance at local authority, National Governors Association or school sessions, or a certificate.',
    source: [
      'seed 000 lines 213-216',
      'seed 003 lines 204-207',
      'KCSIE: governor safeguarding training, regularly updated',
    ],
  },
  {
    id: 'data-protection',
    title: 'Data protection',
    description:
      'Handling personal data: sharing it safely, when to encrypt, recognising and reporting a breach within the school’s procedure.',
    requiredFor: { personKinds: ['staff'], roleKinds: [] },
    frequency: 'annual',
    evidence: 'A completion certificate or a note of the session.',
    source: ['seed 003 line 351', 'seed 000 line 372'],
  },
  {
    id: 'cyber-security',
    title: 'Cyber security training for school staff (DfE)',
    description:
      'The Department for Education’s annual cyber security training for staff and governors who use the school’s IT: phishing, passwords, devices and reporting.',
    requiredFor: { personKinds: ['staff', 'governor'], roleKinds: [] },
    frequency: 'annual',
    evidence: 'The certificate the training gives on completion.',
    source: [
      'DfE digital and technology standards: basic cyber security training every year for staff and governors',
    ],
  },
];

/** What a school's template changes: renames (the seed's own words) and extra courses. */
interface SchoolCourses {
  titles?: Partial<Record<string, string>>;
  sources?: Partial<Record<string, readonly string[]>>;
  extra?: readonly Course[];
}

const SCHOOL_COURSES: Record<string, SchoolCourses> = {
  'milford-haven': {
    titles: {
      'online-safety-induction': 'e-Safety induction',
      'online-safety-refresher': 'e-Safety training programme',
    },
    extra: [
      {
        id: 'e-safety-officer-updates',
        title: 'e-Safety Officer updates',
        description:
          'External training events attended and guidance documents reviewed by the e-Safety Officer, so they can train colleagues.',
        requiredFor: { personKinds: [], roleKinds: ['online-safety-lead'] },
        frequency: 'annual',
        evidence: 'The event or document, with the date attended or read.',
        source: ['seed 000 line 207', 'seed 000 line 66'],
      },
      {
        id: 'professional-identity',
        title: 'Social media and professional identity',
        description:
          'Acceptable use, social media risks, checking of settings, data protection and reporting issues.',
        requiredFor: { personKinds: ['staff'], roleKinds: [] },
        frequency: 'induction',
        evidence: 'A note of the session.',
        source: ['seed 000 line 372'],
      },
    ],
  },
  'primary-advantage': {
    extra: [
      {
        id: 'headteacher-safeguarding',
        title: 'Headteacher safeguarding training',
        description:
          'Off-line and online safeguarding training for the Headteacher in line with statutory guidance and the local safeguarding children partnership.',
        requiredFor: { personKinds: [], roleKinds: ['headteacher'] },
        frequency: 'biennial',
        evidence: 'A certificate from the provider.',
        source: ['seed 001 line 135'],
      },
      {
        id: 'sensitive-data',
        title: 'Sending and receiving sensitive data',
        description: 'How to send or receive sensitive and personal data, and when encryption is required.',
        requiredFor: { personKinds: ['staff'], roleKinds: [] },
        frequency: 'annual',
        evidence: 'A note of the session.',
        source: ['requirement R001-081'],
      },
    ],
    sources: {
      'online-safety-induction': ['seed 001 line 272'],
      'online-safety-refresher': ['seed 001 lines 270-271'],
    },
  },
  westover: {
    titles: { 'dsl-training': 'DSL and Deputy DSL e-safety training' },
    sources: { 'dsl-training': ['seed 002 line 51', 'requirement R002-029'] },
  },
  wsapc: {
    extra: [
      {
        id: 'online-safety-lead-updates',
        title: 'Online Safety Lead updates',
        description:
          'External training events (e.g. SWGfL, the local authority) and guidance documents reviewed by the Online Safety Lead.',
        requiredFor: { personKinds: [], roleKinds: ['online-safety-lead'] },
        frequency: 'annual',
        evidence: 'The event or document, with the date attended or read.',
        source: ['seed 003 line 195'],
      },
      {
        id: 'data-protection-role',
        title: 'Data protection for particular functions',
        description:
          'Training for staff with particular data protection functions, such as handling requests under the individual’s rights.',
        requiredFor: { personKinds: [], roleKinds: ['dpo'] },
        frequency: 'annual',
        evidence: 'A certificate from the provider.',
        source: ['seed 003 line 351'],
      },
    ],
    titles: { 'data-protection': 'Data protection (induction and refresher)' },
  },
  'st-john-payne': {
    titles: {
      'online-safety-refresher': 'eSafety INSET training',
      'data-protection': 'Data security awareness',
    },
    sources: {
      'online-safety-refresher': ['seed 004 line 256'],
      'online-safety-induction': ['seed 004 line 257'],
    },
  },
};

/** The catalogue for a school's template (the common one for a template without changes). */
export function coursesFor(templateId: string): Course[] {
  const s = SCHOOL_COURSES[templateId] ?? {};
  return [
    ...COMMON_COURSES.map((c) => ({
      ...c,
      title: s.titles?.[c.id] ?? c.title,
      source: [...(s.sources?.[c.id] ?? []), ...c.source],
    })),
    ...(s.extra ?? []),
  ];
}
