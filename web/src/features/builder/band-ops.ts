import type { Band, Definition } from '@chiso/criteria';

/**
 * Pure operations on lists of level bands (a criterion's, a group's, the overall total's): the editor
 * forms call these, so what a new band or a new list starts as is tested once, here.
 */

/** A band with one bound set or, when empty, left open. */
export function withBound(band: Band, bound: 'min' | 'max', value: number | undefined): Band {
  const next = { ...band };
  if (value === undefined) delete next[bound];
  else next[bound] = value;
  return next;
}

/**
 * The band to add after the last one: the next level, starting where the last one ends (so the
 * bands stay contiguous), open above. An empty list starts with level 1, open both ways.
 */
export function nextBand(bands: readonly Band[]): Band {
  const last = bands[bands.length - 1];
  if (last === undefined) return { level: 1, minInclusive: true, maxInclusive: false };
  const band: Band = { level: Math.min(9, last.level + 1), minInclusive: !last.maxInclusive, maxInclusive: false };
  if (last.max !== undefined) band.min = last.max;
  return band;
}

/** The most points of the whole unit: the sum of its groups' maxima, as the core bands the total. */
export function totalMax(definition: Definition): number {
  return Math.round(definition.groups.reduce((sum, group) => sum + group.max * 100, 0)) / 100;
}

/**
 * Bands over the total to start from when a set begins to level the total (3806-style sets): one band
 * per declared level, splitting 0..total evenly, the last open above; the author then edits the bounds.
 */
export function startTotalBands(definition: Definition): Band[] {
  const levels = [...new Set(definition.levels.map((level) => level.level))].sort((a, b) => a - b);
  const total = totalMax(definition);
  const bound = (index: number) => Math.round((total * index * 100) / levels.length) / 100;
  return levels.map((level, index) => {
    const band: Band = { level, minInclusive: true, maxInclusive: false };
    if (index > 0) band.min = bound(index);
    if (index < levels.length - 1) band.max = bound(index + 1);
    return band;
  });
}
