import type { Caller } from '../../auth/caller.ts';
import { ConflictError, StateConflictError } from '../../errors.ts';
import { summaryOf } from '../submissions/scoring.ts';
import { illegalTransition } from '../submissions/states.ts';
import { assertCampaignOpen } from '../submissions/use-cases.ts';
import { type ReviewDeps, assertInTime, assertRecogniser, loadTarget, nowOf, stepTo } from './access.ts';
import type { PatchReview, ReviewState, ReviewView } from './schemas.ts';
import { applyReviewChange, blockingProblems, scoreReview } from './scoring.ts';
import { definitionOf, reviewViewOf } from './view.ts';

/** A review nothing has been written to yet (fresh maps each time: they are merged into, never shared). */
const emptyReview = (): Omit<ReviewState, 'version' | 'updatedAt'> => ({ awards: {}, comments: {}, lastReturn: null });

/** The review of a submission, for anyone who may read the submission: the school reads the reviewer's comments too. */
export async function getReview(deps: ReviewDeps, caller: Caller, campaignId: string, unitId: string): Promise<ReviewView> {
  const target = await loadTarget(deps, caller, campaignId, unitId, 'submission.read');
  return reviewViewOf(deps, caller.ctx, target.campaign, target.stored, target.review);
}

/** The recognising office takes a submitted dossier into review; the reviewer's points start as the school's. */
export async function startReview(deps: ReviewDeps, caller: Caller, campaignId: string, unitId: string, seen: number): Promise<ReviewView> {
  const target = await loadTarget(deps, caller, campaignId, unitId, 'submission.review');
  await assertRecogniser(deps, caller, target, 'submission.review');
  const status = stepTo(target, 'start-review', seen);
  await assertInTime(deps, caller, target, 'externalReview');
  const { head, content } = target.stored;
  const definition = await definitionOf(deps, caller.ctx, target.stored);
  const score = scoreReview(definition, content, target.review?.awards ?? {});
  const at = nowOf(deps).toISOString();
  // The review item is made now, so that every later change of the reviewer's points is conditioned on it.
  const writes = target.review === null ? [deps.reviews.reviewWrite(caller.ctx, head, null, { ...emptyReview(), updatedAt: at })] : [];
  const next = await deps.reviews.move(caller.ctx, head, seen, {
    status,
    action: 'submission.review-started',
    set: { reviewScore: summaryOf(score), updatedAt: at },
    writes,
    before: { status: head.status },
    after: { status, reviewTotal: score.total, reviewOverallLevel: score.overallLevel },
  });
  const review: ReviewState = target.review ?? { ...emptyReview(), updatedAt: at, version: 1 };
  return reviewViewOf(deps, caller.ctx, target.campaign, { head: next, content }, review);
}

/**
 * The reviewer's own points and comments, from the version read: next to the school's, never over
 * them. Only in review (409 with what is allowed); an award the pinned definition refuses is a 400
 * naming it (`body.awards["1.4a"]`, with the cap in the message). The reviewer's score is the server's.
 */
export async function patchReview(deps: ReviewDeps, caller: Caller, campaignId: string, unitId: string, patch: PatchReview): Promise<ReviewView> {
  const target = await loadTarget(deps, caller, campaignId, unitId, 'submission.review');
  await assertRecogniser(deps, caller, target, 'submission.review');
  const { head, content } = target.stored;
  assertCampaignOpen(target.campaign, head.version);
  if (head.status !== 'in-review') throw illegalTransition(head.status, 'review', head.version);
  if (patch.version !== head.version) throw new ConflictError(target.entity, head.version, 'stale');
  await assertInTime(deps, caller, target, 'externalReview');
  const definition = await definitionOf(deps, caller.ctx, target.stored);
  const current = target.review ?? { ...emptyReview(), updatedAt: head.updatedAt, version: 0 };
  const applied = applyReviewChange(definition, content, current, patch);
  if (!applied.changed) return reviewViewOf(deps, caller.ctx, target.campaign, target.stored, target.review);
  const at = nowOf(deps).toISOString();
  const fields = { awards: applied.awards, comments: applied.comments, lastReturn: current.lastReturn, updatedAt: at };
  const next = await deps.reviews.move(caller.ctx, head, patch.version, {
    status: head.status,
    action: 'submission.review-edited',
    set: { reviewScore: summaryOf(applied.score), updatedAt: at },
    writes: [deps.reviews.reviewWrite(caller.ctx, head, target.review, fields)],
    before: applied.before,
    after: applied.after,
  });
  return reviewViewOf(deps, caller.ctx, target.campaign, { head: next, content }, { ...fields, version: current.version + 1 });
}

