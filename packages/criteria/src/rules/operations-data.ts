import { type PathLiteral, guardedSegments, isPathLiteral, lookup, ownValue, pathSegments } from './data-path.ts';
import { type Compile, type Evaluator, type OperationCompiler, evaluateAll } from './evaluator.ts';
import { jsGreaterOrEqual } from './js-operators.ts';

/**
 * `{"var": [path, notFound]}`. A literal path is split once, here; a computed one on each evaluation,
 * where a forbidden segment finds nothing (literal ones are refused before). Either way only own
 * properties are read. Every argument is evaluated, as json-logic-js does.
 */
const varOperation: OperationCompiler = (args, compile) => {
  const [path, ...rest] = args;
  const others = rest.map(compile);
  if (path === undefined || isPathLiteral(path)) {
    const segments = pathSegments(path);
    const [first, second] = segments;
    const [fallbackOf] = others;
    if (others.length === 1 && fallbackOf !== undefined) {
      return (data) => {
        const fallback = fallbackOf(data);
        return lookup(data, segments, fallback === undefined ? null : fallback);
      };
    }
    if (others.length > 0) {
      return (data) => {
        const [fallback] = evaluateAll(others, data);
        return lookup(data, segments, fallback === undefined ? null : fallback);
      };
    }
    // The common shapes, `{"var": "answer"}` and `{"var": "ratio.percent"}`, without a loop.
    if (segments.length === 0) return (data) => data;
    if (segments.length === 1 && first !== undefined) {
      return (data) => {
        if (data === null || data === undefined) return null;
        const value = ownValue(data, first);
        return value === undefined ? null : value;
      };
    }
    if (segments.length === 2 && first !== undefined && second !== undefined) {
      return (data) => {
        if (data === null || data === undefined) return null;
        const outer = ownValue(data, first);
        if (outer === null || outer === undefined) return null;
        const value = ownValue(outer, second);
        return value === undefined ? null : value;
      };
    }
    return (data) => lookup(data, segments, null);
  }
  const computed = compile(path);
  return (data) => {
    const segments = guardedSegments(computed(data));
    const [fallback] = evaluateAll(others, data);
    const notFound = fallback === undefined ? null : fallback;
    return segments === null ? notFound : lookup(data, segments, notFound);
  };
};

/** Keys of a `missing` written as literals: `["a", "b"]` or `[["a", "b"]]`; undefined when computed. */
function literalKeys(args: readonly unknown[]): PathLiteral[] | undefined {
  const [first] = args;
  const keys: readonly unknown[] = Array.isArray(first) ? first : args;
  if (!keys.every(isPathLiteral)) return undefined;
  if (!args.every((arg) => arg === first || isPathLiteral(arg))) return undefined;
  return [...keys];
}

/** The literal keys that are absent (null or "") from the data, in order. */
function compileLiteralMissing(keys: readonly PathLiteral[]): (data: unknown) => PathLiteral[] {
  const lookups = keys.map((key) => ({ key, segments: pathSegments(key) }));
  return (data) => {
    const missing: PathLiteral[] = [];
    for (const { key, segments } of lookups) {
      const value = lookup(data, segments, null);
      if (value === null || value === '') missing.push(key);
    }
    return missing;
  };
}

/**
 * json-logic-js's `missing` on evaluated values: each key is looked up as `{"var": key}`; a key that is
 * itself an array or an object is therefore a rule, compiled here (never reached by checked rules).
 */
function missingOf(values: readonly unknown[], data: unknown, compile: Compile): unknown[] {
  const [first] = values;
  const keys: readonly unknown[] = Array.isArray(first) ? first : values;
  const missing: unknown[] = [];
  for (const key of keys) {
    const segments = typeof key === 'object' && key !== null ? null : guardedSegments(key);
    const value =
      typeof key === 'object' && key !== null ? compile({ var: key })(data) : segments === null ? null : lookup(data, segments, null);
    if (value === null || value === '') missing.push(key);
  }
  return missing;
}

/** `{"missing": [keys…]}`: the keys whose value is absent. */
const missingOperation: OperationCompiler = (args, compile) => {
  const keys = literalKeys(args);
  if (keys !== undefined) return compileLiteralMissing(keys);
  const evaluators = args.map(compile);
  return (data) => missingOf(evaluateAll(evaluators, data), data, compile);
};

/**
 * `{"missing_some": [need, keys]}`: [] when at least `need` keys are present, else the absent ones.
 * json-logic-js re-reads the evaluated key list as the argument of a new `missing` (so its elements are
 * evaluated twice), and then reads its `length`; the computed form reproduces both.
 */
const missingSomeOperation: OperationCompiler = (args, compile) => {
  const [needArg, keysArg, ...rest] = args;
  const need = compile(needArg);
  const others: readonly Evaluator[] = rest.map(compile);
  if (Array.isArray(keysArg) && keysArg.every(isPathLiteral)) {
    const missing = compileLiteralMissing(keysArg);
    const total = keysArg.length;
    return (data) => {
      const needed = need(data);
      evaluateAll(others, data);
      const absent = missing(data);
      return jsGreaterOrEqual(total - absent.length, needed) ? [] : absent;
    };
  }
  const keysEvaluator = compile(keysArg);
  return (data) => {
    const needed = need(data);
    const keys = keysEvaluator(data);
    evaluateAll(others, data);
    const reread = (Array.isArray(keys) ? keys : [keys]).map((key: unknown) => compile(key)(data));
    const absent = missingOf(reread, data, compile);
    if (keys === null || keys === undefined) throw new TypeError(`Cannot read properties of ${String(keys)} (reading 'length')`);
    return jsGreaterOrEqual(Number(ownValue(keys, 'length')) - absent.length, needed) ? [] : absent;
  };
};

/** Reading the data: `var`, `missing`, `missing_some`. */
export const DATA_OPERATIONS: ReadonlyMap<string, OperationCompiler> = new Map([
  ['var', varOperation],
  ['missing', missingOperation],
  ['missing_some', missingSomeOperation],
]);
