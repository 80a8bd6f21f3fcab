import { type Definition, type Problem, type ScoreResult, formatPath } from '@chiso/criteria';
import type { Json, Snapshot } from '../../db/audit-event.ts';
import { type ErrorDetail, InvalidInputsError } from '../../errors.ts';
import type { EvidenceItem, EvidenceMap, PatchSubmission, SubmissionContent } from './schemas.ts';
import { scoreContent } from './scoring.ts';

/** What a definition lets a submission name: its field ids, indicator ids, and criteria with their evidence slots. */
interface DefinitionIds {
  fields: Set<string>;
  indicators: Set<string>;
  criteria: Map<string, Set<string>>;
}

const idsCache = new WeakMap<Definition, DefinitionIds>();

function idsOf(definition: Definition): DefinitionIds {
  const cached = idsCache.get(definition);
  if (cached !== undefined) return cached;
  const ids: DefinitionIds = { fields: new Set(), indicators: new Set(), criteria: new Map() };
  for (const group of definition.groups)
    for (const criterion of group.criteria) {
      ids.criteria.set(criterion.id, new Set(criterion.evidence.map((slot) => slot.id)));
      for (const indicator of criterion.indicators) {
        ids.indicators.add(indicator.id);
        for (const field of indicator.fields) ids.fields.add(field.id);
      }
    }
  idsCache.set(definition, ids);
  return ids;
}

// A submission's content lives in one item; DynamoDB's limit is 400 KB, and the audit event copies changes.
const MAX_CONTENT_CHARS = 300_000;

/** Items in one evidence slot, links and files together. */
export const MAX_EVIDENCE_PER_SLOT = 20;

const at = (...path: (string | number)[]) => formatPath(['body', ...path]);

function unknownIds(definition: Definition, patch: PatchSubmission, current: EvidenceMap): ErrorDetail[] {
  const ids = idsOf(definition);
  const problems: ErrorDetail[] = [];
  const unknown = (path: string, what: { vi: string; en: string }, id: string) =>
    problems.push({ path, code: 'unknown-id', messageVi: `${what.vi} "${id}" không có trong bộ chỉ số của hồ sơ`, messageEn: `${what.en} "${id}" is not in the submission's criteria set` });
  for (const id of Object.keys(patch.answers ?? {})) if (!ids.fields.has(id)) unknown(at('answers', id), { vi: 'Trường', en: 'Field' }, id);
  for (const id of Object.keys(patch.awards ?? {})) if (!ids.indicators.has(id)) unknown(at('awards', id), { vi: 'Chỉ số', en: 'Indicator' }, id);
  for (const id of Object.keys(patch.comments ?? {})) if (!ids.criteria.has(id)) unknown(at('comments', id), { vi: 'Tiêu chí', en: 'Criterion' }, id);
  for (const [criterionId, slots] of Object.entries(patch.evidence ?? {})) {
    const known = ids.criteria.get(criterionId);
    if (known === undefined) {
      unknown(at('evidence', criterionId), { vi: 'Tiêu chí', en: 'Criterion' }, criterionId);
      continue;
    }
    for (const [slotId, items] of Object.entries(slots)) {
      if (!known.has(slotId)) {
        unknown(at('evidence', criterionId, slotId), { vi: `Ô minh chứng của tiêu chí ${criterionId}`, en: `Evidence slot of criterion ${criterionId}` }, slotId);
        continue;
      }
      // Only links are edited here: an id naming a file would turn it into a link and orphan its object.
      const existing = new Set((current[criterionId]?.[slotId] ?? []).filter((item) => item.kind === 'link').map((item) => item.id));
      (items ?? []).forEach((item, i) => {
        if (item.id !== undefined && !existing.has(item.id))
          problems.push({
            path: at('evidence', criterionId, slotId, i, 'id'),
            code: 'unknown-evidence',
            messageVi: `Không có minh chứng "${item.id}" ở ô này; bỏ id để thêm minh chứng mới`,
            messageEn: `There is no evidence "${item.id}" in this slot; leave out the id to add a new item`,
          });
      });
    }
  }
  return problems;
}

/** Problems that make an input unacceptable, keyed by where and what, to compare before and after. */
function inputProblems(score: ScoreResult): Map<string, Problem> {
  const problems = new Map<string, Problem>();
  for (const problem of score.invalid) {
    const root = problem.path[0];
    if (problem.severity !== 'error' || (root !== 'answers' && root !== 'awards' && root !== 'evidence')) continue;
    problems.set(`${formatPath(problem.path)}|${problem.code}`, problem);
  }
  return problems;
}

/** The outcome of a change: the new content, its score, and what changed (before → after) for the audit log. */
export interface AppliedChange {
  content: Omit<SubmissionContent, 'version'>;
  score: ScoreResult;
  before: Snapshot;
  after: Snapshot;
  changed: boolean;
}

