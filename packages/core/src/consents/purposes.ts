import type { SeedLabel, SeedPlace } from '../agreements/schema.ts';

/**
 * What parents are asked to consent to, per school template, as each seed asks it. The question
 * is the seed's own words (verbatim, with its line); the title is Haven's short name for it.
 *
 * `noResponse` is the school's stated default when a parent never answers: `assumed` where the
 * policy says silence counts (seed 001 appendix 6 only), else `none`. Haven records the school's
 * default but never reports it as consent given: see `publishingCheck` and docs/consents.md.
 */

export type ConsentKind = 'images' | 'internet';
export type NoResponseDefault = 'assumed' | 'none';

export interface ConsentUse {
  id: string;
  /** The seed's words for this use, verbatim. */
  label: string;
  noResponse: NoResponseDefault;
}

export interface ConsentPurpose {
  id: string;
  kind: ConsentKind;
  title: string;
  question: SeedLabel;
  /** The answers the seed's form offers, verbatim, where it has a form. */
  options: string[];
  noResponse: NoResponseDefault;
  /** Where the seed states its default (null: the seed says nothing, so no response is no consent). */
  noResponseSource: SeedLabel | null;
  /** Whether this purpose covers publishing on the school website (the publishing check's default). */
  website: boolean;
  /**
   * The separate uses one question bundles, where the school's default differs between them
   * (seed 001 question 2: the deemed consent reaches the Trust, not the press; requirements-notes 001).
   */
  uses: ConsentUse[];
}

export interface ConsentForm {
  heading: SeedLabel | null;
  /** The form's fields, labels verbatim (seed 001 appendix 6), or none where the seed has no form. */
  fields: SeedLabel[];
}

export interface ConsentTemplate {
  templateId: string;
  seed: string;
  purposes: ConsentPurpose[];
  form: ConsentForm;
}

const place =
  (seed: string) =>
  (section: string, line: number): SeedPlace => ({ seed, section, line });

const S000 = '000_5dc4f1688d9d3a79.txt';
const S001 = '001_ad7e64b621ffb9c4.txt';
const S003 = '003_7b798a0a21d1a361.txt';
const S004 = '004_e74e0a9d0aa1a338.txt';

const at001 = place(S001);
const APPENDIX_6 = 'APPENDIX 6 – Use of photographs and videos';
const NO_RESPONSE_001: SeedLabel = {
  label:
    'IF WE DO NOT RECEIVE A RESPONSE TO THIS LETTER WE WILL ASSUME YOU ARE HAPPY FOR YOUR CHILD TO HAVE THEIR PHOTOGRAPH TAKEN AND FOR US TO USE IT FOR SCHOOL AND HACKNEY EDUCATION PURPOSES.',
  source: at001(APPENDIX_6, 940),
};

const primaryAdvantage: ConsentTemplate = {
  templateId: 'primary-advantage',
  seed: S001,
  purposes: [
    {
      id: 'school-photos',
      kind: 'images',
      title: 'Photographs and videos for the school, including the website',
      question: {
        label:
          "I consent to my child being photographed / videoed for the school's purposes including the school website?",
        source: at001(APPENDIX_6, 916),
      },
      options: ['Yes', 'No'],
      noResponse: 'assumed',
      noResponseSource: NO_RESPONSE_001,
      website: true,
      uses: [],
    },
    {
      id: 'third-party-photos',
      kind: 'images',
      title: 'Photographs and videos for the Trust, the press and visiting companies',
      question: {
        label:
          'I consent to my child being photographed / videoed for Hackney Learning Trust, press/publicity and educational companies that might visit the school? E.g Local Library, Theatre & Events purposes.',
        source: at001(APPENDIX_6, 919),
      },
      options: ['Yes', 'No'],
      // One answer covers all three; the deemed consent reaches only "Hackney education purposes".
      noResponse: 'none',
      noResponseSource: NO_RESPONSE_001,
      website: false,
      uses: [
        { id: 'hackney-learning-trust', label: 'Hackney Learning Trust', noResponse: 'assumed' },
        { id: 'press-publicity', label: 'press/publicity', noResponse: 'none' },
        {
          id: 'educational-companies',
          label: 'educational companies that might visit the school',
          noResponse: 'none',
        },
      ],
    },
    {
      id: 'supervised-internet',
      kind: 'internet',
      title: 'Internet access in supervised sessions',
      question: {
        label:
          'I consent to my child having Internet access during supervised teaching sessions (including lunchtime and after school clubs)?',
        source: at001(APPENDIX_6, 927),
      },
      options: ['Yes', 'No'],
      // The no-response line speaks of photographs only.
      noResponse: 'none',
      noResponseSource: null,
      website: false,
      uses: [],
    },
  ],
  form: {
    heading: { label: 'PHOTOGRAPHS, VIDEOS AND WEBSITE', source: at001(APPENDIX_6, 912) },
    fields: [
      { label: 'Parent/Carer Name:', source: at001(APPENDIX_6, 930) },
      { label: 'Parent/Carer Signature:', source: at001(APPENDIX_6, 932) },
      { label: "Child's Name:", source: at001(APPENDIX_6, 934) },
      { label: "Child's Year:", source: at001(APPENDIX_6, 936) },
      { label: 'Date', source: at001(APPENDIX_6, 938) },
    ],
  },
};

