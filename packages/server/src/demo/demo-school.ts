import { policy } from '@haven/core';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import type { PersonKind } from '../db/schema.ts';
import type { Haven } from '../haven.ts';
import { createAccount } from '../repositories/accounts.ts';
import { addGuardianship, createPerson, type Person } from '../repositories/people.ts';
import { assignRole } from '../repositories/role-assignments.ts';
import { createSchool, createTrust, getSchoolBySlug, type School } from '../repositories/schools.ts';
import { CLI_ACTOR } from '../services/actor.ts';
import { audit } from '../services/audit.ts';
import { recordApproval, saveDraft } from '../services/policy-service.ts';
import { FAMILY_NAMES, GIVEN_NAMES, pick, seededRandom } from './names.ts';

/** Role kinds that name a group of people, not one post, so the demo gives them no single holder. */
const GROUP_KINDS = new Set([
  'governors',
  'all-staff',
  'teachers',
  'pupils',
  'parents',
  'community-users',
  'external-groups',
  'lado',
]);
const GOVERNOR_KINDS = new Set(['online-safety-governor', 'safeguarding-governor', 'chair-of-governors']);

export interface DemoCredential {
  email: string;
  password: string;
  who: string;
  twoFactor: 'required' | 'optional';
}

export interface DemoResult {
  school: School;
  created: boolean;
  credentials: DemoCredential[];
  counts: Record<PersonKind, number>;
}

/**
 * A school from a bundled template, with the template as its approved policy (approved as the
 * seed records it, or today for the blank) and no people yet. Used by the demo and by commands
 * that need a school to attach records to (`haven import`).
 */
export async function createSchoolFromTemplate(haven: Haven, templateId: string) {
  const doc = policy.template(templateId);
  if (!doc) throw new Error(`no template "${templateId}"`);
  // A federation or trust (seed 001) holds its schools from day one.
  const trust = doc.school.trust ? await createTrust(haven.db, { name: doc.school.trust.name }) : null;
  const { school } = await createSchool(haven.db, {
    trustId: trust?.id ?? null,
    slug: doc.id,
    name: doc.school.name,
    templateId,
    timeZone: doc.school.timeZone,
    // Welsh schools get Welsh when the catalogue has it; English until then.
    locale: doc.school.languages.includes('cy') ? 'cy' : 'en',
    sites: doc.school.sites.map((s) => ({ slug: s.id, name: s.name })),
  });
  const actor = { ...CLI_ACTOR, label: 'demo', schoolId: school.id };
  await audit(
    haven.db,
    actor,
    'school.created',
    { type: 'school', id: school.id, schoolId: school.id },
    { template: templateId, demo: true },
  );
  const draft = await saveDraft(haven, actor, school.id, doc, { skipAuthorise: true });
  const approval = doc.review.approvals.find((a) => a.on !== null);
  await recordApproval(
    haven,
    actor,
    school.id,
    {
      versionId: draft.id,
      approvedOn: approval?.on ?? haven.now().toISOString().slice(0, 10),
      approvedBy: approval?.body ?? 'Governing body',
    },
    { skipAuthorise: true },
  );
  return { school, actor };
}

/**
 * Creates a demo school from a bundled template: the template as its approved policy, a holder
 * for every post the policy names, about 200 pupils across its year groups with linked parents,
 * governors, and four accounts to sign in with. Idempotent: an existing school is left alone.
 */
