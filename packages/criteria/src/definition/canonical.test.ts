import { describe, expect, it } from 'vitest';
import { national4725 } from '../sets/index.ts';
import { blankDefinition } from './blank.ts';
import { canonicalJson } from './canonical.ts';
import { parseDefinition } from './parse.ts';
import { validateDefinition } from '../lint/validate.ts';

describe('canonicalJson', () => {
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }));
  });

  it('round-trips a definition through JSON unchanged', () => {
    const parsed = parseDefinition(JSON.parse(canonicalJson(national4725)));
    expect(parsed.ok && canonicalJson(parsed.definition)).toBe(canonicalJson(national4725));
  });
});

describe('blankDefinition', () => {
  it('parses, and the linter says what is left to fill in', () => {
    const blank = blankDefinition({ setKey: 'thu-nghiem', version: '2026.1', title: 'Bộ chỉ số mới' });
    expect(validateDefinition(blank).map((p) => p.code)).toEqual(['criterion.no-indicators']);
  });
});
