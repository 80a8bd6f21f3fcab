import type { Band } from '../definition/band.ts';
import { type Hundredths, roundToHundredths } from './hundredths.ts';

/** A band with its bounds in hundredths, ready for exact comparison. */
export interface ExactBand {
  level: number;
  min: Hundredths | null;
  minInclusive: boolean;
  max: Hundredths | null;
  maxInclusive: boolean;
}

export function toExactBands(bands: readonly Band[]): ExactBand[] {
  return bands.map((band) => ({
    level: band.level,
    min: band.min === undefined ? null : roundToHundredths(band.min),
    minInclusive: band.minInclusive,
    max: band.max === undefined ? null : roundToHundredths(band.max),
    maxInclusive: band.maxInclusive,
  }));
}

/**
 * The level of the first band containing the points, or null when they fall in a gap
 * (the linter refuses sets with gaps, so null only reaches unvalidated drafts).
 * @example levelOf(toExactBands([{ level: 1, max: 50, minInclusive: true, maxInclusive: false }]), 4975) // 1
 */
export function levelOf(bands: readonly ExactBand[], points: Hundredths): number | null {
  for (const band of bands) {
    if (band.min !== null && (band.minInclusive ? points < band.min : points <= band.min)) continue;
    if (band.max !== null && (band.maxInclusive ? points > band.max : points >= band.max)) continue;
    return band.level;
  }
  return null;
}
