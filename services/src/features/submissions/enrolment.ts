import { isOfficeKind } from '../../auth/roles.ts';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { pathIds } from '../../auth/scope.ts';
import type { CriteriaSetRepository } from '../criteria-sets/repository.ts';
import { assignmentFor, pinnedDefinition } from '../campaigns/criteria.ts';
import type { Campaign, CriteriaAssignment } from '../campaigns/schemas.ts';
import type { UnitRepository } from '../units/repository.ts';
import type { Unit } from '../units/schemas.ts';
import type { StoredSubmission, SubmissionRepository } from './repository.ts';
import type { ScoreSummary } from './schemas.ts';
import { scoreContent, summaryOf } from './scoring.ts';

export interface EnrolmentDeps {
  sets: CriteriaSetRepository;
  units: UnitRepository;
  submissions: SubmissionRepository;
}

/**
 * Whether a unit takes part in a campaign: an active school in the owner's subtree (not the owner
 * itself) whose kind the campaign gives a criteria version. Units added after the campaign opened
 * take part too: they join on their first read or save.
 */
export function takesPart(campaign: Campaign, unit: Unit): CriteriaAssignment | null {
  if (unit.status !== 'active' || unit.id === campaign.ownerUnitId || isOfficeKind(unit.kind)) return null;
  if (!pathIds(unit.path).includes(campaign.ownerUnitId)) return null;
  return assignmentFor(campaign, unit.kind);
}

/**
 * The unit that recognises a school's level, by the campaign's rule: the owner itself, or the nearest
 * office above the school (its Phòng; the Sở for a unit straight under it), never above the owner.
 */
export function recogniserOf(campaign: Campaign, unit: Unit, unitOf: (id: string) => Unit | undefined): string {
  if (campaign.recognition.rule === 'owner') return campaign.ownerUnitId;
  const ancestors = pathIds(unit.path).slice(0, -1).reverse();
  for (const id of ancestors) {
    if (id === campaign.ownerUnitId) break;
    const ancestor = unitOf(id);
    if (ancestor !== undefined && isOfficeKind(ancestor.kind)) return id;
  }
  return campaign.ownerUnitId;
}

/** A new, empty submission of `unit`, pinned to `assignment`'s version. */
function newSubmission(campaign: Campaign, unit: Unit, assignment: CriteriaAssignment, recogniserUnitId: string, emptyScore: ScoreSummary, at: string): StoredSubmission {
  return {
    head: {
      campaignId: campaign.id,
      unitId: unit.id,
      unitPath: unit.path,
      unitKind: unit.kind,
      status: 'draft',
      criteria: { setKey: assignment.setKey, number: assignment.number, label: assignment.label, contentHash: assignment.contentHash },
      recogniserUnitId,
      score: emptyScore,
      startedAt: null,
      submittedAt: null,
      submittedBy: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    },
    content: { answers: {}, awards: {}, evidence: {}, comments: {}, version: 1, updatedAt: at },
  };
}

async function emptyScoreOf(deps: EnrolmentDeps, ctx: TenantContext, assignment: CriteriaAssignment): Promise<ScoreSummary> {
  const definition = await pinnedDefinition(deps.sets, ctx, assignment);
  return summaryOf(scoreContent(definition, { answers: {}, awards: {}, evidence: {} }));
}

/**
 * At opening: the submission of every unit that takes part, from one listing of the owner's subtree.
 * `insertMany` then writes them; should that stop halfway (a crash, a timeout), the units left out
 * still join on their first read, so nothing is lost.
 */
export async function planEnrolment(deps: EnrolmentDeps, ctx: TenantContext, campaign: Campaign, at: string): Promise<StoredSubmission[]> {
  const subtree = await deps.units.listSubtree(ctx, campaign.ownerPath);
  const byId = new Map(subtree.map((unit) => [unit.id, unit]));
  const empty = new Map<string, ScoreSummary>();
  for (const assignment of campaign.criteria) empty.set(`${assignment.setKey}@${assignment.number}`, await emptyScoreOf(deps, ctx, assignment));
  return subtree.flatMap((unit) => {
    const assignment = takesPart(campaign, unit);
    const score = assignment === null ? undefined : empty.get(`${assignment.setKey}@${assignment.number}`);
    if (assignment === null || score === undefined) return [];
    return [newSubmission(campaign, unit, assignment, recogniserOf(campaign, unit, (id) => byId.get(id)), score, at)];
  });
}

/**
 * The submission of a unit that takes part but has none yet (added after opening, or missed by an
 * interrupted opening): created now, audited. Null if the unit does not take part.
 */
export async function enrolLate(deps: EnrolmentDeps, ctx: TenantContext, campaign: Campaign, unit: Unit, at: string): Promise<StoredSubmission | null> {
  const assignment = takesPart(campaign, unit);
  if (assignment === null) return null;
  const ownerDepth = pathIds(campaign.ownerPath).length;
  const between = pathIds(unit.path).slice(ownerDepth, -1);
  const ancestors = await Promise.all(between.map((id) => deps.units.get(ctx, id)));
  const byId = new Map(ancestors.flatMap((ancestor): [string, Unit][] => (ancestor === null ? [] : [[ancestor.id, ancestor]])));
  const submission = newSubmission(campaign, unit, assignment, recogniserOf(campaign, unit, (id) => byId.get(id)), await emptyScoreOf(deps, ctx, assignment), at);
  if (await deps.submissions.insert(ctx, submission)) return submission;
  // Someone else's request created it a moment ago: theirs stands.
  return deps.submissions.get(ctx, campaign.id, unit.id);
}
