import { describe, expect, it } from 'vitest';
import type { Catalogue, VersionSummary } from './api.ts';
import { originName, originOf } from './source.ts';

const version = (number: number, label: string, contentHash: string, status: VersionSummary['status'] = 'published'): VersionSummary => ({
  setKey: '4725',
  number,
  label,
  title: 'Bộ chỉ số 4725',
  status,
  contentHash,
  derivedFrom: null,
  problems: { errors: 0, warnings: 0 },
  version: 1,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

// The demo province's case: its own 4725 · 2022.1 is a copy of the national 4725 · 2022.1.
const catalogue: Catalogue = {
  sets: [{ setKey: '4725', title: 'Bộ chỉ số 4725', versions: [version(1, '2022.1', 'sha256:own-1'), version(2, '2026.1', 'sha256:own-2', 'draft')] }],
  builtIn: [{ setKey: '4725', label: '2022.1', title: 'Bộ chỉ số 4725', decision: '4725/QĐ-BGDĐT', contentHash: 'sha256:national' }],
};

describe('where a version was copied from', () => {
  it('tells the national set from the province’s own of the same key and label, by the recorded hash', () => {
    expect(originOf(catalogue, { setKey: '4725', version: '2022.1', contentHash: 'sha256:national' })).toEqual({ kind: 'national', setKey: '4725', label: '2022.1' });
    expect(originOf(catalogue, { setKey: '4725', version: '2022.1', contentHash: 'sha256:own-1' })).toEqual({ kind: 'own', setKey: '4725', number: 1, label: '2022.1' });
  });

  it('without a matching hash, prefers the province’s published version of that label, then the national set', () => {
    expect(originOf(catalogue, { setKey: '4725', version: '2022.1' }).kind).toBe('own');
    expect(originOf(catalogue, { setKey: '4725', version: '2026.1' }).kind).toBe('unknown');
    expect(originOf({ ...catalogue, sets: [] }, { setKey: '4725', version: '2022.1', contentHash: 'sha256:gone' }).kind).toBe('national');
  });

  it('says which in words', () => {
    expect(originName({ kind: 'national', setKey: '4725', label: '2022.1' })).toBe('Bộ quốc gia 4725 · 2022.1');
    expect(originName({ kind: 'own', setKey: '4725', number: 1, label: '2022.1' })).toBe('Bộ của Sở 4725 · 2022.1 (phiên bản số 1)');
  });
});
