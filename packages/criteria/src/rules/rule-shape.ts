import { ITERATION_OPERATIONS } from './allow-list.ts';

/** An operation node `{ op: value }` taken apart; json-logic-js reads a non-array value as one argument. */
export interface OperationNode {
  op: string;
  value: unknown;
  args: readonly unknown[];
}

/**
 * The operation a node is, as json-logic-js decides it: a non-array object with exactly one key.
 * Anything else is data (json-logic-js passes it through unevaluated).
 */
export function operationOf(node: unknown): OperationNode | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const keys = Object.keys(node);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) return undefined;
  const value: unknown = (node as Record<string, unknown>)[op];
  return { op, value, args: Array.isArray(value) ? value : [value] };
}

/**
 * What an argument of an operation is:
 * - `rule`: evaluated against the data in scope;
 * - `scoped-rule`: evaluated once per element, against the element (map, filter, reduce, all, none, some);
 * - `path`: a data path (`var`'s first argument, each key of `missing`);
 * - `paths`: an array of data paths (`missing`'s single-array form, `missing_some`'s second argument).
 */
export type ArgumentRole = 'rule' | 'scoped-rule' | 'path' | 'paths';

/**
 * The role of each argument of an operation.
 * @example argumentRoles('var', ['a', 0]) // ['path', 'rule']
 */
export function argumentRoles(op: string, args: readonly unknown[]): ArgumentRole[] {
  return args.map((arg, index): ArgumentRole => {
    if (op === 'var') return index === 0 ? 'path' : 'rule';
    // json-logic-js reads missing's keys from its first argument when that is an array, else from all of them.
    if (op === 'missing') return index === 0 && Array.isArray(arg) ? 'paths' : 'path';
    if (op === 'missing_some') return index === 1 ? 'paths' : 'rule';
    if (ITERATION_OPERATIONS.has(op)) return index === 1 ? 'scoped-rule' : 'rule';
    return 'rule';
  });
}
