export * from './definition/index.ts';
export * from './problem.ts';
