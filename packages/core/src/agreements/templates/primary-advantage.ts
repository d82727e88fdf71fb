import type { AgreementTemplateInput } from '../schema.ts';
import { placesIn } from './shared.ts';

/**
 * Primary Advantage (seed 001, LGfL 2021 template). The seed gives four agreements in its
 * appendices: staff (1), KS1 (3), KS2 (4) and parents (5); each is followed item by item. It names
 * one more, for "any external individual / organisation" (line 152), and puts governors and LAB
 * members in scope (line 126) without giving them an agreement; Haven writes those two from the
 * policy's statements. Appendix 6 (photographs, videos and internet) is a consent form, not an
 * agreement, and belongs to the consents work.
 */

const SEED = '001_ad7e64b621ffb9c4.txt';
const at = placesIn(SEED);

const STAFF_AUP = 'Appendix 1 – Staff Acceptable Use Policy';
const KS1 = 'Appendix 3 – Key Stage 1: Acceptable Use Agreement';
const KS2 = 'Appendix 4 – KS2 Pupil Online Acceptable Use Agreement';
const PARENTS = 'Appendix 5 – Parents’ Acceptable Use Agreement';
const APPENDIX_6 = 'APPENDIX 6 – Use of photographs and videos';
const ROLES = 'Roles and responsibilities';
const COMMUNICATION = 'Communication';
const COMPLAINTS = 'Handling complaints';
const CONDUCT = 'Expected conduct';
const INTERNET = 'Internet access, security (virus protection) and filtering';
const NETWORK_MANAGEMENT = 'Network management (user access, backup)';
const NETWORK_SAFE = 'To ensure the network is used safely';
const PHONES = 'Personal mobile phones and mobile devices';

