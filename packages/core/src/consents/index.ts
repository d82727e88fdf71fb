export * from './purposes.ts';
export * from './state.ts';
