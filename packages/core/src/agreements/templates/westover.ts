import type { AgreementTemplateInput } from '../schema.ts';
import {
  ADULT_FIELDS,
  havenFieldsReading,
  PUPIL_FIELDS,
  placesIn,
  SIGNED_FOR_PUPIL_FIELDS,
} from './shared.ts';

/**
 * Westover Primary School (seed 002). The seed gives no agreement text. It names the Staff
 * Acceptable Use Policy/Agreement kept in the staff handbook (line 86), the Student Acceptable Use
 * Policy (line 108) and the Community User AUA (line 123). Haven writes those from the policy's
 * statements, splitting the pupils' one by key stage so that each is age-appropriate, and writes a
 * governors' one. Visitors are in scope (line 32) and the "Users shall not" conditions apply to
 * every organisation using the school's ICT (line 133), so visitors and supply staff sign the
 * community user agreement. Parents are given guidelines (lines 116-119), not an agreement.
 */

const SEED = '002_40e16c7ed3df90b5.txt';
const at = placesIn(SEED);

const GOVERNORS = 'Governors';
const TECHNICAL = 'Network Manager/Technical Staff';
const TEACHING_STAFF = 'Teaching and Support Staff';
const DSL = 'DSL and Deputy DSLs';
const PUPILS = 'Pupils';
const COMMUNITY = 'Community Users';
const USE = 'Use of Internet Facilities, Mobile and Digital Technologies';
const REPORTING = 'Reporting Abuse';
const SANCTIONS = 'Sanctions';

/** The "Users shall not" conditions every adult agreement here carries (lines 131-171). */
const CONDITIONS = {
  purpose: {
    id: 'educational-purpose',
    text: 'I use the internet, mobile and digital technologies for the educational purpose they are there for, within the law and without creating needless risk.',
    source: at(USE, 131),
  },
  prohibitedContent: {
    id: 'prohibited-content',
    text: 'I never view, create or share — online or through school systems — anything involving indecent images of children, the promotion of discrimination, of racial or religious hatred or of illegal acts, or anything else likely to offend peers or colleagues.',
    source: at(USE, 137),
  },
  curricular: {
    id: 'planned-access',
    text: 'Where a planned lesson gains from a site that would otherwise count as inappropriate, I plan and record that access beforehand so it can be justified if asked.',
    source: at(USE, 145),
  },
  police: {
    id: 'police-referral',
    text: 'I know that deliberately visiting sites or groups with images of child abuse, adult material that may breach the Obscene Publications Act, criminally racist or anti-religious content, bomb-making or violence, the illegal taking or promotion of drugs, software piracy or other crime will be reported to the Police.',
    source: at(USE, 148),
  },
  business: {
    id: 'no-private-business',
    text: 'I do not use the school’s broadband to run a private business.',
    source: at(USE, 157),
  },
  copyright: {
    id: 'no-copyrighted-material',
    text: 'I do not upload, download or otherwise pass on commercial software, or copyrighted material that belongs to others.',
    source: at(USE, 158),
  },
  confidential: {
    id: 'confidential-information',
    text: 'I keep confidential and proprietary information to myself, never revealing or publicising it: financial or personal information, databases and what they hold, network access codes, business relationships.',
    source: at(USE, 159),
  },
  interference: {
    id: 'no-interference',
    text: "I do not deliberately disrupt the internet connection, whether by spreading viruses or by heavy traffic that gets in the way of others' use.",
    source: at(USE, 161),
  },
  soliciting: {
    id: 'no-soliciting',
    text: 'I do not use the internet to solicit, to put forward personal opinions or to reveal confidential information, or for anything else that could fairly be thought inappropriate.',
    source: at(USE, 162),
  },
  advertising: {
    id: 'no-advertising',
    text: 'I send no unsolicited commercial or advertising material to other organisations, unless it is part of a service they have chosen to subscribe to.',
    source: at(USE, 163),
  },
  otherUsers: {
    id: 'other-users',
    text: "I do nothing that corrupts or destroys other users' data, invades their privacy, disrupts their work or denies them service (by overloading the network, for example), and I introduce no viruses.",
    source: at(USE, 164),
  },
  mobile: {
    id: 'mobile',
    text: 'I never use mobile technology or mobile internet services to intimidate, threaten or harm anyone, to reach inappropriate material, or to encourage dangerous or illegal activity.',
    source: at(USE, 171),
  },
} as const;

