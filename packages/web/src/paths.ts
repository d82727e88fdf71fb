import type { MatrixName } from './types.ts';

/** Every route in the app, in one place. */
export const paths = {
  signIn: '/sign-in',
  twoFactor: '/sign-in/two-factor',
  twoFactorSetup: '/two-factor/setup',
  home: '/',
  policy: '/policy',
  matrix: (name: MatrixName) => `/policy/matrices/${name}`,
  matrixPattern: '/policy/matrices/:matrix',
  people: '/people',
  filter: '/filter',
  filterGroups: '/filter/groups',
  filterCheck: '/filter/check',
  filterTimetable: '/filter/timetable',
  filterExceptions: '/filter/exceptions',
  filterChangeLog: '/filter/change-log',
  filterDecisions: '/filter/decisions',
  filterReviews: '/filter/reviews',
  filterTests: '/filter/tests',
  filterIllegalHits: '/filter/illegal-hits',
  filterTestRun: (runId: string) => `/filter/tests/${encodeURIComponent(runId)}`,
  filterTestRunPattern: '/filter/tests/:runId',
  account: '/account',
  accountTwoFactor: '/account/two-factor',
} as const;
