import { z } from 'zod';
import type { PersonKind } from '../db/schema.ts';
import type { Haven } from '../haven.ts';
import { errors, HavenError } from '../http/errors.ts';
import { listSignatures } from '../repositories/agreements.ts';
import { type ConsentRecord, listConsentRecords } from '../repositories/consent-records.ts';
import { listAllPeople, type Person } from '../repositories/people.ts';
import { listRoleAssignmentsBySchool } from '../repositories/role-assignments.ts';
import type { School } from '../repositories/schools.ts';
import type { Actor } from './actor.ts';
import { currentVersions, statusFor } from './agreement-service.ts';
import { audit } from './audit.ts';
import { purposesOf, statesFor } from './consent-service.ts';
import { csvCell } from './csv.ts';
import { authorise, currentPolicy } from './school-service.ts';
import { everyone } from './training-service.ts';

/*
 * Compliance: who, of the people on roll or in post, has not signed what their role requires,
 * which pupils have no consent recorded (or only the policy's "assumed"), and who is overdue on
 * training. The states are the agreement, consent and training services' own; this module only
 * gathers them for everyone at once (a few queries for the whole school) and counts them. The
 * named lists are audit-logged with counts and filters; the summary has numbers only, for the
 * governors' report.
 */

export const COMPLIANCE_VIEWS = ['agreements', 'consents', 'training'] as const;
export type ComplianceView = (typeof COMPLIANCE_VIEWS)[number];

const filterText = z.string().trim().min(1).max(64).optional();
export const complianceQuery = z.strictObject({
  view: z.enum(COMPLIANCE_VIEWS),
  /** A kind of person (pupil, staff, parent, governor, visitor, other) or a policy role's id. */
  role: filterText,
  yearGroup: filterText,
  className: filterText,
});
export type ComplianceQuery = z.infer<typeof complianceQuery>;

const PERSON_KINDS: readonly PersonKind[] = ['pupil', 'staff', 'parent', 'governor', 'visitor', 'other'];

export interface ComplianceItem {
  /** The agreement, consent purpose or course. */
  id: string;
  title: string;
  /** unsigned, awaiting-approval, lapsed, no-year-group; none, assumed; overdue. */
  state: string;
  /** Training: when it fell due. */
  dueOn?: string | null;
}

export interface ComplianceRow {
  personId: string;
  name: string;
  kind: PersonKind;
  yearGroup: string | null;
  className: string | null;
  roles: string[];
  items: ComplianceItem[];
}

interface Gathered {
  school: School;
  today: string;
  people: Person[];
  rolesOf: (personId: string) => { id: string; title: string }[];
  roleOptions: { id: string; title: string }[];
  agreements: Map<string, ComplianceItem[]>;
  consents: Map<string, ComplianceItem[]>;
  consentStates: Map<string, { purpose: string; state: string }[]>;
  purposes: { id: string; title: string }[];
  training: Map<string, ComplianceItem[]>;
  trainingStates: Map<string, { courseId: string; state: string }[]>;
  courses: { id: string; title: string }[];
  agreementStates: Map<string, { agreement: string; title: string; state: string }[]>;
}

