import { expect, it } from 'vitest';
import {
  assignRole,
  listRoleAssignmentsByPerson,
  listRoleAssignmentsBySchool,
  unassignRole,
} from '../../src/repositories/role-assignments.ts';
import { forEachDatabase } from '../helpers/databases.ts';
import { makePerson, makeSchool } from '../helpers/fixtures.ts';

forEachDatabase('role assignments repository', (t) => {
  it('assigns, lists and unassigns policy roles', async () => {
    const school = await makeSchool(t.db);
    const head = await makePerson(t.db, school.id, 'staff');
    const deputy = await makePerson(t.db, school.id, 'staff');

    const dsl = await assignRole(t.db, {
      schoolId: school.id,
      personId: head.id,
      policyRoleId: 'dsl',
      createdAt: '2026-11-23T10:00:00.000Z',
    });
    expect(dsl).toEqual({
      id: dsl.id,
      schoolId: school.id,
      personId: head.id,
      policyRoleId: 'dsl',
      deputy: false,
      createdAt: '2026-11-23T10:00:00.000Z',
    });
    const ddsl = await assignRole(t.db, {
      schoolId: school.id,
      personId: deputy.id,
      policyRoleId: 'dsl',
      deputy: true,
    });
    const lead = await assignRole(t.db, {
      schoolId: school.id,
      personId: head.id,
      policyRoleId: 'online-safety-lead',
    });

    expect(await listRoleAssignmentsBySchool(t.db, school.id)).toEqual([dsl, ddsl, lead]);
    expect(await listRoleAssignmentsBySchool(t.db, school.id, { policyRoleId: 'dsl' })).toEqual([dsl, ddsl]);
    expect(await listRoleAssignmentsByPerson(t.db, head.id)).toEqual([dsl, lead]);

    expect(await unassignRole(t.db, { schoolId: school.id, personId: head.id, policyRoleId: 'dsl' })).toBe(
      true,
    );
    expect(await unassignRole(t.db, { schoolId: school.id, personId: head.id, policyRoleId: 'dsl' })).toBe(
      false,
    );
    expect(await listRoleAssignmentsByPerson(t.db, head.id)).toEqual([lead]);
  });

  it('treats a repeated assignment as an update of deputy, keeping one row', async () => {
    const school = await makeSchool(t.db);
    const person = await makePerson(t.db, school.id, 'staff');
    const first = await assignRole(t.db, { schoolId: school.id, personId: person.id, policyRoleId: 'dsl' });
    const again = await assignRole(t.db, {
      schoolId: school.id,
      personId: person.id,
      policyRoleId: 'dsl',
      deputy: true,
    });
    expect(again).toEqual({ ...first, deputy: true });
    expect(await listRoleAssignmentsBySchool(t.db, school.id)).toEqual([again]);
  });

  it('go when the person is deleted', async () => {
    const school = await makeSchool(t.db);
    const person = await makePerson(t.db, school.id, 'staff');
    await assignRole(t.db, { schoolId: school.id, personId: person.id, policyRoleId: 'dsl' });
    await t.db.deleteFrom('people').where('id', '=', person.id).execute();
    expect(await listRoleAssignmentsBySchool(t.db, school.id)).toEqual([]);
  });
});
