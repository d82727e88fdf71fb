import type { PolicyDocumentInput } from '../schema.ts';

// PLACEHOLDER: to be transcribed from ../shared/seeds/003_7b798a0a21d1a361.txt
export const wsapc: PolicyDocumentInput = {
  schemaVersion: 1,
  id: 'wsapc',
  seed: '003_7b798a0a21d1a361.txt',
  title: 'WSAPC policy',
  preparedBy: null,
  scope: null,
  school: {
    name: 'WSAPC',
    phase: 'other',
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
    source: { seed: '003_7b798a0a21d1a361.txt', section: 'Review' },
  },
};
