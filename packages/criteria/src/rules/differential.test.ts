import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../definition/rule.ts';
import { type RuleData, checkRule, compileRule } from './index.ts';
import { applyJsonLogic } from './json-logic.ts';

/** Names shared by the data and the rules, so that lookups mostly find something. */
const KEYS = ['a', 'b', 'c', 'n', 's', 'list', 'x', 'y', 'length', '0', '1', 'current', 'accumulator'];
const PATHS: JsonValue[] = ['', null, 'a', 'b', 'n', 's', 'list', 'x.y', 'a.b', 'list.0', 'list.1', 's.length', 'list.length', 's.0', 0, 1, 'current', 'accumulator', 'current.a', 'nope.a'];
const ORDINARY_OPERATIONS = ['if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and', '>', '>=', '<', '<=', 'max', 'min', '+', '-', '*', '/', '%', 'merge', 'in', 'cat', 'substr'];
const ITERATIONS = ['map', 'filter', 'all', 'none', 'some'];

/** Scalars chosen for JSON-logic's coercions: numeric strings, empty string, zero and -0, booleans, null. */
const scalar: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.double({ min: -100, max: 100, noNaN: true }),
  fc.constantFrom('', '0', '1', '2', '10', '9', '2.5', ' 3', 'a', 'ab', 'abc', 'b', 'x.y', '-1'),
  fc.boolean(),
  fc.constant(null),
);

const { value: jsonData } = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4 }),
  ),
}));

const data: fc.Arbitrary<RuleData> = fc.dictionary(fc.constantFrom(...KEYS), jsonData, { maxKeys: 8 });

const { rule } = fc.letrec<{ rule: JsonValue }>((tie) => {
  const sub = tie('rule');
  const args = fc.array(sub, { maxLength: 4 });
  return {
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      // `{"op": x}` with x not an array is json-logic-js's short form of `{"op": [x]}`.
      fc.tuple(fc.constantFrom(...ORDINARY_OPERATIONS), args, fc.boolean()).map(([op, list, short]): JsonValue => ({
        [op]: short && list.length === 1 && list[0] !== undefined ? list[0] : list,
      })),
      fc.constantFrom(...PATHS).map((path): JsonValue => ({ var: path })),
      fc.tuple(fc.constantFrom(...PATHS), sub).map(([path, fallback]): JsonValue => ({ var: [path, fallback] })),
      fc.tuple(fc.array(fc.constantFrom(...PATHS), { maxLength: 3 }), fc.boolean()).map(([keys, wrapped]): JsonValue => ({
        missing: wrapped ? [keys] : keys,
      })),
      fc.tuple(sub, fc.array(fc.constantFrom(...PATHS), { maxLength: 3 })).map(([need, keys]): JsonValue => ({ missing_some: [need, keys] })),
      fc.tuple(fc.constantFrom(...ITERATIONS), sub, sub).map(([op, items, logic]): JsonValue => ({ [op]: [items, logic] })),
      fc.tuple(sub, sub, fc.option(sub, { nil: undefined })).map(([items, logic, initial]): JsonValue => ({
        reduce: initial === undefined ? [items, logic] : [items, logic, initial],
      })),
      fc.array(sub, { maxLength: 3 }),
    ),
  };
});

type Outcome = { threw: true } | { threw: false; value: unknown };

/** What running gives, with any throw counted as the same outcome: messages differ between engines. */
function outcome(run: () => unknown): Outcome {
  try {
    return { threw: false, value: run() };
  } catch {
    return { threw: true };
  }
}

describe('compiled rules against json-logic-js', () => {
  it('evaluates random rules of allowed operations over random data exactly as jsonLogic.apply does', () => {
    fc.assert(
      fc.property(rule, data, (generated, input) => {
        expect(checkRule(generated)).toEqual([]);
        const compiled = compileRule(generated);
        // toStrictEqual counts NaN equal to NaN, and tells 0 from -0, arrays from objects, holes from undefined.
        expect(outcome(() => compiled(input))).toStrictEqual(outcome(() => applyJsonLogic(generated, input)));
      }),
      { numRuns: 400 },
    );
  });

  it('evaluates random iterations over random lists exactly as jsonLogic.apply does', () => {
    const lists = fc.array(jsonData, { maxLength: 6 });
    const iteration = fc.tuple(fc.constantFrom(...ITERATIONS, 'reduce'), rule, rule).map(([op, logic, initial]): JsonValue =>
      op === 'reduce' ? { reduce: [{ var: 'list' }, logic, initial] } : { [op]: [{ var: 'list' }, logic] },
    );
    fc.assert(
      fc.property(iteration, lists, (generated, list) => {
        const compiled = compileRule(generated);
        expect(outcome(() => compiled({ list }))).toStrictEqual(outcome(() => applyJsonLogic(generated, { list })));
      }),
      { numRuns: 200 },
    );
  });
});
