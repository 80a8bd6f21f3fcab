import type { Problem } from '../problem.ts';
import type { CompiledRule } from './compile.ts';
import { RuleError } from './rule-error.ts';
import { evaluationFailed } from './rule-problems.ts';

/** The outcome of one evaluation: the value, or why there is none. */
export type RuleEvaluation = { ok: true; value: unknown } | { ok: false; problem: Problem };

/** Words for whatever was thrown; reading a thrown value may itself throw. */
function reasonOf(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    return String(error);
  } catch {
    return 'unknown error';
  }
}

/**
 * Evaluates a compiled rule; never throws. A failure (a stack overflow included) comes back as a
 * problem with code `rule.evaluation-failed`, or `rule.too-much-work` when the evaluation ran over budget.
 * @example evaluateRule(compileRule({ '/': [1, 0] }), {}) // { ok: true, value: Infinity }
 */
export function evaluateRule(compiled: CompiledRule, data: unknown): RuleEvaluation {
  try {
    return { ok: true, value: compiled(data) };
  } catch (error) {
    try {
      const reported = error instanceof RuleError ? error.problems[0] : undefined;
      return { ok: false, problem: reported ?? evaluationFailed(reasonOf(error)) };
    } catch {
      return { ok: false, problem: evaluationFailed('unknown error') };
    }
  }
}

/**
 * The value as a finite number, or null: NaN, ±Infinity, numeric strings and everything else give
 * null. -0 is answered as 0 so that no score carries a sign on zero.
 * @example asFiniteNumber(1 / 0) // null
 */
export function asFiniteNumber(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}

/** What `runRule` answers when an evaluation fails: a value no rule can produce. */
export const RULE_FAILED: unique symbol = Symbol('rule failed');

/**
 * Evaluates a compiled rule for hot paths: the value, or RULE_FAILED, without allocating an outcome.
 * Never throws. Call `evaluateRule` again on the rare failure to learn why.
 * @example runRule(compileRule({ var: 'x' }), { x: 1 }) // 1
 */
export function runRule(compiled: CompiledRule, data: unknown): unknown {
  try {
    return compiled(data);
  } catch {
    return RULE_FAILED;
  }
}
