import type { PolicyDocumentInput } from '../schema.ts';

/**
 * Primary Advantage: a federation of eight primary schools in Hackney, London. Its "Online safety &
 * acceptable use policy" (LGfL 2021 template, reformatted April 2021) is seed 001.
 *
 * The seed has no matrices: it states its filtering, device and conduct rules as sentences, so they
 * are transcribed as prose rules, each citing the sentence it rests on. Role titles are exactly the
 * seed's; responsibilities and statements are in our words. `readings` records every ambiguous
 * passage and the reading taken (see shared/design/requirements-notes.md, the 001 entries).
 */

const SEED = '001_ad7e64b621ffb9c4.txt';

/** Where something sits in the seed: its heading and 1-based line. */
function at(section: string, line: number) {
  return { seed: SEED, section, line };
}

/** As `at`, with the short exact quotation the item rests on. */
function cite(section: string, line: number, quote: string) {
  return { seed: SEED, section, line, quote };
}

const ROLES = 'Roles and responsibilities';
const INTERNET = 'Internet access, security (virus protection) and filtering';
const NETWORK = 'To ensure the network is used safely';
const PASSWORDS = 'Passwords policy';
const EMAIL = 'E-mail';
const EMAIL_PUPILS = 'E-mail: Pupils';
const EMAIL_STAFF = 'E-mail: Staff';
const WEBSITE = 'School website';
const CLOUD = 'Cloud Environments';
const SOCIAL_STAFF = 'Social networking: Staff, Volunteers and Contractors';
const SOCIAL_PRIVATE = 'Social networking: School staff will ensure that in private use';
const SOCIAL_PARENTS = 'Social networking: Parents';
const TECHNICAL = 'Data security: Technical Solutions';
const MOBILE = 'Personal mobile phones and mobile devices';
const STORAGE = 'Storage, Synching and Access';
const STUDENT_DEVICES = "Students' use of personal devices";
const STAFF_DEVICES = 'Staff use of personal devices';
const IMAGES = 'Digital images and video';
const STAFF_AUP = 'Appendix 1 – Staff Acceptable Use Policy';
const PROTOCOL = 'Appendix 2 – Protocol for responding online safety incidents';
const SEXTING = 'Handling a sexting / nude selfie incident';

