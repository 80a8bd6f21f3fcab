import { describe, expect, it } from 'vitest';
import { elementId, focusTargetId, problemsByTarget, slotElementId, targetOfDetail } from './targets.ts';

describe('linking problems to the form', () => {
  it('reads the paths the API writes in a refusal', () => {
    expect(targetOfDetail('answers.lms_name')).toEqual({ kind: 'answer', id: 'lms_name' });
    expect(targetOfDetail('answers.it_unit_contact.email')).toEqual({ kind: 'answer', id: 'it_unit_contact' });
    expect(targetOfDetail('awards["1.3a"]')).toEqual({ kind: 'award', id: '1.3a' });
    expect(targetOfDetail('evidence["1.1"].plan')).toEqual({ kind: 'evidence', id: '1.1', slot: 'plan' });
    expect(targetOfDetail('body.answers.lms_links[2]')).toEqual({ kind: 'answer', id: 'lms_links' });
    expect(targetOfDetail('deadline.selfAssessment')).toBeNull();
  });

  it('gives each target an element id that is safe in a URL fragment', () => {
    expect(elementId({ kind: 'award', id: '1.3a' })).toBe('award-1_3a');
    expect(elementId({ kind: 'answer', id: 'lms_name' })).toBe('field-lms_name');
    expect(slotElementId('1.1', 'plan')).toBe('evidence-1_1-plan');
    expect(focusTargetId({ kind: 'evidence', id: '1.1', slot: 'plan' })).toBe('evidence-1_1-plan');
  });

  it('groups the core’s problems by field and award', () => {
    const message = { vi: 'x', en: 'x' };
    const grouped = problemsByTarget([
      { path: ['answers', 'lms_links', 0], code: 'invalid.not-a-link', message, severity: 'error' },
      { path: ['answers', 'lms_links', 1], code: 'invalid.not-a-link', message, severity: 'error' },
      { path: ['awards', '1.3a'], code: 'award.above-cap', message, severity: 'error' },
      { path: ['definition', 'x'], code: 'definition.rule-invalid', message, severity: 'error' },
    ]);
    expect(grouped.get('answer:lms_links')).toHaveLength(2);
    expect(grouped.get('award:1.3a')).toHaveLength(1);
    expect(grouped.size).toBe(2);
  });
});
