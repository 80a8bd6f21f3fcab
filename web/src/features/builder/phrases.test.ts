import { describe, expect, it } from 'vitest';
import { PHRASES } from './phrases.ts';

// The builder's own sources, as text: labels written into them rather than into phrases.ts show up here.
const SOURCES = import.meta.glob<string>(['./*.tsx', './*.ts', '!./*.test.ts', '!./phrases.ts'], { query: '?raw', import: 'default', eager: true });

describe('the builder’s phrases switch language', () => {
  const entries = Object.entries(PHRASES);

  it('no Vietnamese phrase carries its English text as well ("dưới / below", "Số lượng (count)")', () => {
    const bilingual = entries.filter(([, { vi, en }]) => {
      const english = en.toLowerCase();
      const text = vi.toLowerCase();
      return text.includes(` / ${english}`) || text.includes(`(${english})`) || text.includes(`/${english}`);
    });
    expect(bilingual).toEqual([]);
  });

  it('every phrase has both languages, and they differ where the words do', () => {
    expect(entries.filter(([, { vi, en }]) => vi.trim() === '' || en.trim() === '')).toEqual([]);
    // The same text in both is fine for names (JSON-logic); a Vietnamese text with diacritics never is.
    expect(entries.filter(([, { vi, en }]) => vi === en && /[À-ỹĐđ]/.test(vi))).toEqual([]);
  });

  it('no builder module writes a label with an English gloss into its code', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(10);
    const glossed = /'[^'\n]*[À-ỹĐđ][^'\n]*(?: \/ [A-Za-z][A-Za-z ]*|\([a-z][a-z /]*\))'/;
    const found = Object.entries(SOURCES).flatMap(([file, text]) => text.split('\n').filter((line) => glossed.test(line)).map((line) => `${file}: ${line.trim()}`));
    expect(found).toEqual([]);
  });
});
