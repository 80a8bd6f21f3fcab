/**
 * Points are counted in whole hundredths so that sums and band edges never drift:
 * 0.1 + 0.2 is 10 + 20 = 30 hundredths, exactly.
 */
export type Hundredths = number;

/**
 * Converts points to hundredths, or null when the value is not a finite number with at most two decimals.
 * @example toHundredths(49.75) // 4975
 */
export function toHundredths(points: number): Hundredths | null {
  if (!Number.isFinite(points)) return null;
  const scaled = points * 100;
  const rounded = Math.round(scaled);
  // Binary floating point writes 0.29 as 28.999999999999996 hundredths: tolerate that, nothing coarser.
  if (Math.abs(scaled - rounded) > 1e-6 * Math.max(1, Math.abs(scaled))) return null;
  return rounded === 0 ? 0 : rounded;
}

/** Rounds any finite number of points to the nearest hundredth (for caps computed by rules). */
export function roundToHundredths(points: number): Hundredths {
  const rounded = Math.round(points * 100);
  return rounded === 0 ? 0 : rounded;
}

/** Back to points for people and for rule contexts: 4975 → 49.75. */
export function fromHundredths(value: Hundredths): number {
  return value / 100;
}
