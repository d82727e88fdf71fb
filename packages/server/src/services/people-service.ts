import { access } from '@haven/core';
import type { PersonKind } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import { createPerson, getPerson, listPeople } from '../repositories/people.ts';
import { assignRole, listRoleAssignmentsBySchool, unassignRole } from '../repositories/role-assignments.ts';
import type { Actor } from './actor.ts';
import { audit } from './audit.ts';
import { authorise, currentPolicy } from './school-service.ts';

export interface PeopleListQuery {
  kind?: PersonKind;
  q?: string;
  offset?: number;
  limit?: number;
}

export async function peopleList(haven: Haven, actor: Actor, schoolId: string, query: PeopleListQuery) {
  await authorise(haven, actor, schoolId, 'people', 'read');
  const page = await listPeople(haven.db, schoolId, {
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.q ? { search: query.q } : {}),
    ...(query.offset !== undefined ? { offset: query.offset } : {}),
    ...(query.limit !== undefined ? { limit: query.limit } : {}),
  });
  const current = await currentPolicy(haven, schoolId);
  const titles = new Map(current?.document.roles.map((r) => [r.id, r.title]) ?? []);
  const assignments = await listRoleAssignmentsBySchool(haven.db, schoolId);
  // Listing people is a view of personal data: recorded, with the filter but not the results.
  await audit(
    haven.db,
    actor,
    'people.listed',
    { type: 'school', id: schoolId, schoolId },
    {
      kind: query.kind ?? null,
      searched: Boolean(query.q),
      returned: page.items.length,
    },
  );
  return {
    people: page.items.map((p) => ({
      id: p.id,
      kind: p.kind,
      displayName: p.displayName,
      yearGroup: p.yearGroup,
      className: p.className,
      email: p.email,
      roles: assignments
        .filter((a) => a.personId === p.id)
        .map((a) => ({
          assignmentId: a.id,
          policyRoleId: a.policyRoleId,
          title: titles.get(a.policyRoleId) ?? a.policyRoleId,
          deputy: a.deputy,
        })),
    })),
    total: page.total,
  };
}

export interface NewPersonInput {
  kind: PersonKind;
  givenName: string;
  familyName: string;
  email?: string | undefined;
  yearGroup?: string | undefined;
  className?: string | undefined;
}

export async function addPerson(haven: Haven, actor: Actor, schoolId: string, input: NewPersonInput) {
  await authorise(haven, actor, schoolId, 'people', 'write');
  if (input.kind === 'pupil' && !input.yearGroup)
    throw errors.validation([{ path: 'yearGroup', reason: 'is required for a pupil' }]);
  // The change and its audit event land together or not at all.
  const person = await inTransaction(haven.db, async (trx) => {
    const person = await createPerson(trx, {
      schoolId,
      kind: input.kind,
      givenName: input.givenName,
      familyName: input.familyName,
      displayName: `${input.givenName} ${input.familyName}`,
      email: input.email ?? null,
      yearGroup: input.yearGroup ?? null,
      className: input.className ?? null,
    });
    await audit(
      trx,
      actor,
      'person.created',
      { type: 'person', id: person.id, schoolId },
      { kind: person.kind },
    );
    return person;
  });
  return person;
}

export async function assignPolicyRole(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  input: { personId: string; policyRoleId: string; deputy: boolean },
) {
  await authorise(haven, actor, schoolId, 'roleAssignments', 'write');
  const person = await getPerson(haven.db, input.personId);
  if (!person || person.schoolId !== schoolId) throw errors.notFound('That person');
  const current = await currentPolicy(haven, schoolId);
  const role = current?.document.roles.find((r) => r.id === input.policyRoleId);
  if (!role) {
    throw errors.validation([
      { path: 'policyRoleId', reason: "is not a role in the school's current policy" },
    ]);
  }
  // Roles that carry access (DSL, headteacher, ...) are for staff and governors, never pupils or parents.
  if (
    (person.kind === 'pupil' || person.kind === 'parent') &&
    access.grantsForRoleKinds(role.kinds).length > 0
  ) {
    throw errors.validation([
      { path: 'personId', reason: `is a ${person.kind}, who cannot hold the role "${role.title}"` },
    ]);
  }
  // The change and its audit event land together or not at all.
  const assignment = await inTransaction(haven.db, async (trx) => {
    const assignment = await assignRole(trx, {
      schoolId,
      personId: person.id,
      policyRoleId: input.policyRoleId,
      deputy: input.deputy,
    });
    await audit(
      trx,
      actor,
      'role.assigned',
      { type: 'person', id: person.id, schoolId },
      {
        policyRoleId: input.policyRoleId,
        deputy: input.deputy,
      },
    );
    return assignment;
  });
  return assignment;
}

export async function unassignPolicyRole(haven: Haven, actor: Actor, schoolId: string, assignmentId: string) {
  await authorise(haven, actor, schoolId, 'roleAssignments', 'write');
  const assignment = (await listRoleAssignmentsBySchool(haven.db, schoolId)).find(
    (a) => a.id === assignmentId,
  );
  if (!assignment) throw errors.notFound('That role assignment');
  // The change and its audit event land together or not at all.
  await inTransaction(haven.db, async (trx) => {
    await unassignRole(trx, {
      schoolId,
      personId: assignment.personId,
      policyRoleId: assignment.policyRoleId,
    });
    await audit(
      trx,
      actor,
      'role.unassigned',
      { type: 'person', id: assignment.personId, schoolId },
      {
        policyRoleId: assignment.policyRoleId,
      },
    );
  });
}
