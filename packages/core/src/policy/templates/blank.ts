import type { PolicyDocumentInput } from '../schema.ts';

/** A blank policy for a school starting from nothing: no matrices, no roles filled. */
export const blank: PolicyDocumentInput = {
  schemaVersion: 1,
  id: 'blank',
  seed: null,
  title: 'Online Safety Policy',
  preparedBy: null,
  scope: null,
  school: {
    name: 'New School',
    phase: 'primary',
    keyStages: ['ks1', 'ks2'],
    country: 'england',
    sites: [{ id: 'main', name: 'Main site' }],
  },
  roles: [],
  review: {
    approvals: [],
    intervalMonths: 12,
    intervalAsWritten: null,
    nextReviewAsWritten: null,
    nextReview: null,
    monitoredBy: null,
    monitoringInterval: null,
    governorsReport: null,
    triggers: [],
    source: { seed: null, section: 'Review' },
  },
};
