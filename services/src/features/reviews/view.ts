import type { Definition, ScoreResult } from '@chiso/criteria';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { pinnedDefinition } from '../campaigns/criteria.ts';
import { unitDeadlines } from '../campaigns/deadlines.ts';
import type { Campaign } from '../campaigns/schemas.ts';
import type { StoredSubmission } from '../submissions/repository.ts';
import { scoreContent } from '../submissions/scoring.ts';
import { actionsNow } from '../submissions/states.ts';
import { type ReviewDeps, nowOf } from './access.ts';
import { changesSince } from './diff.ts';
import type { ReviewState, ReviewView } from './schemas.ts';
import { scoreReview } from './scoring.ts';

export function definitionOf(deps: ReviewDeps, ctx: TenantContext, stored: StoredSubmission): Promise<Definition> {
  return pinnedDefinition(deps.sets, ctx, stored.head.criteria);
}

/** Every indicator with the school's points next to the reviewer's, and what the reviewer's score counts. */
function sideBySide(reviewScore: ScoreResult, stored: StoredSubmission, review: ReviewState | null): ReviewView['indicators'] {
  return reviewScore.groups.flatMap((group) =>
    group.criteria.flatMap((criterion) =>
      criterion.indicators.map((indicator) => ({
        id: indicator.id,
        criterionId: criterion.id,
        scoring: indicator.scoring,
        max: indicator.max,
        cap: indicator.cap,
        school: stored.content.awards[indicator.id] ?? null,
        reviewer: review?.awards[indicator.id] ?? null,
        counted: indicator.awarded,
      })),
    ),
  );
}

/**
 * The submission as the review shows it: the school's content and score, the reviewer's points and
 * score beside them, what changed since the last return, and what may be done now.
 */
export async function reviewViewOf(deps: ReviewDeps, ctx: TenantContext, campaign: Campaign, stored: StoredSubmission, review: ReviewState | null): Promise<ReviewView> {
  const { head, content } = stored;
  const [definition, snapshot, extensions] = await Promise.all([
    definitionOf(deps, ctx, stored),
    deps.reviews.getSnapshot(ctx, head.campaignId, head.unitId),
    deps.campaigns.unitExtensions(ctx, head.campaignId, head.unitId),
  ]);
  const reviewScore = scoreReview(definition, content, review?.awards ?? {});
  return {
    submission: { ...head, answers: content.answers, awards: content.awards, evidence: content.evidence, comments: content.comments },
    review: { awards: review?.awards ?? {}, comments: review?.comments ?? {}, lastReturn: review?.lastReturn ?? null, updatedAt: review?.updatedAt ?? null },
    schoolScore: scoreContent(definition, content),
    reviewScore,
    indicators: sideBySide(reviewScore, stored, review),
    changesSinceReturn: snapshot === null ? null : changesSince(snapshot, content),
    definition: head.criteria,
    deadlines: unitDeadlines(campaign, extensions, nowOf(deps)),
    allowedActions: campaign.status === 'open' ? actionsNow(head.status) : [],
  };
}
