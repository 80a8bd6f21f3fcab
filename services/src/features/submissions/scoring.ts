import { type Definition, type EvidenceCounts, type ScoreResult, scoreSubmission } from '@chiso/criteria';
import type { EvidenceMap, ScoreSummary, SubmissionContent } from './schemas.ts';

/** How many items each evidence slot holds: what the core checks required evidence with. */
export function evidenceCounts(evidence: EvidenceMap): EvidenceCounts {
  return Object.fromEntries(
    Object.entries(evidence).map(([criterionId, slots]) => [criterionId, Object.fromEntries(Object.entries(slots).map(([slotId, items]) => [slotId, items.length]))]),
  );
}

/** The score of a submission's content on its pinned definition, with its evidence counted. */
export function scoreContent(definition: Definition, content: Pick<SubmissionContent, 'answers' | 'awards' | 'evidence'>): ScoreResult {
  return scoreSubmission(definition, content.answers, content.awards, { evidence: evidenceCounts(content.evidence) });
}

/** What the head keeps of a score, for listings and reports. */
export function summaryOf(score: ScoreResult): ScoreSummary {
  return {
    total: score.total,
    overallLevel: score.overallLevel,
    complete: score.complete,
    groups: score.groups.map((group) => ({ id: group.id, points: group.points, level: group.level })),
  };
}
