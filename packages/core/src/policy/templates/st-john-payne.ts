import type { PolicyDocumentInput } from '../schema.ts';

/**
 * St John Payne School, Essex (seed 004): a secondary school's eSafety Policy. The seed has no
 * tables, so there are no matrices; its rules are prose and are recorded as `proseRules`, each
 * citing the exact clause it rests on. Prose is in our words; titles and names are exact.
 */
const SEED = '004_e74e0a9d0aa1a338.txt';

const src = (section: string, line: number) => ({ seed: SEED, section, line });
/** Provenance for a prose rule: the seed line and the exact clause it rests on. */
const cite = (section: string, line: number, quote: string) => ({ seed: SEED, section, line, quote });

const AUA = 'Acceptable Use Agreement: Staff, Governors and Visitors';
const VIRUSES = 'Computer Viruses';
const SECURITY = 'Data Security – Security';
const MANAGING_EMAIL = 'e-Mail – Managing e-Mail';
const SENDING_EMAIL = 'e-Mail – Sending e-Mails';
const RECEIVING_EMAIL = 'e-Mail – Receiving e-Mails';
const INAPPROPRIATE = 'Misuse and Infringements – Inappropriate Material';
const MANAGING_INTERNET = 'Internet Access – Managing the Internet';
const INTERNET_USE = 'Internet Access – Internet Use';
const SOCIAL = 'Social Media and Social Networking Technologies';
const PASSWORDS = 'Passwords and Password Security – Passwords';
const PASSWORD_SECURITY = 'Passwords and Password Security – Password Security';
const REMOTE = 'Remote Access';
const IMAGES = 'Safe Use of Images – Taking of Images and Film';
const MOBILE = 'Mobile Technologies – Personal Mobile Devices (including phones)';
const MONITORING = 'Monitoring';

const MARSH = 'Mr P. Marsh';
const DE_VRIES = 'Mr C. De Vries';
const COEN = 'Mr T Coen';

