import type { PolicyDocumentInput } from '../schema.ts';

// PLACEHOLDER: to be transcribed from ../shared/seeds/000_5dc4f1688d9d3a79.txt
export const milfordHaven: PolicyDocumentInput = {
  schemaVersion: 1,
  id: 'milford-haven',
  seed: '000_5dc4f1688d9d3a79.txt',
  title: 'Milford Haven School policy',
  preparedBy: null,
  scope: null,
  school: {
    name: 'Milford Haven School',
    phase: 'secondary',
    keyStages: ['ks3'],
    country: 'wales',
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
    source: { seed: '000_5dc4f1688d9d3a79.txt', section: 'Review' },
  },
};
