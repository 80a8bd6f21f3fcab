import { StateConflictError } from '../../errors.ts';
import type { SubmissionStatus } from './schemas.ts';

/** What can happen to a submission; each action moves it from one status to another. */
export type SubmissionAction = 'submit' | 'start-review' | 'return' | 'accept' | 'recognise' | 'publish' | 'reopen';

/** What is done to a submission without moving it: the school edits its answers, the reviewer its points. */
export type SubmissionWork = 'edit' | 'review';

/**
 * The life of a submission. The school submits (again, after a return); the reviewing office takes it
 * into review, returns or accepts it; the recognising unit recognises the level; the result is
 * published. Only the campaign's owner reopens a recognised or published result, back into review.
 */
export const SUBMISSION_TRANSITIONS: Record<SubmissionStatus, readonly { action: SubmissionAction; to: SubmissionStatus }[]> = {
  draft: [{ action: 'submit', to: 'submitted' }],
  submitted: [
    { action: 'start-review', to: 'in-review' },
    { action: 'return', to: 'returned' },
  ],
  'in-review': [
    { action: 'return', to: 'returned' },
    { action: 'accept', to: 'accepted' },
  ],
  returned: [{ action: 'submit', to: 'submitted' }],
  accepted: [{ action: 'recognise', to: 'recognised' }],
  recognised: [
    { action: 'publish', to: 'published' },
    { action: 'reopen', to: 'in-review' },
  ],
  published: [{ action: 'reopen', to: 'in-review' }],
};

/** The school edits its answers only while the submission is with it. */
export const EDITABLE_STATUSES: readonly SubmissionStatus[] = ['draft', 'returned'];

/** The reviewer scores only while the submission is in review. */
export const REVIEWABLE_STATUSES: readonly SubmissionStatus[] = ['in-review'];

const STATUS_LABELS: Record<SubmissionStatus, string> = {
  draft: 'đang tự đánh giá',
  submitted: 'đã nộp',
  'in-review': 'đang đánh giá ngoài',
  returned: 'bị trả lại',
  accepted: 'đạt đánh giá ngoài',
  recognised: 'đã công nhận',
  published: 'đã công bố',
};

const ACTION_LABELS: Record<SubmissionAction | SubmissionWork, string> = {
  edit: 'sửa',
  review: 'chấm điểm đánh giá ngoài',
  submit: 'nộp',
  'start-review': 'nhận đánh giá',
  return: 'trả lại',
  accept: 'chấp nhận',
  recognise: 'công nhận',
  publish: 'công bố',
  reopen: 'mở lại',
};

export function allowedActions(status: SubmissionStatus): SubmissionAction[] {
  return SUBMISSION_TRANSITIONS[status].map((transition) => transition.action);
}

/** Everything that may be done now: the work the status allows (edit, review), then its transitions. */
export function actionsNow(status: SubmissionStatus): string[] {
  const work: SubmissionWork[] = [];
  if (EDITABLE_STATUSES.includes(status)) work.push('edit');
  if (REVIEWABLE_STATUSES.includes(status)) work.push('review');
  return [...work, ...allowedActions(status)];
}

/** A 409 that says what is allowed instead, one detail per allowed action. */
export function illegalTransition(status: SubmissionStatus, action: SubmissionAction | SubmissionWork, currentVersion: number): StateConflictError {
  const allowed = actionsNow(status);
  const list = allowed.length > 0 ? allowed.join(', ') : '—';
  return new StateConflictError(
    'illegal-transition',
    `Không thể ${ACTION_LABELS[action]} hồ sơ ${STATUS_LABELS[status]}; được phép: ${list}`,
    `Cannot ${action} a submission that is ${status}; allowed now: ${list}`,
    allowed.map((name) => ({ path: 'status', code: `allowed.${name}`, messageVi: name, messageEn: name })),
    currentVersion,
  );
}

/** The status `action` leads to from `status`, or the 409 listing what is allowed. */
export function nextStatus(status: SubmissionStatus, action: SubmissionAction, currentVersion: number): SubmissionStatus {
  const transition = SUBMISSION_TRANSITIONS[status].find((candidate) => candidate.action === action);
  if (transition === undefined) throw illegalTransition(status, action, currentVersion);
  return transition.to;
}

/** Refuses an edit unless the submission is with the school. */
export function assertEditable(status: SubmissionStatus, currentVersion: number): void {
  if (!EDITABLE_STATUSES.includes(status)) throw illegalTransition(status, 'edit', currentVersion);
}
