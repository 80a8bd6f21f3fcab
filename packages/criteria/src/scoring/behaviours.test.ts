import { describe, expect, it } from 'vitest';
import { DefinitionSchema, TOTAL_LEVEL } from '../definition/schema.ts';
import { smallDefinition } from '../lint/small-definition.fixture.ts';
import { national4725, seed003Example } from '../sets/index.ts';
import { scoreSubmission } from './score.ts';

const small = DefinitionSchema.parse(smallDefinition());
const { answers, awards } = seed003Example;

describe('scoreSubmission', () => {
  it('asks nothing about an LMS that is not deployed, and caps it at 0', () => {
    const { lms_name: _n, lms_source: _s, lms_functions: _f, ...rest } = answers;
    const result = scoreSubmission(national4725, { ...rest, lms_deployed: false }, { ...awards, '1.3b': 0 });
    const lms = result.groups[0]?.criteria.find((c) => c.id === '1.3')?.indicators.find((i) => i.id === '1.3b');
    expect(lms?.cap).toBe(0);
    expect(result.missing.filter((p) => String(p.path[1]).startsWith('lms_'))).toEqual([]);
  });

  it('ignores answers to skipped fields in every rule', () => {
    const result = scoreSubmission(national4725, { ...answers, lms_deployed: false }, { ...awards, '1.3b': 0 });
    expect(result.groups[0]?.criteria.find((c) => c.id === '1.3')?.points).toBe(6);
  });

  it('lists unknown fields and unknown indicators with their paths', () => {
    const result = scoreSubmission(national4725, { ...answers, not_a_field: 1 }, { ...awards, '9.9z': 1 });
    expect(result.invalid.map((p) => [p.path.join(' '), p.code])).toEqual([
      ['answers not_a_field', 'invalid.unknown-field'],
      ['awards 9.9z', 'invalid.unknown-indicator'],
    ]);
  });

  it('refuses negative counts and a numerator above its denominator at the field', () => {
    const result = scoreSubmission(national4725, { ...answers, digital_materials: -3, teachers_online_training: { numerator: 21, denominator: 20 } }, awards);
    expect(result.invalid.map((p) => [p.path.join(' '), p.code])).toEqual([
      ['answers digital_materials', 'invalid.negative'],
      ['answers teachers_online_training numerator', 'invalid.numerator-above-denominator'],
    ]);
  });

  it('lists required evidence that is not attached', () => {
    const result = scoreSubmission(national4725, answers, awards, { evidence: {} });
    expect(result.missing.length).toBeGreaterThan(0);
    expect(result.missing.every((p) => p.code === 'missing.evidence')).toBe(true);
    expect(result.missing.map((p) => p.path[1])).toContain('1.1');
  });

  it('requires evidence tied to a claim only when the claim is made (requiredWhen)', () => {
    const claimed = scoreSubmission(national4725, answers, awards, { evidence: { ...seed003Example.evidence, '1.4': {} } });
    expect(claimed.missing.map((p) => p.path.join(' '))).toEqual(['evidence 1.4 catalogue']);
    const none = scoreSubmission(national4725, { ...answers, digital_materials: 0 }, { ...awards, '1.4a': 0 }, { evidence: { ...seed003Example.evidence, '1.4': {} } });
    expect(none.missing).toEqual([]);
  });

  it('counts the cap as the points of an automatic indicator, whatever award is sent', () => {
    const automatic = DefinitionSchema.parse({
      ...smallDefinition(),
      groups: smallDefinition().groups.map((g) => ({ ...g, criteria: g.criteria.map((c) => ({ ...c, indicators: c.indicators?.map((i) => ({ ...i, scoring: 'automatic' })) })) })),
    });
    const result = scoreSubmission(automatic, { plan: { number: '1/KH', date: '2025-01-02' }, has_software: true, materials: 25, kinds: [] }, {});
    expect(result.groups[0]?.points).toBe(10);
    expect(result.complete).toBe(true);
  });

  it('levels the total where the set says so (3806-style), through totalLevel', () => {
    const byTotal = DefinitionSchema.parse({
      ...smallDefinition(),
      overall: { rule: TOTAL_LEVEL, totalBands: [{ level: 1, max: 5 }, { level: 2, min: 5, max: 7.5, maxInclusive: true }, { level: 3, min: 7.5, minInclusive: false }] },
    });
    const result = scoreSubmission(byTotal, { plan: { number: '1/KH', date: '2025-01-02' }, has_software: true, materials: 25, kinds: [] }, { '1.2a': 4, '1.2b': 4 });
    expect([result.total, result.totalLevel, result.overallLevel]).toEqual([8, 3, 3]);
  });

  it('reports a set rule that cannot run instead of throwing', () => {
    const broken = DefinitionSchema.parse({ ...smallDefinition(), overall: { rule: { method: ['x', 'y'] } } });
    const result = scoreSubmission(broken, {}, {});
    expect(result.invalid.some((p) => p.code === 'rule.operation-not-allowed' && p.path[0] === 'definition')).toBe(true);
  });

  it('reads the small set: an unanswered count leaves the cap at 0 and lists the answer as missing', () => {
    const result = scoreSubmission(small, { plan: { number: '1/KH', date: '2025-01-02' }, has_software: true }, { '1.2a': 4 });
    expect(result.groups[0]?.criteria[1]?.indicators[1]?.cap).toBe(0);
    expect(result.missing.map((p) => p.path.join(' '))).toEqual(['answers materials', 'answers kinds']);
  });
});
