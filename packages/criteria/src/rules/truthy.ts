/**
 * JSON-logic truthiness: JavaScript's, except that an empty array is falsy (as in PHP and Python, so
 * that every JSON-logic engine agrees). `"0"` is truthy.
 * @example isTruthy([]) // false
 * @example isTruthy('0') // true
 */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length !== 0;
  return Boolean(value);
}
