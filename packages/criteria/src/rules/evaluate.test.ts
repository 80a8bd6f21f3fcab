import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asFiniteNumber, compileRule, evaluateRule, isTruthy } from './index.ts';
import { jsonLogicTruthy } from './json-logic.ts';

describe('isTruthy', () => {
  it('treats an empty array as falsy and "0" as truthy', () => {
    expect(isTruthy([])).toBe(false);
    expect(isTruthy([0])).toBe(true);
    expect(isTruthy('0')).toBe(true);
    expect(isTruthy('')).toBe(false);
    expect(isTruthy(0)).toBe(false);
    expect(isTruthy(NaN)).toBe(false);
    expect(isTruthy({})).toBe(true);
    expect(isTruthy(null)).toBe(false);
  });

  it('agrees with jsonLogic.truthy on any value', () => {
    fc.assert(fc.property(fc.anything(), (value) => isTruthy(value) === jsonLogicTruthy(value)), { numRuns: 300 });
  });
});

describe('asFiniteNumber', () => {
  it('passes finite numbers only', () => {
    expect(asFiniteNumber(2.5)).toBe(2.5);
    expect(asFiniteNumber(-3)).toBe(-3);
    for (const value of [NaN, Infinity, -Infinity, '3', null, undefined, true, [1], {}]) expect(asFiniteNumber(value)).toBeNull();
  });

  it('answers 0 for -0', () => {
    expect(Object.is(asFiniteNumber(-0), 0)).toBe(true);
  });
});

describe('evaluateRule', () => {
  it('answers ok with the value of the rule', () => {
    expect(evaluateRule(compileRule({ '+': [{ var: 'a' }, 1] }), { a: 2 })).toEqual({ ok: true, value: 3 });
  });

  it('answers a problem in Vietnamese and English when evaluation fails', () => {
    const result = evaluateRule(compileRule({ in: ['a', { var: 'x' }] }), { x: { indexOf: 1 } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toMatchObject({ code: 'rule.evaluation-failed', path: [], severity: 'error' });
      expect(result.problem.message.vi).toMatch(/^Không tính được quy tắc: TypeError/);
      expect(result.problem.message.en).toMatch(/^The rule could not be evaluated: TypeError/);
    }
  });
});
