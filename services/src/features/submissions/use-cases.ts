import { type Definition, type ScoreResult, formatPath } from '@chiso/criteria';
import type { Caller } from '../../auth/caller.ts';
import { type Action, pathIds } from '../../auth/scope.ts';
import { newId } from '../../db/ids.ts';
import type { Page } from '../../db/query.ts';
import { ConflictError, NotFoundError, StateConflictError } from '../../errors.ts';
import type { AuditLog } from '../audit-events/repository.ts';
import type { AuditEventView } from '../audit-events/schemas.ts';
import { pinnedDefinition } from '../campaigns/criteria.ts';
import { assertBeforeDeadline, isPastSelfAssessment, unitDeadlines } from '../campaigns/deadlines.ts';
import type { CampaignRepository } from '../campaigns/repository.ts';
import type { Campaign, Extension } from '../campaigns/schemas.ts';
import type { Unit } from '../units/schemas.ts';
import { applyChange } from './changes.ts';
import { type EnrolmentDeps, enrolLate } from './enrolment.ts';
import { type StoredSubmission, submissionEntity } from './repository.ts';
import type { PatchSubmission, SubmissionView } from './schemas.ts';
import { scoreContent, summaryOf } from './scoring.ts';
import { actionsNow, assertEditable, nextStatus } from './states.ts';

export interface SubmissionDeps extends EnrolmentDeps {
  campaigns: CampaignRepository;
  audit: AuditLog;
  now?: () => Date;
}

const nowOf = (deps: SubmissionDeps): Date => (deps.now ?? (() => new Date()))();

export interface Located {
  campaign: Campaign;
  unit: Unit;
}

/**
 * The campaign and unit of a submission, if the caller may `action` there: the check is on the unit's
 * place in the tree, so outside the caller's subtrees the submission does not exist (404), and inside
 * them a role without the action gets 403. A unit outside the campaign has no submission in it.
 */
export async function locate(deps: Pick<SubmissionDeps, 'campaigns' | 'units'>, caller: Caller, campaignId: string, unitId: string, action: Action): Promise<Located> {
  const entity = submissionEntity(campaignId, unitId);
  const [campaign, unit] = await Promise.all([deps.campaigns.get(caller.ctx, campaignId), deps.units.get(caller.ctx, unitId)]);
  if (campaign === null || unit === null) throw new NotFoundError(entity);
  const path = pathIds(unit.path);
  // First whether the pair exists at all, so a 403 never confirms a campaign the caller cannot see.
  if (!path.includes(campaign.ownerUnitId) || unit.id === campaign.ownerUnitId) throw new NotFoundError(entity);
  caller.authorize(action, path, entity);
  return { campaign, unit };
}

/** The unit's submission; a unit that takes part but has none yet (added after opening) joins now. */
export async function loadOrJoin(deps: SubmissionDeps, caller: Caller, { campaign, unit }: Located): Promise<StoredSubmission> {
  const stored = await deps.submissions.get(caller.ctx, campaign.id, unit.id);
  if (stored !== null) return stored;
  const joined = campaign.status === 'open' ? await enrolLate(deps, caller.ctx, campaign, unit, nowOf(deps).toISOString()) : null;
  if (joined === null) throw new NotFoundError(submissionEntity(campaign.id, unit.id));
  return joined;
}

export function assertCampaignOpen(campaign: Campaign, currentVersion: number): void {
  if (campaign.status === 'open') return;
  throw new StateConflictError(
    'campaign-not-open',
    campaign.status === 'closed' ? 'Kỳ đánh giá đã đóng: hồ sơ không còn sửa hay nộp được' : 'Kỳ đánh giá chưa mở',
    campaign.status === 'closed' ? 'The campaign is closed: submissions can no longer be changed or submitted' : 'The campaign is not open yet',
    [{ path: 'campaign.status', code: `campaign.${campaign.status}`, messageVi: campaign.status, messageEn: campaign.status }],
    currentVersion,
  );
}

/** A unit's extensions of every step, and the self-assessment one among them. */
async function extensionsOf(deps: SubmissionDeps, caller: Caller, campaignId: string, unitId: string): Promise<{ all: Extension[]; self: Extension | null }> {
  const all = await deps.campaigns.unitExtensions(caller.ctx, campaignId, unitId);
  return { all, self: all.find((extension) => extension.step === 'selfAssessment') ?? null };
}

function viewOf(campaign: Campaign, extensions: { all: Extension[]; self: Extension | null }, stored: StoredSubmission, score: ScoreResult, now: Date): SubmissionView {
  const { head, content } = stored;
  const extension = extensions.self;
  const actions = campaign.status === 'open' ? actionsNow(head.status) : [];
  return {
    submission: { ...head, answers: content.answers, awards: content.awards, evidence: content.evidence, comments: content.comments },
    score,
    definition: head.criteria,
    deadline: {
      selfAssessment: campaign.deadlines.selfAssessment,
      extendedUntil: extension?.until ?? null,
      passed: isPastSelfAssessment(campaign, extension, now),
    },
    deadlines: unitDeadlines(campaign, extensions.all, now),
    allowedActions: actions,
  };
}

async function definitionOf(deps: SubmissionDeps, caller: Caller, stored: StoredSubmission): Promise<Definition> {
  return pinnedDefinition(deps.sets, caller.ctx, stored.head.criteria);
}

