import type { PolicyDocumentInput } from '../schema.ts';

// PLACEHOLDER: to be transcribed from ../shared/seeds/001_ad7e64b621ffb9c4.txt
export const primaryAdvantage: PolicyDocumentInput = {
  schemaVersion: 1,
  id: 'primary-advantage',
  seed: '001_ad7e64b621ffb9c4.txt',
  title: 'Primary Advantage policy',
  preparedBy: null,
  scope: null,
  school: {
    name: 'Primary Advantage',
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
    source: { seed: '001_ad7e64b621ffb9c4.txt', section: 'Review' },
  },
};
