import { describe, expect, it } from 'vitest';
import {
  ACCESS_RULES,
  can,
  GRANTS,
  type Grant,
  grantsForRoleKinds,
  mfaRequired,
} from '../src/access/index.ts';

/**
 * The expected table, written out role by role so that a change to ACCESS_RULES has to be made
 * twice: once in the rules and once here, on purpose.
 */
const EXPECTED: Record<string, Record<string, Grant[]>> = {
  'school.read': {
    yes: [
      'school-admin',
      'headteacher',
      'dsl',
      'online-safety-lead',
      'network-manager',
      'staff',
      'governor',
      'pupil',
      'parent',
    ],
  },
  'school.update': { yes: ['school-admin', 'headteacher'] },
  'policy.read': {
    yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead', 'network-manager', 'staff', 'governor'],
  },
  'policy.draft': { yes: ['school-admin', 'headteacher', 'online-safety-lead'] },
  'policy.recordApproval': { yes: ['school-admin', 'headteacher', 'online-safety-lead'] },
  'people.read': { yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead', 'network-manager'] },
  'people.write': { yes: ['school-admin', 'headteacher'] },
  'people.import': { yes: ['school-admin', 'headteacher'] },
  'roleAssignments.read': {
    yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead', 'network-manager', 'staff', 'governor'],
  },
  'roleAssignments.write': { yes: ['school-admin', 'headteacher'] },
  'accounts.read': { yes: ['school-admin'] },
  'accounts.write': { yes: ['school-admin'] },
  'audit.read': { yes: ['school-admin', 'headteacher'] },
  'filter.read': {
    yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead', 'network-manager', 'staff', 'governor'],
  },
  'filterSettings.write': { yes: ['school-admin', 'network-manager'] },
  'filterExceptions.read': {
    yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead', 'network-manager', 'staff'],
  },
  'filterExceptions.request': {
    yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead', 'network-manager', 'staff'],
  },
  'filterExceptions.approve': { yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead'] },
  'filterDecisions.read': {
    yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead', 'network-manager'],
  },
  'filterChangeLog.read': {
    yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead', 'network-manager', 'staff', 'governor'],
  },
  'filterIllegalHits.read': { yes: ['dsl', 'headteacher'] },
  'incidents.report': {
    yes: [
      'school-admin',
      'headteacher',
      'dsl',
      'online-safety-lead',
      'network-manager',
      'staff',
      'governor',
      'pupil',
      'parent',
    ],
  },
  'incidents.triage': { yes: ['dsl', 'online-safety-lead', 'headteacher'] },
  'breaches.report': {
    yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead', 'network-manager', 'staff'],
  },
  'breaches.manage': { yes: ['school-admin', 'headteacher'] },
  'monitorAlerts.read': { yes: ['dsl', 'headteacher'] },
  'monitorAlerts.triage': { yes: ['dsl', 'headteacher'] },
  'monitorReports.read': { yes: ['dsl', 'headteacher', 'online-safety-lead'] },
  'monitorReports.byUser': { yes: ['dsl', 'headteacher'] },
  'monitorSettings.read': { yes: ['dsl', 'headteacher', 'online-safety-lead'] },
  'monitorSettings.write': { yes: ['dsl', 'headteacher'] },
  'sso.read': { yes: ['school-admin'] },
  'sso.write': { yes: ['school-admin'] },
  'consents.read': {
    yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead', 'network-manager', 'staff', 'parent'],
  },
  'consents.list': {
    yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead', 'network-manager', 'staff'],
  },
  'consents.check': {
    yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead', 'network-manager', 'staff'],
  },
  'consents.record': { yes: ['school-admin', 'headteacher', 'dsl', 'parent'] },
  'consents.own': { yes: ['parent'] },
  'training.own': {
    yes: ['headteacher', 'dsl', 'online-safety-lead', 'network-manager', 'staff', 'governor'],
  },
  'training.manage': { yes: ['school-admin', 'headteacher', 'online-safety-lead'] },
  'training.summary': { yes: ['school-admin', 'headteacher', 'online-safety-lead', 'dsl', 'governor'] },
  'compliance.read': { yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead'] },
  'compliance.summary': { yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead', 'governor'] },
  'incidents.summary': { yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead', 'governor'] },
  'filterReviews.read': { yes: ['school-admin', 'online-safety-lead', 'network-manager'] },
  'filterReviews.handle': { yes: ['school-admin', 'online-safety-lead', 'network-manager'] },
  'gateways.manage': { yes: ['school-admin', 'network-manager'] },
  'filterTests.run': { yes: ['school-admin', 'online-safety-lead', 'network-manager'] },
  'agreements.read': {
    yes: [
      'school-admin',
      'headteacher',
      'dsl',
      'online-safety-lead',
      'network-manager',
      'staff',
      'governor',
      'pupil',
      'parent',
    ],
  },
  'agreements.sign': {
    yes: [
      'headteacher',
      'dsl',
      'online-safety-lead',
      'network-manager',
      'staff',
      'governor',
      'pupil',
      'parent',
    ],
  },
  'agreements.manage': { yes: ['school-admin', 'headteacher', 'online-safety-lead'] },
  'agreements.approve': { yes: ['school-admin', 'headteacher'] },
  'filterTests.read': {
    yes: ['school-admin', 'headteacher', 'dsl', 'online-safety-lead', 'network-manager', 'staff', 'governor'],
  },
};

describe('access rules, role by role', () => {
  const cells = Object.entries(ACCESS_RULES).flatMap(([resource, actions]) =>
    Object.keys(actions).map((action) => `${resource}.${action}`),
  );

  it('has an expectation for every resource and action', () => {
    expect(cells.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const cell of Object.keys(EXPECTED)) {
    const [resource, action] = cell.split('.') as [keyof typeof ACCESS_RULES, string];
    for (const grant of GRANTS) {
      const allowed = EXPECTED[cell]!.yes!.includes(grant);
      it(`${grant} ${allowed ? 'may' : 'may not'} ${cell}`, () => {
        expect(can([grant], resource, action as never)).toBe(allowed);
      });
    }
  }

  it('lets governors read the filter change log and test results, but never the decision logs', () => {
    expect(can(['governor'], 'filterChangeLog', 'read')).toBe(true);
    expect(can(['governor'], 'filterTests', 'read')).toBe(true);
    expect(can(['governor'], 'filterDecisions', 'read')).toBe(false);
    expect(can(['staff'], 'filterDecisions', 'read')).toBe(false);
    expect(can(['pupil', 'parent'], 'filter', 'read')).toBe(false);
  });

  it('refuses an account with no grants everything', () => {
    for (const cell of Object.keys(EXPECTED)) {
      const [resource, action] = cell.split('.') as [keyof typeof ACCESS_RULES, string];
      expect(can([], resource, action as never)).toBe(false);
    }
  });

  it('requires two-factor for safeguarding and personal-data access only', () => {
    expect(mfaRequired(['dsl'])).toBe(true);
    expect(mfaRequired(['staff', 'headteacher'])).toBe(true);
    expect(mfaRequired(['network-manager'])).toBe(true);
    expect(mfaRequired(['staff'])).toBe(false);
    expect(mfaRequired(['governor'])).toBe(false);
    expect(mfaRequired(['pupil', 'parent'])).toBe(false);
  });

  it('gives policy-role holders grants from the role kinds', () => {
    expect(grantsForRoleKinds(['headteacher', 'dsl', 'online-safety-lead']).sort()).toEqual([
      'dsl',
      'headteacher',
      'online-safety-lead',
    ]);
    expect(grantsForRoleKinds(['deputy-dsl'])).toEqual(['dsl']);
    expect(grantsForRoleKinds(['online-safety-governor'])).toEqual(['governor']);
    expect(grantsForRoleKinds(['pupils', 'parents'])).toEqual([]);
  });
});