const ACCOUNTS = {
  password: {
    id: 'password',
    text: "I sign in to the school's networks and devices only through its password system, and change my password as regularly as that system requires.",
    source: at(TECHNICAL, 75),
  },
  monitored: {
    id: 'monitored',
    text: 'I know that use of the network, the internet, the learning environment, remote access and email is regularly monitored, so that misuse can be reported and dealt with.',
    source: at(TECHNICAL, 78),
  },
} as const;

const staff: AgreementTemplateInput = {
  id: 'staff',
  audience: 'staff',
  title: 'Staff Acceptable Use Policy/Agreement',
  version: 1,
  seed: null,
  named: { label: 'Staff Acceptable Use Policy/Agreement', source: at(TEACHING_STAFF, 86) },
  signer: 'self',
  signerSource: at(TEACHING_STAFF, 86),
  intro:
    'For teaching and support staff and volunteers. The staff handbook holds it; Haven wrote it from Westover Primary School’s E-Safety Policy.',
  introSource: at(TEACHING_STAFF, 86),
  sections: [
    { id: 'accounts', title: 'Accounts and monitoring', items: [ACCOUNTS.password, ACCOUNTS.monitored] },
    {
      id: 'responsibilities',
      title: 'My responsibilities',
      items: [
        {
          id: 'up-to-date',
          text: 'I keep up to date with e-safety matters and with the school’s current e-safety policy and practice.',
          source: at(TEACHING_STAFF, 85),
        },
        {
          id: 'report-misuse',
          text: 'I report any misuse I suspect, or any problem, to the Headship team.',
          source: at(TEACHING_STAFF, 87),
        },
        {
          id: 'professional-communication',
          text: 'All my digital communication with pupils, parents and carers is professional and goes only through official school systems.',
          source: at(TEACHING_STAFF, 88),
        },
        {
          id: 'watch-devices',
          text: 'I keep watch over how digital technologies, mobile devices and cameras are used in lessons and school activities, and apply the school’s rules for them.',
          source: at(TEACHING_STAFF, 93),
        },
        {
          id: 'checked-sites',
          text: 'When a lesson plans internet use, I guide pupils to sites checked as suitable, and I know how to handle unsuitable material that a search turns up.',
          source: at(TEACHING_STAFF, 94),
        },
      ],
    },
    {
      id: 'school-devices',
      title: 'School devices at home',
      items: [
        {
          id: 'devices-at-home',
          text: 'School laptops and tablets I take home for work are used in safe surroundings, and any sensitive data on them is kept secure.',
          source: at(DSL, 104),
        },
      ],
    },
    {
      id: 'conditions',
      title: 'Conditions of use',
      items: [
        CONDITIONS.purpose,
        {
          id: 'responsibly',
          text: 'I use them responsibly and strictly on the conditions that follow.',
          source: at(USE, 133),
        },
        CONDITIONS.prohibitedContent,
        CONDITIONS.curricular,
        CONDITIONS.police,
        CONDITIONS.business,
        CONDITIONS.copyright,
        CONDITIONS.confidential,
        CONDITIONS.interference,
        CONDITIONS.soliciting,
        CONDITIONS.advertising,
        CONDITIONS.otherUsers,
        CONDITIONS.mobile,
      ],
    },
    {
      id: 'sanctions',
      title: 'If the policy is breached',
      items: [
        {
          id: 'disciplinary',
          text: 'I understand that breaching this policy may bring the disciplinary process upon me.',
          source: at(SANCTIONS, 194),
        },
        {
          id: 'serious-breaches',
          text: 'I understand that serious breaches — using the internet illegally, say, or a child-protection concern — may be passed to the Police or another regulator.',
          source: at(SANCTIONS, 195),
        },
      ],
    },
  ],
  form: {
    kind: 'statements',
    declarations: [
      {
        id: 'read-and-agree',
        text: 'I have read and understood this agreement, and I will keep to it.',
        source: at(TEACHING_STAFF, 86),
      },
    ],
    fields: [...ADULT_FIELDS],
  },
  renewal: 'induction',
  renewalSource: null,
  readings: [
    {
      where: 'seed',
      reading:
        'Named but not given. Haven writes it from the staff duties (lines 85-94), the password and monitoring duties of the technical staff (75, 78), the rule for school devices taken home (104), the conditions of use (131-171) and the sanctions for staff and volunteers (194-195).',
    },
    {
      where: 'sections (devices-at-home)',
      reading:
        'Line 104 sits in the DSL list but concerns anyone taking a school laptop or tablet home for work; read as applying to all staff.',
    },
    {
      where: 'sections (conditions)',
      reading:
        'The verb-form bullets after the police list (lines 157-171) continue "Users shall not" (requirements-notes, 002): they are prohibitions, not automatic police referrals.',
    },
    {
      where: 'renewal',
      reading:
        'The seed is silent; Haven’s default for staff is to sign at induction and for each new version.',
    },
    havenFieldsReading(ADULT_FIELDS),
  ],
};

