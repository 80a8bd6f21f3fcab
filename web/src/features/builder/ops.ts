import { type Criterion, DEFAULT_MANDATORY_EFFECT, type Definition, type EvidenceSlot, type Field, type FieldKind, type Group, type Indicator, type Option } from '@chiso/criteria';

/**
 * The editor's pure operations on a definition: every edit makes a new value (the old one is the undo
 * and the diff's "before"), lists are changed by position, and new items get ids no other item has.
 */

/** The list with the item at `index` moved one place up (-1) or down (+1); unchanged at an end. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const copy = [...list];
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return copy;
  const [item] = copy.splice(index, 1);
  if (item !== undefined) copy.splice(target, 0, item);
  return copy;
}

export function removeItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, at) => at !== index);
}

export function replaceItem<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((current, at) => (at === index ? item : current));
}

/** The list with `item` added at its end. */
export function appendItem<T>(list: readonly T[], item: T): T[] {
  return [...list, item];
}

function itemIds(definition: Definition): Set<string> {
  const ids = new Set<string>();
  for (const group of definition.groups) {
    ids.add(`g:${group.id}`);
    for (const criterion of group.criteria) {
      ids.add(`c:${criterion.id}`);
      for (const indicator of criterion.indicators) {
        ids.add(`i:${indicator.id}`);
        for (const field of indicator.fields) ids.add(`f:${field.id}`);
      }
    }
  }
  return ids;
}

/** The first of `candidates(1)`, `candidates(2)`, … that `taken` does not hold. */
function firstFree(taken: (id: string) => boolean, candidate: (n: number) => string): string {
  for (let n = 1; ; n += 1) if (!taken(candidate(n))) return candidate(n);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function newGroup(definition: Definition): Group {
  const ids = itemIds(definition);
  const id = firstFree((x) => ids.has(`g:${x}`), String);
  return {
    id,
    title: { vi: `Nhóm tiêu chí ${id}` },
    max: 100,
    bands: [
      { level: 1, max: 50, minInclusive: true, maxInclusive: false },
      { level: 2, min: 50, max: 75, minInclusive: true, maxInclusive: true },
      { level: 3, min: 75, minInclusive: false, maxInclusive: false },
    ],
    criteria: [newCriterionWithId(firstFree((x) => ids.has(`c:${x}`), (n) => `${id}.${n}`))],
    mandatoryEffect: DEFAULT_MANDATORY_EFFECT,
  };
}

function newCriterionWithId(id: string): Criterion {
  return { id, kind: 'scored', title: { vi: `Tiêu chí ${id}` }, max: 10, bands: [{ level: 1, minInclusive: true, maxInclusive: false }], indicators: [], evidence: [] };
}

export function newCriterion(definition: Definition, group: Group): Criterion {
  const ids = itemIds(definition);
  return newCriterionWithId(firstFree((x) => ids.has(`c:${x}`), (n) => `${group.id}.${n}`));
}

export function newIndicator(definition: Definition, criterion: Criterion): Indicator {
  const ids = itemIds(definition);
  const id = firstFree((x) => ids.has(`i:${x}`), (n) => `${criterion.id}${n <= LETTERS.length ? LETTERS[n - 1] : `_${n}`}`);
  return { id, title: { vi: `Chỉ số ${id}` }, fields: [], max: 0, scoring: 'awarded', validations: [] };
}

export function newField(definition: Definition): Field {
  const ids = itemIds(definition);
  const id = firstFree((x) => ids.has(`f:${x}`), (n) => `truong_${n}`);
  return { id, kind: 'boolean', label: { vi: 'Câu hỏi mới' }, required: true };
}

export function newOption(options: readonly Option[]): Option {
  const value = firstFree((x) => options.some((option) => option.value === x), (n) => `lua_chon_${n}`);
  return { value, label: { vi: `Lựa chọn ${options.length + 1}` } };
}

export function newEvidence(criterion: Criterion): EvidenceSlot {
  const id = firstFree((x) => criterion.evidence.some((slot) => slot.id === x), (n) => `minh_chung_${n}`);
  return { id, kind: 'link', required: false, label: { vi: 'Minh chứng mới' } };
}

/**
 * A field changed to another kind, keeping what every kind shares (id, label, help, required, skip
 * logic) and giving the new kind's own properties their starting values.
 */
export function changeFieldKind(field: Field, kind: FieldKind): Field {
  const common = { id: field.id, label: field.label, required: field.required, ...(field.help ? { help: field.help } : {}), ...(field.relevantWhen !== undefined ? { relevantWhen: field.relevantWhen } : {}) };
  const options = field.kind === 'choice' || field.kind === 'multichoice' ? field.options : [newOption([])];
  switch (kind) {
    case 'boolean':
    case 'document':
    case 'contact':
      return { ...common, kind };
    case 'count':
      return { ...common, kind };
    case 'ratio':
      return { ...common, kind, numeratorLabel: { vi: 'Tử số' }, denominatorLabel: { vi: 'Mẫu số' } };
    case 'choice':
    case 'multichoice':
      return { ...common, kind, options };
    case 'number':
      return { ...common, kind, decimals: 2 };
    case 'text':
      return { ...common, kind, maxLength: 500 };
    case 'links':
      return { ...common, kind, maxItems: 20 };
  }
}

/** A criterion switched between scored (points and bands) and mandatory (a condition), keeping its content. */
export function changeCriterionKind(criterion: Criterion, kind: Criterion['kind']): Criterion {
  const { id, title, indicators, evidence } = criterion;
  const texts = { ...(criterion.description ? { description: criterion.description } : {}), ...(criterion.guidance ? { guidance: criterion.guidance } : {}) };
  if (kind === 'mandatory') return { id, title, indicators, evidence, ...texts, kind, condition: true };
  return { id, title, indicators, evidence, ...texts, kind, max: 10, bands: [{ level: 1, minInclusive: true, maxInclusive: false }] };
}

/** Where a criterion is: its group's index and its own. */
export interface CriterionAt {
  group: number;
  criterion: number;
}

export function updateGroup(definition: Definition, index: number, change: (group: Group) => Group): Definition {
  const group = definition.groups[index];
  return group === undefined ? definition : { ...definition, groups: replaceItem(definition.groups, index, change(group)) };
}

export function updateCriterion(definition: Definition, at: CriterionAt, change: (criterion: Criterion) => Criterion): Definition {
  return updateGroup(definition, at.group, (group) => {
    const criterion = group.criteria[at.criterion];
    return criterion === undefined ? group : { ...group, criteria: replaceItem(group.criteria, at.criterion, change(criterion)) };
  });
}
