import { national4725 } from '@chiso/criteria/sets';
import { describe, expect, it } from 'vitest';
import type { ChangesSinceReturn } from './api.ts';
import { NO_CHANGES, indexChanges } from './changes.ts';

const link = (id: string, url: string) => ({ id, kind: 'link' as const, url, label: url, addedAt: '2027-02-01T00:00:00.000Z' });

const changes: ChangesSinceReturn = {
  returnedAt: '2027-02-01T00:00:00.000Z',
  comment: 'Xem lại 1.6',
  answers: [{ id: 'lms_name', before: 'A', after: 'B' }],
  awards: [{ id: '1.6a', before: 7, after: 5 }],
  evidence: [{ criterionId: '1.4', slotId: 'plan', added: [link('n', 'https://a.vn/new')], removed: [link('o', 'https://a.vn/old')], changed: [] }],
  comments: [{ criterionId: '2.3', before: null, after: 'Đã bổ sung' }],
};

describe('what changed since the return, placed on the definition', () => {
  it('is empty without a return', () => {
    expect(indexChanges(national4725, null)).toEqual(NO_CHANGES);
  });

  it('puts an award on its indicator and criterion', () => {
    const index = indexChanges(national4725, changes);
    expect(index.indicators.has('1.6a')).toBe(true);
    expect(index.byCriterion.get('1.6')?.map((mark) => [mark.kind, mark.id, mark.before, mark.after])).toEqual([['award', '1.6a', 7, 5]]);
  });

  it('puts an answer on the indicator that asks the field, with the field to show it', () => {
    const field = national4725.groups.flatMap((g) => g.criteria.flatMap((c) => c.indicators.flatMap((i) => i.fields.map((f) => ({ criterion: c.id, indicator: i.id, field: f })))))[0];
    if (field === undefined) throw new Error('4725 asks no field');
    const index = indexChanges(national4725, { ...changes, answers: [{ id: field.field.id, before: null, after: 1 }] });
    const mark = index.all.find((item) => item.kind === 'answer');
    expect(mark).toMatchObject({ criterionId: field.criterion, indicatorId: field.indicator, field: { id: field.field.id } });
    expect(index.indicators.has(field.indicator)).toBe(true);
  });

  it('keeps evidence (added and removed items by address) and comments on their criterion, and unknown ids too', () => {
    const index = indexChanges(national4725, changes);
    expect(index.byCriterion.get('1.4')?.[0]).toMatchObject({ kind: 'evidence', id: 'plan', before: ['https://a.vn/old'], after: ['https://a.vn/new'] });
    expect(index.byCriterion.get('2.3')?.[0]).toMatchObject({ kind: 'comment', after: 'Đã bổ sung' });
    // lms_name is no field of 4725: still listed, under no criterion, never dropped.
    expect(index.all.filter((mark) => mark.kind === 'answer')).toHaveLength(1);
  });
});