const staff: AgreementTemplateInput = {
  id: 'staff',
  audience: 'staff',
  title: 'Staff Acceptable Use Policy',
  version: 1,
  seed: SEED,
  named: { label: STAFF_AUP, source: at(STAFF_AUP, 618) },
  signer: 'self',
  signerSource: at(ROLES, 147),
  intro:
    "This agreement applies to every digital technology used in Primary Advantage schools: email, the internet, shared drives and other network resources, software of every kind, electronic equipment and all of the schools' systems.",
  introSource: at(STAFF_AUP, 620),
  sections: [
    {
      id: 'systems-and-data',
      title: 'Using the school’s systems and data',
      items: [
        {
          id: 'professional-use',
          text: "The school's digital systems and resources are for my professional work, and I use them for nothing else.",
          source: at(STAFF_AUP, 622),
        },
        {
          id: 'password-secret',
          text: 'I keep my passwords to myself and tell them to no one.',
          source: at(STAFF_AUP, 623),
        },
        {
          id: 'password-practice',
          text: 'I create and handle my passwords as good practice advises, and I change any password that may have become known.',
          source: at(STAFF_AUP, 624),
        },
        {
          id: 'others-passwords',
          text: 'I never use, or try to find out, a password that belongs to someone else; if a colleague lets theirs slip to me, I tell them to change it.',
          source: at(STAFF_AUP, 625),
        },
        {
          id: 'no-unauthorised-access',
          text: 'I let nobody who lacks authorisation into any of the school’s systems.',
          source: at(STAFF_AUP, 626),
        },
        {
          id: 'documents-protocols',
          text: 'I store, open and remove documents and digital resources the way the school’s network security, data security and confidentiality protocols require.',
          source: at(STAFF_AUP, 627),
        },
        {
          id: 'professional-boundaries',
          text: 'Nothing I do online may put my professional responsibilities, the code of conduct or my professional boundaries at risk.',
          source: at(STAFF_AUP, 628),
        },
        {
          id: 'no-personal-contact',
          text: 'I keep my own phone and personal online accounts out of any contact with service users, and I do not befriend service users through them, even ones who have recently left or stopped using the service.',
          source: at(STAFF_AUP, 629),
        },
        {
          id: 'approved-email',
          text: 'Every email I send or receive about my work at the school goes through the approved email system.',
          source: at(STAFF_AUP, 630),
        },
        {
          id: 'no-offensive-material',
          text: 'I do not look at, download or send anything that colleagues or other people could find offensive.',
          source: at(STAFF_AUP, 631),
        },
        {
          id: 'report-accidental-access',
          text: 'If I stumble on or am sent inappropriate material, or I find the filtering has let something through, I tell the headteacher.',
          source: at(STAFF_AUP, 632),
        },
        {
          id: 'safe-downloads',
          text: "I download no software or resources that could put the network at risk, infringe someone's copyright or lack a proper licence.",
          source: at(STAFF_AUP, 633),
        },
        {
          id: 'copyright-work',
          text: 'I do not publish or hand out copyright-protected work.',
          source: at(STAFF_AUP, 634),
        },
        {
          id: 'anti-virus',
          text: 'No computer, laptop, notebook or other device (USB flash drives included) goes onto the network through me unless its anti-virus software is current.',
          source: at(STAFF_AUP, 635),
        },
        {
          id: 'cameras',
          text: 'I take and move images of children, young people, staff or volunteers with a personal camera or camera phone only if I have written permission, and I use such images only for the purpose they were taken for.',
          source: at(STAFF_AUP, 636),
        },
        {
          id: 'social-separate',
          text: 'Any personal social networking site, blog or account (Twitter, Instagram and the like) that I start or post to stays apart from my professional role.',
          source: at(STAFF_AUP, 637),
        },
        {
          id: 'social-privacy',
          text: 'It is up to me to see that my social media use never compromises my professional role, and to keep my privacy settings suitable.',
          source: at(STAFF_AUP, 638),
        },
        {
          id: 'loaned-devices',
          text: 'A computer, laptop or other device lent to me by the federation or any of its schools is for professional use alone.',
          source: at(STAFF_AUP, 639),
        },
        {
          id: 'remote-access',
          text: 'When I work on school resources from home or elsewhere, I connect only by approved methods and follow the e-security protocols.',
          source: at(STAFF_AUP, 640),
        },
        {
          id: 'encrypt-transport',
          text: 'Confidential data I carry between places is always encrypted.',
          source: at(STAFF_AUP, 641),
        },
        {
          id: 'data-protocols',
          text: 'Wherever I am working with confidential data, I keep to the school’s data security protocols.',
          source: at(STAFF_AUP, 642),
        },
        {
          id: 'confidentiality',
          text: "What I learn about the federation's or its schools' service users stays private and confidential, unless the law obliges me to pass it to a proper authority such as Children’s Social Care or the police.",
          source: at(STAFF_AUP, 643),
        },
      ],
    },
    {
      id: 'safeguarding-and-awareness',
      title: 'Safeguarding and my responsibilities',
      items: [
        {
          id: 'safeguarding-concerns',
          text: 'I share in safeguarding across the whole organisation: when a service user, a member of staff or a volunteer behaves in a way that may be inappropriate or worrying, I tell the school’s named child protection officer or a relevant senior colleague.',
          source: at(STAFF_AUP, 645),
        },
        {
          id: 'keep-up-to-date',
          text: 'I keep myself current by reading, and making sure I understand, the school’s latest online safety policies.',
          source: at(STAFF_AUP, 646),
        },
        {
          id: 'usage-logged',
          text: 'I accept that my internet and network use may be recorded, and the record passed to my line manager if asked for.',
          source: at(STAFF_AUP, 647),
        },
        {
          id: 'disciplinary',
          text: 'I accept that breaking any part of this agreement may lead to disciplinary action.',
          source: at(STAFF_AUP, 648),
        },
      ],
    },
  ],
  form: {
    kind: 'approval',
    declarations: [
      {
        id: 'abide',
        text: 'I commit to keeping this Acceptable Use Policy whenever I use the school’s systems.',
        source: at(STAFF_AUP, 651),
      },
      {
        id: 'account-request',
        text: 'I ask to be given a network account and an email account, and to be connected to each system my post at the school needs.',
        source: at(STAFF_AUP, 653),
      },
    ],
    fields: [
      { id: 'full-name', label: 'Full name (printed)', type: 'person-name', source: at(STAFF_AUP, 655) },
      { id: 'job-title', label: 'Job title', type: 'job-title', source: at(STAFF_AUP, 656) },
      { id: 'signature', label: 'Signature', type: 'signature', source: at(STAFF_AUP, 657) },
      { id: 'date', label: 'Date', type: 'date', source: at(STAFF_AUP, 657) },
    ],
    approval: {
      heading: { label: 'Authorised signature', source: at(STAFF_AUP, 659) },
      statement: {
        id: 'approve-setup',
        text: 'I give my approval for this user to be set up on the school’s computer systems.',
        source: at(STAFF_AUP, 661),
      },
      fields: [
        {
          id: 'approver-full-name',
          label: 'Full name (printed)',
          type: 'person-name',
          source: at(STAFF_AUP, 663),
        },
        { id: 'approver-job-title', label: 'Job title', type: 'job-title', source: at(STAFF_AUP, 664) },
        { id: 'approver-signature', label: 'Signature', type: 'signature', source: at(STAFF_AUP, 665) },
        { id: 'approver-date', label: 'Date', type: 'date', source: at(STAFF_AUP, 665) },
      ],
    },
  },
  renewal: 'induction',
  renewalSource: at(ROLES, 147),
  reacknowledge: { every: 'school-year', source: at(ROLES, 147) },
  before: {
    text: 'Internet, email and network access are set up only after the member of staff has signed and the approver has countersigned.',
    source: at(NETWORK_SAFE, 376),
  },
  filing: { text: 'Held in the personnel file.', source: at(COMMUNICATION, 165) },
  readings: [
    {
      where: 'sections (line 638)',
      reading:
        'The privacy-settings bullet is indented under the social networking one. It makes its own undertaking, so it is its own item; the count of 26 items includes it.',
    },
    {
      where: 'sections (lines 644, 649)',
      reading:
        'A blank line splits the list before the safeguarding bullets (kept as two sections), and a lone "-" after the last bullet is an empty bullet, not an item.',
    },
    {
      where: 'NAME OF SCHOOL Primary',
      reading:
        'The template placeholder stands for the federation member school where the signer works; the items say "the school".',
    },
    {
      where: 'audience',
      reading:
        'Line 147 asks "All staff and volunteers" to sign: volunteers sign this agreement as staff. Short-term visitors and supply staff get guest accounts (line 363) and sign the external agreement.',
    },
    {
      where: 'renewal, reacknowledge',
      reading:
        'Signed by new staff on induction, with updates understood each year (line 147): signed at induction, then acknowledged again every school year (requirements-notes, 001).',
    },
    {
      where: 'form.approval',
      reading:
        'The "Authorised signature" block is a named approver (full name and job title) who approves the account; Haven records who approved and when.',
    },
  ],
};

