import type { Rule } from '../definition/rule.ts';
import { ITERATION_OPERATIONS } from './allow-list.ts';
import { type CompiledRule, compileChecked, compileNodeWith } from './compile.ts';
import { isPathLiteral, lookup, ownValue, pathSegments } from './data-path.ts';
import { type Compile, type Evaluator, evaluateAll } from './evaluator.ts';
import { DEFAULT_RULE_LIMITS, type RuleLimits } from './limits.ts';
import { SPECIALISED_OPERATIONS } from './operations.ts';
import { operationOf } from './rule-shape.ts';

/** The number of an input (an array index), or undefined for a name that is no input (reading it finds nothing). */
export type SlotOf = (name: string) => number | undefined;

/**
 * Whether a rule reads its data only through `var` paths written out, outside any iteration: no
 * `missing` or `missing_some` (they answer with the names themselves), no iteration (its element becomes
 * the data), no whole-data or computed path. Only such a rule can be compiled over slots.
 */
export function readsOnlyNamedPaths(rule: unknown): boolean {
  const stack: unknown[] = [rule];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    const operation = operationOf(node);
    if (operation === undefined) continue;
    const { op, args } = operation;
    if (!SPECIALISED_OPERATIONS.has(op) || op === 'missing' || op === 'missing_some' || ITERATION_OPERATIONS.has(op)) return false;
    const [path, ...rest] = args;
    if (op === 'var' && (!isPathLiteral(path) || pathSegments(path).length === 0)) return false;
    for (const arg of op === 'var' ? rest : args) stack.push(arg);
  }
  return true;
}

/**
 * Compiles a rule that `readsOnlyNamedPaths` over slots: its data is an array holding, at index i, the
 * input numbered i, and it reads input `name` from slot `slotOf(name)` where `compileRule` would read
 * the own property `name` of an object. Given slots holding what that object holds (undefined where it
 * has nothing), the two agree on every value and every failure; reading an index instead of hashing a
 * name is the point. Throws a RuleError as `compileRule` does.
 * @example compileRuleOverSlots({ var: 'b.percent' }, (name) => (name === 'b' ? 1 : undefined))([1, { percent: 30 }]) // 30
 */
export function compileRuleOverSlots(rule: Rule, slotOf: SlotOf, limits: RuleLimits = DEFAULT_RULE_LIMITS): CompiledRule {
  const compile: Compile = (node) => {
    const operation = operationOf(node);
    return operation?.op === 'var' ? compileSlotVar(operation.args, slotOf, compile) : compileNodeWith(node, compile);
  };
  // Looked at once checked: the check is what keeps getters and other non-JSON out of the walk.
  return compileChecked(rule, limits, (checked) => {
    if (!readsOnlyNamedPaths(checked)) throw new Error('compileRuleOverSlots: the rule reads more than named paths');
    return compile(checked);
  });
}

/** `var` over slots, evaluating its arguments as `var` does (see operations-data.ts). */
function compileSlotVar(args: readonly unknown[], slotOf: SlotOf, compile: Compile): Evaluator {
  const [path, ...rest] = args;
  const others = rest.map((arg) => compile(arg));
  const [first, ...after] = pathSegments(path);
  const slot = first === undefined ? undefined : slotOf(first);
  if (slot !== undefined && !(Number.isSafeInteger(slot) && slot >= 0)) throw new RangeError(`compileRuleOverSlots: slot ${slot} is no index`);
  const fallbackOf = others[0];
  if (slot === undefined) {
    // A name that is no input: the object of inputs has nothing under it.
    if (others.length === 0) return () => null;
    return (data) => {
      const [fallback] = evaluateAll(others, data);
      return fallback === undefined ? null : fallback;
    };
  }
  // `lookup`, its first step taken in the slot: the value, or `notFound` where there is none.
  const read = (data: unknown, notFound: unknown): unknown => {
    const value: unknown = Array.isArray(data) ? data[slot] : undefined;
    return value === undefined ? notFound : lookup(value, after, notFound);
  };
  if (others.length === 1 && fallbackOf !== undefined) {
    return (data) => {
      const fallback = fallbackOf(data);
      return read(data, fallback === undefined ? null : fallback);
    };
  }
  if (others.length > 0) {
    return (data) => {
      const [fallback] = evaluateAll(others, data);
      return read(data, fallback === undefined ? null : fallback);
    };
  }
  // The common shapes, `{"var": "answer"}` and `{"var": "ratio.percent"}`, without a loop.
  const second = after[0];
  if (after.length === 0) {
    return (data) => {
      const value: unknown = Array.isArray(data) ? data[slot] : undefined;
      return value === undefined ? null : value;
    };
  }
  if (after.length === 1 && second !== undefined) {
    return (data) => {
      const outer: unknown = Array.isArray(data) ? data[slot] : undefined;
      if (outer === null || outer === undefined) return null;
      const value = ownValue(outer, second);
      return value === undefined ? null : value;
    };
  }
  return (data) => read(data, null);
}
