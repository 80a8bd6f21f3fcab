import { describe, expect, it } from 'vitest';
import { formatPath } from '../problem.ts';
import { edited, smallDefinition } from './small-definition.fixture.ts';
import { validateDefinition } from './validate.ts';

function found(changes: Parameters<typeof edited>[0]): string[][] {
  return validateDefinition(edited(changes)).map((p) => [p.code, formatPath(p.path)]);
}

describe('duplicate ids', () => {
  it('reports a repeated group id on the later group', () => {
    const second = { ...smallDefinition().groups[0]!, id: '1' };
    const problems = found([[['groups', 1], JSON.parse(JSON.stringify(second))]]);
    expect(problems).toContainEqual(['duplicate.group', 'groups[1].id']);
  });

  it('reports a criterion id repeated anywhere in the set', () => {
    expect(found([[['groups', 0, 'criteria', 1, 'id'], '1.1']])).toEqual([['duplicate.criterion', 'groups[0].criteria[1].id']]);
  });

  it('reports an indicator id repeated across criteria', () => {
    expect(found([[['groups', 0, 'criteria', 1, 'indicators', 0, 'id'], '1.1a']])).toEqual([['duplicate.indicator', 'groups[0].criteria[1].indicators[0].id']]);
  });

  it('reports a field id repeated across indicators, since answers are keyed by it', () => {
    const problems = validateDefinition(edited([[['groups', 0, 'criteria', 1, 'indicators', 0, 'fields', 0, 'id'], 'materials']]));
    expect(problems.filter((p) => p.code === 'duplicate.field').map((p) => formatPath(p.path))).toEqual(['groups[0].criteria[1].indicators[1].fields[0].id']);
    expect(problems.find((p) => p.code === 'duplicate.field')?.message.en).toContain('groups[0].criteria[1].indicators[0].fields[0].id');
  });

  it('reports an evidence slot id repeated within a criterion', () => {
    expect(found([[['groups', 0, 'criteria', 0, 'evidence', 1], { id: 'plan-doc', kind: 'link', label: { vi: 'Đường link' } }]])).toEqual([
      ['duplicate.evidence', 'groups[0].criteria[0].evidence[1].id'],
    ]);
  });

  it('allows the same evidence slot id in two criteria', () => {
    expect(found([[['groups', 0, 'criteria', 1, 'evidence'], [{ id: 'plan-doc', kind: 'link', label: { vi: 'Đường link' } }]]])).toEqual([]);
  });

  it('reports an option value repeated within a field', () => {
    expect(found([[['groups', 0, 'criteria', 1, 'indicators', 1, 'fields', 1, 'options', 1, 'value'], 'video']])).toEqual([
      ['duplicate.option', 'groups[0].criteria[1].indicators[1].fields[1].options[1].value'],
    ]);
  });

  it('reports a field id that names a prototype member, which rules could never read', () => {
    const problems = found([[['groups', 0, 'criteria', 1, 'indicators', 1, 'fields', 1, 'id'], 'values']]);
    expect(problems).toContainEqual(['field.reserved-id', 'groups[0].criteria[1].indicators[1].fields[1].id']);
  });

  it('reports a level declared twice', () => {
    expect(found([[['levels', 3], { level: 2, label: { vi: 'Mức 2 lần nữa' } }]])).toEqual([['duplicate.level', 'levels[3].level']]);
  });
});