/** Everyone's agreement, consent and training states, from one read of each table. */
async function gather(haven: Haven, school: School): Promise<Gathered> {
  const today = haven.now().toISOString().slice(0, 10);
  const [people, assignments, policy, versions, signatures, trainingAll] = await Promise.all([
    listAllPeople(haven.db, school.id, { currentOn: today }),
    listRoleAssignmentsBySchool(haven.db, school.id),
    currentPolicy(haven, school.id),
    currentVersions(haven, school),
    listSignatures(haven.db, school.id, null),
    everyone(haven, school),
  ]);
  const roleTitles = new Map((policy?.document.roles ?? []).map((r) => [r.id, r.title]));
  const rolesByPerson = new Map<string, { id: string; title: string }[]>();
  for (const a of assignments) {
    const title = roleTitles.get(a.policyRoleId);
    if (!title) continue;
    rolesByPerson.set(a.personId, [...(rolesByPerson.get(a.personId) ?? []), { id: a.policyRoleId, title }]);
  }
  const held = new Set(assignments.map((a) => a.policyRoleId));
  const roleOptions = (policy?.document.roles ?? [])
    .filter((r) => held.has(r.id))
    .map((r) => ({ id: r.id, title: r.title }));

  const signaturesOf = new Map<string, typeof signatures>();
  for (const s of signatures) signaturesOf.set(s.personId, [...(signaturesOf.get(s.personId) ?? []), s]);
  const agreementsOf = new Map<string, ComplianceItem[]>();
  const agreementStates = new Map<string, { agreement: string; title: string; state: string }[]>();
  for (const p of people) {
    try {
      const rows = statusFor(versions, p, signaturesOf.get(p.id) ?? [], today);
      agreementStates.set(
        p.id,
        rows.map((r) => ({ agreement: r.agreement, title: r.title, state: r.state })),
      );
      const open = rows.filter((r) => r.state !== 'signed');
      if (open.length > 0)
        agreementsOf.set(
          p.id,
          open.map((r) => ({ id: r.agreement, title: r.title, state: r.state })),
        );
    } catch (e) {
      // A pupil with no year group cannot be shown to have signed anything.
      if (!(e instanceof HavenError && e.id === 'agreement.no-year-group')) throw e;
      agreementsOf.set(p.id, [{ id: 'year-group', title: 'Year group unknown', state: 'no-year-group' }]);
      agreementStates.set(p.id, [
        { agreement: 'year-group', title: 'Year group unknown', state: 'no-year-group' },
      ]);
    }
  }

  const pupils = people.filter((p) => p.kind === 'pupil');
  const records = await listConsentRecords(
    haven.db,
    school.id,
    pupils.map((p) => p.id),
  );
  const recordsOf = new Map<string, ConsentRecord[]>();
  for (const r of records) recordsOf.set(r.pupilId, [...(recordsOf.get(r.pupilId) ?? []), r]);
  const purposes = purposesOf(school).map((p) => ({ id: p.id, title: p.title }));
  const titleOf = new Map(purposes.map((p) => [p.id, p.title]));
  const consentsOf = new Map<string, ComplianceItem[]>();
  const consentStates = new Map<string, { purpose: string; state: string }[]>();
  for (const p of pupils) {
    const states = statesFor(school, recordsOf.get(p.id) ?? []);
    consentStates.set(p.id, states);
    const open = states.filter((s) => s.state === 'none' || s.state === 'assumed');
    if (open.length > 0)
      consentsOf.set(
        p.id,
        open.map((s) => ({ id: s.purpose, title: titleOf.get(s.purpose) ?? s.purpose, state: s.state })),
      );
  }

  const courses = trainingAll.ctx.courses.map((c) => ({ id: c.id, title: c.title }));
  const courseTitle = new Map(courses.map((c) => [c.id, c.title]));
  const trainingOf = new Map<string, ComplianceItem[]>();
  const trainingStates = new Map<string, { courseId: string; state: string }[]>();
  for (const row of trainingAll.rows) {
    trainingStates.set(row.personId, row.status);
    const overdue = row.status.filter((s) => s.state === 'overdue');
    if (overdue.length > 0)
      trainingOf.set(
        row.personId,
        overdue.map((s) => ({
          id: s.courseId,
          title: courseTitle.get(s.courseId) ?? s.courseId,
          state: s.state,
          dueOn: s.nextDueOn,
        })),
      );
  }

  return {
    school,
    today,
    people,
    rolesOf: (id) => rolesByPerson.get(id) ?? [],
    roleOptions,
    agreements: agreementsOf,
    agreementStates,
    consents: consentsOf,
    consentStates,
    purposes,
    training: trainingOf,
    trainingStates,
    courses,
  };
}

function checkRole(g: Gathered, role: string | undefined) {
  if (role === undefined) return;
  if ((PERSON_KINDS as readonly string[]).includes(role) || g.roleOptions.some((r) => r.id === role)) return;
  throw errors.validation([
    {
      path: 'role',
      reason: `must be a kind of person (${PERSON_KINDS.join(', ')}) or one of this school's roles (${
        g.roleOptions.map((r) => r.id).join(', ') || 'none held'
      })`,
    },
  ]);
}