/**
 * Sends the dossier back to the school with a comment: the school edits and submits again. The content
 * as it is now is kept, so that the next review shows what changed since.
 */
export async function returnSubmission(deps: ReviewDeps, caller: Caller, campaignId: string, unitId: string, input: { version: number; comment: string }): Promise<ReviewView> {
  const target = await loadTarget(deps, caller, campaignId, unitId, 'submission.review');
  await assertRecogniser(deps, caller, target, 'submission.review');
  const status = stepTo(target, 'return', input.version);
  await assertInTime(deps, caller, target, 'externalReview');
  const { head, content } = target.stored;
  const at = nowOf(deps).toISOString();
  const lastReturn = { at, by: caller.accountId, comment: input.comment };
  const review = { awards: target.review?.awards ?? {}, comments: target.review?.comments ?? {}, lastReturn, updatedAt: at };
  const snapshot = await deps.reviews.getSnapshot(caller.ctx, campaignId, unitId);
  const next = await deps.reviews.move(caller.ctx, head, input.version, {
    status,
    action: 'submission.returned',
    set: { updatedAt: at },
    writes: [
      deps.reviews.reviewWrite(caller.ctx, head, target.review, review),
      deps.reviews.snapshotWrite(caller.ctx, head, snapshot, {
        answers: content.answers,
        awards: content.awards,
        evidence: content.evidence,
        comments: content.comments,
        returnedAt: at,
        returnedBy: caller.accountId,
        comment: input.comment,
      }),
    ],
    before: { status: head.status },
    after: { status, comment: input.comment },
  });
  return reviewViewOf(deps, caller.ctx, target.campaign, { head: next, content }, { ...review, version: (target.review?.version ?? 0) + 1 });
}

/**
 * The office accepts the dossier: the reviewer's score must be complete and valid (an award the
 * school's later answers no longer allow is listed, 409), and is recorded on the submission.
 */
export async function acceptSubmission(deps: ReviewDeps, caller: Caller, campaignId: string, unitId: string, seen: number): Promise<ReviewView> {
  const target = await loadTarget(deps, caller, campaignId, unitId, 'submission.review');
  await assertRecogniser(deps, caller, target, 'submission.review');
  const status = stepTo(target, 'accept', seen);
  await assertInTime(deps, caller, target, 'externalReview');
  const { head, content } = target.stored;
  const definition = await definitionOf(deps, caller.ctx, target.stored);
  const score = scoreReview(definition, content, target.review?.awards ?? {});
  const problems = blockingProblems(score);
  if (problems.length > 0)
    throw new StateConflictError(
      'review-incomplete',
      `Điểm đánh giá ngoài chưa hợp lệ: còn ${problems.length} mục cần sửa`,
      `The review's points are not valid yet: ${problems.length} items to fix`,
      problems,
      head.version,
    );
  const at = nowOf(deps).toISOString();
  const summary = summaryOf(score);
  const next = await deps.reviews.move(caller.ctx, head, seen, {
    status,
    action: 'submission.accepted',
    set: { reviewScore: summary, updatedAt: at },
    writes: [],
    before: { status: head.status },
    after: { status, reviewTotal: score.total, reviewOverallLevel: score.overallLevel, groups: summary.groups.map((group) => ({ ...group })) },
  });
  return reviewViewOf(deps, caller.ctx, target.campaign, { head: next, content }, target.review);
}
