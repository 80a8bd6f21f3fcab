import { spend } from './budget.ts';
import { type OperationCompiler, eager } from './evaluator.ts';
import { jsLess, jsPlus } from './js-operators.ts';

/** `cat` joins the values as text; null and undefined become "" (Array.prototype.join's rule). */
const cat = eager((values) => {
  const joined = values.join('');
  spend(joined.length);
  return joined;
});

/**
 * `{"substr": [text, start, length]}` with PHP's negative length (stop that many characters before the
 * end). The negative branch keeps json-logic-js's arithmetic, `temp.length + end`, coercions included.
 */
const substr = eager(([source, start, end]) => {
  const text = String(source);
  if (jsLess(end, 0)) {
    const temp = text.substr(Number(start));
    return temp.substr(0, Number(jsPlus(temp.length, end)));
  }
  return end === undefined ? text.substr(Number(start)) : text.substr(Number(start), Number(end));
});

/** Text: `cat` and `substr`. */
export const STRING_OPERATIONS: ReadonlyMap<string, OperationCompiler> = new Map([
  ['cat', cat],
  ['substr', substr],
]);
