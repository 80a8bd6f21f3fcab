import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../definition/rule.ts';
import { formatPath } from '../problem.ts';
import { edited } from './small-definition.fixture.ts';
import { validateDefinition } from './validate.ts';

function found(changes: Parameters<typeof edited>[0]): string[][] {
  return validateDefinition(edited(changes)).map((p) => [p.code, formatPath(p.path)]);
}

const INDICATOR = ['groups', 0, 'criteria', 1, 'indicators', 1];

describe('rules in a definition', () => {
  it('reports a disallowed operation in a cap at the path of the offending node', () => {
    expect(found([[[...INDICATOR, 'cap'], { if: [{ log: 'x' }, 3, 6] }]])).toContainEqual(['rule.operation-not-allowed', 'groups[0].criteria[1].indicators[1].cap.if[0]']);
  });

  it('reports a cap reading a variable that is no field of the set', () => {
    expect(found([[[...INDICATOR, 'cap'], { if: [{ var: 'materialz' }, 3, 6] }]])).toEqual([['rule.unknown-var', 'groups[0].criteria[1].indicators[1].cap.if[0].var']]);
  });

  it("checks an evidence slot's requiredWhen against the fields of the set", () => {
    expect(found([[['groups', 0, 'criteria', 0, 'evidence', 0, 'requiredWhen'], { var: 'nothing' }]])).toEqual([
      ['rule.unknown-var', 'groups[0].criteria[0].evidence[0].requiredWhen.var'],
    ]);
  });

  it('lets answer rules read fields of other indicators', () => {
    expect(found([[[...INDICATOR, 'relevantWhen'], { var: 'has_software' }]])).toEqual([]);
  });

  it('checks relevance of indicators and fields, validations and conditions', () => {
    const problems = found([
      [[...INDICATOR, 'relevantWhen'], { var: 'nothing' }],
      [[...INDICATOR, 'fields', 0, 'relevantWhen'], { var: 'nothing' }],
      [[...INDICATOR, 'validations', 0, 'rule'], { var: 'nothing' }],
      [['groups', 0, 'criteria', 0, 'condition'], { var: 'nothing' }],
    ]);
    expect(problems.map(([, path]) => path)).toEqual([
      'groups[0].criteria[1].indicators[1].relevantWhen.var',
      'groups[0].criteria[1].indicators[1].validations[0].rule.var',
      'groups[0].criteria[1].indicators[1].fields[0].relevantWhen.var',
      'groups[0].criteria[0].condition.var',
    ]);
    expect(new Set(problems.map(([code]) => code))).toEqual(new Set(['rule.unknown-var']));
  });

  it('lets a mandatory effect read level, points, unmet and unmetIds, and nothing else', () => {
    expect(found([[['groups', 0, 'mandatoryEffect'], { if: [{ in: ['1.1', { var: 'unmetIds' }] }, 1, { var: 'level' }] }]])).toEqual([]);
    expect(found([[['groups', 0, 'mandatoryEffect'], { var: 'has_software' }]])).toEqual([['rule.unknown-var', 'groups[0].mandatoryEffect.var']]);
  });

  it('lets the overall rule read the groups and the total, and nothing else', () => {
    expect(found([[['overall'], { rule: { min: [{ var: 'groups.1.level' }, 3] } }]])).toEqual([]);
    expect(found([[['overall'], { rule: { var: 'level' } }]])).toEqual([['rule.unknown-var', 'overall.rule.var']]);
  });

  it('reports an overall rule using totalLevel when the set has no total bands', () => {
    expect(found([[['overall'], { rule: { var: 'totalLevel' } }]])).toEqual([['overall.total-level-without-bands', 'overall.rule']]);
    const withBands: JsonValue = { rule: { var: 'totalLevel' }, totalBands: [{ level: 1, max: 5 }, { level: 2, min: 5, max: 7.5, maxInclusive: true }, { level: 3, min: 7.5, minInclusive: false }] };
    expect(found([[['overall'], withBands]])).toEqual([]);
  });
});
