import { spend } from './budget.ts';
import { type OperationCompiler, binary, eager } from './evaluator.ts';
import { isTruthy } from './truthy.ts';

/**
 * The operations that evaluate their second argument once per element of the first, with the element
 * as data. Arguments past the second are never evaluated (json-logic-js ignores them).
 */
function iteration(
  over: (items: unknown[], each: (item: unknown) => unknown) => unknown,
  notAList: () => unknown,
): OperationCompiler {
  return (args, compile) => {
    const items = compile(args[0]);
    const logic = compile(args[1]);
    const each = (item: unknown): unknown => {
      spend(1);
      return logic(item);
    };
    return (data) => {
      const list = items(data);
      return Array.isArray(list) ? over(list, each) : notAList();
    };
  };
}

const map = iteration((items, each) => items.map((item) => each(item)), () => []);
const filter = iteration((items, each) => items.filter((item) => isTruthy(each(item))), () => []);

/** `all` of nothing is false (json-logic-js's choice), `none` of nothing true, `some` of nothing false. */
const all = iteration((items, each) => {
  if (items.length === 0) return false;
  for (let index = 0; index < items.length; index += 1) if (!isTruthy(each(items[index]))) return false;
  return true;
}, () => false);
const none = iteration((items, each) => {
  for (let index = 0; index < items.length; index += 1) if (isTruthy(each(items[index]))) return false;
  return true;
}, () => true);
const some = iteration((items, each) => {
  for (let index = 0; index < items.length; index += 1) if (isTruthy(each(items[index]))) return true;
  return false;
}, () => false);

/**
 * `{"reduce": [items, logic, initial]}`: logic sees `{ current, accumulator }`. The initial value is
 * evaluated after the items, and is null when not given.
 */
const reduce: OperationCompiler = (args, compile) => {
  const items = compile(args[0]);
  const logic = compile(args[1]);
  const initial = args.length > 2 ? compile(args[2]) : () => null;
  return (data) => {
    const list = items(data);
    const start = initial(data);
    if (!Array.isArray(list)) return start;
    return list.reduce((accumulator: unknown, current: unknown) => {
      spend(1);
      return logic({ current, accumulator });
    }, start);
  };
};

/** `merge` flattens one level: arrays are spread, anything else is appended. */
const merge = eager((values) => {
  const merged: unknown[] = [];
  for (const value of values) {
    if (Array.isArray(value)) {
      spend(value.length);
      for (const item of value) merged.push(item);
    } else {
      spend(1);
      merged.push(value);
    }
  }
  return merged;
});

/**
 * `{"in": [a, b]}`: a substring of a string, or an element (`===`) of an array; false for anything
 * else, including an empty string. An object with its own `indexOf` fails as it does in json-logic-js.
 */
function within(a: unknown, b: unknown): boolean {
  if (!b) return false;
  if (typeof b === 'string') return b.indexOf(String(a)) !== -1;
  if (Array.isArray(b)) return b.indexOf(a) !== -1;
  if (typeof b === 'object' && Object.hasOwn(b, 'indexOf')) throw new TypeError('b.indexOf is not a function');
  return false;
}

/** Arrays: the iterations, `merge` and `in`. */
export const ARRAY_OPERATIONS: ReadonlyMap<string, OperationCompiler> = new Map([
  ['map', map],
  ['filter', filter],
  ['reduce', reduce],
  ['all', all],
  ['none', none],
  ['some', some],
  ['merge', merge],
  ['in', binary(within)],
]);
