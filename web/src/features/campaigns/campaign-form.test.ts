import { describe, expect, it } from 'vitest';
import { type CampaignDraft, checkDraft, deadlineProblems, defaultDeadlines, defaultSchoolYear, fieldOfProblem, problemsByField, toRequest } from './campaign-form.ts';

const draft = (over: Partial<CampaignDraft> = {}): CampaignDraft => ({
  name: 'Đánh giá chuyển đổi số năm học 2025-2026',
  schoolYear: '2025-2026',
  versionByKind: { primary: 'mh-4725@2', 'lower-secondary': 'mh-4725@2', 'upper-secondary': '4725@1', preschool: '' },
  deadlines: defaultDeadlines('2025-2026'),
  rule: 'nearest-office',
  ...over,
});

describe('the new-campaign form', () => {
  it('starts on the school year under way and seed 002’s plan, in order', () => {
    expect(defaultSchoolYear(new Date(2025, 10, 26))).toBe('2025-2026');
    expect(defaultSchoolYear(new Date(2026, 2, 1))).toBe('2025-2026');
    expect(defaultDeadlines('2025-2026')).toEqual({
      selfAssessment: '2026-01-31',
      reviewRequest: '2026-02-15',
      externalReview: '2026-03-31',
      recognition: '2026-05-15',
      publication: '2026-05-31',
    });
    expect(deadlineProblems(defaultDeadlines('2025-2026')).size).toBe(0);
  });

  it('groups the kinds by the version chosen and leaves out the kinds not taking part', () => {
    expect(toRequest(draft()).criteria).toEqual([
      { kinds: ['primary', 'lower-secondary'], setKey: 'mh-4725', number: 2 },
      { kinds: ['upper-secondary'], setKey: '4725', number: 1 },
    ]);
  });

  it('names a deadline before the previous step’s, and a missing one', () => {
    const problems = deadlineProblems({ ...defaultDeadlines('2025-2026'), externalReview: '2026-02-01', publication: '' });
    expect([...problems.keys()]).toEqual(['deadlines.externalReview', 'deadlines.publication']);
    expect(problems.get('deadlines.externalReview')?.vi).toBe('Hạn đánh giá ngoài không được trước hạn đề nghị đánh giá ngoài');
  });

  it('compares a step with the last one given when one in between is missing', () => {
    const problems = deadlineProblems({ ...defaultDeadlines('2025-2026'), reviewRequest: '', externalReview: '2026-01-01' });
    expect(problems.get('deadlines.externalReview')?.en).toBe('The external review deadline cannot come before the self-assessment deadline');
  });

  it('refuses a short name, a school year that is not two consecutive years, and no kind at all', () => {
    const problems = checkDraft(draft({ name: 'ab', schoolYear: '2025-2027', versionByKind: { primary: '' } }));
    expect([...problems.keys()].sort()).toEqual(['kinds', 'name', 'schoolYear']);
  });

  it('puts each API problem under its field, criteria entries back on their kinds', () => {
    const sent = toRequest(draft());
    expect(fieldOfProblem('body.deadlines.recognition', sent)).toBe('deadlines.recognition');
    expect(fieldOfProblem('body.criteria[1].kinds[0]', sent)).toBe('kind.upper-secondary');
    expect(fieldOfProblem('body.criteria[0]', sent)).toBe('kind.primary');
    expect(fieldOfProblem('body.name', sent)).toBe('name');
    expect(fieldOfProblem('body.schoolYear', sent)).toBe('schoolYear');
    expect(fieldOfProblem('body.ownerUnitId', sent)).toBe('');
    const problems = problemsByField(
      [
        { path: 'body.criteria[0].kinds[1]', code: 'kind-not-covered', message: 'Không áp dụng', messageEn: 'Does not apply' },
        { path: 'body.name', code: 'too_small', message: 'Quá ngắn', messageEn: 'Too short' },
        { path: 'body.name', code: 'x', message: 'Sai', messageEn: 'Wrong' },
      ],
      sent,
    );
    expect(problems.get('kind.lower-secondary')).toEqual({ vi: 'Không áp dụng', en: 'Does not apply' });
    expect(problems.get('name')).toEqual({ vi: 'Quá ngắn; Sai', en: 'Too short; Wrong' });
  });
});
