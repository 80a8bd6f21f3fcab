import { describe, expect, it } from 'vitest';
import { formatPath } from '../problem.ts';
import { BUILT_IN_SETS } from '../sets/index.ts';
import { validateDefinition } from './validate.ts';

describe('built-in sets', () => {
  it('has at least the national set', () => {
    expect(BUILT_IN_SETS.map((set) => set.setKey)).toContain('4725');
  });

  it.each(BUILT_IN_SETS.map((set) => [`${set.setKey} ${set.version}`, set] as const))('%s validates without errors', (_, set) => {
    const errors = validateDefinition(set).filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.code} at ${formatPath(p.path)}: ${p.message.en}`)).toEqual([]);
  });
});
