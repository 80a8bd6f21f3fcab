import type { Caller } from '../../auth/caller.ts';
import { pathIds } from '../../auth/scope.ts';
import { deadlineOf, endOfDay, isPastSelfAssessment, selfAssessmentDeadline, stepAwaited } from '../campaigns/deadlines.ts';
import type { Campaign, Extension } from '../campaigns/schemas.ts';
import { requireCampaign } from '../campaigns/use-cases.ts';
import type { Unit } from '../units/schemas.ts';
import { takesPart } from './enrolment.ts';
import { officesOf } from './offices.ts';
import type { LevelSummary, Progress, ProgressLevels, ProgressQuery, ProgressRow, ProgressStatus, ScoreSummary, SubmissionHead } from './schemas.ts';
import type { SubmissionDeps } from './use-cases.ts';

/**
 * The subtrees whose units the caller may see in this campaign: each of its `submission.read` scope
 * roots inside the owner's subtree, or the owner's whole subtree for a root at or above the owner.
 */
function visiblePaths(caller: Caller, campaign: Campaign): string[] {
  const ownerIds = pathIds(campaign.ownerPath);
  const paths = new Set<string>();
  for (const root of caller.scopeRoots('submission.read')) {
    const rootPath = caller.grants.find((grant) => grant.unitId === root)?.unitPath ?? [root];
    if (rootPath.includes(campaign.ownerUnitId)) paths.add(`${rootPath.join('/')}/`);
    else if (ownerIds.includes(root)) paths.add(campaign.ownerPath);
  }
  // With the owner's subtree in, nothing under it needs listing twice.
  return paths.has(campaign.ownerPath) ? [campaign.ownerPath] : [...paths];
}

/** Where a unit stands: its submission's status, `not-started` before any change, `overdue` once late. */
function progressStatus(campaign: Campaign, head: SubmissionHead | undefined, extension: Extension | null, now: Date): ProgressStatus {
  const status: ProgressStatus = head === undefined || (head.status === 'draft' && head.startedAt === null) ? 'not-started' : head.status;
  if ((status === 'not-started' || status === 'draft') && isPastSelfAssessment(campaign, extension, now)) return 'overdue';
  return status;
}

const levelsOf = (score: ScoreSummary): LevelSummary => ({ total: score.total, overallLevel: score.overallLevel, groups: score.groups.map((group) => ({ ...group })) });

/** The recognised levels with their decision, the groups in the definition's order (as the school's score lists them). */
function recognisedLevels(head: SubmissionHead): ProgressLevels['recognised'] {
  const { recognition } = head;
  if (recognition === null) return null;
  const order = new Set([...head.score.groups.map((group) => group.id), ...Object.keys(recognition.levels.groups)]);
  return {
    total: recognition.points.total,
    overallLevel: recognition.levels.overall,
    groups: [...order].flatMap((id) => {
      const level = recognition.levels.groups[id];
      return level === undefined ? [] : [{ id, points: recognition.points.groups[id] ?? 0, level }];
    }),
    decision: { ...recognition.decision },
  };
}

/**
 * The levels a head records at each stage: the school's own once it has started, the reviewer's once
 * review began (kept through a return), the recognised ones. Each is written on the head by the step
 * that changes it, in that step's transaction, so a listing reads heads only, never a submission's content.
 */
function levelsAt(head: SubmissionHead | undefined): ProgressLevels {
  if (head === undefined) return { self: null, review: null, recognised: null };
  return {
    self: head.startedAt === null ? null : levelsOf(head.score),
    review: head.reviewScore === null ? null : levelsOf(head.reviewScore),
    recognised: recognisedLevels(head),
  };
}

/**
 * Every unit of the campaign in the caller's scope with its office, status, points and levels; counts per
 * status (after the kind and office filters, before the status filter, so a screen can show every tab). A school
 * added after opening is listed as not started: it joins on its first read. A province has a few
 * thousand schools, so the whole scope is read and filtered here rather than paged.
 */
