import { expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/db/errors.ts';
import {
  addSite,
  createSchool,
  createTrust,
  getSchoolById,
  getSchoolBySlug,
  getTrust,
  listSchools,
  listSites,
  listTrusts,
  updateSchool,
} from '../../src/repositories/schools.ts';
import { forEachDatabase } from '../helpers/databases.ts';
import { unique } from '../helpers/fixtures.ts';

forEachDatabase('schools repository', (t) => {
  it('creates a trust and reads it back', async () => {
    const trust = await createTrust(t.db, {
      name: 'Riverside Learning Trust',
      createdAt: '2026-11-23T10:00:00.000Z',
    });
    expect(trust).toEqual({
      id: trust.id,
      name: 'Riverside Learning Trust',
      createdAt: '2026-11-23T10:00:00.000Z',
    });
    expect(await getTrust(t.db, trust.id)).toEqual(trust);
    expect(await listTrusts(t.db)).toContainEqual(trust);
  });

  it('creates a school with its sites in one go', async () => {
    const trust = await createTrust(t.db, { name: 'Trust' });
    const slug = `oakfield-${unique()}`;
    const { school, sites } = await createSchool(t.db, {
      trustId: trust.id,
      slug,
      name: 'Oakfield Primary',
      templateId: 'primary',
      timeZone: 'Europe/London',
      locale: 'en-GB',
      sites: [
        { slug: 'main', name: 'Main building' },
        { slug: 'annexe', name: 'Annexe' },
      ],
    });
    expect(school).toMatchObject({
      trustId: trust.id,
      slug,
      templateId: 'primary',
      timeZone: 'Europe/London',
    });
    expect(sites.map((site) => site.slug)).toEqual(['main', 'annexe']);
    expect(sites.every((site) => site.schoolId === school.id && site.createdAt === school.createdAt)).toBe(
      true,
    );

    expect(await getSchoolById(t.db, school.id)).toEqual(school);
    expect(await getSchoolBySlug(t.db, slug)).toEqual(school);
    expect(await getSchoolBySlug(t.db, 'no-such-school')).toBeUndefined();
    expect((await listSites(t.db, school.id)).map((site) => site.slug)).toEqual(['annexe', 'main']);
    expect(await listSchools(t.db, { trustId: trust.id })).toEqual([school]);
  });

  it('creates nothing when a site is invalid', async () => {
    const slug = `broken-${unique()}`;
    const failure = await createSchool(t.db, {
      slug,
      name: 'Broken',
      templateId: 'primary',
      timeZone: 'Europe/London',
      locale: 'en-GB',
      sites: [
        { slug: 'main', name: 'Main' },
        { slug: 'main', name: 'Duplicate' },
      ],
    }).catch((error: unknown) => error);
    expect(isUniqueViolation(failure)).toBe(true);
    expect(await getSchoolBySlug(t.db, slug)).toBeUndefined();
  });

  it('refuses a second school with the same slug', async () => {
    const input = {
      slug: `dup-${unique()}`,
      name: 'A',
      templateId: 'primary',
      timeZone: 'Europe/London',
      locale: 'en-GB',
    };
    await createSchool(t.db, input);
    expect(isUniqueViolation(await createSchool(t.db, input).catch((error: unknown) => error))).toBe(true);
  });

  it('lists schools by name and updates one', async () => {
    const trust = await createTrust(t.db, { name: 'Listing trust' });
    const base = { templateId: 'primary', timeZone: 'Europe/London', locale: 'en-GB', trustId: trust.id };
    const b = await createSchool(t.db, { ...base, slug: `b-${unique()}`, name: 'Beech' });
    const a = await createSchool(t.db, { ...base, slug: `a-${unique()}`, name: 'Ash' });
    expect((await listSchools(t.db, { trustId: trust.id })).map((school) => school.name)).toEqual([
      'Ash',
      'Beech',
    ]);

    const updated = await updateSchool(t.db, b.school.id, { name: 'Birch', locale: 'cy-GB' });
    expect(updated).toEqual({ ...b.school, name: 'Birch', locale: 'cy-GB' });
    expect(await updateSchool(t.db, a.school.id, {})).toEqual(a.school);
    expect(await updateSchool(t.db, 'missing', { name: 'x' })).toBeUndefined();
    expect((await listSchools(t.db)).length).toBeGreaterThanOrEqual(2);
  });

  it('adds a site later, unique within its school', async () => {
    const { school } = await createSchool(t.db, {
      slug: `s-${unique()}`,
      name: 'S',
      templateId: 'secondary',
      timeZone: 'Europe/London',
      locale: 'en-GB',
    });
    const site = await addSite(t.db, { schoolId: school.id, slug: 'sixth-form', name: 'Sixth form centre' });
    expect(await listSites(t.db, school.id)).toEqual([site]);
    const clash = await addSite(t.db, { schoolId: school.id, slug: 'sixth-form', name: 'Again' }).catch(
      (error: unknown) => error,
    );
    expect(isUniqueViolation(clash)).toBe(true);
  });
});
