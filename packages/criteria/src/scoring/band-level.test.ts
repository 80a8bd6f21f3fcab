import { describe, expect, it } from 'vitest';
import { BandSchema } from '../definition/band.ts';
import { levelOf, toExactBands } from './band-level.ts';
import { toHundredths } from './hundredths.ts';

// The group bands of 4725: below 50, from 50 to 75 inclusive, above 75.
const groupBands = toExactBands(
  [
    { level: 1, max: 50 },
    { level: 2, min: 50, max: 75, maxInclusive: true },
    { level: 3, min: 75, minInclusive: false },
  ].map((band) => BandSchema.parse(band)),
);

const at = (points: number) => levelOf(groupBands, toHundredths(points) ?? NaN);

describe('levelOf', () => {
  it('puts 49.75 at level 1 and 50 at level 2', () => {
    expect(at(49.75)).toBe(1);
    expect(at(50)).toBe(2);
  });

  it('puts 75 at level 2 and 75.25 at level 3', () => {
    expect(at(75)).toBe(2);
    expect(at(75.25)).toBe(3);
  });

  it('puts halves above 75 at level 3 and zero at level 1', () => {
    expect(at(75.5)).toBe(3);
    expect(at(0)).toBe(1);
    expect(at(100)).toBe(3);
  });

  it('answers null for points in a gap between bands', () => {
    const gappy = toExactBands([BandSchema.parse({ level: 1, max: 4 }), BandSchema.parse({ level: 3, min: 7, minInclusive: false })]);
    expect(levelOf(gappy, 500)).toBeNull();
  });
});
