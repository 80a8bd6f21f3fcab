import { describe, expect, it } from 'vitest';
import { DefinitionSchema } from '../definition/schema.ts';
import { national4725, seed003Example } from '../sets/index.ts';
import { scoreSubmission } from './score.ts';

const { answers, awards } = seed003Example;

describe('mandatory conditions', () => {
  it('holds group 1 at level 1 when the online-teaching plan (1.1) is missing, and says why', () => {
    const result = scoreSubmission(national4725, { ...answers, online_teaching_plan_issued: false }, awards);
    const group = result.groups[0];
    expect(group?.points).toBe(84);
    expect(group?.bandLevel).toBe(3);
    expect(group?.level).toBe(1);
    expect(group?.unmetMandatory).toEqual(['1.1']);
    expect(group?.levelCappedBecause?.vi).toContain('chưa đáp ứng điều kiện bắt buộc: 1.1');
    const plan = group?.criteria.find((c) => c.id === '1.1');
    expect(plan?.met).toBe(false);
    expect(plan?.unmetReasons.length).toBeGreaterThan(0);
    expect(result.overallLevel).toBe(1);
  });

  it('leaves the other group untouched', () => {
    const result = scoreSubmission(national4725, { ...answers, online_teaching_plan_issued: false }, awards);
    expect(result.groups[1]?.level).toBe(3);
  });

  it('counts a declared plan without its number as unmet and lists the missing reference', () => {
    const result = scoreSubmission(national4725, { ...answers, online_teaching_plan: null }, awards);
    const plan = result.groups[0]?.criteria.find((c) => c.id === '1.1');
    expect(plan?.met).toBe(false);
    expect(result.missing.map((p) => p.path.join(' '))).toContain('answers online_teaching_plan');
    expect(result.complete).toBe(false);
  });

  it('applies the set’s own effect rule when a province writes another one', () => {
    const lenient = DefinitionSchema.parse({
      ...national4725,
      groups: national4725.groups.map((group) => ({ ...group, mandatoryEffect: { if: [{ '>': [{ var: 'unmet' }, 0] }, { min: [{ var: 'level' }, 2] }, { var: 'level' }] } })),
    });
    const result = scoreSubmission(lenient, { ...answers, online_teaching_plan_issued: false }, awards);
    expect(result.groups[0]?.level).toBe(2);
  });
});
