import { isOfficeKind } from '../../auth/roles.ts';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { pathIds } from '../../auth/scope.ts';
import type { CriteriaSetRepository } from '../criteria-sets/repository.ts';
import { assignmentFor, pinnedDefinition } from '../campaigns/criteria.ts';
import type { Campaign, CriteriaAssignment } from '../campaigns/schemas.ts';
import { assertSubtreeSettled, lineageGuards, settledLineage } from '../units/move-guard.ts';
import type { UnitRepository } from '../units/repository.ts';
import type { Unit } from '../units/schemas.ts';
import type { PlannedSubmission, StoredSubmission, SubmissionRepository } from './repository.ts';
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
export function recogniserOf(
  campaign: Pick<Campaign, 'recognition' | 'ownerUnitId'>,
  unit: Pick<Unit, 'path'>,
  unitOf: (id: string) => Pick<Unit, 'kind'> | undefined,
): string {
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
      reviewScore: null,
      recognition: null,
      publishedAt: null,
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
 * still join on their first read, so nothing is lost. Refused (409 `unit-moving`) while a move is
 * under way in or above the owner's subtree; each submission is conditioned on the versions of the
 * units whose path it copies (units/move-guard.ts), so a move marked meanwhile makes it wait to join late.
 */
export async function planEnrolment(deps: EnrolmentDeps, ctx: TenantContext, campaign: Campaign, at: string): Promise<PlannedSubmission[]> {
  const ownerLine = await settledLineage(deps.units, ctx, campaign.ownerPath, 'params.campaignId');
  const subtree = await deps.units.listSubtree(ctx, campaign.ownerPath);
  assertSubtreeSettled(subtree, ownerLine.at(-1) ?? { id: campaign.ownerUnitId, name: campaign.name }, 'params.campaignId');
  const byId = new Map(subtree.map((unit) => [unit.id, unit]));
  const ownerDepth = pathIds(campaign.ownerPath).length;
  const guardsOf = (unit: Unit) => [
    ...lineageGuards(ownerLine),
    ...lineageGuards(pathIds(unit.path).slice(ownerDepth).flatMap((id) => byId.get(id) ?? [])),
  ];
  const empty = new Map<string, ScoreSummary>();
  for (const assignment of campaign.criteria) empty.set(`${assignment.setKey}@${assignment.number}`, await emptyScoreOf(deps, ctx, assignment));
  return subtree.flatMap((unit) => {
    const assignment = takesPart(campaign, unit);
    const score = assignment === null ? undefined : empty.get(`${assignment.setKey}@${assignment.number}`);
    if (assignment === null || score === undefined) return [];
    return [{ submission: newSubmission(campaign, unit, assignment, recogniserOf(campaign, unit, (id) => byId.get(id)), score, at), guards: guardsOf(unit) }];
  });
}

/**
 * The submission of a unit that takes part but has none yet (added after opening, or missed by an
 * interrupted opening): created now, audited, on condition of the versions of the unit and the units
 * above it. Null if the unit does not take part; 409 `unit-moving` while it or a unit above is moved.
 */
export async function enrolLate(deps: EnrolmentDeps, ctx: TenantContext, campaign: Campaign, unit: Unit, at: string): Promise<StoredSubmission | null> {
  const assignment = takesPart(campaign, unit);
  if (assignment === null) return null;
  const lineage = await settledLineage(deps.units, ctx, unit.path, 'params.unitId');
  const byId = new Map(lineage.map((member) => [member.id, member]));
  const submission = newSubmission(campaign, unit, assignment, recogniserOf(campaign, unit, (id) => byId.get(id)), await emptyScoreOf(deps, ctx, assignment), at);
  if (await deps.submissions.insert(ctx, submission, lineageGuards(lineage))) return submission;
  // Someone else's request created it a moment ago: theirs stands.
  return deps.submissions.get(ctx, campaign.id, unit.id);
}
