import type { PolicyDocumentInput } from '../schema.ts';

/**
 * WSAPC: a multi-site alternative provision (seed 003). Matrix labels and cells are exactly as
 * the seed gives them (outer whitespace trimmed); prose is in our words. Every row names its seed
 * line; `readings` records how ambiguous passages were read (see requirements-notes, 003).
 */
const SEED = '003_7b798a0a21d1a361.txt';

const src = (section: string, line: number) => ({ seed: SEED, section, line });
/** Provenance for a prose rule: the seed line and the exact clause it rests on. */
const cite = (section: string, line: number, quote: string) => ({ seed: SEED, section, line, quote });

/* ------------------------------------------------------------------ devices */

const DEVICE_COLUMNS = [
  'School owned for single user',
  'School owned for multiple users',
  'Authorised device ¹',
  'Student owned',
  'Staff owned',
  'Visitor owned',
];
const GUEST_BYOD = 'Yes – filtered as "Guest/ BYOD"';
const DEVICES_SECTION = 'Mobile Technologies (including BYOD/BYOT)';

/* ---------------------------------------------------------- user actions */

const USER_ACTIONS_SECTION = 'Dealing with unsuitable/inappropriate activities';
const SHALL_NOT =
  'Users shall not visit internet sites, make, post, download, upload, data transfer, communicate or pass on, material, remarks, proposals or comments that contain or relate to:';
const CYBER_CRIME = 'Activities that might be classed as cyber-crime under the Computer Misuse Act:';

/* --------------------------------------------------------------- sanctions */

const PUPIL_COLUMNS = [
  'Refer to class teacher/key worker',
  'Refer to Assistant Headteacher',
  'Refer to Headteacher/SLT',
  'Refer to Police',
  'Refer to technical support staff for action re filtering/security etc',
  'Inform parents/carers',
  'Removal of network/internet access rights',
  'Warning',
  'Further sanction i.e. isolation/exclusion',
];
const STAFF_COLUMNS = [
  'Refer to Line Manager/Assistant Headteacher',
  'Refer to Headteacher/SLT',
  'Refer to WSCC/Capita HR',
  'Refer to Police',
  'Refer to technical support staff for action re filtering/security etc',
  'Warning',
  'Disciplinary Action',
  'Suspension',
];
const PUPIL_SECTION = 'Responding to incidents of misuse – Pupils Actions/Sanctions';
const STAFF_SECTION = 'School Actions & Sanctions – Staff (inc. Agency/volunteers etc)';

/**
 * One sanctions row. `pattern` has one character per column, in the seed's column order:
 * "x" where the seed marks the cell, "." where it is blank.
 */
function sanction(
  columns: string[],
  section: string,
  id: string,
  label: string,
  line: number,
  pattern: string,
  continuedInfringements = false,
) {
  if (pattern.length !== columns.length || /[^x.]/.test(pattern)) {
    throw new Error(
      `wsapc ${section} row ${id}: pattern "${pattern}" does not fit ${columns.length} columns`,
    );
  }
  return {
    id,
    label,
    cells: Object.fromEntries(columns.map((c, i) => [c, pattern[i] === 'x'])),
    continuedInfringements,
    source: src(section, line),
  };
}
const pupil = (id: string, label: string, line: number, pattern: string, continued = false) =>
  sanction(PUPIL_COLUMNS, PUPIL_SECTION, id, label, line, pattern, continued);
const staff = (id: string, label: string, line: number, pattern: string, continued = false) =>
  sanction(STAFF_COLUMNS, STAFF_SECTION, id, label, line, pattern, continued);

/* ------------------------------------------------------------ lists */

const LINKED_POLICIES: [string, number][] = [
  ['Acceptable Use Policy/Agreement (Parent/Carers, Pupils, Staff/Others)', 564],
  ['Student Laptop Agreement', 565],
  ['Staff Laptop Agreement', 566],
  ['Mobile Phone Policy', 567],
  ['Behaviour at Work Policy', 568],
  ['CCTV/Digital Images Policy', 569],
  ['Child Protection and Safeguarding policy', 570],
  ['Cloud Storage Policy', 571],
  ['Confidential Reporting Policy', 572],
  ['Data Protection Policy', 573],
  ['Disciplinary Policy', 574],
  ['Equality Policy', 578],
  ['Health and Safety Policy', 579],
  ['School Health and Safety Committee contacts', 580],
  ['Social Media & Networking policy', 581],
  ['Staff & Pupil Privacy notice', 582],
  ['Technical Security Policy', 583],
  ['Freedom of Information Policy', 584],
  ['Communications Protocol', 585],
  ['WSCC code of Conduct', 586],
];

/** The instances the seed says to report to the police (lines 497-504), in our words. */
const POLICE_REPORTABLE: [string, number][] = [
  [
    'Images of child abuse found in content under review: halt the monitoring and refer to the Police at once.',
    497,
  ],
  ["'Grooming' behaviour.", 498],
  ['Sending obscene materials to a child.', 499],
  ['Adult material that may breach the Obscene Publications Act.', 500],
  ['Criminally racist material.', 501],
  ['Promotion of terrorism or extremism.', 502],
  ['Offences under the Computer Misuse Act (see the User Actions chart).', 503],
  ['Other criminal conduct, activity or materials.', 504],
];

