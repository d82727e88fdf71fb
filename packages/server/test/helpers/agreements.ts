import { agreements } from '@haven/core';
import type { Haven } from '../../src/haven.ts';
import { getAccountById } from '../../src/repositories/accounts.ts';
import { appendSignature, insertAgreementVersion } from '../../src/repositories/agreements.ts';
import { createPerson, getPerson } from '../../src/repositories/people.ts';
import { getSchoolById } from '../../src/repositories/schools.ts';
import { currentVersions, requiredFor, sha256, signAgreement } from '../../src/services/agreement-service.ts';
import type { RouteIds } from './routes.ts';

/**
 * Fixtures for the agreement routes in the access tests: the caller's own first agreement (signed
 * already, for the withdraw route), and a signature on an approval form waiting for approval. A
 * school without an approval form (Milford Haven) gets one as a fixture agreement for community
 * users, whom no demo account is, so no demo account's requirements change.
 */
export async function agreementFixtures(
  haven: Haven,
  schoolId: string,
  routeName: string,
  caller: string | null,
): Promise<Partial<RouteIds>> {
  const school = (await getSchoolById(haven.db, schoolId))!;
  const at = haven.now().toISOString();
  const out: Partial<RouteIds> = {};
  if (routeName.endsWith('/approve') || (routeName.endsWith('/copy.pdf') && caller === null)) {
    const base = agreements.agreementTemplate('primary-advantage', 'staff')!;
    const fixture = { ...base, id: 'fixture-approval', audience: 'community-user' as const, alsoFor: [] };
    await insertAgreementVersion(haven.db, {
      schoolId,
      agreementId: fixture.id,
      version: 1,
      title: fixture.title,
      content: fixture,
      textHash: sha256(agreements.canonicalText(fixture)),
      source: 'template',
      sourceFilename: null,
      createdBy: 'fixture',
      createdAt: at,
    });
    const version = (await currentVersions(haven, school)).find((v) => v.agreementId === fixture.id)!;
    const signer = await createPerson(haven.db, {
      schoolId,
      kind: 'other',
      givenName: 'Signer',
      familyName: 'Fixture',
      displayName: 'Signer Fixture',
    });
    out.signatureId = (
      await appendSignature(haven.db, {
        schoolId,
        agreementId: fixture.id,
        versionId: version.id,
        textHash: version.textHash,
        kind: 'signed',
        refersTo: null,
        personId: signer.id,
        actorAccountId: null,
        actorPersonId: signer.id,
        actorLabel: 'fixture',
        relation: 'self',
        answers: { agreed: true, fields: {} },
        at,
        ip: null,
        userAgent: null,
      })
    ).id;
    return out;
  }
  const personId = caller ? (await getAccountById(haven.db, caller))?.personId : null;
  const person = personId ? await getPerson(haven.db, personId) : undefined;
  if (!person)
    return routeName.endsWith('/copy.pdf') ? agreementFixtures(haven, schoolId, routeName, null) : out;
  const mine = (await requiredFor(haven, school, person)).find((r) => r.signer === 'self');
  if (!mine)
    return routeName.endsWith('/copy.pdf') ? agreementFixtures(haven, schoolId, routeName, null) : out;
  out.agreementId = mine.agreement;
  out.agreementVersion = String(mine.version);
  out.agreementTextHash = mine.textHash;
  if (routeName.endsWith('/withdraw') || routeName.endsWith('/copy.pdf')) {
    const signed = await appendSignature(haven.db, {
      schoolId,
      agreementId: mine.agreement,
      versionId: mine.versionId,
      textHash: mine.textHash,
      kind: 'signed',
      refersTo: null,
      personId: person.id,
      actorAccountId: caller,
      actorPersonId: person.id,
      actorLabel: 'fixture',
      relation: 'self',
      answers: { agreed: true, fields: {} },
      at,
      ip: null,
      userAgent: null,
    });
    out.signatureId = signed.id;
  }
  return out;
}

/** What the agreement routes may change: versions, the append-only records, the unsigned rule. */
export async function agreementState(haven: Haven, schoolId: string) {
  return {
    versions: (
      await haven.db
        .selectFrom('agreement_versions')
        .select(['agreement_id', 'version'])
        .where('school_id', '=', schoolId)
        .execute()
    )
      .map((v) => `${v.agreement_id}:${v.version}`)
      .sort(),
    signatures: (
      await haven.db
        .selectFrom('agreement_signatures')
        .select(['id', 'kind'])
        .where('school_id', '=', schoolId)
        .execute()
    )
      .map((s) => `${s.id}:${s.kind}`)
      .sort(),
    settings: await haven.db
      .selectFrom('agreement_settings')
      .selectAll()
      .where('school_id', '=', schoolId)
      .execute(),
  };
}

/** Signs, as the account, every agreement its person signs themselves, with every field filled. */
export async function signEverything(haven: Haven, accountId: string): Promise<void> {
  const account = (await getAccountById(haven.db, accountId))!;
  const school = (await getSchoolById(haven.db, account.schoolId!))!;
  const person = (await getPerson(haven.db, account.personId!))!;
  const day = haven.now().toISOString().slice(0, 10);
  const actor = { accountId, label: account.email, schoolId: school.id, grants: account.grants, ip: null };
  for (const r of await requiredFor(haven, school, person)) {
    if (r.signer !== 'self' || r.signed) continue;
    const v = (await currentVersions(haven, school)).find((x) => x.agreementId === r.agreement)!.content;
    const items = v.sections.flatMap((s) => s.items);
    await signAgreement(
      haven,
      actor,
      school.id,
      r.agreement,
      {
        version: r.version,
        textHash: r.textHash,
        answers: {
          agreed: true,
          ...(v.form.kind === 'ticks' ? { ticks: items.filter((i) => !i.permission).map((i) => i.id) } : {}),
          ...(items.some((i) => i.permission)
            ? { permissions: Object.fromEntries(items.filter((i) => i.permission).map((i) => [i.id, true])) }
            : {}),
          fields: Object.fromEntries(
            v.form.fields.map((f) => {
              const one = f.type === 'date' ? day : `${f.id} answer`;
              return [f.id, f.blanks > 1 ? Array.from({ length: f.blanks }, () => one) : one];
            }),
          ),
        },
      },
      { ip: null, userAgent: 'test' },
    );
  }
}
