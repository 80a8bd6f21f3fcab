import { describe, expect, it } from 'vitest';
import type { Band } from '../definition/band.ts';
import { parseDefinition } from '../definition/parse.ts';
import { formatPath } from '../problem.ts';
import { lintBands, lintDefinitionBands } from './bands.ts';
import { edited } from './small-definition.fixture.ts';

const LEVELS = new Set([1, 2, 3]);
const PATH = ['groups', 0, 'bands'];

/** Bands as authored: exclusive upper ends and inclusive lower ends unless said otherwise. */
function bands(...written: Array<Partial<Band> & { level: number }>): Band[] {
  return written.map((band) => ({ minInclusive: true, maxInclusive: false, ...band }));
}

function found(list: Band[], max = 100) {
  return lintBands(list, max, PATH, LEVELS).map((p) => [p.code, formatPath(p.path), p.severity]);
}

const GROUP_BANDS = bands({ level: 1, max: 50 }, { level: 2, min: 50, max: 75, maxInclusive: true }, { level: 3, min: 75, minInclusive: false });

describe('lintBands', () => {
  it('accepts the national group bands: below 50, 50 to 75, above 75', () => {
    expect(found(GROUP_BANDS)).toEqual([]);
  });

  it('reports a score that falls between two bands, down to the hundredth', () => {
    const problems = lintBands(bands({ level: 1, max: 10 }, { level: 2, min: 10, minInclusive: false }), 30, PATH, LEVELS);
    expect(problems.map((p) => [p.code, formatPath(p.path)])).toEqual([['band.gap', 'groups[0].bands']]);
    expect(problems[0]?.message.vi).toContain('đúng 10');
    expect(problems[0]?.message.en).toContain('exactly 10');
  });

  it('reports the top of the scale left uncovered', () => {
    const problems = lintBands(bands({ level: 1, max: 50 }, { level: 2, min: 50, max: 75, maxInclusive: true }), 100, PATH, LEVELS);
    expect(problems.map((p) => p.code)).toEqual(['band.gap']);
    expect(problems[0]?.message.en).toContain('from 75.01 to 100');
    expect(problems[0]?.message.vi).toContain('từ 75,01 đến 100');
  });

  it('reports two bands that both contain a score, on the later band', () => {
    const list = bands({ level: 1, max: 50, maxInclusive: true }, { level: 2, min: 50, max: 75, maxInclusive: true }, { level: 3, min: 75, minInclusive: false });
    expect(found(list)).toEqual([['band.overlap', 'groups[0].bands[1]', 'error']]);
  });

  it('reports a band whose min is above its max', () => {
    expect(found(bands(...GROUP_BANDS, { level: 3, min: 90, max: 80 }))).toContainEqual(['band.inverted', 'groups[0].bands[3]', 'error']);
  });

  it('reports a band that contains no score', () => {
    expect(found(bands(...GROUP_BANDS, { level: 3, min: 80, max: 80 }))).toContainEqual(['band.empty', 'groups[0].bands[3]', 'error']);
  });

  it('reports a level that the set does not declare', () => {
    const list = bands({ level: 1, max: 50 }, { level: 2, min: 50, max: 75, maxInclusive: true }, { level: 4, min: 75, minInclusive: false });
    expect(found(list)).toEqual([['band.unknown-level', 'groups[0].bands[2].level', 'error']]);
  });

  it('reports levels that do not rise with points', () => {
    const list = bands({ level: 2, max: 50 }, { level: 1, min: 50, max: 75, maxInclusive: true }, { level: 3, min: 75, minInclusive: false });
    expect(found(list)).toEqual([['band.level-order', 'groups[0].bands[1].level', 'error']]);
  });

  it('reads bands in any order', () => {
    const [low, middle, high] = GROUP_BANDS;
    expect(found([high!, low!, middle!])).toEqual([]);
  });

  it('warns about a band outside the scale', () => {
    expect(found(bands(...GROUP_BANDS.slice(0, 2), { level: 3, min: 75, minInclusive: false, max: 100, maxInclusive: true }, { level: 3, min: 120 }))).toEqual([
      ['band.outside-range', 'groups[0].bands[3]', 'warning'],
    ]);
  });

  it('warns about a bound finer than a hundredth', () => {
    expect(found(bands({ level: 1, max: 50.005 }, { level: 2, min: 50.005 }))).toEqual([['band.not-hundredths', 'groups[0].bands[0].max', 'warning'], ['band.not-hundredths', 'groups[0].bands[1].min', 'warning']]);
  });
});

describe('lintDefinitionBands', () => {
  it('checks total bands over the sum of the groups', () => {
    const input = edited([[['overall'], { totalBands: [{ level: 1, max: 5 }, { level: 3, min: 5, max: 9 }] }]]);
    const parsed = parseDefinition(input);
    if (!parsed.ok) throw new Error('fixture does not parse');
    expect(lintDefinitionBands(parsed.definition).map((p) => [p.code, formatPath(p.path)])).toEqual([['band.gap', 'overall.totalBands']]);
  });

  it('checks each scored criterion over its own max', () => {
    const input = edited([[['groups', 0, 'criteria', 1, 'bands', 2, 'min'], 8]]);
    const parsed = parseDefinition(input);
    if (!parsed.ok) throw new Error('fixture does not parse');
    expect(lintDefinitionBands(parsed.definition).map((p) => [p.code, formatPath(p.path)])).toEqual([['band.gap', 'groups[0].criteria[1].bands']]);
  });
});
