import { describe, expect, it } from 'vitest';
import { national4725, seed003Example } from '../sets/index.ts';
import { scoreSubmission } from './score.ts';

const answers = seed003Example.answers;
const awards = seed003Example.awards;

function indicator(result: ReturnType<typeof scoreSubmission>, id: string) {
  const found = result.groups.flatMap((g) => g.criteria).flatMap((c) => c.indicators).find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

const capWith = (id: string, change: Record<string, unknown>) => indicator(scoreSubmission(national4725, { ...answers, ...change }, {}), id).cap;

describe('band edges of the caps', () => {
  it('caps 1.6a at 2 below 30 %, 4 from 30 % to 60 % inclusive, 7 above 60 % (29.99 / 30 / 60 / 60.01 %)', () => {
    const ratio = (numerator: number) => ({ teachers_online_training: { numerator, denominator: 10000 } });
    expect([2999, 3000, 6000, 6001].map((n) => capWith('1.6a', ratio(n)))).toEqual([2, 4, 4, 7]);
  });

  it('keeps ratio edges exact where the percentage has no finite binary form (3 of 10, 6 of 10, 1 of 3)', () => {
    const ratio = (numerator: number, denominator: number) => ({ teachers_online_training: { numerator, denominator } });
    expect(capWith('1.6a', ratio(3, 10))).toBe(4);
    expect(capWith('1.6a', ratio(6, 10))).toBe(4);
    expect(capWith('1.6a', ratio(1, 3))).toBe(4);
    expect(capWith('1.6a', ratio(29, 97))).toBe(2);
  });

  it('caps 1.4a at 3 / 6 / 6 / 10 / 10 for 19 / 20 / 39 / 40 / 41 digitised materials', () => {
    expect([19, 20, 39, 40, 41].map((n) => capWith('1.4a', { digital_materials: n }))).toEqual([3, 6, 6, 10, 10]);
  });
});

describe('band edges of the group levels', () => {
  // Seed 003 gives group 1 = 84; these awards move it onto each edge.
  const groupOneWith = (change: Record<string, number>) => {
    const result = scoreSubmission(national4725, answers, { ...awards, ...change });
    const group = result.groups[0];
    return [group?.points, group?.level];
  };

  it('puts 49.75 at level 1 and 50 at level 2', () => {
    expect(groupOneWith({ '1.3b': 0, '1.5a': 0, '1.7c': 4.75 })).toEqual([49.75, 1]);
    expect(groupOneWith({ '1.3b': 0, '1.5a': 0 })).toEqual([50, 2]);
  });

  it('puts 75 at level 2 and 75.25 at level 3', () => {
    expect(groupOneWith({ '1.3b': 10 })).toEqual([75, 2]);
    expect(groupOneWith({ '1.3b': 10.25 })).toEqual([75.25, 3]);
  });

  it('lets no floating-point drift move a level: tenths that float addition sums past 75 stay at 75, level 2', () => {
    const change = { '1.3b': 11.1, '1.5a': 14.3, '1.7c': 4.9, '1.6c': 4.7, '1.6b': 4 };
    const groupOne = national4725.groups[0]?.criteria.flatMap((c) => c.indicators.map((i) => i.id)) ?? [];
    const given: Record<string, number> = { ...awards, ...change };
    const naive = groupOne.reduce((sum, id) => sum + (given[id] ?? 0), 0);
    expect(naive).toBeGreaterThan(75); // 75.00000000000001: a float sum would cross into level 3
    expect(groupOneWith(change)).toEqual([75, 2]);
  });
});

describe('awards against caps', () => {
  it('refuses an award above its cap, naming the cap, and does not count it', () => {
    const result = scoreSubmission(national4725, answers, { ...awards, '1.3a': 7 });
    const refused = result.invalid.find((p) => p.code === 'award.above-cap');
    expect(refused?.path).toEqual(['awards', '1.3a']);
    expect(refused?.message.vi).toContain('tối đa 6');
    expect(refused?.message.en).toContain('cap of 6');
    expect(indicator(result, '1.3a').awarded).toBe(0);
    expect(result.complete).toBe(false);
  });

  it('refuses negative, non-numeric and over-precise awards with their paths', () => {
    const result = scoreSubmission(national4725, answers, { ...awards, '1.3a': -1, '1.4a': '10', '1.5a': 1.001 });
    expect(result.invalid.map((p) => [p.path.join(' '), p.code])).toEqual([
      ['awards 1.3a', 'award.negative'],
      ['awards 1.4a', 'award.not-a-number'],
      ['awards 1.5a', 'award.not-a-number'],
    ]);
  });

  it('asks for no award where the answers leave a cap of 0', () => {
    const result = scoreSubmission(national4725, { ...answers, computer_testing_connected: false }, { ...awards, '1.5b': undefined });
    expect(indicator(result, '1.5b').cap).toBe(0);
    expect(result.missing.filter((p) => p.path.includes('1.5b'))).toEqual([]);
  });

  it('does not report an award above a cap that is only 0 because the answers behind it are missing', () => {
    const { digital_materials: _omitted, ...rest } = answers;
    const result = scoreSubmission(national4725, rest, awards);
    expect(result.missing.map((p) => p.path.join(' '))).toContain('answers digital_materials');
    expect(result.invalid).toEqual([]);
  });
});
