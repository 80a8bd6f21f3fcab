/*
 * JSON-logic's comparisons are JavaScript's bare operators, with every coercion they make: "10" < "9"
 * (strings compare as text), "2" > 1 (mixed compare as numbers), null >= 0. The only faithful way to get
 * those results is to apply the same operators. TypeScript types `<` for numbers and strings only, so
 * the operands are asserted to `number` here, and only here: the assertion changes no runtime behaviour.
 */

/** JavaScript's `a < b`. @example jsLess('10', '9') // true */
export function jsLess(a: unknown, b: unknown): boolean {
  return (a as number) < (b as number);
}

/** JavaScript's `a <= b`. */
export function jsLessOrEqual(a: unknown, b: unknown): boolean {
  return (a as number) <= (b as number);
}

/** JavaScript's `a > b`. */
export function jsGreater(a: unknown, b: unknown): boolean {
  return (a as number) > (b as number);
}

/** JavaScript's `a >= b`. */
export function jsGreaterOrEqual(a: unknown, b: unknown): boolean {
  return (a as number) >= (b as number);
}

/** JavaScript's `a + b`: a sum, or a concatenation when either side is (or becomes) a string. */
export function jsPlus(a: unknown, b: unknown): unknown {
  return (a as number) + (b as number);
}

/**
 * What json-logic-js's `parseFloat(value, 10)` gives, without a round trip through text for numbers:
 * `parseFloat(String(n))` is `n` for every number except -0, which prints as "0".
 * @example parseFloatLike('3.5kg') // 3.5
 */
export function parseFloatLike(value: unknown): number {
  if (typeof value === 'number') return value === 0 ? 0 : value;
  return parseFloat(String(value));
}
