import type { Caller } from '../../auth/caller.ts';
import type { Snapshot } from '../../db/audit-event.ts';
import { type ErrorDetail, InvalidInputsError } from '../../errors.ts';
import { authorizeCampaign } from '../campaigns/access.ts';
import type { RecognisedResult } from '../submissions/schemas.ts';
import { summaryOf } from '../submissions/scoring.ts';
import { type ReviewDeps, assertInTime, assertPublisher, assertRecogniser, loadTarget, nowOf, stepTo } from './access.ts';
import type { PublicResult } from './public-schemas.ts';
import type { Recognise, ReviewView } from './schemas.ts';
import { scoreReview } from './scoring.ts';
import { definitionOf, reviewViewOf } from './view.ts';

// Decisions are dated in Vietnam (UTC+7): "today" there is what a decision date may not come after.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const vietnamToday = (now: Date) => new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** The whole recognition as the audit log keeps it. */
function recognitionSnapshot(recognition: RecognisedResult): Snapshot {
  return {
    decision: { ...recognition.decision },
    levels: { groups: { ...recognition.levels.groups }, overall: recognition.levels.overall },
    points: { groups: { ...recognition.points.groups }, total: recognition.points.total },
    levelsAdjusted: recognition.levelsAdjusted,
  };
}

/**
 * The recognising office recognises an accepted dossier's level by a decision (number and date, not
 * after today). The levels are the reviewer's computed ones unless the decision states others (1..3,
 * per group id of the pinned definition, and overall); the points are the reviewer's.
 */
export async function recogniseSubmission(deps: ReviewDeps, caller: Caller, campaignId: string, unitId: string, input: Recognise): Promise<ReviewView> {
  const target = await loadTarget(deps, caller, campaignId, unitId, 'submission.recognise');
  await assertRecogniser(deps, caller, target, 'submission.recognise');
  const status = stepTo(target, 'recognise', input.version);
  await assertInTime(deps, caller, target, 'recognition');
  const { head, content } = target.stored;
  const now = nowOf(deps);
  const definition = await definitionOf(deps, caller.ctx, target.stored);
  const problems: ErrorDetail[] = [];
  const today = vietnamToday(now);
  if (input.decision.date > today)
    problems.push({
      path: 'body.decision.date',
      code: 'date-in-future',
      messageVi: `Ngày quyết định không được sau hôm nay (${today})`,
      messageEn: `The decision cannot be dated after today (${today})`,
    });
  const groupIds = new Set(definition.groups.map((group) => group.id));
  for (const id of Object.keys(input.levels?.groups ?? {}))
    if (!groupIds.has(id))
      problems.push({ path: `body.levels.groups["${id}"]`, code: 'unknown-id', messageVi: `Nhóm tiêu chí "${id}" không có trong bộ chỉ số của hồ sơ`, messageEn: `Group "${id}" is not in the submission's criteria set` });
  if (problems.length > 0) throw new InvalidInputsError(problems);

  const score = scoreReview(definition, content, target.review?.awards ?? {});
  const computed = { groups: Object.fromEntries(score.groups.map((group) => [group.id, group.level])), overall: score.overallLevel };
  const levels = input.levels === undefined ? computed : { groups: { ...computed.groups, ...input.levels.groups }, overall: input.levels.overall };
  const recognition: RecognisedResult = {
    decision: input.decision,
    levels,
    points: { groups: Object.fromEntries(score.groups.map((group) => [group.id, group.points])), total: score.total },
    levelsAdjusted: JSON.stringify(levels) !== JSON.stringify(computed),
    recognisedBy: caller.accountId,
    recognisedAt: now.toISOString(),
  };
  const after: Snapshot = { status, recogniserUnitId: head.recogniserUnitId, ...recognitionSnapshot(recognition) };
  if (recognition.levelsAdjusted) after.computedLevels = { groups: { ...computed.groups }, overall: computed.overall };
  const next = await deps.reviews.move(caller.ctx, head, input.version, {
    status,
    action: 'submission.recognised',
    set: { recognition, reviewScore: summaryOf(score), updatedAt: recognition.recognisedAt },
    writes: [],
    before: { status: head.status },
    after,
  });
  return reviewViewOf(deps, caller.ctx, target.campaign, { head: next, content }, target.review);
}

/**
 * Publishes a recognised result (công bố): from now on anyone reads its public fields, without signing
 * in. By the recognising office or the school's head.
 */
export async function publishSubmission(deps: ReviewDeps, caller: Caller, campaignId: string, unitId: string, seen: number): Promise<ReviewView> {
  const target = await loadTarget(deps, caller, campaignId, unitId, 'submission.read');
  await assertPublisher(deps, caller, target);
  const status = stepTo(target, 'publish', seen);
  await assertInTime(deps, caller, target, 'publication');
  const { head, content } = target.stored;
  const { recognition } = head;
  if (recognition === null) throw new Error(`Submission ${target.entity.id} is recognised without a recognition`);
  const definition = await definitionOf(deps, caller.ctx, target.stored);
  const at = nowOf(deps).toISOString();
  const result: PublicResult = {
    unit: { id: target.unit.id, name: target.unit.name, kind: target.unit.kind },
    campaign: { id: target.campaign.id, name: target.campaign.name, schoolYear: target.campaign.schoolYear },
    groups: definition.groups.map((group) => ({
      id: group.id,
      title: group.title,
      points: recognition.points.groups[group.id] ?? 0,
      level: recognition.levels.groups[group.id] ?? 1,
    })),
    total: recognition.points.total,
    overallLevel: recognition.levels.overall,
    decision: recognition.decision,
    publishedAt: at,
  };
  const next = await deps.reviews.move(caller.ctx, head, seen, {
    status,
    action: 'submission.published',
    set: { publishedAt: at, updatedAt: at },
    writes: [deps.reviews.publishWrite(caller.ctx, head, result)],
    before: { status: head.status },
    after: { status, publishedAt: at, unitName: result.unit.name },
  });
  return reviewViewOf(deps, caller.ctx, target.campaign, { head: next, content }, target.review);
}

/**
 * Reopens a recognised or published result, back into review, for a reason: only the campaign's owner
 * (`campaign.manage` at the owner or above; 403 for others who see the school). A published result
 * leaves the public pages in the same transaction; the recognition it had stays in the audit trail.
 */
export async function reopenSubmission(deps: ReviewDeps, caller: Caller, campaignId: string, unitId: string, input: { version: number; reason: string }): Promise<ReviewView> {
  const target = await loadTarget(deps, caller, campaignId, unitId, 'submission.read');
  authorizeCampaign(caller, target.campaign, 'campaign.manage');
  const status = stepTo(target, 'reopen', input.version);
  const { head, content } = target.stored;
  const published = head.status === 'published' ? await deps.reviews.publishedVersion(caller.ctx, campaignId, unitId) : null;
  const before: Snapshot = { status: head.status, publishedAt: head.publishedAt };
  if (head.recognition !== null) before.recognition = recognitionSnapshot(head.recognition);
  const at = nowOf(deps).toISOString();
  const next = await deps.reviews.move(caller.ctx, head, input.version, {
    status,
    action: 'submission.reopened',
    set: { recognition: null, publishedAt: null, updatedAt: at },
    writes: published === null ? [] : [deps.reviews.unpublishWrite(caller.ctx, head, published)],
    before,
    after: { status, reason: input.reason },
  });
  return reviewViewOf(deps, caller.ctx, target.campaign, { head: next, content }, target.review);
}
