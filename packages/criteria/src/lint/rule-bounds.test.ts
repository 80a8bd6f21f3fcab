import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import type { Field } from '../definition/field.ts';
import type { JsonValue } from '../definition/rule.ts';
import { ruleBounds } from './rule-bounds.ts';

const label = { vi: 'Trường' };
const fields: Field[] = [
  { id: 'has_lms', kind: 'boolean', label, required: true },
  { id: 'materials', kind: 'count', label, required: true },
  { id: 'rooms', kind: 'count', label, required: true, max: 40 },
  { id: 'score', kind: 'number', label, required: true, min: -5, max: 5, decimals: 2 },
  { id: 'teachers', kind: 'ratio', label, required: true, numeratorLabel: label, denominatorLabel: label },
  {
    id: 'functions',
    kind: 'multichoice',
    label,
    required: true,
    options: ['assign', 'answer', 'assess', 'parents'].map((value) => ({ value, label })),
  },
  { id: 'name', kind: 'text', label, required: true, maxLength: 500 },
];

describe('ruleBounds', () => {
  it('gives a literal as its own bounds', () => {
    expect(ruleBounds(6, fields)).toEqual({ min: 6, max: 6 });
  });

  it('unites the branches of if, including the null of a missing else', () => {
    expect(ruleBounds({ if: [{ var: 'has_lms' }, 6, { '<': [{ var: 'materials' }, 20] }, 3, 10] }, fields)).toEqual({ min: 3, max: 10 });
    expect(ruleBounds({ if: [{ var: 'has_lms' }, 6] }, fields)).toEqual({ min: 0, max: 6 });
  });

  it('reads a ratio percentage band rule as bounded by its results', () => {
    const rule: JsonValue = { if: [{ '<': [{ var: 'teachers.percent' }, 30] }, 2, { '<=': [{ var: 'teachers.percent' }, 60] }, 4, 7] };
    expect(ruleBounds(rule, fields)).toEqual({ min: 2, max: 7 });
  });

  it('reads a boolean used arithmetically as 0 or 1', () => {
    expect(ruleBounds({ '*': [{ var: 'has_lms' }, 6] }, fields)).toEqual({ min: 0, max: 6 });
  });

  it('bounds a count by its max, and leaves it unbounded without one', () => {
    expect(ruleBounds({ '/': [{ var: 'rooms' }, 4] }, fields)).toEqual({ min: 0, max: 10 });
    expect(ruleBounds({ var: 'materials' }, fields).max).toBe(Infinity);
  });

  it('bounds a number field by its min and max, with 0 for a missing answer', () => {
    expect(ruleBounds({ '+': [{ var: 'score' }, 5] }, fields)).toEqual({ min: 0, max: 10 });
    expect(ruleBounds({ var: ['score', 1] }, fields)).toEqual({ min: -5, max: 5 });
  });

  it('applies subtraction, negation, min and max', () => {
    expect(ruleBounds({ '-': [10, { var: 'has_lms' }] }, fields)).toEqual({ min: 9, max: 10 });
    expect(ruleBounds({ '-': [{ var: 'has_lms' }] }, fields)).toEqual({ min: -1, max: 0 });
    expect(ruleBounds({ min: [{ var: 'materials' }, 10] }, fields)).toEqual({ min: 0, max: 10 });
    expect(ruleBounds({ max: [{ var: 'has_lms' }, 3] }, fields)).toEqual({ min: 3, max: 3 });
  });

  it('gives up on a division by something that may be 0', () => {
    expect(ruleBounds({ '/': [6, { var: 'rooms' }] }, fields).max).toBe(Infinity);
  });

  it('bounds a reduce over a multichoice field by its number of options times the step', () => {
    const rule: JsonValue = { reduce: [{ var: 'functions' }, { '+': [{ var: 'accumulator' }, 6] }, 0] };
    expect(ruleBounds(rule, fields)).toEqual({ min: 0, max: 24 });
    const picky: JsonValue = { reduce: [{ var: 'functions' }, { '+': [{ var: 'accumulator' }, { if: [{ in: [{ var: 'current' }, ['assign']] }, 6, 1] }] }, 0] };
    expect(ruleBounds(picky, fields)).toEqual({ min: 0, max: 24 });
  });

  it('leaves a reduce over anything but a multichoice field unknown', () => {
    const rule: JsonValue = { reduce: [{ var: 'name' }, { '+': [{ var: 'accumulator' }, 6] }, 0] };
    expect(ruleBounds(rule, fields).max).toBe(Infinity);
  });

  it('bounds the length of a multichoice answer by its options', () => {
    expect(ruleBounds({ '*': [6, { var: 'functions.length' }] }, fields)).toEqual({ min: 0, max: 24 });
  });

  it('leaves text, unknown fields and unknown operations unknown', () => {
    expect(ruleBounds({ var: 'name' }, fields).max).toBe(Infinity);
    expect(ruleBounds({ var: 'nowhere' }, fields).max).toBe(Infinity);
    expect(ruleBounds({ cat: ['1', '2'] }, fields).max).toBe(Infinity);
  });

  it('accepts the fields as a map too', () => {
    expect(ruleBounds({ var: 'rooms' }, new Map(fields.map((field) => [field.id, field])))).toEqual({ min: 0, max: 40 });
  });
});

/** Arithmetic rules over the fixture's numeric fields, as an admin might write them. */
const ruleArbitrary: fc.Arbitrary<JsonValue> = fc.letrec<{ rule: JsonValue }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: -10, max: 10 }),
    fc.constantFrom<JsonValue>({ var: 'has_lms' }, { var: 'rooms' }, { var: 'score' }, { var: 'teachers.percent' }, { var: 'functions.length' }),
    fc.tuple(fc.constantFrom('+', '-', '*', 'min', 'max'), tie('rule'), tie('rule')).map(([op, a, b]): JsonValue => ({ [op]: [a, b] })),
    fc.tuple(tie('rule'), tie('rule'), tie('rule')).map(([c, a, b]): JsonValue => ({ if: [{ '<': [c, 3] }, a, b] })),
    fc.tuple(tie('rule'), fc.integer({ min: 1, max: 5 })).map(([a, d]): JsonValue => ({ '/': [a, d] })),
    tie('rule').map((step): JsonValue => ({ reduce: [{ var: 'functions' }, { '+': [{ var: 'accumulator' }, step] }, 0] })),
  ),
})).rule;

const answersArbitrary = fc.record(
  {
    has_lms: fc.boolean(),
    rooms: fc.integer({ min: 0, max: 40 }),
    score: fc.integer({ min: -500, max: 500 }).map((n) => n / 100),
    teachers: fc.integer({ min: 0, max: 100 }).map((percent) => ({ numerator: percent, denominator: 100, percent })),
    functions: fc.subarray(['assign', 'answer', 'assess', 'parents']),
  },
  { requiredKeys: [] },
);

describe('ruleBounds soundness', () => {
  it('contains every number json-logic computes for any answers', () => {
    fc.assert(
      fc.property(ruleArbitrary, answersArbitrary, (rule, answers) => {
        const value: unknown = jsonLogic.apply(rule as jsonLogic.RulesLogic, answers);
        fc.pre(typeof value === 'number' && Number.isFinite(value));
        const bounds = ruleBounds(rule, fields);
        const slack = 1e-9 * Math.max(1, Math.abs(value as number));
        expect(value as number).toBeGreaterThanOrEqual(bounds.min - slack);
        expect(value as number).toBeLessThanOrEqual(bounds.max + slack);
      }),
      { numRuns: 2000 },
    );
  });
});
