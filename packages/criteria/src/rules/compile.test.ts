import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../definition/rule.ts';
import { ALLOWED_OPERATIONS, RuleError, compileRule } from './index.ts';
import { applyJsonLogic } from './json-logic.ts';
import { SPECIALISED_OPERATIONS } from './operations.ts';

/** The compiled value, checked against json-logic-js on the way: every quirk here is the reference's. */
function run(rule: JsonValue, data: Record<string, unknown> = {}): unknown {
  const value = compileRule(rule)(data);
  expect(value).toStrictEqual(applyJsonLogic(rule, data));
  return value;
}

describe('compileRule keeps json-logic-js semantics', () => {
  it('compares two strings as text and mixed values as numbers', () => {
    expect(run({ '>': ['10', '9'] })).toBe(false);
    expect(run({ '>': ['10', 9] })).toBe(true);
    expect(run({ '<': [1, { var: 'x' }, 3] }, { x: '2' })).toBe(true);
    expect(run({ '<=': [null, 0] })).toBe(true);
  });

  it('uses loose equality for == and strict for ===', () => {
    expect(run({ '==': [1, '1'] })).toBe(true);
    expect(run({ '==': [null, { var: 'missing' }] })).toBe(true);
    expect(run({ '==': [0, ''] })).toBe(true);
    expect(run({ '===': [1, '1'] })).toBe(false);
    expect(run({ '!=': ['0', false] })).toBe(false);
  });

  it('parses strings in + and *, answers NaN for text, and passes a lone * value through unparsed', () => {
    expect(run({ '+': ['3', 4, '0.5kg'] })).toBe(7.5);
    expect(run({ '+': 'abc' })).toBeNaN();
    expect(run({ '*': ['3'] })).toBe('3');
    expect(run({ '+': [] })).toBe(0);
    expect(Object.is(run({ '+': [-0, -0] }), 0)).toBe(true);
    expect(Object.is(run({ '*': [-1, 0, 1] }), 0)).toBe(true);
    expect(Object.is(run({ '-': 0 }), -0)).toBe(true);
  });

  it('divides by zero to Infinity and takes remainders with JavaScript signs', () => {
    expect(run({ '/': [1, 0] })).toBe(Infinity);
    expect(run({ '%': [-7, 3] })).toBe(-1);
    expect(run({ max: [] })).toBe(-Infinity);
    expect(run({ min: ['2', 1, '0.5'] })).toBe(0.5);
  });

  it('reads var with dotted paths, indexes, string lengths and defaults', () => {
    const data = { a: { b: [10, 20] }, s: 'hello', empty: null };
    expect(run({ var: 'a.b.1' }, data)).toBe(20);
    expect(run({ var: 's.length' }, data)).toBe(5);
    expect(run({ var: ['a.c', 'none'] }, data)).toBe('none');
    expect(run({ var: ['empty', 'none'] }, data)).toBeNull();
    expect(run({ var: 'a.b.5' }, data)).toBeNull();
    expect(run({ var: '' }, data)).toStrictEqual(data);
  });

  it('chains if, and answers null when no branch is taken and there is no else', () => {
    const banded: JsonValue = { if: [{ '<': [{ var: 'p' }, 30] }, 2, { '<=': [{ var: 'p' }, 60] }, 4, 7] };
    expect([10, 30, 60, 61].map((p) => run(banded, { p }))).toEqual([2, 4, 4, 7]);
    expect(run({ if: [false, 1] })).toBeNull();
    expect(run({ if: [] })).toBeNull();
    expect(run({ '?:': [[], 'yes', 'no'] })).toBe('no');
  });

  it('answers the deciding value from and/or, and undefined when they have no arguments', () => {
    expect(run({ and: [1, '', 2] })).toBe('');
    expect(run({ or: [0, [], 'x'] })).toBe('x');
    expect(run({ or: [0, false] })).toBe(false);
    expect(run({ and: [] })).toBeUndefined();
  });

  it('looks for substrings and elements with in, and finds nothing in an empty string', () => {
    expect(run({ in: ['Spring', 'Springfield'] })).toBe(true);
    expect(run({ in: [1, ['1', 2]] })).toBe(false);
    expect(run({ in: ['', ''] })).toBe(false);
    expect(run({ in: ['a', { var: 'x' }] }, { x: { a: 1 } })).toBe(false);
  });

  it('merges one level deep, and substr counts from the end with negative arguments', () => {
    expect(run({ merge: [[1, 2], 3, [[4]]] })).toEqual([1, 2, 3, [4]]);
    expect(run({ substr: ['jsonlogic', -5, -2] })).toBe('log');
    expect(run({ substr: ['jsonlogic', 1, '-5'] })).toBe('');
    expect(run({ cat: ['a', null, 1, [2, 3]] })).toBe('a12,3');
  });

  it('lists missing keys, treating "" as missing, and missing_some answers [] when enough are present', () => {
    expect(run({ missing: ['a', 'b', 'c.d'] }, { a: '', b: 0, c: { d: null } })).toEqual(['a', 'c.d']);
    expect(run({ missing_some: [1, ['a', 'b']] }, { b: 1 })).toEqual([]);
    expect(run({ missing_some: [2, ['a', 'b', 'c']] }, { b: 1 })).toEqual(['a', 'c']);
  });

  it('iterates with map, filter, reduce, all, none and some; all of nothing is false', () => {
    const data = { list: [1, 2, 3] };
    expect(run({ map: [{ var: 'list' }, { '*': [{ var: '' }, 2] }] }, data)).toEqual([2, 4, 6]);
    expect(run({ filter: [{ var: 'list' }, { '%': [{ var: '' }, 2] }] }, data)).toEqual([1, 3]);
    expect(run({ reduce: [{ var: 'list' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 10] }, data)).toBe(16);
    expect(run({ reduce: [{ var: 'none' }, 1, 5] }, data)).toBe(5);
    expect(run({ all: [[], true] })).toBe(false);
    expect(run({ none: [[], true] })).toBe(true);
    expect(run({ some: [{ var: 'list' }, { '>': [{ var: '' }, 2] }] }, data)).toBe(true);
    expect(run({ map: [{ var: 'list' }] }, data)).toEqual([undefined, undefined, undefined]);
  });
});

describe('compileRule', () => {
  it('has a compiler of its own for every allowed operation (none left to json-logic-js)', () => {
    expect(ALLOWED_OPERATIONS.filter((op) => !SPECIALISED_OPERATIONS.has(op))).toEqual([]);
  });

  it('throws a RuleError carrying every problem of a refused rule', () => {
    try {
      compileRule({ if: [{ log: 1 }, { var: 'constructor' }, 0] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleError);
      if (error instanceof RuleError) {
        expect(error.problems.map((problem) => problem.code)).toEqual(['rule.operation-not-allowed', 'rule.var-forbidden-segment']);
        expect(error.message).toContain('rule.operation-not-allowed');
      }
    }
  });

  it('answers a new array on each evaluation, so a caller changing one changes nothing else', () => {
    const compiled = compileRule(['a', 'b']);
    const first = compiled({});
    if (Array.isArray(first)) first.push('c');
    expect(compiled({})).toEqual(['a', 'b']);
  });

  it('is unaffected by later changes to the rule it was compiled from', () => {
    const rule = { '+': [1, { var: 'x' }] };
    const compiled = compileRule(rule);
    rule['+'][0] = 100;
    expect(compiled({ x: 1 })).toBe(2);
  });
});
