import { randomBytes } from 'node:crypto';
import type { Db, PersonKind } from '../../src/db/schema.ts';
import { type Account, createAccount } from '../../src/repositories/accounts.ts';
import { createPerson, type Person } from '../../src/repositories/people.ts';
import { createSchool, type School } from '../../src/repositories/schools.ts';

/** A short random suffix so tests sharing one database never collide on unique columns. */
export const unique = (): string => randomBytes(4).toString('hex');

export async function makeSchool(db: Db, overrides: { trustId?: string | null } = {}): Promise<School> {
  const suffix = unique();
  const { school } = await createSchool(db, {
    slug: `school-${suffix}`,
    name: `Oakfield Primary ${suffix}`,
    templateId: 'primary',
    timeZone: 'Europe/London',
    locale: 'en-GB',
    ...overrides,
  });
  return school;
}

export function makePerson(
  db: Db,
  schoolId: string,
  kind: PersonKind,
  names: { givenName?: string; familyName?: string } = {},
): Promise<Person> {
  const givenName = names.givenName ?? 'Sam';
  const familyName = names.familyName ?? `Taylor-${unique()}`;
  return createPerson(db, {
    schoolId,
    kind,
    givenName,
    familyName,
    displayName: `${givenName} ${familyName}`,
  });
}

export function makeAccount(db: Db, schoolId: string | null = null): Promise<Account> {
  return createAccount(db, {
    schoolId,
    email: `user-${unique()}@example.org`,
    displayName: 'Test User',
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  });
}
