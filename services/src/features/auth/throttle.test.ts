import { describe, expect, it } from 'vitest';
import { type Attempts, afterFailure, attemptsId, lockedFor } from './throttle.ts';

const t0 = Date.parse('2026-01-05T01:00:00Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000);

function failures(times: number[]): Attempts | null {
  return times.reduce<Attempts | null>((attempts, second) => afterFailure(attempts, at(second)), null);
}

describe('the sign-in slow-down', () => {
  it('does not lock for four failures, and locks for 30 s at the fifth within the window', () => {
    const four = failures([0, 1, 2, 3]);
    expect(four).toMatchObject({ failures: 4, locks: 0, lockedUntil: null });
    expect(lockedFor(four, at(4))).toBeNull();
    const five = afterFailure(four, at(4));
    expect(five).toMatchObject({ failures: 5, locks: 1, lockedUntil: at(34).toISOString() });
    expect(lockedFor(five, at(4))).toBe(30);
    expect(lockedFor(five, at(33.5))).toBe(1);
    expect(lockedFor(five, at(34))).toBeNull();
  });

  it('doubles the lock at each failure after one, up to 15 minutes', () => {
    let attempts = failures([0, 0, 0, 0, 0]);
    const locks: number[] = [];
    for (let second = 100; locks.length < 7; second += 1000) {
      attempts = afterFailure(attempts, at(second));
      locks.push(lockedFor(attempts, at(second)) ?? 0);
    }
    expect(locks).toEqual([60, 120, 240, 480, 900, 900, 900]);
  });

  it('forgets the count 15 minutes after the first failure, or 15 minutes after a lock ends', () => {
    const four = failures([0, 1, 2, 3]);
    expect(four?.ttl).toBe(Math.ceil(at(15 * 60).getTime() / 1000));
    const locked = afterFailure(four, at(4));
    expect(locked.ttl).toBe(Math.ceil(at(34 + 15 * 60).getTime() / 1000));
  });

  it('keys the count by account when the login names one, never by what was typed', () => {
    const id = attemptsId({ login: 'ht.hoasen', accountId: null });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(id).not.toBe(attemptsId({ login: 'ht.hoasen', accountId: 'k3v9x2mqa7bd' }));
    expect(attemptsId({ login: 'ht.hoasen', accountId: 'k3v9x2mqa7bd' })).toBe(attemptsId({ login: 'ht@example.vn', accountId: 'k3v9x2mqa7bd' }));
    expect(attemptsId({ login: 'a#b', accountId: null })).not.toContain('#');
  });
});
