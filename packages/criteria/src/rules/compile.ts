import type { Rule } from '../definition/rule.ts';
import { isAllowedOperation } from './allow-list.ts';
import { resetBudget } from './budget.ts';
import { checkRule } from './check.ts';
import type { Compile, Evaluator } from './evaluator.ts';
import { applyJsonLogic } from './json-logic.ts';
import { DEFAULT_RULE_LIMITS, type RuleLimits } from './limits.ts';
import { SPECIALISED_OPERATIONS } from './operations.ts';
import { RuleError } from './rule-error.ts';
import { operationOf } from './rule-shape.ts';

/** What a rule is evaluated against: answers, or the scores a level rule reads. */
export type RuleData = Readonly<Record<string, unknown>>;

/**
 * A checked rule, ready to evaluate many times. May throw; `evaluateRule` never does. Its data is usually
 * a `RuleData`; a rule compiled over slots takes an array (see compile-slots.ts).
 */
export type CompiledRule = (data: unknown) => unknown;

/**
 * Compiles any value to nested closures with json-logic-js's semantics, WITHOUT checking it: what is
 * not an operation is a literal, as json-logic-js passes it through. Callers outside this folder use
 * `compileRule`, which checks first.
 */
export function compileNode(node: unknown): Evaluator {
  return compileNodeWith(node, compileNode);
}

/** `compileNode`, compiling the nodes inside with `self`: a variant compiler can take over some of them. */
export function compileNodeWith(node: unknown, self: Compile): Evaluator {
  if (Array.isArray(node)) return compileArray(node, self);
  const operation = operationOf(node);
  if (operation === undefined) return () => node;
  const { op, args } = operation;
  const compiler = SPECIALISED_OPERATIONS.get(op);
  if (compiler !== undefined) return compiler(args, self);
  // An allowed operation without a compiler of its own runs in json-logic-js itself, so allowing one
  // more operation can never change what a rule means.
  if (isAllowedOperation(op)) return (data) => applyJsonLogic(node, data);
  return () => {
    throw new Error(`Unrecognized operation ${op}`);
  };
}

/** An array of rules evaluates to a new array of their values; a literal list is copied each time. */
function compileArray(node: readonly unknown[], compile: Compile): Evaluator {
  if (node.every((item) => item === null || typeof item !== 'object')) {
    const items = [...node];
    return () => items.slice();
  }
  const items = node.map((item) => compile(item));
  return (data) => {
    const values = new Array<unknown>(items.length);
    for (let index = 0; index < items.length; index += 1) {
      const evaluate = items[index];
      values[index] = evaluate === undefined ? undefined : evaluate(data);
    }
    return values;
  };
}

/**
 * Checks a rule and compiles it to closures (no `eval`, so it runs under a strict CSP). Throws a
 * RuleError carrying every error the check finds (warnings do not stop a rule).
 * @example compileRule({ '<': [{ var: 'x' }, 30] })({ x: 12 }) // true
 */
export function compileRule(rule: Rule, limits: RuleLimits = DEFAULT_RULE_LIMITS): CompiledRule {
  return compileChecked(rule, limits, compileNode);
}

/** `compileRule` with another compiler: checks the rule, then compiles it with `compile`. */
export function compileChecked(rule: Rule, limits: RuleLimits, compile: Compile): CompiledRule {
  const problems = checkRule(rule, { limits }).filter((found) => found.severity === 'error');
  if (problems.length > 0) throw new RuleError(problems);
  const evaluate = compile(rule);
  return (data) => {
    resetBudget();
    return evaluate(data);
  };
}
