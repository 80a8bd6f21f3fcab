import type { Field } from '@chiso/criteria';
import { describe, expect, it } from 'vitest';
import { answerText, linksOf } from './answer-text.ts';

const words = { yes: 'Có', no: 'Không' };
const label = { vi: 'Nhãn' };
const field = (extra: Record<string, unknown>): Field => ({ id: 'f', label, required: true, ...extra }) as Field;

describe('a school’s answer as the reviewer reads it', () => {
  it('says nothing for no answer, and yes or no in words', () => {
    expect(answerText(field({ kind: 'boolean' }), undefined, words)).toBe('');
    expect(answerText(field({ kind: 'boolean' }), true, words)).toBe('Có');
    expect(answerText(field({ kind: 'boolean' }), false, words)).toBe('Không');
  });

  it('shows options by label and a ratio with its percentage', () => {
    const options = [
      { value: 'pdf', label: { vi: 'Tệp PDF' } },
      { value: 'sign', label: { vi: 'Chữ ký số' } },
    ];
    expect(answerText(field({ kind: 'choice', options }), 'sign', words)).toBe('Chữ ký số');
    expect(answerText(field({ kind: 'multichoice', options }), ['pdf', 'sign'], words)).toBe('Tệp PDF, Chữ ký số');
    expect(answerText(field({ kind: 'ratio', numeratorLabel: label, denominatorLabel: label }), { numerator: 30, denominator: 40 }, words)).toBe('30 / 40 (75%)');
  });

  it('shows a document and a contact by their parts, and the links of a links answer', () => {
    expect(answerText(field({ kind: 'document' }), { number: '128/KH-TT', date: '2024-09-05' }, words)).toBe('128/KH-TT · 2024-09-05');
    expect(answerText(field({ kind: 'contact' }), { name: 'Dương Thị Tâm', phone: '0912 345 678' }, words)).toBe('Dương Thị Tâm · 0912 345 678');
    const links = field({ kind: 'links', maxItems: 20 });
    expect(linksOf(links, ['https://a.edu.vn/x', 'javascript:alert(1)'])).toEqual(['https://a.edu.vn/x']);
    expect(linksOf(field({ kind: 'text', maxLength: 500 }), ['https://a.edu.vn/x'])).toEqual([]);
  });
});
