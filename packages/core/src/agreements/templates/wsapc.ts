import type { AgreementTemplateInput } from '../schema.ts';
import { ADULT_FIELDS, havenFieldsReading, PARENT_FIELDS, PUPIL_FIELDS, placesIn } from './shared.ts';

/**
 * WSAPC (seed 003, SWGfL template, two filtering set-ups). The seed gives no agreement text. It
 * names the Staff AUP (line 84), the Student/Pupil AUP (line 124), the agreement for Other Users
 * (lines 140, 234) and, among its linked policies, the parents' and carers' one (line 564); it says
 * what some must contain (monitoring, line 228; mobile technologies, line 252). Haven writes those
 * four, and one for governors, from the policy's statements. The Staff and Student Laptop
 * Agreements (lines 236, 565-566) go with an allocated device and belong to the device work; the
 * agreements here point to them for personal use at home.
 */

const SEED = '003_7b798a0a21d1a361.txt';
const at = placesIn(SEED);

const SCOPE = 'Scope of the Policy';
const GOVERNORS = 'Governors';
const TEACHING_STAFF = 'Teaching and Support Staff';
const PUPILS = 'Pupils';
const PARENTS = 'Parents/Carers';
const OTHER_USERS = 'Other Users';
const STAFF_TRAINING = 'Education & Training – Staff/Volunteers';
const GOVERNOR_TRAINING = 'Training – Governors';
const TECHNICAL = 'Technical – infrastructure/equipment, filtering and monitoring';
const MOBILE = 'Mobile Technologies (including BYOD/BYOT)';
const SCHOOL_DEVICES = 'WSAPC owned/provided devices';
const PERSONAL_DEVICES = 'Personal devices';
const IMAGES = 'Use of digital and video images';
const DATA = 'Data Protection';
const COMMUNICATIONS = 'Communications';
const SOCIAL = 'Social Media - Protecting Professional Identity';
const PERSONAL_USE = 'Personal Use';
const UNSUITABLE = 'Dealing with unsuitable/inappropriate activities';
const LINKED = 'Linked Policies';

const SHARED = {
  password: {
    id: 'password',
    text: 'My username and password are my responsibility and I keep them secure.',
    source: at(TECHNICAL, 217),
  },
  monitored: {
    id: 'monitored',
    text: 'I know that WSAPC technical staff regularly watch and record what users do on its technical systems.',
    source: at(TECHNICAL, 228),
  },
  emailMonitored: {
    id: 'email-monitored',
    text: 'I know that the official WSAPC email service is monitored.',
    source: at(COMMUNICATIONS, 375),
  },
  reportMessages: {
    id: 'report-messages',
    text: 'If any message makes me uncomfortable, or is offensive, discriminatory, threatening or bullying, I report it at once to the nominated person and do not reply.',
    source: at(COMMUNICATIONS, 381),
  },
  professionalContact: {
    id: 'professional-contact',
    text: 'My digital contact with pupils, parents and carers — by email, Teams, the learning platform and so on — is professional in tone and content and happens only on official, monitored WSAPC systems, never by personal email, texts from a personal phone or social media.',
    source: at(COMMUNICATIONS, 382),
  },
  unsuitable: {
    id: 'unsuitable',
    text: 'In school, and outside it when using school equipment or systems, I take no part in the activities the policy lists as unsuitable.',
    source: at(UNSUITABLE, 435),
  },
  noBypass: {
    id: 'no-bypass',
    text: "I use no system, application, website or other means to get round WSAPC's filtering or other safeguards.",
    source: at(UNSUITABLE, 456),
  },
  educationalImages: {
    id: 'school-equipment',
    text: "I take digital or video images only to support educational aims and only on WSAPC equipment, never my own, and I follow WSAPC's policies on sharing, distributing and publishing them.",
    source: at(IMAGES, 307),
  },
} as const;