function matches(g: Gathered, p: Person, q: Omit<ComplianceQuery, 'view'>) {
  if (q.role !== undefined && p.kind !== q.role && !g.rolesOf(p.id).some((r) => r.id === q.role))
    return false;
  if (q.yearGroup !== undefined && p.yearGroup !== q.yearGroup) return false;
  if (q.className !== undefined && p.className !== q.className) return false;
  return true;
}

/** Those in the view's scope: consents are pupils'; training is staff's and governors'. */
function inScope(g: Gathered, view: ComplianceView, p: Person) {
  if (view === 'consents') return g.consentStates.has(p.id);
  if (view === 'training') return g.trainingStates.has(p.id);
  return true;
}

const itemsOf = (g: Gathered, view: ComplianceView) =>
  view === 'agreements' ? g.agreements : view === 'consents' ? g.consents : g.training;

function rowsFor(g: Gathered, q: ComplianceQuery) {
  const scope = g.people.filter((p) => inScope(g, q.view, p) && matches(g, p, q));
  const items = itemsOf(g, q.view);
  const rows: ComplianceRow[] = scope
    .filter((p) => items.has(p.id))
    .map((p) => ({
      personId: p.id,
      name: p.displayName,
      kind: p.kind,
      yearGroup: p.yearGroup,
      className: p.className,
      roles: g.rolesOf(p.id).map((r) => r.title),
      items: items.get(p.id)!,
    }));
  return { scope: scope.length, rows };
}

const sorted = (values: Iterable<string | null>) =>
  [...new Set([...values].filter((v): v is string => v !== null && v !== ''))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );

function options(g: Gathered) {
  return {
    roles: [
      ...PERSON_KINDS.filter((k) => g.people.some((p) => p.kind === k)).map((k) => ({ id: k, title: k })),
      ...g.roleOptions,
    ],
    yearGroups: sorted(g.people.map((p) => p.yearGroup)),
    classes: sorted(g.people.map((p) => p.className)),
  };
}

const filtersOf = (q: ComplianceQuery) => ({
  role: q.role ?? null,
  yearGroup: q.yearGroup ?? null,
  className: q.className ?? null,
});

async function named(haven: Haven, actor: Actor, schoolId: string, q: ComplianceQuery, action: string) {
  const school = await authorise(haven, actor, schoolId, 'compliance', 'read');
  const g = await gather(haven, school);
  checkRole(g, q.role);
  const { scope, rows } = rowsFor(g, q);
  await audit(
    haven.db,
    actor,
    action,
    { type: 'school', id: school.id, schoolId: school.id },
    { view: q.view, ...filtersOf(q), people: scope, listed: rows.length },
  );
  return { g, scope, rows };
}

/** The named list for one view, with the filters' choices (audit-logged: it names people). */
export async function complianceList(haven: Haven, actor: Actor, schoolId: string, q: ComplianceQuery) {
  const { g, scope, rows } = await named(haven, actor, schoolId, q, 'compliance.viewed');
  return {
    today: g.today,
    view: q.view,
    filters: filtersOf(q),
    options: options(g),
    people: scope,
    listed: rows.length,
    rows,
  };
}

const STATE_LABEL: Record<string, string> = {
  unsigned: 'not signed',
  'awaiting-approval': 'awaiting approval',
  lapsed: 'lapsed',
  'no-year-group': 'year group unknown',
  none: 'no record',
  assumed: 'assumed (no response)',
  overdue: 'overdue',
};

