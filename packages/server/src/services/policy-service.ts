import { access, policy } from '@haven/core';
import { inTransaction } from '../db/transaction.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import {
  approvePolicyVersion,
  createPolicyDraft,
  getCurrentPolicyVersion,
  getPolicyVersion,
} from '../repositories/policy-versions.ts';
import { getSchoolById } from '../repositories/schools.ts';
import type { Actor } from './actor.ts';
import { audit } from './audit.ts';
import { authorise } from './school-service.ts';

/**
 * Policy versions: a document is validated, saved as a new numbered draft (never edited in
 * place), and becomes current when someone records the governors' approval and its date.
 */
export async function saveDraft(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  document: unknown,
  opts: { skipAuthorise?: boolean } = {},
) {
  if (!opts.skipAuthorise) await authorise(haven, actor, schoolId, 'policy', 'draft');
  const result = policy.validatePolicy(document);
  if (!result.ok) {
    // A document can have thousands of problems; the first hundred say enough.
    const shown = result.problems.slice(0, 100);
    const more = result.problems.length - shown.length;
    throw errors.validation(
      more > 0 ? [...shown, { path: '(document)', reason: `and ${more} more problems` }] : shown,
      'The policy document is not valid.',
    );
  }
  // The change and its audit event land together or not at all.
  const draft = await inTransaction(haven.db, async (trx) => {
    const draft = await createPolicyDraft(trx, {
      schoolId,
      document: result.policy,
      createdBy: actor.accountId,
    });
    await audit(
      trx,
      actor,
      'policy.draft-saved',
      { type: 'policy-version', id: draft.id, schoolId },
      { version: draft.version },
    );
    return draft;
  });
  return draft;
}

export interface ApprovalInput {
  versionId: string;
  /** The date the governors approved it, as minuted. */
  approvedOn: string;
  approvedBy: string;
}

export async function recordApproval(
  haven: Haven,
  actor: Actor,
  schoolId: string,
  input: ApprovalInput,
  opts: { skipAuthorise?: boolean } = {},
) {
  const school = opts.skipAuthorise
    ? await getSchoolById(haven.db, schoolId)
    : await authorise(haven, actor, schoolId, 'policy', 'recordApproval');
  if (!school) throw errors.notFound('That school');
  const version = await getPolicyVersion(haven.db, input.versionId);
  if (!version || version.schoolId !== schoolId) throw errors.notFound('That policy version');
  const doc = await haven.policyDocument(version.id);
  if (!doc) throw errors.notFound('That policy version');
  // "Today" is the school's own date: at 00:30 in a British summer, UTC is still yesterday.
  if (input.approvedOn > policy.dateIn(school.timeZone, haven.now())) {
    throw errors.validation([{ path: 'approvedOn', reason: 'cannot be in the future' }]);
  }
  const current = await getCurrentPolicyVersion(haven.db, schoolId);
  if (
    !opts.skipAuthorise &&
    current &&
    !actor.grants.some((g) => g === 'headteacher' || g === 'school-admin')
  ) {
    const before = await haven.policyDocument(current.id);
    // Role kinds decide who gets which access: only the headteacher or the school's
    // administrator may approve a version that changes them, or an online safety lead could
    // make their own role carry the headteacher's access.
    if (before && accessByRole(before) !== accessByRole(doc)) {
      throw errors.forbiddenBecause(
        'This version changes which access a role carries. Only the headteacher or the school administrator can approve it.',
      );
    }
  }
  if (current && current.version > version.version) {
    throw errors.conflict(
      `Version ${version.version} is older than the current version ${current.version}; save it again as a new draft to approve it.`,
    );
  }
  // The approval and its audit event land together or not at all.
  return inTransaction(haven.db, async (trx) => {
    const outcome = await approvePolicyVersion(trx, {
      id: version.id,
      approvedOn: input.approvedOn,
      approvedBy: input.approvedBy,
      approvedRecordedBy: actor.accountId,
      nextReview: policy.nextReviewDate(input.approvedOn, doc.review.intervalMonths),
    });
    if (!outcome.ok) {
      throw outcome.reason === 'not-found'
        ? errors.notFound('That policy version')
        : errors.conflict(`Version ${version.version} is ${outcome.status}, not a draft.`);
    }
    await audit(
      trx,
      actor,
      'policy.approved',
      { type: 'policy-version', id: version.id, schoolId },
      {
        version: version.version,
        approvedOn: input.approvedOn,
        superseded: outcome.superseded.map((s) => s.id),
      },
    );
    return outcome.approved;
  });
}

/** Each role's access, as a comparable string: what approval must not change without authority. */
function accessByRole(doc: policy.PolicyDocument): string {
  return JSON.stringify(
    doc.roles
      .map((r) => [r.id, access.grantsForRoleKinds(r.kinds).sort()])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
}
