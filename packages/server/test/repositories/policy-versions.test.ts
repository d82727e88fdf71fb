import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/db/errors.ts';
import {
  approvePolicyVersion,
  createPolicyDraft,
  getCurrentPolicyVersion,
  getPolicyVersion,
  getPolicyVersionByNumber,
  listPolicyVersions,
} from '../../src/repositories/policy-versions.ts';
import { forEachDatabase } from '../helpers/databases.ts';
import { makeAccount, makeSchool } from '../helpers/fixtures.ts';

const approval = (id: string, approvedOn: string, recordedBy: string | null = null) => ({
  id,
  approvedOn,
  approvedBy: 'Full governing body',
  approvedRecordedBy: recordedBy,
  nextReview: '2027-11-01',
});

forEachDatabase('policy versions repository', (t) => {
  it('numbers drafts per school and stores the document with its hash', async () => {
    const school = await makeSchool(t.db);
    const other = await makeSchool(t.db);
    const author = await makeAccount(t.db, school.id);
    const document = { title: 'Online safety policy', roles: [{ id: 'dsl', title: 'DSL' }], é: 'unicode' };

    const v1 = await createPolicyDraft(t.db, {
      schoolId: school.id,
      document,
      createdBy: author.id,
      createdAt: '2026-11-23T10:00:00.000Z',
    });
    const v2 = await createPolicyDraft(t.db, { schoolId: school.id, document: { ...document, title: 'v2' } });
    const elsewhere = await createPolicyDraft(t.db, { schoolId: other.id, document });

    const text = JSON.stringify(document);
    expect(v1).toEqual({
      id: v1.id,
      schoolId: school.id,
      version: 1,
      status: 'draft',
      document,
      documentHash: createHash('sha256').update(text).digest('hex'),
      createdBy: author.id,
      createdAt: '2026-11-23T10:00:00.000Z',
      approvedOn: null,
      approvedBy: null,
      approvedRecordedBy: null,
      nextReview: null,
    });
    expect(v2.version).toBe(2);
    expect(elsewhere.version).toBe(1);
    expect(await getPolicyVersion(t.db, v1.id)).toEqual(v1);
    expect(await getPolicyVersionByNumber(t.db, school.id, 2)).toEqual(v2);
    expect(await getPolicyVersionByNumber(t.db, school.id, 3)).toBeUndefined();
    expect(await getCurrentPolicyVersion(t.db, school.id)).toBeUndefined();
  });

  it('approves a draft, and approving the next supersedes it in the same step', async () => {
    const school = await makeSchool(t.db);
    const clerk = await makeAccount(t.db, school.id);
    const v1 = await createPolicyDraft(t.db, { schoolId: school.id, document: { v: 1 } });
    const v2 = await createPolicyDraft(t.db, { schoolId: school.id, document: { v: 2 } });

    const first = await approvePolicyVersion(t.db, approval(v1.id, '2026-11-20', clerk.id));
    expect(first).toMatchObject({
      ok: true,
      approved: {
        id: v1.id,
        status: 'approved',
        approvedOn: '2026-11-20',
        approvedBy: 'Full governing body',
        approvedRecordedBy: clerk.id,
        nextReview: '2027-11-01',
      },
      superseded: [],
    });
    expect((await getCurrentPolicyVersion(t.db, school.id))?.id).toBe(v1.id);

    const second = await approvePolicyVersion(t.db, approval(v2.id, '2026-11-27'));
    expect(second).toMatchObject({ ok: true, approved: { id: v2.id, status: 'approved' } });
    expect(second.ok && second.superseded.map((version) => [version.id, version.status])).toEqual([
      [v1.id, 'superseded'],
    ]);
    const current = await getCurrentPolicyVersion(t.db, school.id);
    expect(current).toMatchObject({ id: v2.id, document: { v: 2 } });

    // Superseding keeps the old approval record and the document exactly as they were.
    const old = await getPolicyVersion(t.db, v1.id);
    expect(old).toMatchObject({ status: 'superseded', approvedOn: '2026-11-20', document: { v: 1 } });
    expect(old?.documentHash).toBe(v1.documentHash);

    expect(
      (await listPolicyVersions(t.db, school.id)).map((version) => [version.version, version.status]),
    ).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    expect(await listPolicyVersions(t.db, school.id)).not.toContainEqual(
      expect.objectContaining({ document: {} }),
    );
  });

  it('only approves drafts', async () => {
    const school = await makeSchool(t.db);
    const v1 = await createPolicyDraft(t.db, { schoolId: school.id, document: {} });
    await approvePolicyVersion(t.db, approval(v1.id, '2026-11-20'));
    expect(await approvePolicyVersion(t.db, approval(v1.id, '2026-11-21'))).toEqual({
      ok: false,
      reason: 'not-draft',
      status: 'approved',
    });
    expect(await approvePolicyVersion(t.db, approval('missing', '2026-11-21'))).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });

  it('never holds two approved versions for one school', async () => {
    const school = await makeSchool(t.db);
    const v1 = await createPolicyDraft(t.db, { schoolId: school.id, document: {} });
    const v2 = await createPolicyDraft(t.db, { schoolId: school.id, document: {} });
    await approvePolicyVersion(t.db, approval(v1.id, '2026-11-20'));
    const bypass = await t.db
      .updateTable('policy_versions')
      .set({ status: 'approved' })
      .where('id', '=', v2.id)
      .execute()
      .catch((error: unknown) => error);
    expect(isUniqueViolation(bypass)).toBe(true);
  });

  it('serialises concurrent drafts and approvals for one school', async () => {
    const school = await makeSchool(t.db);
    const drafts = await Promise.all(
      Array.from({ length: 6 }, (_, i) => createPolicyDraft(t.db, { schoolId: school.id, document: { i } })),
    );
    expect(drafts.map((draft) => draft.version).sort()).toEqual([1, 2, 3, 4, 5, 6]);

    const outcomes = await Promise.all(
      drafts.map((draft) => approvePolicyVersion(t.db, approval(draft.id, '2026-11-23'))),
    );
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    const statuses = (await listPolicyVersions(t.db, school.id)).map((version) => version.status);
    expect(statuses.filter((status) => status === 'approved')).toHaveLength(1);
    expect(statuses.filter((status) => status === 'superseded')).toHaveLength(5);
  });

  it('refuses a document that is not JSON', async () => {
    const school = await makeSchool(t.db);
    expect(() => createPolicyDraft(t.db, { schoolId: school.id, document: undefined })).toThrow(/JSON/);
  });
});
