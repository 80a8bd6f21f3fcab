import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { bilingual, parseBilingual } from './parse-bilingual.ts';

const Body = z.object({ name: z.string().min(1), count: z.int() });

describe('parseBilingual', () => {
  it('returns the parsed data when the input is valid', () => {
    expect(parseBilingual(Body, { name: 'Hải Phòng', count: 1 })).toEqual({ success: true, data: { name: 'Hải Phòng', count: 1 } });
  });

  it('describes every issue in Vietnamese and English with its path under the given prefix', () => {
    const result = parseBilingual(Body, { name: '', count: 'x' }, ['body']);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toEqual([
      { path: 'body.name', code: 'too_small', message: expect.stringContaining('Quá nhỏ'), messageEn: expect.stringContaining('Too small') },
      { path: 'body.count', code: 'invalid_type', message: expect.stringContaining('mong đợi'), messageEn: expect.stringContaining('expected') },
    ]);
  });

  it('uses the two messages a refinement gives for itself', () => {
    const AtLeastOne = z.object({ a: z.string().optional() }).refine((v) => v.a !== undefined, bilingual('Cần trường a', 'Field a is required'));
    const result = parseBilingual(AtLeastOne, {}, ['body']);
    expect(result).toEqual({ success: false, issues: [{ path: 'body', code: 'custom', message: 'Cần trường a', messageEn: 'Field a is required' }] });
  });
});
