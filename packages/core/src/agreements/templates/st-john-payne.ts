import type { AgreementTemplateInput } from '../schema.ts';
import { placesIn } from './shared.ts';

/**
 * St John Payne School (seed 004). The seed gives one agreement, the "Staff, Governor and Visitor -
 * Acceptable Use Agreement / Code of Conduct" (lines 87-120): seventeen clauses and a signature
 * block, signed by staff, governors and visitors alike. Pupils' agreements are only named (line
 * 51) and are signed by parents on the child's behalf at admission (line 314); Haven writes the
 * pupil agreement from the policy's statements about pupils. The Home School agreement (line 316)
 * is a whole-school document outside online safety, and image consent (line 315) belongs to the
 * consents work.
 */

const SEED = '004_e74e0a9d0aa1a338.txt';
const at = placesIn(SEED);

const INTRODUCTION = 'Introduction';
const MONITORING = 'Monitoring';
const AUA = 'Acceptable Use Agreement: Staff, Governors and Visitors';
const CURRICULUM = 'eSafety in the Curriculum';
const INAPPROPRIATE = 'Inappropriate Material';
const MANAGING_INTERNET = 'Managing the Internet';
const SOCIAL = 'Social Media and Social Networking Technologies';
const PARENTAL = 'Parental Involvement';
const PASSWORD_SECURITY = 'Password Security';
const MOBILE = 'Personal Mobile Devices (including phones)';

