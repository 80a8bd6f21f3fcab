import { describe, expect, it } from 'vitest';
import { fromHundredths, roundToHundredths, toHundredths } from './hundredths.ts';

describe('hundredths', () => {
  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    const sum = (toHundredths(0.1) ?? NaN) + (toHundredths(0.2) ?? NaN);
    expect(sum).toBe(toHundredths(0.3));
    expect(fromHundredths(sum)).toBe(0.3);
  });

  it('reads values with up to two decimals exactly, including ones binary floats cannot hold', () => {
    expect(toHundredths(0.29)).toBe(29);
    expect(toHundredths(49.75)).toBe(4975);
    expect(toHundredths(75.25)).toBe(7525);
    expect(toHundredths(1.005)).toBeNull();
  });

  it('refuses values with more than two decimals, NaN and infinities', () => {
    expect(toHundredths(0.001)).toBeNull();
    expect(toHundredths(Number.NaN)).toBeNull();
    expect(toHundredths(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('never yields negative zero', () => {
    expect(Object.is(toHundredths(-0), 0)).toBe(true);
    expect(Object.is(roundToHundredths(-0.001), 0)).toBe(true);
  });
});
