export { describeChange, entrySubject } from './describe.ts';
export { diffDefinitions } from './diff.ts';
export type { DefinitionDiff, DiffEntry, DiffItem, PropertyChange } from './types.ts';
