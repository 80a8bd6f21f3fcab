/** How big a rule may be; checked before a rule is compiled. */
export interface RuleLimits {
  /** Most steps in the path from the rule's root to any node (every object and array is a step). */
  maxDepth: number;
  /** Most JSON values in the whole rule. */
  maxNodes: number;
  /** Longest string literal, in UTF-16 code units. */
  maxStringLength: number;
}

/**
 * Generous for hand-written rules (a banded cap rule is about 6 deep and 20 nodes), and far below the
 * ~5,000 levels at which json-logic-js's recursion overflows the stack.
 */
export const DEFAULT_RULE_LIMITS: Readonly<RuleLimits> = Object.freeze({
  maxDepth: 64,
  maxNodes: 5000,
  maxStringLength: 1000,
});

/**
 * Units of work one evaluation may spend: one per element visited by map, filter, reduce, all, none
 * and some, one per element merged, one per character concatenated. The size limits above cannot bound
 * this (nested `map`s over literal arrays multiply, a `reduce` that merges its accumulator with itself
 * doubles), and an evaluation that ran out of memory would take the whole process down with it.
 */
export const EVALUATION_BUDGET = 1_000_000;
