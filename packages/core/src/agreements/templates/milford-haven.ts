import type { AgreementTemplateInput } from '../schema.ts';
import { ADULT_FIELDS, havenFieldsReading, PUPIL_FIELDS, placesIn } from './shared.ts';

/**
 * Milford Haven School (seed 000, SWGfL 2014 Welsh template). The seed gives no agreement text. It
 * names the Staff (and Guest) Acceptable Use Agreement (line 237; also "Staff AUP", line 105),
 * the Student / Pupil Acceptable Use Agreement (line 144) and the Community User AUA (line 160), and
 * says what some of them must contain (monitoring, line 234; personal use and removable media,
 * lines 238-240). Haven writes those three, and one for governors, from the policy's statements.
 * Visitors and supply teachers are "guests" and sign the staff agreement (line 237). Parents are
 * given guidelines (lines 152-156), not an agreement; the strengthened BYOD agreement (line 260) is
 * for when the school adopts BYOD.
 */

const SEED = '000_5dc4f1688d9d3a79.txt';
const at = placesIn(SEED);

const SCHEDULE = 'Schedule for Development / Monitoring / Review';
const GOVERNORS = 'Governors';
const TEACHING_STAFF = 'Teaching and Support Staff';
const PUPILS = 'Students / pupils';
const COMMUNITY = 'Community Users';
const STAFF_TRAINING = 'Education & Training – Staff / Volunteers';
const GOVERNOR_TRAINING = 'Training – Governors';
const TECHNICAL = 'Technical – infrastructure / equipment, filtering and monitoring';
const BYOD = 'Bring Your Own Device (BYOD)';
const IMAGES = 'Use of digital and video images';
const DATA = 'Data Protection';
const COMMUNICATIONS = 'Communications';
const SOCIAL = 'Social Media - Protecting Professional Identity';
const UNSUITABLE = 'Unsuitable / inappropriate activities';
const USER_ACTIONS = 'User Actions';

