import type { PolicyDocumentInput } from '../schema.ts';

/**
 * Milford Haven School Networking e-Safety Policy (seed 000): a Welsh secondary school with a
 * sixth form, on the SWGfL / Welsh Government template. Matrix labels, column labels, role titles
 * and names are as the seed gives them; responsibilities and statements are in our own words.
 */
const SEED = '000_5dc4f1688d9d3a79.txt';

/** The Students / Pupils Actions columns, as the seed's header cells (line 463). */
const PUPIL = {
  teacher: 'Refer to class teacher / tutor',
  aole: 'Refer to AOLE / HoH / Engagement team/ other',
  head: 'Refer to Head teacher / Duty SLT',
  police: 'Refer to Police',
  technical: 'Refer to technical support staff for action re filtering / security etc',
  parents: 'Inform parents / carers',
  removal: 'Removal of internet access rights',
  warning: 'Warning',
  further: 'Further sanction e.g. detention / exclusion',
} as const;

/** The Staff Actions columns, as the seed's header cells (line 486). */
const STAFF = {
  lineManager: 'Refer to line manager',
  head: 'Refer to Headteacher Principal',
  laHr: 'Refer to Local Authority / HR',
  police: 'Refer to Police',
  technical: 'Refer to Technical Support Staff for action re filtering etc',
  warning: 'Warning',
  suspension: 'Suspension',
  disciplinary: 'Disciplinary action',
} as const;

