import { describe, expect, it } from 'vitest';
import { formatPath } from '../problem.ts';
import { edited } from './small-definition.fixture.ts';
import { validateDefinition } from './validate.ts';

function found(changes: Parameters<typeof edited>[0]) {
  return validateDefinition(edited(changes)).map((p) => [p.code, formatPath(p.path), p.severity]);
}

const CRITERION = ['groups', 0, 'criteria', 1];

describe('maxima', () => {
  it('reports indicators whose maxima add up beyond the criterion max', () => {
    expect(found([[[...CRITERION, 'indicators', 0, 'max'], 5], [[...CRITERION, 'indicators', 0, 'cap'], { if: [{ var: 'has_software' }, 5, 0] }]])).toEqual([
      ['criterion.indicators-exceed-max', 'groups[0].criteria[1].max', 'error'],
    ]);
  });

  it('warns when the indicators add up to less than the criterion max', () => {
    expect(found([[[...CRITERION, 'indicators', 0, 'max'], 3], [[...CRITERION, 'indicators', 0, 'cap'], { if: [{ var: 'has_software' }, 3, 0] }]])).toEqual([
      ['criterion.max-unreachable', 'groups[0].criteria[1].max', 'warning'],
    ]);
  });

  it('reports a scored criterion without indicators', () => {
    expect(found([[[...CRITERION, 'indicators'], []]])).toEqual([['criterion.no-indicators', 'groups[0].criteria[1].indicators', 'error']]);
  });

  it('reports an indicator worth points in a mandatory condition', () => {
    expect(found([[['groups', 0, 'criteria', 0, 'indicators', 0, 'max'], 2]])).toEqual([['mandatory.indicator-points', 'groups[0].criteria[0].indicators[0].max', 'error']]);
  });

  it('reports a mandatory condition without evidence', () => {
    expect(found([[['groups', 0, 'criteria', 0, 'evidence'], []]])).toEqual([['mandatory.no-evidence', 'groups[0].criteria[0].evidence', 'error']]);
  });

  it('reports criteria maxima that do not add up to the group max', () => {
    expect(found([[['groups', 0, 'max'], 20], [['groups', 0, 'bands', 2, 'max'], 20], [['groups', 0, 'bands', 2, 'maxInclusive'], true]])).toEqual([
      ['group.max-mismatch', 'groups[0].max', 'error'],
    ]);
  });

  it('adds maxima in hundredths, so 0.1 + 0.2 makes 0.3', () => {
    const problems = found([
      [['groups', 0, 'max'], 0.3],
      [['groups', 0, 'bands'], [{ level: 1 }]],
      [[...CRITERION, 'max'], 0.3],
      [[...CRITERION, 'bands'], [{ level: 1 }]],
      [[...CRITERION, 'indicators', 0, 'max'], 0.1],
      [[...CRITERION, 'indicators', 0, 'cap'], { if: [{ var: 'has_software' }, 0.1, 0] }],
      [[...CRITERION, 'indicators', 1, 'max'], 0.2],
      [[...CRITERION, 'indicators', 1, 'cap'], 0.2],
    ]);
    expect(problems).toEqual([]);
  });
});
