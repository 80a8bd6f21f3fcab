import type { Caller } from '../../auth/caller.ts';
import { isOfficeKind } from '../../auth/roles.ts';
import { pathIds } from '../../auth/scope.ts';
import { newId } from '../../db/ids.ts';
import { ConflictError, type ErrorDetail, InvalidInputsError, NotFoundError, StateConflictError } from '../../errors.ts';
import type { CriteriaSetRepository } from '../criteria-sets/repository.ts';
import { type EnrolmentDeps, planEnrolment, takesPart } from '../submissions/enrolment.ts';
import type { SubmissionRepository } from '../submissions/repository.ts';
import { lineageGuards, settledLineage } from '../units/move-guard.ts';
import { type UnitRepository, unitEntity } from '../units/repository.ts';
import { authorizeCampaign, canReadCampaign } from './access.ts';
import { assertStillPublished, resolveAssignments } from './criteria.ts';
import { type CampaignRepository, campaignChanges, campaignEntity } from './repository.ts';
import {
  type Campaign,
  type CampaignStatus,
  type CreateCampaign,
  DEADLINE_LABELS,
  DEADLINE_STEPS,
  type Deadlines,
  type Extension,
  type GrantExtension,
  type UpdateCampaign,
  deadlineOrderIssues,
  deadlineOrderMessage,
} from './schemas.ts';
import { assertCampaignAllows, nextCampaignStatus } from './states.ts';

export interface CampaignDeps {
  campaigns: CampaignRepository;
  sets: CriteriaSetRepository;
  units: UnitRepository;
  submissions: SubmissionRepository;
  now?: () => Date;
}

const nowOf = (deps: CampaignDeps): Date => (deps.now ?? (() => new Date()))();

function invalid(path: string, code: string, messageVi: string, messageEn: string): InvalidInputsError {
  return new InvalidInputsError([{ path, code, messageVi, messageEn }]);
}

/** A campaign the caller may `action`, or the 404/403 that hides or refuses it. */
export async function requireCampaign(deps: Pick<CampaignDeps, 'campaigns'>, caller: Caller, campaignId: string, action: 'campaign.read' | 'campaign.manage'): Promise<Campaign> {
  const campaign = await deps.campaigns.get(caller.ctx, campaignId);
  if (campaign === null) throw new NotFoundError(campaignEntity(campaignId));
  authorizeCampaign(caller, campaign, action);
  return campaign;
}

/** The unit a campaign belongs to: the one named, or else the one unit where the caller manages campaigns. */
function ownerIdOf(caller: Caller, named: string | undefined): string {
  if (named !== undefined) return named;
  const roots = caller.scopeRoots('campaign.manage');
  if (roots.length === 1 && roots[0] !== undefined) return roots[0];
  throw invalid(
    'body.ownerUnitId',
    'owner-required',
    'Hãy chọn đơn vị chủ trì kỳ đánh giá (ownerUnitId)',
    'Name the unit that runs the campaign (ownerUnitId)',
  );
}

/**
 * Creates a draft campaign at the owner unit, which must be an active office the caller manages
 * campaigns at; 409 `unit-moving` while the owner or a unit above it is being moved (it copies its path).
 */
