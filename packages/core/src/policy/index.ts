export * from './key-stages.ts';
export * from './matrix-view.ts';
export * from './render.ts';
export * from './review.ts';
export * from './schema.ts';
export * from './templates/index.ts';
export * from './validate.ts';
