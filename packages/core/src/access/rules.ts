/**
 * Who may do what. One declarative table per resource, role by role; the server checks every
 * route against it and the tests walk every cell. A role not listed for an action is refused.
 *
 * Grants are held per school (an account belongs to one school). Policy roles (the school's own
 * titles, such as "e-Safety Officer") give grants through their canonical kinds: see
 * `grantsForRoleKinds`.
 */
export const GRANTS = [
  'school-admin',
  'headteacher',
  'dsl',
  'online-safety-lead',
  'network-manager',
  'governor',
  'staff',
  'pupil',
  'parent',
] as const;
export type Grant = (typeof GRANTS)[number];

/**
 * Grants that reach safeguarding records or personal data: their holders must use two-factor
 * sign-in (issue 2; DfE standards; seed 001 "two-factor for critical systems").
 */
export const MFA_REQUIRED_GRANTS: readonly Grant[] = [
  'school-admin',
  'headteacher',
  'dsl',
  'online-safety-lead',
  'network-manager',
];

const LEADERSHIP: Grant[] = ['school-admin', 'headteacher', 'dsl', 'online-safety-lead'];
const SCHOOL_STAFF: Grant[] = [...LEADERSHIP, 'network-manager', 'staff'];
const SCHOOL_COMMUNITY: Grant[] = [...SCHOOL_STAFF, 'governor'];

export const ACCESS_RULES = {
  school: {
    read: [...SCHOOL_COMMUNITY, 'pupil', 'parent'],
    update: ['school-admin', 'headteacher'],
  },
  policy: {
    read: SCHOOL_COMMUNITY,
    draft: ['school-admin', 'headteacher', 'online-safety-lead'],
    recordApproval: ['school-admin', 'headteacher', 'online-safety-lead'],
  },
  people: {
    read: [...LEADERSHIP, 'network-manager'],
    write: ['school-admin', 'headteacher'],
    /** Importing from the MIS: previews, imports and the record of past imports. */
    import: ['school-admin', 'headteacher'],
  },
  roleAssignments: {
    read: SCHOOL_COMMUNITY,
    write: ['school-admin', 'headteacher'],
  },
  accounts: {
    read: ['school-admin'],
    write: ['school-admin'],
  },
  audit: {
    read: ['school-admin', 'headteacher'],
  },
  /** The compiled filter: groups and their rules, settings, "what happens to this URL". */
  filter: {
    read: SCHOOL_COMMUNITY,
  },
  filterSettings: {
    write: ['school-admin', 'network-manager'],
  },
  /**
   * Time-limited exceptions. Any member of staff may ask and see the requests; approving takes a
   * second person (the service refuses the requester) holding one of these posts.
   */
  filterExceptions: {
    read: SCHOOL_STAFF,
    request: SCHOOL_STAFF,
    approve: ['headteacher', 'online-safety-lead', 'dsl', 'school-admin'],
  },
  /** Decision logs identify pupils: need to know only, and every search is audit-logged. */
  filterDecisions: {
    read: ['school-admin', 'network-manager', 'dsl', 'online-safety-lead', 'headteacher'],
  },
  /**
   * Illegal-list hits: who asked and from where (never what). Safeguarding: the DSL and deputies,
   * and the headteacher; every look is audit-logged.
   */
  filterIllegalHits: {
    read: ['dsl', 'headteacher'],
  },
  /** The change-control log governors read: no pupil names in it. */
  filterChangeLog: {
    read: SCHOOL_COMMUNITY,
  },
  /** "Ask for this to be reviewed" from the block page (over-blocking reports). */
  filterReviews: {
    read: ['school-admin', 'network-manager', 'online-safety-lead'],
    handle: ['school-admin', 'network-manager', 'online-safety-lead'],
  },
  gateways: {
    manage: ['school-admin', 'network-manager'],
  },
  /** The annual filter test (DfE standards): run by the CLI, its results read by governors. */
  filterTests: {
    run: ['school-admin', 'network-manager', 'online-safety-lead'],
    read: SCHOOL_COMMUNITY,
  },
  /**
   * Incidents. Anyone in the school may report; the service then applies need-to-know to each
   * incident (safeguarding ones: the DSL and deputies and the headteacher; a concern about staff:
   * the headteacher alone; about the headteacher: the chair of governors alone). Governors see
   * anonymised counts only.
   */
  incidents: {
    report: [...SCHOOL_COMMUNITY, 'pupil', 'parent'],
    triage: ['dsl', 'online-safety-lead', 'headteacher'],
    summary: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead', 'governor'],
  },
  /**
   * Data breaches and security incidents (seeds 003 and 004): any member of staff reports one
   * (lost equipment, a virus, unauthorised use, a near miss); the headteacher and the school
   * administrator manage the log, and so do the holders of the SIRO and DPO posts (the service
   * checks those by post).
   */
  breaches: {
    report: SCHOOL_STAFF,
    manage: ['school-admin', 'headteacher'],
  },
  /** Monitoring alerts name pupils and what they searched for: the DSL and deputies, and the headteacher. */
  monitorAlerts: {
    read: ['dsl', 'headteacher'],
    triage: ['dsl', 'headteacher'],
  },
  /**
   * Reports: counts over the decision log and the alerts, by day, category and group, with no
   * addresses, phrases or names. Monitoring reports are the DSL's to review (DfE standards), with
   * the headteacher and the online safety lead, who reports trends to governors; the network
   * manager searches the decision log itself and has no need of alert trends. A report about one
   * person is in effect a look at their alerts: only those who read alerts may ask for one.
   */
  monitorReports: {
    read: ['dsl', 'headteacher', 'online-safety-lead'],
    byUser: ['dsl', 'headteacher'],
  },
  /**
   * What monitoring looks for (the school's phrase changes, thresholds by group, digests, the
   * summary's time): no pupil in it. The DSL and the headteacher change it.
   */
  monitorSettings: {
    read: ['dsl', 'headteacher', 'online-safety-lead'],
    write: ['dsl', 'headteacher'],
  },
  /**
   * Photo, video and internet consents (seed 001 appendix 6; seeds 000, 003, 004). The office
   * (the school administrator), the DSL and the headteacher record them from paper forms and
   * calls, and a parent records their own child's (the service checks the guardianship). Every
   * member of staff may see the class lists and run the publishing check: a teacher about to post
   * a class photo must be able to. A parent sees their own children's (`own`, and `read` for one
   * child, which the service limits to their children).
   */
  consents: {
    read: [...SCHOOL_STAFF, 'parent'],
    list: SCHOOL_STAFF,
    check: SCHOOL_STAFF,
    record: ['school-admin', 'headteacher', 'dsl', 'parent'],
    own: ['parent'],
  },
  /**
   * Training (seeds 000 and 003: "an audit of the online safety training needs of all staff").
   * Staff and governors see their own training, record their own with evidence and fill in their
   * own needs audit (`own`; the administrator's sign-in is not a member of staff). The online
   * safety lead, the headteacher and the administrator see everyone's, record for anyone and read
   * the audits (`manage`). Governors and the DSL see the counts for the governors' report, with
   * no names (`summary`).
   */
  training: {
    own: ['headteacher', 'dsl', 'online-safety-lead', 'network-manager', 'staff', 'governor'],
    manage: ['school-admin', 'headteacher', 'online-safety-lead'],
    summary: ['school-admin', 'headteacher', 'online-safety-lead', 'dsl', 'governor'],
  },
  /**
   * Single sign-on: which identity provider the school's staff may sign in with, and which e-mail
   * domains it vouches for. Whoever sets it decides who can sign in, so only the school's
   * administrator may (network managers use `haven sso set` on the server).
   */
  sso: {
    read: ['school-admin'],
    write: ['school-admin'],
  },
  /**
   * Acceptable use agreements: everyone in the school reads them and signs their own (a parent
   * their child's; the service checks who signs for whom). The school administrator's grant is an
   * administrative one with no person behind it, so it does not sign. Versions and who has signed
   * are the leadership's; the "Authorised signature" of seed 001's staff form is given by the
   * headteacher or the school administrator who sets accounts up (the seed names no post).
   */
  agreements: {
    read: [...SCHOOL_COMMUNITY, 'pupil', 'parent'],
    sign: [
      'headteacher',
      'dsl',
      'online-safety-lead',
      'network-manager',
      'staff',
      'governor',
      'pupil',
      'parent',
    ],
    manage: ['school-admin', 'headteacher', 'online-safety-lead'],
    approve: ['school-admin', 'headteacher'],
  },
  /**
   * Compliance (issue 6): who has not signed, which pupils have no consent recorded, who is
   * overdue on training. The named lists are the leadership's; governors see the numbers only
   * (`summary`), for their report.
   */
  compliance: {
    read: LEADERSHIP,
    summary: [...LEADERSHIP, 'governor'],
  },
} as const satisfies Record<string, Record<string, readonly Grant[]>>;