const ks1Pupil: AgreementTemplateInput = {
  id: 'ks1-pupil',
  audience: 'ks1-pupil',
  title: 'Key Stage 1: Acceptable Use Agreement',
  version: 1,
  seed: SEED,
  named: { label: KS1, source: at(KS1, 822) },
  signer: 'parent',
  signerSource: at(ROLES, 148),
  intro:
    'Ten things I do to stay SAFE online. A grown-up at home reads them with me, we tick each one together, and they sign for me.',
  introSource: at(KS1, 824),
  sections: [
    {
      id: 'keep-safe',
      title: 'This is how I keep SAFE online',
      items: [
        {
          id: 'allowed',
          label: 'ALLOWED',
          text: 'I use a device only when I have been ALLOWED to.',
          source: at(KS1, 825),
        },
        {
          id: 'check',
          label: 'CHECK',
          text: 'Before trying a new website, game or app, I CHECK first.',
          source: at(KS1, 826),
        },
        {
          id: 'ask',
          label: 'ASK',
          text: 'When I get stuck, I ASK someone to help me.',
          source: at(KS1, 827),
        },
        {
          id: 'think',
          label: 'THINK',
          text: 'I stop and THINK before clicking on anything.',
          source: at(KS1, 828),
        },
        {
          id: 'know',
          label: 'KNOW',
          text: 'I KNOW someone online might be pretending to be somebody else.',
          source: at(KS1, 829),
        },
        {
          id: 'secrets',
          label: 'SECRETS',
          text: 'If someone tells me to keep SECRETS, I do not have to.',
          source: at(KS1, 830),
        },
        {
          id: 'clothes',
          label: 'CLOTHES',
          text: 'When a camera is on, I never change my CLOTHES.',
          source: at(KS1, 831),
        },
        {
          id: 'responsible',
          label: 'RESPONSIBLE',
          text: 'I am RESPONSIBLE and keep private information to myself.',
          source: at(KS1, 832),
        },
        { id: 'kind', label: 'KIND', text: 'I am KIND and polite to everybody.', source: at(KS1, 833) },
        {
          id: 'tell',
          label: 'TELL',
          text: 'When I feel worried, scared or unsure, I TELL a trusted adult.',
          source: at(KS1, 834),
        },
      ],
    },
  ],
  form: {
    kind: 'ticks',
    heading: { label: 'This is how I keep SAFE online', source: at(KS1, 824) },
    tick: { label: '✓', source: at(KS1, 824) },
    fields: [
      {
        id: 'trusted-adults-school',
        label: 'My trusted adults are _____ at school',
        type: 'text',
        source: at(KS1, 836),
      },
      {
        id: 'trusted-adults-home',
        label: '_____ at home and _____',
        type: 'text',
        blanks: 2,
        source: at(KS1, 838),
      },
      { id: 'pupil-name', label: 'My name is _____', type: 'person-name', source: at(KS1, 840) },
      { id: 'parent-name', label: 'Parent/Carer Name', type: 'person-name', source: at(APPENDIX_6, 930) },
      {
        id: 'parent-signature',
        label: 'Parent/Carer Signature',
        type: 'signature',
        source: at(APPENDIX_6, 932),
      },
      { id: 'date', label: 'Date', type: 'date', source: at(APPENDIX_6, 938) },
    ],
  },
  renewal: 'school-year',
  renewalSource: at(COMMUNICATION, 163),
  filing: { text: 'Held in the pupil file.', source: at(COMMUNICATION, 165) },
  readings: [
    {
      where: 'form.fields (parent-name, parent-signature, date)',
      reading:
        'Appendix 3 has no signature or date, yet a parent or carer signs for a KS1 pupil (lines 148, 291). The signing adult and the date are captured anyway (requirements-notes, 001), under the labels the same seed uses for a parent on its appendix 6 form.',
    },
    {
      where: 'form.fields (trusted-adults-school, trusted-adults-home)',
      reading: 'The trusted adults line has one blank for school and two for home (requirements-notes, 001).',
    },
    {
      where: 'renewal',
      reading:
        'Agreements are discussed with pupils at the start of each year (line 163): read as signing again each school year.',
    },
    {
      where: 'audience',
      reading:
        'Reception pupils (EYFS) sign this agreement too, through a parent; it is the school’s youngest agreement.',
    },
  ],
};

