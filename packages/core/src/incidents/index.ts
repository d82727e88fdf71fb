export * from './breach.ts';
export * from './evidence.ts';
export * from './flowchart.ts';
export * from './form.ts';
export * from './nudes.ts';
export * from './options.ts';
export * from './routing.ts';
export * from './sanctions.ts';