export const wsapc: PolicyDocumentInput = {
  schemaVersion: 1,
  id: 'wsapc',
  seed: SEED,
  title: 'Online Safety Policy',
  preparedBy: 'Health and Safety Committee',
  scope:
    'Everyone in the WSAPC community (staff, pupils, volunteers, parents/carers, visitors and community users) with access to and use of school ICT systems, in and out of WSAPC, including off-site incidents linked to membership of WSAPC.',
  school: {
    name: 'WSAPC',
    phase: 'other',
    keyStages: ['ks3', 'ks4'],
    country: 'england',
    localAuthority: 'West Sussex County Council (WSCC)',
    sites: [
      {
        id: 'chalkhill',
        name: 'Chalkhill',
        filtering:
          'Proxy filtering: a proxy policy (Chalkhill only) on proxy servers maintained by eSafety4Schools.',
        source: src('Network Manager/Data & Communication Manager', 74),
      },
      {
        id: 'other-sites',
        name: 'WSAPC sites excluding Chalkhill',
        filtering:
          'In-centre FortiGate filtering: a filtering policy (all sites excluding Chalkhill) on FortiGate servers supported by DMS.',
        source: src('Network Manager/Data & Communication Manager', 74),
      },
    ],
  },

  roles: [
    {
      id: 'governors',
      title: 'Governors',
      kinds: ['governors'],
      responsibilities: [
        'Approve the Online Safety Policy.',
        'Review how effective the policy is, through the resource committee.',
        'Receive regular information about online safety incidents and monitoring reports (resource committee).',
      ],
      source: src('Governors', 26),
    },
    {
      id: 'health-and-safety-governor',
      title: 'Health and Safety Governor',
      kinds: ['online-safety-governor', 'safeguarding-governor'],
      responsibilities: [
        'A member of the Governing Body whose Health and Safety role covers online safety and safeguarding.',
        'Attend Health and Safety Committee meetings.',
        'Monitor the online safety incident logs regularly.',
        'Monitor the filtering/change-control logs regularly.',
        'Report to the relevant governors meetings.',
        'Meet the Online Safety Lead regularly.',
      ],
      source: src('Governors', 30),
    },
    {
      id: 'headteacher',
      title: 'Headteacher',
      kinds: ['headteacher'],
      responsibilities: [
        'Hold the duty of care for the safety, online safety included, of the WSAPC community.',
        'Delegate day-to-day responsibility for online safety to the Network Manager/Business Manager.',
        'With the Senior Leadership Team, know the procedure for a serious online safety allegation against a member of staff (incident flowchart and the Local Authority HR or other relevant disciplinary procedures).',
        'With the Senior Leadership Team, make sure relevant staff are trained for their online safety roles and to train colleagues.',
        'With the Senior Leadership Team, have a system to monitor and support the staff who carry out internal online safety monitoring.',
      ],
      source: src('Senior Leadership Team', 39),
    },
    {
      id: 'senior-leadership-team',
      title: 'Senior Leadership Team',
      kinds: ['senior-leadership'],
      responsibilities: [
        'Know the procedure for a serious online safety allegation against a member of staff.',
        'Make sure relevant staff receive suitable online safety training.',
        'Have a system to monitor and support those who carry out internal online safety monitoring.',
        'Receive regular monitoring reports from the Network Manager/Business Manager.',
        'Make sure all staff know the procedure to follow when an online safety incident happens.',
        'Have access to the master/administrator passwords, kept in a secure place.',
      ],
      source: src('Senior Leadership Team', 37),
    },
    {
      id: 'online-safety-lead',
      title: 'Online Safety Lead',
      kinds: ['online-safety-lead', 'deputy-headteacher'],
      holders: [{ name: 'Ben Thomas', note: 'Deputy Headteacher' }],
      responsibilities: [
        'Take day-to-day responsibility for online safety issues.',
        'Lead the setting up and review of the WSAPC online safety policies and documents.',
        'Train and advise staff.',
        'Liaise with the Local Authority and any other relevant body.',
        'Liaise with the school technical staff.',
        'Receive online safety incident reports and keep an incident log that informs future online safety work.',
        'Meet the Health and Safety Governor regularly to discuss current issues and review the incident and filtering/change-control logs.',
        'Attend the relevant governors meeting or committee.',
        'Report regularly to the Senior Leadership Team.',
      ],
      source: src('Online Safety Lead', 51),
    },
    {
      id: 'network-manager',
      title: 'Network Manager/Business Manager',
      kinds: ['network-manager', 'business-manager'],
      responsibilities: [
        'Carry day-to-day responsibility for online safety, delegated by the Headteacher (technical side).',
        'Keep the technical infrastructure secure and not open to misuse or malicious attack.',
        'Make sure WSAPC meets the required online safety technical requirements and any applicable Local Authority or other relevant body policy or guidance.',
        'Make sure users reach the networks and devices only through a properly enforced password protection policy.',
        'Make sure the filtering policy (sites other than Chalkhill) and proxy policy (Chalkhill) are applied and updated regularly, with no single person solely responsible for implementing them.',
        'Keep up to date with online safety technical information and pass it on to others as relevant.',
        'Monitor use of the network, internet, SharePoint, online learning platforms (Teams included), remote access and email regularly, and report misuse or attempted misuse to the Headteacher/Senior Leadership Team/Online Safety Lead.',
        'Implement and update the monitoring systems (FortiGate and Impero) as WSAPC policies agree.',
        'Send regular monitoring reports to the Senior Leadership Team.',
        'Keep the software licence logs accurate and up to date, reconciling licences bought against installations.',
      ],
      source: src('Network Manager/Data & Communication Manager', 67),
    },
    {
      id: 'technical-staff',
      title: 'WSAPC Technical Staff',
      kinds: ['technical-staff'],
      responsibilities: [
        'Issue usernames and passwords (KS2 and above) and keep an up-to-date record of users and usernames (the ICT team).',
        'Regularly monitor and record user activity on WSAPC technical systems.',
        'On a staff request, temporarily remove sites from the filtered list for a period of study, with the request auditable and its reasons clear.',
        'Alone manage WSAPC devices: installing apps, changing settings and monitoring.',
        'Alone provide technical support for WSAPC devices (none for personal devices).',
        'Receive and process devices returned by staff who leave.',
      ],
      source: src(DEVICES_SECTION, 269),
    },
    {
      id: 'teaching-and-support-staff',
      title: 'Teaching and Support Staff',
      kinds: ['all-staff'],
      responsibilities: [
        'Keep up to date with online safety matters and the current Online Safety Policy and practices.',
        'Read, understand and sign the Staff Acceptable Use Policy/Agreement (AUP) and other relevant policies and agreements.',
        'Report suspected misuse or problems to the Headteacher/Senior Leadership Team/Online Safety Lead.',
        'Keep all digital communication with pupils and parents/carers professional and on official school systems only.',
        'Embed online safety in all aspects of the curriculum and other activities.',
        'Make sure pupils understand and follow the online safety and acceptable use policies.',
        'Make sure pupils have good research skills and understand plagiarism and copyright.',
        'Monitor the use of digital technologies, mobile devices and cameras in lessons and other activities (where allowed) and apply the current policies on them.',
        'Where internet use is pre-planned, guide pupils to sites checked as suitable and have a process for unsuitable material found in searches.',
      ],
      source: src('Teaching and Support Staff', 79),
    },
    {
      id: 'designated-safeguarding-lead',
      title: 'Designated Safeguarding Lead',
      kinds: ['dsl'],
      responsibilities: [
        'Be trained in online safety issues.',
        'Be aware of the serious safeguarding risks that can arise from sharing personal data.',
        'Be aware of the risks from access to illegal or inappropriate materials.',
        'Be aware of the risks from inappropriate online contact with adults or strangers.',
        'Be aware of the risks from potential or actual grooming.',
        'Be aware of the risks from online bullying (cyberbullying).',
      ],
      source: src('Designated Safeguarding Lead', 96),
    },
    {
      id: 'data-protection-officer',
      title: 'Data Protection Officer (DPO)',
      kinds: ['dpo'],
      responsibilities: [
        'Be appointed with a high level of understanding of data protection law and no conflict of interest.',
        "Be named in the details given to the Information Commissioner's Office with the fee.",
      ],
      source: src('Data Protection', 336),
    },
    {
      id: 'senior-risk-officer',
      title: 'senior risk officer',
      kinds: ['siro'],
      responsibilities: [
        "Check WSAPC's professional use of social media regularly, with the Online Safety Lead/Health and Safety Committee, for compliance with WSAPC policies.",
      ],
      source: src('Monitoring of Public Social Media', 427),
    },
    {
      id: 'pupils',
      title: 'Pupils',
      kinds: ['pupils'],
      responsibilities: [
        'Use the WSAPC digital technology systems as the Student/Pupil Acceptable Use Policy says.',
        'Have good research skills and understand plagiarism and copyright.',
        'Understand why reporting abuse, misuse or access to inappropriate materials matters, and know how to report.',
        'Know and understand the policies on mobile devices, digital cameras, taking and using images, and online bullying.',
        'Follow good online safety practice out of school, knowing the policy covers conduct out of school that relates to membership of WSAPC.',
      ],
      source: src('Pupils', 122),
    },
    {
      id: 'parents-carers',
      title: 'Parents/Carers',
      kinds: ['parents'],
      responsibilities: [
        'Support WSAPC in promoting good online safety practice.',
        'Follow the guidelines on digital and video images taken at school events.',
        'Follow the guidelines on access to parent pupil records and online learning platforms.',
        "Follow the guidelines on their children's personal devices in WSAPC (where allowed), government-issued laptops included.",
      ],
      source: src('Parents/Carers', 130),
    },
    {
      id: 'other-users',
      title: 'Other Users',
      kinds: ['community-users'],
      responsibilities: [
        'Sign an Acceptable Use Policy/Agreement before being given access to school systems.',
      ],
      source: src('Other Users', 138),
    },
  ],

  committees: [
    {
      id: 'health-and-safety-committee',
      name: 'Health and Safety Committee',
      kind: 'online-safety-group',
      members: [
        'headteacher',
        'Staff – including Teachers, Support Staff, Technical Staff',
        'online-safety-lead',
        'governors',
        'health-and-safety-governor',
      ],
      duties: [
        'Developed this Online Safety Policy.',
        'Act as a consultative group, widely representative of the WSAPC community, responsible for online safety issues.',
        'Monitor the Online Safety Policy, including the impact of initiatives.',
        'Report regularly to the Governing Body.',
        'Help the Online Safety Lead produce, review and monitor the Online Safety Policy and documents.',
        'Help produce, review and monitor the filtering arrangements and requests for filtering changes.',
        'Map and review the online safety/digital literacy curriculum for relevance, breadth and progression.',
        'Monitor the network, internet, filtering and incident logs.',
        'Consult stakeholders, parents/carers and pupils included, about the online safety provision.',
        'Help identify and monitor staff training needs across online safety, data security included.',
        "Check WSAPC's professional use of social media regularly, with the senior risk officer and Online Safety Lead.",
      ],
      source: src('Health and Safety Committee', 106),
    },
    {
      id: 'resource-committee',
      name: 'resource committee',
      kind: 'governors-committee',
      members: ['governors'],
      duties: [
        "Carry out the governors' approval of the Online Safety Policy and reviews of its effectiveness.",
        'Receive regular information about online safety incidents and monitoring reports.',
      ],
      source: src('Governors', 26),
    },
  ],

  review: {
    approvals: [
      { body: 'WSAPC (adopted)', on: '2017-01-01', asWritten: 'January 2017' },
      { body: 'Governing Body (ratified)', on: '2017-01-01', asWritten: 'January 2017' },
      { body: 'Annual review', on: '2020-08-01', asWritten: 'August 2020' },
    ],
    intervalMonths: 12,
    intervalAsWritten: 'annually',
    nextReviewAsWritten: 'August 2021',
    nextReview: '2021-08-01',
    monitoredBy: 'Health and Safety Committee',
    monitoringInterval: null,
    governorsReport:
      'The Health and Safety Committee reports regularly to the Governing Body; the resource committee receives regular information about online safety incidents and monitoring reports.',
    triggers: [],
    source: src('Adoption and review table', 588),
  },

  linkedPolicies: LINKED_POLICIES.map(([title, line]) => ({ title, source: src('Linked Policies', line) })),

  externalAgencies: [
    {
      name: 'Police',
      when: 'Suspected child abuse images or any other suspected illegal activity: report immediately; also the other police-reportable instances.',
      source: src('Responding to incidents of misuse – Illegal Incidents', 477),
    },
    {
      name: 'Local Authority or Multi-Agency Team',
      when: 'Where an investigated concern has substance and their involvement is relevant.',
      source: src('Responding to incidents of misuse – Other Incidents', 495),
    },
    {
      name: 'Local Authority',
      when: 'The Online Safety Lead liaises with it (and any other relevant body).',
      source: src('Online Safety Lead', 57),
    },
    {
      name: 'WSCC/Capita HR',
      when: 'Staff incidents marked for referral in the staff Actions/Sanctions table.',
      source: src(STAFF_SECTION, 541),
    },
    {
      name: 'Internet Watch Foundation',
      when: 'Its CAIC list is used by the broadband or filtering provider to filter child sexual abuse images.',
      source: src('Technical – infrastructure/equipment, filtering and monitoring', 220),
    },
    {
      name: 'DMS',
      when: 'Supports the FortiGate filtering at sites other than Chalkhill.',
      source: src('Network Manager/Data & Communication Manager', 74),
    },
    {
      name: 'eSafety4Schools',
      when: 'Maintains the Chalkhill proxy servers.',
      source: src('Network Manager/Data & Communication Manager', 74),
    },
    {
      name: "Information Commissioner's Office (ICO)",
      when: 'Relevant personal data breaches, within 72 hours of becoming aware; the data protection fee.',
      source: src('Data Protection', 346),
    },
    {
      name: 'SWGfL',
      when: 'External online safety training for staff and governors (written "WSGfL"); resources for parents.',
      source: src('Education & Training – Staff/Volunteers', 195),
    },
  ],

  impactMonitoring: [
    {
      method:
        'The Health and Safety Committee monitors the policy, including the impact of initiatives, and reports regularly to the Governing Body.',
      source: src('Health and Safety Committee', 108),
    },
    {
      method:
        'The Online Safety Lead keeps a log of reported incidents to inform future online safety developments.',
      source: src('Online Safety Lead', 62),
    },
    {
      method:
        'The Health and Safety Governor regularly monitors the incident logs and the filtering/change-control logs.',
      source: src('Governors', 33),
    },
    {
      method:
        'The Network Manager/Business Manager sends regular monitoring reports to the Senior Leadership Team.',
      source: src('Senior Leadership Team', 47),
    },
    {
      method: 'Technical staff regularly monitor and record user activity on WSAPC technical systems.',
      source: src('Technical – infrastructure/equipment, filtering and monitoring', 228),
    },
    {
      method: 'Regular reviews and audits of the safety and security of school technical systems.',
      source: src('Technical – infrastructure/equipment, filtering and monitoring', 214),
    },
    {
      method:
        'Consultation with stakeholders, parents/carers and pupils included, about the online safety provision.',
      source: src('Health and Safety Committee', 119),
    },
    {
      method: 'Regular audit of the online safety training needs of all staff.',
      source: src('Education & Training – Staff/Volunteers', 193),
    },
  ],

  matrices: {
    devices: {
      title: DEVICES_SECTION,
      columnGroups: [
        { label: 'School (WSAPC) Devices', columns: DEVICE_COLUMNS.slice(0, 3) },
        { label: 'Personal Devices', columns: DEVICE_COLUMNS.slice(3) },
      ],
      columns: DEVICE_COLUMNS,
      rows: [
        {
          id: 'allowed-in-school',
          label: 'Allowed in school',
          cells: {
            'School owned for single user': 'Yes',
            'School owned for multiple users': 'Yes',
            'Authorised device ¹': 'Yes',
            'Student owned': 'No',
            'Staff owned': 'Yes',
            'Visitor owned': 'Yes',
          },
          source: src(DEVICES_SECTION, 258),
        },
        {
          id: 'full-network-access',
          label: 'Full network access',
          cells: {
            'School owned for single user': 'Yes',
            'School owned for multiple users': 'Yes',
            'Authorised device ¹': 'Yes',
            'Student owned': 'No',
            'Staff owned': 'No',
            'Visitor owned': 'No',
          },
          source: src(DEVICES_SECTION, 259),
        },
        {
          id: 'internet-only',
          label: 'Internet only',
          cells: {
            'School owned for single user': '-',
            'School owned for multiple users': '-',
            'Authorised device ¹': '-',
            'Student owned': 'No',
            'Staff owned': GUEST_BYOD,
            'Visitor owned': GUEST_BYOD,
          },
          source: src(DEVICES_SECTION, 260),
        },
        {
          id: 'no-network-access',
          label: 'No network access',
          cells: {
            'School owned for single user': '-',
            'School owned for multiple users': '-',
            'Authorised device ¹': '-',
            'Student owned': 'Yes',
            'Staff owned': 'Yes',
            'Visitor owned': 'Yes',
          },
          source: src(DEVICES_SECTION, 261),
        },
      ],
      footnotes: [
        '¹ Authorised device: bought by the pupil or family through a school/LA-organised scheme, or provided by the government under the DfE COVID Technology (or another applicable) scheme; it may be given full network access as if WSAPC owned it.',
      ],
      source: src(DEVICES_SECTION, 256),
    },

    userActions: {
      title: 'User Actions',
      columns: {
        acceptable: 'Acceptable',
        'certain-times': 'Acceptable at certain times',
        'nominated-users': 'Acceptable for nominated users',
        unacceptable: 'Unacceptable',
        illegal: 'Unacceptable and illegal',
      },
      appliesTo: 'all-users',
      rows: [
        {
          id: 'child-sexual-abuse-images',
          group: SHALL_NOT,
          label:
            'Child sexual abuse images –The making, production or distribution of indecent images of children. Contrary to The Protection of Children Act 1978',
          value: 'illegal',
          categories: ['child-abuse'],
          source: src(USER_ACTIONS_SECTION, 438),
        },
        {
          id: 'grooming',
          group: SHALL_NOT,
          label:
            'Grooming, incitement, arrangement or facilitation of sexual acts against children Contrary to the Sexual Offences Act 2003.',
          value: 'illegal',
          categories: ['child-abuse'],
          source: src(USER_ACTIONS_SECTION, 439),
        },
        {
          id: 'extreme-pornography',
          group: SHALL_NOT,
          label:
            'Possession of an extreme pornographic image (grossly offensive, disgusting or otherwise of an obscene character) Contrary to the Criminal Justice and Immigration Act 2008',
          value: 'illegal',
          categories: ['pornography'],
          source: src(USER_ACTIONS_SECTION, 440),
        },
        {
          id: 'criminally-racist-material',
          group: SHALL_NOT,
          label:
            'Criminally racist material in UK – to stir up religious hatred (or hatred on the grounds of sexual orientation) - contrary to the Public Order Act 1986',
          value: 'illegal',
          categories: ['hate-speech'],
          source: src(USER_ACTIONS_SECTION, 441),
        },
        {
          id: 'pornography',
          group: SHALL_NOT,
          label: 'Pornography',
          value: 'unacceptable',
          categories: ['pornography'],
          source: src(USER_ACTIONS_SECTION, 442),
        },
        {
          id: 'discrimination',
          group: SHALL_NOT,
          label: 'Promotion of any kind of discrimination',
          value: 'unacceptable',
          categories: ['discrimination'],
          source: src(USER_ACTIONS_SECTION, 443),
        },
        {
          id: 'threatening-behaviour',
          group: SHALL_NOT,
          label: 'Threatening behaviour, including promotion of physical violence or mental harm',
          value: 'unacceptable',
          categories: ['violence'],
          source: src(USER_ACTIONS_SECTION, 444),
        },
        {
          id: 'extremism-terrorism',
          group: SHALL_NOT,
          label: 'Promotion of extremism or terrorism',
          value: 'unacceptable',
          categories: ['extremism', 'terrorism'],
          source: src(USER_ACTIONS_SECTION, 445),
        },
        {
          id: 'other-offensive-information',
          label:
            'Any other information which may be offensive to colleagues or breaches the integrity of the ethos of WSAPC or brings WSAPC into disrepute',
          value: 'unacceptable',
          source: src(USER_ACTIONS_SECTION, 446),
        },
        {
          id: 'cyber-crime',
          label: CYBER_CRIME,
          value: 'illegal',
          source: src(USER_ACTIONS_SECTION, 447),
        },
        {
          id: 'cyber-crime-unauthorised-access',
          group: CYBER_CRIME,
          parent: 'cyber-crime',
          label:
            'Gaining unauthorised access to school networks, data and files, through the use of computers/devices',
          value: null,
          source: src(USER_ACTIONS_SECTION, 448),
        },
        {
          id: 'cyber-crime-viruses',
          group: CYBER_CRIME,
          parent: 'cyber-crime',
          label: 'Creating or propagating computer viruses or other harmful files',
          value: null,
          categories: ['malware-hacking'],
          source: src(USER_ACTIONS_SECTION, 449),
        },
        {
          id: 'cyber-crime-revealing-confidential-information',
          group: CYBER_CRIME,
          parent: 'cyber-crime',
          label:
            'Revealing or publicising confidential or proprietary information (e.g. financial/personal information, databases, computer/network access codes and passwords)',
          value: null,
          source: src(USER_ACTIONS_SECTION, 450),
        },
        {
          id: 'cyber-crime-disrupting-network',
          group: CYBER_CRIME,
          parent: 'cyber-crime',
          label: 'Disable/impair/disrupt network functionality through the use of computers/devices',
          value: null,
          source: src(USER_ACTIONS_SECTION, 454),
        },
        {
          id: 'cyber-crime-penetration-testing',
          group: CYBER_CRIME,
          parent: 'cyber-crime',
          label: 'Using penetration testing equipment (without relevant permission)',
          value: null,
          categories: ['hacking-tools'],
          source: src(USER_ACTIONS_SECTION, 455),
        },
        {
          id: 'bypassing-filtering',
          label:
            'Using systems, applications, websites or other mechanisms that bypass the filtering or other safeguards employed by WSAPC',
          value: 'unacceptable',
          categories: ['bypass'],
          source: src(USER_ACTIONS_SECTION, 456),
        },
        {
          id: 'revealing-confidential-information',
          label:
            'Revealing or publicising confidential or proprietary information (e.g. financial/personal information, databases, computer/network access codes and passwords)',
          value: 'unacceptable',
          source: src(USER_ACTIONS_SECTION, 457),
        },
        {
          id: 'unfair-usage',
          label:
            'Unfair usage (downloading/uploading large files that hinders others in their use of the internet)',
          value: 'unacceptable',
          categories: ['large-downloads'],
          source: src(USER_ACTIONS_SECTION, 458),
        },
        {
          id: 'private-business',
          label: 'Using WSAPC systems to run a private business',
          value: 'unacceptable',
          source: src(USER_ACTIONS_SECTION, 459),
        },
        {
          id: 'infringing-copyright',
          label: 'Infringing copyright',
          value: 'unacceptable',
          categories: ['piracy'],
          source: src(USER_ACTIONS_SECTION, 460),
        },
        {
          id: 'online-gaming-educational',
          label: 'Online gaming (educational)',
          value: 'certain-times',
          categories: ['gaming-educational'],
          source: src(USER_ACTIONS_SECTION, 461),
        },
        {
          id: 'online-gaming-non-educational',
          label: 'Online gaming (non-educational)',
          value: 'unacceptable',
          categories: ['gaming'],
          source: src(USER_ACTIONS_SECTION, 462),
        },
        {
          id: 'online-gambling',
          label: 'Online gambling',
          value: 'unacceptable',
          categories: ['gambling'],
          source: src(USER_ACTIONS_SECTION, 463),
        },
        {
          id: 'online-shopping',
          label: 'Online shopping/commerce',
          value: 'certain-times',
          categories: ['shopping'],
          source: src(USER_ACTIONS_SECTION, 464),
        },
        {
          id: 'file-sharing',
          label: 'File sharing',
          value: 'nominated-users',
          categories: ['file-sharing'],
          source: src(USER_ACTIONS_SECTION, 465),
        },
        {
          id: 'social-media',
          label: 'Use of social media',
          value: 'nominated-users',
          categories: ['social-media'],
          source: src(USER_ACTIONS_SECTION, 466),
        },
        {
          id: 'messaging-apps',
          label: 'Use of messaging apps',
          value: 'nominated-users',
          categories: ['messaging'],
          source: src(USER_ACTIONS_SECTION, 467),
        },
        {
          id: 'video-broadcasting',
          label: 'Use of video broadcasting e.g. Youtube',
          value: 'certain-times',
          categories: ['video-broadcasting'],
          source: src(USER_ACTIONS_SECTION, 468),
        },
      ],
      source: src(USER_ACTIONS_SECTION, 437),
    },

    pupilSanctions: {
      title: 'Pupils Actions/Sanctions',
      rowHeader: 'Incidents:',
      columns: PUPIL_COLUMNS,
      // Columns: class teacher, AHT, Head/SLT, Police, technical, parents, removal, warning, further.
      rows: [
        pupil(
          'accessing-illegal-material',
          'Deliberately accessing or trying to access material that could be considered illegal (see list in earlier section on unsuitable/inappropriate activities).',
          513,
          '.xxxxx...',
        ),
        pupil(
          'non-educational-sites-in-lessons',
          'Unauthorised use of non-educational sites during lessons',
          514,
          'xx.......',
        ),
        pupil(
          'unauthorised-mobile-device',
          'Unauthorised use of mobile phone/digital camera/other mobile device',
          515,
          '.x..xx...',
        ),
        pupil(
          'unauthorised-social-media-messaging-email',
          'Unauthorised use of social media /messaging apps/personal email',
          516,
          '.xx.xx...',
        ),
        pupil(
          'unauthorised-downloading-uploading',
          'Unauthorised downloading or uploading of files',
          517,
          '..x.xx...',
        ),
        pupil(
          'sharing-username-password',
          'Allowing others to access school network by sharing username and passwords',
          518,
          '..x.xx...',
        ),
        pupil(
          'using-another-pupils-account',
          "Attempting to access or accessing WSAPC network, using another student's/pupil's account",
          519,
          '..xx.x.x.',
        ),
        pupil(
          'using-staff-account',
          'Attempting to access or accessing WSAPC network, using the account of a member of staff',
          520,
          '..xxx..x.',
        ),
        pupil('corrupting-data', 'Corrupting or destroying the data of other users', 521, '...x.....'),
        pupil(
          'offensive-messages',
          'Sending an email, text or message that is regarded as offensive, harassment or of a bullying nature',
          522,
          '.xx..x.xx',
        ),
        pupil(
          'continued-infringements',
          'Continued infringements of the above, following previous warnings or sanctions',
          523,
          '.xxxxxx.x',
          true,
        ),
        pupil(
          'bringing-into-disrepute',
          'Actions which could bring WSAPC into disrepute or breach the integrity of the ethos of WSAPC',
          524,
          '..x......',
        ),
        pupil(
          'subverting-filtering',
          "Using proxy sites or other means to subvert WSAPC's filtering system",
          525,
          '..x.x....',
        ),
        pupil(
          'accidental-access-not-reported',
          'Accidentally accessing offensive or pornographic material and failing to report the incident',
          529,
          'xx.......',
        ),
        pupil(
          'accessing-offensive-pornographic',
          'Deliberately accessing or trying to access offensive or pornographic material',
          530,
          '.xx......',
        ),
        pupil(
          'copyright-data-protection',
          'Receipt or transmission of material that infringes the copyright of another person or infringes the Data Protection Act',
          531,
          '..x......',
        ),
      ],
      source: src(PUPIL_SECTION, 512),
    },

    staffSanctions: {
      title: 'Staff (inc. Agency/volunteers etc)',
      rowHeader: '',
      columns: STAFF_COLUMNS,
      // Columns: line manager/AHT, Head/SLT, WSCC/Capita HR, Police, technical, warning, disciplinary, suspension.
      rows: [
        staff(
          'accessing-illegal-material',
          'Deliberately accessing or trying to access material that could be considered illegal (see list in earlier section on unsuitable/inappropriate activities).',
          542,
          '.xxxxxxx',
        ),
        staff(
          'inappropriate-personal-use',
          'Inappropriate personal use of the internet/social media/personal email',
          543,
          'xx...xx.',
        ),
        staff(
          'unauthorised-downloading-uploading',
          'Unauthorised downloading or uploading of files',
          547,
          '.x..xx..',
        ),
        staff(
          'sharing-or-using-accounts',
          "Allowing others to access school network by sharing username and passwords or attempting to access or accessing WSAPC network, using another person's account",
          548,
          '.x...xxx',
        ),
        staff(
          'careless-personal-data',
          'Careless use of personal data e.g. holding or transferring data in an insecure manner',
          549,
          'xx....x.',
        ),
        staff(
          'breaching-data-protection-security',
          'Deliberate actions to breach data protection or network security rules',
          550,
          '.xxx..xx',
        ),
        staff(
          'corrupting-data-or-damage',
          'Corrupting or destroying the data of other users or causing deliberate damage to hardware or software',
          551,
          '.xxx..xx',
        ),
        staff(
          'offensive-messages',
          'Sending an email, text or message that is regarded as offensive, harassment or of a bullying nature',
          552,
          'xxx...x.',
        ),
        staff(
          'personal-communications-with-pupils',
          'Using personal email/social networking/instant messaging/text messaging to carrying out digital communications with pupils',
          553,
          'xx...xx.',
        ),
        staff(
          'compromising-professional-standing',
          "Actions which could compromise the staff member's professional standing",
          554,
          '.xx...x.',
        ),
        staff(
          'bringing-into-disrepute',
          'Actions which could bring WSAPC into disrepute or breach the integrity of the ethos of WSAPC',
          555,
          '.xx...xx',
        ),
        staff(
          'subverting-filtering',
          "Using proxy sites or other means to subvert WSAPC's filtering system",
          556,
          '.xx.xxx.',
        ),
        staff(
          'accidental-access-not-reported',
          'Accidentally accessing offensive or pornographic material and failing to report the incident',
          557,
          'xx....x.',
        ),
        staff(
          'accessing-offensive-pornographic',
          'Deliberately accessing or trying to access offensive or pornographic material',
          558,
          '.xxxxx.x',
        ),
        staff(
          'breaching-copyright-licensing',
          'Breaching copyright or licensing regulations',
          559,
          'xx...xx.',
        ),
        staff(
          'continued-infringements',
          'Continued infringements of the above, following previous warnings or sanctions',
          560,
          '.xx..xxx',
          true,
        ),
      ],
      source: src(STAFF_SECTION, 541),
    },
  },

  policeReportable: POLICE_REPORTABLE.map(([text, line]) => ({
    text,
    source: src('Responding to incidents of misuse – Other Incidents', line),
  })),

  sanctionsStated: [
    {
      text: 'Suspected excessive personal use of social media in school that interferes with duties may lead to disciplinary action.',
      audience: 'staff',
      source: src('Social Media - Protecting Professional Identity – Personal Use', 420),
    },
    {
      text: 'Suspected misuse of internet access from a personal device is dealt with under the safeguarding, behaviour, disciplinary or other relevant policy.',
      audience: 'all-users',
      source: src(DEVICES_SECTION, 290),
    },
    {
      text: 'Incidents of misuse are dealt with through the normal behaviour and disciplinary procedures, as the pupil and staff Actions/Sanctions tables set out.',
      audience: 'all-users',
      source: src('School Actions & Sanctions', 537),
    },
  ],

  proseRules: [
    {
      id: 'illegal-content-iwf',
      kind: 'filtering',
      statement:
        'Accessing child sexual abuse images: illegal content, filtered for every user by the broadband or filtering provider using the IWF CAIC list (all internet access is filtered).',
      audience: 'all-users',
      value: 'illegal',
      categories: ['child-abuse'],
      source: cite(
        'Technical – infrastructure/equipment, filtering and monitoring',
        220,
        'Illegal content (child sexual abuse images) is filtered by the broadband or filtering provider by actively employing the Internet Watch Foundation CAIC list.',
      ),
    },
    {
      id: 'terrorist-extremist-material',
      kind: 'filtering',
      statement:
        'Children reaching terrorist and extremist material online, which internet filtering and monitoring must prevent.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: ['terrorism', 'extremism'],
      source: cite(
        'Technical – infrastructure/equipment, filtering and monitoring',
        224,
        'Internet filtering/monitoring should ensure that children are safe from terrorist and extremist material when accessing the internet.',
      ),
    },
    {
      id: 'executables-and-apps',
      kind: 'device',
      statement: 'Downloading executable files or installing applications on school devices.',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        'Technical – infrastructure/equipment, filtering and monitoring',
        238,
        'Technologies are in place that forbid users from downloading executable files and installing applications on school devices.',
      ),
    },
    {
      id: 'personal-data-off-site',
      kind: 'conduct',
      statement:
        'Sending personal data over the internet or taking it off site unless it is encrypted or otherwise secured.',
      audience: 'all-users',
      value: 'unacceptable',
      except: 'data that is safely encrypted or otherwise secured',
      source: cite(
        'Technical – infrastructure/equipment, filtering and monitoring',
        240,
        'Personal data cannot be sent over the internet or taken off WSAPC site unless safely encrypted or otherwise secured.',
      ),
    },
    {
      id: 'temporary-unblock-for-study',
      kind: 'filtering',
      statement:
        'For good educational reasons, staff may ask technical staff (or another designated person) to remove sites on topics such as racism, drugs or discrimination from the filtered list for the period of study; each request is auditable with clear reasons.',
      audience: 'staff',
      value: 'nominated-users',
      source: cite(
        'Education – Pupils',
        160,
        'staff can request that the Technical Staff (or other relevant designated person) can temporarily remove those sites from the filtered list for the period of study.',
      ),
    },
    {
      id: 'students-personal-devices',
      kind: 'device',
      statement: 'Students using personal devices in school.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(DEVICES_SECTION, 285, 'Students are not allowed to use personal devices in school.'),
    },
    {
      id: 'visitor-devices',
      kind: 'device',
      statement:
        'Visitors bringing their own devices to deliver training or educational sessions; such devices get internet access filtered like any other device and no other network access.',
      audience: 'visitors',
      value: 'acceptable',
      source: cite(
        DEVICES_SECTION,
        286,
        'Visitors may bring their own devices for the purposes of delivering training or educational sessions to staff, pupils, parents/carers, any other relevant recipient.',
      ),
    },
    {
      id: 'images-on-personal-equipment',
      kind: 'device',
      statement: 'Staff or volunteers taking digital/video images for school purposes on personal equipment.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'images taken on WSAPC equipment',
      source: cite(
        'Use of digital and video images',
        307,
        'the personal equipment of staff should not be used for such purposes.',
      ),
    },
    {
      id: 'pupils-images-of-others',
      kind: 'conduct',
      statement:
        'Pupils taking, using, sharing, publishing or distributing images of others without their permission.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(
        'Use of digital and video images',
        309,
        'Pupils must not take, use, share, publish or distribute images of others without their permission',
      ),
    },
    {
      id: 'school-email-only',
      kind: 'communication',
      statement:
        "Staff or pupils using any email service other than WSAPC's to communicate when in school or on school systems (remote access included).",
      audience: 'all-users',
      value: 'unacceptable',
      except: 'the WSAPC email service',
      categories: ['webmail'],
      source: cite(
        'Communications',
        379,
        'Staff and pupils should therefore use only WSAPC email service to communicate with others when in school, or on school systems (e.g. by remote access).',
      ),
    },
    {
      id: 'staff-pupil-communication-personal-channels',
      kind: 'communication',
      statement:
        'Staff communicating with pupils or parents/carers by personal email, text messages on personal phones or social media (only official, monitored WSAPC systems may be used).',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        'Communications',
        382,
        'Personal email addresses, text messaging on personal phones or social media must not be used for these communications.',
      ),
    },
    {
      id: 'staff-private-social-media',
      kind: 'filtering',
      statement: 'Staff accessing private social media sites reasonably and appropriately.',
      audience: 'staff',
      value: 'acceptable',
      categories: ['social-media'],
      source: cite(
        'Social Media - Protecting Professional Identity – Personal Use',
        421,
        'WSAPC permits reasonable and appropriate access to private social media sites',
      ),
    },
    {
      id: 'staff-social-media-references',
      kind: 'conduct',
      statement: 'Staff referring to pupils, parents/carers or WSAPC staff on social media.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        'Social Media - Protecting Professional Identity',
        400,
        'No reference should be made in social media to pupils, parents/carers or WSAPC staff',
      ),
    },
  ],

  readings: [
    {
      where: 'School name, local authority and key stages',
      reading:
        'The seed never expands "WSAPC" and states no key stages. Read as an alternative provision for secondary-age pupils (ks3, ks4), phase "other". "WSCC" (WSCC/Capita HR, WSCC code of Conduct) is read as West Sussex County Council. The KS1/KS2 clauses on logons and email addresses (lines 217, 383) are template text, kept as stated.',
    },
    {
      where: 'Sites and filtering (lines 74, 271)',
      reading:
        'Two sites recorded: Chalkhill (proxy filtering by eSafety4Schools) and "WSAPC sites excluding Chalkhill" (FortiGate, supported by DMS). The other sites are not named, so they are one entry and their number is unknown.',
    },
    {
      where: 'Role titles (lines 39, 47, 67)',
      reading:
        '"Network Manager/Business Manager" (SLT section) and "Network Manager/Data & Communication Manager" (heading) are one role, titled as the SLT section does. Day-to-day responsibility is split: technical (Network Manager/Business Manager) and pastoral (Online Safety Lead).',
    },
    {
      where: 'Governor title (lines 26, 30)',
      reading:
        '"Health and Safety Governor" and "Health and Safety and Safeguarding Governor" are one role, covering online safety and safeguarding.',
    },
    {
      where: 'Governing bodies (lines 13, 26, 106)',
      reading:
        "Two bodies: the Health and Safety Committee (develops and monitors the policy; the online safety group) and the governors' resource committee (approves it and reviews its effectiveness).",
    },
    {
      where: '"senior risk officer" (line 427)',
      reading: 'Undefined in the seed; read as a configurable SIRO-type role with no named holder.',
    },
    {
      where: 'Spellings (lines 195, 206, 220, 431)',
      reading:
        '"WSPAC" is a typo for WSAPC; "WSGfL" is read as SWGfL; "Internet Watch Foundation CAIC list" is the IWF Child Abuse Image Content list.',
    },
    {
      where: 'Review table (lines 588-591)',
      reading:
        'Month-only dates are read as the first of the month: January 2017 → 2017-01-01, August 2020 → 2020-08-01, August 2021 → 2021-08-01. "REVIEWED (annually)" gives a 12-month cycle; the rows are recorded as approvals: "ADOPTED BY WSAPC" as WSAPC (adopted), "RATIFIED BY GB" as Governing Body (ratified), "REVIEWED (annually)" as Annual review (the reviewing body is not named), so the last review date (August 2020) plus 12 months gives the due date the table states. The seed gives no out-of-cycle review triggers.',
    },
    {
      where: 'Device matrix title and groups (lines 254-257)',
      reading:
        'The table has no title of its own; it follows "WSAPC allows:" under the "Mobile Technologies (including BYOD/BYOT)" heading, which is used as its title. The first header row is a group row: "School (WSAPC) Devices" over the first three columns, "Personal Devices" over the last three.',
    },
    {
      where: 'Device matrix: Authorised device (lines 257, 275)',
      reading:
        'Sits under School Devices by position, but the footnote says the family bought it (school/LA scheme) or the government provided it (DfE COVID Technology scheme). Read: a family- or government-owned device that the school manages as its own and "may" give full network access.',
    },
    {
      where: 'Device matrix: "No network access" (lines 260-261, 288)',
      reading:
        'Staff and visitor devices say Yes to both "Internet only" (filtered as Guest/BYOD) and "No network access"; read "No network access" as no internal/LAN access beyond the internet, as "Devices will not be given any other network access" says. "-" in the school-device columns means not applicable (those devices have full access). Student-owned devices are not allowed in school. The intro\'s "personally owned (in the case of visitors)" is narrower than the matrix, which also allows staff-owned devices: staff and visitors may bring devices, students may not.',
    },
    {
      where: 'User Actions columns after the page break (lines 454-468)',
      reading:
        'The header (line 437) and lines 438-450 have 7 tab fields (label, an empty sub-item column, 5 ratings). After the page break, lines 454-468 have 6 fields: the empty sub-item column is missing, so their marks are read one column to the right of where they fall against the header. Result: bypassing filtering, revealing confidential information, unfair usage, private business, infringing copyright, non-educational gaming and gambling are Unacceptable; educational gaming, shopping/commerce and YouTube are Acceptable at certain times; file sharing, social media and messaging apps are Acceptable for nominated users. Read literally, bypassing filtering would be acceptable for nominated users, which is implausible.',
    },
    {
      where: 'User Actions rows (lines 438-450)',
      reading:
        'The first 8 content rows sit under the "Users shall not visit internet sites..." heading (their group). "Any other information which may be offensive..." sits in column 1, not under the heading: its own row, Unacceptable. The 5 cyber-crime sub-items have no marks and take their parent\'s "Unacceptable and illegal" (parent row). "Revealing or publicising confidential or proprietary information" appears twice: illegal where the Computer Misuse Act applies (sub-item), Unacceptable in general (own row).',
    },
    {
      where: 'User Actions: certain times and nominated users',
      reading:
        'The matrix does not say which times or which users; both are school-configured. One column set applies to all users (no separate staff and pupil columns).',
    },
    {
      where: 'User Actions categories',
      reading:
        'Haven categories are given only where a row governs web content. Conduct rows (other offensive information, revealing confidential information, private business, unauthorised access, disrupting the network) carry none. Criminally racist material maps to hate-speech; extreme pornography to pornography; promotion of extremism or terrorism to both extremism and terrorism (terrorism stays illegal in Haven whatever the row says).',
    },
    {
      where: 'Pupil Actions/Sanctions (lines 508-533)',
      reading:
        'The title is on two lines ("Pupils", "Actions/Sanctions"); the table precedes its "School Actions & Sanctions" heading. A page break (lines 526-528) splits it; read as one table of 16 rows x 9 columns. The evidence-trail paragraph after it belongs to the investigation procedure. Marks taken literally: "Corrupting or destroying the data of other users" is marked only Refer to Police; using another pupil\'s account is marked Head/SLT, Police, Inform parents/carers and Warning; only "Continued infringements" is marked "Removal of network/internet access rights", and it has no Warning.',
    },
    {
      where: 'Staff Actions/Sanctions (lines 539-560)',
      reading:
        'The first header cell is blank (rowHeader ""); the title "Staff (inc. Agency/volunteers etc)" is on its own line. A page break (lines 544-546) splits it; read as one table of 16 rows x 8 columns. One row merges the two pupil rows on sharing and using accounts. "Deliberately accessing or trying to access offensive or pornographic material" is marked Suspension but not Disciplinary Action; taken literally.',
    },
    {
      where: 'Missing content (lines 7, 477)',
      reading:
        'The incident flowchart and the appendix template policy on searching devices and deleting data are not in the text; their content is unknown and must be configured.',
    },
    {
      where: 'Data Protection (lines 317, 341, 346)',
      reading:
        'The DPA 1998 and "8 data subject rights" sit beside the UK GDPR 72-hour ICO rule; recorded as stated. "Online Health and Safety reporting" (line 230) is the school\'s existing incident-reporting system; Haven offers an equivalent route.',
    },
    {
      where: 'Prose rule values',
      reading:
        'Each prose rule names an activity and `value` rates it, as a user-actions row would: prohibitions are stated as the activity and rated unacceptable (illegal for child sexual abuse images), permissions are rated acceptable, and permissions given only on request or to designated people (temporary unblocking for study) are nominated-users. Staff access to private social media (line 421) is read as staff being among the "nominated users" for social media in the matrix.',
    },
    {
      where: 'Communications matrix',
      reading: 'The seed has no communications matrix; none is recorded.',
    },
  ],
};
