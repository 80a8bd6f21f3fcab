/**
 * Chỉ số's domain core: criteria-set definitions as data, safe JSON-logic rules, exact scoring,
 * validation of a definition and the diff of two versions. Pure: no I/O; runs in Node and in browsers.
 */
export * from './definition/index.ts';
export * from './diff/index.ts';
export * from './lint/index.ts';
export * from './problem.ts';
export { ALLOWED_OPERATIONS, DEFAULT_RULE_LIMITS, type RuleLimits, checkRule, ruleVars } from './rules/index.ts';
export * from './scoring/index.ts';
