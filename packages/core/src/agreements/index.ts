export * from './schema.ts';
export * from './signing.ts';
export * from './templates/index.ts';
export * from './who-signs.ts';
export * from './wording.ts';