const governor: AgreementTemplateInput = {
  id: 'governor',
  audience: 'governor',
  title: 'Governor Acceptable Use Agreement',
  version: 1,
  seed: null,
  named: null,
  signer: 'self',
  signerSource: null,
  intro:
    'What governors take on for e-safety at Westover Primary School, and how they use school systems, written by Haven from the E-Safety Policy.',
  introSource: null,
  sections: [
    {
      id: 'role',
      title: 'My part as a governor',
      items: [
        {
          id: 'approve-review',
          text: 'With the other governors I approve the E-Safety Policy and judge how well it works, using the regular information governors receive about e-safety incidents and monitoring.',
          source: at(GOVERNORS, 40),
        },
        {
          id: 'e-safety-governor',
          text: 'If I am the E-Safety Governor (a role that may be combined with the Child Protection/Safeguarding Governor), I meet the E-Safety Co-ordinator/Officer regularly, keep a regular check on the e-safety incident logs and the filtering and change control logs, and report to the relevant Governors, Board or Committee.',
          source: at(GOVERNORS, 40),
        },
      ],
    },
    {
      id: 'using-systems',
      title: 'Using school systems',
      items: [
        ACCOUNTS.password,
        ACCOUNTS.monitored,
        {
          id: 'responsibly',
          text: 'Whenever I use the school’s internet or its mobile and digital technology, I act responsibly and keep strictly to its conditions, which bind every organisation using its ICT.',
          source: at(USE, 133),
        },
        CONDITIONS.prohibitedContent,
        CONDITIONS.confidential,
      ],
    },
  ],
  form: {
    kind: 'statements',
    declarations: [
      {
        id: 'read-and-agree',
        text: 'I have read this agreement and will keep to it as a governor.',
        source: null,
      },
    ],
    fields: [...ADULT_FIELDS],
  },
  renewal: 'induction',
  renewalSource: null,
  readings: [
    {
      where: 'seed, named',
      reading:
        'The seed neither gives nor names an agreement for governors. Haven writes one from the governors’ role (line 40, with the E-Safety Governor’s duties at 42-45), the password and monitoring statements (75, 78) and the conditions of use (133-159).',
    },
    {
      where: 'form.declarations (read-and-agree)',
      reading: 'No line of the seed asks governors to sign; the declaration is Haven’s.',
    },
    {
      where: 'renewal',
      reading:
        'The seed is silent; Haven’s default for governors is to sign on appointment and for each new version.',
    },
    havenFieldsReading(ADULT_FIELDS),
  ],
};

