import { describe, expect, it } from 'vitest';
import { formatPath } from '../problem.ts';
import { edited } from './small-definition.fixture.ts';
import { validateDefinition } from './validate.ts';

function found(changes: Parameters<typeof edited>[0]): string[][] {
  return validateDefinition(edited(changes)).map((p) => [p.code, formatPath(p.path)]);
}

const INDICATOR = ['groups', 0, 'criteria', 1, 'indicators', 1];

describe('references by name', () => {
  it('reports a validation showing its message on a field that does not exist', () => {
    expect(found([[[...INDICATOR, 'validations', 0, 'fields'], ['materials', 'materialz']]])).toEqual([
      ['validation.unknown-field', 'groups[0].criteria[1].indicators[1].validations[0].fields[1]'],
    ]);
  });

  it('accepts a validation naming a field of another indicator', () => {
    expect(found([[[...INDICATOR, 'validations', 0, 'fields'], ['materials', 'has_software']]])).toEqual([]);
  });

  it('reports a field whose relevance depends on its own answer', () => {
    expect(found([[[...INDICATOR, 'fields', 0, 'relevantWhen'], { '>': [{ var: 'materials' }, 0] }]])).toEqual([
      ['field.self-relevance', 'groups[0].criteria[1].indicators[1].fields[0].relevantWhen'],
    ]);
  });
});
