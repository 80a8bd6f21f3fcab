/**
 * The rule engine: which JSON-logic rules a criteria set may hold (`checkRule`), what they read
 * (`ruleVars`), and their fast evaluation (`compileRule`, `evaluateRule`), with json-logic-js's semantics.
 */
export { ALLOWED_OPERATIONS } from './allow-list.ts';
export { type CheckOptions, checkRule } from './check.ts';
export { type CompiledRule, type RuleData, compileRule } from './compile.ts';
export { type SlotOf, compileRuleOverSlots, readsOnlyNamedPaths } from './compile-slots.ts';
export { RULE_FAILED, type RuleEvaluation, asFiniteNumber, evaluateRule, runRule } from './evaluate.ts';
export { DEFAULT_RULE_LIMITS, type RuleLimits } from './limits.ts';
export { RuleError } from './rule-error.ts';
export { ruleVars } from './rule-vars.ts';
export { isTruthy } from './truthy.ts';
