import { beforeAll, expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/db/errors.ts';
import {
  addGuardianship,
  createPerson,
  getPerson,
  getPersonByMisId,
  listGuardians,
  listPeople,
  listWards,
  removeGuardianship,
  updatePerson,
} from '../../src/repositories/people.ts';
import type { School } from '../../src/repositories/schools.ts';
import { forEachDatabase } from '../helpers/databases.ts';
import { makePerson, makeSchool } from '../helpers/fixtures.ts';

forEachDatabase('people repository', (t) => {
  let school: School;

  beforeAll(async () => {
    school = await makeSchool(t.db);
    const people = [
      { kind: 'pupil', givenName: 'Amara', familyName: 'Okafor', yearGroup: 'Year 5', misId: 'P1' },
      { kind: 'pupil', givenName: 'ben', familyName: 'adams', yearGroup: 'Year 5', misId: 'P2' },
      {
        kind: 'pupil',
        givenName: 'Chloe',
        familyName: 'Brown',
        yearGroup: 'Year 6',
        misId: 'P3',
        leftOn: '2026-07-22',
      },
      {
        kind: 'staff',
        givenName: 'Dev',
        familyName: 'Patel',
        email: 'd.patel@oakfield.example',
        misId: 'S1',
      },
      { kind: 'parent', givenName: 'Ngozi', familyName: 'Okafor', email: 'ngozi@example.org' },
      { kind: 'governor', givenName: 'Eve', familyName: 'Brown_Smith' },
    ] as const;
    for (const person of people) {
      await createPerson(t.db, {
        schoolId: school.id,
        displayName: `${person.givenName} ${person.familyName}`,
        ...person,
      });
    }
  });

  it('creates a person and reads them back by id and MIS id', async () => {
    const person = await createPerson(t.db, {
      schoolId: school.id,
      kind: 'pupil',
      givenName: 'Finn',
      familyName: 'Hughes',
      displayName: 'Finn Hughes',
      yearGroup: 'Reception',
      className: 'Robins',
      misId: 'P99',
      createdAt: '2026-11-23T10:00:00.000Z',
    });
    expect(person).toEqual({
      id: person.id,
      schoolId: school.id,
      kind: 'pupil',
      givenName: 'Finn',
      familyName: 'Hughes',
      displayName: 'Finn Hughes',
      email: null,
      yearGroup: 'Reception',
      className: 'Robins',
      misId: 'P99',
      createdAt: '2026-11-23T10:00:00.000Z',
      leftOn: null,
    });
    expect(await getPerson(t.db, person.id)).toEqual(person);
    expect(await getPersonByMisId(t.db, school.id, 'P99')).toEqual(person);
    expect(await getPersonByMisId(t.db, 'other-school', 'P99')).toBeUndefined();
  });

  it('refuses a duplicate MIS id within a school but allows many people without one', async () => {
    const clash = await createPerson(t.db, {
      schoolId: school.id,
      kind: 'pupil',
      givenName: 'X',
      familyName: 'Y',
      displayName: 'X Y',
      misId: 'P1',
    }).catch((error: unknown) => error);
    expect(isUniqueViolation(clash)).toBe(true);
    await makePerson(t.db, school.id, 'visitor');
    await makePerson(t.db, school.id, 'visitor');
    const elsewhere = await makeSchool(t.db);
    await createPerson(t.db, {
      schoolId: elsewhere.id,
      kind: 'pupil',
      givenName: 'X',
      familyName: 'Y',
      displayName: 'X Y',
      misId: 'P1',
    });
  });

  it('lists by kind, sorted by family then given name regardless of case', async () => {
    const pupils = await listPeople(t.db, school.id, { kind: 'pupil' });
    expect(pupils.items.map((person) => person.familyName)).toEqual(['adams', 'Brown', 'Hughes', 'Okafor']);
    expect(pupils.total).toBe(4);
    const adults = await listPeople(t.db, school.id, { kind: ['staff', 'governor'] });
    expect(adults.items.map((person) => person.givenName)).toEqual(['Eve', 'Dev']);
    expect(await listPeople(t.db, school.id, { kind: [] })).toEqual({ items: [], total: 0 });
  });

  it('searches names, email and MIS id case-insensitively, treating wildcards literally', async () => {
    const names = async (search: string) =>
      (await listPeople(t.db, school.id, { search })).items.map((person) => person.displayName);
    expect(await names('okaf')).toEqual(['Amara Okafor', 'Ngozi Okafor']);
    expect(await names('ADAMS')).toEqual(['ben adams']);
    expect(await names('oakfield.example')).toEqual(['Dev Patel']);
    expect(await names('s1')).toEqual(['Dev Patel']);
    expect(await names('_')).toEqual(['Eve Brown_Smith']);
    expect(await names('%')).toEqual([]);
    expect(await names('  ')).toHaveLength((await listPeople(t.db, school.id)).total);
  });

  it('filters by year group and by who is still at the school', async () => {
    const year5 = await listPeople(t.db, school.id, { yearGroup: 'Year 5' });
    expect(year5.items.map((person) => person.givenName)).toEqual(['ben', 'Amara']);
    const onRoll = await listPeople(t.db, school.id, { kind: 'pupil', currentOn: '2026-09-01' });
    expect(onRoll.items.map((person) => person.givenName)).not.toContain('Chloe');
    const beforeLeaving = await listPeople(t.db, school.id, { kind: 'pupil', currentOn: '2026-07-01' });
    expect(beforeLeaving.items.map((person) => person.givenName)).toContain('Chloe');
  });

  it('pages with a total that ignores the page', async () => {
    const everyone = await listPeople(t.db, school.id);
    const first = await listPeople(t.db, school.id, { limit: 2 });
    const second = await listPeople(t.db, school.id, { limit: 2, offset: 2 });
    expect(first.total).toBe(everyone.total);
    expect([...first.items, ...second.items]).toEqual(everyone.items.slice(0, 4));
    expect((await listPeople(t.db, school.id, { limit: 0 })).items).toHaveLength(1);
    expect((await listPeople(t.db, school.id, { offset: 1000 })).items).toEqual([]);
  });

  it('updates the given fields only', async () => {
    const person = await makePerson(t.db, school.id, 'pupil');
    const updated = await updatePerson(t.db, person.id, {
      yearGroup: 'Year 1',
      leftOn: '2027-07-21',
      email: null,
    });
    expect(updated).toEqual({ ...person, yearGroup: 'Year 1', leftOn: '2027-07-21' });
    expect(await updatePerson(t.db, person.id, {})).toEqual(updated);
    expect(await updatePerson(t.db, 'missing', { givenName: 'x' })).toBeUndefined();
  });

  it('links parents and pupils both ways', async () => {
    const pupil = await makePerson(t.db, school.id, 'pupil', { givenName: 'Kai', familyName: 'Reed' });
    const mum = await makePerson(t.db, school.id, 'parent', { givenName: 'Ann', familyName: 'Reed' });
    const carer = await makePerson(t.db, school.id, 'parent', { givenName: 'Bo', familyName: 'Ash' });
    const link = await addGuardianship(t.db, {
      schoolId: school.id,
      parentId: mum.id,
      pupilId: pupil.id,
      relationship: 'mother',
    });
    await addGuardianship(t.db, { schoolId: school.id, parentId: carer.id, pupilId: pupil.id });

    const guardians = await listGuardians(t.db, pupil.id);
    expect(guardians.map((entry) => entry.person.givenName)).toEqual(['Bo', 'Ann']);
    expect(guardians[1]?.guardianship).toEqual(link);
    expect((await listWards(t.db, mum.id)).map((entry) => entry.person.id)).toEqual([pupil.id]);

    const again = await addGuardianship(t.db, {
      schoolId: school.id,
      parentId: mum.id,
      pupilId: pupil.id,
    }).catch((error: unknown) => error);
    expect(isUniqueViolation(again)).toBe(true);

    expect(await removeGuardianship(t.db, mum.id, pupil.id)).toBe(true);
    expect(await removeGuardianship(t.db, mum.id, pupil.id)).toBe(false);
    expect((await listGuardians(t.db, pupil.id)).map((entry) => entry.person.id)).toEqual([carer.id]);
    expect(await listWards(t.db, mum.id)).toEqual([]);
  });
});