export const stJohnPayne: PolicyDocumentInput = {
  schemaVersion: 1,
  id: 'st-john-payne',
  seed: SEED,
  title: 'eSafety Policy',
  preparedBy: 'Mr P. Marsh and Mr C. De Vries',
  scope:
    'All staff, governors, visitors and pupils of St John Payne School using school ICT, fixed and mobile internet technologies included, and the security of the personal data the school holds.',
  school: {
    name: 'St John Payne School',
    phase: 'secondary',
    keyStages: ['ks3', 'ks4'],
    country: 'england',
    localAuthority: 'Essex County Council',
    sites: [{ id: 'main', name: 'St John Payne School' }],
  },

  roles: [
    {
      id: 'siro',
      title: 'Senior Information Risk Owner (SIRO)',
      kinds: ['siro'],
      holders: [{ name: COEN, note: 'Tom Coen; "School SIRO: Mr T Coen" (line 9)' }],
      responsibilities: [
        'Receive immediate reports (as may the eSafety Co-ordinator) of security breaches or attempts, lost equipment, and unauthorised use or suspected misuse of ICT.',
        'Be told of every security breach, lost or stolen equipment or data (remote access SecureID tokens and PINs included), virus notification, unsolicited email, misuse and other policy non-compliance.',
        'Be a contact, with the eSafety coordinator, for concerns or questions about the Acceptable Use Agreement.',
        'Be available at any time, with the AIO, for staff to discuss data security concerns.',
      ],
      source: src('Header', 9),
    },
    {
      id: 'esafety-coordinator',
      title: 'eSafety Coordinator',
      kinds: ['online-safety-lead', 'assistant-headteacher'],
      holders: [{ name: MARSH, note: 'Assistant Headteacher; "Mr P Marsh" in the Acceptable Use Agreement' }],
      responsibilities: [
        'Co-author this policy (with the Network Manager).',
        'Receive immediate reports (as may the SIRO) of security breaches, lost equipment and misuse of ICT.',
        'Be a contact, with the SIRO, for concerns or questions about the Acceptable Use Agreement.',
        'Receive complaints and issues about eSafety (as may the Headteacher).',
        'Receive immediate reports of accidental access to inappropriate material.',
        'Log incidents of deliberate access to inappropriate material.',
        'Receive staff reports of offensive e-mails (or the line manager does).',
        'Give express permission (as may the Headteacher) for staff to record images of pupils on personal equipment.',
        "Agree (as may the Headteacher) educational uses of pupils' personal devices.",
        'Be available at any time for staff to discuss eSafety concerns.',
      ],
      source: src('Header', 7),
    },
    {
      id: 'network-manager',
      title: 'Network Manager',
      kinds: ['network-manager'],
      holders: [{ name: DE_VRIES, note: '"Mr Chris de Vries" in the Acceptable Use Agreement' }],
      responsibilities: [
        'Co-author this policy (with the eSafety Coordinator).',
        'Give permission before hardware is moved or changed.',
        'Give permission before hardware or software is bought or installed.',
        'Receive immediate reports (or the network team does) of compromised passwords or contracted viruses.',
        'Be consulted before anyone opens an attachment from an untrusted source.',
      ],
      source: src('Header', 7),
    },
    {
      id: 'information-asset-owner',
      title: 'Asset Information Owner(s) (AIO)',
      kinds: ['information-asset-owner'],
      holders: [{ name: DE_VRIES, note: 'written "Mr C de Vries" here' }, { name: 'Mr M. Tennant' }],
      responsibilities: [
        "Be accountable for the school's sensitive information assets (the MIS, for example).",
        'Be available at any time, with the SIRO, for staff to discuss data security concerns.',
      ],
      source: src('Data Security – Security', 139),
    },
    {
      id: 'information-asset-guardian',
      title: 'Information Asset Guardian (IAG)',
      kinds: ['information-asset-guardian'],
      responsibilities: [
        'Know what information is held and for what purposes.',
        'Know what information needs protecting (anything linkable to an individual pupil or member of staff, e.g. UPN or teacher DCSF number).',
        'Know how the information will be amended or added to over time.',
        'Know who has access to the data and why.',
        'Know how the information is retained and disposed of.',
        'Manage the risks to the information and make sure its handling meets legal requirements.',
      ],
      source: src('Data Security – Information Asset Guardian', 149),
    },
    {
      id: 'headteacher',
      title: 'Headteacher',
      kinds: ['headteacher'],
      responsibilities: [
        'Decide, with the Governing Body, which uses of school ICT are "reasonable" beyond professional purposes.',
        'Authorise, with the Governing Body, taking personal data out of school or reaching it remotely.',
        'Give permission (as may the parent/carer or staff member) for images to go outside the school network.',
        "Receive, on request (as may the line manager), the logs of a staff member's internet use.",
        'Receive complaints and issues about eSafety (as may the eSafety coordinator).',
        'Investigate (with the LA) deliberate access to inappropriate material.',
        'Decide which internet activities are permissible for staff and pupils, and how this is disseminated.',
        'Give express permission (as may the eSafety Coordinator) for staff to record images of pupils on personal equipment.',
        'Give permission for a member of staff to contact a pupil or parent/carer on a personal device.',
        "Agree (as may the eSafety Coordinator) educational uses of pupils' personal devices.",
        'Be copied in, where appropriate, on staff e-mails to external organisations, parents or pupils.',
      ],
      source: src(INTERNET_USE, 296),
    },
    {
      id: 'governing-body',
      title: 'Governing Body',
      kinds: ['governors'],
      responsibilities: [
        'Decide, with the Head, which uses of school ICT are "reasonable" beyond professional purposes.',
        'Authorise, with the Head, taking personal data out of school or reaching it remotely.',
      ],
      source: src(AUA, 95),
    },
    {
      id: 'ict-authorised-staff',
      title: 'ICT authorised staff',
      kinds: ['technical-staff', 'senior-leadership'],
      responsibilities: [
        'Inspect (authorised ICT staff, SLT included) any school-owned or leased ICT equipment at any time without notice.',
        'Monitor, intercept, access, inspect, record and disclose the electronic communications of employees and contractors, without consent and as far as the law allows, only to: confirm or obtain school business information; check compliance with school policies, standards and procedures; keep School ICT working; support quality control or training; meet a Subject Access Request; prevent or detect crime.',
        "Access an absent person's e-mail or voice-mail without notice to deal with business matters held there.",
        'Carry out all monitoring, surveillance and investigation in line with the Data Protection Act 2018.',
      ],
      source: src(MONITORING, 57),
    },
    {
      id: 'network-team',
      title: 'Network Team',
      kinds: ['technical-staff'],
      responsibilities: [
        'Receive reports of damage found on network equipment.',
        'Receive immediate reports (or the Network Manager does) of compromised passwords or contracted viruses.',
        'Enable the e-mail delegation facility.',
      ],
      source: src(AUA, 103),
    },
    {
      id: 'ict-support-provider',
      title: 'ICT support provider',
      kinds: ['technical-staff'],
      responsibilities: [
        'On a suspected virus, advise the user what to do and tell others who need to know.',
        'Arrange regular virus updates for machines not routinely connected to the school network (the IT team).',
        'Receive reports of possibly compromised passwords (the ICT support team).',
        "Receive a user's password only when necessary (authorised ICT support staff), after which it is changed.",
      ],
      source: src(VIRUSES, 127),
    },
    {
      id: 'line-manager',
      title: 'Line Manager',
      kinds: ['other'],
      responsibilities: [
        "Receive, on request, the logs of a staff member's internet use (as may the Headteacher).",
        'Be copied in, where appropriate, on staff e-mails to external organisations, parents or pupils, and clarify when staff are unsure.',
        'Receive staff reports of offensive e-mails (or the eSafety co-ordinator does).',
      ],
      source: src(AUA, 107),
    },
    {
      id: 'staff',
      title: 'Staff',
      kinds: ['all-staff'],
      responsibilities: [
        'Sign and follow the Staff, Governor and Visitor Acceptable Use Agreement / Code of Conduct (governors and visitors sign it too).',
        'Keep all school data secure, personal, sensitive, confidential and classified data included.',
        'Know their responsibility when accessing school data, and keep passwords secure.',
        'Know their safeguarding responsibilities within eSafety and what to do on misuse of technology.',
        'Build eSafety activities and awareness into their curriculum areas.',
      ],
      source: src(AUA, 93),
    },
    {
      id: 'pupils',
      title: 'Pupils',
      kinds: ['pupils'],
      responsibilities: [
        'Use only school-approved e-mail accounts on the school system, for education only.',
        'Tell a teacher or trusted adult at once about an offensive e-mail.',
        'Keep their passwords secret and not share them, with friends especially.',
        'Report incidents of bullying to the school.',
        'Know where to get help: parent/carer, teacher or trusted staff member, Childline or the CEOP report abuse button.',
      ],
      source: src(MANAGING_EMAIL, 191),
    },
    {
      id: 'parents-carers',
      title: 'Parents/ carers',
      kinds: ['parents'],
      responsibilities: [
        'Read and sign the acceptable use agreements for their child on admission.',
        'Decide whether they consent to images of their child being taken and used in the public domain (e.g. the school website).',
        'Sign a Home School agreement.',
        'Give written consent, for their child, to the taking of images.',
        "As bill payer, give prior permission for a child's device to be used for agreed educational purposes.",
      ],
      source: src('Parental Involvement', 314),
    },
  ],

  committees: [],

  review: {
    approvals: [
      { body: 'SCF Information Governance (date of issue)', on: '2024-06-01', asWritten: 'June 24' },
    ],
    intervalMonths: 12,
    intervalAsWritten: 'every 12 months',
    nextReviewAsWritten: 'June 25',
    nextReview: '2025-06-01',
    monitoredBy: null,
    monitoringInterval: null,
    governorsReport: null,
    triggers: [
      'New technologies are adopted.',
      'Central Government changes its orders or guidance in any way.',
    ],
    source: src('Writing and Reviewing this Policy – Review Procedure', 384),
  },

  linkedPolicies: [
    {
      title: 'Staff, Governor and Visitor - Acceptable Use Agreement / Code of Conduct',
      source: src(AUA, 87),
    },
    { title: 'Policy for ICT Acceptable Use', source: src(SECURITY, 138) },
    { title: 'School Disciplinary Procedure', source: src('Breaches', 77) },
    { title: 'Essex County Council Disciplinary Procedure', source: src('Breaches', 77) },
    { title: 'e-Safety and Data Security policies', source: src(AUA, 110) },
    { title: 'acceptable use agreements', source: src('Parental Involvement', 314) },
    { title: 'Home School agreement', source: src('Parental Involvement', 316) },
  ],

  externalAgencies: [
    {
      name: 'Police',
      when: 'Very serious offences involving deliberate access to inappropriate material.',
      source: src(INAPPROPRIATE, 277),
    },
    {
      name: 'Local Authority (LA)',
      when: 'Investigation, with the Headteacher, of deliberate access to inappropriate material.',
      source: src(INAPPROPRIATE, 277),
    },
    {
      name: 'Essex County Council',
      when: 'Its Disciplinary Procedure applies to policy breaches where appropriate.',
      source: src('Breaches', 77),
    },
    {
      name: 'Childline',
      when: 'Where pupils can seek help with problems online.',
      source: src('eSafety – eSafety in the Curriculum', 251),
    },
    {
      name: 'CEOP',
      when: 'Its report abuse button is one place pupils can seek help.',
      source: src('eSafety – eSafety in the Curriculum', 251),
    },
  ],

  impactMonitoring: [
    {
      method: 'The eSafety co-ordinator logs incidents of deliberate access to inappropriate material.',
      source: src(INAPPROPRIATE, 277),
    },
    {
      method: 'ICT authorised staff monitor electronic communications for the six stated purposes.',
      source: src(MONITORING, 57),
    },
    {
      method: 'All mail is logged so that e-mail histories can be traced.',
      source: src(MANAGING_EMAIL, 186),
    },
    {
      method: 'Staff use of the internet and related technologies can be monitored and logged.',
      source: src(AUA, 107),
    },
    {
      method: 'Staff can raise eSafety concerns with the eSafety coordinator at any time.',
      source: src('Writing and Reviewing this Policy – Review Procedure', 380),
    },
    {
      method: 'Staff can raise data security concerns with the SIRO/AIO at any time.',
      source: src('Writing and Reviewing this Policy – Review Procedure', 382),
    },
    {
      method:
        'A review every 12 months that considers the implications for future whole-school development planning.',
      source: src('Writing and Reviewing this Policy – Review Procedure', 384),
    },
  ],

  matrices: {},

  policeReportable: [
    {
      text: 'Very serious offences arising from deliberate access to inappropriate material.',
      source: src(INAPPROPRIATE, 277),
    },
  ],

  prohibitedUses: [],

  sanctionsStated: [
    {
      text: 'A breach or suspected breach of policy by an employee, contractor or pupil may lead to School ICT hardware, software or services being withdrawn from them, for a time or for good.',
      audience: 'all-users',
      source: src('Breaches', 75),
    },
    {
      text: 'Any policy breach is grounds for disciplinary action under the School Disciplinary Procedure or, where appropriate, the Essex County Council Disciplinary Procedure.',
      audience: 'staff',
      source: src('Breaches', 77),
    },
    {
      text: 'Policy breaches may also lead to criminal or civil proceedings.',
      audience: 'all-users',
      source: src('Breaches', 79),
    },
    {
      text: 'Deliberate access to inappropriate material is logged by the eSafety co-ordinator and, by seriousness, may lead to investigation by the Headteacher/LA, immediate suspension, possibly dismissal, and police involvement for very serious offences.',
      audience: 'all-users',
      source: src(INAPPROPRIATE, 277),
    },
  ],

  proseRules: [
    /* ------------------------------------------- monitoring (nominated staff only) */
    {
      id: 'inspect-ict-equipment',
      kind: 'conduct',
      statement:
        'Inspecting any ICT equipment the school owns or leases, at any time and without notice: only authorised ICT staff, SLT included.',
      audience: 'staff',
      value: 'nominated-users',
      source: cite(
        MONITORING,
        55,
        'Authorised ICT staff, including SLT, may inspect any ICT equipment owned or leased by the School at any time without prior notice.',
      ),
    },
    {
      id: 'monitor-communications',
      kind: 'communication',
      statement:
        'Monitoring, intercepting, accessing, inspecting, recording and disclosing the electronic communications of employees and contractors, without consent and as far as the law allows, for the six stated purposes: only ICT authorised staff.',
      audience: 'staff',
      value: 'nominated-users',
      source: cite(
        MONITORING,
        57,
        'ICT authorised staff may monitor, intercept, access, inspect, record and disclose telephone calls, e-mails, instant messaging, internet/intranet use and any other electronic communications (data, voice or image) involving its employees or contractors, without consent, to the extent permitted by law.',
      ),
    },
    {
      id: 'absent-mailbox-access',
      kind: 'communication',
      statement:
        "Accessing an absent person's e-mail or voice-mail, without notice, to deal with business matters held there: only ICT authorised staff.",
      audience: 'staff',
      value: 'nominated-users',
      source: cite(
        MONITORING,
        67,
        'ICT authorised staff may, without prior notice, access the e-mail or voice-mail account where applicable, of someone who is absent in order to deal with any business-related issues retained on that account.',
      ),
    },

    /* ----------------------------- Acceptable Use Agreement: all 17 clauses (staff) */
    {
      id: 'aua-professional-use',
      kind: 'conduct',
      statement:
        "Using the school's e-mail, internet, intranet, learning platform and related technologies for professional purposes, or for uses the Head or Governing Body deem reasonable (and for nothing else).",
      audience: 'staff',
      value: 'acceptable',
      source: cite(
        AUA,
        95,
        "I will only use the school's email / Internet / Intranet / Learning Platform and any related technologies for professional purposes or for uses deemed 'reasonable' by the Head or Governing Body.",
      ),
    },
    {
      id: 'aua-system-security-passwords',
      kind: 'conduct',
      statement:
        'Breaching ICT system security, or disclosing passwords given by the school or related authorities.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        AUA,
        96,
        'I will comply with the ICT system security and not disclose any passwords provided to me by the school or other related authorities',
      ),
    },
    {
      id: 'aua-professional-communications',
      kind: 'communication',
      statement: 'Electronic communication with pupils or staff that does not fit the professional role.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        AUA,
        97,
        'I will ensure that all electronic communications with pupils and staff are compatible with my professional role.',
      ),
    },
    {
      id: 'aua-personal-details-to-pupils',
      kind: 'communication',
      statement:
        'Giving pupils personal details such as a mobile phone number, personal e-mail address or social networking identities.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        AUA,
        98,
        'I will not give out my own personal details, such as mobile phone number, personal e-mail address and social networking identities to pupils.',
      ),
    },
    {
      id: 'aua-approved-email',
      kind: 'communication',
      statement: 'Using any e-mail system other than the approved, secure one(s) for school business.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'the approved, secure school e-mail system(s)',
      source: cite(AUA, 99, 'I will only use the approved, secure e-mail system(s) for any school business.'),
    },
    {
      id: 'aua-personal-data',
      kind: 'conduct',
      statement:
        "Taking personal data (e.g. MIS data such as SIMS) out of school or reaching it remotely without the Head's or Governing Body's authorisation; personal data must be kept secure and used appropriately wherever it is, and personal or sensitive data taken off site must be encrypted.",
      audience: 'staff',
      value: 'unacceptable',
      except: 'where the Head or Governing Body authorises it, with personal or sensitive data encrypted',
      source: cite(
        AUA,
        100,
        'Personal data can only be taken out of school or accessed remotely when authorised by the Head or Governing Body.',
      ),
    },
    {
      id: 'aua-moving-hardware',
      kind: 'device',
      statement:
        "Moving hardware to another location, or changing any hardware, without the Network Manager's permission.",
      audience: 'staff',
      value: 'unacceptable',
      except: 'with permission from the Network Manager (Mr Chris de Vries)',
      source: cite(
        AUA,
        101,
        'I will not physically move to another location or make changes to any hardware without permission from Mr Chris de Vries.',
      ),
    },
    {
      id: 'aua-purchase-install',
      kind: 'device',
      statement: "Buying or installing hardware or software without the Network Manager's permission.",
      audience: 'staff',
      value: 'unacceptable',
      except: 'with permission from the Network Manager (Mr Chris de Vries)',
      source: cite(
        AUA,
        102,
        'I will not purchase / install any hardware or software without permission from Mr Chris de Vries.',
      ),
    },
    {
      id: 'aua-report-damage',
      kind: 'conduct',
      statement:
        'Not telling the Network Team, at the earliest opportunity, about damage found on network equipment.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        AUA,
        103,
        'I will notify the Network Team at the nearest opportunity of any damage to any network equipment that I discover.',
      ),
    },
    {
      id: 'aua-report-compromise-or-virus',
      kind: 'conduct',
      statement:
        'Not telling the network team or the Network Manager at once when a login (password) may be compromised or a computer virus caught.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        AUA,
        104,
        'I will immediately notify the network team or Mr Chris de Vries if I feel that my secure login (password) has been compromised or if I believe I have contracted a computer virus.',
      ),
    },
    {
      id: 'aua-offensive-illegal-discriminatory-material',
      kind: 'filtering',
      statement:
        'Browsing, downloading, uploading or distributing material that could be considered offensive, illegal or discriminatory.',
      audience: 'staff',
      value: 'unacceptable',
      categories: ['child-abuse', 'terrorism', 'pornography', 'discrimination', 'hate-speech', 'extremism'],
      source: cite(
        AUA,
        105,
        'I will not browse, download, upload or distribute any material that could be considered offensive, illegal or discriminatory.',
      ),
    },
    {
      id: 'aua-images',
      kind: 'conduct',
      statement:
        'Taking, storing or using images of pupils or staff other than for professional purposes in line with school policy and with the written consent of the parent, carer or staff member; or sending them outside the school network without the permission of the parent/carer, staff member or Headteacher.',
      audience: 'staff',
      value: 'unacceptable',
      except:
        'professional use in line with school policy with written consent; distribution outside the network with permission',
      source: cite(
        AUA,
        106,
        'Images of pupils and/ or staff will only be taken, stored and used for professional purposes inline with school policy and with written consent of the parent, carer or staff member.',
      ),
    },
    {
      id: 'aua-use-monitored',
      kind: 'conduct',
      statement:
        'Staff use of the internet and related technologies may be monitored and logged, and the logs given on request to the line manager or Headteacher.',
      audience: 'staff',
      value: 'acceptable',
      source: cite(
        AUA,
        107,
        'I understand that all my use of the Internet and other related technologies can be monitored and logged and can be made available, on request, to my Line Manager or Headteacher.',
      ),
    },
    {
      id: 'aua-copyright',
      kind: 'conduct',
      statement: 'Breaching copyright or intellectual property rights.',
      audience: 'staff',
      value: 'unacceptable',
      categories: ['piracy'],
      source: cite(AUA, 108, 'I will respect copyright and intellectual property rights.'),
    },
    {
      id: 'aua-professional-reputation',
      kind: 'conduct',
      statement:
        "Online activity, in or out of school, that brings the staff member's professional role into disrepute.",
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        AUA,
        109,
        'I will ensure that my online activity, both in school and outside school, will not bring my professional role into disrepute.',
      ),
    },
    {
      id: 'aua-support-policies',
      kind: 'conduct',
      statement:
        "Not supporting and promoting the school's e-Safety and Data Security policies, or not helping pupils to use ICT safely and responsibly.",
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        AUA,
        110,
        "I will support and promote the school's e-Safety and Data Security policies and help pupils to be safe and responsible in their use of ICT and related technologies.",
      ),
    },
    {
      id: 'aua-contract-of-employment',
      kind: 'conduct',
      statement:
        "Breaching this agreement, which is part of the terms and conditions of the staff member's contract of employment.",
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        AUA,
        111,
        'I understand this forms part of the terms and conditions set out in my contract of employment.',
      ),
    },

    /* ------------------------------------------------------------------ viruses */
    {
      id: 'virus-check-files',
      kind: 'device',
      statement:
        "Using files downloaded from the internet, received by e-mail or on removable media before checking them with the school's anti-virus software.",
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        VIRUSES,
        124,
        'All files downloaded from the Internet, received via e-mail or on removable media must be checked for any viruses using school provided anti-virus software before using them',
      ),
    },
    {
      id: 'antivirus-interference',
      kind: 'device',
      statement: 'Interfering with anti-virus software installed on school ICT equipment.',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        VIRUSES,
        125,
        'Never interfere with any anti-virus software installed on school ICT equipment that you use',
      ),
    },
    {
      id: 'virus-updates-offline-machines',
      kind: 'device',
      statement:
        'Leaving a machine that is not routinely connected to the school network without regular virus updates arranged through the IT team.',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        VIRUSES,
        126,
        'If your machine is not routinely connected to the school network, you must make provision for regular virus updates through your IT team',
      ),
    },
    {
      id: 'suspected-virus',
      kind: 'device',
      statement:
        'Carrying on using school ICT equipment suspected of a virus, instead of stopping and contacting the ICT support provider at once.',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        VIRUSES,
        127,
        'If you suspect there may be a virus on any school ICT equipment, stop using the equipment and contact your ICT support provider immediately.',
      ),
    },

    /* ------------------------------------------------------------ data security */
    {
      id: 'equipment-in-vehicles',
      kind: 'device',
      statement:
        'Leaving portable or mobile ICT equipment or removable storage media in unattended vehicles.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'where it cannot be avoided, locked out of sight',
      source: cite(
        SECURITY,
        141,
        'Staff should avoid leaving any portable or mobile ICT equipment or removable storage media in unattended vehicles.',
      ),
    },
    {
      id: 'equipment-when-travelling',
      kind: 'device',
      statement:
        "Travelling with portable or mobile ICT equipment or removable media other than as hand luggage kept under one's own control.",
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        SECURITY,
        142,
        'When travelling staff should always carry portable and mobile ICT equipment or removable media as hand luggage, and keep it under your control at all times',
      ),
    },
    {
      id: 'secure-printed-and-sent-documents',
      kind: 'conduct',
      statement:
        'Leaving personal, sensitive, confidential or classified information in faxed, copied, scanned, e-mailed or printed documents unsecured.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        SECURITY,
        143,
        'It is the responsibility of individual staff to ensure the security of any personal, sensitive, confidential and classified information contained in documents faxed, copied, scanned, emailed or printed.',
      ),
    },

    /* ------------------------------------------------------------------- e-mail */
    {
      id: 'staff-school-email-account',
      kind: 'communication',
      statement:
        "Using one's own school e-mail account for all school business; school e-mail belongs to the school, is logged and is not private.",
      audience: 'staff',
      value: 'acceptable',
      source: cite(
        MANAGING_EMAIL,
        186,
        'The school email account should be the account that is used for all school business.',
      ),
    },
    {
      id: 'staff-personal-email',
      kind: 'communication',
      statement:
        'Staff contacting pupils or parents, or doing any school business, from personal e-mail addresses.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        MANAGING_EMAIL,
        188,
        'Under no circumstances should staff contact pupils, parents or conduct any school business using personal e-mail addresses.',
      ),
    },
    {
      id: 'email-check-before-sending',
      kind: 'communication',
      statement:
        'Sending e-mails without writing and checking them as carefully as a letter on school headed paper.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        MANAGING_EMAIL,
        189,
        'All e-mails should be written and checked carefully before sending, in the same way as a letter written on school headed paper.',
      ),
    },
    {
      id: 'email-copy-headteacher',
      kind: 'communication',
      statement:
        'E-mailing external organisations, parents or pupils without copying in the Headteacher, line manager or designated account where that is appropriate (ask the line manager if unsure).',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        MANAGING_EMAIL,
        190,
        'Staff sending e-mails to external organisations, parents or pupils are to cc. the Headteacher, line manager or designated account if appropriate.',
      ),
    },
    {
      id: 'pupil-approved-email-accounts',
      kind: 'communication',
      statement:
        'Pupils using e-mail accounts other than school-approved ones on the school system, or using e-mail other than for education.',
      audience: 'pupils',
      value: 'unacceptable',
      categories: ['webmail'],
      except: 'school-approved accounts, used for educational purposes',
      source: cite(
        MANAGING_EMAIL,
        191,
        'Pupils may only use school approved accounts on the school system and only for educational purposes.',
      ),
    },
    {
      id: 'email-housekeeping',
      kind: 'communication',
      statement:
        "Not managing one's e-mail account actively (deleting short-term e-mails, filing into folders, regular housekeeping), given that school e-mail can be disclosed under the Freedom of Information Act 2000.",
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        MANAGING_EMAIL,
        192,
        'Users should therefore actively manage their e-mail account as follows:',
      ),
    },
    {
      id: 'pupil-email-personal-details',
      kind: 'communication',
      statement:
        'Pupils revealing personal details about themselves or others by e-mail, or arranging to meet anyone.',
      audience: 'pupils',
      value: 'unacceptable',
      except: 'with specific permission',
      source: cite(
        MANAGING_EMAIL,
        195,
        'All pupil e-mail users must not reveal any personal details about themselves or others in e-mail communication, or arrange to meet anyone without specific permission.',
      ),
    },
    {
      id: 'pupil-report-offensive-email',
      kind: 'communication',
      statement:
        'Pupils not telling a teacher or trusted adult at once about an offensive e-mail they receive.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(
        MANAGING_EMAIL,
        196,
        'Pupils must immediately tell a teacher/ trusted adult if they receive an offensive e-mail.',
      ),
    },
    {
      id: 'staff-report-offensive-email',
      kind: 'communication',
      statement:
        'Staff not telling the eSafety co-ordinator or line manager about an offensive e-mail they receive.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        MANAGING_EMAIL,
        197,
        'Staff must inform (the eSafety co-ordinator/ line manager) if they receive an offensive e-mail.',
      ),
    },
    {
      id: 'email-policies-any-access',
      kind: 'communication',
      statement:
        'Reaching school e-mail directly, by webmail away from school or on non-school hardware, with every school e-mail policy still applying.',
      audience: 'staff',
      value: 'acceptable',
      source: cite(
        MANAGING_EMAIL,
        200,
        'However you access your school e-mail (whether directly, through webmail when away from the office/classroom or on non-school hardware) all the school e-mail policies apply.',
      ),
    },
    {
      id: 'email-sensitive-data',
      kind: 'communication',
      statement:
        'E-mailing personal, confidential, classified or financially sensitive data without verifying the recipient and address, keeping recipients to the minimum, keeping the information out of the subject line and asking for confirmation of safe receipt.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        SENDING_EMAIL,
        204,
        'If sending e-mails containing personal, confidential, classified or financially sensitive data, please adhere to the points below:',
      ),
    },
    {
      id: 'email-minimum-recipients',
      kind: 'communication',
      statement: 'Sending or copying e-mails to more recipients than necessary and appropriate.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        SENDING_EMAIL,
        209,
        'Keep the number and relevance of e-mail recipients, particularly those being copied, to the minimum necessary and appropriate.',
      ),
    },
    {
      id: 'email-unnecessary-attachments',
      kind: 'communication',
      statement: 'Sending or forwarding attachments needlessly where a shared-drive path would do.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(SENDING_EMAIL, 210, 'Do not send or forward attachments unnecessarily.'),
    },
    {
      id: 'email-size-limit',
      kind: 'communication',
      statement:
        'Sending an e-mail over ten megabytes, attachments included (it is likely to be stopped automatically).',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        SENDING_EMAIL,
        211,
        'An outgoing e-mail greater than ten megabytes (including any attachments) is likely to be stopped automatically.',
      ),
    },
    {
      id: 'email-personal-advertising',
      kind: 'communication',
      statement: 'Using school e-mail for personal advertising.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(SENDING_EMAIL, 212, 'School e-mail is not to be used for personal advertising'),
    },
    {
      id: 'email-courtesy',
      kind: 'communication',
      statement:
        'Sending e-mails that are not courteous and polite or ignore the seven guidelines (greeting and closing; right formality and spelling of names; tone; no repeated !!! or ???; sentence case; acknowledging e-mails in good time; brevity).',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        SENDING_EMAIL,
        213,
        'All emails sent should be courteous and polite and adhere to the guidance below:',
      ),
    },
    {
      id: 'email-check-daily',
      kind: 'communication',
      statement: 'Staff not checking their e-mail at least once a day.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        RECEIVING_EMAIL,
        224,
        'It is therefore expected that staff will check their email regularly (at least once per day as a minimum).',
      ),
    },
    {
      id: 'email-out-of-office',
      kind: 'communication',
      statement: 'Being away for an extended period without an out-of-office notification.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        RECEIVING_EMAIL,
        225,
        "Activate your 'out-of-office' notification when away for extended periods",
      ),
    },
    {
      id: 'email-delegation',
      kind: 'communication',
      statement:
        "Using the e-mail delegation facility so that someone else handles one's e-mail while away (the Network Team enables it).",
      audience: 'staff',
      value: 'acceptable',
      source: cite(
        RECEIVING_EMAIL,
        226,
        "Use the 'Delegation' facility within your e-mail software so that your e-mail can be handled by someone else while you are not at work",
      ),
    },
    {
      id: 'email-untrusted-attachments',
      kind: 'communication',
      statement: 'Opening attachments from an untrusted source.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'after consulting the network manager',
      source: cite(
        RECEIVING_EMAIL,
        227,
        'Never open attachments from an untrusted source; Consult your network manager first.',
      ),
    },
    {
      id: 'email-attachment-storage',
      kind: 'communication',
      statement:
        'Using e-mail to store attachments instead of saving work to the right shared drive or folder.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(RECEIVING_EMAIL, 228, 'Do not use the e-mail systems to store attachments.'),
    },

    /* ---------------------------------------------------- inappropriate material */
    {
      id: 'report-accidental-access',
      kind: 'conduct',
      statement:
        'Not reporting accidental access to inappropriate material to the eSafety co-ordinator straight away.',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(INAPPROPRIATE, 276, 'The breach must be immediately reported to the eSafety co-ordinator'),
    },
    {
      id: 'deliberate-access-inappropriate-material',
      kind: 'conduct',
      statement:
        'Deliberately accessing inappropriate material: logged by the eSafety co-ordinator and, by seriousness, investigated by the Headteacher/LA, with immediate suspension, possible dismissal and police involvement for very serious offences.',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        INAPPROPRIATE,
        277,
        'Deliberate access to inappropriate materials by any user will lead to the incident being logged by the eSafety co-ordinator',
      ),
    },

    /* ---------------------------------------------------------------- internet */
    {
      id: 'preview-recommended-sites',
      kind: 'conduct',
      statement: 'Using recommended sites or video clips without previewing them first.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        MANAGING_INTERNET,
        285,
        'Staff will preview any recommended sites, including video clips, before use',
      ),
    },
    {
      id: 'raw-image-searches',
      kind: 'filtering',
      statement: 'Raw (unfiltered) image searches when working with pupils.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(MANAGING_INTERNET, 286, 'Raw image searches are discouraged when working with pupils'),
    },
    {
      id: 'homework-checked-sites',
      kind: 'conduct',
      statement:
        'Setting internet research for homework without suggesting specific sites the teacher has already checked (parents are advised to recheck them and supervise).',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        MANAGING_INTERNET,
        287,
        'If Internet research is set for homework, specific sites will be suggested that have previously been checked by the teacher.',
      ),
    },
    {
      id: 'software-copyright',
      kind: 'conduct',
      statement: 'Copying or distributing school software, or illegal software from other sources.',
      audience: 'all-users',
      value: 'illegal',
      categories: ['piracy'],
      source: cite(
        MANAGING_INTERNET,
        288,
        'It is illegal to copy or distribute school software or illegal software from other sources',
      ),
    },
    {
      id: 'materials-copyright',
      kind: 'conduct',
      statement: 'Breaching the copyright of materials from electronic resources.',
      audience: 'all-users',
      value: 'unacceptable',
      categories: ['piracy'],
      source: cite(
        MANAGING_INTERNET,
        289,
        'All users must observe copyright of materials from electronic resources',
      ),
    },
    {
      id: 'posting-confidential-information',
      kind: 'conduct',
      statement:
        'Posting personal, sensitive, confidential or classified information, or spreading it in any way that could compromise its restricted audience.',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        INTERNET_USE,
        293,
        'You must not post personal, sensitive, confidential or classified information or disseminate such information in any way that may compromise its intended restricted audience',
      ),
    },
    {
      id: 'revealing-names-on-social-networks',
      kind: 'conduct',
      statement:
        'Revealing names of colleagues, customers or clients, or other confidential information learnt at work, on a social networking site or blog.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        INTERNET_USE,
        294,
        "Don't reveal names of colleagues, customers or clients or any other confidential information acquired through your job on any social networking site or blog",
      ),
    },

    /* ------------------------------------------------- social media (pupils) */
    {
      id: 'pupils-images-on-social-sites',
      kind: 'conduct',
      statement:
        'Pupils posting images of themselves, or images with revealing background details, on social networking sites.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(
        SOCIAL,
        304,
        'Pupils are taught to avoid placing images of themselves (or details within images that could give background details) on such sites',
      ),
    },
    {
      id: 'pupils-personal-details-on-social-sites',
      kind: 'conduct',
      statement:
        'Pupils giving out personal details on social networking sites that could identify or locate them (full name, address, phone numbers, school, IM/e-mail address, specific hobbies or interests).',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(
        SOCIAL,
        305,
        'Pupils are always reminded to avoid giving out personal details on such sites which may identify them or where they are',
      ),
    },
    {
      id: 'pupils-profile-privacy',
      kind: 'conduct',
      statement: 'Pupils leaving social networking profiles below maximum privacy or open to unknown people.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(
        SOCIAL,
        306,
        'Our pupils are advised to set and maintain profiles on such sites to maximum privacy and deny access to unknown individuals',
      ),
    },

    /* ---------------------------------------------------------------- passwords */
    {
      id: 'own-passwords-only',
      kind: 'conduct',
      statement: "Using anyone's password but one's own to access computer-based services.",
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        PASSWORDS,
        323,
        'Always use your own personal passwords to access computer based services',
      ),
    },
    {
      id: 'change-temporary-passwords',
      kind: 'conduct',
      statement: 'Staff keeping a temporary password beyond their first logon.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(PASSWORDS, 324, 'Staff should change temporary passwords at first logon'),
    },
    {
      id: 'change-compromised-passwords',
      kind: 'conduct',
      statement:
        'Keeping a password after any sign that the system or password may be compromised (report a suspected compromise to the ICT support team).',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        PASSWORDS,
        325,
        'Change passwords whenever there is any indication of possible system or password compromise',
      ),
    },
    {
      id: 'recording-passwords',
      kind: 'conduct',
      statement: 'Writing passwords or encryption keys on paper or keeping them in an unprotected file.',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        PASSWORDS,
        326,
        'Do not record passwords or encryption keys on paper or in an unprotected file',
      ),
    },
    {
      id: 'disclosing-passwords',
      kind: 'conduct',
      statement: "Disclosing one's personal password to anyone.",
      audience: 'all-users',
      value: 'unacceptable',
      except:
        'to authorised ICT support staff when necessary, with the password changed once the need is over',
      source: cite(
        PASSWORDS,
        327,
        'Only disclose your personal password to authorised ICT support staff when necessary, and never to anyone else.',
      ),
    },
    {
      id: 'staff-secure-passwords',
      kind: 'conduct',
      statement: 'Staff using insecure passwords or sharing them with anyone.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        PASSWORD_SECURITY,
        333,
        'Staff are expected to have secure passwords which are not shared with anyone.',
      ),
    },
    {
      id: 'pupil-password-sharing',
      kind: 'conduct',
      statement: 'Pupils sharing their passwords with others, friends especially.',
      audience: 'pupils',
      value: 'unacceptable',
      source: cite(
        PASSWORD_SECURITY,
        333,
        'The pupils are expected to keep their passwords secret and not to share with others, particularly their friends.',
      ),
    },

    /* ------------------------------------------------------------ remote access */
    {
      id: 'remote-access-accountability',
      kind: 'device',
      statement: "Using one's remote access facility, being answerable for all activity through it.",
      audience: 'staff',
      value: 'acceptable',
      source: cite(REMOTE, 337, 'You are responsible for all activity via your remote access facility'),
    },
    {
      id: 'remote-access-secure-equipment',
      kind: 'device',
      statement: 'Using equipment without an appropriate level of security for remote access.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(REMOTE, 338, 'Only use equipment with an appropriate level of security for remote access'),
    },
    {
      id: 'remote-access-credentials',
      kind: 'device',
      statement:
        'Disclosing remote (dial-up) access details such as telephone numbers, logon IDs and PINs to anyone.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        REMOTE,
        339,
        'keep all dial-up access information such as telephone numbers, logon IDs and PINs confidential and do not disclose them to anyone',
      ),
    },
    {
      id: 'remote-access-protect-data',
      kind: 'device',
      statement:
        'Leaving School information and data unprotected during remote access, printed material included, with extra care outside School.',
      audience: 'staff',
      value: 'unacceptable',
      source: cite(
        REMOTE,
        340,
        'Protect School information and data at all times, including any printed material produced while using the remote access facility.',
      ),
    },

    /* ------------------------------------------------------------------- images */
    {
      id: 'images-school-devices-staff',
      kind: 'device',
      statement:
        'Staff taking appropriate images on a school-owned device, with written consent from parents (for pupils) and staff.',
      audience: 'staff',
      value: 'acceptable',
      source: cite(
        IMAGES,
        346,
        'the school permits the appropriate taking of images by staff and pupils provided the image is captured using a device which is property of the school.',
      ),
    },
    {
      id: 'images-school-devices-pupils',
      kind: 'device',
      statement:
        'Pupils taking appropriate images on a school-owned device, with written consent from parents (for pupils) and staff.',
      audience: 'pupils',
      value: 'acceptable',
      source: cite(
        IMAGES,
        346,
        'the school permits the appropriate taking of images by staff and pupils provided the image is captured using a device which is property of the school.',
      ),
    },
    {
      id: 'images-personal-equipment',
      kind: 'device',
      statement: 'Staff recording images of pupils on personal equipment such as mobile phones and cameras.',
      audience: 'staff',
      value: 'unacceptable',
      except:
        'with the express permission of the Headteacher or eSafety Coordinator, the images moved at once and only to the school network and deleted from the device',
      source: cite(
        IMAGES,
        347,
        'Staff can only use personal digital equipment, such as mobile phones and cameras, to record images of pupils with the express permission of the Headteacher or eSafety Coordinator.',
      ),
    },

    /* ---------------------------------------------------------- mobile devices */
    {
      id: 'staff-personal-devices',
      kind: 'device',
      statement: 'Staff bringing personal mobile phones and devices into school for their own use.',
      audience: 'staff',
      value: 'acceptable',
      source: cite(
        MOBILE,
        353,
        'The school allows staff to bring in personal mobile phones and devices for their own use.',
      ),
    },
    {
      id: 'staff-contact-on-personal-device',
      kind: 'communication',
      statement: 'Staff contacting a pupil or parent/carer on their personal device.',
      audience: 'staff',
      value: 'unacceptable',
      except: 'with permission from the Headteacher',
      source: cite(
        MOBILE,
        353,
        'Under no circumstances does the school allow a member of staff to contact a pupil or parent/ carer using their personal device without permission from the Headteacher',
      ),
    },
    {
      id: 'pupil-devices-personal-use',
      kind: 'device',
      statement:
        'Pupils using personal mobile devices or phones for personal purposes in school (they may bring them, switched to silent at all times).',
      audience: 'pupils',
      value: 'unacceptable',
      except: 'educational use agreed with the Headteacher or eSafety Coordinator',
      source: cite(
        MOBILE,
        354,
        'Pupils are allowed to bring personal mobile devices/phones to school but must not use them for personal purposes.',
      ),
    },
    {
      id: 'pupil-devices-educational-use',
      kind: 'device',
      statement:
        "Pupils using personal devices for educational purposes agreed with the Headteacher or eSafety Coordinator, with the bill payer's prior permission.",
      audience: 'pupils',
      value: 'nominated-users',
      source: cite(
        MOBILE,
        355,
        'This technology may be used, however for educational purposes, as mutually agreed with the Headteacher or eSafety Coordinator.',
      ),
    },
    {
      id: 'personal-devices-at-owners-risk',
      kind: 'device',
      statement:
        "Bringing personal mobile devices at the owner's risk: the school is not responsible for loss, damage or theft.",
      audience: 'all-users',
      value: 'acceptable',
      source: cite(
        MOBILE,
        356,
        'The school is not responsible for the loss, damage or theft of any personal mobile device',
      ),
    },
    {
      id: 'personal-devices-content',
      kind: 'device',
      statement: 'Bringing a personal device into school with inappropriate or illegal content on it.',
      audience: 'all-users',
      value: 'unacceptable',
      source: cite(
        MOBILE,
        357,
        'Users bringing personal devices into school must ensure there is no inappropriate or illegal content on the device',
      ),
    },
  ],

  readings: [
    {
      where: 'Author line (line 7)',
      reading:
        '"Mr P. Marsh and Mr C. De Vries (Assistant Headteacher and eSafety Coordinator and Network Manager)": Marsh is the Assistant Headteacher and eSafety Coordinator; De Vries is the Network Manager (the AUA gives "Mr Chris de Vries" the hardware permissions). "Mr C de Vries" (AIO, line 139) is the same person. "Mr T Coen" (line 9) is "Tom Coen" (lines 93, 139).',
    },
    {
      where: 'Dates (lines 3, 11, 13)',
      reading:
        '"June 24" and "June 25" are June 2024 and June 2025 (the title line says "June 2024"); read as 2024-06-01 and 2025-06-01. The seed names no approving body: the date of issue (Department: SCF Information Governance) is recorded as the only approval row.',
    },
    {
      where: 'School details',
      reading:
        'The seed says "Secondary School" but gives no key stages; read ks3 and ks4 (add sixth-form if the school has one). Essex County Council is the local authority (its Disciplinary Procedure, line 77). One site; the seed names no filtering technology or provider, so the site\'s filtering is left unstated.',
    },
    {
      where: 'Committees',
      reading:
        'The seed names no committee or online safety group; the Governing Body appears only as a role (with the Head, it decides reasonable use and authorises data off site).',
    },
    {
      where: 'Contents list (lines 17-37)',
      reading: '"heading<TAB>page" pairs with stray "-" and "- 6 -" page artefacts; ignored.',
    },
    {
      where: 'Acceptable Use Agreement "O" marks (lines 99, 102, 111)',
      reading:
        'Three clauses begin with "O" or "**O**". Read as bullet artefacts, not "optional" markers: all 17 clauses apply and are recorded as prose rules (ids beginning "aua-"), quoted without the mark.',
    },
    {
      where: 'Acceptable Use Agreement audience',
      reading:
        'The agreement binds staff, governors and visitors; a prose rule takes one audience and the schema has no governors audience, so its clauses are recorded with audience "staff", standing for all three signatories.',
    },
    {
      where: 'Prose rule values',
      reading:
        'Each statement names an activity and `value` rates it, as a user-actions row would: prohibitions and duties are stated as the breach ("Not telling ...", "Using ...") rated unacceptable; permissions are rated acceptable; permissions limited to authorised people (ICT authorised staff, agreed pupil device use) are nominated-users; copying school or illegal software, which the seed calls illegal, is illegal. "Discouraged" (raw image searches), "taught to avoid", "reminded to avoid" and "advised" (pupils on social networks) are read as unacceptable guidance. Categories are given only where a rule governs web content (offensive/illegal/discriminatory material, copyright, pupils\' non-school webmail).',
    },
    {
      where: 'AIO, IAO and IAG (lines 139, 145-161)',
      reading:
        '"Asset Information Owner(s) (AIO)" is the Information Asset Owner (accountable); the Information Asset Guardian (IAG) is the operational custodian (e.g. the MIS administrator). There may be several IAGs (eSafety coordinator, ICT manager, MIS administrator or manager); none is named.',
    },
    {
      where: 'Incident reporting (lines 83, 266)',
      reading:
        'The text appears twice ("Secure ID", "SecureID"): report at once to the SIRO or eSafety Co-ordinator, and additionally report everything to the SIRO. Read: the SIRO is always told.',
    },
    {
      where: 'Inappropriate Material (line 277) and the flowchart (line 258)',
      reading:
        'The sentence breaks off at "(see"; the "enclosed flowchart" is not in the text. Their content is unknown and must be configured. The police are named only for "very serious offences"; that is the one police-reportable item.',
    },
    {
      where: 'E-mail size limit (line 211)',
      reading:
        '"is likely to be stopped automatically": the mail system enforces the ten-megabyte limit, not the school; Haven records it and warns.',
    },
    {
      where: 'Disposal record (line 171)',
      reading:
        '"\\circ Date item disposed of \\circ Authorisation for disposal" is a LaTeX artefact joining two fields: the record has four fields. The "*" note (line 175) repeats the overwrite rule.',
    },
    {
      where: 'Servers and disposal of equipment (lines 165-177, 359-374)',
      reading:
        "These are asset-management requirements on the school's technical staff, not rules on users' conduct, filtering, devices or communication, so they are not recorded as prose rules.",
    },
    {
      where: 'Legal references and technical terms (lines 64, 69, 339, 374)',
      reading:
        'Subject Access Requests cite the DPA 1998 and monitoring the DPA 2018; recorded as stated and read as current UK data protection law. "dial-up access information" is read as remote-access credentials in general; "128 BIT cipher strength" as a minimum TLS cipher key length.',
    },
    {
      where: 'Prohibited uses and matrices',
      reading:
        'The seed has no tables, so there are no matrices, and no "users shall not" list, so prohibitedUses is empty; its prohibitions are prose rules.',
    },
  ],
};
