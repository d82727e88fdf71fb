export * from './csv.ts';
export * from './encoding.ts';
export * from './mapping.ts';
export * from './plan.ts';