export async function createCampaign(deps: CampaignDeps, caller: Caller, input: CreateCampaign): Promise<Campaign> {
  const ctx = caller.ctx;
  const ownerId = ownerIdOf(caller, input.ownerUnitId);
  const owner = await deps.units.get(ctx, ownerId);
  if (owner === null) throw new NotFoundError(unitEntity(ownerId));
  caller.authorize('campaign.manage', pathIds(owner.path), unitEntity(owner.id));
  if (!isOfficeKind(owner.kind) || owner.status !== 'active')
    throw invalid(
      'body.ownerUnitId',
      'not-an-active-office',
      'Kỳ đánh giá thuộc về một Sở hoặc Phòng đang hoạt động',
      'A campaign belongs to an active department or office',
    );
  const lineage = await settledLineage(deps.units, ctx, owner.path, 'body.ownerUnitId');
  const criteria = await resolveAssignments(deps.sets, ctx, input.criteria, 'body.criteria');
  const at = nowOf(deps).toISOString();
  const campaign: Campaign = {
    id: newId(),
    ownerUnitId: owner.id,
    ownerPath: owner.path,
    name: input.name,
    schoolYear: input.schoolYear,
    status: 'draft',
    criteria,
    deadlines: input.deadlines,
    recognition: input.recognition,
    version: 1,
    createdAt: at,
    updatedAt: at,
    openedAt: null,
    closedAt: null,
  };
  return deps.campaigns.insert(ctx, campaign, lineageGuards(lineage));
}

/** The campaigns the caller sees, newest school year first; optionally of one year or status. */
export async function listCampaigns(deps: CampaignDeps, caller: Caller, filter: { schoolYear?: string; status?: CampaignStatus }): Promise<Campaign[]> {
  const campaigns = await deps.campaigns.list(caller.ctx, filter.schoolYear);
  return campaigns
    .filter((campaign) => canReadCampaign(caller, campaign) && (filter.status === undefined || campaign.status === filter.status))
    .sort((a, b) => b.schoolYear.localeCompare(a.schoolYear) || a.createdAt.localeCompare(b.createdAt));
}

const LOCKED_WHILE_OPEN = ['name', 'schoolYear', 'criteria', 'recognition'] as const;

/**
 * Changes a campaign from the version the client read. A draft changes freely; an open campaign only
 * in its deadlines (schools are already filling forms of the versions it chose); a closed one not at all.
 */
export async function updateCampaign(deps: CampaignDeps, caller: Caller, campaignId: string, change: UpdateCampaign): Promise<Campaign> {
  const current = await requireCampaign(deps, caller, campaignId, 'campaign.manage');
  if (change.version !== current.version) throw new ConflictError(campaignEntity(current.id), current.version, 'stale');
  assertCampaignAllows(current, 'edit');
  if (current.status === 'open') {
    const locked = LOCKED_WHILE_OPEN.filter((field) => change[field] !== undefined);
    if (locked.length > 0)
      throw new StateConflictError(
        'locked-while-open',
        'Kỳ đánh giá đang diễn ra: chỉ được sửa các hạn',
        'The campaign is open: only its deadlines may change',
        locked.map((field) => ({
          path: `body.${field}`,
          code: 'locked-while-open',
          messageVi: `Không sửa được "${field}" khi kỳ đánh giá đang diễn ra`,
          messageEn: `"${field}" cannot change while the campaign is open`,
        })),
        current.version,
      );
  }
  const deadlines: Deadlines = { ...current.deadlines };
  for (const step of DEADLINE_STEPS) deadlines[step] = change.deadlines?.[step] ?? deadlines[step];
  const order = deadlineOrderIssues(deadlines);
  if (order.length > 0)
    throw new InvalidInputsError(
      order.map(({ step, previous }): ErrorDetail => {
        const { vi, en } = deadlineOrderMessage(step, previous);
        return { path: `body.deadlines.${step}`, code: 'deadline-order', messageVi: vi, messageEn: en };
      }),
    );
  const next: Campaign = {
    ...current,
    name: change.name ?? current.name,
    schoolYear: change.schoolYear ?? current.schoolYear,
    recognition: change.recognition ?? current.recognition,
    criteria: change.criteria === undefined ? current.criteria : await resolveAssignments(deps.sets, caller.ctx, change.criteria, 'body.criteria'),
    deadlines,
    updatedAt: nowOf(deps).toISOString(),
  };
  const { after } = campaignChanges(current, next);
  if (Object.keys(after).length === 0) return current;
  return deps.campaigns.update(caller.ctx, current, next, 'campaign.updated');
}