const communityUser: AgreementTemplateInput = {
  id: 'community-user',
  audience: 'community-user',
  alsoFor: ['visitor', 'supply-guest'],
  title: 'Community User AUA',
  version: 1,
  seed: null,
  named: { label: 'Community User AUA', source: at(COMMUNITY, 123) },
  signer: 'self',
  signerSource: at(COMMUNITY, 123),
  intro:
    'For community users, visitors and supply staff who use the school’s systems or website. Written by Haven from the conditions Westover Primary School sets for every user.',
  introSource: at(COMMUNITY, 123),
  sections: [
    {
      id: 'using-systems',
      title: 'Using school systems',
      items: [
        ACCOUNTS.password,
        ACCOUNTS.monitored,
        CONDITIONS.purpose,
        {
          id: 'conditions-apply',
          text: 'The conditions below bind me as they bind staff and pupils, whichever voluntary, statutory or community organisation I come from.',
          source: at(USE, 133),
        },
      ],
    },
    {
      id: 'conditions',
      title: 'Conditions of use',
      items: [
        CONDITIONS.prohibitedContent,
        CONDITIONS.police,
        CONDITIONS.business,
        CONDITIONS.copyright,
        CONDITIONS.confidential,
        CONDITIONS.interference,
        CONDITIONS.soliciting,
        CONDITIONS.advertising,
        CONDITIONS.otherUsers,
        CONDITIONS.mobile,
      ],
    },
  ],
  form: {
    kind: 'statements',
    declarations: [
      {
        id: 'read-and-agree',
        text: 'I have read this agreement and will keep to it whenever I use the school’s systems or website.',
        source: at(COMMUNITY, 123),
      },
    ],
    fields: [...ADULT_FIELDS],
  },
  renewal: 'version',
  renewalSource: null,
  before: {
    text: 'No access to school systems until it is signed.',
    source: at(COMMUNITY, 123),
  },
  readings: [
    {
      where: 'seed',
      reading:
        'Named but not given. Haven writes it from the password and monitoring statements (lines 75, 78) and the conditions of use (131-171), which line 133 applies to voluntary, statutory and community organisations.',
    },
    {
      where: 'alsoFor',
      reading:
        'Visitors are in the policy’s scope (line 32) but have no agreement of their own; they and supply staff use the school’s ICT on the same conditions as community users, so they sign this one.',
    },
    {
      where: 'renewal',
      reading:
        'The seed says only "before being provided with access": signed before first access and again for a new version.',
    },
    havenFieldsReading(ADULT_FIELDS),
  ],
};

const ks1Pupil: AgreementTemplateInput = {
  id: 'ks1-pupil',
  audience: 'ks1-pupil',
  title: 'Student Acceptable Use Policy (Reception and Key Stage 1)',
  version: 1,
  seed: null,
  named: { label: 'Student Acceptable Use Policy', source: at(PUPILS, 108) },
  signer: 'parent',
  signerSource: null,
  intro:
    'How I stay safe and kind online. A grown-up at home reads it with me and signs it for me. Written by Haven from Westover Primary School’s E-Safety Policy.',
  introSource: at(PUPILS, 108),
  sections: [
    {
      id: 'keep-safe',
      title: 'How I keep safe online',
      items: [
        {
          id: 'tell',
          text: 'If I see or find something that upsets me or is not right, I tell a grown-up, and I know how to.',
          source: at(PUPILS, 110),
        },
        {
          id: 'rules',
          text: 'I know the rules about phones, cameras and taking pictures, and I am never unkind to anyone online.',
          source: at(PUPILS, 111),
        },
        {
          id: 'at-home',
          text: 'I keep safe online at home as well as at school.',
          source: at(PUPILS, 112),
        },
        {
          id: 'no-offending',
          text: 'I never look at or share things that could upset or offend other children or grown-ups.',
          source: at(USE, 143),
        },
        {
          id: 'nasty-messages',
          text: 'If I get a nasty message, or a website shows me something upsetting, I tell a grown-up straight away.',
          source: at(REPORTING, 175),
        },
        {
          id: 'breaking-rules',
          text: "I know that if I break the rules, the school's behaviour policy is used, and I might not be allowed to use the internet or email for a while.",
          source: at(SANCTIONS, 190),
        },
      ],
    },
  ],
  form: {
    kind: 'statements',
    declarations: [
      {
        id: 'parent-signs',
        text: 'We have read this agreement together, and I sign it for my child.',
        source: null,
      },
    ],
    fields: [...SIGNED_FOR_PUPIL_FIELDS],
  },
  renewal: 'school-year',
  renewalSource: null,
  readings: [
    {
      where: 'seed, title',
      reading:
        'The seed names one Student Acceptable Use Policy (line 108) and gives no text. Haven writes an age-appropriate one for Reception and KS1 and another for KS2, both from the pupils’ duties (lines 110-112), the conditions of use (143), reporting abuse (175) and sanctions (190).',
    },
    {
      where: 'signer, form.declarations (parent-signs)',
      reading:
        'The seed does not say who signs for young children. As the issue asks, a parent or carer signs for a Reception or KS1 pupil; the declaration is Haven’s.',
    },
    {
      where: 'renewal',
      reading: 'The seed is silent; Haven’s default for pupils is to sign again each school year.',
    },
    havenFieldsReading(SIGNED_FOR_PUPIL_FIELDS),
  ],
};

