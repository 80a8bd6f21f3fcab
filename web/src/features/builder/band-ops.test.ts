import { lintDefinition } from '@chiso/criteria';
import { national4725 } from '@chiso/criteria/sets';
import { describe, expect, it } from 'vitest';
import { nextBand, startTotalBands, totalMax, withBound } from './band-ops.ts';

const definition = () => national4725;

describe('band list operations', () => {
  it('sets or clears one bound', () => {
    const band = { level: 2, min: 10, minInclusive: true, maxInclusive: false };
    expect(withBound(band, 'max', 20)).toEqual({ ...band, max: 20 });
    expect(withBound(band, 'min', undefined)).toEqual({ level: 2, minInclusive: true, maxInclusive: false });
    expect(band.min).toBe(10);
  });

  it('adds the next level where the last band ends', () => {
    expect(nextBand([])).toEqual({ level: 1, minInclusive: true, maxInclusive: false });
    expect(nextBand([{ level: 1, max: 50, minInclusive: true, maxInclusive: false }])).toEqual({ level: 2, min: 50, minInclusive: true, maxInclusive: false });
    // An upper bound included in the last band is excluded from the new one, so no score is in both.
    expect(nextBand([{ level: 3, max: 75, minInclusive: true, maxInclusive: true }])).toEqual({ level: 4, min: 75, minInclusive: false, maxInclusive: false });
    expect(nextBand([{ level: 9, minInclusive: true, maxInclusive: false }]).level).toBe(9);
  });

  it('starts bands over the total that the core lints clean, one per level', () => {
    const set = definition();
    expect(totalMax(set)).toBe(200); // 4725: two groups of 100
    const bands = startTotalBands(set);
    expect(bands.map((band) => band.level)).toEqual(set.levels.map((level) => level.level).sort());
    expect(bands[0]?.min).toBeUndefined();
    expect(bands[bands.length - 1]?.max).toBeUndefined();
    const withTotal = { ...set, overall: { ...set.overall, totalBands: bands } };
    expect(lintDefinition(withTotal).filter((problem) => problem.path[0] === 'overall')).toEqual([]);
  });
});