const ks2Pupil: AgreementTemplateInput = {
  id: 'ks2-pupil',
  audience: 'ks2-pupil',
  title: 'KS2 Pupil Online Acceptable Use Agreement',
  version: 1,
  seed: SEED,
  named: { label: KS2, source: at(KS2, 842) },
  signer: 'self',
  signerSource: at(ROLES, 148),
  intro: 'Keeping to this agreement keeps me safe online and helps me treat other people fairly.',
  introSource: at(KS2, 844),
  sections: [
    {
      id: 'i-am',
      title: 'What kind of online learner I am',
      items: [
        {
          id: 'digital-learner',
          label: 'I am an online digital learner',
          text: "The school's internet and devices are for my learning and fun: schoolwork, homework and other activities. I go only to the sites, games and apps my trusted adults allow.",
          source: at(KS2, 846),
        },
        {
          id: 'secure-learner',
          label: 'I am a secure online learner',
          text: 'Nobody else gets my passwords, and if someone learns one I change it.',
          source: at(KS2, 847),
        },
        {
          id: 'careful',
          label: 'I am careful online',
          text: 'I click links only after thinking, and download only what I know is safe or what my trusted adults have said yes to. People online may not be who they claim, so I am very wary of anyone who asks to be my friend.',
          source: at(KS2, 848),
        },
        {
          id: 'private',
          label: 'I am private online',
          text: 'My home address, phone number and anything else that could show who I, my family or my friends are stay private unless a trusted adult says I may share them.',
          source: at(KS2, 849),
        },
        {
          id: 'body',
          label: 'I keep my body to myself online',
          text: 'I never change clothes in front of a camera; my body belongs to me alone, and before I send any photo I check with a trusted adult.',
          source: at(KS2, 850),
        },
        {
          id: 'say-no',
          label: 'I say no online if I need to',
          text: 'If someone asks me something that worries, upsets or confuses me, I refuse, end the chat and go to a trusted adult.',
          source: at(KS2, 851),
        },
        {
          id: 'rule-follower',
          label: 'I am a rule-follower online',
          text: 'I respect the age limits some websites and social networks set, and I visit only the sites, games and apps my trusted adults have said yes to.',
          source: at(KS2, 852),
        },
        {
          id: 'considerate',
          label: 'I am considerate online',
          text: 'I take no part in bullying or in passing round inappropriate material.',
          source: at(KS2, 853),
        },
        {
          id: 'respectful',
          label: 'I am respectful online',
          text: 'I never write, post or pass on messages or comments that are unkind, hurtful or rude, and when I see any I let my trusted adults know.',
          source: at(KS2, 854),
        },
        {
          id: 'community',
          label: 'I am part of a community',
          text: 'I never mock or leave anyone out for being different from me, and I tell a trusted adult if I see someone else doing it.',
          source: at(KS2, 855),
        },
        {
          id: 'responsible',
          label: 'I am responsible online',
          text: 'I look out for others: when a friend or someone I know is bullied, harassed, or troubled by something they have seen, read or heard online, I let my trusted adults know.',
          source: at(KS2, 856),
        },
        {
          id: 'live-streams',
          label: "I don't do public live streams on my own",
          text: 'I join a video call only when my trusted adult knows I am on it and who with.',
          source: at(KS2, 857),
        },
        {
          id: 'communicate',
          label: 'I communicate and collaborate online',
          text: 'I talk and work together online only with people I have met face to face, or people a trusted adult knows about.',
          source: at(KS2, 858),
        },
        {
          id: 'smart',
          label: 'I am SMART online',
          text: 'I cannot be certain who someone really is unless we have met in person, so before meeting anyone for the first time I get a trusted adult’s advice.',
          source: at(KS2, 859),
        },
        {
          id: 'creative',
          label: 'I am a creative digital learner online',
          text: "I go online to make and learn things, not only to look at other people's. I change or delete only digital work that is mine, and I use other people's only with their permission, or when it is copyright free or under a Creative Commons licence.",
          source: at(KS2, 860),
        },
        {
          id: 'researcher',
          label: 'I am a researcher online',
          text: "I search with the safer tools my trusted adults approve. Not everything online is true, so I know how to check, and I 'double check' what I find.",
          source: at(KS2, 861),
        },
      ],
    },
  ],
  form: {
    kind: 'statements',
    declarations: [
      {
        id: 'read-and-agree',
        text: 'I have read this agreement and I understand it. I can name my trusted adults, and I agree to all of it.',
        source: at(KS2, 863),
      },
    ],
    fields: [
      { id: 'signed', label: 'Signed', type: 'signature', source: at(KS2, 865) },
      { id: 'date', label: 'Date', type: 'date', source: at(KS2, 867) },
    ],
  },
  renewal: 'school-year',
  renewalSource: at(COMMUNICATION, 163),
  filing: { text: 'Held in the pupil file.', source: at(COMMUNICATION, 165) },
  readings: [
    {
      where: 'renewal',
      reading:
        'Agreements are discussed with pupils at the start of each year (line 163): read as signing again each school year.',
    },
    {
      where: 'items (labels)',
      reading:
        'Each statement opens with a bold heading ("I am a secure online learner"); the headings are kept as labels, the explanations are in Haven’s words.',
    },
  ],
};

