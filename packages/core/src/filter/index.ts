export * from './categories.ts';
export * from './compile.ts';
export * from './decide.ts';
export * from './network.ts';
export * from './safe-search.ts';
export * from './settings.ts';
export * from './snapshot.ts';
export * from './timetable.ts';