export type Resource = keyof typeof ACCESS_RULES;
export type Action<R extends Resource> = keyof (typeof ACCESS_RULES)[R];

export function can<R extends Resource>(grants: readonly string[], resource: R, action: Action<R>): boolean {
  const allowed = ACCESS_RULES[resource][action] as readonly string[];
  return grants.some((g) => allowed.includes(g));
}

export function mfaRequired(grants: readonly string[]): boolean {
  return grants.some((g) => (MFA_REQUIRED_GRANTS as readonly string[]).includes(g));
}

/** The grants a policy role gives its holders, from the role's canonical kinds. */
export function grantsForRoleKinds(kinds: readonly string[]): Grant[] {
  const out = new Set<Grant>();
  for (const kind of kinds) {
    switch (kind) {
      case 'headteacher':
        out.add('headteacher');
        break;
      case 'dsl':
      case 'deputy-dsl':
        out.add('dsl');
        break;
      case 'online-safety-lead':
        out.add('online-safety-lead');
        break;
      case 'network-manager':
      case 'technical-staff':
        out.add('network-manager');
        break;
      case 'governors':
      case 'online-safety-governor':
      case 'safeguarding-governor':
      case 'chair-of-governors':
        out.add('governor');
        break;
      case 'deputy-headteacher':
      case 'assistant-headteacher':
      case 'senior-leadership':
      case 'siro':
      case 'dpo':
      case 'ict-coordinator':
      case 'business-manager':
      case 'information-asset-owner':
      case 'information-asset-guardian':
      case 'all-staff':
      case 'teachers':
        out.add('staff');
        break;
    }
  }
  return [...out];
}