const parent: AgreementTemplateInput = {
  id: 'parent',
  audience: 'parent',
  title: 'Parents’ Acceptable Use Agreement',
  version: 1,
  seed: SEED,
  named: { label: PARENTS, source: at(PARENTS, 869) },
  signer: 'self',
  signerSource: at(ROLES, 151),
  intro:
    'The school keeps its acceptable use documents in step with its Online Safety and Safeguarding and Child Protection Policies, and asks every pupil to use technology responsibly so that everyone stays safe and is treated fairly. Your child signs an agreement suited to their age; a copy is attached for you to read.',
  introSource: at(PARENTS, 871),
  sections: [
    {
      id: 'internet-and-it',
      title: 'Internet and IT',
      items: [
        {
          id: 'internet',
          text: 'My child may use the internet while at school.',
          permission: true,
          source: at(PARENTS, 877),
        },
        {
          id: 'email',
          text: 'My child may use the email system the school has chosen.',
          permission: true,
          source: at(PARENTS, 878),
        },
        {
          id: 'google-classroom',
          text: 'My child may use Google Classroom.',
          permission: true,
          source: at(PARENTS, 879),
        },
        {
          id: 'it-facilities',
          text: "My child may use the school's IT facilities and equipment.",
          permission: true,
          source: at(PARENTS, 880),
        },
        {
          id: 'no-guarantee',
          text: 'I accept that, in the end, the school cannot answer for everything my child may come across on the internet or on mobile devices; I understand that it takes every reasonable step to keep pupils safe and away from inappropriate material.',
          source: at(PARENTS, 882),
        },
        {
          id: 'filtered-monitored',
          text: 'I understand that all use of the internet and of devices in school is filtered and monitored, that school-owned devices may be filtered and monitored when used elsewhere too, and that my child should use them there just as in school.',
          source: at(PARENTS, 884),
        },
      ],
    },
    {
      id: 'images',
      title: 'Use of digital images, photography and video',
      items: [
        {
          id: 'images-policy',
          text: 'I back the school’s clear policy, “The use of digital images and video”.',
          source: at(PARENTS, 886),
        },
        {
          id: 'learning-photos',
          text: 'I understand that, to support learning, the school will need to photograph my child or show them in video.',
          source: at(PARENTS, 888),
        },
        {
          id: 'publicity',
          text: 'Photos or video that include my child may appear in publicity that fairly promotes the school’s work; I accept this, and their use for nothing else.',
          source: at(PARENTS, 890),
        },
      ],
    },
    {
      id: 'social',
      title: 'Social networking and media sites',
      items: [
        {
          id: 'social-policy',
          text: "I back the school's clear policy on social networking and media sites. Social media often makes itself felt in school, which is why pupils are expected to behave in certain ways on it at all times.",
          source: at(PARENTS, 892),
        },
        {
          id: 'no-sharing-others',
          text: 'Without permission, I will not put online any photos or videos I take at school events that show other children or staff.',
          source: at(PARENTS, 894),
        },
        {
          id: 'school-responds',
          text: 'I understand that the school treats inappropriate behaviour seriously, and acts on unsafe or inappropriate behaviour that it sees or is told about.',
          source: at(PARENTS, 896),
        },
        {
          id: 'child-undertaking',
          text: 'I understand that, by signing the pupil agreement, my child has promised not to look for or pass on anything offensive, harmful or illegal — bullying, or extremist, hateful or discriminatory content, for example.',
          source: at(PARENTS, 898),
        },
        {
          id: 'support-at-home',
          text: 'At home I will help my child use the internet, online services and technology safely and responsibly, and I will let the school know of any worries.',
          source: at(PARENTS, 900),
        },
      ],
    },
  ],
  form: {
    kind: 'statements',
    fields: [
      {
        id: 'pupil-names',
        label: 'Name(s) of pupil/student',
        type: 'person-names',
        source: at(PARENTS, 902),
      },
      {
        id: 'signature',
        label: 'Parent / guardian signature',
        type: 'signature',
        source: at(PARENTS, 904),
      },
      { id: 'date', label: 'Date', type: 'date', format: 'dd/mm/yy', source: at(PARENTS, 906) },
    ],
  },
  renewal: 'induction',
  renewalSource: at(CONDUCT, 308),
  attaches: { agreements: ['ks1-pupil', 'ks2-pupil'], source: at(PARENTS, 873) },
  reviewedWith: {
    policies: ['Online Safety Policy', 'Safeguarding and Child Protection Policy'],
    source: at(PARENTS, 871),
  },
  filing: { text: 'Held in the pupil file.', source: at(COMMUNICATION, 165) },
  readings: [
    {
      where: 'sections (Internet and IT)',
      reading:
        'The four kinds of access are granted one by one (R001-228), so each is its own item marked as a permission; the lead-in sentence (line 875) introduces them and is not an item.',
    },
    {
      where: 'renewal',
      reading:
        'Parents give consent for internet and other technologies on the agreement form when their child joins (line 308): signed once on entry, and again for a new version.',
    },
    {
      where: 'attaches',
      reading:
        'The pupil agreement "tailored to his/her age" is attached (line 873): the KS1 or KS2 one, whichever the child signs.',
    },
  ],
};