const codeOfConduct: AgreementTemplateInput = {
  id: 'staff',
  audience: 'staff',
  alsoFor: ['governor', 'visitor', 'supply-guest'],
  title: 'Staff, Governor and Visitor - Acceptable Use Agreement / Code of Conduct',
  version: 1,
  seed: SEED,
  named: {
    label: 'Staff, Governor and Visitor - Acceptable Use Agreement / Code of Conduct',
    source: at(AUA, 87),
  },
  signer: 'self',
  signerSource: at(AUA, 93),
  intro:
    'ICT, data included, and the technologies around it — email, the internet, telephony, mobile devices — are part of everyday working life in school. This code makes sure everyone knows their professional responsibilities whenever they use any of it; everyone signs it and keeps to it at all times.',
  introSource: at(AUA, 89),
  notices: [
    {
      text: 'Personal messages sent with school ICT may be caught up in business communications that are monitored, intercepted or recorded.',
      source: at(MONITORING, 71),
    },
    {
      text: 'This code summarises the eSafety Policy; the full policy is published through the publication scheme on the school website.',
      source: at(AUA, 113),
    },
  ],
  sections: [
    {
      id: 'code',
      title: 'Code of conduct',
      items: [
        {
          id: 'professional-use',
          text: 'Email, the internet, the intranet, the learning platform and related school technologies are for my professional work, or for whatever the Head or Governing Body treat as reasonable use.',
          source: at(AUA, 95),
        },
        {
          id: 'security-passwords',
          text: 'I keep to the security rules of the ICT system, and every password the school or a related authority issues me stays secret.',
          source: at(AUA, 96),
        },
        {
          id: 'professional-communications',
          text: 'Whatever I send electronically to pupils or colleagues fits my professional role.',
          source: at(AUA, 97),
        },
        {
          id: 'personal-details',
          text: 'Pupils do not get my personal details from me: not my mobile number, my personal email address or my social networking identities.',
          source: at(AUA, 98),
        },
        {
          id: 'approved-email',
          text: 'For any school business I use only the approved, secure email system(s).',
          source: at(AUA, 99),
        },
        {
          id: 'personal-data',
          text: "I keep personal data (MIS data in SIMS, for example) secure and use it properly in school, off the premises or remotely. It leaves the school, or is reached from outside, only with the Head's or Governing Body's authorisation, and any personal or sensitive data I take off site is encrypted.",
          source: at(AUA, 100),
        },
        {
          id: 'moving-hardware',
          text: 'Without permission from Mr Chris de Vries, I neither relocate nor alter any hardware.',
          source: at(AUA, 101),
        },
        {
          id: 'purchase-install',
          text: 'I buy or install hardware or software only once Mr Chris de Vries has given permission.',
          source: at(AUA, 102),
        },
        {
          id: 'report-damage',
          text: 'If I find damage to any network equipment, I tell the Network Team as soon as I can.',
          source: at(AUA, 103),
        },
        {
          id: 'report-compromise',
          text: 'If I suspect someone knows my login password, or that I have picked up a computer virus, I tell Mr Chris de Vries or the network team at once.',
          source: at(AUA, 104),
        },
        {
          id: 'offensive-material',
          text: 'Nothing that could be seen as offensive, illegal or discriminatory is browsed, downloaded, uploaded or shared by me.',
          source: at(AUA, 105),
        },
        {
          id: 'images',
          text: 'I take, keep and use images of pupils or staff only for professional purposes, as school policy says, with written consent from the parent, carer or staff member concerned; such images go beyond the school network only with permission from that parent or carer, the staff member or the Headteacher.',
          source: at(AUA, 106),
        },
        {
          id: 'monitoring',
          text: 'I accept that everything I do on the internet and related technologies may be monitored and logged, and passed to my Line Manager or the Headteacher if they ask.',
          source: at(AUA, 107),
        },
        {
          id: 'copyright',
          text: 'I honour copyright and other people’s intellectual property.',
          source: at(AUA, 108),
        },
        {
          id: 'reputation',
          text: 'Nothing I do online, in school or away from it, will discredit my professional role.',
          source: at(AUA, 109),
        },
        {
          id: 'support-policies',
          text: 'I help pupils use ICT and related technologies safely and responsibly, and I back and encourage the e-Safety and Data Security policies of the school.',
          source: at(AUA, 110),
        },
        {
          id: 'contract',
          text: 'For staff, I understand that this agreement is one of the terms and conditions of my employment contract.',
          source: at(AUA, 111),
        },
      ],
    },
  ],
  form: {
    kind: 'statements',
    heading: { label: 'User Signature', source: at(AUA, 115) },
    declarations: [
      {
        id: 'follow-code',
        text: 'I will keep to this code of conduct and help make the school’s use of ICT safe and secure.',
        source: at(AUA, 117),
      },
    ],
    fields: [
      { id: 'signature', label: 'Signature', type: 'signature', source: at(AUA, 119) },
      { id: 'date', label: 'Date', type: 'date', source: at(AUA, 119) },
      { id: 'full-name', label: 'Full Name (printed)', type: 'person-name', source: at(AUA, 120) },
    ],
  },
  renewal: 'induction',
  renewalSource: at(AUA, 111),
  contacts: [
    { role: 'eSafety coordinator', name: 'Mr P Marsh', source: at(AUA, 93) },
    { role: 'Senior Information Risk Owner', name: 'Tom Coen', source: at(AUA, 93) },
  ],
  readings: [
    {
      where: 'sections ("O" marks, lines 99, 102, 111)',
      reading:
        'Three clauses begin with "O" or "**O**"; read as bullet artefacts, not "optional" markers, so all 17 clauses apply (requirements-notes, 004).',
    },
    {
      where: 'audience, alsoFor',
      reading:
        'One form for staff, governors and visitors, as its title says. Supply staff work in school as staff or come as visitors, so they sign it too; the seed names no other agreement for them.',
    },
    {
      where: 'items (contract)',
      reading:
        'The last clause ties the agreement to the contract of employment. It binds staff; governors and visitors sign the same text, and for them the clause has no force.',
    },
    {
      where: 'renewal',
      reading:
        'The agreement is part of the contract of employment (line 111): signed on joining. The policy it summarises is reviewed every 12 months (line 384), and each new version is signed again.',
    },
    {
      where: 'form.fields (full-name)',
      reading: 'The seed prints "Full Name<TAB>(printed)"; the label keeps its words with one space.',
    },
  ],
};

