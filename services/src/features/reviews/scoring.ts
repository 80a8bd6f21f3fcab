import { type Definition, type ScoreResult, formatPath } from '@chiso/criteria';
import type { Json, Snapshot } from '../../db/audit-event.ts';
import { type ErrorDetail, InvalidInputsError } from '../../errors.ts';
import { scoreContent } from '../submissions/scoring.ts';
import type { SubmissionContent } from '../submissions/schemas.ts';
import type { PatchReview, ReviewState } from './schemas.ts';

type Content = Pick<SubmissionContent, 'answers' | 'awards' | 'evidence'>;
type ReviewPoints = Pick<ReviewState, 'awards' | 'comments'>;

/**
 * The reviewer's score: the school's answers and evidence, with the reviewer's own points where it gave
 * them and the school's elsewhere (an indicator the reviewer leaves alone is one it agrees with).
 */
export function scoreReview(definition: Definition, content: Content, reviewAwards: Record<string, number>): ScoreResult {
  return scoreContent(definition, { answers: content.answers, awards: { ...content.awards, ...reviewAwards }, evidence: content.evidence });
}

interface IndicatorInfo {
  criterionId: string;
  awardable: boolean;
}

function indicatorsOf(definition: Definition): Map<string, IndicatorInfo> {
  const indicators = new Map<string, IndicatorInfo>();
  for (const group of definition.groups)
    for (const criterion of group.criteria)
      for (const indicator of criterion.indicators)
        indicators.set(indicator.id, { criterionId: criterion.id, awardable: indicator.scoring === 'awarded' && indicator.max > 0 });
  return indicators;
}

function criteriaOf(definition: Definition): Set<string> {
  return new Set(definition.groups.flatMap((group) => group.criteria.map((criterion) => criterion.id)));
}

const at = (...path: string[]) => formatPath(['body', ...path]);

/** Ids the reviewer may not name: not in the pinned definition, or indicators that take no awarded points. */
function refusedIds(definition: Definition, patch: PatchReview): ErrorDetail[] {
  const indicators = indicatorsOf(definition);
  const criteria = criteriaOf(definition);
  const problems: ErrorDetail[] = [];
  for (const id of Object.keys(patch.awards ?? {})) {
    const indicator = indicators.get(id);
    if (indicator === undefined)
      problems.push({ path: at('awards', id), code: 'unknown-id', messageVi: `Chỉ số "${id}" không có trong bộ chỉ số của hồ sơ`, messageEn: `Indicator "${id}" is not in the submission's criteria set` });
    else if (!indicator.awardable)
      problems.push({
        path: at('awards', id),
        code: 'not-awarded',
        messageVi: `Chỉ số ${id} không chấm điểm (tính tự động hoặc là điều kiện bắt buộc)`,
        messageEn: `Indicator ${id} takes no awarded points (it is automatic or a mandatory condition)`,
      });
  }
  for (const id of Object.keys(patch.comments ?? {}))
    if (!criteria.has(id))
      problems.push({ path: at('comments', id), code: 'unknown-id', messageVi: `Tiêu chí "${id}" không có trong bộ chỉ số của hồ sơ`, messageEn: `Criterion "${id}" is not in the submission's criteria set` });
  return problems;
}

function merge<T extends Json>(current: Record<string, T>, changes: Record<string, T | null> | undefined, before: Snapshot, after: Snapshot): Record<string, T> {
  const next = { ...current };
  for (const [key, value] of Object.entries(changes ?? {})) {
    const old = Object.hasOwn(current, key) ? current[key] : undefined;
    if (value === null) delete next[key];
    else next[key] = value;
    if (JSON.stringify(old ?? null) === JSON.stringify(value)) continue;
    before[key] = old ?? null;
    after[key] = value;
  }
  return next;
}

export interface AppliedReview extends ReviewPoints {
  score: ScoreResult;
  before: Snapshot;
  after: Snapshot;
  changed: boolean;
}

/**
 * Applies the reviewer's change to its own points and comments and scores the result. Refused (400,
 * nothing written) when it names an unknown id, or gives an award the core refuses: above the cap the
 * school's answers allow on the pinned definition, negative, off the award step.
 */
export function applyReviewChange(definition: Definition, content: Content, current: ReviewPoints, patch: PatchReview): AppliedReview {
  const refused = refusedIds(definition, patch);
  if (refused.length > 0) throw new InvalidInputsError(refused);

  const was: { awards: Snapshot; comments: Snapshot } = { awards: {}, comments: {} };
  const now: { awards: Snapshot; comments: Snapshot } = { awards: {}, comments: {} };
  const awards = merge(current.awards, patch.awards, was.awards, now.awards);
  const comments = merge(current.comments, patch.comments, was.comments, now.comments);
  const score = scoreReview(definition, content, awards);

  const given = new Set(Object.entries(patch.awards ?? {}).flatMap(([id, points]) => (points === null ? [] : [id])));
  const invalid = score.invalid.filter((problem) => problem.severity === 'error' && problem.path[0] === 'awards' && given.has(String(problem.path[1])));
  if (invalid.length > 0)
    throw new InvalidInputsError(
      invalid.map((problem) => ({ path: formatPath(['body', ...problem.path]), code: problem.code, messageVi: problem.message.vi, messageEn: problem.message.en ?? problem.message.vi })),
    );

  const before: Snapshot = {};
  const after: Snapshot = {};
  for (const part of ['awards', 'comments'] as const) {
    if (Object.keys(now[part]).length === 0) continue;
    before[part] = was[part];
    after[part] = now[part];
  }
  const changed = Object.keys(after).length > 0;
  if (changed && Object.keys(now.awards).length > 0) {
    const previous = scoreReview(definition, content, current.awards);
    before.reviewTotal = previous.total;
    before.reviewOverallLevel = previous.overallLevel;
    after.reviewTotal = score.total;
    after.reviewOverallLevel = score.overallLevel;
  }
  return { awards, comments, score, before, after, changed };
}

/** The reviewer's problems that block accepting: what is missing or invalid in its score. */
export function blockingProblems(score: ScoreResult): ErrorDetail[] {
  return [...score.missing, ...score.invalid.filter((problem) => problem.severity === 'error')].map((problem) => ({
    path: formatPath(problem.path),
    code: problem.code,
    messageVi: problem.message.vi,
    messageEn: problem.message.en ?? problem.message.vi,
  }));
}
