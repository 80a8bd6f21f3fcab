import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../definition/rule.ts';
import { formatPath } from '../problem.ts';
import { edited } from './small-definition.fixture.ts';
import { validateDefinition } from './validate.ts';

const CAP = ['groups', 0, 'criteria', 1, 'indicators', 1, 'cap'];

function found(cap: Parameters<typeof edited>[0][number][1]) {
  return validateDefinition(edited([[CAP, cap]])).map((p) => ({ code: p.code, path: formatPath(p.path), severity: p.severity, en: p.message.en, vi: p.message.vi }));
}

describe('caps against the indicator max', () => {
  it('reports a cap that can exceed the max, naming both figures', () => {
    const [problem, ...rest] = found({ if: [{ '<': [{ var: 'materials' }, 20] }, 3, 6.5] });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'cap.exceeds-max', path: 'groups[0].criteria[1].indicators[1].cap', severity: 'error' });
    expect(problem?.en).toContain('6.5');
    expect(problem?.en).toContain('max of 6');
    expect(problem?.vi).toContain('6,5');
  });

  it('reports a cap over a multichoice that can add up beyond the max', () => {
    const cap: JsonValue = { reduce: [{ var: 'kinds' }, { '+': [{ var: 'accumulator' }, 4] }, 0] };
    expect(found(cap).map((p) => [p.code, p.en])).toEqual([['cap.exceeds-max', 'The cap rule of indicator 1.2b can give up to 8 points, above the indicator\'s max of 6']]);
  });

  it('warns when no upper bound can be established', () => {
    expect(found({ var: 'materials' }).map((p) => [p.code, p.path, p.severity])).toEqual([['cap.unbounded', 'groups[0].criteria[1].indicators[1].cap', 'warning']]);
  });

  it('accepts an unbounded count once clamped by min', () => {
    expect(found({ min: [{ var: 'materials' }, 6] })).toEqual([]);
  });

  it('leaves a cap with rule problems to the rule checks', () => {
    expect(found({ var: 'nothing' }).map((p) => p.code)).toEqual(['rule.unknown-var']);
    expect(found({ log: 6 }).map((p) => p.code)).toEqual(['rule.operation-not-allowed']);
  });

  it('warns when the cap can never reach the max', () => {
    expect(found({ if: [{ '<': [{ var: 'materials' }, 20] }, 3, 5] }).map((p) => [p.code, p.severity])).toEqual([['cap.max-unreachable', 'warning']]);
  });
});
