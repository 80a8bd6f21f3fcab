import { describe, expect, it } from 'vitest';
import { national4725, seed003Example } from '../sets/index.ts';
import { scoreSubmission } from './score.ts';

describe('seed 003 (Trung tâm GDNN-GDTX huyện Thanh Trì, 2024–2025) replayed through scoreSubmission', () => {
  const result = scoreSubmission(national4725, seed003Example.answers, seed003Example.awards, { evidence: seed003Example.evidence });
  const criterion = (id: string) => result.groups.flatMap((g) => g.criteria).find((c) => c.id === id);

  it('gives the criterion points of the report: 25, 10, 15, 16, 18 and 66, 28', () => {
    const points = Object.fromEntries(['1.3', '1.4', '1.5', '1.6', '1.7', '2.3', '2.4'].map((id) => [id, criterion(id)?.points]));
    expect(points).toEqual({ '1.3': 25, '1.4': 10, '1.5': 15, '1.6': 16, '1.7': 18, '2.3': 66, '2.4': 28 });
  });

  it('gives group 1 = 84 at level 3, group 2 = 94 at level 3, and overall level 3', () => {
    expect(result.groups.map((g) => [g.id, g.points, g.level])).toEqual([
      ['1', 84, 3],
      ['2', 94, 3],
    ]);
    expect(result.overallLevel).toBe(3);
  });

  it('finds every mandatory condition met and the submission complete, with nothing missing or invalid', () => {
    expect(['1.1', '1.2', '2.1', '2.2'].map((id) => criterion(id)?.met)).toEqual([true, true, true, true]);
    expect(result.missing).toEqual([]);
    expect(result.invalid).toEqual([]);
    expect(result.complete).toBe(true);
  });
});
