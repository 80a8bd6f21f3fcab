/** The characters a segment of a data path may use; anything else is refused before it is looked up. */
const SEGMENT = /^[A-Za-z0-9_]*$/;

const PROTOTYPES: readonly object[] = [
  Object.prototype,
  Array.prototype,
  String.prototype,
  Number.prototype,
  Boolean.prototype,
  Function.prototype,
];

/**
 * Names on the built-in prototypes that run code when read or called: methods, and accessors such as
 * `__proto__`. Computed from the running engine, so a method added by a newer engine is refused too.
 * Plain data properties (`length`, `name`) stay allowed: reading them runs nothing.
 */
function codeRunningNames(prototype: object): string[] {
  return Object.getOwnPropertyNames(prototype).filter((name) => {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
    if (descriptor === undefined) return false;
    return typeof descriptor.value === 'function' || descriptor.get !== undefined || descriptor.set !== undefined;
  });
}

/** Path segments a rule may never name: prototype members of the built-in types. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  ...PROTOTYPES.flatMap(codeRunningNames),
]);

/**
 * The first segment of a data path that a rule may not name, or undefined when all are fine.
 * @example forbiddenSegment(['a', '__proto__', 'b']) // '__proto__'
 * @example forbiddenSegment(['school', 'length']) // undefined
 */
export function forbiddenSegment(segments: readonly string[]): string | undefined {
  return segments.find((segment) => !SEGMENT.test(segment) || FORBIDDEN_NAMES.has(segment));
}