export const milfordHaven: PolicyDocumentInput = {
  schemaVersion: 1,
  id: 'milford-haven',
  seed: SEED,
  title: 'Milford Haven School Networking e-Safety Policy',
  preparedBy: 'DHT Well Being and Inclusion',
  scope:
    'Everyone in the school community (staff, students/pupils, volunteers, parents/carers, visitors and community users) ' +
    'who has access to and uses school ICT systems, in school and out of it; and the use of personal digital ' +
    'technology on the school site where that is allowed.',
  school: {
    name: 'Milford Haven School',
    phase: 'secondary',
    keyStages: ['ks3', 'ks4', 'sixth-form'],
    country: 'wales',
    sites: [
      {
        id: 'main',
        name: 'Milford Haven School',
        filtering:
          'Internet access filtered for all users by the broadband and filtering provider, which blocks illegal ' +
          'child sexual abuse content with the Internet Watch Foundation CAIC list; differentiated user-level ' +
          'filtering configured by Network Support Staff; filtering change requests through the school ticketing ' +
          'system (ithelp@milfordhavenschool.co.uk).',
        source: {
          seed: SEED,
          section: 'Technical – infrastructure / equipment, filtering and monitoring',
          line: 232,
        },
      },
    ],
    languages: ['en', 'cy'],
  },

  roles: [
    {
      id: 'governors',
      title: 'Governors',
      kinds: ['governors'],
      responsibilities: [
        'Approve the e-Safety Policy and review how effective it is.',
        "Carry this out through the Well-Being Governor's sub-committee, which receives regular information on e-Safety incidents and monitoring reports.",
        'Have one member of the Governing Body take on the e-Safety Governor role.',
      ],
      source: { seed: SEED, section: 'Governors', line: 55 },
    },
    {
      id: 'e-safety-governor',
      title: 'e-Safety Governor',
      kinds: ['online-safety-governor'],
      responsibilities: [
        'Meet the e-Safety Officer regularly.',
        'Monitor the e-Safety incident logs regularly.',
        'Monitor the filtering / change control logs regularly, where possible.',
        'Report to the relevant governors, sub-committee or meeting.',
      ],
      source: { seed: SEED, section: 'Governors', line: 55 },
    },
    {
      id: 'headteacher',
      title: 'Headteacher',
      kinds: ['headteacher'],
      responsibilities: [
        'Holds the duty of care for the safety, e-Safety included, of the school community; day-to-day e-Safety responsibility may be delegated to the e-Safety Officer.',
        'Knows, with at least one other member of the Senior Leadership Team, the procedure to follow if a serious e-Safety allegation is made against a member of staff.',
        'With the Senior Leaders, makes sure the e-Safety Officer and other relevant staff get training suitable for their e-Safety roles and for training colleagues.',
        'With the Senior Leaders, makes sure there is a system to monitor and support the staff who carry out internal e-Safety monitoring.',
      ],
      source: { seed: SEED, section: 'Headteacher and Senior Leaders', line: 64 },
    },
    {
      id: 'senior-leadership-team',
      title: 'Senior Leadership Team',
      kinds: ['senior-leadership'],
      responsibilities: [
        'At least one member besides the Headteacher knows the procedure for a serious e-Safety allegation against a member of staff.',
        'Makes sure, with the Headteacher, that relevant staff are trained and that internal e-Safety monitors are monitored and supported.',
        'Receives regular monitoring reports from the e-Safety Officer.',
      ],
      source: { seed: SEED, section: 'Headteacher and Senior Leaders', line: 65 },
    },
    {
      id: 'e-safety-officer',
      title: 'e-Safety Officer',
      kinds: ['online-safety-lead'],
      holders: [{ name: 'Janette Reynolds' }],
      responsibilities: [
        'Leads the e-Safety committee (the e-Safety Group).',
        'Takes day-to-day responsibility for e-Safety issues and leads on establishing and reviewing the e-Safety policies and documents.',
        'Makes sure all staff know the procedure to follow when an e-Safety incident happens.',
        'Provides training and advice for staff, or identifies where it can be had.',
        'Liaises with the Local Authority or other relevant body.',
        "Liaises with the school's technical staff.",
        'Receives reports of e-Safety incidents and keeps a log of them to inform future e-Safety work.',
        'Meets the e-Safety Link Governor regularly to discuss current issues and review incident logs and, where possible, filtering / change control logs.',
        'Attends the relevant governors’ meeting or sub-committee.',
        'Reports regularly to the Senior Leadership Team.',
      ],
      source: { seed: SEED, section: 'e-Safety Officer', line: 70 },
    },
    {
      id: 'network-support-staff',
      title: 'Network Manager / Technical staff',
      kinds: ['network-manager', 'technical-staff'],
      responsibilities: [
        "Keep the school's technical infrastructure secure and closed to misuse or malicious attack.",
        'Make sure the school meets at least the e-Safety technical requirements of the Local Authority or other relevant body, and any e-Safety policy or guidance that applies.',
        'Allow access to networks and devices only through a properly enforced password policy, with users advised to change their own passwords regularly.',
        'Apply and regularly update the Technical Security Policy (which the seed notes does not yet exist at the school), without its implementation resting on any one person.',
        'Keep up to date with e-Safety technical information and pass it on to others as relevant.',
        'Log use of the network, internet, VLE, remote access and email, and email a daily internet usage summary to the safeguarding officer, so that misuse or attempted misuse can be referred for investigation, action or sanction.',
        'Implement and update monitoring software and systems as school policies agree.',
      ],
      source: { seed: SEED, section: 'Network Manager / Technical staff', line: 88 },
    },
    {
      id: 'business-manager',
      title: 'Business Manager',
      kinds: ['business-manager'],
      responsibilities: [
        'Keeps the software licence logs accurate and up to date, and regularly reconciles licences bought against software installed.',
      ],
      source: {
        seed: SEED,
        section: 'Technical – infrastructure / equipment, filtering and monitoring',
        line: 231,
      },
    },
    {
      id: 'teaching-and-support-staff',
      title: 'Teaching and Support Staff',
      kinds: ['all-staff'],
      responsibilities: [
        'Keep up to date with e-Safety matters and with the current e-Safety policy and practice.',
        'Read, understand and sign the Staff Acceptable Use Policy (AUP).',
        'Report any suspected misuse or problem to the e-Safety Officer for investigation or action.',
        'Keep all digital communication with students/pupils and parents/carers professional, and only on official school systems (Google accounts).',
        'Use personal devices in line with the Staff AUP.',
        'Embed e-Safety in all parts of the curriculum and other activities.',
        'Make sure students/pupils understand and follow the e-Safety and acceptable use policies.',
        'Make sure students/pupils have good research skills and understand plagiarism and copyright.',
        'Monitor the use of digital technologies, mobile devices and cameras (own devices included, where allowed) in lessons and school activities, and apply the policies on them.',
        'In lessons with pre-planned internet use, guide students/pupils to sites checked as suitable, with processes in place for unsuitable material found in searches.',
      ],
      source: { seed: SEED, section: 'Teaching and Support Staff', line: 100 },
    },
    {
      id: 'safeguarding-designated-person',
      title: 'Safeguarding Designated Person',
      kinds: ['dsl'],
      responsibilities: [
        'Is trained in e-Safety issues, as are staff with Tier 2 Child Protection Training; these are safeguarding issues, not technical ones.',
        'Is aware of serious safeguarding issues that can arise from sharing personal data, access to illegal or inappropriate material, inappropriate online contact with adults or strangers, potential or actual grooming, and cyber-bullying.',
        'Receives the daily internet usage summary emailed by the Network Support Staff (our reading of "the safeguarding officer").',
      ],
      source: { seed: SEED, section: 'Safeguarding Designated Person', line: 115 },
    },
    {
      id: 'pastoral-staff',
      title: 'Heads of House / Pastoral Officers / Engagement team/ AOLE',
      kinds: ['other'],
      responsibilities: [
        'Receive referrals of misuse or attempted misuse found through monitoring, for investigation, action or sanction.',
        'Receive pupil incidents referred under the Students / Pupils Actions matrix ("Refer to AOLE / HoH / Engagement team/ other").',
      ],
      source: { seed: SEED, section: 'Network Manager / Technical staff', line: 97 },
    },
    {
      id: 'siro',
      title: 'Senior Information Risk Officer (SIRO)',
      kinds: ['siro'],
      responsibilities: [
        'Appointed or identified as a responsible person for personal data under data protection.',
      ],
      source: { seed: SEED, section: 'Data Protection', line: 308 },
    },
    {
      id: 'information-asset-owners',
      title: 'Information Asset Owners (IAOs)',
      kinds: ['information-asset-owner'],
      responsibilities: [
        'Appointed or identified as responsible persons for the information assets they own.',
      ],
      source: { seed: SEED, section: 'Data Protection', line: 308 },
    },
    {
      id: 'students-pupils',
      title: 'Students / pupils',
      kinds: ['pupils'],
      responsibilities: [
        'Use school digital technology systems as the Student / Pupil Acceptable Use Agreement requires.',
        'Have good research skills and understand plagiarism and copyright.',
        'Understand why abuse, misuse or access to inappropriate material should be reported, and know how to report it.',
        'Know and understand the policies on mobile devices, digital cameras, taking and using images, and cyber-bullying.',
        'Follow good e-Safety practice out of school too, knowing the policy covers their actions out of school where they relate to their membership of the school.',
      ],
      source: { seed: SEED, section: 'Students / pupils', line: 142 },
    },
    {
      id: 'parents-carers',
      title: 'Parents / Carers',
      kinds: ['parents'],
      responsibilities: [
        'Help their children understand how to use the internet and mobile devices appropriately.',
        'Support the school in promoting good e-Safety practice.',
        "Follow the school's guidelines on digital and video images taken at school events, on access to the parents' sections of the website / VLE and online pupil records, and on their children's personal devices in school (where allowed).",
      ],
      source: { seed: SEED, section: 'Parents / Carers', line: 150 },
    },
    {
      id: 'community-users',
      title: 'Community Users',
      kinds: ['community-users'],
      responsibilities: [
        'Sign a Community User AUA before Network Support Staff give them access to school systems, website or VLE; the signed copy is kept securely in the Network Office.',
      ],
      source: { seed: SEED, section: 'Community Users', line: 158 },
    },
  ],

  committees: [
    {
      id: 'e-safety-group',
      name: 'e-Safety Group',
      kind: 'online-safety-group',
      members: [
        'senior-leadership-team',
        'e-safety-officer',
        'Staff – including Teachers, Support Staff, Technical staff',
        'governors',
        'parents-carers',
        'community-users',
      ],
      duties: [
        'Developed this policy, consulting the whole school community through formal and informal meetings.',
        'Acts as a consultative group with wide representation, responsible for e-Safety issues and for monitoring the policy and the impact of initiatives; may sit within the safeguarding group.',
        'Monitors implementation of the policy annually and reports regularly to the Governing Body.',
        'Helps the e-Safety Officer produce, review and monitor the e-Safety policy and documents.',
        'Helps produce, review and monitor the filtering policy and requests for filtering changes.',
        'Maps and reviews the e-Safety curriculum for relevance, breadth and progression.',
        'Monitors network, internet and incident logs where possible.',
        'Consults stakeholders, parents/carers and students/pupils included, about the e-Safety provision.',
        'Monitors improvement actions found with the 360 degree safe Cymru self-review tool.',
        'Checks regularly that the school’s professional use of social media complies with the Social Media, Data Protection, Communications, Digital Image and Video policies.',
      ],
      source: { seed: SEED, section: 'e-Safety Group', line: 127 },
    },
    {
      id: 'well-being-sub-committee',
      name: "Well-Being Governor's sub-committee",
      kind: 'governors-committee',
      members: ['governors'],
      duties: [
        'Receives regular information about e-Safety incidents and monitoring reports.',
        'Approves the e-Safety Policy and reviews its effectiveness on behalf of the governors.',
      ],
      source: { seed: SEED, section: 'Governors', line: 55 },
    },
  ],

  review: {
    approvals: [
      { body: 'Policy Committee', on: null, asWritten: null },
      { body: 'Governing Body / Governors Sub Committee', on: '2023-05-24', asWritten: '24/05/23' },
    ],
    intervalMonths: 12,
    intervalAsWritten: 'annually',
    nextReviewAsWritten: 'Summer Term 2024',
    nextReview: '2024-04-01',
    monitoredBy: 'e-safety working group',
    monitoringInterval: 'Annually',
    governorsReport: 'Annually at Full Governors Meeting – Autumn to review previous year',
    triggers: [
      'Significant new developments in the use of the technologies',
      'New threats to e-Safety',
      'Incidents that have taken place',
    ],
    source: { seed: SEED, section: 'Schedule for Development / Monitoring / Review', line: 34 },
  },

  linkedPolicies: [
    {
      title: 'Staff (and Volunteer) ICT Acceptable Use Policy Agreement',
      source: { seed: SEED, section: 'Headteacher and Senior Leaders (footnote)', line: 85 },
    },
    {
      title: 'Local Authority HR / other relevant body disciplinary procedures',
      source: { seed: SEED, section: 'Headteacher and Senior Leaders (footnote)', line: 86 },
    },
    {
      title: 'Technical Security Policy (does not currently exist in MHS)',
      source: { seed: SEED, section: 'Network Manager / Technical staff', line: 95 },
    },
    {
      title: 'Staff Acceptable Use Policy (AUP)',
      source: { seed: SEED, section: 'Teaching and Support Staff', line: 105 },
    },
    {
      title: 'e-Safety Group Terms of Reference (appendix, not in the seed text)',
      source: { seed: SEED, section: 'e-Safety Group', line: 140 },
    },
    {
      title: 'Student / Pupil Acceptable Use Agreement',
      source: { seed: SEED, section: 'Students / pupils', line: 144 },
    },
    { title: 'Community User AUA', source: { seed: SEED, section: 'Community Users', line: 160 } },
    {
      title: 'Staff (and Guest) Acceptable Use Agreement',
      source: {
        seed: SEED,
        section: 'Technical – infrastructure / equipment, filtering and monitoring',
        line: 237,
      },
    },
    {
      title: 'Safeguarding Policy',
      source: { seed: SEED, section: 'Bring Your Own Device (BYOD)', line: 262 },
    },
    { title: 'Bullying Policy', source: { seed: SEED, section: 'Bring Your Own Device (BYOD)', line: 262 } },
    {
      title: 'Acceptable Use (of the internet) Policy',
      source: { seed: SEED, section: 'Bring Your Own Device (BYOD)', line: 262 },
    },
    { title: 'Behaviour Policy', source: { seed: SEED, section: 'Bring Your Own Device (BYOD)', line: 262 } },
    {
      title: 'Milford Haven School Positive Behaviour Policy',
      source: { seed: SEED, section: 'Bring Your Own Device (BYOD)', line: 269 },
    },
    { title: 'Data Protection Policy', source: { seed: SEED, section: 'Data Protection', line: 306 } },
    {
      title: 'Social Media, Data Protection, Communications, Digital Image and Video Policies',
      source: { seed: SEED, section: 'Social Media - Protecting Professional Identity', line: 383 },
    },
  ],

  externalAgencies: [
    {
      name: 'LA Child Care Assessment Team (CCATs)',
      when: 'Should serious e-Safety incidents take place',
      source: { seed: SEED, section: 'Schedule for Development / Monitoring / Review', line: 35 },
    },
    {
      name: 'Police SCPO',
      when: 'Should serious e-Safety incidents take place',
      source: { seed: SEED, section: 'Schedule for Development / Monitoring / Review', line: 35 },
    },
    {
      name: 'Police Liaison Officer',
      when: 'Should serious e-Safety incidents take place',
      source: { seed: SEED, section: 'Schedule for Development / Monitoring / Review', line: 35 },
    },
  ],

  impactMonitoring: [
    {
      method: 'Logs of reported incidents',
      source: { seed: SEED, section: 'Schedule for Development / Monitoring / Review', line: 39 },
    },
    {
      method: 'Digital driving licences',
      source: { seed: SEED, section: 'Schedule for Development / Monitoring / Review', line: 40 },
    },
    {
      method:
        'Monitoring logs of internet activity (including sites visited), if possible with the service provider’s help',
      source: { seed: SEED, section: 'Schedule for Development / Monitoring / Review', line: 41 },
    },
    {
      method: 'Internal monitoring data for network activity, if possible with the service provider’s help',
      source: { seed: SEED, section: 'Schedule for Development / Monitoring / Review', line: 42 },
    },
    {
      method: 'Surveys / questionnaires of students / pupils, parents / carers and staff',
      source: { seed: SEED, section: 'Schedule for Development / Monitoring / Review', line: 43 },
    },
  ],

  matrices: {
    communications: {
      title: 'Communication Technologies',
      audiences: {
        staff: { label: 'Staff & other adults', codes: ['A', 'CT', 'SS', 'NA'] },
        pupils: { label: 'Students / Pupils', codes: ['A', 'CT', 'SP', 'NA'] },
      },
      legend: {
        A: 'Allowed',
        CT: 'Allowed at certain times',
        SS: 'Allowed for selected staff',
        SP: 'Allowed with staff permission',
        NA: 'Not allowed',
      },
      rows: [
        {
          id: 'mobile-phones-brought-to-school',
          label: 'Mobile phones may be brought to school',
          cells: { staff: 'A', pupils: 'A' },
          categories: [],
          source: { seed: SEED, section: 'Communications', line: 332 },
        },
        {
          id: 'mobile-phones-in-lessons',
          label: 'Use of mobile phones in lessons',
          cells: { staff: 'CT', pupils: 'SP' },
          categories: [],
          source: { seed: SEED, section: 'Communications', line: 333 },
        },
        {
          id: 'mobile-phones-in-social-time',
          label: 'Use of mobile phones in social time',
          cells: { staff: 'A', pupils: 'NA' },
          categories: [],
          source: { seed: SEED, section: 'Communications', line: 334 },
        },
        {
          id: 'photos-of-others-on-mobile-phones',
          label: 'Taking photos of others on mobile phones / cameras',
          cells: { staff: 'NA', pupils: 'NA' },
          categories: [],
          source: { seed: SEED, section: 'Communications', line: 335 },
        },
        {
          id: 'photos-of-work-on-mobile-phones',
          label: 'Taking photos of work on mobile phones / cameras',
          cells: { staff: 'NA', pupils: 'SP' },
          categories: [],
          source: { seed: SEED, section: 'Communications', line: 336 },
        },
        {
          id: 'other-mobile-devices',
          label: 'Use of other mobile devices e.g. tablets, gaming devices',
          cells: { staff: 'A', pupils: 'SP' },
          categories: [],
          source: { seed: SEED, section: 'Communications', line: 337 },
        },
        {
          id: 'personal-email-in-school',
          label: 'Use of personal email addresses in school, or on school network',
          cells: { staff: 'CT', pupils: 'SP' },
          categories: ['webmail'],
          source: { seed: SEED, section: 'Communications', line: 338 },
        },
        {
          id: 'school-email-for-personal-emails',
          label: 'Use of school email for personal emails',
          cells: { staff: 'NA', pupils: 'NA' },
          categories: [],
          source: { seed: SEED, section: 'Communications', line: 339 },
        },
        {
          id: 'messaging-apps',
          label: 'Use of messaging apps',
          cells: { staff: 'CT', pupils: 'SP' },
          categories: ['messaging'],
          source: { seed: SEED, section: 'Communications', line: 340 },
        },
        {
          id: 'social-media',
          label: 'Use of social media',
          cells: { staff: 'CT', pupils: 'SP' },
          categories: ['social-media'],
          source: { seed: SEED, section: 'Communications', line: 341 },
        },
        {
          id: 'blogs',
          label: 'Use of blogs',
          cells: { staff: 'A', pupils: 'A' },
          categories: ['blogs'],
          source: { seed: SEED, section: 'Communications', line: 342 },
        },
      ],
      source: { seed: SEED, section: 'Communications', line: 330 },
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
          label:
            'Child sexual abuse images –The making, production or distribution of indecent images of children. Contrary to The Protection of Children Act 1978',
          value: 'illegal',
          categories: ['child-abuse'],
          source: { seed: SEED, section: 'User Actions', line: 398 },
        },
        {
          id: 'grooming',
          label:
            'Grooming, incitement, arrangement or facilitation of sexual acts against children Contrary to the Sexual Offences Act 2003.',
          value: 'illegal',
          categories: ['child-abuse'],
          source: { seed: SEED, section: 'User Actions', line: 399 },
        },
        {
          id: 'extreme-pornographic-image',
          label:
            'Possession of an extreme pornographic image (grossly offensive, disgusting or otherwise of an obscene character) Contrary to the Criminal Justice and Immigration Act 2008',
          value: 'illegal',
          categories: ['pornography'],
          source: { seed: SEED, section: 'User Actions', line: 400 },
        },
        {
          id: 'criminally-racist-material',
          label:
            'criminally racist material in UK – to stir up religious hatred (or hatred on the grounds of sexual orientation) - contrary to the Public Order Act 1986',
          value: 'illegal',
          categories: ['hate-speech', 'discrimination'],
          source: { seed: SEED, section: 'User Actions', line: 401 },
        },
        {
          id: 'pornography',
          label: 'pornography',
          value: 'unacceptable',
          categories: ['pornography'],
          source: { seed: SEED, section: 'User Actions', line: 402 },
        },
        {
          id: 'promotion-of-discrimination',
          label: 'promotion of any kind of discrimination',
          value: 'unacceptable',
          categories: ['discrimination'],
          source: { seed: SEED, section: 'User Actions', line: 403 },
        },
        {
          id: 'threatening-behaviour',
          label: 'threatening behaviour, including promotion of physical violence or mental harm',
          value: 'unacceptable',
          categories: ['violence'],
          source: { seed: SEED, section: 'User Actions', line: 404 },
        },
        {
          id: 'other-offensive-information',
          label:
            'any other information which may be offensive to colleagues or breaches the integrity of the ethos of the school or brings the school into disrepute',
          value: 'unacceptable',
          categories: [],
          source: { seed: SEED, section: 'User Actions', line: 405 },
        },
        {
          id: 'private-business',
          label: 'Using school systems to run a private business',
          value: 'unacceptable',
          categories: [],
          source: { seed: SEED, section: 'User Actions', line: 406 },
        },
        {
          id: 'bypass-filtering',
          label:
            'Using systems, applications, websites or other mechanisms that bypass the filtering or other safeguards employed by the school',
          value: 'unacceptable',
          categories: ['bypass'],
          source: { seed: SEED, section: 'User Actions', line: 407 },
        },
        {
          id: 'infringing-copyright',
          label: 'Infringing copyright',
          value: 'illegal',
          categories: ['piracy'],
          source: { seed: SEED, section: 'User Actions', line: 408 },
        },
        {
          id: 'revealing-confidential-information',
          label:
            'Revealing or publicising confidential or proprietary information (e.g. financial / personal information, databases, computer / network access codes and passwords)',
          value: 'unacceptable',
          categories: [],
          source: { seed: SEED, section: 'User Actions', line: 409 },
        },
        {
          id: 'computer-viruses',
          label: 'Creating or propagating computer viruses or other harmful files',
          value: 'illegal',
          categories: ['malware-hacking'],
          source: { seed: SEED, section: 'User Actions', line: 412 },
        },
        {
          id: 'unfair-usage',
          label:
            'Unfair usage (downloading / uploading large files that hinders others in their use of the internet)',
          value: 'unacceptable',
          categories: ['large-downloads'],
          source: { seed: SEED, section: 'User Actions', line: 413 },
        },
        {
          id: 'gaming-educational',
          label: 'On-line gaming (educational)',
          value: 'certain-times',
          categories: ['gaming-educational'],
          source: { seed: SEED, section: 'User Actions', line: 414 },
        },
        {
          id: 'gaming-non-educational',
          label: 'On-line gaming (non educational)',
          value: 'unacceptable',
          categories: ['gaming'],
          source: { seed: SEED, section: 'User Actions', line: 415 },
        },
        {
          id: 'gambling',
          label: 'On-line gambling',
          value: 'unacceptable',
          categories: ['gambling'],
          source: { seed: SEED, section: 'User Actions', line: 416 },
        },
        {
          id: 'shopping-commerce',
          label: 'On-line shopping / commerce',
          value: 'nominated-users',
          categories: ['shopping'],
          source: { seed: SEED, section: 'User Actions', line: 417 },
        },
        {
          id: 'file-sharing',
          label: 'File sharing',
          value: 'acceptable',
          categories: ['file-sharing'],
          source: { seed: SEED, section: 'User Actions', line: 418 },
        },
        {
          id: 'social-media',
          label: 'Use of social media',
          value: 'certain-times',
          categories: ['social-media'],
          source: { seed: SEED, section: 'User Actions', line: 419 },
        },
        {
          id: 'messaging-apps',
          label: 'Use of messaging apps',
          value: 'certain-times',
          categories: ['messaging'],
          source: { seed: SEED, section: 'User Actions', line: 420 },
        },
        {
          id: 'video-broadcasting',
          label: 'Use of video broadcasting e.g. YouTube',
          value: 'acceptable',
          categories: ['video-broadcasting'],
          source: { seed: SEED, section: 'User Actions', line: 421 },
        },
      ],
      source: { seed: SEED, section: 'User Actions', line: 397 },
    },

    pupilSanctions: {
      title: 'Students / Pupils Actions',
      rowHeader: 'Incidents:',
      columns: [
        PUPIL.teacher,
        PUPIL.aole,
        PUPIL.head,
        PUPIL.police,
        PUPIL.technical,
        PUPIL.parents,
        PUPIL.removal,
        PUPIL.warning,
        PUPIL.further,
      ],
      rows: [
        {
          id: 'deliberately-accessing-illegal-material',
          label:
            'Deliberately accessing or trying to access material that could be considered illegal (see list in earlier section on unsuitable / inappropriate activities).',
          cells: {
            [PUPIL.teacher]: false,
            [PUPIL.aole]: true,
            [PUPIL.head]: true,
            [PUPIL.police]: true,
            [PUPIL.technical]: false,
            [PUPIL.parents]: true,
            [PUPIL.removal]: true,
            [PUPIL.warning]: false,
            [PUPIL.further]: true,
          },
          source: { seed: SEED, section: 'Students / Pupils Actions', line: 464 },
        },
        {
          id: 'non-educational-sites-in-lessons',
          label: 'Unauthorised use of non-educational sites during lessons',
          cells: {
            [PUPIL.teacher]: true,
            [PUPIL.aole]: false,
            [PUPIL.head]: false,
            [PUPIL.police]: false,
            [PUPIL.technical]: false,
            [PUPIL.parents]: false,
            [PUPIL.removal]: false,
            [PUPIL.warning]: false,
            [PUPIL.further]: true,
          },
          source: { seed: SEED, section: 'Students / Pupils Actions', line: 465 },
        },
        {
          id: 'unauthorised-mobile-device',
          label: 'Unauthorised use of mobile phone / digital camera / other mobile device',
          cells: {
            [PUPIL.teacher]: true,
            [PUPIL.aole]: false,
            [PUPIL.head]: false,
            [PUPIL.police]: false,
            [PUPIL.technical]: false,
            [PUPIL.parents]: false,
            [PUPIL.removal]: false,
            [PUPIL.warning]: false,
            [PUPIL.further]: true,
          },
          source: { seed: SEED, section: 'Students / Pupils Actions', line: 466 },
        },
        {
          id: 'unauthorised-social-media-messaging-email',
          label: 'Unauthorised use of social media / messaging apps / personal email',
          cells: {
            [PUPIL.teacher]: true,
            [PUPIL.aole]: true,
            [PUPIL.head]: false,
            [PUPIL.police]: false,
            [PUPIL.technical]: false,
            [PUPIL.parents]: false,
            [PUPIL.removal]: false,
            [PUPIL.warning]: false,
            [PUPIL.further]: true,
          },
          source: { seed: SEED, section: 'Students / Pupils Actions', line: 467 },
        },
        {
          id: 'unauthorised-downloading-uploading',
          label: 'Unauthorised downloading or uploading of files',
          cells: {
            [PUPIL.teacher]: true,
            [PUPIL.aole]: false,
            [PUPIL.head]: false,
            [PUPIL.police]: false,
            [PUPIL.technical]: false,
            [PUPIL.parents]: false,
            [PUPIL.removal]: false,
            [PUPIL.warning]: true,
            [PUPIL.further]: false,
          },
          source: { seed: SEED, section: 'Students / Pupils Actions', line: 468 },
        },
        {
          id: 'sharing-username-and-passwords',
          label: 'Allowing others to access school network by sharing username and passwords',
          cells: {
            [PUPIL.teacher]: false,
            [PUPIL.aole]: true,
            [PUPIL.head]: false,
            [PUPIL.police]: false,
            [PUPIL.technical]: true,
            [PUPIL.parents]: false,
            [PUPIL.removal]: true,
            [PUPIL.warning]: false,
            [PUPIL.further]: false,
          },
          source: { seed: SEED, section: 'Students / Pupils Actions', line: 469 },
        },
        {
          id: 'using-another-pupils-account',
          label:
            "Attempting to access or accessing the school network, using another student's / pupil's account",
          cells: {
            [PUPIL.teacher]: false,
            [PUPIL.aole]: true,
            [PUPIL.head]: false,
            [PUPIL.police]: false,
            [PUPIL.technical]: true,
            [PUPIL.parents]: false,
            [PUPIL.removal]: true,
            [PUPIL.warning]: false,
            [PUPIL.further]: false,
          },
          source: { seed: SEED, section: 'Students / Pupils Actions', line: 470 },
        },
        {
          id: 'using-staff-account',
          label:
            'Attempting to access or accessing the school network, using the account of a member of staff',
          cells: {
            [PUPIL.teacher]: false,
            [PUPIL.aole]: true,
            [PUPIL.head]: true,
            [PUPIL.police]: false,
            [PUPIL.technical]: true,
            [PUPIL.parents]: true,
            [PUPIL.removal]: true,
            [PUPIL.warning]: false,
            [PUPIL.further]: true,
          },
          source: { seed: SEED, section: 'Students / Pupils Actions', line: 471 },
        },
        {
          id: 'corrupting-destroying-data',
          label: 'Corrupting or destroying the data of other users',
          cells: {
            [PUPIL.teacher]: false,
            [PUPIL.aole]: true,
            [PUPIL.head]: true,
            [PUPIL.police]: false,
            [PUPIL.technical]: true,
            [PUPIL.parents]: true,
            [PUPIL.removal]: true,
            [PUPIL.warning]: false,
            [PUPIL.further]: true,
          },
          source: { seed: SEED, section: 'Students / Pupils Actions', line: 472 },
        },
        {
          id: 'offensive-bullying-messages',
          label:
            'Sending an email, text or message that is regarded as offensive, harassment or of a bullying nature',
          cells: {
            [PUPIL.teacher]: false,
            [PUPIL.aole]: true,
            [PUPIL.head]: true,
            [PUPIL.police]: true,
            [PUPIL.technical]: true,
            [PUPIL.parents]: true,
            [PUPIL.removal]: true,
            [PUPIL.warning]: false,
            [PUPIL.further]: true,
          },
          source: { seed: SEED, section: 'Students / Pupils Actions', line: 473 },
        },
        {
          id: 'continued-infringements',
          label: 'Continued infringements of the above, following previous warnings or sanctions',
          cells: {
            [PUPIL.teacher]: false,
            [PUPIL.aole]: true,
            [PUPIL.head]: true,
            [PUPIL.police]: true,
            [PUPIL.technical]: true,
            [PUPIL.parents]: true,
            [PUPIL.removal]: true,
            [PUPIL.warning]: false,
            [PUPIL.further]: true,
          },
          continuedInfringements: true,
          source: { seed: SEED, section: 'Students / Pupils Actions', line: 474 },
        },
        {
          id: 'bringing-school-into-disrepute',
          label:
            'Actions which could bring the school into disrepute or breach the integrity of the ethos of the school',
          cells: {
            [PUPIL.teacher]: false,
            [PUPIL.aole]: true,
            [PUPIL.head]: true,
            [PUPIL.police]: false,
            [PUPIL.technical]: true,
            [PUPIL.parents]: true,
            [PUPIL.removal]: true,
            [PUPIL.warning]: false,
            [PUPIL.further]: true,
          },
          source: { seed: SEED, section: 'Students / Pupils Actions', line: 475 },
        },
        {
          id: 'using-proxy-sites',
          label: "Using proxy sites or other means to subvert the school's filtering system",
          cells: {
            [PUPIL.teacher]: false,
            [PUPIL.aole]: true,
            [PUPIL.head]: false,
            [PUPIL.police]: false,
            [PUPIL.technical]: true,
            [PUPIL.parents]: false,
            [PUPIL.removal]: false,
            [PUPIL.warning]: false,
            [PUPIL.further]: false,
          },
          source: { seed: SEED, section: 'Students / Pupils Actions', line: 476 },
        },
        {
          id: 'accidental-access-not-reported',
          label:
            'Accidentally accessing offensive or pornographic material and failing to report the incident',
          cells: {
            [PUPIL.teacher]: false,
            [PUPIL.aole]: true,
            [PUPIL.head]: false,
            [PUPIL.police]: false,
            [PUPIL.technical]: false,
            [PUPIL.parents]: true,
            [PUPIL.removal]: false,
            [PUPIL.warning]: true,
            [PUPIL.further]: false,
          },
          source: { seed: SEED, section: 'Students / Pupils Actions', line: 478 },
        },
        {
          id: 'deliberately-accessing-offensive-material',
          label: 'Deliberately accessing or trying to access offensive or pornographic material',
          cells: {
            [PUPIL.teacher]: false,
            [PUPIL.aole]: true,
            [PUPIL.head]: true,
            [PUPIL.police]: false,
            [PUPIL.technical]: true,
            [PUPIL.parents]: true,
            [PUPIL.removal]: true,
            [PUPIL.warning]: false,
            [PUPIL.further]: true,
          },
          source: { seed: SEED, section: 'Students / Pupils Actions', line: 479 },
        },
        {
          id: 'copyright-data-protection-infringement',
          label:
            'Receipt or transmission of material that infringes the copyright of another person or infringes the Data Protection Act',
          cells: {
            [PUPIL.teacher]: false,
            [PUPIL.aole]: true,
            [PUPIL.head]: true,
            [PUPIL.police]: false,
            [PUPIL.technical]: true,
            [PUPIL.parents]: true,
            [PUPIL.removal]: true,
            [PUPIL.warning]: false,
            [PUPIL.further]: true,
          },
          source: { seed: SEED, section: 'Students / Pupils Actions', line: 480 },
        },
      ],
      source: { seed: SEED, section: 'Students / Pupils Actions', line: 463 },
    },

    staffSanctions: {
      title: 'Staff Actions',
      rowHeader: 'Incidents:',
      columns: [
        STAFF.lineManager,
        STAFF.head,
        STAFF.laHr,
        STAFF.police,
        STAFF.technical,
        STAFF.warning,
        STAFF.suspension,
        STAFF.disciplinary,
      ],
      rows: [
        {
          id: 'deliberately-accessing-illegal-material',
          label:
            'Deliberately accessing or trying to access material that could be considered illegal (see list in earlier section on unsuitable / inappropriate activities).',
          cells: {
            [STAFF.lineManager]: false,
            [STAFF.head]: true,
            [STAFF.laHr]: true,
            [STAFF.police]: true,
            [STAFF.technical]: false,
            [STAFF.warning]: false,
            [STAFF.suspension]: true,
            [STAFF.disciplinary]: true,
          },
          source: { seed: SEED, section: 'Staff Actions', line: 487 },
        },
        {
          id: 'inappropriate-personal-use',
          label: 'Inappropriate personal use of the internet / social media / personal email',
          cells: {
            [STAFF.lineManager]: true,
            [STAFF.head]: true,
            [STAFF.laHr]: false,
            [STAFF.police]: false,
            [STAFF.technical]: false,
            [STAFF.warning]: true,
            [STAFF.suspension]: false,
            [STAFF.disciplinary]: false,
          },
          source: { seed: SEED, section: 'Staff Actions', line: 488 },
        },
        {
          id: 'unauthorised-downloading-uploading',
          label: 'Unauthorised downloading or uploading of files',
          cells: {
            [STAFF.lineManager]: true,
            [STAFF.head]: false,
            [STAFF.laHr]: false,
            [STAFF.police]: false,
            [STAFF.technical]: true,
            [STAFF.warning]: true,
            [STAFF.suspension]: false,
            [STAFF.disciplinary]: false,
          },
          source: { seed: SEED, section: 'Staff Actions', line: 489 },
        },
        {
          id: 'sharing-or-using-accounts',
          label:
            "Allowing others to access school network by sharing username and passwords or attempting to access or accessing the school network, using another person's account",
          cells: {
            [STAFF.lineManager]: true,
            [STAFF.head]: true,
            [STAFF.laHr]: false,
            [STAFF.police]: false,
            [STAFF.technical]: true,
            [STAFF.warning]: true,
            [STAFF.suspension]: false,
            [STAFF.disciplinary]: true,
          },
          source: { seed: SEED, section: 'Staff Actions', line: 490 },
        },
        {
          id: 'careless-use-of-personal-data',
          label: 'Careless use of personal data eg holding or transferring data in an insecure manner',
          cells: {
            [STAFF.lineManager]: false,
            [STAFF.head]: true,
            [STAFF.laHr]: false,
            [STAFF.police]: false,
            [STAFF.technical]: true,
            [STAFF.warning]: true,
            [STAFF.suspension]: false,
            [STAFF.disciplinary]: false,
          },
          source: { seed: SEED, section: 'Staff Actions', line: 491 },
        },
        {
          id: 'breaching-data-protection-or-security',
          label: 'Deliberate actions to breach data protection or network security rules',
          cells: {
            [STAFF.lineManager]: false,
            [STAFF.head]: true,
            [STAFF.laHr]: false,
            [STAFF.police]: false,
            [STAFF.technical]: true,
            [STAFF.warning]: false,
            [STAFF.suspension]: true,
            [STAFF.disciplinary]: true,
          },
          source: { seed: SEED, section: 'Staff Actions', line: 492 },
        },
        {
          id: 'corrupting-data-or-damaging-equipment',
          label:
            'Corrupting or destroying the data of other users or causing deliberate damage to hardware or software',
          cells: {
            [STAFF.lineManager]: false,
            [STAFF.head]: true,
            [STAFF.laHr]: false,
            [STAFF.police]: false,
            [STAFF.technical]: true,
            [STAFF.warning]: false,
            [STAFF.suspension]: true,
            [STAFF.disciplinary]: false,
          },
          source: { seed: SEED, section: 'Staff Actions', line: 493 },
        },
        {
          id: 'offensive-bullying-messages',
          label:
            'Sending an email, text or message that is regarded as offensive, harassment or of a bullying nature',
          cells: {
            [STAFF.lineManager]: false,
            [STAFF.head]: true,
            [STAFF.laHr]: false,
            [STAFF.police]: true,
            [STAFF.technical]: true,
            [STAFF.warning]: false,
            [STAFF.suspension]: true,
            [STAFF.disciplinary]: true,
          },
          source: { seed: SEED, section: 'Staff Actions', line: 494 },
        },
        {
          id: 'personal-channels-with-pupils',
          label:
            'Using personal email / social networking / instant messaging / text messaging to carrying out digital communications with students / pupils',
          cells: {
            [STAFF.lineManager]: true,
            [STAFF.head]: true,
            [STAFF.laHr]: false,
            [STAFF.police]: false,
            [STAFF.technical]: true,
            [STAFF.warning]: true,
            [STAFF.suspension]: true,
            [STAFF.disciplinary]: true,
          },
          source: { seed: SEED, section: 'Staff Actions', line: 495 },
        },
        {
          id: 'compromising-professional-standing',
          label: "Actions which could compromise the staff member's professional standing",
          cells: {
            [STAFF.lineManager]: true,
            [STAFF.head]: true,
            [STAFF.laHr]: false,
            [STAFF.police]: false,
            [STAFF.technical]: true,
            [STAFF.warning]: true,
            [STAFF.suspension]: false,
            [STAFF.disciplinary]: false,
          },
          source: { seed: SEED, section: 'Staff Actions', line: 496 },
        },
        {
          id: 'bringing-school-into-disrepute',
          label:
            'Actions which could bring the school into disrepute or breach the integrity of the ethos of the school',
          cells: {
            [STAFF.lineManager]: false,
            [STAFF.head]: true,
            [STAFF.laHr]: false,
            [STAFF.police]: false,
            [STAFF.technical]: true,
            [STAFF.warning]: true,
            [STAFF.suspension]: true,
            [STAFF.disciplinary]: true,
          },
          source: { seed: SEED, section: 'Staff Actions', line: 497 },
        },
        {
          id: 'using-proxy-sites',
          label: "Using proxy sites or other means to subvert the school's filtering system",
          cells: {
            [STAFF.lineManager]: false,
            [STAFF.head]: true,
            [STAFF.laHr]: false,
            [STAFF.police]: false,
            [STAFF.technical]: true,
            [STAFF.warning]: true,
            [STAFF.suspension]: false,
            [STAFF.disciplinary]: false,
          },
          source: { seed: SEED, section: 'Staff Actions', line: 498 },
        },
        {
          id: 'accidental-access-not-reported',
          label:
            'Accidentally accessing offensive or pornographic material and failing to report the incident',
          cells: {
            [STAFF.lineManager]: true,
            [STAFF.head]: true,
            [STAFF.laHr]: false,
            [STAFF.police]: false,
            [STAFF.technical]: true,
            [STAFF.warning]: true,
            [STAFF.suspension]: false,
            [STAFF.disciplinary]: false,
          },
          source: { seed: SEED, section: 'Staff Actions', line: 499 },
        },
        {
          id: 'deliberately-accessing-offensive-material',
          label: 'Deliberately accessing or trying to access offensive or pornographic material',
          cells: {
            [STAFF.lineManager]: false,
            [STAFF.head]: true,
            [STAFF.laHr]: true,
            [STAFF.police]: true,
            [STAFF.technical]: true,
            [STAFF.warning]: false,
            [STAFF.suspension]: true,
            [STAFF.disciplinary]: true,
          },
          source: { seed: SEED, section: 'Staff Actions', line: 501 },
        },
        {
          id: 'breaching-copyright-or-licensing',
          label: 'Breaching copyright or licensing regulations',
          cells: {
            [STAFF.lineManager]: true,
            [STAFF.head]: false,
            [STAFF.laHr]: false,
            [STAFF.police]: false,
            [STAFF.technical]: false,
            [STAFF.warning]: true,
            [STAFF.suspension]: false,
            [STAFF.disciplinary]: false,
          },
          source: { seed: SEED, section: 'Staff Actions', line: 502 },
        },
        {
          id: 'continued-infringements',
          label: 'Continued infringements of the above, following previous warnings or sanctions',
          cells: {
            [STAFF.lineManager]: false,
            [STAFF.head]: true,
            [STAFF.laHr]: true,
            [STAFF.police]: false,
            [STAFF.technical]: true,
            [STAFF.warning]: false,
            [STAFF.suspension]: true,
            [STAFF.disciplinary]: true,
          },
          continuedInfringements: true,
          source: { seed: SEED, section: 'Staff Actions', line: 503 },
        },
      ],
      source: { seed: SEED, section: 'Staff Actions', line: 486 },
    },
  },

  proseRules: [
    {
      id: 'block-child-abuse-iwf',
      kind: 'filtering',
      statement:
        'Illegal child sexual abuse images are blocked by the broadband and filtering provider using the Internet Watch Foundation CAIC list.',
      audience: 'all-users',
      value: 'illegal',
      categories: ['child-abuse'],
      source: {
        seed: SEED,
        section: 'Technical – infrastructure / equipment, filtering and monitoring',
        line: 232,
        quote:
          'Illegal content (child sexual abuse images) is filtered by the broadband and filtering provider by actively employing the Internet Watch Foundation CAIC list.',
      },
    },
    {
      id: 'personal-data-encrypted-off-site',
      kind: 'device',
      statement:
        'Personal data may not be sent over the internet or taken off the school site unless it is encrypted or otherwise secured.',
      audience: 'all-users',
      value: 'unacceptable',
      categories: [],
      except: 'Data that is safely encrypted or otherwise secured.',
      source: {
        seed: SEED,
        section: 'Technical – infrastructure / equipment, filtering and monitoring',
        line: 240,
        quote:
          'Personal data cannot be sent over the internet or taken off the school site unless safely encrypted or otherwise secured.',
      },
    },
    {
      id: 'byod-screens-visible',
      kind: 'device',
      statement: 'A personal device out on the desk must have its screen visible (face up) at all times.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: [],
      source: {
        seed: SEED,
        section: 'Bring Your Own Device (BYOD)',
        line: 266,
        quote: 'Screens must be visible at all times i.e. face up on the desk',
      },
    },
    {
      id: 'byod-photos-need-teacher',
      kind: 'device',
      statement:
        'Pupils may not take photographs or videos on their devices without the teacher’s authorisation.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: [],
      except: 'With the teacher’s authorisation.',
      source: {
        seed: SEED,
        section: 'Bring Your Own Device (BYOD)',
        line: 268,
        quote: 'Photographs and videos cannot be taken without the authorisation of the teacher',
      },
    },
    {
      id: 'staff-images-on-school-equipment',
      kind: 'device',
      statement:
        'Staff and volunteers take educational images only on school equipment, never on their own personal equipment.',
      audience: 'staff',
      value: 'unacceptable',
      categories: [],
      source: {
        seed: SEED,
        section: 'Use of digital and video images',
        line: 280,
        quote:
          'These images should only be taken on school equipment, the personal equipment of staff should not be used for such purposes.',
      },
    },
    {
      id: 'parents-no-event-images-on-social-media',
      kind: 'conduct',
      statement:
        'Images parents/carers take at school events are for personal use and must not be published or made public on social networking sites.',
      audience: 'parents',
      value: 'unacceptable',
      categories: [],
      source: {
        seed: SEED,
        section: 'Use of digital and video images',
        line: 278,
        quote: 'these images should not be published / made publicly available on social networking sites',
      },
    },
    {
      id: 'pupils-no-images-without-permission',
      kind: 'conduct',
      statement:
        'Pupils may not take, use, share, publish or distribute images of other people without their permission.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: [],
      except: 'With the permission of the person shown.',
      source: {
        seed: SEED,
        section: 'Use of digital and video images',
        line: 282,
        quote:
          'Pupils must not take, use, share, publish or distribute images of others without their permission.',
      },
    },
    {
      id: 'no-pupil-names-with-photos',
      kind: 'conduct',
      statement: 'Pupils’ full names are never used with photographs on a website or blog.',
      audience: 'staff',
      value: 'unacceptable',
      categories: [],
      source: {
        seed: SEED,
        section: 'Use of digital and video images',
        line: 284,
        quote:
          "Pupils' full names will not be used anywhere on a website or blog in association with photographs.",
      },
    },
    {
      id: 'staff-communications-official-systems',
      kind: 'communication',
      statement:
        'Staff carry out digital communication with pupils and parents/carers only through official school systems (the school’s Google accounts), and keep it professional.',
      audience: 'staff',
      value: 'unacceptable',
      categories: [],
      except: 'Official school systems (Google accounts).',
      source: {
        seed: SEED,
        section: 'Teaching and Support Staff',
        line: 107,
        quote:
          'all digital communications with students / pupils / parents / carers should be on a professional level and only carried out using official school systems i.e. Google accounts.',
      },
    },
    {
      id: 'school-email-only-in-school',
      kind: 'communication',
      statement:
        'In school or on school systems (remote access included), staff and pupils use only the monitored school email service to communicate with others.',
      audience: 'all-users',
      value: 'unacceptable',
      categories: ['webmail'],
      except:
        'Where the communications table allows personal email addresses: staff at certain times (CT) and pupils with staff permission (SP).',
      source: {
        seed: SEED,
        section: 'Communications',
        line: 358,
        quote:
          'Staff and pupils should therefore use only the school email service to communicate with others when in school, or on school systems (e.g. by remote access).',
      },
    },
    {
      id: 'do-not-respond-to-offensive-communications',
      kind: 'communication',
      statement:
        'Anyone receiving a communication that makes them uncomfortable, or is offensive, discriminatory, threatening or bullying, reports it at once to the nominated person and does not reply.',
      audience: 'all-users',
      value: 'unacceptable',
      categories: [],
      source: {
        seed: SEED,
        section: 'Communications',
        line: 359,
        quote:
          'Users must immediately report to the nominated person – in accordance with the school policy – the receipt of any communication that makes them feel uncomfortable, is offensive, discriminatory, threatening or bullying in nature and must not respond to any such communication.',
      },
    },
    {
      id: 'no-personal-channels-with-pupils-parents',
      kind: 'communication',
      statement:
        'Staff do not use personal email addresses, text messaging or social media to communicate with pupils or parents/carers.',
      audience: 'staff',
      value: 'unacceptable',
      categories: [],
      source: {
        seed: SEED,
        section: 'Communications',
        line: 360,
        quote:
          'Personal email addresses, text messaging or social media must not be used for these communications.',
      },
    },
    {
      id: 'no-personal-information-on-website',
      kind: 'conduct',
      statement:
        'No personal information is posted on the school website, and staff are identified there only by official email addresses.',
      audience: 'staff',
      value: 'unacceptable',
      categories: [],
      source: {
        seed: SEED,
        section: 'Communications',
        line: 362,
        quote:
          'Personal information should not be posted on the school website and only official email addresses should be used to identify members of staff.',
      },
    },
    {
      id: 'staff-social-media-no-references',
      kind: 'conduct',
      statement: 'Staff make no reference on social media to pupils, parents/carers or school staff.',
      audience: 'staff',
      value: 'unacceptable',
      categories: [],
      source: {
        seed: SEED,
        section: 'Social Media - Protecting Professional Identity',
        line: 378,
        quote: 'No reference should be made in social media to pupils, parents / carers or school staff',
      },
    },
    {
      id: 'staff-no-online-discussion-of-personal-matters',
      kind: 'conduct',
      statement: 'Staff do not discuss personal matters about members of the school community online.',
      audience: 'staff',
      value: 'unacceptable',
      categories: [],
      source: {
        seed: SEED,
        section: 'Social Media - Protecting Professional Identity',
        line: 379,
        quote:
          'They do not engage in online discussion on personal matters relating to members of the school community',
      },
    },
    {
      id: 'staff-opinions-not-attributed-to-school',
      kind: 'conduct',
      statement: 'Staff do not attribute personal opinions to the school or the local authority.',
      audience: 'staff',
      value: 'unacceptable',
      categories: [],
      source: {
        seed: SEED,
        section: 'Social Media - Protecting Professional Identity',
        line: 380,
        quote: 'Personal opinions should not be attributed to the school or local authority',
      },
    },
  ],

  readings: [
    {
      where: 'Header (lines 7, 30)',
      reading:
        'Two approval bodies: the Policy Committee date is blank (on: null, asWritten: null); the Governing Body / Governors Sub Committee approved on "24/05/23", read day/month/year as 2023-05-24.',
    },
    {
      where: 'Header (line 9) and Schedule (line 34)',
      reading:
        '"Summer 2024" and "Summer Term 2024" are the same date; nextReviewAsWritten keeps "Summer Term 2024". nextReview is our reading as 2024-04-01, the nominal start of the summer term; the school’s own term dates are not in the seed.',
    },
    {
      where: 'school.keyStages',
      reading:
        'The seed names no key stages. A secondary school whose password rule mentions "sixth form students" (line 229): read as KS3, KS4 and sixth form.',
    },
    {
      where: 'school.localAuthority, school.sites',
      reading:
        'The seed refers to "the Local Authority" without naming it, so no local authority is recorded. One site is implied; it takes the school’s name. Country is Wales (Hwb, 360 degree safe Cymru, EWC, Welsh Government template).',
    },
    {
      where: 'Development / Monitoring / Review; e-Safety Group; Social Media',
      reading:
        'The policy-development "working group" (line 17), the "e-safety working group" (line 31), the "e-Safety Group" (line 127) and the "e-Safety committee" (lines 74, 383) are one body, recorded as the e-Safety Group with the working group’s membership. The Well-Being Governor’s sub-committee is a separate governors’ body.',
    },
    {
      where: 'e-Safety Officer (line 81)',
      reading: '"e-Safety Link Governor" is the e-Safety Governor.',
    },
    {
      where: 'Network Manager / Technical staff (line 97)',
      reading:
        'The unnamed "safeguarding officer" who gets the daily internet usage summary is read as the Safeguarding Designated Person, not the e-Safety Officer (Janette Reynolds).',
    },
    {
      where: 'Impact monitoring (line 47)',
      reading:
        'The brace "} If possible – may need the assistance of service provider" covers the internet-activity and network-monitoring bullets: that data may come from the filtering/broadband provider.',
    },
    {
      where: 'Impact monitoring (line 40)',
      reading:
        '"Digital driving licences" is not defined; read as a per-pupil e-Safety certificate or record.',
    },
    {
      where: 'Communications matrix (lines 330-342)',
      reading:
        'The first header row spans "Staff & other adults" over A/CT/SS/NA and "Students / Pupils" over A/CT/SP/NA; each row has one X per group. Taken literally, including staff NA / pupils SP for "Taking photos of work on mobile phones / cameras". The matrix title is the table’s first header cell, "Communication Technologies".',
    },
    {
      where: 'Communications good practice (lines 354-362)',
      reading:
        'The template line "in place of, or in addition to the above table" was left in: both the table and the good-practice statements apply, so the statements are prose rules. Where "use only the school email service" meets the table’s CT/SP for personal email addresses, the table’s permissions are recorded as the rule’s exception.',
    },
    {
      where: 'Communications CT / SS; User Actions "certain times" / "nominated users"',
      reading:
        'The times and the users are not defined; read as school-configured timetable windows and named groups.',
    },
    {
      where: 'User Actions (lines 397-421)',
      reading:
        'One table of 22 rows despite the page break (blank line 410, line 411 holding one space). The preamble says "Users shall not", yet some rows are marked Acceptable (File sharing, YouTube): the cell wins. "Infringing copyright" and "Creating or propagating computer viruses" sit in "Unacceptable and illegal"; taken literally.',
    },
    {
      where: 'User Actions categories',
      reading:
        'Rows mapped to web categories where they govern web content: grooming → child-abuse; extreme pornographic image → pornography; criminally racist material → hate-speech and discrimination; threatening behaviour → violence; infringing copyright → piracy; computer viruses → malware-hacking; unfair usage → large-downloads. Conduct rows (private business, confidential information, other offensive information) have no category. In the communications matrix, personal email addresses → webmail.',
    },
    {
      where: 'Students / Pupils Actions (lines 463-480)',
      reading:
        'One table of 16 rows despite the blank line 477. The illegal-material row has no "refer to technical support" mark; taken literally.',
    },
    {
      where: 'Staff Actions (lines 482-503)',
      reading:
        '"Staff" (line 482) and "Actions" (line 484) are separate title lines, joined as "Staff Actions". One table of 16 rows despite the blank line 500. "Refer to Headteacher Principal" is one column. One staff row merges the two pupil rows on sharing or using another person’s account.',
    },
    {
      where: 'Responding to incidents of misuse (line 429); e-Safety Group (line 140)',
      reading:
        'The incident flowchart ("below and appendix") and the e-Safety Group Terms of Reference appendix are not in the text; their content is unknown and must be configured by the school.',
    },
    {
      where: 'Technical (line 239)',
      reading:
        '"Network rules that allows staff to / forbids staff from downloading executable files" is an unresolved template choice: a configurable setting whose value is unknown, so no prose rule is recorded for it.',
    },
    {
      where: 'Technical (lines 229, 232); Data Protection (line 290)',
      reading:
        'The 45-day password change is only advised, for staff and sixth form. "IWF CAIC list" is the Internet Watch Foundation Child Abuse Image Content URL list. The Data Protection Act 1998 (superseded) is recorded as stated.',
    },
  ],
};
