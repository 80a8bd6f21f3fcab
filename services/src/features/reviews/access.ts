import type { Caller } from '../../auth/caller.ts';
import { type Action, type UnitPath, pathIds } from '../../auth/scope.ts';
import { ConflictError, type EntityRef, ForbiddenError, NotFoundError } from '../../errors.ts';
import { assertBeforeDeadline, endOfDay } from '../campaigns/deadlines.ts';
import type { CampaignRepository } from '../campaigns/repository.ts';
import type { CriteriaSetRepository } from '../criteria-sets/repository.ts';
import { type StoredSubmission, type SubmissionRepository, submissionEntity } from '../submissions/repository.ts';
import type { SubmissionStatus } from '../submissions/schemas.ts';
import { type SubmissionAction, nextStatus } from '../submissions/states.ts';
import { type Located, assertCampaignOpen, locate } from '../submissions/use-cases.ts';
import type { UnitRepository } from '../units/repository.ts';
import type { Unit } from '../units/schemas.ts';
import type { ReviewRepository } from './repository.ts';
import type { ReviewState } from './schemas.ts';

export interface ReviewDeps {
  campaigns: CampaignRepository;
  sets: CriteriaSetRepository;
  units: UnitRepository;
  submissions: SubmissionRepository;
  reviews: ReviewRepository;
  now?: () => Date;
}

export const nowOf = (deps: ReviewDeps): Date => (deps.now ?? (() => new Date()))();

/** A submission as the review steps work on it: where it is, its items, and the reviewer's. */
export interface Target extends Located {
  entity: EntityRef;
  stored: StoredSubmission;
  review: ReviewState | null;
}

/**
 * The submission of a unit, if the caller may `action` at the school: outside the caller's subtrees it
 * does not exist (404), inside them a role without the action gets 403 (caller.authorize). A school
 * without a submission (not started, not in the campaign) has nothing to review: 404.
 */
export async function loadTarget(deps: ReviewDeps, caller: Caller, campaignId: string, unitId: string, action: Action): Promise<Target> {
  const located = await locate(deps, caller, campaignId, unitId, action);
  const entity = submissionEntity(campaignId, unitId);
  const [stored, review] = await Promise.all([deps.submissions.get(caller.ctx, campaignId, unitId), deps.reviews.getReview(caller.ctx, campaignId, unitId)]);
  if (stored === null) throw new NotFoundError(entity);
  return { ...located, entity, stored, review };
}

/** The recogniser's place in the tree. It is an ancestor of the school, so usually a prefix of its path. */
async function recogniserPath(deps: ReviewDeps, caller: Caller, unit: Unit, recogniserUnitId: string): Promise<UnitPath> {
  const ids = pathIds(unit.path);
  const at = ids.indexOf(recogniserUnitId);
  if (at >= 0) return ids.slice(0, at + 1);
  const recogniser = await deps.units.get(caller.ctx, recogniserUnitId);
  return recogniser === null ? [recogniserUnitId] : pathIds(recogniser.path);
}

/**
 * The recognising office reviews and recognises: a grant that allows `action` must reach the recogniser
 * (a grant there, or above it). Anyone else who sees the school (another office on its way, under an
 * `owner` rule) gets 403.
 */
export async function assertRecogniser(deps: ReviewDeps, caller: Caller, target: Target, action: 'submission.review' | 'submission.recognise'): Promise<void> {
  if (!caller.can(action, await recogniserPath(deps, caller, target.unit, target.stored.head.recogniserUnitId))) throw new ForbiddenError(action);
}

/**
 * Publishing speaks for the school or for the office that recognised it: the recognising office
 * (`submission.recognise` there), or the head of the school (`submission.submit`, the role that signs for it).
 */
export async function assertPublisher(deps: ReviewDeps, caller: Caller, target: Target): Promise<void> {
  if (caller.can('submission.submit', pathIds(target.unit.path))) return;
  if (caller.can('submission.recognise', await recogniserPath(deps, caller, target.unit, target.stored.head.recogniserUnitId))) return;
  throw new ForbiddenError('submission.publish');
}

/**
 * The status `action` leads to, once the campaign is open, the state machine allows it (409 listing
 * what is allowed), and the client read the current version (409 with it).
 */
export function stepTo(target: Target, action: SubmissionAction, seen: number): SubmissionStatus {
  const { head } = target.stored;
  assertCampaignOpen(target.campaign, head.version);
  const status = nextStatus(head.status, action, head.version);
  if (seen !== head.version) throw new ConflictError(target.entity, head.version, 'stale');
  return status;
}

/**
 * Refuses (409 `deadline-passed`, naming `deadline.<step>` and its day) once the unit's deadline of the
 * step is over: the campaign's, or the later one the owner granted the unit. An extension only ever
 * adds time, so before the campaign's own deadline nothing is read.
 */
export async function assertInTime(deps: ReviewDeps, caller: Caller, target: Target, step: 'externalReview' | 'recognition' | 'publication'): Promise<void> {
  const now = nowOf(deps);
  if (now.getTime() <= endOfDay(target.campaign.deadlines[step])) return;
  const extension = await deps.campaigns.getExtension(caller.ctx, target.campaign.id, target.unit.id, step);
  assertBeforeDeadline(target.campaign, step, extension, now, target.stored.head.version);
}