export async function campaignProgress(deps: SubmissionDeps, caller: Caller, campaignId: string, filter: ProgressQuery): Promise<Progress> {
  const campaign = await requireCampaign(deps, caller, campaignId, 'campaign.read');
  const ctx = caller.ctx;
  const paths = visiblePaths(caller, campaign);
  const [units, heads, extensions] = await Promise.all([
    Promise.all(paths.map((path) => deps.units.listSubtree(ctx, path))).then((lists) => lists.flat()),
    Promise.all(paths.map((path) => deps.submissions.listUnder(ctx, campaign.id, path))).then((lists) => lists.flat()),
    deps.campaigns.listExtensions(ctx, campaign.id),
  ]);
  const now = (deps.now ?? (() => new Date()))();
  const unitById = new Map<string, Unit>(units.map((unit) => [unit.id, unit]));
  const headByUnit = new Map(heads.map((head) => [head.unitId, head]));
  // The status `overdue` is about the school's own deadline; `nextDeadline` is the step the unit waits on,
  // with that step's extension, so offices see their own lateness too.
  const extensionByStep = new Map(extensions.map((extension) => [`${extension.unitId}#${extension.step ?? 'selfAssessment'}`, extension]));
  const extensionOf = (unitId: string, step: string) => extensionByStep.get(`${unitId}#${step}`) ?? null;
  const nextDeadline = (unitId: string, status: ProgressStatus): ProgressRow['nextDeadline'] => {
    const step = stepAwaited(status);
    if (step === null) return null;
    const applies = deadlineOf(campaign, step, extensionOf(unitId, step));
    return { step, applies, passed: now.getTime() > endOfDay(applies) };
  };

  const pathOf = (unitId: string) => unitById.get(unitId)?.path ?? headByUnit.get(unitId)?.unitPath ?? '';
  const notStarted = units.filter((unit) => !headByUnit.has(unit.id) && takesPart(campaign, unit) !== null);
  const officeOf = await officesOf(deps.units, ctx, [...heads.map((head) => pathOf(head.unitId)), ...notStarted.map((unit) => unit.path)], unitById);

  const rows: ProgressRow[] = [];
  const row = (unitId: string, head: SubmissionHead | undefined, unit: Unit | undefined, criteria: { setKey: string; number: number }, kind: Unit['kind']): ProgressRow => {
    const extension = extensionOf(unitId, 'selfAssessment');
    const status = progressStatus(campaign, head, extension, now);
    const unitPath = pathOf(unitId);
    return {
      unitId,
      unitName: unit?.name ?? unitId,
      unitKind: kind,
      unitPath,
      office: officeOf(unitPath),
      status,
      criteria,
      score: head?.score ?? null,
      levels: levelsAt(head),
      deadline: selfAssessmentDeadline(campaign, extension),
      nextDeadline: nextDeadline(unitId, status),
      submittedAt: head?.submittedAt ?? null,
      updatedAt: head?.updatedAt ?? null,
    };
  };
  for (const head of heads) rows.push(row(head.unitId, head, unitById.get(head.unitId), head.criteria, head.unitKind));
  for (const unit of notStarted) {
    const assignment = takesPart(campaign, unit);
    if (assignment !== null) rows.push(row(unit.id, undefined, unit, assignment, unit.kind));
  }

  const narrowed = rows.filter((r) => (filter.kind === undefined || r.unitKind === filter.kind) && (filter.officeId === undefined || r.office?.id === filter.officeId));
  const counts: Record<ProgressStatus, number> = {
    'not-started': 0,
    draft: 0,
    overdue: 0,
    submitted: 0,
    'in-review': 0,
    returned: 0,
    accepted: 0,
    recognised: 0,
    published: 0,
  };
  for (const r of narrowed) counts[r.status] += 1;
  const items = (filter.status === undefined ? narrowed : narrowed.filter((r) => r.status === filter.status)).sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
  return { campaignId: campaign.id, counts, total: narrowed.length, items };
}
