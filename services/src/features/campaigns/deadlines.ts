import { StateConflictError } from '../../errors.ts';
import { type Campaign, DEADLINE_LABELS, type DeadlineStep, type Extension, type UnitDeadlines } from './schemas.ts';

// Vietnam keeps UTC+7 all year: a deadline day ends at 23:59:59.999 there, 16:59:59.999 UTC.
const VIETNAM_OFFSET = '+07:00';

/**
 * The last instant of a deadline day: a deadline is inclusive, in Vietnam time.
 * @example endOfDay('2025-01-31') // Date.parse('2025-01-31T23:59:59.999+07:00')
 */
export function endOfDay(date: string): number {
  return Date.parse(`${date}T23:59:59.999${VIETNAM_OFFSET}`);
}

/**
 * The deadline of `step` that holds for one unit: the later of the campaign's and the unit's extension
 * of that step. An extension only ever gives more time: should the owner later move the campaign's own
 * deadline past it, the campaign's holds.
 */
export function deadlineOf(campaign: Campaign, step: DeadlineStep, extension: Extension | null): string {
  const own = campaign.deadlines[step];
  if (extension === null || extension.step !== step) return own;
  return extension.until > own ? extension.until : own;
}

/** True once the unit's deadline day of `step` is over. */
export function isPastDeadline(campaign: Campaign, step: DeadlineStep, extension: Extension | null, now: Date): boolean {
  return now.getTime() > endOfDay(deadlineOf(campaign, step, extension));
}

/**
 * Every step's deadline as it holds for one unit at `now`: the campaign's day, the unit's extension of
 * that step (null if none; `reviewRequest` is a date of the plan and is never extended), the day that
 * applies (the later of the two) and whether it has passed.
 */
export function unitDeadlines(campaign: Campaign, extensions: readonly Extension[], now: Date): UnitDeadlines {
  const of = (step: DeadlineStep) => {
    const extension = extensions.find((candidate) => candidate.step === step) ?? null;
    const applies = deadlineOf(campaign, step, extension);
    return { campaign: campaign.deadlines[step], extension: extension?.until ?? null, applies, passed: now.getTime() > endOfDay(applies) };
  };
  return { selfAssessment: of('selfAssessment'), reviewRequest: of('reviewRequest'), externalReview: of('externalReview'), recognition: of('recognition'), publication: of('publication') };
}

/** The step a submission in this progress status waits on; null once published (nothing is due). */
export function stepAwaited(status: 'not-started' | 'draft' | 'overdue' | 'submitted' | 'in-review' | 'returned' | 'accepted' | 'recognised' | 'published'): DeadlineStep | null {
  switch (status) {
    case 'submitted':
    case 'in-review':
      return 'externalReview';
    case 'accepted':
      return 'recognition';
    case 'recognised':
      return 'publication';
    case 'published':
      return null;
    default:
      return 'selfAssessment';
  }
}

/** The self-assessment deadline that holds for one unit (see `deadlineOf`). */
export function selfAssessmentDeadline(campaign: Campaign, extension: Extension | null): string {
  return deadlineOf(campaign, 'selfAssessment', extension);
}

/** True once the unit's self-assessment deadline day is over. */
export function isPastSelfAssessment(campaign: Campaign, extension: Extension | null, now: Date): boolean {
  return isPastDeadline(campaign, 'selfAssessment', extension, now);
}

/**
 * The 409 of a step tried after its deadline: it names the deadline (`deadline.<step>`) and its day, and
 * says who can lift it (the campaign's owner, by an extension for the unit or a later deadline for all).
 */
export function deadlinePassed(step: DeadlineStep, deadline: string, currentVersion: number): StateConflictError {
  const { vi, en } = DEADLINE_LABELS[step];
  return new StateConflictError(
    'deadline-passed',
    `Đã quá hạn ${vi} (${deadline}); hãy đề nghị đơn vị chủ trì kỳ đánh giá gia hạn`,
    `The ${en} deadline (${deadline}) has passed; ask the campaign's owner for an extension`,
    [{ path: `deadline.${step}`, code: 'deadline-passed', messageVi: `Hạn ${vi}: ${deadline}`, messageEn: `The ${en} deadline: ${deadline}` }],
    currentVersion,
  );
}

/** Refuses (409 `deadline-passed`) once the unit's deadline of `step` is over at `now`. */
export function assertBeforeDeadline(campaign: Campaign, step: DeadlineStep, extension: Extension | null, now: Date, currentVersion: number): void {
  if (isPastDeadline(campaign, step, extension, now)) throw deadlinePassed(step, deadlineOf(campaign, step, extension), currentVersion);
}
