import type { PolicyDocumentInput } from '../schema.ts';

// PLACEHOLDER: to be transcribed from ../shared/seeds/002_40e16c7ed3df90b5.txt
export const westover: PolicyDocumentInput = {
  schemaVersion: 1,
  id: 'westover',
  seed: '002_40e16c7ed3df90b5.txt',
  title: 'Westover Primary School policy',
  preparedBy: null,
  scope: null,
  school: {
    name: 'Westover Primary School',
    phase: 'primary',
    keyStages: ['ks3'],
    country: 'england',
    sites: [{ id: 'main', name: 'Main site' }],
  },
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
    source: { seed: '002_40e16c7ed3df90b5.txt', section: 'Review' },
  },
};