export async function createDemoSchool(
  haven: Haven,
  templateId: string = policy.DEFAULT_TEMPLATE,
  options: { pupils?: number } = {},
): Promise<DemoResult> {
  const doc = policy.template(templateId);
  if (!doc)
    throw new Error(
      `no template "${templateId}": use one of ${policy
        .templateSummaries()
        .map((t) => t.id)
        .join(', ')}`,
    );
  const existing = await getSchoolBySlug(haven.db, doc.id);
  const counts: Record<PersonKind, number> = {
    pupil: 0,
    staff: 0,
    parent: 0,
    governor: 0,
    visitor: 0,
    other: 0,
  };
  if (existing) return { school: existing, created: false, credentials: [], counts };

  const random = seededRandom(20261123);
  const domain = `${doc.id}.example`;
  const { school } = await createSchoolFromTemplate(haven, templateId);

  const usedNames = new Set<string>();
  const newPerson = async (
    kind: PersonKind,
    extra: { yearGroup?: string; className?: string; familyName?: string } = {},
  ): Promise<Person> => {
    let given = pick(random, GIVEN_NAMES);
    let family = extra.familyName ?? pick(random, FAMILY_NAMES);
    for (let i = 0; usedNames.has(`${given} ${family}`) && i < 20; i++) {
      given = pick(random, GIVEN_NAMES);
      if (!extra.familyName) family = pick(random, FAMILY_NAMES);
    }
    usedNames.add(`${given} ${family}`);
    counts[kind]++;
    return createPerson(haven.db, {
      schoolId: school.id,
      kind,
      givenName: given,
      familyName: family,
      displayName: `${given} ${family}`,
      email: kind === 'pupil' ? null : `${given}.${family}@${domain}`.toLowerCase(),
      yearGroup: extra.yearGroup ?? null,
      className: extra.className ?? null,
      misId: `${kind.slice(0, 3).toUpperCase()}${String(counts[kind]).padStart(5, '0')}`,
    });
  };

  // A holder for every post; deputies for the DSL.
  const holders = new Map<string, Person>();
  for (const role of doc.roles) {
    if (role.kinds.every((k) => GROUP_KINDS.has(k))) continue;
    const governor = role.kinds.some((k) => GOVERNOR_KINDS.has(k));
    const person = await newPerson(governor ? 'governor' : 'staff');
    holders.set(role.id, person);
    await assignRole(haven.db, {
      schoolId: school.id,
      personId: person.id,
      policyRoleId: role.id,
      deputy: false,
    });
    if (role.kinds.includes('dsl')) {
      const deputy = await newPerson('staff');
      await assignRole(haven.db, {
        schoolId: school.id,
        personId: deputy.id,
        policyRoleId: role.id,
        deputy: true,
      });
    }
  }
  for (let i = 0; i < 30; i++) await newPerson('staff');
  for (let i = counts.governor; i < 9; i++) await newPerson('governor');

  const years = policy.yearGroupsFor(doc.school.keyStages);
  const pupils = options.pupils ?? 200;
  for (let i = 0; i < pupils; i++) {
    const yearGroup = years[i % years.length]!;
    const form = String.fromCharCode(65 + (Math.floor(i / years.length) % 2));
    const pupil = await newPerson('pupil', {
      yearGroup,
      className: `${yearGroup.replace('Year ', '')}${form}`,
    });
    const parent = await newPerson('parent', { familyName: pupil.familyName });
    await addGuardianship(haven.db, {
      schoolId: school.id,
      parentId: parent.id,
      pupilId: pupil.id,
      relationship: 'parent',
    });
  }

  const credentials: DemoCredential[] = [];
  const account = async (
    local: string,
    who: string,
    grants: string[],
    person: Person | undefined,
    twoFactor: DemoCredential['twoFactor'],
  ) => {
    const password = generatePassword();
    const email = `${local}@${domain}`;
    await createAccount(haven.db, {
      schoolId: school.id,
      personId: person?.id ?? null,
      email,
      displayName: person?.displayName ?? who,
      passwordHash: await hashPassword(password),
      grants,
    });
    credentials.push({ email, password, who, twoFactor });
  };
  const byKind = (kind: string) => doc.roles.find((r) => r.kinds.includes(kind as never));
  const dslRole = byKind('dsl') ?? byKind('online-safety-lead') ?? byKind('headteacher');
  const governorRole = byKind('online-safety-governor') ?? byKind('safeguarding-governor');
  await account('admin', 'School administrator', ['school-admin'], undefined, 'required');
  await account(
    'dsl',
    dslRole ? `${dslRole.title} (holder)` : 'Designated safeguarding lead',
    dslRole ? [] : ['dsl'],
    dslRole ? holders.get(dslRole.id) : undefined,
    'required',
  );
  await account('teacher', 'A class teacher', ['staff'], await newPerson('staff'), 'optional');
  await account(
    'governor',
    governorRole ? `${governorRole.title} (holder)` : 'A governor',
    ['governor'],
    governorRole ? holders.get(governorRole.id) : undefined,
    'optional',
  );
  return { school, created: true, credentials, counts };
}
