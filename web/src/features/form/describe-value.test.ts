import { national4725 } from '@chiso/criteria/sets';
import { describe, expect, it } from 'vitest';
import { conflictLabel, describeValue, fieldOf } from './describe-value.ts';

describe('values in the conflict view', () => {
  it('shows each value as the form does', () => {
    expect(describeValue(fieldOf(national4725, 'lms_deployed'), true)).toBe('Có');
    expect(describeValue(fieldOf(national4725, 'digital_materials'), 45)).toBe('45');
    expect(describeValue(fieldOf(national4725, 'teachers_using_tools'), { numerator: 12, denominator: 20 })).toBe('12 / 20');
    expect(describeValue(fieldOf(national4725, 'lms_source'), 'rented')).toBe('Thuê');
    expect(describeValue(fieldOf(national4725, 'it_plan'), { number: '88/KH', date: '2025-03-06' })).toBe('88/KH · 2025-03-06');
    expect(describeValue(undefined, null)).toBe('(trống)');
  });

  it('names the field, or the indicator of an award', () => {
    expect(conflictLabel(national4725, 'answer', 'digital_materials')).toMatch(/^1\.4a\. /);
    expect(conflictLabel(national4725, 'award', '1.6a')).toMatch(/^Điểm tự chấm 1\.6a\. /);
    expect(conflictLabel(national4725, 'answer', 'no_such_field')).toBe('no_such_field');
  });
});