/** A submission with the score the server computes on its pinned definition. */
export async function getSubmission(deps: SubmissionDeps, caller: Caller, campaignId: string, unitId: string): Promise<SubmissionView> {
  const located = await locate(deps, caller, campaignId, unitId, 'submission.read');
  const stored = await loadOrJoin(deps, caller, located);
  const [definition, extensions] = await Promise.all([definitionOf(deps, caller, stored), extensionsOf(deps, caller, campaignId, unitId)]);
  return viewOf(located.campaign, extensions, stored, scoreContent(definition, stored.content), nowOf(deps));
}

/**
 * The submission a school may change now, as the version `seen` (null: any version, for a step that
 * writes nothing): the campaign open, the submission with the school, not stale (409 otherwise).
 */
export async function openForEdit(deps: SubmissionDeps, caller: Caller, campaignId: string, unitId: string, seen: number | null): Promise<{ located: Located; stored: StoredSubmission }> {
  const located = await locate(deps, caller, campaignId, unitId, 'submission.edit');
  const stored = await loadOrJoin(deps, caller, located);
  const { head } = stored;
  assertCampaignOpen(located.campaign, head.version);
  assertEditable(head.status, head.version);
  if (seen !== null && seen !== head.version) throw new ConflictError(submissionEntity(campaignId, unitId), head.version, 'stale');
  return { located, stored };
}

/** The view of a submission just written, from what was written (no second read of it). */
export async function viewAfterSave(deps: SubmissionDeps, caller: Caller, located: Located, saved: StoredSubmission, score: ScoreResult): Promise<SubmissionView> {
  const extensions = await extensionsOf(deps, caller, located.campaign.id, saved.head.unitId);
  return viewOf(located.campaign, extensions, saved, score, nowOf(deps));
}

/**
 * Applies an incremental change (autosave) from the version the client read: refused while the
 * submission is not with the school (409 with what is allowed), on a stale version (409 with the
 * current one), or when it would bring in an invalid answer or award (400 with the paths).
 */
export async function patchSubmission(deps: SubmissionDeps, caller: Caller, campaignId: string, unitId: string, patch: PatchSubmission): Promise<SubmissionView> {
  const { located, stored } = await openForEdit(deps, caller, campaignId, unitId, patch.version);
  const { head } = stored;
  const [definition, extensions] = await Promise.all([definitionOf(deps, caller, stored), extensionsOf(deps, caller, campaignId, unitId)]);
  const now = nowOf(deps);
  const at = now.toISOString();
  const applied = applyChange(definition, stored.content, patch, { at, by: caller.accountId, newId });
  if (!applied.changed) return viewOf(located.campaign, extensions, stored, applied.score, now);
  const saved = await deps.submissions.saveContent(
    caller.ctx,
    stored,
    { head: { score: summaryOf(applied.score), startedAt: head.startedAt ?? at, updatedAt: at }, content: applied.content },
    { before: applied.before, after: applied.after },
  );
  return viewOf(located.campaign, extensions, saved, applied.score, now);
}

/**
 * The head submits: only a complete submission (every required answer, award and evidence there,
 * nothing invalid, 409 listing what is missing), only before its self-assessment deadline (or the
 * extension the campaign's owner granted the unit) the first time.
 */
export async function submitSubmission(deps: SubmissionDeps, caller: Caller, campaignId: string, unitId: string, seen: number): Promise<SubmissionView> {
  const located = await locate(deps, caller, campaignId, unitId, 'submission.submit');
  const stored = await loadOrJoin(deps, caller, located);
  const { head } = stored;
  const { campaign } = located;
  assertCampaignOpen(campaign, head.version);
  const status = nextStatus(head.status, 'submit', head.version);
  if (seen !== head.version) throw new ConflictError(submissionEntity(campaignId, unitId), head.version, 'stale');
  const [definition, extensions] = await Promise.all([definitionOf(deps, caller, stored), extensionsOf(deps, caller, campaignId, unitId)]);
  const now = nowOf(deps);
  if (head.status === 'draft') assertBeforeDeadline(campaign, 'selfAssessment', extensions.self, now, head.version);
  const score = scoreContent(definition, stored.content);
  if (!score.complete) {
    const problems = [...score.missing, ...score.invalid.filter((problem) => problem.severity === 'error')];
    throw new StateConflictError(
      'incomplete',
      `Hồ sơ chưa đủ để nộp: còn ${problems.length} mục cần bổ sung hoặc sửa`,
      `The submission is not complete: ${problems.length} items are missing or invalid`,
      problems.map((problem) => ({ path: formatPath(problem.path), code: problem.code, messageVi: problem.message.vi, messageEn: problem.message.en ?? problem.message.vi })),
      head.version,
    );
  }
  const at = now.toISOString();
  const summary = summaryOf(score);
  const next = await deps.submissions.transition(caller.ctx, head, seen, status, 'submitted', { submittedAt: at, submittedBy: caller.accountId, updatedAt: at, score: summary });
  return viewOf(campaign, extensions, { head: next, content: stored.content }, score, now);
}

/** Everything that happened to a submission, newest first: creation, every change with its points, every transition. */
export async function submissionHistory(
  deps: SubmissionDeps,
  caller: Caller,
  campaignId: string,
  unitId: string,
  page: { limit: number; cursor: string | null },
): Promise<Page<AuditEventView>> {
  await locate(deps, caller, campaignId, unitId, 'submission.read');
  return deps.audit.forEntity(caller.ctx, submissionEntity(campaignId, unitId), page);
}
