import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../definition/rule.ts';
import type { Problem } from '../problem.ts';
import { compileNode } from './compile.ts';
import { FORBIDDEN_NAMES } from './forbidden-names.ts';
import { type CompiledRule, DEFAULT_RULE_LIMITS, RuleError, asFiniteNumber, checkRule, compileRule, evaluateRule } from './index.ts';
import { applyJsonLogic } from './json-logic.ts';

const found = (problems: Problem[]) => problems.map(({ code, path }) => ({ code, path }));

/** `{"!": {"!": … 1 …}}`, `depth` operations deep, built without recursion. */
function nested(depth: number): JsonValue {
  let rule: JsonValue = 1;
  for (let level = 0; level < depth; level += 1) rule = { '!': rule };
  return rule;
}

/** What compileRule refuses with, or [] when it compiles. */
function refusal(rule: JsonValue): Problem[] {
  try {
    compileRule(rule);
    return [];
  } catch (error) {
    if (error instanceof RuleError) return error.problems;
    throw error;
  }
}

describe('operations outside the allow-list', () => {
  it('refuses method, naming it, at the path of its node', () => {
    const rule = { if: [{ method: [{ var: 'name' }, 'toUpperCase'] }, 1, 0] };
    expect(found(checkRule(rule))).toEqual([{ code: 'rule.operation-not-allowed', path: ['if', 0] }]);
    expect(checkRule(rule)[0]?.message).toEqual({
      vi: 'Phép toán "method" không được phép trong quy tắc',
      en: 'Operation "method" is not allowed in rules',
    });
    expect(() => compileRule(rule)).toThrow(RuleError);
  });

  it('refuses log, dotted operations and unknown names', () => {
    expect(found(checkRule({ log: 'x' }))).toEqual([{ code: 'rule.operation-not-allowed', path: [] }]);
    expect(found(checkRule({ '+': [{ 'Math.abs': -1 }, { frobnicate: [] }] }))).toEqual([
      { code: 'rule.operation-not-allowed', path: ['+', 0] },
      { code: 'rule.operation-not-allowed', path: ['+', 1] },
    ]);
  });
});

