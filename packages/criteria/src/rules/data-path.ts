import { forbiddenSegment } from './forbidden-names.ts';

/** A data path written in a rule: `"school.students"`, `1` (an index), or `null`/`""` for the whole data. */
export type PathLiteral = string | number | null;

/** Whether a rule wrote this path as a literal (as opposed to computing it). */
export function isPathLiteral(value: unknown): value is PathLiteral {
  return typeof value === 'string' || typeof value === 'number' || value === null;
}

/**
 * The steps of a data path, split as json-logic-js splits them; no steps means the whole data.
 * @example pathSegments('x.percent') // ['x', 'percent']
 * @example pathSegments('') // []
 */
export function pathSegments(path: unknown): string[] {
  if (path === undefined || path === null || path === '') return [];
  return String(path).split('.');
}

/**
 * `value[key]` restricted to own properties, so that no path reaches a prototype even if a check were
 * bypassed. For JSON data it answers what `value[key]` answers: object members, array indexes and
 * `length`, string characters and `length`.
 */
export function ownValue(value: unknown, key: string): unknown {
  if (typeof value === 'object' && value !== null) {
    return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (typeof value === 'string') {
    if (key === 'length') return value.length;
    // A string's only other own properties are its canonical indexes ("1", not "01" or "1.0").
    const index = Number(key);
    return Number.isInteger(index) && index >= 0 && index < value.length && String(index) === key
      ? value.charAt(index)
      : undefined;
  }
  return undefined;
}

/**
 * What `{"var": [path, notFound]}` answers, following json-logic-js: walk the steps, and answer
 * `notFound` as soon as a step meets null/undefined or finds nothing.
 */
export function lookup(data: unknown, segments: readonly string[], notFound: unknown): unknown {
  let current = data;
  for (const segment of segments) {
    if (current === null || current === undefined) return notFound;
    current = ownValue(current, segment);
    if (current === undefined) return notFound;
  }
  return current;
}

/**
 * The steps of a path computed at run time, or null when a step is a forbidden name: the run-time
 * twin of the check that literal paths pass before a rule is accepted.
 * @example guardedSegments('con' + 'structor') // null
 */
export function guardedSegments(path: unknown): string[] | null {
  const segments = pathSegments(path);
  return forbiddenSegment(segments) === undefined ? segments : null;
}