export const primaryAdvantage: PolicyDocumentInput = {
  schemaVersion: 1,
  id: 'primary-advantage',
  seed: SEED,
  title: 'Online safety & acceptable use policy',
  preparedBy:
    'Primary Advantage Federation; owned and kept up to date by the Online Safety Coordinator; built on the LGfL online safety policy template',
  scope:
    'Everyone in the school community (staff, pupils, volunteers, parents and carers, visitors, community users, governors and Local Advisory Board members) who uses school IT systems, in or out of school and when working or teaching remotely. "The school" means each of the federation\'s eight schools.',
  school: {
    name: 'Primary Advantage',
    phase: 'primary',
    keyStages: ['ks1', 'ks2'],
    country: 'england',
    localAuthority: 'Hackney',
    trust: { name: 'Primary Advantage Federation' },
    sites: [
      {
        id: 'member-school',
        name: 'Primary Advantage member school (one of eight; the seed names none)',
        filtering:
          'LGfL filtered broadband on the National Education Network: LGfL NetSweeper (WebScreen2) category filtering with USO user-level filtering by age / stage',
        source: at('Rationale', 94),
      },
    ],
  },

  /* ------------------------------------------------------------------ roles */

  roles: [
    {
      id: 'headteacher',
      title: 'Headteacher',
      kinds: ['headteacher', 'siro'],
      responsibilities: [
        'Is trained in off-line and online safeguarding, in line with statutory guidance and the City of London & Hackney Safeguarding Children Partnership.',
        'Leads a safeguarding culture in which online safety is part of whole-school safeguarding.',
        'Holds overall responsibility for online safety provision.',
        'Holds overall responsibility for data and data security as SIRO, so that information handling follows best practice.',
        'Makes sure the school uses an approved, filtered internet service that meets current statutory requirements (e.g. LGfL).',
        'Makes sure staff are trained for their online safety roles, and to train colleagues where relevant.',
        'Knows the procedure to follow after a serious online safety incident.',
        'Makes sure risk assessments are done so the curriculum meets pupils’ needs, including the risk of radicalisation.',
        'Receives regular monitoring reports from the Online Safety Co-ordinator.',
        'Makes sure staff who run internal online safety procedures (e.g. the network manager) are monitored and supported.',
        'Keeps governors regularly informed about the nature and effectiveness of the online safety arrangements.',
        'Makes sure the school website carries the relevant information.',
        'Supports the safeguarding leads and technical staff in reviewing protections for pupils at home and the remote-learning procedures, rules and safeguards.',
      ],
      source: at(ROLES, 135),
    },
    {
      id: 'online-safety-coordinator',
      title: 'Online safety Co-ordinator / ICT co-ordinator Designated Child Protection Lead',
      kinds: ['online-safety-lead', 'dsl', 'ict-coordinator'],
      responsibilities: [
        'Takes day-to-day responsibility for online safety and leads the writing and review of the online safety policies and documents.',
        'Promotes awareness of, and commitment to, e-safeguarding across the school community.',
        'Makes sure online safety education runs through the whole curriculum.',
        'Liaises with the school’s technical staff where appropriate.',
        'Meets regularly with SLT and the designated online safety governor or committee to discuss current issues and review the incident logs and the filtering / change-control logs.',
        'Makes sure all staff know the procedure to follow after an online safety incident.',
        'Makes sure each online safety incident is logged as a safeguarding incident and the record kept up to date.',
        'Facilitates training and advice for all staff.',
        'Oversees pupil surveys and pupil feedback on online safety.',
        'Liaises with the local authority and other relevant agencies.',
        'Works with the headteacher and technical staff to review protections for pupils at home and the remote-learning procedures, rules and safeguards.',
        'Reminds staff, when remote-learning procedures and technology are reviewed, that the same online safety and behaviour principles apply.',
        'Makes sure staff can raise issues when out of school and pupils can disclose issues when off site, especially during isolation, quarantine or lockdown.',
        'Keeps up to date with online safety issues and law, alert to serious child protection risks from: sharing personal data; access to illegal or inappropriate material; inappropriate online contact with adults or strangers; actual or potential grooming; cyber-bullying and social media.',
      ],
      source: at(ROLES, 137),
    },
    {
      id: 'governors',
      title: 'Governors',
      kinds: ['governors', 'online-safety-governor'],
      responsibilities: [
        'Make sure the school has policies and practices that keep children and staff safe online.',
        'Approve the online safety policy and review its effectiveness, with the Governors / Local Advisory Boards receiving information on online safety incidents and monitoring reports.',
        'Support the school in engaging parents and the wider community in online safety activities.',
        'Review regularly with the Online Safety Co-ordinator / IT Co-ordinator, including the incident logs and the filtering / change-control logs (LDBS guidance names an online safety governor).',
        'Ask how the school has reviewed protections for pupils at home (including with online tutors) and the remote-learning procedures, rules and safeguards.',
      ],
      source: at(ROLES, 138),
    },
    {
      id: 'ict-coordinator',
      title: 'ICT Co-ordinator',
      kinds: ['ict-coordinator'],
      responsibilities: [
        'Oversees the teaching of the online safety part of the computing curriculum.',
        'Liaises regularly with the online safety co-ordinator.',
      ],
      source: at(ROLES, 139),
    },
    {
      id: 'network-manager',
      title: 'Network Manager/ technician',
      kinds: ['network-manager', 'technical-staff'],
      responsibilities: [
        'Reports online safety issues that arise to the online safety co-ordinator / IT co-ordinator.',
        'Runs the school’s computer systems so the password policy is strictly kept: the networks are reached only through an enforced password policy with regularly changed passwords.',
        'Keeps misuse detection and protection against malicious attack in place (e.g. virus protection kept up to date).',
        'Makes sure access controls and encryption protect personal and sensitive information on school-owned devices.',
        'Applies the school’s web filtering policy and updates it regularly.',
        'Keeps the school ICT system secure.',
        'Tells LGfL about problems with the filtering applied by the Grid.',
        'Keeps up to date with the online safety policy and technical information, and passes this on to others where relevant.',
        'Monitors use of the network, learning platform, remote access and email regularly, reporting misuse or attempted misuse to the Online Safety Co-ordinator / ICT Co-ordinator / Headteacher for investigation, action or sanction.',
        'Monitors use of school technology and online platforms regularly, reporting misuse or attempted misuse to the online safety co-ordinator / Headteacher.',
        'Makes sure backups allow critical information and systems to be recovered after a disaster.',
        'Keeps the documentation of the school’s e-security and technical procedures current.',
        'Supports the headteacher and DSL team in reviewing protections for pupils at home (e.g. the DfE Umbrella scheme or LGfL HomeProtect) and the remote-learning procedures, rules and safeguards.',
      ],
      source: at(ROLES, 142),
    },
    {
      id: 'data-manager',
      title: 'Admin/Finance / Data Manager',
      kinds: ['business-manager'],
      responsibilities: [
        'Keeps the data they manage accurate and up to date.',
        'Follows best practice in information management: access controls in place, and data used, transferred and deleted in line with data protection requirements.',
        'Makes sure the school is registered with the Information Commissioner.',
      ],
      source: at(ROLES, 143),
    },
    {
      id: 'lgfl-nominated-contact',
      title: 'LGfL Nominated contact(s)',
      kinds: ['other'],
      responsibilities: [
        'Manages the school’s LGfL services, including keeping the LGfL USO database of access accounts.',
      ],
      source: at(ROLES, 144),
    },
    {
      id: 'teachers',
      title: 'Teachers',
      kinds: ['teachers'],
      responsibilities: [
        'Build online safety into every part of the curriculum and other school activities.',
        'Supervise and guide pupils closely in learning that uses online technology, including remote learning and extracurricular or extended-school activities.',
        'Make sure pupils have good research skills and know the law on electronic content, such as copyright.',
      ],
      source: at(ROLES, 146),
    },
    {
      id: 'all-staff',
      title: 'All staff and volunteers',
      kinds: ['all-staff'],
      responsibilities: [
        'Read, sign and follow the staff Acceptable Use Agreement (signed at induction) and take in its updates each year.',
        'Read, understand and help promote the school’s online safety policies and guidance.',
        'Read, sign and follow this policy.',
        'Know the online safety issues around mobile phones, cameras and handheld devices, monitor their use and apply the school’s rules on them.',
        'Report any suspected misuse or problem to the online safety coordinator.',
        'Keep aware of current online safety issues and guidance, e.g. through CPD.',
        'Model safe, responsible and professional use of technology.',
        'Keep digital communication with pupils professional and only through school systems, never through personal email, text or phones.',
        'Pay particular attention to safeguarding in home-learning and remote-teaching technology.',
        'When supporting pupils remotely, keep the extra safeguarding considerations in mind (the 20 Safeguarding Principles for Remote Lessons).',
        'Exit: at the end of employment or volunteering, return loaned equipment and devices, leaving PINs, IDs and passwords so devices can be reset, or log in with the line manager and technician on the last day so the device can be factory reset.',
      ],
      source: at(ROLES, 147),
    },
    {
      id: 'pupils',
      title: 'Pupils',
      kinds: ['pupils'],
      responsibilities: [
        'Read, sign and follow the pupil agreements (Appendices 3 and 4); at KS1 parents / carers are expected to sign for them.',
        'Have good research skills, avoid plagiarism and respect copyright.',
        'Understand why abuse, misuse or access to inappropriate material must be reported.',
        'Know what to do if they, or someone they know, feel worried or vulnerable online.',
        'Know the school’s rules on mobile phones, digital cameras and handheld devices.',
        'Know the school’s rules on taking and using images and on cyber-bullying.',
        'Behave safely online out of school as well, knowing the policy covers out-of-school actions linked to their membership of the school.',
        'Take responsibility for learning the benefits and risks of the internet and other technology, at school and at home.',
        'Help the school create and review its online safety policies.',
        'Take part in pupil voice and surveys about their online experiences.',
        'Treat home learning during isolation, quarantine or lockdown like learning in school, behaving as if a teacher or parent were watching the screen.',
      ],
      source: at(ROLES, 148),
    },
    {
      id: 'parents',
      title: 'Parents/carers',
      kinds: ['parents'],
      responsibilities: [
        'Support the school’s online safety work and endorse the Parents’ Acceptable Use Agreement, which covers pupils’ internet use and the school’s use of photographs and video.',
        'Read and promote the pupil Acceptable Use Agreement with their children.',
        'Talk to the school about any concerns over their children’s use of technology.',
        'Encourage their children to take full part in home learning during isolation or school closure, and raise any concerns.',
        'During remote learning, keep video calls out of the bedroom where possible; otherwise make sure the child is fully dressed and not in bed, the camera points away from bedding and personal information, and the background is blurred or changed.',
      ],
      source: at(ROLES, 151),
    },
    {
      id: 'external-groups',
      title: 'External groups',
      kinds: ['external-groups'],
      responsibilities: [
        'Sign an Acceptable Use Agreement before using any school equipment or the internet in school.',
        'Support the school in promoting online safety.',
        'Model safe, responsible and positive use of technology.',
      ],
      source: at(ROLES, 152),
    },
  ],

  /* ------------------------------------------------------------- committees */

  committees: [
    {
      id: 'central-governing-board',
      name: 'Central Governing Board',
      kind: 'governors-committee',
      members: ['governors'],
      duties: [
        'Adopted this policy (April 2021).',
        'Reviewed the policy with regard to the federation’s approach to equalities (Equalities Policy, January 2020).',
        'With the Headteacher, oversees the school website (the seed’s "Governing Board").',
      ],
      source: cite('Policy sign-off', 974, 'Adopted by Central Governing Board:'),
    },
    {
      id: 'local-advisory-boards',
      name: 'Local Advisory Boards',
      kind: 'governors-committee',
      members: ['governors', 'one board for each member school'],
      duties: [
        'Receive information about online safety incidents and monitoring reports, so that governors can review how well the policy works.',
      ],
      source: cite(ROLES, 138, 'Governors /Local Advisory Boards'),
    },
    {
      id: 'online-safety-governor',
      name: 'Designated online safety Governor / committee',
      kind: 'governors-committee',
      members: ['governors', 'a designated online safety governor (as LDBS guidance states)'],
      duties: [
        'Meets regularly with the Online Safety Co-ordinator and SLT to discuss current issues and review the incident logs and the filtering / change-control logs.',
      ],
      source: cite(ROLES, 137, 'the designated online safety Governor/committee'),
    },
    {
      id: 'senior-leadership-team',
      name: 'Senior Leadership Team (SLT)',
      kind: 'other',
      members: ['headteacher'],
      duties: [
        'Agreed the policy before governors approved it.',
        'Meets the Online Safety Co-ordinator regularly about current issues, incident logs and filtering / change-control logs.',
        'Receives the reviewed and audited records of online safety incidents.',
      ],
      source: cite('Review and Monitoring', 232, 'it has been agreed by the SLT and approved by Governors'),
    },
  ],

  /* ----------------------------------------------------------------- review */

  review: {
    approvals: [
      { body: 'Senior Leadership Team', on: null, asWritten: null },
      { body: 'Central Governing Board', on: '2021-04-01', asWritten: 'April 2021' },
    ],
    intervalMonths: 36,
    intervalAsWritten: 'every three years',
    nextReviewAsWritten: 'April 2024',
    nextReview: '2024-04-01',
    monitoredBy: 'Online Safety Coordinator (document owner, responsible for review and updates)',
    monitoringInterval: null,
    governorsReport:
      'The Headteacher keeps Governors / Local Advisory Boards regularly updated, and they receive information on online safety incidents and monitoring reports (no interval given).',
    triggers: ['Any significant change in the technologies in use within the school.'],
    source: cite(
      'Review and Monitoring',
      230,
      'will be reviewed every three years or when any significant changes occur with regard to the technologies in use within the school',
    ),
  },

  linkedPolicies: [
    { title: 'Behaviour Policy', source: at('Review and Monitoring', 222) },
    { title: 'Safeguarding and Child Protection Policy', source: at('Review and Monitoring', 223) },
    { title: 'Social Media & Networking Policy', source: at('Review and Monitoring', 224) },
    { title: 'Asset Disposal Policy', source: at('Review and Monitoring', 225) },
    { title: 'Data Protection & Retention Policy', source: at('Review and Monitoring', 226) },
    { title: 'CCTV Policy', source: at('Review and Monitoring', 227) },
    { title: 'Equalities Policy (January 2020)', source: at('Policy sign-off', 977) },
    { title: 'School communications policy', source: at(SOCIAL_STAFF, 488) },
  ],

  externalAgencies: [
    {
      name: 'Police',
      when: 'Online communication to staff or pupils that is particularly disturbing or unlawful; suspected illegal material; the criminal triggers of Appendix 2 (Police 101); indecent images of children (take police advice); nude-image incidents meeting a referral criterion.',
      source: at('Incident Management', 321),
    },
    {
      name: 'Internet Watch Foundation',
      when: 'Suspected illegal material is referred immediately.',
      source: at('Incident Management', 322),
    },
    {
      name: 'Local authority',
      when: 'Informed of suspected illegal material; the Online Safety Co-ordinator liaises on online safety matters; support sought with online safety issues; incident records reported.',
      source: at('Incident Management', 322),
    },
    {
      name: 'LGfL (London Grid for Learning) and the LGfL Helpdesk',
      when: 'Problems with the filtering applied by the Grid, filtering failures escalated by the system administrator, and any concerns about the system.',
      source: at(INTERNET, 349),
    },
    {
      name: 'Technical service provider',
      when: 'Filtering failures escalated by the system administrator.',
      source: at(INTERNET, 349),
    },
    {
      name: 'UK Safer Internet Centre helpline',
      when: 'Support in dealing with online safety issues.',
      source: at('Incident Management', 318),
    },
    {
      name: 'Local Authority Designated Officer (LADO)',
      when: 'Concern that anyone who works with children has harmed a child, may have committed an offence against a child or is unsuitable to work with children; concerns about misuse by the Executive Principal (with the Chair of Governors).',
      source: at('Handling complaints', 180),
    },
    {
      name: "Children's social care",
      when: 'Nude-image incidents meeting a referral criterion; follow-up action recorded on the incident form.',
      source: at(SEXTING, 196),
    },
    {
      name: 'City of London & Hackney Safeguarding Children Partnership',
      when: 'The standard for the Headteacher’s safeguarding training; its procedures are followed where there is concern for a child’s safety or wellbeing.',
      source: at(ROLES, 135),
    },
    {
      name: 'Information Commissioner',
      when: 'The school must be registered.',
      source: at(ROLES, 143),
    },
    {
      name: 'Childline',
      when: 'Pupils are taught they can seek help there.',
      source: at('Pupil online safety curriculum', 256),
    },
    {
      name: 'CEOP (the CLICK CEOP button)',
      when: 'Pupils are taught to report abuse with it.',
      source: at('Pupil online safety curriculum', 256),
    },
    {
      name: 'Hackney Learning Trust',
      when: 'May seek to use photographs of pupils (separate parental consent, Appendix 6).',
      source: at('Appendix 6 – Use of photographs and videos', 914),
    },
  ],

  impactMonitoring: [
    {
      method:
        'Online safety incidents are monitored and reported; the records are reviewed or audited and reported to senior leaders, governors and the local authority, and inform policy and practice.',
      source: at('Incident Management', 319),
    },
    {
      method:
        'Governors / Local Advisory Boards review the policy’s effectiveness from information on online safety incidents and monitoring reports.',
      source: at(ROLES, 138),
    },
    {
      method: 'The Headteacher receives regular monitoring reports from the Online Safety Co-ordinator.',
      source: at(ROLES, 135),
    },
    {
      method:
        'The Online Safety Co-ordinator, SLT and the online safety governor regularly review the incident logs and the filtering / change-control logs.',
      source: at(ROLES, 137),
    },
    {
      method: 'Pupil surveys and pupil voice on online safety and pupils’ online experiences.',
      source: at(ROLES, 137),
    },
    {
      method:
        'The network manager regularly monitors use of the network, learning platform, remote access, email and online platforms.',
      source: at(ROLES, 142),
    },
  ],

  /* Seed 001 has no matrices. */
  matrices: {},

  policeReportable: [
    {
      text: 'Online communication received by a member of staff or a pupil that the school considers particularly disturbing or unlawful.',
      source: at('Incident Management', 321),
    },
    {
      text: 'Suspected illegal material (referred at once to the Police and the Internet Watch Foundation, and the local authority informed).',
      source: at('Incident Management', 322),
    },
    {
      text: 'Messages relating to, or in support of, illegal activities (to the relevant authority and, if necessary, the Police).',
      source: at(EMAIL, 424),
    },
    {
      text: 'Discovery of indecent images or videos involving children (always take police advice).',
      source: at(PROTOCOL, 709),
    },
    {
      text: 'Actual harm from violence, abuse or harassment, or evidence that it has happened or is being incited or planned, including menacing behaviour, incitement, grooming or accessing indecent images.',
      source: at(PROTOCOL, 765),
    },
    {
      text: 'Theft of or damage to property, including property held online, and denial of service or access.',
      source: at(PROTOCOL, 766),
    },
    {
      text: 'Serious fraud and identity theft, including serious breaches of copyright.',
      source: at(PROTOCOL, 767),
    },
    {
      text: 'Distribution or possession of obscene or hateful material.',
      source: at(PROTOCOL, 768),
    },
    {
      text: 'Self-harm or severe distress caused by repeated acts that may each seem minor, e.g. cyberbullying.',
      source: at(PROTOCOL, 769),
    },
    {
      text: 'Nude-image incident involving an adult (immediate referral to police and/or children’s social care).',
      source: at(SEXTING, 207),
    },
    {
      text: 'Nude-image incident where a young person may have been coerced, blackmailed or groomed, or their capacity to consent is in doubt (e.g. special educational needs) (police and/or children’s social care).',
      source: at(SEXTING, 209),
    },
    {
      text: 'Nude-image incident where the imagery depicts sexual acts unusual for the young person’s developmental stage, or violent acts (police and/or children’s social care).',
      source: at(SEXTING, 210),
    },
    {
      text: 'Nude-image incident where the imagery involves sexual acts and any pupil in it is under 13 (police and/or children’s social care).',
      source: at(SEXTING, 211),
    },
    {
      text: 'Nude-image incident where a pupil is at immediate risk of harm from the sharing, e.g. presenting as suicidal or self-harming (police and/or children’s social care).',
      source: at(SEXTING, 212),
    },
  ],

  /* The seed has no single prohibited-use list; its prohibitions are the prose rules below. */
  prohibitedUses: [],

  /* ------------------------------------------------------------ prose rules */

  proseRules: [
    /* Expected conduct, complaints, incident protocol */
    {
      id: 'sign-before-access',
      kind: 'conduct',
      statement:
        'Using school IT and communication systems before signing this policy / the acceptable use agreement (at KS1 a parent or carer signs for the pupil).',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        'Expected conduct',
        291,
        'which they will be expected to sign before being given access to school systems',
      ),
    },
    {
      id: 'pupil-plagiarism-copyright',
      kind: 'conduct',
      statement: 'Plagiarising work or breaching copyright: pupils avoid plagiarism and uphold copyright.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: ['piracy'],
      source: cite('Expected conduct', 299, 'the need to avoid plagiarism and uphold copyright regulations'),
    },
    {
      id: 'pupil-download-without-permission',
      kind: 'conduct',
      statement: 'Pupils downloading files, such as music files, without permission.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: ['file-sharing'],
      except: 'downloads a teacher or trusted adult has allowed',
      source: cite('Pupil online safety curriculum', 252, 'To know not to download any files'),
    },
    {
      id: 'report-same-day',
      kind: 'conduct',
      statement:
        'Leaving a suspected online risk or infringement unreported beyond the day it is found: report it to the Online Safety Coordinator that day.',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        'Handling complaints',
        179,
        'Any suspected online risk or infringement is reported to Online Safety Coordinator that day',
      ),
    },
    {
      id: 'do-not-view-nude-imagery',
      kind: 'conduct',
      statement: 'Viewing imagery in a nude / semi-nude incident: in most cases staff do not view it.',
      audience: 'staff',
      value: 'unacceptable',
      categories: ['child-abuse'],
      except: 'where the DSL’s review decides viewing is necessary to safeguard the young person',
      source: cite(SEXTING, 197, 'in most cases, imagery should not be viewed'),
    },
    {
      id: 'no-photograph-of-indecent-image',
      kind: 'conduct',
      statement:
        'Photographing an indecent image of a child under 18 on a device, even to preserve evidence: doing so is itself a criminal offence.',
      audience: 'staff',
      value: 'illegal',
      categories: ['child-abuse'],
      source: cite(PROTOCOL, 719, 'taking a photograph would itself count as a criminal offence'),
    },

    /* Internet access, security (virus protection) and filtering */
    {
      id: 'block-netsweeper-categories',
      kind: 'filtering',
      statement:
        'Sites in the filter’s blocked categories, such as adult content, race hate and gaming, are blocked (LGfL NetSweeper).',
      audience: 'all-users',
      value: 'unacceptable',
      categories: ['pornography', 'hate-speech', 'discrimination', 'gaming'],
      source: cite(
        INTERNET,
        332,
        'blocks sites that fall into categories such as adult content, race hate, gaming',
      ),
    },
    {
      id: 'block-illegal-sites',
      kind: 'filtering',
      statement: 'Sites of an illegal nature are blocked.',
      audience: 'all-users',
      value: 'illegal',
      categories: ['child-abuse', 'terrorism'],
      source: cite(INTERNET, 332, 'sites of an illegal nature'),
    },
    {
      id: 'filter-changes-web-filtering-management',
      kind: 'filtering',
      statement:
        'Changing the filtering policy: only staff with approved "web filtering management" status, and every change is logged.',
      audience: 'staff',
      value: 'nominated-users',
      source: cite(
        INTERNET,
        332,
        "only available to staff with the approved 'web filtering management' status",
      ),
    },
    {
      id: 'user-level-filtering-by-stage',
      kind: 'filtering',
      statement:
        'Web content opened to pupils by user group: USO user-level filtering closes down or opens up options to suit each age / stage.',
      audience: 'pupils',
      value: 'nominated-users',
      source: cite(INTERNET, 333, 'Uses USO user-level filtering where relevant'),
    },
    {
      id: 'no-executable-downloads',
      kind: 'filtering',
      statement:
        'Downloading executable files or programs: the network is set up so staff and pupils cannot.',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(INTERNET, 334, 'staff and pupils cannot download executable files'),
    },
    {
      id: 'protect-level-data-approved-systems',
      kind: 'communication',
      statement:
        'Sending protect-level (sensitive personal) data over the internet other than through an approved secure system.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'DfE, LA or LGfL approved systems such as DfE S2S, LGfL USO FX2 and Egress secure file / email',
      source: cite(INTERNET, 335, "to send 'protect-level' (sensitive personal) data over the Internet"),
    },
    {
      id: 'block-social-networking-and-chat',
      kind: 'filtering',
      statement: 'Chatrooms and social networking sites are blocked.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: ['social-media', 'chat'],
      except: 'sites that are part of an educational network or an approved learning platform',
      source: cite(
        INTERNET,
        336,
        'Blocks all chatrooms and social networking sites except those that are part of an educational network or approved learning platform',
      ),
    },
    {
      id: 'unblock-social-networking-for-purpose',
      kind: 'filtering',
      statement:
        'Other external social networking sites may be unblocked, but only for a specific purpose such as an internet literacy lesson.',
      audience: 'pupils',
      value: 'certain-times',
      categories: ['social-media'],
      source: cite(
        INTERNET,
        337,
        'Only unblocks other external social networking sites for specific purposes / internet literacy lessons',
      ),
    },
    {
      id: 'block-music-download-and-shopping',
      kind: 'filtering',
      statement: 'Music download and shopping sites are blocked for pupils.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: ['shopping', 'file-sharing'],
      except:
        'sites approved for educational purposes at a regional or national level, such as Audio Network',
      source: cite(INTERNET, 338, 'Has blocked pupil access to music download or shopping sites'),
    },
    {
      id: 'internet-security-timeouts',
      kind: 'filtering',
      statement:
        'Internet sessions run only within security time-outs, where practicable (the length is not given: school-configured).',
      audience: 'all-users',
      value: 'certain-times',
      source: cite(INTERNET, 339, 'Uses security time-outs on internet access where practicable'),
    },
    {
      id: 'pupils-publish-only-in-secure-environment',
      kind: 'conduct',
      statement: 'Pupils publishing online outside an appropriately secure environment.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: ['blogs', 'social-media'],
      except: 'the school’s learning environment and LGfL secure platforms such as J2Bloggy',
      source: cite(INTERNET, 343, 'Ensures pupils only publish within an appropriately secure environment'),
    },
    {
      id: 'staff-preview-websites',
      kind: 'conduct',
      statement: 'Staff using a website with pupils without previewing it first.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'sites already viewed or cached',
      source: cite(INTERNET, 344, 'Requires staff to preview websites before use'),
    },
    {
      id: 'child-friendly-search',
      kind: 'filtering',
      statement:
        'More open internet searching by pupils with general-purpose search engines: child-friendly search engines are used instead.',
      audience: 'pupils',
      value: 'unacceptable',
      except: 'child-friendly (age-appropriate) search engines',
      source: cite(
        INTERNET,
        346,
        'using child-friendly search engines where more open Internet searching is required',
      ),
    },
    {
      id: 'raw-image-search-supervised',
      kind: 'filtering',
      statement:
        "'Raw' image searches with pupils (e.g. Google image search): only with vigilant staff supervision.",
      audience: 'pupils',
      value: 'certain-times',
      source: cite(INTERNET, 347, "Is vigilant when conducting 'raw' image search with pupils"),
    },
    {
      id: 'report-filtering-failure',
      kind: 'conduct',
      statement:
        'Leaving a failure of the filtering system unreported: staff and pupils report it directly to the IT Coordinator.',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        INTERNET,
        349,
        'they must report any failure of the filtering systems directly to the IT Coordinator',
      ),
    },
    {
      id: 'off-site-protect-level-access',
      kind: 'device',
      statement: 'Staff reaching protect-level (sensitive personal) data off site by other means.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'encrypted devices or secure remote access',
      source: cite(
        INTERNET,
        353,
        "Uses encrypted devices or secure remote access where staff need to access 'protect-level' (sensitive personal) data off-site",
      ),
    },

    /* Network management and safe use of the network */
    {
      id: 'guest-accounts-temporary',
      kind: 'device',
      statement:
        'External or short-term visitors may use guest accounts, for temporary access to appropriate services only.',
      audience: 'guests',
      value: 'certain-times',
      source: cite(
        'Network management (user access, backup)',
        363,
        'Uses guest accounts occasionally for external or short term visitors for temporary access to appropriate services',
      ),
    },
    {
      id: 'separate-mis-password',
      kind: 'device',
      statement: 'Staff reach the management information system (MIS) only with a separate password.',
      audience: 'staff',
      value: 'nominated-users',
      source: cite(
        NETWORK,
        378,
        "Staff access to the schools' management information system is controlled through a separate password",
      ),
    },
    {
      id: 'no-logging-on-as-another-user',
      kind: 'conduct',
      statement: 'Logging on as another user.',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(NETWORK, 381, 'no one should log on as another user'),
    },
    {
      id: 'pupils-never-use-staff-logins',
      kind: 'conduct',
      statement: 'Pupils logging on with, or using, a teacher or staff login.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(NETWORK, 381, 'pupils should never be allowed to log-on or use teacher and staff logins'),
    },
    {
      id: 'log-off-when-finished-or-unattended',
      kind: 'device',
      statement: 'Leaving a computer logged on when finished or unattended: users always log off.',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        NETWORK,
        383,
        'Requires all users to always log off when they have finished working or are leaving the computer unattended',
      ),
    },
    {
      id: 'log-off-found-machine',
      kind: 'device',
      statement: 'Working on a machine found logged on as someone else: log it off, then log on as yourself.',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        NETWORK,
        384,
        'Where a user finds a logged-on machine, we require them to always log-off and then log-on again as themselves',
      ),
    },
    {
      id: 'switch-off-computers',
      kind: 'device',
      statement:
        'Switching school computers off: at the end of the day, or during the day only if not needed again that day or completely crashed.',
      audience: 'all-users',
      value: 'certain-times',
      source: cite(NETWORK, 385, 'We request that they DO switch the computers off at the end of the day'),
    },
    {
      id: 'home-equipment-antivirus',
      kind: 'device',
      statement:
        'School equipment taken home without up-to-date anti-virus and anti-spyware (the school provides the means to update it).',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        NETWORK,
        387,
        'all equipment owned by the school that goes home has the anti-virus and spyware software maintained up-to-date',
      ),
    },
    {
      id: 'loaned-computer-professional-use',
      kind: 'device',
      statement:
        'Using a computer or laptop loaned by the school for anything but professional responsibilities; any "significant personal use" (HMRC definition) must be notified to the school.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(NETWORK, 388, 'is used solely to support their professional responsibilities'),
    },
    {
      id: 'mis-modules-by-role',
      kind: 'device',
      statement: 'Staff reach only the MIS modules related to their role.',
      audience: 'staff',
      value: 'nominated-users',
      source: cite(NETWORK, 391, 'staff users can only access modules related to their role'),
    },
    {
      id: 'remote-access-approved-systems',
      kind: 'device',
      statement: 'Staff reaching school network resources remotely other than through approved systems.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'school / LA approved systems such as the VPN / RAV3 system',
      source: cite(NETWORK, 392, 'access is only through school / LA approved systems'),
    },
    {
      id: 'no-outside-agency-remote-access',
      kind: 'device',
      statement: 'Outside agencies accessing the school network remotely.',
      audience: 'guests',
      value: 'unacceptable',
      except:
        'a clear professional need, then restricted access through approved systems only (e.g. technical or MIS support, Education Welfare Officers viewing attendance data on specific children, parents using a secure portal for their own child)',
      source: cite(NETWORK, 393, 'Does not allow any outside agencies to access our network remotely'),
    },
    {
      id: 'ctf-via-s2s',
      kind: 'communication',
      statement: 'Sending CTF files to other schools other than through the DfE secure S2S website.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'the DfE secure S2S website',
      source: cite(NETWORK, 398, 'Uses the DfE secure s2s website for all CTF files sent to other schools'),
    },
    {
      id: 'personal-data-encrypted-in-transit',
      kind: 'communication',
      statement:
        'Sending pupil-level or personal data over the internet unencrypted or outside an approved secure system.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'the LA’s approved secure system or USO secure file exchange (USO FX)',
      source: cite(
        NETWORK,
        399,
        'all pupil level data or personal data sent over the Internet is encrypted or only sent within the approved secure system',
      ),
    },

    /* Passwords */
    {
      id: 'staff-password-private',
      kind: 'conduct',
      statement: 'Staff sharing their password, or leaving it where others can find it.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        PASSWORDS,
        409,
        'staff keep their password private, must not share it with others and must not leave it where others can find',
      ),
    },
    {
      id: 'report-compromised-password',
      kind: 'conduct',
      statement: 'Leaving a compromised password unreported: the school is told at once.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(PASSWORDS, 409, 'If a password is compromised the school should be notified immediately.'),
    },
    {
      id: 'strong-mis-passwords',
      kind: 'device',
      statement: 'Weak passwords for the MIS: staff use strong passwords.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(PASSWORDS, 411, 'We require staff to use strong passwords for access into our MIS system'),
    },
    {
      id: 'two-factor-critical-systems',
      kind: 'device',
      statement: 'Staff using critical systems (Haven included) without two-factor authentication.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        PASSWORDS,
        412,
        'We require staff using critical systems to use two factor authentication.',
      ),
    },

    /* E-mail */
    {
      id: 'ks1-restricted-email',
      kind: 'communication',
      statement:
        'Key Stage 1 pupils using email outside a highly restricted (SafeMail) or simulated environment.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: ['webmail'],
      except: 'highly restricted (SafeMail) or simulated email environments',
      source: cite(
        EMAIL,
        419,
        'Provides highly restricted (Safe mail) / simulated environments for e-mail with Key Stage 1 pupils',
      ),
    },
    {
      id: 'pupil-email-content-controlled',
      kind: 'communication',
      statement: 'Pupils using email other than the content-controlled school service (Londonmail).',
      audience: 'pupils',
      value: 'unacceptable',
      categories: ['webmail'],
      except: 'Londonmail, which has email content control',
      source: cite(EMAIL, 420, 'Uses Londonmail with students as this has email content control'),
    },
    {
      id: 'no-personal-addresses-on-website',
      kind: 'communication',
      statement:
        'Publishing personal email addresses of pupils or staff on the school website (anonymous, group or class addresses are used).',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        EMAIL,
        421,
        'Does not publish personal e-mail addresses of pupils or staff on the school website',
      ),
    },
    {
      id: 'pupil-external-mail-safemail-rules',
      kind: 'communication',
      statement:
        'Pupils sending external mail to, or receiving it from, an address the SafeMail rules do not allow.',
      audience: 'pupils',
      value: 'unacceptable',
      except: 'addresses the SafeMail rules have been set to allow',
      source: cite(
        EMAIL_PUPILS,
        433,
        'Pupils can only receive external mail from, and send external mail to, addresses if the SafeMail rules have been set to allow this',
      ),
    },
    {
      id: 'pupil-email-address-private',
      kind: 'communication',
      statement: 'Pupils giving out their email address.',
      audience: 'pupils',
      value: 'unacceptable',
      except:
        'a school-managed project, or someone they know and trust whom their teacher or parent / carer has approved',
      source: cite(
        EMAIL_PUPILS,
        435,
        'Not to give out their email address unless it is part of a school managed project',
      ),
    },
    {
      id: 'pupil-external-email-authorised',
      kind: 'communication',
      statement: 'Pupils sending email to an external organisation without it being authorised first.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(
        EMAIL_PUPILS,
        438,
        'any email sent to an external organisation should be written carefully and authorised before sending',
      ),
    },
    {
      id: 'pupil-no-private-details-in-email',
      kind: 'communication',
      statement:
        'Pupils revealing private details of themselves or others (address, telephone number ...) in email.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(
        EMAIL_PUPILS,
        439,
        'They must not reveal private details of themselves or others in email',
      ),
    },
    {
      id: 'pupil-unsafe-attachments',
      kind: 'conduct',
      statement: 'Pupils opening email attachments from a source they are not sure is safe.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(EMAIL_PUPILS, 440, 'not open attachments unless sure the source is safe'),
    },
    {
      id: 'pupil-no-embedded-adverts',
      kind: 'communication',
      statement: 'Pupils embedding adverts in email.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(EMAIL_PUPILS, 442, 'Embedding adverts is not allowed'),
    },
    {
      id: 'pupil-tell-adult-about-upsetting-email',
      kind: 'conduct',
      statement:
        'Keeping quiet about an email that is uncomfortable, offensive or bullying: pupils tell a teacher or responsible adult at once.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(EMAIL_PUPILS, 443, 'they must immediately tell a teacher / responsible adult'),
    },
    {
      id: 'pupil-no-reply-to-threats',
      kind: 'communication',
      statement: 'Pupils replying to malicious or threatening messages.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(EMAIL_PUPILS, 444, 'Not to respond to malicious or threatening messages'),
    },
    {
      id: 'pupil-keep-threatening-email',
      kind: 'conduct',
      statement: 'Pupils deleting malicious or threatening emails: they are kept as evidence of bullying.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(EMAIL_PUPILS, 445, 'Not to delete malicious or threatening emails'),
    },
    {
      id: 'pupil-no-meeting-email-contacts',
      kind: 'conduct',
      statement: 'Pupils arranging to meet someone they met through email.',
      audience: 'pupils',
      value: 'unacceptable',
      except: 'after discussing it with an adult, and taking a responsible adult with them',
      source: cite(
        EMAIL_PUPILS,
        446,
        'Not to arrange to meet anyone they meet through e-mail without having discussed with an adult',
      ),
    },
    {
      id: 'pupil-no-chain-email',
      kind: 'communication',
      statement: 'Pupils forwarding chain emails.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(EMAIL_PUPILS, 447, "forwarding 'chain' e-mail letters is not permitted"),
    },
    {
      id: 'staff-school-email-on-school-systems',
      kind: 'communication',
      statement: 'Staff using school email other than through school-approved systems and devices.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'school-approved systems and devices',
      source: cite(EMAIL_STAFF, 452, 'Staff can only use the school email systems on the school system'),
    },
    {
      id: 'staff-email-professional-only',
      kind: 'communication',
      statement:
        'Staff using school email for anything but professional purposes; personal email goes through a separate account.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(EMAIL_STAFF, 453, 'Staff only use school email systems for professional purposes'),
    },
    {
      id: 'staff-personal-webmail-may-be-blocked',
      kind: 'filtering',
      statement: 'Staff reaching external personal email accounts in school: the school may block it.',
      audience: 'staff',
      value: 'unacceptable',
      categories: ['webmail'],
      source: cite(EMAIL_STAFF, 454, 'Access in school to external personal email accounts may be blocked'),
    },
    {
      id: 'no-personal-data-by-email',
      kind: 'communication',
      statement: 'Using email to transfer staff or pupil personal data.',
      audience: 'staff',
      value: 'unacceptable',
      except:
        'secure LA / DfE approved systems (S2S, Collect, USO-FX); where none fits, the data or file is protected with encryption',
      source: cite(EMAIL_STAFF, 456, 'Never use email to transfer staff or pupil personal data'),
    },
    {
      id: 'staff-external-email-house-style',
      kind: 'communication',
      statement:
        'Staff email to external organisations is allowed, written carefully in the school house style; it may require authorisation.',
      audience: 'staff',
      value: 'acceptable',
      source: cite(
        EMAIL_STAFF,
        457,
        'email sent to an external organisation must be written carefully, (and may require authorisation)',
      ),
    },
    {
      id: 'staff-limit-attachments',
      kind: 'communication',
      statement:
        'Staff sending multiple or large attachments beyond the limits set by the school or the service.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(EMAIL_STAFF, 458, 'The sending of multiple or large attachments should be limited'),
    },
    {
      id: 'staff-no-chain-letters',
      kind: 'communication',
      statement: 'Staff sending chain letters.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(EMAIL_STAFF, 459, 'The sending of chain letters is not permitted'),
    },
    {
      id: 'staff-no-embedded-adverts',
      kind: 'communication',
      statement: 'Staff embedding adverts in email.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(EMAIL_STAFF, 460, 'Embedding adverts is not allowed'),
    },

    /* School website and cloud environments */
    {
      id: 'website-upload-authorisers',
      kind: 'communication',
      statement: 'Uploading to the school website: only the website authorisers.',
      audience: 'staff',
      value: 'nominated-users',
      source: cite(WEBSITE, 466, 'Uploading of information is restricted to our website authorisers'),
    },
    {
      id: 'website-photos-no-full-names',
      kind: 'communication',
      statement: 'Publishing photographs on the web with full names attached.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(WEBSITE, 470, 'Photographs published on the web do not have full names attached.'),
    },
    {
      id: 'website-no-pupil-names-in-files',
      kind: 'communication',
      statement: 'Using pupils’ names in image file names or tags when publishing to the school website.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        WEBSITE,
        472,
        "We do not use pupils' names when saving images in the file names or in the tags",
      ),
    },
    {
      id: 'no-embedded-geodata',
      kind: 'communication',
      statement: 'Keeping embedded geodata (e.g. location) in stored images.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(WEBSITE, 473, 'We do not use embedded geodata in respect of stored images'),
    },
    {
      id: 'blogs-password-protected',
      kind: 'communication',
      statement:
        'Teachers running a school-approved blog or wiki without password protection, or from anywhere but the school website.',
      audience: 'staff',
      value: 'unacceptable',
      categories: ['blogs'],
      source: cite(
        WEBSITE,
        474,
        'We expect teachers using school approved blogs or wikis to password protect them and run from the school website.',
      ),
    },
    {
      id: 'learning-space-upload-by-responsibility',
      kind: 'communication',
      statement:
        'Uploading to the online learning space by area of responsibility (e.g. class teachers to their class areas).',
      audience: 'staff',
      value: 'nominated-users',
      source: cite(CLOUD, 478, 'all class teachers upload information in their class areas'),
    },
    {
      id: 'online-photos-community-only',
      kind: 'communication',
      statement:
        'Photographs and videos in the school’s online environment are seen only by members of the school community.',
      audience: 'all-users',
      value: 'nominated-users',
      source: cite(
        CLOUD,
        479,
        "Photographs and videos uploaded to the school's online environment will only be accessible by members of the school community",
      ),
    },
    {
      id: 'pupils-upload-approved-cloud-only',
      kind: 'conduct',
      statement: 'Pupils in school uploading or publishing outside school-approved cloud systems.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: ['file-sharing'],
      except: 'school-approved cloud systems',
      source: cite(
        CLOUD,
        480,
        'In school, pupils are only able to upload and publish within school approved cloud systems.',
      ),
    },

    /* Social networking */
    {
      id: 'staff-professional-private-separate',
      kind: 'communication',
      statement: 'Staff mixing professional and private communication.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        SOCIAL_STAFF,
        486,
        'Staff are instructed to always keep professional and private communication separate.',
      ),
    },
    {
      id: 'teachers-no-personal-social-spaces',
      kind: 'communication',
      statement:
        'Teachers running social network spaces for pupils on a personal basis, or opening their own spaces to pupils.',
      audience: 'staff',
      value: 'unacceptable',
      categories: ['social-media'],
      except: 'the school’s preferred system for such communication',
      source: cite(
        SOCIAL_STAFF,
        487,
        'Teachers are instructed not to run social network spaces for student use on a personal basis',
      ),
    },
    {
      id: 'staff-no-social-media-references',
      kind: 'communication',
      statement: 'Staff referring to pupils, parents / carers or school staff in their private social media.',
      audience: 'staff',
      value: 'unacceptable',
      categories: ['social-media'],
      source: cite(
        SOCIAL_PRIVATE,
        493,
        'No reference should be made in social media to students / pupils, parents / carers or school staff',
      ),
    },
    {
      id: 'staff-not-online-friends-with-pupils',
      kind: 'communication',
      statement: 'Staff being online friends with a pupil.',
      audience: 'staff',
      value: 'unacceptable',
      categories: ['social-media'],
      except: 'exceptions approved by the Headteacher',
      source: cite(SOCIAL_PRIVATE, 494, 'School staff should not be online friends with any pupil/student.'),
    },
    {
      id: 'staff-no-online-discussion-of-community',
      kind: 'communication',
      statement: 'Staff discussing personal matters about members of the school community online.',
      audience: 'staff',
      value: 'unacceptable',
      categories: ['social-media'],
      source: cite(
        SOCIAL_PRIVATE,
        495,
        'They do not engage in online discussion on personal matters relating to members of the school community',
      ),
    },
    {
      id: 'staff-opinions-not-attributed',
      kind: 'communication',
      statement:
        'Staff attributing personal opinions to the school or local authority, or letting them compromise their professional role or bring the school into disrepute.',
      audience: 'staff',
      value: 'unacceptable',
      categories: ['social-media'],
      source: cite(
        SOCIAL_PRIVATE,
        496,
        'Personal opinions should not be attributed to the school or local authority',
      ),
    },
    {
      id: 'staff-check-privacy-settings',
      kind: 'conduct',
      statement:
        'Leaving security settings on personal social media profiles unchecked: staff check them regularly.',
      audience: 'staff',
      value: 'unacceptable',
      categories: ['social-media'],
      source: cite(
        SOCIAL_PRIVATE,
        497,
        'Security settings on personal social media profiles are regularly checked',
      ),
    },
    {
      id: 'parents-ask-before-uploading-others',
      kind: 'communication',
      statement:
        'Parents uploading photographs, videos or other information about other people without asking permission.',
      audience: 'parents',
      value: 'unacceptable',
      categories: ['social-media'],
      except: 'with the permission of the people concerned',
      source: cite(
        SOCIAL_PARENTS,
        507,
        'they need to ask permission before uploading photographs, videos or any other information about other people',
      ),
    },

    /* Video conferencing and CCTV */
    {
      id: 'approved-webcam-sites-only',
      kind: 'filtering',
      statement: 'Using webcam or video-conferencing sites that have not been approved or checked.',
      audience: 'all-users',
      value: 'unacceptable',
      categories: ['video-broadcasting'],
      except: 'approved or checked webcam sites',
      source: cite('Video Conferencing', 511, 'The federation only uses approved or checked webcam sites.'),
    },
    {
      id: 'cctv-recordings-not-revealed',
      kind: 'communication',
      statement: 'Revealing CCTV recordings (kept by the support provider for 28 days) without permission.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'disclosure to the police as part of a criminal investigation',
      source: cite('CCTV', 515, 'We will not reveal any recordings'),
    },
    {
      id: 'lesson-recordings-staff-only',
      kind: 'communication',
      statement:
        'Showing lesson recordings outside the staff, or using them for anything but sharing best teaching practice.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite('CCTV', 516, 'We do not reveal any such recordings outside of the staff'),
    },

    /* Data security: technical solutions */
    {
      id: 'idle-lockout-10-minutes',
      kind: 'device',
      statement:
        'Leaving a system logged in when away from the computer: staff log out, and sessions lock after 10 minutes idle.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        TECHNICAL,
        534,
        'We require staff to log-out of systems when leaving their computer, but also enforce lock-out after 10 minutes of idle time.',
      ),
    },
    {
      id: 'encrypted-flash-drives-off-site',
      kind: 'device',
      statement: 'Staff taking sensitive information off site other than on an encrypted flash drive.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'encrypted flash drives',
      source: cite(
        TECHNICAL,
        535,
        'We use encrypted flash drives if any member of staff has to take any sensitive information off site.',
      ),
    },
    {
      id: 'admissions-otp-tag',
      kind: 'device',
      statement:
        'Using the admissions system: only staff given access, with an LGfL OTP tag as an extra factor.',
      audience: 'staff',
      value: 'nominated-users',
      source: cite(
        TECHNICAL,
        537,
        'Staff with access to the Admissions system also use a LGfL OTP tag as an extra precaution.',
      ),
    },
    {
      id: 'remote-access-two-factor',
      kind: 'device',
      statement:
        'Remote access into school systems other than by the RAV3 / VPN route with two-factor authentication.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'the RAV3 / VPN solution with its two-factor authentication',
      source: cite(
        TECHNICAL,
        538,
        'We use RAV3 / VPN solution with its 2-factor authentication for remote access into our systems.',
      ),
    },
    {
      id: 'backups-stay-on-site',
      kind: 'device',
      statement:
        'Taking back-up tapes off site on mobile devices (back-ups are encrypted and locked in a fire-proof cabinet).',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(TECHNICAL, 543, 'No back-up tapes leave the site on mobile devices.'),
    },
    {
      id: 'approved-equipment-disposal',
      kind: 'device',
      statement:
        'Disposing of equipment that held protected or restricted data other than through an approved WEEE-compliant disposal company; servers that held personal data need a certificate of secure deletion.',
      audience: 'staff',
      value: 'unacceptable',
      except:
        'an approved or recommended disposal company, with a certificate of secure deletion for servers',
      source: cite(
        TECHNICAL,
        545,
        'We comply with the WEEE directive on equipment disposal by using an approved or recommended disposal company',
      ),
    },
    {
      id: 'loaned-portable-equipment-disposal',
      kind: 'device',
      statement:
        'Disposing of portable equipment loaned to staff for home use that held protected data other than by the same approved procedure.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(TECHNICAL, 546, 'is disposed of through the same procedure'),
    },

    /* Personal mobile phones and mobile devices */
    {
      id: 'pupil-devices-handed-in',
      kind: 'device',
      statement:
        'Pupils keeping personal mobile devices during the school day: they are switched off (not on silent), handed in at the office on arrival and kept there until the end of the day.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(
        MOBILE,
        561,
        'Student personal mobile devices, which are brought into school, must be turned off (not placed on silent) and handed in at the office on arrival at school.',
      ),
    },
    {
      id: 'visitor-phones-silent',
      kind: 'device',
      statement: 'Visitors using their phones around the school; phones are kept on silent.',
      audience: 'visitors',
      value: 'unacceptable',
      source: cite(
        MOBILE,
        562,
        'All visitors are requested to keep their phones on silent and not use the phone around the school',
      ),
    },
    {
      id: 'no-images-on-personal-phones',
      kind: 'device',
      statement: 'Recording, taking or sharing images, video or audio on a personal mobile phone.',
      audience: 'all-users',
      value: 'unacceptable',
      except:
        'where the Headteacher has explicitly agreed it; the authorisation is recorded and can be withdrawn or restricted at any time',
      source: cite(
        MOBILE,
        563,
        'The recording, taking and sharing of images, video and audio on any personal mobile phone is not permitted',
      ),
    },
    {
      id: 'staff-phones-at-break',
      kind: 'device',
      statement:
        'Staff may use their phones during break times; at other times they leave them with the office for a personal call or seek permission.',
      audience: 'staff',
      value: 'certain-times',
      source: cite(MOBILE, 565, 'Staff may use their phones during break times.'),
    },
    {
      id: 'phones-only-when-directed',
      kind: 'device',
      statement:
        'Using mobile phones for school purposes unless the Headteacher directs it (e.g. contact on a school trip).',
      audience: 'staff',
      value: 'unacceptable',
      except: 'specific purposes directed by the Headteacher',
      source: cite(
        MOBILE,
        566,
        'Mobile phones will not be used unless directed by the Headteacher for specific purposes',
      ),
    },
    {
      id: 'images-need-consent',
      kind: 'device',
      statement:
        'Taking images or videos on mobile phones or personally-owned devices without the prior consent of the people concerned.',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        MOBILE,
        567,
        'No images or videos should be taken on mobile phones or personally-owned mobile devices without the prior consent of the person or people concerned',
      ),
    },
    {
      id: 'school-account-device-no-personal-elements',
      kind: 'device',
      statement:
        'Adding personal elements to a school-owned mobile device that uses a school-created account.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(STORAGE, 573, 'No personal elements may be added to this device.'),
    },
    {
      id: 'device-pin-known-to-network-manager',
      kind: 'device',
      statement:
        'Keeping a school-owned mobile device’s PIN from the network manager, who must always know it.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(STORAGE, 574, 'PIN access to the device must always be known by the network manager.'),
    },
    {
      id: 'personal-account-device-factory-reset',
      kind: 'device',
      statement:
        'Returning a school device used with a personal account without logging in so it can be factory reset and cleared.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        STORAGE,
        580,
        'when the device is returned the staff member must log in with personal ID so that the device can be Factory Reset',
      ),
    },
    {
      id: 'pupils-contact-parents-via-school-phone',
      kind: 'communication',
      statement: 'A pupil who needs to contact parents or carers during the day may use a school phone.',
      audience: 'pupils',
      value: 'acceptable',
      source: cite(
        STUDENT_DEVICES,
        586,
        'If a student needs to contact his or her parents or carers, they will be allowed to use a school phone.',
      ),
    },
    {
      id: 'parents-not-phone-child',
      kind: 'communication',
      statement: 'Parents contacting their child on the child’s mobile phone during the school day.',
      audience: 'parents',
      value: 'unacceptable',
      except: 'contacting the school office instead',
      source: cite(
        STUDENT_DEVICES,
        586,
        'Parents are advised not to contact their child via their mobile phone during the school day',
      ),
    },
    {
      id: 'pupils-protect-phone-numbers',
      kind: 'conduct',
      statement: 'Pupils giving their phone number to anyone but trusted friends and family.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(
        STUDENT_DEVICES,
        587,
        'Students should protect their phone numbers by only giving them to trusted friends and family members.',
      ),
    },
    {
      id: 'breach-device-confiscated',
      kind: 'device',
      statement: 'Using a device in school in breach of this policy: the device is confiscated.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(
        STUDENT_DEVICES,
        588,
        'Any device brought into school and used in breach of this policy will be confiscated.',
      ),
    },
    {
      id: 'staff-no-personal-phone-contact',
      kind: 'communication',
      statement:
        'Staff using their own mobile phones or devices to contact children, young people or their families in a professional capacity; a school phone is provided for such duties.',
      audience: 'staff',
      value: 'unacceptable',
      except:
        'an emergency with no school-owned device to hand, using their own phone with the number hidden (141)',
      source: cite(
        STAFF_DEVICES,
        592,
        'Staff are not permitted to use their own mobile phones or devices for contacting children, young people or their families',
      ),
    },
    {
      id: 'staff-bluetooth-hidden',
      kind: 'device',
      statement:
        'Staff leaving Bluetooth on their phones or personal devices discoverable: it is hidden or switched off.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(STAFF_DEVICES, 593, "Bluetooth communication should be 'hidden' or switched off"),
    },
    {
      id: 'staff-no-phones-in-teaching',
      kind: 'device',
      statement:
        'Staff using mobile phones or personal devices during teaching periods; otherwise they are off or on silent.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'permission from a member of the senior leadership team in an emergency',
      source: cite(
        STAFF_DEVICES,
        593,
        'will not be used during teaching periods unless permission has been granted by a member of the senior leadership team in emergency circumstances',
      ),
    },
    {
      id: 'staff-no-personal-devices-for-pupil-photos',
      kind: 'device',
      statement:
        'Staff taking photos or videos of pupils on personally-owned devices; work-provided equipment is used.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        STAFF_DEVICES,
        594,
        'Staff should not use personally-owned devices, such as mobile phones or cameras, to take photos or videos of students',
      ),
    },

    /* Digital images and video */
    {
      id: 'images-need-parental-permission',
      kind: 'communication',
      statement:
        'Using digital photographs or video of a child without the parental / carer permission gathered on the agreement form when the child joins.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        IMAGES,
        602,
        'We gain parental / carer permission for use of digital photographs or video involving their child',
      ),
    },
    {
      id: 'no-pupil-identification-online',
      kind: 'communication',
      statement:
        'Identifying pupils in online photographic material, or putting pupils’ full names in the credits of published school videos.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(IMAGES, 603, 'We do not identify pupils in online photographic materials'),
    },
    {
      id: 'individual-permission-high-profile',
      kind: 'communication',
      statement:
        'Using a specific pupil photo (not a group photo) on the website, in the prospectus or in other high-profile publications.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'individual parental or pupil permission for that long-term, high-profile use',
      source: cite(
        IMAGES,
        604,
        'the school will obtain individual parental or pupil permission for its long term, high profile use',
      ),
    },
    {
      id: 'block-social-networking-and-newsgroups',
      kind: 'filtering',
      statement: 'Social networking sites and newsgroups are blocked or filtered.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: ['social-media', 'chat'],
      except: 'a specific approved educational purpose',
      source: cite(
        IMAGES,
        605,
        'The school blocks/filter access to social networking sites or newsgroups unless there is a specific approved educational purpose',
      ),
    },
    {
      id: 'pupils-no-posting-others-images',
      kind: 'communication',
      statement: 'Pupils posting images or videos of others without their permission.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: ['social-media'],
      except: 'with the permission of the people shown',
      source: cite(
        IMAGES,
        608,
        'Pupils are taught that they should not post images or videos of others without their permission.',
      ),
    },

    /* Appendix 1 – Staff Acceptable Use Policy */
    {
      id: 'staff-systems-professional-only',
      kind: 'conduct',
      statement:
        'Staff using the school’s digital technology resources and systems for anything but professional purposes.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(STAFF_AUP, 622, 'digital technology resources and systems for professional purposes'),
    },
    {
      id: 'staff-no-use-of-others-passwords',
      kind: 'conduct',
      statement:
        'Staff using, or trying to discover, someone else’s password; a colleague who reveals theirs is advised to change it.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(STAFF_AUP, 625, 'I will not use anyone else’s password, nor seek to discover it'),
    },
    {
      id: 'staff-no-unauthorised-access',
      kind: 'conduct',
      statement: 'Staff letting unauthorised people access the school’s systems.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(STAFF_AUP, 626, 'I will not allow unauthorised individuals to access any of'),
    },
    {
      id: 'staff-no-befriending-service-users',
      kind: 'communication',
      statement:
        'Staff using personal communication tools, including mobile phones, with service users, or befriending them, even after they have left.',
      audience: 'staff',
      value: 'unacceptable',
      categories: ['social-media', 'messaging'],
      source: cite(
        STAFF_AUP,
        629,
        'I will not communicate or ‘befriend’ any service user using these methods',
      ),
    },
    {
      id: 'staff-approved-email-only',
      kind: 'communication',
      statement: 'Staff using any email system but the approved one for work email.',
      audience: 'staff',
      value: 'unacceptable',
      categories: ['webmail'],
      except: 'the approved school email system',
      source: cite(
        STAFF_AUP,
        630,
        'I will use only the approved email system for all email communication related to work',
      ),
    },
    {
      id: 'staff-no-offensive-material',
      kind: 'conduct',
      statement: 'Staff browsing, downloading or sending material that could offend colleagues or others.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        STAFF_AUP,
        631,
        'I will not browse, download or send material that could be considered offensive to colleagues or others',
      ),
    },
    {
      id: 'staff-report-accidental-access',
      kind: 'conduct',
      statement:
        'Leaving accidental access to, or receipt of, inappropriate material, or a filtering breach, unreported: staff report it to the headteacher.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        STAFF_AUP,
        632,
        'I will report any accidental access to, or receipt of, inappropriate materials or filtering breach to the headteacher',
      ),
    },
    {
      id: 'staff-no-harmful-or-unlicensed-downloads',
      kind: 'conduct',
      statement:
        'Staff downloading software or resources that could compromise the network, breach copyright or are not correctly licensed.',
      audience: 'staff',
      value: 'unacceptable',
      categories: ['piracy', 'malware-hacking'],
      source: cite(
        STAFF_AUP,
        633,
        'I will not download any software or resources that can compromise the network',
      ),
    },
    {
      id: 'staff-no-publishing-copyright-work',
      kind: 'conduct',
      statement: 'Staff publishing or distributing copyright-protected work.',
      audience: 'staff',
      value: 'unacceptable',
      categories: ['piracy'],
      source: cite(STAFF_AUP, 634, 'I will not publish or distribute work that is protected by copyright'),
    },
    {
      id: 'staff-no-devices-without-antivirus',
      kind: 'device',
      statement:
        'Staff connecting a computer, laptop, other device or USB flash drive without up-to-date anti-virus to the network.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        STAFF_AUP,
        635,
        'I will not connect a computer, laptop, notebook or other electronic device (including USB flash drive) to the network that does not have up-to-date anti-virus software',
      ),
    },
    {
      id: 'staff-personal-cameras-need-written-permission',
      kind: 'device',
      statement:
        'Staff taking or transferring images of children, young people, staff or volunteers on personal cameras or camera phones; permitted images are used only for their intended purpose.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'written permission',
      source: cite(
        STAFF_AUP,
        636,
        'I will not use personal digital cameras or camera phones for taking and transferring images of children/young people or staff/volunteers without written permission',
      ),
    },
    {
      id: 'staff-personal-social-media-separate',
      kind: 'communication',
      statement:
        'Staff mixing personal social networking, blogs or accounts with their professional role; privacy settings are kept appropriate.',
      audience: 'staff',
      value: 'unacceptable',
      categories: ['social-media', 'blogs'],
      source: cite(STAFF_AUP, 637, 'are separate from my professional role'),
    },
    {
      id: 'staff-encrypt-data-in-transport',
      kind: 'device',
      statement: 'Carrying confidential data from one place to another unencrypted.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        STAFF_AUP,
        641,
        'Any confidential data that I transport from one location to another will be protected by encryption',
      ),
    },
    {
      id: 'staff-service-user-confidentiality',
      kind: 'communication',
      statement: 'Staff disclosing information they see about service users.',
      audience: 'staff',
      value: 'unacceptable',
      except:
        'where the law requires disclosure to an appropriate authority, e.g. Children’s Social Care and/or the police',
      source: cite(STAFF_AUP, 643, 'will be kept private and confidential'),
    },

    /* Pupil and parent agreements, remote learning */
    {
      id: 'ks1-allowed-devices-only',
      kind: 'device',
      statement: 'KS1 pupils using devices they are not allowed to use.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(
        'Appendix 3 – Key Stage 1: Acceptable Use Agreement',
        825,
        "I only use the devices I'm ALLOWED to",
      ),
    },
    {
      id: 'ks2-keep-passwords-private',
      kind: 'conduct',
      statement: 'KS2 pupils sharing their passwords; a password someone has found out is reset.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(
        'Appendix 4 – KS2 Pupil Online Acceptable Use Agreement',
        847,
        'I keep my passwords to myself and reset them if anyone finds them out',
      ),
    },
    {
      id: 'ks2-age-restrictions-respected',
      kind: 'filtering',
      statement:
        'KS2 pupils using websites or social networks whose age restrictions they do not meet, or sites, games and apps their trusted adults have not agreed to.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: ['social-media'],
      except: 'sites, games and apps their trusted adults have agreed to',
      source: cite(
        'Appendix 4 – KS2 Pupil Online Acceptable Use Agreement',
        852,
        'I know that some websites and social networks have age restrictions and I respect this',
      ),
    },
    {
      id: 'ks2-no-public-live-streams-alone',
      kind: 'communication',
      statement: 'KS2 pupils doing public live streams on their own.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: ['video-broadcasting'],
      except: 'a video chat that a trusted adult knows about, including with whom',
      source: cite(
        'Appendix 4 – KS2 Pupil Online Acceptable Use Agreement',
        857,
        "I don't do public live streams on my own",
      ),
    },
    {
      id: 'school-devices-used-as-in-school',
      kind: 'device',
      statement:
        'Using a school-owned device outside school differently from in school; it may be filtered and monitored there too.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(
        'Appendix 5 – Parents’ Acceptable Use Agreement',
        884,
        'should be used in the same manner as when in school',
      ),
    },
    {
      id: 'pupils-no-offensive-harmful-illegal-material',
      kind: 'filtering',
      statement:
        'Pupils searching for or sharing material that could be offensive, harmful or illegal, e.g. bullying or extremist, hate or discriminatory content.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: ['extremism', 'hate-speech', 'discrimination'],
      source: cite(
        'Appendix 5 – Parents’ Acceptable Use Agreement',
        898,
        'not to search for or share any material that could be considered offensive, harmful or illegal',
      ),
    },
    {
      id: 'pupil-internet-supervised-only',
      kind: 'filtering',
      statement:
        'Pupil internet access only in supervised sessions (teaching sessions, lunchtime and after-school clubs); no unsupervised access.',
      audience: 'pupils',
      value: 'certain-times',
      source: cite(
        'Appendix 6 – Use of photographs and videos: Internet',
        925,
        'It is School Policy not to allow unsupervised access to the Internet.',
      ),
    },
    {
      id: 'staff-pupil-communication-school-systems',
      kind: 'communication',
      statement:
        'Staff communicating digitally with pupils through personal channels (email, text, mobile phones).',
      audience: 'staff',
      value: 'unacceptable',
      except: 'school-based systems, on a professional level',
      source: cite(ROLES, 147, 'only through school based systems, never through personal mechanisms'),
    },
    {
      id: 'home-learning-behaviour',
      kind: 'conduct',
      statement:
        'Pupils behaving in home learning (isolation, quarantine, lockdown) as they would not in school: they behave as if a teacher or parent were watching the screen.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(ROLES, 150, 'behave as if a teacher or parent were watching the screen'),
    },
    {
      id: 'remote-video-calls-not-in-bedroom',
      kind: 'device',
      statement: 'A child joining remote-learning video calls from a bedroom.',
      audience: 'parents',
      value: 'unacceptable',
      except:
        'where unavoidable, with the child fully dressed and not in bed, the camera pointing away from bedding and personal information, and the background blurred or changed',
      source: cite(ROLES, 151, 'avoid video calls in a bedroom if possible'),
    },
    {
      id: 'external-groups-sign-aua',
      kind: 'conduct',
      statement:
        'An external individual or organisation using school equipment or the internet before signing an Acceptable Use Agreement.',
      audience: 'guests',
      value: 'unacceptable',
      source: cite(
        ROLES,
        152,
        'Any external individual / organisation will sign an Acceptable Use Agreement prior to using any equipment or the internet within school.',
      ),
    },
    {
      id: 'leavers-return-devices',
      kind: 'device',
      statement:
        'Staff or volunteers leaving without returning loaned equipment and leaving PINs, IDs and passwords (or logging in on the last day) so devices can be reset.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(ROLES, 147, 'to return any equipment or devices loaned by the school'),
    },
  ],

  /* -------------------------------------------------------------- revisions */

  revisions: [
    {
      date: 'April 2021',
      summary:
        'Reformatted in the current style; policy references and links brought up to date; remote-learning information added, drawn from the LGfL online safety policy template.',
      source: at('Revisions', 79),
    },
  ],

  /* --------------------------------------------------------------- readings */

  readings: [
    {
      where: 'Rationale (line 94): the federation and its schools',
      reading:
        '"The school" means all eight schools of Primary Advantage Federation, but the seed names none of them. trust.schools is therefore left out and the template has one site standing for each member school; a school adopting the template sets its own name and sites and fills the placeholders (NAME OF SCHOOL, <<School name>>).',
    },
    {
      where: 'Key stages',
      reading:
        'The seed supports KS1 (Appendix 3, SafeMail for Key Stage 1) and KS2 (Appendix 4). It never mentions EYFS, nursery or reception, so EYFS is not listed; a member school with an early-years class adds it.',
    },
    {
      where: 'Local authority',
      reading:
        'Hackney: the seed cites the Hackney Learning Trust, the City of London & Hackney Safeguarding Children Partnership and Hackney education purposes.',
    },
    {
      where:
        'Roles table, "Online safety Co-ordinator / ICT co-ordinator Designated Child Protection Lead" (line 137)',
      reading:
        'One Online Safety Co-ordinator role, held by the ICT Co-ordinator or the DSL depending on the school; its kinds are online-safety-lead, dsl and ict-coordinator. "Online Safety Coordinator / Officer" and "IT Co-ordinator" elsewhere refer to it or to the ICT Co-ordinator row. Line 154 shares responsibility for online safety between the Headteacher, the DSLs and the ICT Co-ordinator at each school.',
    },
    {
      where: 'Roles: holders and kinds',
      reading:
        'The seed names no post holder anywhere, so every role has no holders; each member school assigns its own (R001-007). The Headteacher is also SIRO (line 526). Teachers take the teachers kind; the LGfL nominated contact(s) have no canonical kind and are "other"; the Admin/Finance / Data Manager is read as business-manager. The ICT Co-ordinator and Pupils rows continue on lines 141 and 150; their items are included.',
    },
    {
      where: 'Governance bodies (lines 137-138, 232, 465, 974)',
      reading:
        'A federation Central Governing Board plus one Local Advisory Board per school, with a designated online safety governor (LDBS guidance; "online safety Governor/committee"). The Governors role carries the online-safety-governor kind. The "Governing Board" that supports the Headteacher on the website is read as the Central Governing Board. The SLT, which agrees the policy, is recorded as a body.',
    },
    {
      where: 'Review and monitoring (line 230) and policy sign-off (lines 972-977)',
      reading:
        'Full review every three years (36 months) or on any significant change in the technologies in use. Written January 2018, amended April 2021, adopted by the Central Governing Board April 2021, review date April 2024. Month-only dates are read as the 1st of the month. The SLT agreement (line 232) is undated. The Online Safety Coordinator owns the document; no monitoring interval is given.',
    },
    {
      where: 'Revisions table (lines 76-79)',
      reading:
        'The table has one row, April 2021, recorded in revisions with the date as written and the summary in our words. It is the same change as the "Amended/Updated: April 2021" of the sign-off block (line 973).',
    },
    {
      where: 'Prose rules: what value rates',
      reading:
        'Each rule rates the activity its statement names, as a user-actions row would. Where the seed states a duty ("must report", "always log off"), the statement names the breach and rates it unacceptable. "certain-times" marks what the seed allows only under a condition (supervised sessions, a specific lesson, break times, temporary guest access); "nominated-users" marks what only named people or groups may do (web filtering management, website authorisers, MIS modules by role). The times and groups are school-configured.',
    },
    {
      where: 'Prose rules: kinds',
      reading:
        'filtering = web content and internet access; device = devices, log-ins, lock-out, two-factor, remote access, encryption and disposal; communication = email, social media, publishing and disclosure of data and images; conduct = other behaviour.',
    },
    {
      where: 'Internet access and filtering (lines 336, 605): who the social networking blocks cover',
      reading:
        'Applied to pupils. The sentences name no audience and do not exempt staff, but staff use of social media is governed by the Social networking section; a school may apply the block to staff too. "Newsgroups" (line 605) is mapped to the chat category.',
    },
    {
      where: 'NetSweeper categories (line 332)',
      reading:
        '"Such as adult content, race hate, gaming, sites of an illegal nature, etc." is an illustrative list. Adult content = pornography; race hate = hate-speech and discrimination; gaming = gaming; sites of an illegal nature = the illegal categories (child-abuse, terrorism). Music download sites (line 338) are mapped to file-sharing; webcam sites (line 511) to video-broadcasting.',
    },
    {
      where: 'Staff external personal email (line 454)',
      reading:
        '"May be blocked": the rule is rated unacceptable so Haven can block staff webmail, but the seed leaves the block to the school, which may lift it.',
    },
    {
      where: 'Repeated rules',
      reading:
        'Where the seed repeats a rule it is encoded once: executable downloads (lines 334 and 386), pupils handing devices in (lines 561 and 584), PIN known to the network manager (lines 574 and 579), loaned computers for professional use only (lines 388 and 639), remote access (lines 392 and 640), password privacy (lines 409 and 623), CTF by S2S (lines 398 and 536), parents sharing images of others (lines 507 and 894), protect-level data off site (lines 335 and 353).',
    },
    {
      where: 'Staff phones (lines 565, 566, 593, 594, 563, 636)',
      reading:
        "Staff may use phones at break times; otherwise phones are off or silent, not used in teaching periods except with SLT permission in an emergency, and used for school purposes only when the Headteacher directs. Personal devices are not used for photos of pupils: line 594 gives no exception, line 636 allows written permission and line 563 the Headteacher's explicit agreement. Read: only with the Headteacher's explicit, recorded written permission.",
    },
    {
      where: 'E-mail, "See Appendix 1" (line 448)',
      reading: 'Pupils sign the pupil agreements, Appendices 3 / 4; Appendix 1 is the staff AUP.',
    },
    {
      where: 'Staff AUP signing (line 147)',
      reading: 'Signed at induction, then re-acknowledged every year ("understand any updates annually").',
    },
    {
      where: 'Passwords and time-outs (lines 142, 339, 534)',
      reading:
        'No interval is given for "passwords are regularly changed" or for the internet security time-outs; both are school-configured. The 10-minute idle lock-out applies to all staff sessions, Haven included.',
    },
    {
      where: 'Staff email "only ... on the school system" (line 452)',
      reading: 'School email is reached only through school-approved systems and devices.',
    },
    {
      where: 'Filtering and email products (lines 332, 419-420, 425, 433)',
      reading:
        'NetSweeper and WebScreen2 are one provider-side (LGfL) filter; SafeMail and Londonmail are one restricted pupil mail, with SafeMail-style rules for KS1 and allow-lists for external addresses.',
    },
    {
      where: 'Pupil and staff email to external organisations (lines 438, 457)',
      reading:
        'Pupil email to external organisations must be authorised before sending (a moderation queue, R001-122); for staff the seed makes authorisation optional ("may require"), so the staff rule is rated acceptable.',
    },
    {
      where: 'Data protection law (lines 370, 426, 910)',
      reading:
        'The seed cites the Data Protection Act 1998 and the EU data protection directive, both superseded; recorded as stated and read as current UK data protection law.',
    },
    {
      where: 'Recording of plays and events – Parents (line 612)',
      reading:
        'Points to guidance in the appendices that does not exist; its content is unknown and must be configurable.',
    },
    {
      where: 'Appendix 2 wording and sanctions (lines 175, 733, 751)',
      reading:
        '"DSP" is the DSL; "Safeguarding Children Board procedures" are the local safeguarding partnership\'s procedures. The sanction text about "examination coursework" is template wording that does not fit primary schools.',
    },
    {
      where: 'Police reportable (Incident Management, Appendix 2, sexting protocol)',
      reading:
        "Listed: the two incident-management referrals, messages supporting illegal activity, indecent images of children, the five Appendix 2 police triggers, and the five nude-image criteria, which call for immediate referral to police and/or children's social care.",
    },
    {
      where: 'Prohibited uses',
      reading:
        'The seed has no single "users shall not" list; its prohibitions are encoded as prose rules, so prohibitedUses is empty.',
    },
    {
      where: 'Pupil and parent agreements (Appendices 3-6)',
      reading:
        'The agreement statements belong to the agreements model. Only those with a filtering, device or conduct effect (allowed devices, passwords, age restrictions, live streams, school devices at home, offensive material, supervised internet) are encoded as prose rules.',
    },
    {
      where: 'Appendix 6 "no response = consent" (line 940)',
      reading:
        'Deemed consent covers question 1 (school purposes and website) and only the Hackney Learning Trust part of question 2; never press / publicity, educational companies or internet access. It clashes with "we gain parental permission" and with individual permission for high-profile use and is doubtful under UK GDPR; Haven records it as its own status. No response deadline is given.',
    },
    {
      where: 'Appendix 3 KS1 form',
      reading:
        'No signature or date field although parents sign for KS1 pupils; the signing parent / carer and the date are captured anyway. The trusted-adults line has one blank for school and two for home.',
    },
    {
      where: 'Appendix 7 incident form',
      reading:
        '"Was the incident?" is single choice; type, access route and follow-up are multi-select. "via a tablet" / "via a mobile phone" read as school internet on that device.',
    },
    {
      where: 'CCTV (line 515)',
      reading:
        'Recordings are retained by the support provider for 28 days; Haven records the retention and logs disclosures but does not hold footage.',
    },
  ],
};
