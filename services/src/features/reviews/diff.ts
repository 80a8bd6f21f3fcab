import type { Json } from '../../db/audit-event.ts';
import type { EvidenceItem, EvidenceMap, SubmissionContent } from '../submissions/schemas.ts';
import type { ChangesSinceReturn, ReturnSnapshot } from './schemas.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The keys of two maps whose values differ, in the order they first appear (before's, then after's new ones). */
function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((key) => !same(before[key], after[key]));
}

function evidenceChanges(before: EvidenceMap, after: EvidenceMap): ChangesSinceReturn['evidence'] {
  const changes: ChangesSinceReturn['evidence'] = [];
  for (const criterionId of [...new Set([...Object.keys(before), ...Object.keys(after)])]) {
    const was = before[criterionId] ?? {};
    const now = after[criterionId] ?? {};
    for (const slotId of changedKeys(was, now)) {
      const old = new Map((was[slotId] ?? []).map((item): [string, EvidenceItem] => [item.id, item]));
      const fresh = new Map((now[slotId] ?? []).map((item): [string, EvidenceItem] => [item.id, item]));
      const added = [...fresh.values()].filter((item) => !old.has(item.id));
      const removed = [...old.values()].filter((item) => !fresh.has(item.id));
      const changed = [...fresh.values()].flatMap((item) => {
        const previous = old.get(item.id);
        return previous === undefined || same(previous, item) ? [] : [{ before: previous, after: item }];
      });
      // A slot whose items only changed order has nothing to show.
      if (added.length + removed.length + changed.length > 0) changes.push({ criterionId, slotId, added, removed, changed });
    }
  }
  return changes;
}

/** What the school changed since the content was last returned: answers, points, evidence and comments, field by field. */
export function changesSince(snapshot: ReturnSnapshot, content: Pick<SubmissionContent, 'answers' | 'awards' | 'evidence' | 'comments'>): ChangesSinceReturn {
  const answer = (map: Record<string, Json>, id: string): Json => (Object.hasOwn(map, id) ? (map[id] ?? null) : null);
  const points = (map: Record<string, number>, id: string): number | null => map[id] ?? null;
  const text = (map: Record<string, string>, id: string): string | null => map[id] ?? null;
  return {
    returnedAt: snapshot.returnedAt,
    returnedBy: snapshot.returnedBy,
    comment: snapshot.comment,
    answers: changedKeys(snapshot.answers, content.answers).map((id) => ({ id, before: answer(snapshot.answers, id), after: answer(content.answers, id) })),
    awards: changedKeys(snapshot.awards, content.awards).map((id) => ({ id, before: points(snapshot.awards, id), after: points(content.awards, id) })),
    evidence: evidenceChanges(snapshot.evidence, content.evidence),
    comments: changedKeys(snapshot.comments, content.comments).map((criterionId) => ({
      criterionId,
      before: text(snapshot.comments, criterionId),
      after: text(content.comments, criterionId),
    })),
  };
}
