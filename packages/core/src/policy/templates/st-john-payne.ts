import type { PolicyDocumentInput } from '../schema.ts';

// PLACEHOLDER: to be transcribed from ../shared/seeds/004_e74e0a9d0aa1a338.txt
export const stJohnPayne: PolicyDocumentInput = {
  schemaVersion: 1,
  id: 'st-john-payne',
  seed: '004_e74e0a9d0aa1a338.txt',
  title: 'St John Payne School policy',
  preparedBy: null,
  scope: null,
  school: {
    name: 'St John Payne School',
    phase: 'secondary',
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
    source: { seed: '004_e74e0a9d0aa1a338.txt', section: 'Review' },
  },
};