const secondaryPupil: AgreementTemplateInput = {
  id: 'secondary-pupil',
  audience: 'secondary-pupil',
  title: 'Pupil Acceptable Use Agreement',
  version: 1,
  seed: null,
  named: { label: 'acceptable use agreements', source: at(PARENTAL, 314) },
  signer: 'parent',
  signerSource: at(PARENTAL, 314),
  intro:
    'What St John Payne School asks of its pupils online, drawn from its eSafety Policy. A parent or carer reads it through and signs it for their child when the child is admitted.',
  introSource: at(INTRODUCTION, 51),
  notices: [
    {
      text: 'Personal messages sent with school ICT may be caught up in business communications that are monitored, intercepted or recorded.',
      source: at(MONITORING, 71),
    },
  ],
  sections: [
    {
      id: 'learning-safely',
      title: 'Learning safely',
      items: [
        {
          id: 'legislation',
          text: 'I respect the laws that apply online, data protection and intellectual property among them, even when they limit what I would like to do.',
          source: at(CURRICULUM, 249),
        },
        {
          id: 'copyright',
          text: 'I treat other people’s information and images, and their copyright, with respect.',
          source: at(CURRICULUM, 250),
        },
        {
          id: 'seek-help',
          text: 'If cyberbullying affects me, or anything goes wrong for me online, I get help from a parent or carer, a teacher or trusted member of staff, or from organisations like Childline or the CEOP report abuse button.',
          source: at(CURRICULUM, 251),
        },
      ],
    },
    {
      id: 'reporting',
      title: 'Inappropriate material',
      items: [
        {
          id: 'report-accidental',
          text: 'If I come across inappropriate material by accident, I report it straight away to the eSafety co-ordinator.',
          source: at(INAPPROPRIATE, 276),
        },
      ],
    },
    {
      id: 'software',
      title: 'Software',
      items: [
        {
          id: 'software-copyright',
          text: 'I never copy or pass on the school’s software or any illegal software.',
          source: at(MANAGING_INTERNET, 288),
        },
      ],
    },
    {
      id: 'social-media',
      title: 'Social media and social networking',
      items: [
        {
          id: 'cautious',
          text: 'I am careful about what others tell me on social sites, because people are not always who they claim to be.',
          source: at(SOCIAL, 302),
        },
        {
          id: 'own-images',
          text: 'I think hard before posting images of myself, or images whose background gives details away, because an image online is very hard to remove.',
          source: at(SOCIAL, 304),
        },
        {
          id: 'personal-details',
          text: 'I do not post details that could identify me or show where I am: my full name, address, phone numbers, school, messaging or email address, or particular hobbies and interests.',
          source: at(SOCIAL, 305),
        },
        {
          id: 'privacy',
          text: 'I set my profiles to the highest privacy and keep people I do not know out.',
          source: at(SOCIAL, 306),
        },
        {
          id: 'private-thoughts',
          text: 'I am wary of putting detailed private thoughts online.',
          source: at(SOCIAL, 307),
        },
        {
          id: 'report-bullying',
          text: 'I report any bullying to the school.',
          source: at(SOCIAL, 308),
        },
      ],
    },
    {
      id: 'passwords',
      title: 'Passwords',
      items: [
        {
          id: 'secret',
          text: 'My passwords are secret; I share them with nobody, my friends included.',
          source: at(PASSWORD_SECURITY, 333),
        },
      ],
    },
    {
      id: 'phones',
      title: 'Phones and personal devices',
      items: [
        {
          id: 'silent',
          text: 'I may bring a phone or personal device to school, but I do not use it for personal purposes and it is on silent the whole time.',
          source: at(MOBILE, 354),
        },
        {
          id: 'educational-use',
          text: 'I use it for learning only when the Headteacher or eSafety Coordinator has agreed, and only after asking whoever pays the bill.',
          source: at(MOBILE, 355),
        },
        {
          id: 'own-risk',
          text: 'The school is not responsible if it is lost, damaged or stolen.',
          source: at(MOBILE, 356),
        },
        {
          id: 'clean-device',
          text: 'Nothing inappropriate or illegal is on any device I bring in.',
          source: at(MOBILE, 357),
        },
      ],
    },
  ],
  form: {
    kind: 'statements',
    declarations: [
      {
        id: 'parent-signs',
        text: 'I have read this agreement through with my child, and I sign it on my child’s behalf.',
        source: at(PARENTAL, 314),
      },
    ],
    fields: [
      { id: 'pupil-name', label: "Pupil's name", type: 'person-name', source: null },
      { id: 'signature', label: 'Signature', type: 'signature', source: at(AUA, 119) },
      { id: 'date', label: 'Date', type: 'date', source: at(AUA, 119) },
      { id: 'full-name', label: 'Full Name (printed)', type: 'person-name', source: at(AUA, 120) },
    ],
  },
  renewal: 'induction',
  renewalSource: at(PARENTAL, 314),
  readings: [
    {
      where: 'seed, named',
      reading:
        'The seed names pupils’ agreements (lines 51, 314) without giving one; its only agreement text is the staff code of conduct, which speaks of professional roles and contracts. Haven writes the pupils’ agreement from what the policy says pupils are taught and asked to do (lines 249-357).',
    },
    {
      where: 'signer, renewal',
      reading:
        'Parents and carers sign on behalf of their child on admission (line 314), so the parent is the signer and it is signed once, at admission, and again for a new version.',
    },
    {
      where: 'form.fields (pupil-name)',
      reading:
        "The signing adult's fields take the labels of the school's own form (lines 119-120); the pupil's name is Haven's field, since the seed's form has no line for a child.",
    },
  ],
};

export const stJohnPayneAgreements: AgreementTemplateInput[] = [codeOfConduct, secondaryPupil];
