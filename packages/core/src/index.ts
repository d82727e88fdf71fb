export * as access from './access/index.ts';
export * as agreements from './agreements/index.ts';
export * as filter from './filter/index.ts';
export * as i18n from './i18n/index.ts';
export * as incidents from './incidents/index.ts';
export * as monitor from './monitor/index.ts';
export * as policy from './policy/index.ts';
