import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../definition/rule.ts';
import { compileRule, compileRuleOverSlots, readsOnlyNamedPaths } from './index.ts';

const names = ['a', 'b', 'c'];
const slotOf = (name: string) => (names.includes(name) ? names.indexOf(name) : undefined);
/** The object of inputs and the same inputs by slot, undefined where the object has nothing. */
function both(inputs: Record<string, unknown>): [Record<string, unknown>, unknown[]] {
  return [inputs, names.map((name) => (Object.hasOwn(inputs, name) ? inputs[name] : undefined))];
}

describe('compileRuleOverSlots', () => {
  const rules: JsonValue[] = [
    { var: 'a' },
    { var: 'b.percent' },
    { var: 'b.percent.deeper' },
    { var: ['c', 'none'] },
    { var: ['b.numerator', { var: 'a' }, 3] },
    { var: 'nothing' },
    { var: ['nothing.x', 7] },
    { var: 'length' },
    { var: 1 },
    { if: [{ var: 'a' }, { '+': [{ var: 'b.numerator' }, 1] }, [{ var: 'c' }, 2]] },
    { cat: [{ var: 'a' }, '-', { var: 'c.0' }] },
  ];
  const inputs: Record<string, unknown>[] = [
    {},
    { a: true, b: { numerator: 3, denominator: 10, percent: 30 }, c: ['x', 'y'] },
    { a: null, b: null, c: null },
    { a: 0, b: 'text', c: '' },
  ];

  it('agrees with compileRule over the object of the same inputs', () => {
    for (const rule of rules)
      for (const [object, slots] of inputs.map(both))
        expect(compileRuleOverSlots(rule, slotOf)(slots)).toStrictEqual(compileRule(rule)(object));
  });

  it('takes only rules that read named paths outside iterations', () => {
    expect(rules.every(readsOnlyNamedPaths)).toBe(true);
    for (const rule of [{ var: '' }, { var: [] }, { var: { cat: ['a'] } }, { missing: ['a'] }, { missing_some: [1, ['a']] }, { map: [[1], { var: '' }] }])
      expect(readsOnlyNamedPaths(rule)).toBe(false);
    expect(() => compileRuleOverSlots({ missing: ['a'] }, slotOf)).toThrow();
  });
});