const governor: AgreementTemplateInput = {
  id: 'governor',
  audience: 'governor',
  title: 'Governor and Local Advisory Board member Acceptable Use Agreement',
  version: 1,
  seed: null,
  named: null,
  signer: 'self',
  signerSource: null,
  intro:
    'Governors and Local Advisory Board members are within the policy’s scope. This agreement sets out, from the policy’s own statements, what they take on when they oversee online safety and use school systems.',
  introSource: at('Scope (from SWGfL)', 126),
  sections: [
    {
      id: 'role',
      title: 'My part as a governor',
      items: [
        {
          id: 'safe-policies',
          text: 'I help make sure the school has policies and practice that keep its children and staff safe online.',
          source: at(ROLES, 138),
        },
        {
          id: 'approve-review',
          text: 'I take part in approving the Online safety Policy and in judging how well it works, using the incident information and monitoring reports governors receive.',
          source: at(ROLES, 138),
        },
        {
          id: 'community',
          text: 'I encourage parents and the wider community to join in online safety activities.',
          source: at(ROLES, 138),
        },
        {
          id: 'home-protections',
          text: 'I ask how the school has reviewed its protections for pupils at home (with online tutors too) and its remote-learning rules and safeguards.',
          source: at(ROLES, 138),
        },
      ],
    },
    {
      id: 'concerns',
      title: 'Concerns',
      items: [
        {
          id: 'report-same-day',
          text: 'Any online risk or breach of the policy that I suspect, I report to the Online Safety Coordinator on the day.',
          source: at(COMPLAINTS, 179),
        },
        {
          id: 'staff-concerns',
          text: 'A concern about a member of staff goes to the Headteacher; about a headteacher or federation staff, to the Executive Principal; about the Executive Principal, to the LADO and the Chair of Governors.',
          source: at(COMPLAINTS, 180),
        },
      ],
    },
    {
      id: 'using-systems',
      title: 'Using school systems',
      items: [
        {
          id: 'use-as-policy',
          text: 'I use the school’s IT and communication systems as the policy sets out, and I sign this agreement before I am given access to them.',
          source: at(CONDUCT, 291),
        },
        {
          id: 'out-of-school',
          text: 'The policy covers what I do online away from school whenever it relates to my place in the school, and I keep to good online safety practice there as well.',
          source: at(CONDUCT, 294),
        },
        {
          id: 'know-policies',
          text: 'I know the school’s rules on phones, cameras and other hand-held devices, on taking and using images, and on cyber-bullying.',
          source: at(CONDUCT, 295),
        },
        {
          id: 'monitored',
          text: 'I know that my internet and email use on school systems is monitored.',
          source: at(INTERNET, 330),
        },
        {
          id: 'own-login',
          text: 'I sign in only as myself, never as another user.',
          source: at(NETWORK_SAFE, 381),
        },
        {
          id: 'log-off',
          text: 'I log off whenever I finish working or leave a computer unattended.',
          source: at(NETWORK_SAFE, 383),
        },
      ],
    },
  ],
  form: {
    kind: 'statements',
    declarations: [
      {
        id: 'read-and-agree',
        text: 'I have read this agreement and will keep to it in my work for the school.',
        source: at(CONDUCT, 291),
      },
    ],
    fields: [
      { id: 'full-name', label: 'Full name (printed)', type: 'person-name', source: at(STAFF_AUP, 655) },
      { id: 'signature', label: 'Signature', type: 'signature', source: at(STAFF_AUP, 657) },
      { id: 'date', label: 'Date', type: 'date', source: at(STAFF_AUP, 657) },
    ],
  },
  renewal: 'induction',
  renewalSource: at(COMMUNICATION, 164),
  before: {
    text: 'Access to school systems follows the signature.',
    source: at(CONDUCT, 291),
  },
  readings: [
    {
      where: 'seed, named',
      reading:
        'The seed neither gives nor names a governors’ agreement, but issues agreements to the whole school community (line 164) and expects every user to sign before access (line 291). Haven writes this one from the governors’ role (line 138), the complaints route (lines 179-180) and the conduct every user owes (lines 291-383).',
    },
    {
      where: 'form.fields',
      reading:
        'Labels are taken from the school’s own staff form (appendix 1, lines 655-657), leaving out the job title.',
    },
    {
      where: 'renewal',
      reading: 'Issued on entry to the school community (line 164): signed on appointment.',
    },
  ],
};

