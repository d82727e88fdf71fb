import type { PolicyDocumentInput } from '../schema.ts';

/**
 * Westover Primary School E-Safety Policy (seed 002). The seed has no tables, so this template has
 * no matrices: its rules are prose rules, the police-reportable content list and the prohibited
 * uses, and its sanctions are stated in prose (sanctionsStated). Role titles and names are as
 * Appendix 1 gives them and glossary entries as the Glossary of Terms gives them; responsibilities
 * and sanctions are in our own words.
 */
const SEED = '002_40e16c7ed3df90b5.txt';

export const westover: PolicyDocumentInput = {
  schemaVersion: 1,
  id: 'westover',
  seed: SEED,
  title: 'Westover Primary School E-Safety Policy',
  preparedBy: 'Westover Primary School Headship Team',
  scope:
    'Everyone in the school community (staff, students, volunteers, parents/carers, visitors and community users) ' +
    'who has access to and uses school ICT systems, in school and out of it. Incidents of inappropriate e-safety ' +
    'behaviour out of school are dealt with under this policy and the behaviour and anti-bullying policies, and ' +
    'parents/carers are told of them where known.',
  school: {
    name: 'Westover Primary School',
    phase: 'primary',
    keyStages: ['eyfs', 'ks1', 'ks2'],
    country: 'england',
    sites: [{ id: 'main', name: 'Westover Primary School' }],
  },

  roles: [
    {
      id: 'headteacher-dsl-e-safety-officer',
      title: 'Headteacher/DSL/E-Safety Officer',
      kinds: ['headteacher', 'dsl', 'online-safety-lead'],
      holders: [
        {
          name: 'Anthony Martin',
          note: '"Mr Martin (Headteacher and DSL)" in the Headship Team paragraph (line 28).',
        },
      ],
      deputies: [
        { name: 'Neelam Nadkarni', note: 'Deputy Headteacher/DDS' },
        { name: 'Nicola Fry', note: 'Assistant Headteacher/DDS' },
      ],
      responsibilities: [
        'As school leader, holds the duty of care for the safety, e-safety included, of the school community, delegating day-to-day e-safety to the E-Safety Co-ordinator/Officer.',
        'Knows, with at least one other member of the Senior Leadership Team, the procedure to follow if a serious e-safety allegation is made against a member of staff.',
        'Makes sure the E-Safety Coordinator/Officer and other relevant staff get training suitable for their e-safety roles and for training colleagues.',
        'Makes sure there is a system to monitor and support the staff who carry out internal e-safety monitoring.',
        'As E-Safety Coordinator/Officer, takes day-to-day responsibility for e-safety issues and leads on establishing and reviewing the e-safety policies and documents.',
        'Makes sure all staff know the procedure to follow when an e-safety incident happens.',
        'Provides training and advice for staff.',
        'Liaises with the Trust.',
        'Liaises with the school’s technical staff.',
        'Receives reports of e-safety incidents and keeps a log of them to inform future e-safety work.',
        'Meets the E-Safety Governor/Director regularly to discuss current issues and review incident logs and filtering.',
        'Attends the relevant governors’ meeting.',
        'Reports regularly to the Headship Team.',
        'As DSL, is trained in e-safety and aware of serious child protection issues that can arise from sharing personal data, access to illegal or inappropriate material, inappropriate online contact with adults or strangers, potential or actual grooming, and cyber-bullying.',
        'Makes sure school laptops and tablets taken home for work are used in safe environments and any sensitive data on them is kept secure.',
      ],
      source: { seed: SEED, section: 'Appendix 1 – Designated Roles', line: 224 },
    },
    {
      id: 'deputy-headteacher-dds',
      title: 'Deputy Headteacher/DDS',
      kinds: ['deputy-headteacher', 'deputy-dsl', 'senior-leadership'],
      holders: [
        {
          name: 'Neelam Nadkarni',
          note: '"Mrs Nakarni (Deputy Headteacher and Deputy DSL)" in the Headship Team paragraph (line 28); read as the same person.',
        },
      ],
      responsibilities: [
        'As a member of the Headship Team, shares responsibility for implementing the policy and supports the E-Safety Officer.',
        'As a Deputy DSL, is trained in e-safety and aware of the child protection issues that can arise online (personal data, illegal or inappropriate material, contact with strangers, grooming, cyber-bullying).',
        'Makes sure school devices taken home are used safely and sensitive data on them is kept secure.',
      ],
      source: { seed: SEED, section: 'Appendix 1 – Designated Roles', line: 225 },
    },
    {
      id: 'assistant-headteacher-dds',
      title: 'Assistant Headteacher/DDS',
      kinds: ['assistant-headteacher', 'deputy-dsl', 'senior-leadership'],
      holders: [
        {
          name: 'Nicola Fry',
          note: '"Miss Fry (Assistant Headteacher and Deputy DSL)" in the Headship Team paragraph (line 28).',
        },
      ],
      responsibilities: [
        'As a member of the Headship Team, shares responsibility for implementing the policy and supports the E-Safety Officer.',
        'As a Deputy DSL, is trained in e-safety and aware of the child protection issues that can arise online (personal data, illegal or inappropriate material, contact with strangers, grooming, cyber-bullying).',
        'Makes sure school devices taken home are used safely and sensitive data on them is kept secure.',
      ],
      source: { seed: SEED, section: 'Appendix 1 – Designated Roles', line: 226 },
    },
    {
      id: 'governors',
      title: 'Governors',
      kinds: ['governors'],
      responsibilities: [
        'Approve the E-Safety Policy and review how effective it is, receiving regular information on e-safety incidents and monitoring reports.',
        'Have one member of the Governing Body take on the E-Safety Governor role.',
      ],
      source: { seed: SEED, section: 'Governors', line: 40 },
    },
    {
      id: 'e-safety-governor',
      title: 'E-Safety Governor',
      kinds: ['online-safety-governor'],
      holders: [{ name: 'Marion Moffat' }],
      responsibilities: [
        'Meets the E-Safety Co-ordinator/Officer regularly.',
        'Monitors the e-safety incident logs regularly.',
        'Monitors the filtering / change control logs regularly.',
        'Reports to the relevant Governors, Board or Committee.',
      ],
      source: { seed: SEED, section: 'Appendix 1 – Designated Roles', line: 227 },
    },
    {
      id: 'network-manager',
      title: 'Network Manager/Technical Staff',
      kinds: ['network-manager', 'technical-staff'],
      holders: [{ name: 'Daniel Blades', note: 'Network Manager (Appendix 1)' }],
      responsibilities: [
        'Where a managed ICT service is used, the school makes sure the provider carries out these measures and knows the e-safety policy and procedures.',
        'Keep the school’s technical infrastructure secure and closed to misuse or malicious attack.',
        'Make sure the school meets the required e-safety technical requirements.',
        'Allow access to networks and devices only through a properly enforced password policy, with passwords changed regularly.',
        'Apply and regularly update the filtering policy, without its implementation resting on any one person.',
        'Keep up to date with e-safety technical information and pass it on to others as relevant.',
        'Monitor use of the network, internet, VLE, remote access and email regularly, and report misuse or attempted misuse to the Senior Leader or E-Safety Coordinator/Officer for investigation, action or sanction.',
        'Implement and update monitoring software and systems as school policies agree.',
      ],
      source: { seed: SEED, section: 'Network Manager/Technical Staff', line: 67 },
    },
    {
      id: 'teaching-and-support-staff',
      title: 'Teaching and Support Staff',
      kinds: ['all-staff'],
      responsibilities: [
        'Keep up to date with e-safety matters and with the current e-safety policy and practice.',
        'Read, understand and sign the Staff Acceptable Use Policy/Agreement in the staff handbook.',
        'Report any suspected misuse or problem to the Headship Team.',
        'Keep all digital communication with students and parents/carers professional, and only on official school systems.',
        'Embed e-safety in all parts of the curriculum and other activities.',
        'Make sure students understand and follow the e-safety and acceptable use policies.',
        'Make sure students have good research skills and understand plagiarism and copyright.',
        'Monitor the use of digital technologies, mobile devices and cameras in lessons and school activities (where allowed), and apply the policies on them.',
        'In lessons with pre-planned internet use, guide students to sites checked as suitable, with processes in place for unsuitable material found in searches.',
        'Teachers teach the E-Safety curriculum; all staff keep to the policy.',
      ],
      source: { seed: SEED, section: 'Teaching and Support Staff', line: 81 },
    },
    {
      id: 'pupils',
      title: 'Pupils',
      kinds: ['pupils'],
      responsibilities: [
        'Use school digital technology systems as the Student Acceptable Use Policy requires.',
        'Have good research skills and understand plagiarism and copyright.',
        'Understand why abuse, misuse or access to inappropriate material should be reported, and know how to report it.',
        'Know and understand the policies on mobile devices, digital cameras, taking and using images, and cyber-bullying.',
        'Follow good e-safety practice out of school too, knowing the policy covers their actions out of school where they relate to their membership of the school.',
      ],
      source: { seed: SEED, section: 'Pupils', line: 106 },
    },
    {
      id: 'parents-carers',
      title: 'Parents/Carers',
      kinds: ['parents'],
      responsibilities: [
        'Help their children understand how to use the internet and mobile devices appropriately; the school helps through parents’ evenings, newsletters, letters, the website and national/local campaign information.',
        'Support the school in promoting good e-safety practice.',
        "Follow the school's guidelines on digital and video images taken at school events, on access to the parents' sections of the website and online student records, and on their children's personal devices in school (where allowed).",
      ],
      source: { seed: SEED, section: 'Parents/Carers', line: 114 },
    },
    {
      id: 'community-users',
      title: 'Community Users',
      kinds: ['community-users'],
      responsibilities: [
        'Sign a Community User AUA before being given access to school systems or the website.',
      ],
      source: { seed: SEED, section: 'Community Users', line: 121 },
    },
  ],

  committees: [
    {
      id: 'headship-team',
      name: 'Headship Team',
      kind: 'other',
      members: ['headteacher-dsl-e-safety-officer', 'deputy-headteacher-dds', 'assistant-headteacher-dds'],
      duties: [
        'Responsible for implementing the E-Safety policy (the body calls its members the "E-safety coordinators").',
        'Discusses the regular monitoring reports from the E-Safety Co-ordinator/Officer.',
        'Receives staff reports of suspected misuse or problems.',
      ],
      source: { seed: SEED, section: 'Introduction', line: 28 },
    },
    {
      id: 'policy-working-group',
      name: 'Working group',
      kind: 'working-group',
      members: [
        'headteacher-dsl-e-safety-officer',
        'deputy-headteacher-dds',
        'assistant-headteacher-dds',
        'governors',
      ],
      duties: [
        'Developed this e-safety policy.',
        'Consulted the whole school community through a range of formal and informal meetings.',
      ],
      source: { seed: SEED, section: 'Development, monitoring and review of this policy', line: 199 },
    },
  ],

  review: {
    approvals: [
      { body: 'Westover Primary School Governing Body', on: '2018-01-09', asWritten: '9 th January 2018' },
    ],
    intervalMonths: null,
    intervalAsWritten: null,
    nextReviewAsWritten: 'Spring 2019',
    nextReview: '2019-01-01',
    monitoredBy: null,
    monitoringInterval: null,
    governorsReport: 'regular information about e-safety incidents and monitoring reports',
    triggers: [],
    source: { seed: SEED, section: 'Header', line: 10 },
  },

  linkedPolicies: [
    { title: 'Anti-bullying Policy', source: { seed: SEED, section: 'Header', line: 12 } },
    { title: 'Behaviour Management Policy', source: { seed: SEED, section: 'Header', line: 12 } },
    { title: 'Social Media Policy', source: { seed: SEED, section: 'Header', line: 12 } },
    {
      title: 'Safeguarding and Child Protection Policy',
      source: { seed: SEED, section: 'Header', line: 12 },
    },
    {
      title: 'Staff Acceptable Use Policy/Agreement (in the staff handbook)',
      source: { seed: SEED, section: 'Teaching and Support Staff', line: 86 },
    },
    { title: 'Student Acceptable Use Policy', source: { seed: SEED, section: 'Pupils', line: 108 } },
    { title: 'Community User AUA', source: { seed: SEED, section: 'Community Users', line: 123 } },
  ],

  externalAgencies: [
    {
      name: 'Police',
      when: 'Incidents that appear to involve deliberate access to the listed illegal material; serious breaches such as illegal internet use or child protection concerns',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 148,
      },
    },
    {
      name: 'Other regulatory bodies',
      when: 'Serious breaches, for instance illegal internet use or child protection concerns',
      source: { seed: SEED, section: 'Sanctions', line: 191 },
    },
    {
      name: 'CEOP – Child Exploitation and Online Protection',
      when: 'Reporting abuse (referral route on the Reporting Abuse flowchart, which is not in the text)',
      source: { seed: SEED, section: 'Reporting Abuse', line: 179 },
    },
    {
      name: 'LSCB – Local Safeguarding Children Board',
      when: 'Reporting abuse (referral route on the Reporting Abuse flowchart, which is not in the text)',
      source: { seed: SEED, section: 'Reporting Abuse', line: 181 },
    },
  ],

  impactMonitoring: [
    {
      method: 'Logs of reported incidents',
      source: { seed: SEED, section: 'Schedule for Development/Monitoring/Review', line: 212 },
    },
    {
      method: 'Monitoring logs of internet activity (including sites visited)',
      source: { seed: SEED, section: 'Schedule for Development/Monitoring/Review', line: 213 },
    },
    {
      method: 'Internal monitoring data for network activity',
      source: { seed: SEED, section: 'Schedule for Development/Monitoring/Review', line: 214 },
    },
    {
      method: 'Surveys/questionnaires of students, parents/carers and staff',
      source: { seed: SEED, section: 'Schedule for Development/Monitoring/Review', line: 215 },
    },
  ],

  policeReportable: [
    {
      text: 'Images of child abuse (images of children whether they are digital or cartoons, apparently under 16 years old, involved in sexual activity or posed to be sexually provocative)',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 150,
      },
    },
    {
      text: 'Adult material that potentially breaches the Obscene Publications Act in the UK',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 151,
      },
    },
    {
      text: 'Criminally racist or anti-religious material',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 152,
      },
    },
    {
      text: 'Violence and bomb making',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 153,
      },
    },
    {
      text: 'Illegal taking or promotion of drugs',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 154,
      },
    },
    {
      text: 'Software piracy',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 155,
      },
    },
    {
      text: 'Other criminal activity',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 156,
      },
    },
  ],

  prohibitedUses: [
    {
      text: 'Using the school’s broadband to run a private business.',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 157,
      },
    },
    {
      text: 'Uploading, downloading or otherwise transmitting (making, producing or distributing) commercial software or any copyrighted material belonging to third parties.',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 158,
      },
    },
    {
      text: 'Revealing or publicising confidential or proprietary information, such as financial or personal information, databases and their contents, computer/network access codes and business relationships.',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 159,
      },
    },
    {
      text: 'Deliberately interfering with the normal running of the internet connection, for example by spreading computer viruses or by sustained high-volume traffic (large files, or many small files) that substantially hinders others’ use of the internet.',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 161,
      },
    },
    {
      text: 'Using the internet for soliciting, for representing personal opinions, for revealing confidential information, or in any other way that could reasonably be considered inappropriate.',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 162,
      },
    },
    {
      text: 'Sending unsolicited commercial or advertising material to other user organisations or to organisations on other networks, except where it is part of a service the recipient has chosen to subscribe to.',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 163,
      },
    },
    {
      text: 'Activities that corrupt or destroy other users’ data, violate their privacy, disrupt their work, deny them service (e.g. by deliberately or recklessly overloading links or switching equipment), or otherwise misuse the network, such as introducing viruses.',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 164,
      },
    },
    {
      text: 'Using mobile technologies or mobile internet services in any way to intimidate, threaten or cause harm to others.',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 171,
      },
    },
  ],

  proseRules: [
    {
      id: 'no-indecent-images-of-children',
      kind: 'filtering',
      statement:
        'No user may visit sites with, or make, post, download, upload or pass on, material that contains or relates to indecent images of children.',
      audience: 'all-users',
      value: 'illegal',
      categories: ['child-abuse'],
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 139,
        quote: 'Indecent images of children',
      },
    },
    {
      id: 'no-promoting-discrimination',
      kind: 'filtering',
      statement: 'No user may visit or pass on material promoting discrimination of any kind.',
      audience: 'all-users',
      value: 'unacceptable',
      categories: ['discrimination'],
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 140,
        quote: 'Promoting discrimination of any kind',
      },
    },
    {
      id: 'no-promoting-racial-religious-hatred',
      kind: 'filtering',
      statement: 'No user may visit or pass on material promoting racial or religious hatred.',
      audience: 'all-users',
      value: 'unacceptable',
      categories: ['hate-speech'],
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 141,
        quote: 'Promoting racial or religious hatred',
      },
    },
    {
      id: 'no-promoting-illegal-acts',
      kind: 'filtering',
      statement: 'No user may visit or pass on material promoting illegal acts.',
      audience: 'all-users',
      value: 'unacceptable',
      categories: [],
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 142,
        quote: 'Promoting illegal acts',
      },
    },
    {
      id: 'no-offensive-information',
      kind: 'filtering',
      statement: 'No user may visit or pass on any other information that may offend peers or colleagues.',
      audience: 'all-users',
      value: 'unacceptable',
      categories: [],
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 143,
        quote: 'Any other information which may be offensive to peers or colleagues.',
      },
    },
    {
      id: 'planned-curricular-access',
      kind: 'filtering',
      statement:
        'Sites otherwise deemed inappropriate may be reached for planned curricular activities only when the access is pre-planned and recorded so that it can be justified.',
      audience: 'pupils',
      value: 'certain-times',
      categories: [],
      except: 'Pre-planned, recorded curricular activities.',
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 145,
        quote:
          'In such circumstances, there is an expectation that access is pre-planned and recorded so that it can be justified if required.',
      },
    },
    {
      id: 'mobile-no-inappropriate-materials',
      kind: 'device',
      statement:
        'Mobile technologies may not be used to reach inappropriate material or to encourage dangerous or illegal activities.',
      audience: 'all-users',
      value: 'unacceptable',
      categories: [],
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 171,
        quote:
          'Moreover, mobile technologies should not be used to access inappropriate materials or encourage activities that are dangerous or illegal.',
      },
    },
    {
      id: 'mobile-no-intimidation',
      kind: 'device',
      statement:
        'Mobile technologies and mobile internet services may never be used to intimidate, threaten or harm others.',
      audience: 'all-users',
      value: 'unacceptable',
      categories: [],
      source: {
        seed: SEED,
        section: 'Use of Internet Facilities, Mobile and Digital Technologies',
        line: 171,
        quote:
          'Use mobile technologies or mobile internet services in any way to intimidate, threaten or cause harm to others.',
      },
    },
    {
      id: 'staff-communications-official-systems',
      kind: 'communication',
      statement:
        'Staff carry out digital communication with students and parents/carers only through official school systems, and keep it professional.',
      audience: 'staff',
      value: 'unacceptable',
      categories: [],
      except: 'Official school systems.',
      source: {
        seed: SEED,
        section: 'Teaching and Support Staff',
        line: 88,
        quote:
          'all digital communications with students/parents/carers should be on a professional level and only carried out using official school systems',
      },
    },
    {
      id: 'school-devices-at-home',
      kind: 'device',
      statement:
        'School laptops and tablets taken home for work may be used outside the school network only in safe environments, with any sensitive data kept secure.',
      audience: 'staff',
      value: 'acceptable',
      categories: [],
      except: 'Only in safe environments and with sensitive data kept secure.',
      source: {
        seed: SEED,
        section: 'DSL and Deputy DSLs',
        line: 104,
        quote:
          'use of school devices outside of the school network (Laptops/Tablets taken home for work), should be used in safe environments, and any sensitive data kept secure.',
      },
    },
    {
      id: 'community-users-sign-aua',
      kind: 'conduct',
      statement:
        'Community users get no access to school systems until they have signed a Community User AUA.',
      audience: 'guests',
      value: 'unacceptable',
      categories: [],
      except: 'Community users with a signed Community User AUA.',
      source: {
        seed: SEED,
        section: 'Community Users',
        line: 123,
        quote:
          'Community Users who access school systems/website as part of the wider school provision will be expected to sign a Community User AUA before being provided with access to school systems.',
      },
    },
  ],

  sanctionsStated: [
    {
      text: 'The pupil is disciplined under the school’s behaviour policy; this can go as far as withdrawing their use of the internet and email.',
      audience: 'pupils',
      source: {
        seed: SEED,
        section: 'Sanctions',
        line: 190,
        quote: 'disciplined according to the behaviour policy of the school',
      },
    },
    {
      text: 'A serious breach, such as illegal internet use or a child protection concern, may be reported to the Police or another regulatory body.',
      audience: 'pupils',
      source: {
        seed: SEED,
        section: 'Sanctions',
        line: 191,
        quote: 'reported to the Police or other regulatory bodies',
      },
    },
    {
      text: 'A member of staff or volunteer judged to have breached the policy may face the disciplinary process.',
      audience: 'staff',
      source: {
        seed: SEED,
        section: 'Sanctions',
        line: 194,
        quote: 'may be subject to the disciplinary process',
      },
    },
    {
      text: 'A serious breach, such as illegal internet use or a child protection concern, may be reported to the Police or another regulatory body.',
      audience: 'staff',
      source: {
        seed: SEED,
        section: 'Sanctions',
        line: 195,
        quote: 'reported to the Police or other regulatory bodies',
      },
    },
  ],

  glossary: [
    {
      term: 'ICT',
      meaning: 'Information and Communication Technologies',
      source: { seed: SEED, section: 'Glossary of Terms', line: 232 },
    },
    {
      term: 'DSL',
      meaning: 'Designated Safeguarding Lead',
      source: { seed: SEED, section: 'Glossary of Terms', line: 233 },
    },
    {
      term: 'DDS',
      meaning: 'Deputy Designated Safeguarding Lead',
      source: { seed: SEED, section: 'Glossary of Terms', line: 234 },
    },
    {
      term: 'CEOP',
      meaning: 'Child Exploitation and Online Protection',
      source: { seed: SEED, section: 'Glossary of Terms', line: 235 },
    },
    {
      term: 'LSCB',
      meaning: 'Local Safeguarding Children Board',
      source: { seed: SEED, section: 'Glossary of Terms', line: 236 },
    },
  ],

  readings: [
    {
      where: 'Header (lines 9-10)',
      reading:
        'Approval date "9 th January 2018" is 2018-01-09. "Spring 2019" is read as 2019-01-01, the nominal start of the spring term; the school’s own term dates are not in the seed. No review interval is stated, so intervalMonths is null.',
    },
    {
      where: 'school',
      reading:
        'The seed names no country, key stages, local authority or trust name. Country read as England (LSCB, academy "Trust", BECTA). Key stages read as EYFS, KS1 and KS2, the usual range of an English primary school. "Liaises with the Trust" suggests an academy trust, but it is not named, so school.trust is left out. One site, taking the school’s name.',
    },
    {
      where: 'Introduction (line 28) and Appendix 1 (line 225)',
      reading:
        '"Mrs Nakarni" (body) and "Neelam Nadkarni" (Appendix 1) are the same person; the Appendix spelling is used.',
    },
    {
      where: 'Introduction (line 28); E-Safety Coordinator/Officer (line 55); Appendix 1',
      reading:
        'The body calls the Headship Team "(E-safety coordinators)", but Appendix 1 names only Anthony Martin as E-Safety Officer. Read: the Headteacher is the E-Safety Co-ordinator/Officer, and the Deputy and Assistant Headteachers support him (recorded as his deputies and as the Headship Team). The School Leaders, E-Safety Coordinator/Officer and DSL and Deputy DSLs sections are attributed to the Appendix 1 roles.',
    },
    {
      where: 'Governors (lines 40, 63)',
      reading:
        '"E-Safety Governor/Director" is one role, the E-Safety Governor (Marion Moffat). The suggestion that it may be combined with the Child Protection/Safeguarding Governor is only a suggestion, so safeguarding-governor is not among its kinds.',
    },
    {
      where: 'Use of Internet Facilities (lines 148-171)',
      reading:
        'The list under "will be reported to the Police" has 7 content bullets (lines 150-156), recorded as policeReportable, followed by verb-form bullets (lines 157-171) that belong grammatically to "Users shall not": recorded as prohibitedUses, not automatic police referrals.',
    },
    {
      where: 'Use of Internet Facilities (lines 135-143)',
      reading:
        'The "Users shall not" content list is recorded as prose rules for all users. "Indecent images of children" takes the value illegal (its making and distribution is a criminal offence and the seed makes images of child abuse police-reportable); the other items take unacceptable.',
    },
    {
      where: 'Use of Internet Facilities (line 145)',
      reading:
        'Pre-planned, recorded curricular access to otherwise inappropriate sites is read as "acceptable at certain times" for pupils; the times are the recorded lessons, configured by the school.',
    },
    {
      where: 'DSL and Deputy DSLs (line 104)',
      reading:
        'The sentence on school devices taken home sits in the DSL section but governs whoever takes a school device home; read as a device rule for staff.',
    },
    {
      where: 'Community Users (line 123)',
      reading:
        'Community users are recorded under the prose-rule audience "guests", the closest of Haven’s audiences.',
    },
    {
      where: 'Reporting Abuse (lines 173-181)',
      reading:
        'The Reporting Abuse flowchart is not in the text; only its CEOP and LSCB legend survives. Its content is unknown and must be configured by the school.',
    },
    {
      where: 'Matrices',
      reading:
        'The seed has no tables (the Appendix 1 and Glossary lines are label/value pairs), so the template has no matrices. The Appendix 1 pairs are the role holders; the five Glossary of Terms pairs (lines 232-236) are recorded as the glossary, term and meaning exactly as the seed gives them.',
    },
    {
      where: 'Sanctions (lines 187-195)',
      reading:
        'The sanctions are stated in prose, not as a matrix, so they are recorded as sanctionsStated, one entry per sub-bullet and in our words. Those under "Student" take the audience pupils; those under "Staff and Volunteers" take staff, standing for volunteers too, as Haven has no volunteers audience. The "Serious breaches" sentence appears under both headings and is recorded once for each. The sanctions apply "where there is inappropriate or illegal use of the internet and digital technologies"; the seed does not say which breach earns which sanction.',
    },
    {
      where: 'Network Manager/Technical Staff (line 75)',
      reading: '"Passwords are regularly changed" gives no interval; none is recorded.',
    },
  ],
};
