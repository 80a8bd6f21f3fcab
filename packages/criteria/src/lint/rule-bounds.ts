import type { Field } from '../definition/field.ts';
import type { JsonValue, Rule } from '../definition/rule.ts';

/** The numbers a rule can yield, as a closed interval; an infinite end means no bound is known. */
export interface RuleBounds {
  min: number;
  max: number;
}

const UNKNOWN: RuleBounds = { min: -Infinity, max: Infinity };
const BOOLEAN: RuleBounds = { min: 0, max: 1 };
const ZERO: RuleBounds = { min: 0, max: 0 };

/** Past this many reduce steps the analysis gives up rather than iterate. */
const MAX_REDUCE_STEPS = 1000;

/** Operations whose result is true or false, i.e. 0 or 1 when used as a number. */
const BOOLEAN_OPERATIONS = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=', '!', '!!', 'in', 'some', 'all', 'none']);

interface Scope {
  /** Bounds of `{"var": name}` when it has a value, and whether it may have none (an unanswered field). */
  variable(name: string): { bounds: RuleBounds; mayBeMissing: boolean };
  /** The most items `{"var": name}` can hold, when it is a list of known length. */
  length(name: string): number | null;
}

/**
 * Interval analysis of a rule: the least and greatest number it can produce, given the fields it reads.
 * Sound, not exact: the true range always lies inside the result, which may be wider.
 * Count fields read as [0, max], number fields as [min, max], booleans as 0..1, a ratio's `.percent` as
 * [0, ∞); a `reduce` over a multichoice field is bounded by its number of options; anything else is unknown.
 * @example ruleBounds({ if: [{ var: 'has_lms' }, 6, 0] }, fields) // { min: 0, max: 6 }
 */
export function ruleBounds(rule: Rule, fields: ReadonlyMap<string, Field> | readonly Field[]): RuleBounds {
  const byId: ReadonlyMap<string, Field> = isFieldList(fields) ? new Map(fields.map((field) => [field.id, field])) : fields;
  return boundsOf(rule, answersScope(byId));
}

function isFieldList(fields: ReadonlyMap<string, Field> | readonly Field[]): fields is readonly Field[] {
  return Array.isArray(fields);
}

function answersScope(fields: ReadonlyMap<string, Field>): Scope {
  return {
    variable: (name) => ({ bounds: fieldBounds(fields, name), mayBeMissing: true }),
    length(name) {
      const field = fields.get(name);
      return field?.kind === 'multichoice' ? field.options.length : null;
    },
  };
}

function fieldBounds(fields: ReadonlyMap<string, Field>, name: string): RuleBounds {
  const [id = '', ...rest] = name.split('.');
  const field = fields.get(id);
  if (!field) return UNKNOWN;
  const property = rest.join('.');
  if (property === '') {
    switch (field.kind) {
      case 'boolean':
        return BOOLEAN;
      case 'count':
        return { min: 0, max: field.max ?? Infinity };
      case 'number':
        return { min: field.min ?? -Infinity, max: field.max ?? Infinity };
      default:
        return UNKNOWN;
    }
  }
  if (field.kind === 'ratio' && property === 'percent') return { min: 0, max: Infinity };
  if (field.kind === 'multichoice' && property === 'length') return { min: 0, max: field.options.length };
  return UNKNOWN;
}

/** Inside a reduce the data is `{ current, accumulator }`: the element is not a number we know. */
function reduceScope(accumulator: RuleBounds): Scope {
  return {
    variable: (name) => ({ bounds: name === 'accumulator' ? accumulator : UNKNOWN, mayBeMissing: false }),
    length: () => null,
  };
}

function boundsOf(rule: JsonValue, scope: Scope): RuleBounds {
  if (typeof rule === 'number') return Number.isFinite(rule) ? { min: rule, max: rule } : UNKNOWN;
  if (typeof rule === 'boolean') return rule ? { min: 1, max: 1 } : ZERO;
  if (rule === null) return ZERO;
  if (typeof rule === 'string') return numericLiteral(rule);
  if (Array.isArray(rule)) return UNKNOWN;
  const keys = Object.keys(rule);
  const operation = keys[0];
  if (keys.length !== 1 || operation === undefined) return UNKNOWN;
  const raw = rule[operation] ?? null;
  const args: JsonValue[] = Array.isArray(raw) ? raw : [raw];
  const at = (index: number): JsonValue => args[index] ?? null;

  if (BOOLEAN_OPERATIONS.has(operation)) return BOOLEAN;
  switch (operation) {
    case 'var':
      return variableBounds(args, scope);
    case 'if':
    case '?:':
      return unionAll(branchResults(args).map((branch) => boundsOf(branch, scope)));
    case 'and':
    case 'or':
      // Both return one of their operands as it is.
      return args.length === 0 ? UNKNOWN : unionAll(args.map((arg) => boundsOf(arg, scope)));
    case '+':
      return args.reduce<RuleBounds>((sum, arg) => add(sum, boundsOf(arg, scope)), ZERO);
    case '-':
      if (args.length === 0) return UNKNOWN;
      return args.length === 1 ? negate(boundsOf(at(0), scope)) : add(boundsOf(at(0), scope), negate(boundsOf(at(1), scope)));
    case '*':
      if (args.length === 0) return UNKNOWN;
      return args.map((arg) => boundsOf(arg, scope)).reduce(multiply);
    case '/':
      return args.length < 2 ? UNKNOWN : divide(boundsOf(at(0), scope), boundsOf(at(1), scope));
    case '%':
      return args.length < 2 ? UNKNOWN : remainder(boundsOf(at(0), scope), boundsOf(at(1), scope));
    case 'min':
    case 'max': {
      if (args.length === 0) return UNKNOWN;
      const all = args.map((arg) => boundsOf(arg, scope));
      const pick = operation === 'min' ? Math.min : Math.max;
      return { min: pick(...all.map((b) => b.min)), max: pick(...all.map((b) => b.max)) };
    }
    case 'reduce':
      return reduceBounds(args, scope);
    default:
      return UNKNOWN;
  }
}

