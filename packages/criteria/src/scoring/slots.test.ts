import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Definition } from '../definition/schema.ts';
import { national4725, seed003Example } from '../sets/index.ts';
import { scoreSubmission } from './score.ts';
import { slotLayout } from './slots.ts';

/**
 * National 4725 with one cap written through `reduce`, which gives the same value but cannot read
 * slots: the whole set is then scored over an object of answers instead.
 */
function overAnObject(): Definition {
  const definition = structuredClone(national4725);
  const indicator = definition.groups[0]?.criteria.flatMap((c) => c.indicators).find((i) => i.cap !== undefined);
  if (indicator?.cap === undefined) throw new Error('national 4725 has caps');
  indicator.cap = { reduce: [[indicator.cap], { var: 'current' }, 0] };
  return definition;
}

describe('scoring over slots', () => {
  const object = overAnObject();
  const ids = national4725.groups.flatMap((g) => g.criteria.flatMap((c) => c.indicators.flatMap((i) => i.fields.map((f) => f.id))));

  it('is how the built-in set is scored, and a rule that needs the object turns it off', () => {
    expect(slotLayout(national4725).slotted).toBe(true);
    expect(slotLayout(object).slotted).toBe(false);
  });

  it('scores exactly as over an object of answers', () => {
    const { answers, awards, evidence } = seed003Example;
    expect(scoreSubmission(national4725, answers, awards, { evidence })).toEqual(scoreSubmission(object, answers, awards, { evidence }));
    const answersArbitrary = fc.record(Object.fromEntries(ids.map((id) => [id, fc.oneof(fc.constantFrom(answers[id]), fc.jsonValue())])), { requiredKeys: [] });
    fc.assert(
      fc.property(answersArbitrary, (mixed) => {
        expect(scoreSubmission(national4725, mixed, awards)).toEqual(scoreSubmission(object, mixed, awards));
      }),
      { numRuns: 200 },
    );
  });
});