const external: AgreementTemplateInput = {
  id: 'external',
  audience: 'visitor',
  alsoFor: ['supply-guest', 'community-user'],
  title: 'External groups Acceptable Use Agreement',
  version: 1,
  seed: null,
  named: { label: 'Acceptable Use Agreement', source: at(ROLES, 152) },
  signer: 'self',
  signerSource: at(ROLES, 152),
  intro:
    'For any individual or organisation from outside the school — visitors, short-term and supply staff, community groups — before they use school equipment or the internet in school.',
  introSource: at(ROLES, 152),
  sections: [
    {
      id: 'taking-part',
      title: 'Taking part',
      items: [
        {
          id: 'promote',
          text: 'I help the school promote online safety.',
          source: at(ROLES, 152),
        },
        {
          id: 'model',
          text: 'My own use of technology shows safe, responsible and positive behaviour.',
          source: at(ROLES, 152),
        },
      ],
    },
    {
      id: 'using-systems',
      title: 'Using school systems',
      items: [
        {
          id: 'use-as-policy',
          text: 'I use the school’s IT and communication systems only as the school’s policy allows.',
          source: at(CONDUCT, 291),
        },
        {
          id: 'report',
          text: 'I know how to report abuse, misuse or inappropriate material, and I do report it.',
          source: at(CONDUCT, 293),
        },
        {
          id: 'monitored',
          text: 'I know that internet and email use on school systems is monitored.',
          source: at(INTERNET, 330),
        },
        {
          id: 'guest-account',
          text: 'A guest account I am given is temporary and reaches only the services I need.',
          source: at(NETWORK_MANAGEMENT, 363),
        },
        {
          id: 'own-login',
          text: 'I sign in only as myself, never as another user, and never with a teacher’s or staff login.',
          source: at(NETWORK_SAFE, 381),
        },
        {
          id: 'log-off',
          text: 'I log off whenever I finish or step away from a computer.',
          source: at(NETWORK_SAFE, 383),
        },
      ],
    },
    {
      id: 'phones-and-images',
      title: 'Phones and images',
      items: [
        {
          id: 'own-risk',
          text: 'Any phone or hand-held device I bring is my own responsibility: if it is lost, stolen or damaged, the school is not liable.',
          source: at(PHONES, 560),
        },
        {
          id: 'silent',
          text: 'My phone stays on silent and I do not use it around the school.',
          source: at(PHONES, 562),
        },
        {
          id: 'no-recording',
          text: 'I record, photograph or share nothing on a personal phone unless the Headteacher has explicitly agreed to it.',
          source: at(PHONES, 563),
        },
        {
          id: 'consent-first',
          text: 'I take no photos or videos of anyone on a phone or personal device without their consent first.',
          source: at(PHONES, 567),
        },
      ],
    },
  ],
  form: {
    kind: 'statements',
    declarations: [
      {
        id: 'read-and-agree',
        text: 'I have read this agreement and will keep to it while I use anything of the school’s.',
        source: at(ROLES, 152),
      },
    ],
    fields: [
      { id: 'full-name', label: 'Full name (printed)', type: 'person-name', source: at(STAFF_AUP, 655) },
      { id: 'signature', label: 'Signature', type: 'signature', source: at(STAFF_AUP, 657) },
      { id: 'date', label: 'Date', type: 'date', source: at(STAFF_AUP, 657) },
    ],
  },
  renewal: 'version',
  renewalSource: null,
  before: {
    text: 'No school equipment or internet in school before the signature.',
    source: at(ROLES, 152),
  },
  readings: [
    {
      where: 'seed, named',
      reading:
        'Line 152 says any external individual or organisation signs "an Acceptable Use Agreement" but the seed does not give it. Haven writes it from the external groups row (line 152), the conduct asked of all users (lines 291-293), the monitoring and guest-account statements (lines 330, 363, 381, 383) and the rules for visitors’ phones and images (lines 560-567).',
    },
    {
      where: 'audience, alsoFor',
      reading:
        'One agreement for every outsider, as line 152 has it: visitors, supply and short-term staff on guest accounts (line 363) and community users (in scope, line 126).',
    },
    {
      where: 'renewal',
      reading: 'The seed says only "prior to using": signed before first use and again for a new version.',
    },
    {
      where: 'form.fields',
      reading: 'Labels are taken from the school’s own staff form (appendix 1, lines 655-657).',
    },
  ],
};

export const primaryAdvantageAgreements: AgreementTemplateInput[] = [
  staff,
  governor,
  external,
  ks1Pupil,
  ks2Pupil,
  parent,
];
