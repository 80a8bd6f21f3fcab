import { describe, expect, it } from 'vitest';
import { FieldSchema, type Field } from '../definition/field.ts';
import { readAnswer } from './answer-value.ts';

const field = (spec: Record<string, unknown>): Field =>
  FieldSchema.parse({ id: 'f', label: { vi: 'Trường' }, ...spec });

const codes = (f: Field, raw: unknown) => {
  const state = readAnswer(f, raw, ['answers', 'f']);
  return state.state === 'invalid' ? state.problems.map((p) => `${p.code}@${p.path.join('.')}`) : state.state;
};

describe('readAnswer', () => {
  const ratio = field({ kind: 'ratio', numeratorLabel: { vi: 'Tử' }, denominatorLabel: { vi: 'Mẫu' } });

  it('computes a ratio percentage from two counts in one division, exact at band edges', () => {
    expect(readAnswer(ratio, { numerator: 3, denominator: 10 }, [])).toEqual({ state: 'answered', value: { numerator: 3, denominator: 10, percent: 30 } });
    const edge = readAnswer(ratio, { numerator: 6001, denominator: 10000 }, []);
    expect(edge.state === 'answered' && (edge.value as { percent: number }).percent > 60).toBe(true);
  });

  it('refuses a numerator above the denominator, a zero denominator and negative counts, naming the part', () => {
    expect(codes(ratio, { numerator: 11, denominator: 10 })).toEqual(['invalid.numerator-above-denominator@answers.f.numerator']);
    expect(codes(ratio, { numerator: 0, denominator: 0 })).toEqual(['invalid.zero-denominator@answers.f.denominator']);
    expect(codes(ratio, { numerator: -1, denominator: 'x' })).toEqual(['invalid.negative@answers.f.numerator', 'invalid.not-a-number@answers.f.denominator']);
  });

  it('refuses negative, fractional and non-numeric counts', () => {
    const count = field({ kind: 'count' });
    expect(codes(count, -1)).toEqual(['invalid.negative@answers.f']);
    expect(codes(count, 2.5)).toEqual(['invalid.not-whole@answers.f']);
    expect(codes(count, '12')).toEqual(['invalid.not-a-number@answers.f']);
    expect(codes(count, 12)).toBe('answered');
  });

  it('treats null, empty text, empty link lists and empty documents as unanswered', () => {
    expect(codes(field({ kind: 'text' }), '   ')).toBe('unanswered');
    expect(codes(field({ kind: 'links' }), [])).toBe('unanswered');
    expect(codes(field({ kind: 'document' }), { number: '', date: '' })).toBe('unanswered');
    expect(codes(field({ kind: 'boolean' }), null)).toBe('unanswered');
  });

  it('accepts only listed options, without repeats', () => {
    const multi = field({ kind: 'multichoice', options: [{ value: 'a', label: { vi: 'A' } }, { value: 'b', label: { vi: 'B' } }] });
    expect(codes(multi, ['a', 'z', 'a'])).toEqual(['invalid.unknown-option@answers.f.1', 'invalid.duplicate-option@answers.f.2']);
    expect(codes(multi, [])).toBe('answered');
  });

  it('checks links, documents and contacts part by part', () => {
    expect(codes(field({ kind: 'links' }), ['https://truong.edu.vn/hoc-lieu', 'ftp://x'])).toEqual(['invalid.not-a-link@answers.f.1']);
    expect(codes(field({ kind: 'document' }), { number: '128/KH-GDNN-GDTXTT', date: '2024-02-30' })).toEqual(['invalid.date@answers.f.date']);
    expect(codes(field({ kind: 'contact' }), { name: 'Nguyễn Văn A', position: 'Tổ trưởng', email: 'khong-hop-le', phone: '0900 000 000' })).toEqual([
      'invalid.email@answers.f.email',
    ]);
  });

  it('refuses a number with more decimals than the field allows', () => {
    expect(codes(field({ kind: 'number', decimals: 1 }), 1.25)).toEqual(['invalid.too-many-decimals@answers.f']);
    expect(codes(field({ kind: 'number', decimals: 1 }), 1.5)).toBe('answered');
  });
});
