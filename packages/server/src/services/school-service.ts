import { access, policy } from '@haven/core';
import type { PersonKind } from '../db/schema.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import { getPerson, listPeople } from '../repositories/people.ts';
import {
  getCurrentPolicyVersion,
  listPolicyVersions,
  type PolicyVersionSummary,
} from '../repositories/policy-versions.ts';
import { listRoleAssignmentsBySchool } from '../repositories/role-assignments.ts';
import { getSchoolById, listSites, type School } from '../repositories/schools.ts';
import type { Actor } from './actor.ts';

/**
 * Authorises an actor for one action on one school's resource: the table in core decides the
 * action, and an account only ever reaches its own school.
 */
export async function authorise<R extends access.Resource>(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  resource: R,
  action: access.Action<R>,
): Promise<School> {
  if (actor.schoolId !== schoolId || !access.can(actor.grants, resource, action)) throw errors.forbidden();
  const school = await getSchoolById(haven.db, schoolId);
  if (!school) throw errors.notFound('That school');
  return school;
}

export interface PolicyVersionView {
  versionId: string;
  version: number;
  status: string;
  title: string;
  approvedOn: string | null;
  approvedBy: string | null;
  nextReview: string | null;
  reviewState: policy.ReviewState;
}

function versionView(v: PolicyVersionSummary, doc: policy.PolicyDocument, today: string): PolicyVersionView {
  return {
    versionId: v.id,
    version: v.version,
    status: v.status === 'approved' ? 'current' : v.status,
    title: doc.title,
    approvedOn: v.approvedOn,
    approvedBy: v.approvedBy,
    nextReview: v.nextReview,
    reviewState: policy.reviewState(v.nextReview, today),
  };
}

export async function currentPolicy(haven: Haven, schoolId: string) {
  const version = await getCurrentPolicyVersion(haven.db, schoolId);
  if (!version) return null;
  const document = await haven.policyDocument(version.id);
  if (!document) return null;
  return { version, document, view: versionView(version, document, haven.now().toISOString().slice(0, 10)) };
}

export interface RoleHolderView {
  name: string;
  personId: string | null;
}

/** The policy's roles with who holds them: people assigned in Haven first, else those the policy names. */
export async function rolesWithHolders(haven: Haven, schoolId: string, doc: policy.PolicyDocument) {
  const assignments = await listRoleAssignmentsBySchool(haven.db, schoolId);
  const names = new Map<string, string>();
  for (const a of assignments) {
    if (!names.has(a.personId))
      names.set(a.personId, (await getPerson(haven.db, a.personId))?.displayName ?? 'Unknown');
  }
  return doc.roles.map((role) => {
    const mine = assignments.filter((a) => a.policyRoleId === role.id);
    const assigned = (deputy: boolean): RoleHolderView[] =>
      mine
        .filter((a) => a.deputy === deputy)
        .map((a) => ({ name: names.get(a.personId) ?? 'Unknown', personId: a.personId }));
    const named = (people: { name: string }[]): RoleHolderView[] =>
      people.map((p) => ({ name: p.name, personId: null }));
    const holders = assigned(false);
    const deputies = assigned(true);
    return {
      id: role.id,
      title: role.title,
      kinds: role.kinds,
      holders: holders.length ? holders : named(role.holders),
      deputies: deputies.length ? deputies : named(role.deputies),
    };
  });
}

export async function schoolOverview(haven: Haven, actor: Actor, schoolId: string) {
  const school = await authorise(haven, actor, schoolId, 'school', 'read');
  const sites = await listSites(haven.db, school.id);
  const current = await currentPolicy(haven, school.id);
  const count = async (kind: PersonKind) => (await listPeople(haven.db, school.id, { kind, limit: 1 })).total;
  return {
    school: {
      id: school.id,
      slug: school.slug,
      name: school.name,
      templateId: school.templateId,
      sites: sites.map((s) => ({ id: s.id, name: s.name })),
    },
    policy: current?.view ?? null,
    roles: current ? await rolesWithHolders(haven, school.id, current.document) : [],
    counts: {
      pupils: await count('pupil'),
      staff: await count('staff'),
      parents: await count('parent'),
      governors: await count('governor'),
    },
  };
}

export async function schoolPolicy(haven: Haven, actor: Actor, schoolId: string) {
  await authorise(haven, actor, schoolId, 'policy', 'read');
  const current = await currentPolicy(haven, schoolId);
  if (!current) throw errors.notFound('A current policy for this school');
  return { version: current.view, document: current.document, matrices: policy.matricesOf(current.document) };
}

export async function schoolMatrix(haven: Haven, actor: Actor, schoolId: string, matrix: string) {
  const school = await authorise(haven, actor, schoolId, 'policy', 'read');
  if (!policy.isMatrixName(matrix)) throw errors.notFound(`The matrix "${matrix}"`);
  const current = await currentPolicy(haven, schoolId);
  if (!current) throw errors.notFound('A current policy for this school');
  const view = policy.matrixView(current.document, matrix);
  if (!view) throw errors.noMatrix(school.name, matrix);
  return view;
}

export async function schoolPolicyHtml(haven: Haven, actor: Actor, schoolId: string): Promise<string> {
  await authorise(haven, actor, schoolId, 'policy', 'read');
  const current = await currentPolicy(haven, schoolId);
  if (!current) throw errors.notFound('A current policy for this school');
  return policy.renderPolicyHtml(current.document, {
    version: current.version.version,
    status: current.view.status,
  });
}

export async function schoolPolicyVersions(haven: Haven, actor: Actor, schoolId: string) {
  await authorise(haven, actor, schoolId, 'policy', 'read');
  const today = haven.now().toISOString().slice(0, 10);
  const versions = await listPolicyVersions(haven.db, schoolId);
  const out: PolicyVersionView[] = [];
  for (const v of versions) {
    const doc = await haven.policyDocument(v.id);
    if (doc) out.push(versionView(v, doc, today));
  }
  return { versions: out };
}