const ks2Pupil: AgreementTemplateInput = {
  id: 'ks2-pupil',
  audience: 'ks2-pupil',
  title: 'Student Acceptable Use Policy (Key Stage 2)',
  version: 1,
  seed: null,
  named: { label: 'Student Acceptable Use Policy', source: at(PUPILS, 108) },
  signer: 'self',
  signerSource: at(PUPILS, 108),
  intro:
    'How I use the school’s computers, tablets and the internet safely and fairly. Written by Haven from Westover Primary School’s E-Safety Policy.',
  introSource: at(PUPILS, 108),
  sections: [
    {
      id: 'responsibilities',
      title: 'My responsibilities',
      items: [
        {
          id: 'research',
          text: 'I research carefully, never pass off other people’s work as mine, and respect copyright.',
          source: at(PUPILS, 109),
        },
        {
          id: 'report',
          text: 'I understand why reporting abuse, misuse or inappropriate material matters, and I know how to report it.',
          source: at(PUPILS, 110),
        },
        {
          id: 'know-rules',
          text: 'I know the school’s rules on mobile devices and digital cameras, on taking and using pictures, and on cyber-bullying.',
          source: at(PUPILS, 111),
        },
        {
          id: 'out-of-school',
          text: 'I stay safe online out of school too: the school’s E-Safety Policy covers what I do outside school when it is linked to my being a pupil here.',
          source: at(PUPILS, 112),
        },
      ],
    },
    {
      id: 'using-technology',
      title: 'Using the school’s technology',
      items: [
        {
          id: 'no-offending',
          text: 'I never look at, make or share anything that could offend other pupils or adults.',
          source: at(USE, 143),
        },
        {
          id: 'copyright',
          text: 'I do not download, upload or share software, music or other material that belongs to someone else.',
          source: at(USE, 158),
        },
        {
          id: 'no-interference',
          text: 'I never spread viruses or download or send huge files that slow the internet down for everyone.',
          source: at(USE, 161),
        },
        {
          id: 'others-data',
          text: 'I never spoil or delete other people’s work or files.',
          source: at(USE, 165),
        },
        {
          id: 'privacy',
          text: 'I respect other people’s privacy online.',
          source: at(USE, 166),
        },
        {
          id: 'disruption',
          text: 'I do not get in the way of other people’s work.',
          source: at(USE, 167),
        },
        {
          id: 'mobile',
          text: 'I never use a phone or tablet to scare, threaten or hurt anyone, to look at things I should not, or to encourage something dangerous or against the law.',
          source: at(USE, 171),
        },
      ],
    },
    {
      id: 'something-wrong',
      title: 'If something goes wrong',
      items: [
        {
          id: 'abusive-messages',
          text: 'If I get an unkind or abusive email, or find a website with upsetting material by accident, I tell an adult at school straight away.',
          source: at(REPORTING, 175),
        },
        {
          id: 'behaviour-policy',
          text: "I know that breaking these rules is dealt with under the school's behaviour policy, and that it could end with my internet and email being taken away.",
          source: at(SANCTIONS, 190),
        },
        {
          id: 'serious',
          text: 'I know that very serious misuse, such as breaking the law online, may be reported to the Police.',
          source: at(SANCTIONS, 191),
        },
      ],
    },
  ],
  form: {
    kind: 'statements',
    declarations: [
      {
        id: 'read-and-agree',
        text: 'I have read this agreement and I will use the school’s technology the way it says.',
        source: at(PUPILS, 108),
      },
    ],
    fields: [...PUPIL_FIELDS],
  },
  renewal: 'school-year',
  renewalSource: null,
  readings: [
    {
      where: 'seed',
      reading:
        'Named but not given. Haven writes it from the pupils’ duties (lines 109-112), the conditions of use that fit pupils (143-171), reporting abuse (175) and the pupil sanctions (190-191).',
    },
    {
      where: 'renewal',
      reading: 'The seed is silent; Haven’s default for pupils is to sign again each school year.',
    },
    havenFieldsReading(PUPIL_FIELDS),
  ],
};

export const westoverAgreements: AgreementTemplateInput[] = [
  staff,
  governor,
  communityUser,
  ks1Pupil,
  ks2Pupil,
];
