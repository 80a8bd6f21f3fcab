import { type Evaluator, type OperationCompiler, binary, unary } from './evaluator.ts';
import { isTruthy } from './truthy.ts';

/**
 * `if` and `?:`: pairs of condition and result, then an optional else; only the branches taken are
 * evaluated. No else and no true condition gives null.
 */
const ifOperation: OperationCompiler = (args, compile) => {
  const parts = args.map(compile);
  const [condition, then, otherwise] = parts;
  if (parts.length === 3 && condition !== undefined && then !== undefined && otherwise !== undefined) {
    return (data) => (isTruthy(condition(data)) ? then(data) : otherwise(data));
  }
  return (data) => {
    let index = 0;
    for (; index < parts.length - 1; index += 2) {
      const test = parts[index];
      const result = parts[index + 1];
      if (test !== undefined && result !== undefined && isTruthy(test(data))) return result(data);
    }
    const last = parts[index];
    return index === parts.length - 1 && last !== undefined ? last(data) : null;
  };
};

/**
 * `and` answers the first falsy value or else the last; `or` the first truthy or else the last. With no
 * arguments both answer undefined, as json-logic-js does.
 */
function shortCircuit(stopWhen: boolean): OperationCompiler {
  return (args, compile) => {
    const parts: readonly Evaluator[] = args.map(compile);
    return (data) => {
      let current: unknown;
      for (const part of parts) {
        current = part(data);
        if (isTruthy(current) === stopWhen) return current;
      }
      return current;
    };
  };
}

/** Logic and equality: `==` and `!=` are JavaScript's loose comparisons, coercions included. */
export const LOGIC_OPERATIONS: ReadonlyMap<string, OperationCompiler> = new Map([
  ['if', ifOperation],
  ['?:', ifOperation],
  ['and', shortCircuit(false)],
  ['or', shortCircuit(true)],
  ['!', unary((a) => !isTruthy(a))],
  ['!!', unary((a) => isTruthy(a))],
  ['==', binary((a, b) => a == b)],
  ['===', binary((a, b) => a === b)],
  ['!=', binary((a, b) => a != b)],
  ['!==', binary((a, b) => a !== b)],
]);
