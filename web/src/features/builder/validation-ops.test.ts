import { lintDefinition, scoreSubmission } from '@chiso/criteria';
import { national4725 } from '@chiso/criteria/sets';
import { describe, expect, it } from 'vitest';
import { appendItem, moveItem, removeItem, updateCriterion } from './ops.ts';
import { newValidation, withMessageField } from './validation-ops.ts';

const indicator = { id: 'x1', title: { vi: 'X' }, max: 0, scoring: 'awarded' as const, validations: [] };

describe('validation list operations', () => {
  it('starts a validation on the first field, by its kind, and none without fields', () => {
    expect(newValidation({ ...indicator, fields: [] })).toBeNull();
    expect(newValidation({ ...indicator, fields: [{ id: 'so_may', kind: 'count', label: { vi: 'Số máy' }, required: true }] })).toEqual({
      rule: { '>=': [{ var: 'so_may' }, 0] },
      message: { vi: 'Câu trả lời chưa hợp lệ', en: 'The answer is not valid' },
      fields: ['so_may'],
    });
    expect(newValidation({ ...indicator, fields: [{ id: 'co', kind: 'boolean', label: { vi: 'Có?' }, required: true }] })?.rule).toEqual({ '!=': [{ var: 'co' }, null] });
  });

  it('adds and removes the fields its message shows on, in the fields’ order, never the last one', () => {
    const base = { rule: true, message: { vi: 'Sai' }, fields: ['b'] };
    const order = ['a', 'b', 'c'];
    expect(withMessageField(base, order, 'a', true).fields).toEqual(['a', 'b']);
    expect(withMessageField(withMessageField(base, order, 'c', true), order, 'b', false).fields).toEqual(['c']);
    expect(withMessageField(base, order, 'b', false).fields).toEqual(['b']);
    expect(withMessageField({ ...base, fields: ['gone', 'b'] }, order, 'a', true).fields).toEqual(['a', 'b', 'gone']);
  });

  it('a validation added to 1.4a of 4725 lints clean, reorders and removes as a list, and its message reaches the answers it breaks', () => {
    const at = { group: 0, criterion: 3 };
    const target = national4725.groups[0]?.criteria[3]?.indicators[0];
    if (!target) throw new Error('no 1.4a');
    const first = newValidation(target);
    if (!first) throw new Error('1.4a has fields');
    const limit = { rule: { '<=': [{ var: 'digital_materials' }, 1000] }, message: { vi: 'Quá nhiều học liệu', en: 'Too many materials' }, fields: ['digital_materials'] };
    const list = appendItem(appendItem(target.validations, first), limit);
    expect(moveItem(list, 1, -1)[0]).toBe(limit);
    expect(removeItem(list, 0)).toEqual([limit]);
    const edited = updateCriterion(national4725, at, (criterion) => ({ ...criterion, indicators: criterion.indicators.map((item) => (item.id === '1.4a' ? { ...item, validations: list } : item)) }));
    expect(lintDefinition(edited).filter((problem) => problem.path.includes('validations'))).toEqual([]);
    const invalid = scoreSubmission(edited, { digital_materials: 5000 }, {}).invalid;
    expect(invalid.some((problem) => problem.code === 'invalid.validation' && problem.message.en === 'Too many materials')).toBe(true);
  });
});
