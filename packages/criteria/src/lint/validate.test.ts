import { describe, expect, it } from 'vitest';
import { formatPath } from '../problem.ts';
import { edited, smallDefinition } from './small-definition.fixture.ts';
import { LINT_CODES } from './codes.ts';
import { isPublishable, validateDefinition } from './validate.ts';

describe('validateDefinition', () => {
  it('finds nothing wrong in a small, consistent definition', () => {
    expect(validateDefinition(smallDefinition())).toEqual([]);
  });

  it('returns shape problems as they are, without semantic checks', () => {
    const problems = validateDefinition(edited([[['groups', 0, 'max'], 'ten']]));
    expect(problems.map((p) => [p.code, formatPath(p.path)])).toEqual([['schema.invalid_type', 'groups[0].max']]);
  });

  it('reports every semantic problem at once', () => {
    const problems = validateDefinition(
      edited([
        [['groups', 0, 'id'], '1'],
        [['groups', 0, 'max'], 12],
        [['groups', 0, 'criteria', 1, 'indicators', 1, 'id'], '1.2a'],
        [['awardStep'], 0.005],
      ]),
    );
    expect(problems.map((p) => p.code).sort()).toEqual(['award-step.not-hundredths', 'duplicate.indicator', 'group.max-mismatch']);
  });

  it('gives every message in Vietnamese with diacritics and in English', () => {
    const problems = validateDefinition(edited([[['groups', 0, 'max'], 12]]));
    expect(problems.length).toBeGreaterThan(0);
    for (const found of problems) {
      expect(found.message.vi).toMatch(/[ăâđêôơưáàảãạếềểễệ]/);
      expect(found.message.en).toBeTruthy();
    }
  });

  it('reports only codes listed in LINT_CODES, with their severity', () => {
    const problems = validateDefinition(
      edited([
        [['groups', 0, 'max'], 12],
        [['groups', 0, 'criteria', 1, 'indicators', 1, 'max'], 5],
        [['groups', 0, 'criteria', 1, 'indicators', 0, 'cap'], { var: 'materials' }],
      ]),
    );
    for (const found of problems) expect(LINT_CODES[found.code as keyof typeof LINT_CODES]).toBe(found.severity);
  });
});

describe('isPublishable', () => {
  it('blocks on an error', () => {
    expect(isPublishable(validateDefinition(edited([[['groups', 0, 'max'], 12]])))).toBe(false);
  });

  it('lets warnings through', () => {
    const problems = validateDefinition(edited([[['groups', 0, 'criteria', 1, 'indicators', 0, 'cap'], { var: 'materials' }]]));
    expect(problems.map((p) => p.severity)).toEqual(['warning']);
    expect(isPublishable(problems)).toBe(true);
  });
});