function mergeMap<T extends Json>(
  current: Record<string, T>,
  changes: Record<string, T | null> | undefined,
  before: Record<string, Json>,
  after: Record<string, Json>,
): Record<string, T> {
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

function mergeEvidence(current: EvidenceMap, changes: PatchSubmission['evidence'], stamp: { at: string; by: string; newId: () => string }, before: Snapshot, after: Snapshot): EvidenceMap {
  const next: EvidenceMap = { ...current };
  for (const [criterionId, slots] of Object.entries(changes ?? {})) {
    const criterion = { ...(next[criterionId] ?? {}) };
    for (const [slotId, inputs] of Object.entries(slots)) {
      const old = criterion[slotId] ?? [];
      const byId = new Map(old.map((item) => [item.id, item]));
      const links: EvidenceItem[] = (inputs ?? []).map((input) => {
        const kept = input.id === undefined ? undefined : byId.get(input.id);
        return { id: kept?.id ?? stamp.newId(), kind: input.kind, url: input.url, label: input.label, addedAt: kept?.addedAt ?? stamp.at, addedBy: kept?.addedBy ?? stamp.by };
      });
      const items = [...links, ...old.filter((item) => item.kind === 'file')];
      if (items.length > MAX_EVIDENCE_PER_SLOT)
        throw new InvalidInputsError([
          {
            path: at('evidence', criterionId, slotId),
            code: 'too-much-evidence',
            messageVi: `Mỗi ô minh chứng có tối đa ${MAX_EVIDENCE_PER_SLOT} mục, kể cả các tệp đã đính kèm`,
            messageEn: `An evidence slot holds at most ${MAX_EVIDENCE_PER_SLOT} items, attached files included`,
          },
        ]);
      if (items.length === 0) delete criterion[slotId];
      else criterion[slotId] = items;
      const shape = (list: EvidenceItem[]): Json =>
        list.map((item): Json => (item.kind === 'link' ? { id: item.id, kind: item.kind, url: item.url, label: item.label } : { id: item.id, kind: item.kind, name: item.name, sha256: item.sha256 }));
      if (JSON.stringify(shape(old)) === JSON.stringify(shape(items))) continue;
      before[`${criterionId}/${slotId}`] = shape(old);
      after[`${criterionId}/${slotId}`] = shape(items);
    }
    if (Object.keys(criterion).length === 0) delete next[criterionId];
    else next[criterionId] = criterion;
  }
  return next;
}

/**
 * Applies an incremental change to a submission's content and scores the result on the pinned
 * definition. Refused (400, nothing written) when it names an id the definition does not have, or when
 * the core finds an answer or award it introduces invalid (a wrong type, a negative count, a numerator
 * above its denominator, an award above its cap or below zero). Problems already there before are not
 * the change's fault and do not block it; missing answers are fine in a draft.
 */
export function applyChange(
  definition: Definition,
  current: SubmissionContent,
  patch: PatchSubmission,
  stamp: { at: string; by: string; newId: () => string },
): AppliedChange {
  const unknown = unknownIds(definition, patch, current.evidence);
  if (unknown.length > 0) throw new InvalidInputsError(unknown);

  type Part = 'answers' | 'awards' | 'evidence' | 'comments';
  const parts: Record<Part, Snapshot> = { answers: {}, awards: {}, evidence: {}, comments: {} };
  const was: Record<Part, Snapshot> = { answers: {}, awards: {}, evidence: {}, comments: {} };
  const answers = mergeMap(current.answers, patch.answers, was.answers, parts.answers);
  const awards = mergeMap(current.awards, patch.awards, was.awards, parts.awards);
  const evidence = mergeEvidence(current.evidence, patch.evidence, stamp, was.evidence, parts.evidence);
  const comments = mergeMap(current.comments, patch.comments, was.comments, parts.comments);
  const content = { answers, awards, evidence, comments, updatedAt: stamp.at };

  const previous = scoreContent(definition, current);
  const score = scoreContent(definition, content);
  const old = inputProblems(previous);
  const introduced = [...inputProblems(score)].filter(([key]) => !old.has(key)).map(([, problem]) => problem);
  if (introduced.length > 0)
    throw new InvalidInputsError(
      introduced.map((problem) => ({
        path: formatPath(['body', ...problem.path]),
        code: problem.code,
        messageVi: problem.message.vi,
        messageEn: problem.message.en ?? problem.message.vi,
      })),
    );
  if (JSON.stringify(content).length > MAX_CONTENT_CHARS)
    throw new InvalidInputsError([
      { path: 'body', code: 'submission-too-large', messageVi: 'Hồ sơ quá lớn; hãy rút gọn minh chứng hoặc nhận xét', messageEn: 'The submission is too large; shorten its evidence or comments' },
    ]);

  const before: Snapshot = {};
  const after: Snapshot = {};
  for (const key of ['answers', 'awards', 'evidence', 'comments'] as const) {
    if (Object.keys(parts[key]).length === 0) continue;
    before[key] = was[key];
    after[key] = parts[key];
  }
  const changed = Object.keys(after).length > 0;
  if (changed && (previous.total !== score.total || previous.overallLevel !== score.overallLevel)) {
    before.total = previous.total;
    before.overallLevel = previous.overallLevel;
    after.total = score.total;
    after.overallLevel = score.overallLevel;
  }
  return { content, score, before, after, changed };
}