describe('data paths', () => {
  it('refuses paths naming prototype members, with the path of the literal', () => {
    expect(found(checkRule({ var: 'constructor' }))).toEqual([{ code: 'rule.var-forbidden-segment', path: ['var'] }]);
    expect(found(checkRule({ var: 'a.__proto__' }))).toEqual([{ code: 'rule.var-forbidden-segment', path: ['var'] }]);
    expect(found(checkRule({ var: ['toString', 0] }))).toEqual([{ code: 'rule.var-forbidden-segment', path: ['var', 0] }]);
    expect(found(checkRule({ missing: ['a', '__proto__'] }))).toEqual([{ code: 'rule.var-forbidden-segment', path: ['missing', 1] }]);
    expect(found(checkRule({ missing_some: [1, ['a', 'valueOf']] }))).toEqual([
      { code: 'rule.var-forbidden-segment', path: ['missing_some', 1, 1] },
    ]);
  });

  it('refuses paths with characters other than ASCII letters, digits and _', () => {
    for (const path of ['a-b', 'a b', 'điểm', 'a[0]', '-1', 1e21]) {
      expect(found(checkRule({ var: path }))).toEqual([{ code: 'rule.var-forbidden-segment', path: ['var'] }]);
    }
  });

  it('warns of computed paths, however they are computed, and refuses a missing_some without keys', () => {
    const computed = (path: (string | number)[]) => ({ code: 'rule.var-computed', path });
    expect(found(checkRule({ var: { cat: ['con', 'structor'] } }))).toEqual([computed(['var'])]);
    expect(found(checkRule({ var: [['a']] }))).toEqual([computed(['var', 0])]);
    expect(found(checkRule({ var: true }))).toEqual([computed(['var'])]);
    expect(found(checkRule({ missing: [{ var: 'k' }] }))).toEqual([computed(['missing', 0])]);
    expect(found(checkRule({ missing_some: [1, { merge: [['a']] }] }))).toEqual([computed(['missing_some', 1])]);
    expect(checkRule({ var: { cat: ['a', 'b'] } }).map((p) => p.severity)).toEqual(['warning']);
    expect(found(checkRule({ missing_some: [1] }))).toEqual([{ code: 'rule.missing-some-keys', path: ['missing_some'] }]);
  });

  it('finds nothing through a computed path that names a prototype member, at run time', () => {
    const data = { school: { name: 'THCS A' }, list: [1, 2] };
    expect(compileRule({ var: { cat: ['con', 'structor'] } })(data)).toBeNull();
    expect(compileRule({ var: [{ cat: ['school.', '__proto__'] }, 'none'] })(data)).toBe('none');
    expect(compileRule({ var: { cat: ['list.', 'map'] } })(data)).toBeNull();
    expect(compileRule({ missing: { merge: [['constructor', 'school.name']] } })(data)).toEqual(['constructor']);
    expect(compileRule({ var: { cat: ['school.', 'name'] } })(data)).toBe('THCS A');
  });

  it('still looks inside a computed path for other problems', () => {
    expect(found(checkRule({ var: { log: 'constructor' } }))).toEqual([
      { code: 'rule.var-computed', path: ['var'] },
      { code: 'rule.operation-not-allowed', path: ['var'] },
    ]);
  });

  it('allows length, indexes, the whole data and plain names', () => {
    for (const path of ['length', 's.length', 'list.0', 0, '', null, 'lms_functions', 'ratio.percent']) {
      expect(checkRule({ var: path })).toEqual([]);
    }
  });

  it('forbids every method and accessor of the built-in prototypes, and no data property', () => {
    for (const name of ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'push', 'concat', 'charAt', 'toFixed', 'apply', 'bind', 'call']) {
      expect(FORBIDDEN_NAMES.has(name), name).toBe(true);
    }
    expect(FORBIDDEN_NAMES.has('length')).toBe(false);
    expect(FORBIDDEN_NAMES.has('name')).toBe(false);
  });

  it('never reads a prototype when evaluating, even for a rule that skipped the check', () => {
    expect(typeof applyJsonLogic({ var: 'constructor' }, {})).toBe('function');
    expect(compileNode({ var: 'constructor' })({})).toBeNull();
    expect(compileNode({ var: 'a.__proto__' })({ a: {} })).toBeNull();
    expect(compileNode({ var: 's.toString' })({ s: 'abc' })).toBeNull();
    expect(compileNode({ var: { cat: ['con', 'structor'] } })({})).toBeNull();
    expect(compileNode({ missing: ['toString', 'a'] })({ a: 1 })).toEqual(['toString']);
    expect(compileNode({ var: ['list.constructor', 'none'] })({ list: [] })).toBe('none');
  });
});

describe('size limits', () => {
  it('refuses a rule nested 200 deep as too deep, at the first node past the limit', () => {
    const problems = checkRule(nested(200));
    expect(problems.map((problem) => problem.code)).toEqual(['rule.too-deep']);
    expect(problems[0]?.path).toHaveLength(DEFAULT_RULE_LIMITS.maxDepth + 1);
  });

  it('refuses a rule nested 100,000 deep without overflowing the stack', () => {
    expect(() => checkRule(nested(100_000))).not.toThrow();
    expect(refusal(nested(100_000)).map((problem) => problem.code)).toEqual(['rule.too-deep']);
  });

  it('accepts a rule exactly at the depth limit', () => {
    expect(checkRule(nested(DEFAULT_RULE_LIMITS.maxDepth))).toEqual([]);
  });

  it('refuses a rule of more than maxNodes nodes once, at its root, and stops walking', () => {
    const wide = { '+': new Array<JsonValue>(DEFAULT_RULE_LIMITS.maxNodes).fill(1) };
    expect(found(checkRule(wide))).toEqual([{ code: 'rule.too-large', path: [] }]);
    const huge = { '+': new Array<JsonValue>(1_000_000).fill({ var: 'constructor' }) };
    expect(found(checkRule(huge)).filter((problem) => problem.code === 'rule.too-large')).toHaveLength(1);
  });

  it('refuses a string longer than maxStringLength, in a value or a path', () => {
    const long = 'x'.repeat(DEFAULT_RULE_LIMITS.maxStringLength + 1);
    expect(found(checkRule({ cat: ['a', long] }))).toEqual([{ code: 'rule.string-too-long', path: ['cat', 1] }]);
    expect(found(checkRule({ var: long }))).toEqual([{ code: 'rule.string-too-long', path: ['var'] }]);
    expect(checkRule({ cat: ['x'.repeat(DEFAULT_RULE_LIMITS.maxStringLength)] })).toEqual([]);
  });

  it('applies the limits given to compileRule', () => {
    const limits = { maxDepth: 2, maxNodes: 100, maxStringLength: 10 };
    expect(() => compileRule({ '!': { '!': { '!': 1 } } }, limits)).toThrow(RuleError);
    expect(() => compileRule({ cat: ['0123456789a'] }, limits)).toThrow(RuleError);
  });
});