/** The same list as CSV: one line per person and item, with a header row (audit-logged). */
export async function complianceCsv(haven: Haven, actor: Actor, schoolId: string, q: ComplianceQuery) {
  const { rows } = await named(haven, actor, schoolId, q, 'compliance.exported');
  const itemHeader = q.view === 'agreements' ? 'Agreement' : q.view === 'consents' ? 'Consent' : 'Course';
  const header = ['Name', 'Kind', 'Year group', 'Class', 'Roles', itemHeader, 'State'];
  if (q.view === 'training') header.push('Due on');
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows)
    for (const item of r.items) {
      const cells: (string | null)[] = [
        r.name,
        r.kind,
        r.yearGroup,
        r.className,
        r.roles.join('; '),
        item.title,
        STATE_LABEL[item.state] ?? item.state,
      ];
      if (q.view === 'training') cells.push(item.dueOn ?? null);
      lines.push(cells.map(csvCell).join(','));
    }
  return {
    csv: `${lines.join('\r\n')}\r\n`,
    filename: `compliance-${q.view}-${haven.now().toISOString().slice(0, 10)}.csv`,
  };
}

function countStates<T>(list: readonly T[], key: (t: T) => string, states: readonly string[]) {
  const out: Record<string, number> = Object.fromEntries(states.map((s) => [s, 0]));
  for (const t of list) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
}

/**
 * Numbers only, for the governors' report: people on roll or in post, and for each area the
 * totals, by kind of person, by year group and by item. No names, nothing to audit.
 */
export async function complianceSummary(haven: Haven, actor: Actor, schoolId: string) {
  const school = await authorise(haven, actor, schoolId, 'compliance', 'summary');
  const g = await gather(haven, school);
  const byGroup = (view: ComplianceView, group: (p: Person) => string | null) => {
    const groups = new Map<string, { people: number; outstanding: number }>();
    for (const p of g.people) {
      if (!inScope(g, view, p)) continue;
      const key = group(p);
      if (key === null) continue;
      const c = groups.get(key) ?? { people: 0, outstanding: 0 };
      c.people++;
      if (itemsOf(g, view).has(p.id)) c.outstanding++;
      groups.set(key, c);
    }
    return sorted(groups.keys()).map((k) => ({ group: k, ...groups.get(k)! }));
  };
  const area = (view: ComplianceView) => {
    const scope = g.people.filter((p) => inScope(g, view, p));
    return {
      people: scope.length,
      outstanding: scope.filter((p) => itemsOf(g, view).has(p.id)).length,
      byKind: byGroup(view, (p) => p.kind),
      byYearGroup: byGroup(view, (p) => p.yearGroup),
      byClass: byGroup(view, (p) => p.className),
    };
  };
  const agreementRows = [...g.agreementStates.values()].flat();
  const agreementIds = sorted(agreementRows.map((r) => r.agreement)).filter((id) => id !== 'year-group');
  const consentRows = [...g.consentStates.values()].flat();
  const trainingRows = [...g.trainingStates.values()].flat();
  return {
    today: g.today,
    people: g.people.length,
    agreements: {
      ...area('agreements'),
      noYearGroup: agreementRows.filter((r) => r.state === 'no-year-group').length,
      byAgreement: agreementIds.map((id) => {
        const these = agreementRows.filter((r) => r.agreement === id);
        return {
          agreement: id,
          title: these[0]!.title,
          required: these.length,
          ...countStates(these, (r) => r.state, ['signed', 'unsigned', 'awaiting-approval', 'lapsed']),
        };
      }),
    },
    consents: {
      ...area('consents'),
      byPurpose: g.purposes.map((p) => {
        const these = consentRows.filter((r) => r.purpose === p.id);
        return {
          purpose: p.id,
          title: p.title,
          pupils: these.length,
          ...countStates(these, (r) => r.state, ['given', 'refused', 'withdrawn', 'assumed', 'none']),
        };
      }),
    },
    training: {
      ...area('training'),
      byCourse: g.courses.map((c) => {
        const these = trainingRows.filter((r) => r.courseId === c.id);
        return {
          courseId: c.id,
          title: c.title,
          required: these.filter((r) => r.state !== 'not-required').length,
          done: these.filter((r) => r.state === 'done').length,
          dueSoon: these.filter((r) => r.state === 'due-soon').length,
          overdue: these.filter((r) => r.state === 'overdue').length,
        };
      }),
    },
  };
}
