import { type OperationCompiler, binary, eager } from './evaluator.ts';
import { jsGreater, jsGreaterOrEqual, jsLess, jsLessOrEqual, parseFloatLike } from './js-operators.ts';

/** `<` and `<=` take an optional third value: `{"<": [a, b, c]}` is a < b < c. */
function between(compare: (a: unknown, b: unknown) => boolean): OperationCompiler {
  return (args, compile) => {
    if (args.length === 2) return binary(compare)(args, compile);
    return eager(([a, b, c]) => (c === undefined ? compare(a, b) : compare(a, b) && compare(b, c)))(args, compile);
  };
}

/** `+` parses every value as json-logic-js does (`parseFloat`), so "3" + 4 is 7 and "" is NaN. */
const plus: OperationCompiler = (args, compile) => {
  if (args.length === 2) return binary((a, b) => parseFloatLike(a) + parseFloatLike(b))(args, compile);
  return eager((values) => {
    let sum = 0;
    for (const value of values) sum += parseFloatLike(value);
    return sum;
  })(args, compile);
};

/**
 * `*` is json-logic-js's reduce without a start: one value is answered as it is (unparsed), none is an
 * error ("Reduce of empty array with no initial value").
 */
const times = eager((values) => {
  const [first, ...rest] = values;
  if (values.length === 0) throw new TypeError('Reduce of empty array with no initial value');
  if (rest.length === 0) return first;
  let product: unknown = first;
  for (const value of rest) product = parseFloatLike(product) * parseFloatLike(value);
  return product;
});

/** With one value `-` negates it; json-logic-js tells the forms apart by whether the second is undefined. */
const minus = binary((a, b) => (b === undefined ? -Number(a) : Number(a) - Number(b)));

/** Arithmetic and comparison, with JavaScript's coercions (`Number` is what the bare operators apply). */
export const ARITHMETIC_OPERATIONS: ReadonlyMap<string, OperationCompiler> = new Map([
  ['>', binary(jsGreater)],
  ['>=', binary(jsGreaterOrEqual)],
  ['<', between(jsLess)],
  ['<=', between(jsLessOrEqual)],
  ['+', plus],
  ['-', minus],
  ['*', times],
  ['/', binary((a, b) => Number(a) / Number(b))],
  ['%', binary((a, b) => Number(a) % Number(b))],
  ['max', eager((values) => Math.max(...values.map(Number)))],
  ['min', eager((values) => Math.min(...values.map(Number)))],
]);
