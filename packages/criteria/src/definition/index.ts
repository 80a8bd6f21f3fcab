export * from './band.ts';
export * from './field.ts';
export * from './parse.ts';
export * from './rule.ts';
export * from './schema.ts';
export * from './text.ts';
export * from './unit-kinds.ts';
