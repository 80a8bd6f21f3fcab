/**
 * The JSON-logic operations a criteria set's rules may use: every operation of json-logic-js except
 * `log` (a side effect) and `method` (calls arbitrary methods; gone from json-logic-js 2 but still in
 * older engines and documents).
 */
export const ALLOWED_OPERATIONS: readonly string[] = Object.freeze([
  'var', 'missing', 'missing_some',
  'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=', 'max', 'min', '+', '-', '*', '/', '%',
  'map', 'filter', 'reduce', 'all', 'none', 'some', 'merge', 'in',
  'cat', 'substr',
]);

const ALLOWED: ReadonlySet<string> = new Set(ALLOWED_OPERATIONS);

/** Whether `name` is an operation rules may use. @example isAllowedOperation('log') // false */
export function isAllowedOperation(name: string): boolean {
  return ALLOWED.has(name);
}

/**
 * Operations whose second argument is evaluated once per element, against the element (or, for
 * `reduce`, against `{ current, accumulator }`) instead of the rule's data.
 */
export const ITERATION_OPERATIONS: ReadonlySet<string> = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);
