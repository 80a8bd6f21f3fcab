import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { fieldOf, pathSteps, readRefusal } from './refusal.ts';

describe('a refused review step, read for the screen', () => {
  it('splits the API’s paths, with or without body', () => {
    expect(pathSteps('body.awards["1.6a"]')).toEqual(['awards', '1.6a']);
    expect(pathSteps('body.decision.date')).toEqual(['decision', 'date']);
    expect(pathSteps('levels.groups["2"]')).toEqual(['levels', 'groups', '2']);
    expect(pathSteps('deadline.externalReview')).toEqual(['deadline', 'externalReview']);
  });

  it('names the field each detail is about', () => {
    expect(fieldOf('body.comment')).toEqual({ phrase: 'field.comment', id: '' });
    expect(fieldOf('body.decision.number')).toEqual({ phrase: 'field.decision.number', id: '' });
    expect(fieldOf('body.decision.date')).toEqual({ phrase: 'field.decision.date', id: '' });
    expect(fieldOf('body.levels.groups["2"]')).toEqual({ phrase: 'field.levels', id: '2' });
    expect(fieldOf('body.awards["1.6a"]')).toEqual({ phrase: 'field.award', id: '1.6a' });
    expect(fieldOf('body.comments["1.3"]')).toEqual({ phrase: 'field.reviewComment', id: '1.3' });
    expect(fieldOf('answers.lms_name')).toEqual({ phrase: 'field.answer', id: 'lms_name' });
    expect(fieldOf('')).toBeNull();
  });

  it('on a 409 of the state machine, lists what is allowed now instead of as fields', () => {
    const error = new ApiError(409, 'illegal-transition', 'Không thể chấp nhận hồ sơ đã nộp; được phép: start-review, return', 'Cannot accept…', [
      { path: 'status', code: 'allowed.start-review', message: 'start-review', messageEn: 'start-review' },
      { path: 'status', code: 'allowed.return', message: 'return', messageEn: 'return' },
    ]);
    const refusal = readRefusal(error, 'vi');
    expect(refusal.message).toMatch(/^Không thể chấp nhận/);
    expect(refusal.allowed).toEqual(['start-review', 'return']);
    expect(refusal.fields).toEqual([]);
    expect(refusal.stale).toBe(false);
  });

  it('speaks the screen’s language and tells a stale version apart', () => {
    const error = new ApiError(400, 'invalid-input', 'Dữ liệu không hợp lệ', 'Invalid input', [
      { path: 'body.awards["1.6a"]', code: 'invalid.above-cap', message: 'Vượt quá 8 điểm', messageEn: 'Above 8 points' },
    ]);
    expect(readRefusal(error, 'en')).toMatchObject({ message: 'Invalid input', fields: [{ field: { phrase: 'field.award', id: '1.6a' }, text: 'Above 8 points' }] });
    expect(readRefusal(new ApiError(409, 'conflict', 'Cũ', 'Stale', [], 7), 'vi').stale).toBe(true);
  });
});
