import { lintDefinition, parseDefinition } from '@chiso/criteria';
import { national4725 } from '@chiso/criteria/sets';
import { describe, expect, it } from 'vitest';
import {
  appendItem,
  changeCriterionKind,
  changeFieldKind,
  moveItem,
  newCriterion,
  newEvidence,
  newField,
  newGroup,
  newIndicator,
  newOption,
  removeItem,
  replaceItem,
  updateCriterion,
} from './ops.ts';

describe('list operations', () => {
  it('moves an item up and down, and leaves the list as it is at its ends', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('adds, removes and replaces without touching the original', () => {
    const list = ['a', 'b'] as const;
    expect(appendItem(list, 'c')).toEqual(['a', 'b', 'c']);
    expect(removeItem(list, 0)).toEqual(['b']);
    expect(replaceItem(list, 1, 'z')).toEqual(['a', 'z']);
    expect(list).toEqual(['a', 'b']);
  });
});

describe('new items', () => {
  const group1 = national4725.groups[0];
  const criterion13 = group1?.criteria[2];

  it('get ids no other item of the set has', () => {
    if (group1 === undefined || criterion13 === undefined) throw new Error('4725 changed');
    expect(newGroup(national4725).id).toBe('3');
    expect(newCriterion(national4725, group1).id).toBe('1.8');
    expect(newIndicator(national4725, criterion13).id).toBe('1.3c');
    expect(newField(national4725).id).toBe('truong_1');
    expect(newOption([{ value: 'lua_chon_1', label: { vi: 'A' } }]).value).toBe('lua_chon_2');
    expect(newEvidence(criterion13).id).toBe('minh_chung_1');
  });

  it('keep the definition valid in shape when added', () => {
    if (group1 === undefined || criterion13 === undefined) throw new Error('4725 changed');
    let next = { ...national4725, groups: appendItem(national4725.groups, newGroup(national4725)) };
    next = updateCriterion(next, { group: 0, criterion: 2 }, (criterion) => ({
      ...criterion,
      indicators: appendItem(criterion.indicators, { ...newIndicator(next, criterion), fields: [newField(next)] }),
      evidence: appendItem(criterion.evidence, newEvidence(criterion)),
    }));
    const parsed = parseDefinition(JSON.parse(JSON.stringify(next)));
    expect(parsed.ok).toBe(true);
    // The only new problem: the added group's criterion has no indicator yet.
    const codes = lintDefinition(next).map((problem) => problem.code);
    expect(codes).toContain('criterion.no-indicators');
    expect(national4725.groups).toHaveLength(2);
  });

  it('moves a criterion within its group by position', () => {
    if (group1 === undefined) throw new Error('4725 changed');
    const moved = { ...national4725, groups: replaceItem(national4725.groups, 0, { ...group1, criteria: moveItem(group1.criteria, 2, -1) }) };
    expect(moved.groups[0]?.criteria.map((criterion) => criterion.id).slice(0, 3)).toEqual(['1.1', '1.3', '1.2']);
  });
});

describe('changing kinds', () => {
  it('keeps a field’s id, label and skip logic, and gives a choice one option', () => {
    const field = { id: 'x', kind: 'boolean' as const, label: { vi: 'X' }, required: false, relevantWhen: { var: 'y' } };
    const choice = changeFieldKind(field, 'choice');
    expect(choice).toMatchObject({ id: 'x', kind: 'choice', label: { vi: 'X' }, required: false, relevantWhen: { var: 'y' } });
    expect(choice.kind === 'choice' && choice.options).toHaveLength(1);
    expect(changeFieldKind(choice, 'ratio')).toMatchObject({ kind: 'ratio', numeratorLabel: { vi: 'Tử số' } });
  });

  it('switches a criterion between scored and mandatory, keeping its indicators', () => {
    const criterion = national4725.groups[0]?.criteria[2];
    if (criterion === undefined) throw new Error('4725 changed');
    const mandatory = changeCriterionKind(criterion, 'mandatory');
    expect(mandatory).toMatchObject({ kind: 'mandatory', condition: true, indicators: criterion.indicators });
    expect(changeCriterionKind(mandatory, 'scored')).toMatchObject({ kind: 'scored', max: 10 });
  });
});