const websiteOnly = (
  templateId: string,
  seed: string,
  section: string,
  line: number,
  label: string,
): ConsentTemplate => ({
  templateId,
  seed,
  purposes: [
    {
      id: 'website-photos',
      kind: 'images',
      title: 'Photographs published on the school website',
      question: { label, source: place(seed)(section, line) },
      options: [],
      noResponse: 'none',
      noResponseSource: null,
      website: true,
      uses: [],
    },
  ],
  form: { heading: null, fields: [] },
});

const at004 = place(S004);

const TEMPLATES: Record<string, ConsentTemplate> = {
  'milford-haven': websiteOnly(
    'milford-haven',
    S000,
    'Use of digital and video images',
    285,
    'Written permission from parents or carers will be obtained before photographs of pupils are published on the school website.',
  ),
  'primary-advantage': primaryAdvantage,
  // Westover's policy asks parents for no photo, video or internet consent.
  westover: {
    templateId: 'westover',
    seed: '002_40e16c7ed3df90b5.txt',
    purposes: [],
    form: { heading: null, fields: [] },
  },
  wsapc: websiteOnly(
    'wsapc',
    S003,
    'Use of digital and video images',
    312,
    'Written permission from parents or carers will be obtained before photographs of pupils are published on the WSAPC website or social media.',
  ),
  'st-john-payne': {
    templateId: 'st-john-payne',
    seed: S004,
    purposes: [
      {
        id: 'public-domain-images',
        kind: 'images',
        title: 'Images in the public domain, such as the school website',
        question: {
          label:
            'Parents/ carers are required to make a decision as to whether they consent to images of their child being taken/ used in the public domain (e.g., on school website)',
          source: at004('Parental Involvement', 315),
        },
        options: [],
        noResponse: 'none',
        noResponseSource: null,
        website: true,
        uses: [],
      },
      {
        id: 'school-images',
        kind: 'images',
        title: 'Images taken and used in school',
        question: {
          label:
            'With the written consent of parents (on behalf of pupils) and staff, the school permits the appropriate taking of images by staff and pupils provided the image is captured using a device which is property of the school.',
          source: at004('Safe Use of Images', 346),
        },
        options: [],
        noResponse: 'none',
        noResponseSource: null,
        website: false,
        uses: [],
      },
    ],
    form: { heading: null, fields: [] },
  },
};

/** The policy templates with a consents list (Westover's is empty: its policy asks for none). */
export function consentTemplateIds(): string[] {
  return Object.keys(TEMPLATES);
}

/** A school template's consents; a template Haven has none for (the blank one) has no purposes. */
export function consentTemplate(templateId: string): ConsentTemplate {
  return Object.hasOwn(TEMPLATES, templateId)
    ? TEMPLATES[templateId]!
    : { templateId, seed: '', purposes: [], form: { heading: null, fields: [] } };
}

export function consentPurpose(templateId: string, purposeId: string): ConsentPurpose | undefined {
  return consentTemplate(templateId).purposes.find((p) => p.id === purposeId);
}

/**
 * The school's default for one purpose, or for one use within it. Asked about the whole of a
 * bundled question, the default is `assumed` only if it is for every use.
 */
export function noResponseDefault(purpose: ConsentPurpose, useId?: string): NoResponseDefault {
  if (useId) {
    const use = purpose.uses.find((u) => u.id === useId);
    if (!use) throw new Error(`purpose "${purpose.id}" has no use "${useId}"`);
    return use.noResponse;
  }
  if (purpose.uses.length > 0)
    return purpose.uses.every((u) => u.noResponse === 'assumed') ? 'assumed' : 'none';
  return purpose.noResponse;
}