/**
 * Opens a draft: every chosen version must still be published. The campaign opens first, then the
 * submission of every school that takes part is created (33 to a transaction, each audited); a school
 * missed by an interrupted opening, or added later, joins on its first read.
 */
export async function openCampaign(deps: CampaignDeps & EnrolmentDeps, caller: Caller, campaignId: string, seen: number): Promise<{ campaign: Campaign; enrolled: number }> {
  const current = await requireCampaign(deps, caller, campaignId, 'campaign.manage');
  const status = nextCampaignStatus(current, 'open');
  if (seen !== current.version) throw new ConflictError(campaignEntity(current.id), current.version, 'stale');
  await assertStillPublished(deps.sets, caller.ctx, current);
  const at = nowOf(deps).toISOString();
  const planned = await planEnrolment(deps, caller.ctx, current, at);
  const campaign = await deps.campaigns.update(caller.ctx, current, { ...current, status, openedAt: at, updatedAt: at }, 'campaign.opened', {
    enrolling: planned.length,
  });
  const enrolled = await deps.submissions.insertMany(caller.ctx, planned);
  return { campaign, enrolled };
}

/** Closes an open campaign: submissions stay as they are and can no longer be edited or submitted. */
export async function closeCampaign(deps: CampaignDeps, caller: Caller, campaignId: string, seen: number): Promise<Campaign> {
  const current = await requireCampaign(deps, caller, campaignId, 'campaign.manage');
  const status = nextCampaignStatus(current, 'close');
  if (seen !== current.version) throw new ConflictError(campaignEntity(current.id), current.version, 'stale');
  const at = nowOf(deps).toISOString();
  return deps.campaigns.update(caller.ctx, current, { ...current, status, closedAt: at, updatedAt: at }, 'campaign.closed');
}

/**
 * Gives one unit of the campaign a later deadline of one step (self-assessment by default), or moves
 * the one it has. The unit must take part in the campaign; the day may not come before the campaign's
 * own deadline of that step. (For every unit at once, the owner moves the campaign's deadline instead.)
 */
export async function grantExtension(deps: CampaignDeps, caller: Caller, campaignId: string, input: GrantExtension): Promise<Extension> {
  const campaign = await requireCampaign(deps, caller, campaignId, 'campaign.manage');
  assertCampaignAllows(campaign, 'edit');
  const unit = await deps.units.get(caller.ctx, input.unitId);
  if (unit === null || !caller.reaches(pathIds(unit.path))) throw new NotFoundError(unitEntity(input.unitId));
  if (takesPart(campaign, unit) === null)
    throw invalid('body.unitId', 'not-in-campaign', `Đơn vị “${unit.name}” không tham gia kỳ đánh giá này`, `The unit "${unit.name}" does not take part in this campaign`);
  const own = campaign.deadlines[input.step];
  const label = DEADLINE_LABELS[input.step];
  if (input.until < own)
    throw invalid(
      'body.until',
      'before-deadline',
      `Ngày gia hạn phải từ hạn ${label.vi} của kỳ đánh giá (${own}) trở đi`,
      `An extension cannot end before the campaign's ${label.en} deadline (${own})`,
    );
  const current = await deps.campaigns.getExtension(caller.ctx, campaign.id, unit.id, input.step);
  // The reason is the one given with the latest grant: a new day without one leaves none.
  const reason = input.reason ?? null;
  if (current?.until === input.until && current.reason === reason) return current;
  return deps.campaigns.saveExtension(caller.ctx, campaign, { unitId: unit.id, step: input.step, until: input.until, reason }, current, nowOf(deps).toISOString());
}

/** The extensions granted in a campaign, for its managers. */
export async function listExtensions(deps: CampaignDeps, caller: Caller, campaignId: string): Promise<Extension[]> {
  const campaign = await requireCampaign(deps, caller, campaignId, 'campaign.manage');
  return deps.campaigns.listExtensions(caller.ctx, campaign.id);
}
