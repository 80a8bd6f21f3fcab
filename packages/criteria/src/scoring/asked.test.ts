import { describe, expect, it } from 'vitest';
import { national4725, seed003Example } from '../sets/index.ts';
import { askedFields } from './asked.ts';
import { scoreSubmission } from './score.ts';

const allFields = national4725.groups.flatMap((g) => g.criteria.flatMap((c) => c.indicators.flatMap((i) => i.fields.map((f) => f.id))));

describe('askedFields: the fields skip logic asks for', () => {
  it('asks for the LMS details only once the unit says it uses an LMS', () => {
    expect(askedFields(national4725, { lms_deployed: false }).has('lms_name')).toBe(false);
    const asked = askedFields(national4725, { lms_deployed: true });
    expect(asked.has('lms_name')).toBe(true);
    expect(asked.has('lms_functions')).toBe(true);
    expect(asked.has('lms_deployed')).toBe(true);
  });

  it('asks every field without a rule, even with no answers at all or answers of the wrong shape', () => {
    for (const answers of [{}, null, 'nonsense', [1, 2]]) {
      const asked = askedFields(national4725, answers);
      expect(asked.has('digital_materials')).toBe(true);
      expect(asked.has('online_teaching_plan_issued')).toBe(true);
      expect(asked.has('online_teaching_plan')).toBe(false);
    }
  });

  it('agrees with the scorer: a field is asked exactly when scoring reports it missing while unanswered', () => {
    // Every required field the scorer reads and finds empty is reported missing; every asked required field must be among them.
    const answers = { ...seed003Example.answers };
    for (const id of ['lms_name', 'computer_testing_software', 'sms_name']) delete answers[id];
    const asked = askedFields(national4725, answers);
    const missing = new Set(scoreSubmission(national4725, answers, {}).missing.filter((p) => p.path[0] === 'answers').map((p) => String(p.path[1])));
    expect(missing).toEqual(new Set(['lms_name', 'computer_testing_software', 'sms_name']));
    for (const id of missing) expect(asked.has(id)).toBe(true);
    // Seed 003 answers yes wherever details follow, so every field of 4725 is asked.
    expect(allFields.filter((id) => !asked.has(id))).toEqual([]);
  });

  it('stops asking the details when the answer they depend on changes to no', () => {
    const asked = askedFields(national4725, { ...seed003Example.answers, sms_deployed: false });
    expect(asked.has('sms_deployed')).toBe(true);
    expect(asked.has('sms_name')).toBe(false);
    expect(asked.has('student_module')).toBe(false);
  });
});
