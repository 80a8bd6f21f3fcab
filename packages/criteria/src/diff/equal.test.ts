import { describe, expect, it } from 'vitest';
import { deepEqual } from './equal.ts';

describe('deepEqual', () => {
  it('compares rules by structure, whatever the key order', () => {
    expect(deepEqual({ if: [{ var: 'a' }, 6, 0] }, { if: [{ var: 'a' }, 6, 0] })).toBe(true);
    expect(deepEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(deepEqual({ if: [{ var: 'a' }, 6, 0] }, { if: [{ var: 'a' }, 7, 0] })).toBe(false);
  });

  it('tells arrays from objects and order within arrays', () => {
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual([1], [1, 2])).toBe(false);
  });

  it('treats a key holding undefined as absent', () => {
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
  });
});
