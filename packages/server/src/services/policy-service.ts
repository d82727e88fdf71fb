import { policy } from '@haven/core';
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
  const draft = await createPolicyDraft(haven.db, {
    schoolId,
    document: result.policy,
    createdBy: actor.accountId,
  });
  await audit(
    haven.db,
    actor,
    'policy.draft-saved',
    { type: 'policy-version', id: draft.id, schoolId },
    { version: draft.version },
  );
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
  if (current && current.version > version.version) {
    throw errors.conflict(
      `Version ${version.version} is older than the current version ${current.version}; save it again as a new draft to approve it.`,
    );
  }
  const outcome = await approvePolicyVersion(haven.db, {
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
    haven.db,
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
}
