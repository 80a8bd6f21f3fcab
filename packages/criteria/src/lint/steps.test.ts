import { describe, expect, it } from 'vitest';
import { formatPath } from '../problem.ts';
import { edited } from './small-definition.fixture.ts';
import { validateDefinition } from './validate.ts';

function found(changes: Parameters<typeof edited>[0]) {
  return validateDefinition(edited(changes)).map((p) => [p.code, formatPath(p.path), p.severity]);
}

describe('award step', () => {
  it('reports a step that is not a whole number of hundredths', () => {
    expect(found([[['awardStep'], 0.125]])).toEqual([['award-step.not-hundredths', 'awardStep', 'error']]);
  });

  it('accepts halves', () => {
    expect(found([[['awardStep'], 0.5]])).toEqual([]);
  });

  it('warns about a max that is not a whole number of steps', () => {
    expect(found([[['awardStep'], 4]])).toEqual([
      ['max.not-step-multiple', 'groups[0].criteria[1].max', 'warning'],
      ['max.not-step-multiple', 'groups[0].criteria[1].indicators[1].max', 'warning'],
    ]);
  });
});