function numericLiteral(value: string): RuleBounds {
  const number = value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(number) ? { min: number, max: number } : UNKNOWN;
}

function variableBounds(args: readonly JsonValue[], scope: Scope): RuleBounds {
  const name = args[0];
  if (typeof name !== 'string' || name === '') return UNKNOWN;
  const found = scope.variable(name);
  if (!found.mayBeMissing) return found.bounds;
  // A missing value reads as the default when there is one, else as null (0 in arithmetic).
  const fallback = args.length > 1 ? boundsOf(args[1] ?? null, scope) : ZERO;
  return union(found.bounds, fallback);
}

/** The values `if` can return: each then-branch, and the else-branch or null when there is none. */
function branchResults(args: readonly JsonValue[]): JsonValue[] {
  const results: JsonValue[] = [];
  let i = 0;
  for (; i + 1 < args.length; i += 2) results.push(args[i + 1] ?? null);
  results.push(i < args.length ? (args[i] ?? null) : null);
  return results;
}

/** The longest a rule's array can be: a multichoice field, a literal list, or a filter/map of one. */
function arrayLength(rule: JsonValue, scope: Scope): number | null {
  if (Array.isArray(rule)) return rule.length;
  if (typeof rule !== 'object' || rule === null) return null;
  const keys = Object.keys(rule);
  const operation = keys[0];
  if (keys.length !== 1 || operation === undefined) return null;
  const raw = rule[operation] ?? null;
  const args: JsonValue[] = Array.isArray(raw) ? raw : [raw];
  switch (operation) {
    case 'var':
      return typeof args[0] === 'string' && args.length === 1 ? scope.length(args[0]) : null;
    case 'filter':
    case 'map':
      return arrayLength(args[0] ?? null, scope);
    default:
      return null;
  }
}

/**
 * Steps the accumulator through every possible length of the array: after k elements it lies in
 * body^k(initial), so the result lies in the union of those for k = 0..N.
 */
function reduceBounds(args: readonly JsonValue[], scope: Scope): RuleBounds {
  const length = arrayLength(args[0] ?? null, scope);
  if (length === null || length > MAX_REDUCE_STEPS || args.length < 3) return UNKNOWN;
  const body = args[1] ?? null;
  let accumulator = boundsOf(args[2] ?? null, scope);
  let result = accumulator;
  for (let step = 0; step < length; step++) {
    const next = boundsOf(body, reduceScope(accumulator));
    result = union(result, next);
    if (next.min === accumulator.min && next.max === accumulator.max) break;
    accumulator = next;
  }
  return result;
}

function union(a: RuleBounds, b: RuleBounds): RuleBounds {
  return { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) };
}

function unionAll(all: readonly RuleBounds[]): RuleBounds {
  return all.reduce(union);
}

/** ∞ − ∞ has no sign: widen that end to unknown. */
function add(a: RuleBounds, b: RuleBounds): RuleBounds {
  const min = a.min + b.min;
  const max = a.max + b.max;
  return { min: Number.isNaN(min) ? -Infinity : min, max: Number.isNaN(max) ? Infinity : max };
}

function negate(a: RuleBounds): RuleBounds {
  // 0 − x rather than −x: no negative zero in results people read.
  return { min: 0 - a.max, max: 0 - a.min };
}

/** 0 × ∞ counts as 0: an end at infinity stands for "arbitrarily large", times nothing is nothing. */
function times(x: number, y: number): number {
  return x === 0 || y === 0 ? 0 : x * y;
}

function multiply(a: RuleBounds, b: RuleBounds): RuleBounds {
  const products = [times(a.min, b.min), times(a.min, b.max), times(a.max, b.min), times(a.max, b.max)];
  return { min: Math.min(...products), max: Math.max(...products) };
}

function divide(a: RuleBounds, b: RuleBounds): RuleBounds {
  if (b.min <= 0 && b.max >= 0) return UNKNOWN;
  return multiply(a, { min: 1 / b.max, max: 1 / b.min });
}

/** For non-negative dividends and positive divisors the remainder lies in [0, min(a, b)]. */
function remainder(a: RuleBounds, b: RuleBounds): RuleBounds {
  if (a.min < 0 || b.min <= 0) return UNKNOWN;
  return { min: 0, max: Math.min(a.max, b.max) };
}