const staff: AgreementTemplateInput = {
  id: 'staff',
  audience: 'staff',
  alsoFor: ['supply-guest', 'visitor'],
  title: 'Staff (and Guest) Acceptable Use Agreement',
  version: 1,
  seed: null,
  named: { label: 'Staff (and Guest) Acceptable Use Agreement', source: at(TECHNICAL, 237) },
  signer: 'self',
  signerSource: at(TEACHING_STAFF, 105),
  intro:
    'For teaching and support staff, and for guests such as trainee teachers, supply teachers and visitors given temporary access to school systems. Written by Haven from Milford Haven School’s e-Safety Policy.',
  introSource: at(TECHNICAL, 237),
  sections: [
    {
      id: 'responsibilities',
      title: 'My responsibilities',
      items: [
        {
          id: 'up-to-date',
          text: 'I keep what I know about e-Safety, and about the school’s current e-Safety policy and practice, up to date.',
          source: at(TEACHING_STAFF, 104),
        },
        {
          id: 'report-misuse',
          text: 'I report any misuse I suspect, or any problem, to the e-Safety Officer to look into.',
          source: at(TEACHING_STAFF, 106),
        },
        {
          id: 'watch-devices',
          text: 'During lessons and other school activities I watch how digital technologies, mobile devices and cameras are used — people’s own devices too, where allowed — and apply the school’s rules on them.',
          source: at(TEACHING_STAFF, 112),
        },
        {
          id: 'checked-sites',
          text: 'When a lesson plans internet use, I point pupils to sites already checked as suitable, and I know what to do if a search turns up unsuitable material.',
          source: at(TEACHING_STAFF, 113),
        },
      ],
    },
    {
      id: 'accounts-and-monitoring',
      title: 'Accounts, monitoring and school devices',
      items: [
        {
          id: 'password',
          text: 'My username and password are my responsibility and I keep them secure; staff are advised to pick a new password every 45 days.',
          source: at(TECHNICAL, 229),
        },
        {
          id: 'monitored',
          text: 'I accept that, where they can, technical staff watch and record what I do on the school’s technical systems.',
          source: at(TECHNICAL, 234),
        },
        {
          id: 'report-incidents',
          text: 'I report any technical incident or security breach, actual or possible, to the right person by the agreed route.',
          source: at(TECHNICAL, 235),
        },
        {
          id: 'personal-use',
          text: 'Personal use of a school device taken out of school — by me or by anyone else — stays within the limits the school sets.',
          source: at(TECHNICAL, 238),
        },
        {
          id: 'removable-media',
          text: 'I use memory sticks, CDs, DVDs and other removable media on school devices only as the school allows.',
          source: at(TECHNICAL, 240),
        },
        {
          id: 'personal-data-secured',
          text: 'Personal data goes over the internet or leaves the school site only when it has been encrypted or secured in another way.',
          source: at(TECHNICAL, 240),
        },
      ],
    },
    {
      id: 'images',
      title: 'Images',
      items: [
        {
          id: 'school-equipment',
          text: 'I take digital or video images only to support educational aims and only on school equipment, never my own, and I share, distribute and publish them only as the Safeguarding Policy allows.',
          source: at(IMAGES, 280),
        },
        {
          id: 'website-permission',
          text: 'A photograph of a pupil goes on the school website only once the parents or carers have given written permission.',
          source: at(IMAGES, 285),
        },
      ],
    },
    {
      id: 'personal-data',
      title: 'Personal data',
      items: [
        {
          id: 'safe-keeping',
          text: 'I always take care to keep personal data safe, so that it is unlikely to be lost or misused.',
          source: at(DATA, 319),
        },
        {
          id: 'secure-devices',
          text: 'Personal data is something I handle only on computers and devices that are secure and password-protected, and I log off fully at the end of every session that used it.',
          source: at(DATA, 320),
        },
        {
          id: 'transfers',
          text: 'When I move data I take every reasonable precaution, using encryption and protected devices.',
          source: at(DATA, 322),
        },
      ],
    },
    {
      id: 'communications',
      title: 'Phones, email and messages',
      items: [
        {
          id: 'phones-in-lessons',
          text: 'I use a mobile phone in lessons only at the times the school allows.',
          source: at(COMMUNICATIONS, 333),
        },
        {
          id: 'no-photos-of-others',
          text: 'I do not photograph other people on a mobile phone or camera.',
          source: at(COMMUNICATIONS, 335),
        },
        {
          id: 'no-photos-of-work',
          text: 'I do not use a mobile phone or camera to photograph work either.',
          source: at(COMMUNICATIONS, 336),
        },
        {
          id: 'school-email-not-personal',
          text: 'My school email is not for personal messages.',
          source: at(COMMUNICATIONS, 339),
        },
        {
          id: 'social-media-times',
          text: 'I use social media only at the times the school allows.',
          source: at(COMMUNICATIONS, 341),
        },
        {
          id: 'email-monitored',
          text: 'I know the school email service is monitored, and in school or on school systems I communicate only through it.',
          source: at(COMMUNICATIONS, 358),
        },
        {
          id: 'report-messages',
          text: 'If any message makes me uncomfortable, or is offensive, discriminatory, threatening or bullying, I report it at once to the nominated person and do not reply.',
          source: at(COMMUNICATIONS, 359),
        },
        {
          id: 'professional-communication',
          text: 'My digital contact with pupils, parents and carers is professional in tone and content and happens only on official, monitored school systems — never by personal email, text message or social media.',
          source: at(COMMUNICATIONS, 360),
        },
        {
          id: 'website-personal-information',
          text: 'I put no personal information on the school website, where staff are identified only by official email addresses.',
          source: at(COMMUNICATIONS, 362),
        },
      ],
    },
    {
      id: 'social-media',
      title: 'Social media',
      items: [
        {
          id: 'no-references',
          text: 'On social media I never mention school staff, pupils, parents or carers.',
          source: at(SOCIAL, 378),
        },
        {
          id: 'no-personal-matters',
          text: 'I stay out of online discussions about the personal matters of anyone in the school community.',
          source: at(SOCIAL, 379),
        },
        {
          id: 'own-opinions',
          text: 'I attribute none of my personal opinions to the school or the local authority.',
          source: at(SOCIAL, 380),
        },
        {
          id: 'security-settings',
          text: 'I check the security settings on my personal social media profiles regularly, so that personal information is less likely to be lost.',
          source: at(SOCIAL, 381),
        },
      ],
    },
    {
      id: 'unsuitable-activities',
      title: 'Activities I take no part in',
      items: [
        {
          id: 'unsuitable',
          text: 'In school, and outside it when using school equipment or systems, I take no part in the activities the policy lists as unsuitable.',
          source: at(UNSUITABLE, 391),
        },
        {
          id: 'user-actions',
          text: 'I never use school systems to view, create or share anything the User Actions table marks unacceptable or illegal.',
          source: at(USER_ACTIONS, 395),
        },
        {
          id: 'no-bypass',
          text: "I use no system, application, website or other means to get round the school's filtering or other safeguards.",
          source: at(USER_ACTIONS, 407),
        },
        {
          id: 'confidential-information',
          text: 'I do not reveal or publicise confidential or proprietary information, such as financial or personal details, databases, or computer and network access codes and passwords.',
          source: at(USER_ACTIONS, 409),
        },
        {
          id: 'fair-usage',
          text: 'I do not download or upload large files in a way that slows the internet for others.',
          source: at(USER_ACTIONS, 413),
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
        source: at(TEACHING_STAFF, 105),
      },
    ],
    fields: [...ADULT_FIELDS],
  },
  renewal: 'induction',
  renewalSource: at(STAFF_TRAINING, 206),
  before: {
    text: 'Guests get temporary access to school systems only after signing.',
    source: at(TECHNICAL, 237),
  },
  readings: [
    {
      where: 'title, named',
      reading:
        'The seed calls the staff agreement by four names: Staff (and Volunteer) ICT Acceptable Use Policy Agreement (line 85), Staff Acceptable Use Policy (line 105), Staff AUP (line 108) and Staff (and Guest) Acceptable Use Agreement (lines 237-240). Read as one agreement, titled as line 237 has it because guests sign it too.',
    },
    {
      where: 'seed',
      reading:
        'No text is given, so Haven writes it from the staff duties (lines 104-113), the technical statements the agreement must cover (lines 229-240), images (280, 285), data protection (319-322), communications (the staff columns of the matrix, 333-341, and 358-362), social media (378-381) and unsuitable activities (391-413).',
    },
    {
      where: 'sections (communications)',
      reading:
        'Only the staff columns the matrix restricts are items: "CT" rows become "only at the times the school allows"; "NA" rows become a refusal. Staff "Taking photos of work" is NA while pupils may with permission; taken literally (requirements-notes, 000).',
    },
    {
      where: 'sections (personal-use)',
      reading:
        'Line 238 says the agreement has a section on how far users and third parties may use school devices out of school, but not how far; the limit is the school’s to set.',
    },
    {
      where: 'line 239',
      reading:
        'Whether staff may download executable files is an unresolved template choice (requirements-notes, 000), so the agreement says nothing about it.',
    },
    {
      where: 'renewal',
      reading:
        'All new staff are trained on the Acceptable Use Agreements at induction (line 206): signed at induction, and again for a new version.',
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
    'What governors take on for e-Safety at Milford Haven School, and how they use school systems, written by Haven from the e-Safety Policy.',
  introSource: null,
  sections: [
    {
      id: 'role',
      title: 'My part as a governor',
      items: [
        {
          id: 'annual-report',
          text: 'Each year, at the autumn Full Governors Meeting, governors receive the monitoring group’s report on how the policy is working, with anonymous details of e-Safety incidents; I read it and take part in the review.',
          source: at(SCHEDULE, 33),
        },
        {
          id: 'approve-review',
          text: "With the other governors I approve the e-Safety Policy and check how well it works, through the Well-Being Governor's sub-committee and the incident information and monitoring reports it receives.",
          source: at(GOVERNORS, 55),
        },
        {
          id: 'e-safety-governor',
          text: 'If I take on the e-Safety Governor role, I meet the e-Safety Officer regularly, keep a regular check on the e-Safety incident logs and, where possible, the filtering and change control logs, and report back to governors.',
          source: at(GOVERNORS, 55),
        },
      ],
    },
    {
      id: 'training',
      title: 'Training',
      items: [
        {
          id: 'training',
          text: 'I attend e-Safety training or awareness sessions, above all if I sit on a sub-committee or group concerned with technology, e-Safety, health and safety or safeguarding.',
          source: at(GOVERNOR_TRAINING, 213),
        },
        {
          id: 'training-routes',
          text: 'That training may come from the Local Authority, the National Governors Association or another body such as SWGfL, or from the school’s own sessions for staff or parents.',
          source: at(GOVERNOR_TRAINING, 215),
        },
      ],
    },
    {
      id: 'using-systems',
      title: 'Using school systems',
      items: [
        {
          id: 'password',
          text: 'My username and password are mine to keep secure.',
          source: at(TECHNICAL, 229),
        },
        {
          id: 'monitored',
          text: 'I accept that technical staff may watch and record what I do on the school’s technical systems.',
          source: at(TECHNICAL, 234),
        },
        {
          id: 'email-monitored',
          text: 'I know that the school email service is monitored.',
          source: at(COMMUNICATIONS, 358),
        },
        {
          id: 'report-messages',
          text: 'Any message that makes me uncomfortable, or is offensive, discriminatory, threatening or bullying, I report at once to the nominated person, and I do not reply to it.',
          source: at(COMMUNICATIONS, 359),
        },
        {
          id: 'unsuitable',
          text: 'I take no part in the activities the policy lists as unsuitable, in school or when using school equipment or systems elsewhere.',
          source: at(UNSUITABLE, 391),
        },
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
        'The seed neither gives nor names an agreement for governors. Haven writes one from the governors’ role (lines 33, 55), their training (lines 213-216) and what the policy asks of every user of school systems (lines 229-391).',
    },
    {
      where: 'form.declarations (read-and-agree)',
      reading:
        'No line of the seed asks governors to sign anything; the declaration is Haven’s, so that a governor’s acceptance is on record.',
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
  title: 'Student / Pupil Acceptable Use Agreement',
  version: 1,
  seed: null,
  named: { label: 'Student / Pupil Acceptable Use Agreement', source: at(PUPILS, 144) },
  signer: 'self',
  signerSource: at(PUPILS, 144),
  intro:
    'How I use the school’s digital technology safely and fairly, written by Haven from Milford Haven School’s e-Safety Policy.',
  introSource: at(PUPILS, 144),
  sections: [
    {
      id: 'responsibilities',
      title: 'My responsibilities',
      items: [
        {
          id: 'research',
          text: 'I use good research skills, avoid plagiarism and respect copyright.',
          source: at(PUPILS, 145),
        },
        {
          id: 'report',
          text: 'I understand why reporting abuse, misuse or inappropriate material matters, and I know how to report it.',
          source: at(PUPILS, 146),
        },
        {
          id: 'know-rules',
          text: "I know the school's rules on mobile devices and digital cameras, on taking and using images, and on cyber-bullying.",
          source: at(PUPILS, 147),
        },
        {
          id: 'out-of-school',
          text: 'I follow good e-Safety practice outside school too: the school’s e-Safety Policy covers what I do away from school whenever it is linked to my being a member of the school.',
          source: at(PUPILS, 148),
        },
      ],
    },
    {
      id: 'accounts',
      title: 'My account',
      items: [
        {
          id: 'password',
          text: 'My username and password are my responsibility and I keep them secure; sixth-form students are advised to pick a new password every 45 days.',
          source: at(TECHNICAL, 229),
        },
        {
          id: 'monitored',
          text: 'I know that technical staff may watch and record what I do on the school’s systems.',
          source: at(TECHNICAL, 234),
        },
      ],
    },
    {
      id: 'devices-on-the-desk',
      title: 'Devices on the desk',
      items: [
        {
          id: 'screen-visible',
          text: 'When my device is out on the desk, its screen stays face up where it can be seen.',
          source: at(BYOD, 266),
        },
        {
          id: 'safeguarding-view',
          text: 'If there is a safeguarding concern, the e-Safety Officer or another nominated person may need to look at my device.',
          source: at(BYOD, 267),
        },
        {
          id: 'teacher-authorises',
          text: 'I take photos or videos only when the teacher has authorised it.',
          source: at(BYOD, 268),
        },
      ],
    },
    {
      id: 'images',
      title: 'Images of others',
      items: [
        {
          id: 'permission',
          text: 'I take, use, share, publish or pass on pictures of other people only when they have agreed.',
          source: at(IMAGES, 282),
        },
      ],
    },
    {
      id: 'communications',
      title: 'Phones, email and messages',
      items: [
        {
          id: 'phones-in-lessons',
          text: 'I use my mobile phone in lessons only when a member of staff has said I may.',
          source: at(COMMUNICATIONS, 333),
        },
        {
          id: 'phones-social-time',
          text: 'I do not use my mobile phone during social time.',
          source: at(COMMUNICATIONS, 334),
        },
        {
          id: 'no-photos-of-others',
          text: 'I do not photograph other people on a mobile phone or camera.',
          source: at(COMMUNICATIONS, 335),
        },
        {
          id: 'photos-of-work',
          text: 'I photograph my work on a phone or camera only with staff permission.',
          source: at(COMMUNICATIONS, 336),
        },
        {
          id: 'school-email-not-personal',
          text: 'My school email is not for personal messages.',
          source: at(COMMUNICATIONS, 339),
        },
        {
          id: 'social-media',
          text: 'I use social media in school only with staff permission.',
          source: at(COMMUNICATIONS, 341),
        },
        {
          id: 'email-monitored',
          text: 'I know school email is monitored, and on school systems I use only the school email service.',
          source: at(COMMUNICATIONS, 358),
        },
        {
          id: 'report-messages',
          text: 'If I receive anything that makes me uncomfortable or is offensive, discriminatory, threatening or bullying, I tell the nominated person at once and do not reply.',
          source: at(COMMUNICATIONS, 359),
        },
      ],
    },
    {
      id: 'unsuitable-activities',
      title: 'Activities I take no part in',
      items: [
        {
          id: 'user-actions',
          text: 'I never look at, make or share anything the User Actions table marks unacceptable or illegal.',
          source: at(USER_ACTIONS, 395),
        },
        {
          id: 'no-bypass',
          text: "I never try to get round the school's filtering or other safeguards.",
          source: at(USER_ACTIONS, 407),
        },
        {
          id: 'no-gaming',
          text: 'I do not play non-educational games online.',
          source: at(USER_ACTIONS, 415),
        },
        { id: 'no-gambling', text: 'I do not gamble online.', source: at(USER_ACTIONS, 416) },
      ],
    },
  ],
  form: {
    kind: 'statements',
    declarations: [
      {
        id: 'read-and-agree',
        text: 'I will use the school’s digital technology systems as this agreement sets out.',
        source: at(PUPILS, 144),
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
        'Named but not given. Haven writes it from the pupils’ duties (lines 145-148), accounts and monitoring (229, 234), the practical rules for devices on the desk (266-268), images of others (282), the pupil columns of the communications matrix and the good-practice statements (333-359), and the User Actions table (395-416).',
    },
    {
      where: 'sections (devices-on-the-desk)',
      reading:
        'The practical rules (lines 264-269) sit in the BYOD section, but pupils may already bring phones and use them with permission (matrix, lines 332-337), so the rules apply now.',
    },
    {
      where: 'sections (communications)',
      reading:
        'Only the pupil columns the matrix restricts are items: "SP" rows become "only with staff permission", "NA" rows a refusal.',
    },
    {
      where: 'renewal',
      reading: 'The seed is silent; Haven’s default for pupils is to sign again each school year.',
    },
    havenFieldsReading(PUPIL_FIELDS),
  ],
};

const communityUser: AgreementTemplateInput = {
  id: 'community-user',
  audience: 'community-user',
  title: 'Community User AUA',
  version: 1,
  seed: null,
  named: { label: 'Community User AUA', source: at(COMMUNITY, 160) },
  signer: 'self',
  signerSource: at(COMMUNITY, 160),
  intro:
    'For members of the community who use the school’s systems, website or VLE as part of the wider school provision. Written by Haven from the e-Safety Policy.',
  introSource: at(COMMUNITY, 160),
  sections: [
    {
      id: 'using-systems',
      title: 'Using school systems',
      items: [
        {
          id: 'password',
          text: 'My username and password are my responsibility and I keep them secure.',
          source: at(TECHNICAL, 229),
        },
        {
          id: 'monitored',
          text: 'I accept that technical staff may watch and record what I do on the school’s technical systems.',
          source: at(TECHNICAL, 234),
        },
        {
          id: 'personal-use',
          text: 'If I use a school device away from the school, my personal use of it, and anyone else’s, stays within the limits the school sets.',
          source: at(TECHNICAL, 238),
        },
        {
          id: 'removable-media',
          text: 'I use memory sticks, CDs, DVDs and other removable media on school devices only as the school allows.',
          source: at(TECHNICAL, 240),
        },
        {
          id: 'personal-data-secured',
          text: 'Personal data goes over the internet or leaves the school site only when it has been encrypted or secured in another way.',
          source: at(TECHNICAL, 240),
        },
      ],
    },
    {
      id: 'communications',
      title: 'Email and messages',
      items: [
        {
          id: 'email-monitored',
          text: 'I know that the school email service is monitored.',
          source: at(COMMUNICATIONS, 358),
        },
        {
          id: 'report-messages',
          text: 'Any message that makes me uncomfortable, or is offensive, discriminatory, threatening or bullying, I report at once to the nominated person, and I do not reply to it.',
          source: at(COMMUNICATIONS, 359),
        },
      ],
    },
    {
      id: 'unsuitable-activities',
      title: 'Activities I take no part in',
      items: [
        {
          id: 'unsuitable',
          text: 'In school, and outside it when using school equipment or systems, I take no part in the activities the policy lists as unsuitable.',
          source: at(UNSUITABLE, 391),
        },
        {
          id: 'user-actions',
          text: 'I never use school systems to view, create or share anything the User Actions table marks unacceptable or illegal.',
          source: at(USER_ACTIONS, 395),
        },
        {
          id: 'no-bypass',
          text: "I use no system, application, website or other means to get round the school's filtering or other safeguards.",
          source: at(USER_ACTIONS, 407),
        },
        {
          id: 'confidential-information',
          text: 'I do not reveal or publicise confidential or proprietary information, such as financial or personal details, databases, or computer and network access codes and passwords.',
          source: at(USER_ACTIONS, 409),
        },
        {
          id: 'fair-usage',
          text: 'I do not download or upload large files in a way that slows the internet for others.',
          source: at(USER_ACTIONS, 413),
        },
      ],
    },
  ],
  form: {
    kind: 'statements',
    declarations: [
      {
        id: 'read-and-agree',
        text: 'I have read this agreement and will keep to it whenever I use the school’s systems, website or VLE.',
        source: at(COMMUNITY, 160),
      },
    ],
    fields: [...ADULT_FIELDS],
  },
  renewal: 'version',
  renewalSource: null,
  before: {
    text: 'Network Support Staff give access to school systems, the website or the VLE only once it is signed.',
    source: at(COMMUNITY, 160),
  },
  filing: { text: 'A copy is kept securely in the Network Office.', source: at(COMMUNITY, 160) },
  readings: [
    {
      where: 'seed',
      reading:
        'Named but not given. Haven writes it from what the policy asks of every user: accounts, monitoring, personal use and removable media (lines 229-240, which name community users at 238), email (358-359) and unsuitable activities (391-413).',
    },
    {
      where: 'renewal',
      reading:
        'The seed says only "before being provided with access": signed before first access and again for a new version.',
    },
    havenFieldsReading(ADULT_FIELDS),
  ],
};

export const milfordHavenAgreements: AgreementTemplateInput[] = [
  staff,
  governor,
  communityUser,
  secondaryPupil,
];
