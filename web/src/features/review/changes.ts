import type { Definition, Field } from '@chiso/criteria';
import type { ChangesSinceReturn, EvidenceItem } from './api.ts';

/** One thing the school changed since the return, placed on the criterion (and indicator) it belongs to. */
export interface ChangeMark {
  kind: 'answer' | 'award' | 'evidence' | 'comment';
  /** The field, indicator, slot or criterion id. */
  id: string;
  criterionId: string;
  indicatorId: string | null;
  field: Field | null;
  before: unknown;
  after: unknown;
}

export interface ChangeIndex {
  all: ChangeMark[];
  byCriterion: Map<string, ChangeMark[]>;
  indicators: Set<string>;
}

interface Place {
  criterionId: string;
  indicatorId: string;
  field: Field | null;
}

function places(definition: Definition): { fields: Map<string, Place>; indicators: Map<string, Place> } {
  const fields = new Map<string, Place>();
  const indicators = new Map<string, Place>();
  for (const group of definition.groups)
    for (const criterion of group.criteria)
      for (const indicator of criterion.indicators) {
        indicators.set(indicator.id, { criterionId: criterion.id, indicatorId: indicator.id, field: null });
        for (const field of indicator.fields) fields.set(field.id, { criterionId: criterion.id, indicatorId: indicator.id, field });
      }
  return { fields, indicators };
}

const itemText = (item: EvidenceItem): string => (item.kind === 'link' ? item.url : item.name);

export const NO_CHANGES: ChangeIndex = { all: [], byCriterion: new Map(), indicators: new Set() };

/**
 * The API's "what changed since the return" laid onto the definition, so each criterion and indicator can
 * show its own changes. Ids the definition does not know are kept (under their own id), never dropped.
 */
export function indexChanges(definition: Definition, changes: ChangesSinceReturn | null): ChangeIndex {
  const all: ChangeMark[] = [];
  if (changes !== null) {
    const { fields, indicators } = places(definition);
    for (const change of changes.answers) {
      const place = fields.get(change.id);
      all.push({ kind: 'answer', id: change.id, criterionId: place?.criterionId ?? '', indicatorId: place?.indicatorId ?? null, field: place?.field ?? null, before: change.before, after: change.after });
    }
    for (const change of changes.awards) {
      const place = indicators.get(change.id);
      all.push({ kind: 'award', id: change.id, criterionId: place?.criterionId ?? '', indicatorId: change.id, field: null, before: change.before, after: change.after });
    }
    for (const change of changes.evidence)
      all.push({
        kind: 'evidence',
        id: change.slotId,
        criterionId: change.criterionId,
        indicatorId: null,
        field: null,
        before: [...change.removed, ...change.changed.map((pair) => pair.before)].map(itemText),
        after: [...change.added, ...change.changed.map((pair) => pair.after)].map(itemText),
      });
    for (const change of changes.comments)
      all.push({ kind: 'comment', id: change.criterionId, criterionId: change.criterionId, indicatorId: null, field: null, before: change.before, after: change.after });
  }
  const byCriterion = new Map<string, ChangeMark[]>();
  for (const mark of all) byCriterion.set(mark.criterionId, [...(byCriterion.get(mark.criterionId) ?? []), mark]);
  const indicators = new Set(all.flatMap((mark) => (mark.indicatorId === null ? [] : [mark.indicatorId])));
  return { all, byCriterion, indicators };
}
