import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Field } from '../definition/field.ts';
import { national4725 } from '../sets/index.ts';
import { toHundredths } from './hundredths.ts';
import { scoreSubmission } from './score.ts';

const fields: Field[] = national4725.groups.flatMap((g) => g.criteria.flatMap((c) => c.indicators.flatMap((i) => i.fields)));
const indicatorIds = national4725.groups.flatMap((g) => g.criteria.flatMap((c) => c.indicators.map((i) => i.id)));

/** A plausible answer of the field's kind, or (one time in four) anything at all. */
function answerArbitrary(field: Field): fc.Arbitrary<unknown> {
  const plausible = ((): fc.Arbitrary<unknown> => {
    switch (field.kind) {
      case 'boolean':
        return fc.boolean();
      case 'count':
        return fc.integer({ min: 0, max: 120 });
      case 'ratio':
        return fc.integer({ min: 1, max: 200 }).chain((d) => fc.record({ numerator: fc.integer({ min: 0, max: d }), denominator: fc.constant(d) }));
      case 'choice':
        return fc.constantFrom(...field.options.map((o) => o.value));
      case 'multichoice':
        return fc.subarray(field.options.map((o) => o.value));
      default:
        return fc.jsonValue();
    }
  })();
  return fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: fc.anything() });
}

const answersArbitrary = fc.record(Object.fromEntries(fields.map((f) => [f.id, answerArbitrary(f)])), { requiredKeys: [] });
const awardsArbitrary = fc.dictionary(
  fc.oneof(fc.constantFrom(...indicatorIds), fc.string()),
  fc.oneof(fc.integer({ min: -2, max: 30 }), fc.double({ noNaN: false }), fc.anything()),
);
const sane = fc.record(Object.fromEntries(indicatorIds.map((id) => [id, fc.integer({ min: 0, max: 96 }).map((n) => n / 4)])), { requiredKeys: [] });

const sum = (values: number[]) => values.reduce((total, value) => total + (toHundredths(value) ?? NaN), 0) / 100;

describe('scoring properties (fast-check)', () => {
  it('never throws, whatever the answers and awards', () => {
    fc.assert(
      fc.property(fc.oneof(answersArbitrary, fc.anything()), fc.oneof(awardsArbitrary, fc.anything()), (answers, awards) => {
        scoreSubmission(national4725, answers, awards);
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic: the same input scores the same', () => {
    fc.assert(
      fc.property(answersArbitrary, awardsArbitrary, (answers, awards) => {
        expect(scoreSubmission(national4725, answers, awards)).toEqual(scoreSubmission(national4725, answers, awards));
      }),
      { numRuns: 150 },
    );
  });

  it('makes every total the exact sum of its parts', () => {
    fc.assert(
      fc.property(answersArbitrary, sane, (answers, awards) => {
        const result = scoreSubmission(national4725, answers, awards);
        for (const group of result.groups) {
          expect(group.points).toBe(sum(group.criteria.map((c) => c.points)));
          for (const criterion of group.criteria) {
            expect(criterion.points).toBe(sum(criterion.indicators.map((i) => i.awarded)));
            for (const indicator of criterion.indicators) expect(indicator.awarded).toBeLessThanOrEqual(indicator.cap);
          }
        }
        expect(result.total).toBe(sum(result.groups.map((g) => g.points)));
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers a level when points go up', () => {
    fc.assert(
      fc.property(answersArbitrary, sane, fc.constantFrom(...indicatorIds), fc.integer({ min: 1, max: 40 }), (answers, awards, id, quarters) => {
        const before = scoreSubmission(national4725, answers, awards);
        const cap = before.groups.flatMap((g) => g.criteria.flatMap((c) => c.indicators)).find((i) => i.id === id)?.cap ?? 0;
        const raised = Math.min(cap, ((awards as Record<string, number>)[id] ?? 0) + quarters / 4);
        const after = scoreSubmission(national4725, answers, { ...awards, [id]: raised });
        before.groups.forEach((group, g) => {
          const later = after.groups[g];
          expect(later?.points ?? 0).toBeGreaterThanOrEqual(group.points);
          expect(later?.bandLevel ?? 0).toBeGreaterThanOrEqual(group.bandLevel);
          expect(later?.level ?? 0).toBeGreaterThanOrEqual(group.level);
          group.criteria.forEach((criterion, c) => expect(later?.criteria[c]?.level ?? 0).toBeGreaterThanOrEqual(criterion.level ?? 0));
        });
        expect(after.overallLevel).toBeGreaterThanOrEqual(before.overallLevel);
      }),
      { numRuns: 300 },
    );
  });
});
