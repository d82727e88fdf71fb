import type { Selectable } from 'kysely';
import type { Db, IsoTimestamp, RoleAssignmentsTable } from '../db/schema.ts';
import { fromFlag, newId, nowIso, toFlag } from '../db/values.ts';

/** A person holding one of the roles the school's policy names (e.g. the DSL), or deputising for it. */
export interface RoleAssignment {
  id: string;
  schoolId: string;
  personId: string;
  policyRoleId: string;
  deputy: boolean;
  createdAt: IsoTimestamp;
}

export interface RoleKey {
  schoolId: string;
  personId: string;
  policyRoleId: string;
}

const toAssignment = (row: Selectable<RoleAssignmentsTable>): RoleAssignment => ({
  id: row.id,
  schoolId: row.school_id,
  personId: row.person_id,
  policyRoleId: row.policy_role_id,
  deputy: fromFlag(row.deputy),
  createdAt: row.created_at,
});

/**
 * Gives the person the role. Assigning a role they already hold only updates `deputy`, so the
 * call is safe to repeat (an import re-run, a double-click).
 */
export async function assignRole(
  db: Db,
  input: RoleKey & { deputy?: boolean; id?: string; createdAt?: IsoTimestamp },
): Promise<RoleAssignment> {
  const row = await db
    .insertInto('role_assignments')
    .values({
      id: input.id ?? newId(),
      school_id: input.schoolId,
      person_id: input.personId,
      policy_role_id: input.policyRoleId,
      deputy: toFlag(input.deputy ?? false),
      created_at: input.createdAt ?? nowIso(),
    })
    .onConflict((oc) =>
      oc
        .columns(['school_id', 'person_id', 'policy_role_id'])
        .doUpdateSet((eb) => ({ deputy: eb.ref('excluded.deputy') })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAssignment(row);
}

export async function unassignRole(db: Db, key: RoleKey): Promise<boolean> {
  const result = await db
    .deleteFrom('role_assignments')
    .where('school_id', '=', key.schoolId)
    .where('person_id', '=', key.personId)
    .where('policy_role_id', '=', key.policyRoleId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function listRoleAssignmentsBySchool(
  db: Db,
  schoolId: string,
  filter: { policyRoleId?: string } = {},
): Promise<RoleAssignment[]> {
  let query = db.selectFrom('role_assignments').selectAll().where('school_id', '=', schoolId);
  if (filter.policyRoleId !== undefined) query = query.where('policy_role_id', '=', filter.policyRoleId);
  // Holders before deputies within each role.
  const rows = await query
    .orderBy('policy_role_id')
    .orderBy('deputy')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toAssignment);
}

export async function listRoleAssignmentsByPerson(db: Db, personId: string): Promise<RoleAssignment[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('policy_role_id')
    .orderBy('id')
    .execute();
  return rows.map(toAssignment);
}