describe('values that are not JSON', () => {
  it('refuses NaN, Infinity, undefined, functions and non-plain objects, each at its path', () => {
    const rule: unknown = {
      if: [NaN, Infinity, { var: -Infinity }, undefined, () => 1, new Date(0), new Map(), [1, , 2], Object.create({ x: 1 })],
    };
    expect(found(checkRule(rule))).toEqual([
      { code: 'rule.not-json', path: ['if', 0] },
      { code: 'rule.not-json', path: ['if', 1] },
      { code: 'rule.not-json', path: ['if', 2, 'var'] },
      { code: 'rule.not-json', path: ['if', 3] },
      { code: 'rule.not-json', path: ['if', 4] },
      { code: 'rule.not-json', path: ['if', 5] },
      { code: 'rule.not-json', path: ['if', 6] },
      { code: 'rule.not-json', path: ['if', 7, 1] },
      { code: 'rule.not-json', path: ['if', 8] },
    ]);
  });

  it('refuses an operation written with a getter', () => {
    const rule = Object.defineProperty({}, 'var', { get: () => 'a', enumerable: true });
    expect(found(checkRule(rule))).toEqual([{ code: 'rule.not-json', path: [] }]);
  });

  it('refuses objects that are not one operation: no key, or several', () => {
    expect(found(checkRule({ if: [{}, { a: 1, b: 2 }, 0] }))).toEqual([
      { code: 'rule.operation-key-count', path: ['if', 0] },
      { code: 'rule.operation-key-count', path: ['if', 1] },
    ]);
  });
});

describe('evaluation', () => {
  it('answers Infinity for a division by zero, which asFiniteNumber turns to null', () => {
    const result = evaluateRule(compileRule({ '/': [{ var: 'points' }, 0] }), { points: 3 });
    expect(result).toEqual({ ok: true, value: Infinity });
    expect(asFiniteNumber(result.ok ? result.value : 0)).toBeNull();
    const nan = evaluateRule(compileRule({ '/': [0, 0] }), {});
    expect(nan.ok && asFiniteNumber(nan.value)).toBeNull();
  });

  it('never throws: a failing rule comes back as a problem', () => {
    const failing = compileRule({ '*': [] });
    expect(() => failing({})).toThrow();
    const result = evaluateRule(failing, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe('rule.evaluation-failed');
  });

  it('never throws, even on a stack overflow or a thrown non-error', () => {
    const overflowing: CompiledRule = (data) => overflowing(data);
    const overflow = evaluateRule(overflowing, {});
    expect(overflow.ok).toBe(false);
    if (!overflow.ok) expect(overflow.problem.message.en).toContain('RangeError');
    const throwing: CompiledRule = () => {
      throw Object.create(null);
    };
    expect(evaluateRule(throwing, {})).toMatchObject({ ok: false, problem: { code: 'rule.evaluation-failed' } });
  });

  it('stops a rule whose work multiplies (nested iterations over literal lists) with too-much-work', () => {
    const ten = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    let rule: JsonValue = 1;
    for (let level = 0; level < 10; level += 1) rule = { map: [ten, rule] };
    const result = evaluateRule(compileRule(rule), {});
    expect(result).toMatchObject({ ok: false, problem: { code: 'rule.too-much-work' } });
  });

  it('stops a reduce that doubles its accumulator before it exhausts memory', () => {
    const items = Array.from({ length: 40 }, (_, index) => index);
    const doubling = { reduce: [items, { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [1]] };
    expect(evaluateRule(compileRule(doubling), {})).toMatchObject({ ok: false, problem: { code: 'rule.too-much-work' } });
    const text = { reduce: [items, { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, 'ab'] };
    expect(evaluateRule(compileRule(text), {})).toMatchObject({ ok: false, problem: { code: 'rule.too-much-work' } });
  });

  it('gives each evaluation a fresh budget', () => {
    const compiled = compileRule({ map: [{ var: 'list' }, { var: '' }] });
    const list = Array.from({ length: 600_000 }, (_, index) => index);
    expect(evaluateRule(compiled, { list }).ok).toBe(true);
    expect(evaluateRule(compiled, { list }).ok).toBe(true);
  });
});