const staff: AgreementTemplateInput = {
  id: 'staff',
  audience: 'staff',
  title: 'Staff Acceptable Use Policy/Agreement (AUP)',
  version: 1,
  seed: null,
  named: { label: 'Staff Acceptable Use Policy/Agreement (AUP)', source: at(TEACHING_STAFF, 84) },
  signer: 'self',
  signerSource: at(TEACHING_STAFF, 84),
  intro:
    'For WSAPC’s teaching and support staff, agency staff and volunteers, written by Haven from the Online Safety Policy.',
  introSource: at(TEACHING_STAFF, 84),
  sections: [
    {
      id: 'responsibilities',
      title: 'My responsibilities',
      items: [
        {
          id: 'up-to-date',
          text: 'I keep up to date with online safety matters and with WSAPC’s current Online Safety Policy and practice.',
          source: at(TEACHING_STAFF, 83),
        },
        {
          id: 'report-misuse',
          text: 'I report any misuse I suspect, or any problem, to the Headteacher, the Senior Leadership Team or the Online Safety Lead.',
          source: at(TEACHING_STAFF, 85),
        },
        {
          id: 'watch-devices',
          text: 'I keep watch over how digital technologies, mobile devices and cameras are used in lessons and other activities, and apply WSAPC’s rules on them.',
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
      id: 'systems',
      title: 'Accounts, monitoring and school devices',
      items: [
        SHARED.password,
        SHARED.monitored,
        {
          id: 'report-incidents',
          text: 'I report any actual or possible technical incident or security breach to the right person through the online Health and Safety reporting system.',
          source: at(TECHNICAL, 230),
        },
        {
          id: 'laptop-agreement',
          text: 'Any personal use that I or my family make of a school device away from WSAPC stays within what the Staff Laptop Agreement allows.',
          source: at(TECHNICAL, 236),
        },
        {
          id: 'removable-media',
          text: "I use memory sticks, CDs, DVDs and other removable media on school devices only as WSAPC's policy allows.",
          source: at(TECHNICAL, 240),
        },
        {
          id: 'personal-data-secured',
          text: 'Personal data goes over the internet or leaves a WSAPC site only once it has been encrypted or secured in another way.',
          source: at(TECHNICAL, 240),
        },
      ],
    },
    {
      id: 'devices',
      title: 'Mobile and allocated devices',
      items: [
        {
          id: 'educational-purpose',
          text: 'I use mobile and personal devices in school mainly for education, or for CPD and training.',
          source: at(MOBILE, 246),
        },
        {
          id: 'equipment-security',
          text: 'I take full responsibility for keeping any school-provided equipment secure and safe.',
          source: at(SCHOOL_DEVICES, 267),
        },
        {
          id: 'return-devices',
          text: 'When I leave WSAPC, I hand my device or devices back to the Technical Staff.',
          source: at(SCHOOL_DEVICES, 279),
        },
      ],
    },
    {
      id: 'images',
      title: 'Images',
      items: [
        SHARED.educationalImages,
        {
          id: 'publishing-permission',
          text: 'I put photographs of pupils on WSAPC’s website or its social media accounts only once their parents or carers have given written permission.',
          source: at(IMAGES, 312),
        },
      ],
    },
    {
      id: 'personal-data',
      title: 'Personal data',
      items: [
        {
          id: 'safe-keeping',
          text: 'At all times I look after personal data carefully, so that it is unlikely to be lost or misused.',
          source: at(DATA, 362),
        },
        {
          id: 'breaches',
          text: 'I can spot a possible data breach, I know it is urgent, and I know who at WSAPC to report it to.',
          source: at(DATA, 363),
        },
        {
          id: 'subject-requests',
          text: 'I can help people understand their data rights, I know how to deal with a spoken or written request, and I know who at WSAPC to pass it to.',
          source: at(DATA, 364),
        },
        {
          id: 'encrypt-devices',
          text: 'Personal data I keep or move on mobile devices or USB sticks is encrypted and password protected.',
          source: at(DATA, 365),
        },
        {
          id: 'no-personal-devices',
          text: 'I move no WSAPC personal data onto personal devices except as school policy allows.',
          source: at(DATA, 366),
        },
        {
          id: 'secure-devices',
          text: 'I look at personal records and data sources only on computers and devices that are secure and password-protected, logging off fully when each session that used them ends.',
          source: at(DATA, 367),
        },
      ],
    },
    {
      id: 'communications',
      title: 'Email and messages',
      items: [
        {
          id: 'email',
          text: 'I know that WSAPC email is monitored, and in school or on school systems I communicate only through the WSAPC email service.',
          source: at(COMMUNICATIONS, 375),
        },
        SHARED.reportMessages,
        SHARED.professionalContact,
      ],
    },
    {
      id: 'social-media',
      title: 'Social media',
      items: [
        {
          id: 'no-references',
          text: 'On social media I never mention WSAPC staff, pupils, parents or carers.',
          source: at(SOCIAL, 400),
        },
        {
          id: 'no-personal-matters',
          text: 'I stay out of online discussions about the personal matters of anyone in the WSAPC community.',
          source: at(SOCIAL, 404),
        },
        {
          id: 'own-opinions',
          text: 'I attribute none of my personal opinions to WSAPC or the Local Authority.',
          source: at(SOCIAL, 405),
        },
        {
          id: 'security-settings',
          text: 'I check the security settings of my personal social media profiles regularly, so that personal information is less likely to be lost.',
          source: at(SOCIAL, 406),
        },
        {
          id: 'disclaimer',
          text: 'If a personal account of mine is linked to WSAPC or affects it, I make clear with a suitable disclaimer that I am not speaking for WSAPC.',
          source: at(PERSONAL_USE, 418),
        },
        {
          id: 'excessive-use',
          text: 'I understand that if my personal social media use in school becomes excessive and interferes with my duties, disciplinary action may follow.',
          source: at(PERSONAL_USE, 420),
        },
      ],
    },
    {
      id: 'unsuitable-activities',
      title: 'Activities I take no part in',
      items: [SHARED.unsuitable, SHARED.noBypass],
    },
  ],
  form: {
    kind: 'statements',
    declarations: [
      {
        id: 'read-and-agree',
        text: 'I have read and understood this agreement, and I will keep to it.',
        source: at(TEACHING_STAFF, 84),
      },
    ],
    fields: [...ADULT_FIELDS],
  },
  renewal: 'induction',
  renewalSource: at(STAFF_TRAINING, 194),
  readings: [
    {
      where: 'seed',
      reading:
        'Named but not given. Haven writes it from the staff duties (lines 83-94), the technical statements (217-240), mobile and allocated devices (246-279), images (307, 312), the staff data duties (362-367, R003-115), communications (375-382), social media (400-420, R003-126) and unsuitable activities (435, 456).',
    },
    {
      where: 'sections (laptop-agreement)',
      reading:
        'The extent of personal use of school devices out of school is set by the Staff Laptop Agreement (line 236), which the seed names but does not give; this agreement defers to it.',
    },
    {
      where: 'renewal',
      reading:
        'New staff are trained on the Acceptable Use Agreements at induction (line 194): signed at induction and again for a new version.',
    },
    havenFieldsReading(ADULT_FIELDS),
  ],
};

const otherUsers: AgreementTemplateInput = {
  id: 'other-users',
  audience: 'supply-guest',
  alsoFor: ['visitor', 'community-user'],
  title: 'Acceptable Use Agreement/Policy for Other Users',
  version: 1,
  seed: null,
  named: { label: 'Acceptable Use Agreement/Policy for Other Users', source: at(TECHNICAL, 234) },
  signer: 'self',
  signerSource: at(OTHER_USERS, 140),
  intro:
    'For guests such as trainee and supply teachers, for visitors, and for anyone else who uses WSAPC systems as part of the wider school. Written by Haven from the Online Safety Policy.',
  introSource: at(TECHNICAL, 234),
  sections: [
    {
      id: 'access',
      title: 'My access',
      items: [
        {
          id: 'defined-rights',
          text: 'I use only the school systems and devices my defined access rights cover.',
          source: at(TECHNICAL, 216),
        },
        SHARED.monitored,
        {
          id: 'temporary',
          text: 'Any access I have as a guest is temporary.',
          source: at(TECHNICAL, 234),
        },
      ],
    },
    {
      id: 'own-device',
      title: 'If I bring my own device',
      items: [
        {
          id: 'educational-purpose',
          text: 'I use a mobile or personal device in school mainly for education, or for CPD and training.',
          source: at(MOBILE, 246),
        },
        {
          id: 'purpose',
          text: 'I bring my own device only when I am delivering training or an educational session, whoever it is for.',
          source: at(PERSONAL_DEVICES, 286),
        },
        {
          id: 'filtered',
          text: 'On the WSAPC wireless network my device is filtered like any other, whoever owns it.',
          source: at(PERSONAL_DEVICES, 287),
        },
        {
          id: 'internet-only',
          text: 'My device gets no network access beyond that.',
          source: at(PERSONAL_DEVICES, 288),
        },
        {
          id: 'no-support',
          text: 'No technical support is given for my device.',
          source: at(PERSONAL_DEVICES, 289),
        },
        {
          id: 'misuse',
          text: 'If WSAPC suspects misuse of its internet access, it deals with it under its safeguarding, behaviour, disciplinary or other relevant policy.',
          source: at(PERSONAL_DEVICES, 290),
        },
        {
          id: 'not-liable',
          text: 'WSAPC is not liable for loss, damage or malfunction after my device has been on its network.',
          source: at(PERSONAL_DEVICES, 291),
        },
        {
          id: 'identifiable',
          text: 'My device can readily be identified as mine.',
          source: at(PERSONAL_DEVICES, 292),
        },
      ],
    },
    {
      id: 'conduct',
      title: 'While I am at WSAPC',
      items: [
        SHARED.educationalImages,
        SHARED.emailMonitored,
        SHARED.reportMessages,
        SHARED.professionalContact,
        SHARED.unsuitable,
        SHARED.noBypass,
      ],
    },
  ],
  form: {
    kind: 'statements',
    declarations: [
      {
        id: 'read-and-agree',
        text: 'I have read this agreement and will keep to it while I use WSAPC systems.',
        source: at(OTHER_USERS, 140),
      },
    ],
    fields: [
      ...ADULT_FIELDS,
      {
        id: 'own-device',
        label: 'Own device brought in (make, model or other identifier)',
        type: 'text',
        optional: true,
        source: null,
      },
    ],
  },
  renewal: 'version',
  renewalSource: null,
  before: {
    text: 'No access to school systems until it is signed; guests’ access is then temporary.',
    source: at(OTHER_USERS, 140),
  },
  readings: [
    {
      where: 'seed',
      reading:
        'Named but not given. Haven writes it from access rights and monitoring (lines 216, 228), temporary guest access (234), the rules for visitors’ own devices (246, 286-292: purpose, same filtering, no other access, no support, no liability, identifiable), images (307, which binds volunteers), communications (375-382) and unsuitable activities (435, 456).',
    },
    {
      where: 'audience, alsoFor',
      reading:
        'Line 234 names trainee teachers, supply teachers and visitors as the guests who accept this agreement, and line 140 extends it to other users of school systems; one agreement covers all of them.',
    },
    {
      where: 'form.fields (own-device)',
      reading:
        'Visitors’ devices must be readily identifiable (line 292; R003-087), so the form asks for the device, left blank when none is brought. The label is Haven’s.',
    },
    {
      where: 'renewal',
      reading:
        'The seed says only "before being provided with access": signed before first access and again for a new version.',
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
    'What governors take on for online safety at WSAPC, and how they use its systems, written by Haven from the Online Safety Policy.',
  introSource: null,
  sections: [
    {
      id: 'role',
      title: 'My part as a governor',
      items: [
        {
          id: 'approve-review',
          text: 'With the other governors I approve the Online Safety Policy and judge how well it works, through the resource committee and the regular information on incidents and monitoring that it receives.',
          source: at(GOVERNORS, 26),
        },
        {
          id: 'health-and-safety-governor',
          text: 'If I am the Health and Safety and Safeguarding Governor, I go to Health and Safety Committee meetings, keep a regular check on the online safety incident logs and the filtering and change control logs, and report to the relevant Governors meetings.',
          source: at(GOVERNORS, 30),
        },
      ],
    },
    {
      id: 'training',
      title: 'Training',
      items: [
        {
          id: 'training',
          text: 'I attend online safety training or awareness sessions, above all if I sit on a subcommittee or group dealing with technology, online safety, health and safety or child protection.',
          source: at(GOVERNOR_TRAINING, 204),
        },
        {
          id: 'training-routes',
          text: 'That training may come from the Local Authority, the National Governors Association or another relevant body, or from WSAPC’s own sessions for staff or parents.',
          source: at(GOVERNOR_TRAINING, 206),
        },
      ],
    },
    {
      id: 'oversight',
      title: 'Oversight of the network',
      items: [
        {
          id: 'safe-network',
          text: 'With senior leaders, I help make sure WSAPC’s infrastructure and network are as safe and secure as can reasonably be achieved, and that the procedures this policy approves are carried out.',
          source: at(TECHNICAL, 211),
        },
      ],
    },
    {
      id: 'using-systems',
      title: 'Using WSAPC systems',
      items: [SHARED.password, SHARED.monitored, SHARED.emailMonitored, SHARED.unsuitable],
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
        'The seed neither gives nor names an agreement for governors. Haven writes one from the governors’ role (lines 26-35), their training (204-207), their share in keeping the network safe (211) and what every user of WSAPC systems is asked (217-435).',
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

const secondaryPupil: AgreementTemplateInput = {
  id: 'secondary-pupil',
  audience: 'secondary-pupil',
  title: 'Student/Pupil Acceptable Use Policy',
  version: 1,
  seed: null,
  named: { label: 'Student/Pupil Acceptable Use Policy', source: at(PUPILS, 124) },
  signer: 'self',
  signerSource: at(PUPILS, 124),
  intro:
    'How I use WSAPC’s digital technology safely and fairly, in and out of school. Written by Haven from the Online Safety Policy.',
  introSource: at(PUPILS, 124),
  sections: [
    {
      id: 'responsibilities',
      title: 'My responsibilities',
      items: [
        {
          id: 'research',
          text: 'I use good research skills, avoid plagiarism and respect copyright.',
          source: at(PUPILS, 125),
        },
        {
          id: 'report',
          text: 'I understand why reporting abuse, misuse or inappropriate material matters, and I know how to report it.',
          source: at(PUPILS, 126),
        },
        {
          id: 'know-rules',
          text: "I know WSAPC's rules on mobile devices and digital cameras, on taking and using images, and on online bullying.",
          source: at(PUPILS, 127),
        },
        {
          id: 'out-of-school',
          text: 'I follow good online safety practice outside school too: the Online Safety Policy covers what I do away from WSAPC whenever it is linked to my being a member of WSAPC.',
          source: at(PUPILS, 128),
        },
      ],
    },
    {
      id: 'accounts',
      title: 'My account and school devices',
      items: [
        SHARED.password,
        SHARED.monitored,
        {
          id: 'laptop-agreement',
          text: 'If I am lent a school laptop, my family and I use it away from WSAPC only as the Student Laptop Agreement allows.',
          source: at(TECHNICAL, 236),
        },
        {
          id: 'no-installing',
          text: 'I do not try to download programs or install apps on school devices.',
          source: at(TECHNICAL, 238),
        },
      ],
    },
    {
      id: 'personal-devices',
      title: 'Personal devices',
      items: [
        {
          id: 'not-in-school',
          text: 'I do not use a personal device in school.',
          source: at(PERSONAL_DEVICES, 285),
        },
      ],
    },
    {
      id: 'images',
      title: 'Images and my work',
      items: [
        {
          id: 'images-of-others',
          text: 'I take, use, share, publish or pass on pictures of other people only when they have agreed.',
          source: at(IMAGES, 309),
        },
        {
          id: 'my-work',
          text: 'My work is published only when both I and my parents or carers have said yes.',
          source: at(IMAGES, 313),
        },
      ],
    },
    {
      id: 'communications',
      title: 'Email and messages',
      items: [
        SHARED.emailMonitored,
        {
          id: 'school-email-only',
          text: 'In school and on school systems I contact people only through the WSAPC email service.',
          source: at(COMMUNICATIONS, 379),
        },
        {
          id: 'report-messages',
          text: 'If I receive anything that makes me uncomfortable or is offensive, discriminatory, threatening or bullying, I tell the nominated person at once and do not reply.',
          source: at(COMMUNICATIONS, 381),
        },
        {
          id: 'own-address',
          text: 'Any school email address of my own is for my learning.',
          source: at(COMMUNICATIONS, 383),
        },
      ],
    },
    {
      id: 'unsuitable-activities',
      title: 'Activities I take no part in',
      items: [
        SHARED.unsuitable,
        {
          id: 'no-bypass',
          text: "I never try to get round WSAPC's filtering or other safeguards.",
          source: at(UNSUITABLE, 456),
        },
        {
          id: 'no-gaming',
          text: 'I do not play non-educational games online.',
          source: at(UNSUITABLE, 462),
        },
        { id: 'no-gambling', text: 'I do not gamble online.', source: at(UNSUITABLE, 463) },
      ],
    },
  ],
  form: {
    kind: 'statements',
    declarations: [
      {
        id: 'read-and-agree',
        text: 'I will use WSAPC’s digital technology systems as this agreement sets out.',
        source: at(PUPILS, 124),
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
        'Named but not given. Haven writes it from the pupils’ duties (lines 125-128, covering mobile devices, cameras, images, online bullying and conduct out of school as R003-044 asks), accounts and devices (217-238, 285), images of others and publishing work (309, 313), email (375-383) and the User Actions table (435-463).',
    },
    {
      where: 'sections (unsuitable-activities)',
      reading:
        'Gaming and gambling are rated from the columns as read after the page break (requirements-notes, 003): both Unacceptable.',
    },
    {
      where: 'renewal',
      reading: 'The seed is silent; Haven’s default for pupils is to sign again each school year.',
    },
    havenFieldsReading(PUPIL_FIELDS),
  ],
};

const parent: AgreementTemplateInput = {
  id: 'parent',
  audience: 'parent',
  title: 'Parent/Carer Acceptable Use Agreement',
  version: 1,
  seed: null,
  named: {
    label: 'Acceptable Use Policy/Agreement (Parent/Carers, Pupils, Staff/Others)',
    source: at(LINKED, 564),
  },
  signer: 'self',
  signerSource: null,
  intro:
    'What WSAPC asks of parents and carers in keeping their children safe online, written by Haven from the Online Safety Policy.',
  introSource: at(PARENTS, 132),
  sections: [
    {
      id: 'out-of-school',
      title: 'Out of school',
      items: [
        {
          id: 'informed',
          text: 'I understand that WSAPC will tell me, where it knows, about inappropriate online safety behaviour by my child out of school.',
          source: at(SCOPE, 9),
        },
      ],
    },
    {
      id: 'guidelines',
      title: 'Guidelines I follow',
      items: [
        {
          id: 'support',
          text: 'I help WSAPC promote good practice in online safety.',
          source: at(PARENTS, 132),
        },
        {
          id: 'event-images',
          text: "When I use digital or video images from school events, I follow WSAPC's guidelines.",
          source: at(PARENTS, 134),
        },
        {
          id: 'records-and-platforms',
          text: 'I follow its guidelines on access to parent pupil records and the online learning platforms.',
          source: at(PARENTS, 135),
        },
        {
          id: 'personal-devices',
          text: 'I follow its guidelines on my child’s personal devices in WSAPC, where they are allowed, government-issued laptops included.',
          source: at(PARENTS, 136),
        },
      ],
    },
    {
      id: 'devices',
      title: 'Devices',
      items: [
        {
          id: 'laptop-agreement',
          text: 'Any personal use that my family makes of a school device my child has at home stays within what the Student Laptop Agreement allows.',
          source: at(TECHNICAL, 236),
        },
        {
          id: 'no-personal-devices',
          text: 'I understand that my child may not use a personal device in school.',
          source: at(PERSONAL_DEVICES, 285),
        },
      ],
    },
    {
      id: 'images',
      title: 'Photos and videos at events',
      items: [
        {
          id: 'personal-use-only',
          text: 'Photos and videos I take of my child at WSAPC events are for my own personal use: I do not publish them or make them public on social networking sites, and I do not comment on other pupils who appear in them.',
          source: at(IMAGES, 305),
        },
      ],
    },
    {
      id: 'contact',
      title: 'Contact with staff',
      items: [
        {
          id: 'official-systems',
          text: 'I expect WSAPC staff to contact me only through official WSAPC systems, never through personal email, texts from a personal phone or social media.',
          source: at(COMMUNICATIONS, 382),
        },
      ],
    },
  ],
  form: {
    kind: 'statements',
    declarations: [
      {
        id: 'read-and-agree',
        text: 'I have read this agreement and will support WSAPC by keeping to it.',
        source: null,
      },
    ],
    fields: [...PARENT_FIELDS],
  },
  renewal: 'induction',
  renewalSource: null,
  readings: [
    {
      where: 'seed, named',
      reading:
        'Named among the linked policies (line 564) but not given. Haven writes it from what the policy asks of parents and carers: the guidelines they follow (lines 132-136, R003-046), the mobile-technology rules the parents’ agreement must cover (252: laptops at home, 236; no personal devices, 285), images at events (305, R003-090), how staff contact them (382) and being told of incidents out of school (9).',
    },
    {
      where: 'form.declarations (read-and-agree)',
      reading: 'The seed does not say when or how parents sign; the declaration is Haven’s.',
    },
    {
      where: 'renewal',
      reading:
        'The seed is silent; Haven’s default for parents is to sign when their child joins and for each new version.',
    },
    {
      where: 'consents',
      reading:
        'Written permission to publish a pupil’s photographs (line 312) and work (line 313) is a consent, recorded by the consents work, not agreed here.',
    },
    havenFieldsReading(PARENT_FIELDS),
  ],
};

export const wsapcAgreements: AgreementTemplateInput[] = [
  staff,
  otherUsers,
  governor,
  secondaryPupil,
  parent,
];
