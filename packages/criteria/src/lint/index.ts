export { type RuleBounds, ruleBounds } from './rule-bounds.ts';
export { isPublishable, lintDefinition, validateDefinition } from './validate.ts';
export { LINT_CODES, type LintCode } from './codes.ts';
