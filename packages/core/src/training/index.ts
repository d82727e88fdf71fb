export * from './courses.ts';
export * from './needs-audit.ts';
export * from './status.ts';
