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
  account: '/account',
  accountTwoFactor: '/account/two-factor',
} as const;
