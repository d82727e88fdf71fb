export * as filter from './filter/index.ts';
export * as policy from './policy/index.ts';
