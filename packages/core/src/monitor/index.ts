export * from './address-map.ts';
export * from './categories.ts';
export * from './library.ts';
export * from './log-formats.ts';
export * from './matcher.ts';
export * from './normalise.ts';
export * from './search-terms.ts';
export * from './settings.ts';
