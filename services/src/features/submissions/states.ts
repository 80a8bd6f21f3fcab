import { StateConflictError } from '../../errors.ts';
import type { SubmissionStatus } from './schemas.ts';

/** What can happen to a submission; each action moves it from one status to another. */
export type SubmissionAction = 'submit' | 'start-review' | 'return' | 'accept' | 'recognise' | 'publish';

/**
 * The life of a submission. The school submits (again, after a return); the reviewing office takes it
 * into review, returns or accepts it; the recognising unit recognises the level; the result is
 * published. Review, recognition and publication are built later on this same table.
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
  recognised: [{ action: 'publish', to: 'published' }],
  published: [],
};

/** The school edits its answers only while the submission is with it. */
export const EDITABLE_STATUSES: readonly SubmissionStatus[] = ['draft', 'returned'];

const STATUS_LABELS: Record<SubmissionStatus, string> = {
  draft: 'đang tự đánh giá',
  submitted: 'đã nộp',
  'in-review': 'đang đánh giá ngoài',
  returned: 'bị trả lại',
  accepted: 'đạt đánh giá ngoài',
  recognised: 'đã công nhận',
  published: 'đã công bố',
};

const ACTION_LABELS: Record<SubmissionAction | 'edit', string> = {
  edit: 'sửa',
  submit: 'nộp',
  'start-review': 'nhận đánh giá',
  return: 'trả lại',
  accept: 'chấp nhận',
  recognise: 'công nhận',
  publish: 'công bố',
};

export function allowedActions(status: SubmissionStatus): SubmissionAction[] {
  return SUBMISSION_TRANSITIONS[status].map((transition) => transition.action);
}

/** A 409 that says what is allowed instead, one detail per allowed action. */
export function illegalTransition(status: SubmissionStatus, action: SubmissionAction | 'edit', currentVersion: number): StateConflictError {
  const allowed: string[] = allowedActions(status);
  if (EDITABLE_STATUSES.includes(status)) allowed.unshift('edit');
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
