import type { Field } from '../definition/field.ts';
import type { Criterion, Definition, Group, Indicator } from '../definition/schema.ts';
import type { LocalizedText } from '../definition/text.ts';
import type { Path } from '../problem.ts';
import { summarize } from './describe.ts';
import { deepEqual } from './equal.ts';
import type { DefinitionDiff, DiffEntry, DiffItem, PropertyChange } from './types.ts';

/** An item with where it sits. `key` is its id, suffixed `#n` for the n-th repeat of an id in a draft. */
interface Located<T> {
  item: T;
  id: string;
  key: string;
  path: Path;
  parentKey: string | null;
  parentId: string | null;
}

interface Tree {
  groups: Located<Group>[];
  criteria: Located<Criterion>[];
  indicators: Located<Indicator>[];
  fields: Located<Field>[];
}

interface Matched<T> {
  added: Located<T>[];
  removed: Located<T>[];
  common: Array<{ before: Located<T>; after: Located<T> }>;
}

/**
 * What changed from version `a` to version `b` of a set. Groups, criteria, indicators and fields are
 * matched by id across the set (so a move between parents is a change, not a removal and an addition);
 * evidence slots within their criterion and options within their field. Rules, bands and texts compare
 * by structure. Children of an added or removed item are not listed apart.
 * @example diffDefinitions(v2024, v2025).entries.map((entry) => entry.summary.en)
 */
export function diffDefinitions(a: Definition, b: Definition): DefinitionDiff {
  const entries: DiffEntry[] = [...setEntries(a, b), ...levelEntries(a, b), ...itemEntries(treeOf(a), treeOf(b))];
  if (entries.length === 0 && !deepEqual(a, b)) entries.push(entry('changed', 'set', b.setKey, [], [{ property: 'definition', path: [], before: a, after: b }], undefined));
  entries.sort(byPlace);
  return { identical: entries.length === 0, entries };
}

function setEntries(a: Definition, b: Definition): DiffEntry[] {
  const changes = [
    ...propertyChanges(a, b, [], new Set(['groups', 'levels', 'overall'])),
    ...propertyChanges(a.overall, b.overall, ['overall'], new Set()).map((change) => ({ ...change, property: `overall.${change.property}` })),
    ...orderChange('groupsOrder', a.groups.map((group) => group.id), b.groups.map((group) => group.id), ['groups']),
    ...orderChange('levelsOrder', a.levels.map((level) => String(level.level)), b.levels.map((level) => String(level.level)), ['levels']),
  ];
  return changes.length === 0 ? [] : [entry('changed', 'set', b.setKey, [], changes, undefined)];
}

function levelEntries(a: Definition, b: Definition): DiffEntry[] {
  const locateLevels = (definition: Definition) => {
    const key = keyer();
    return definition.levels.map((level, l) => located(level, String(level.level), key, ['levels', l], null, null));
  };
  const matched = match(locateLevels(a), locateLevels(b));
  return entriesOf('level', matched, new Set(['level']), (level) => level.label, () => []);
}

function itemEntries(before: Tree, after: Tree): DiffEntry[] {
  const groups = match(before.groups, after.groups);
  const criteria = match(before.criteria, after.criteria);
  const indicators = match(before.indicators, after.indicators);
  const fields = match(before.fields, after.fields);
  // Leaves first: a field is skipped by its indicator's addition before that indicator is skipped in turn.
  skipChildren(fields, indicators);
  skipChildren(indicators, criteria);
  skipChildren(criteria, groups);

  const ids = <T extends { id: string }>(items: readonly T[]): string[] => items.map((item) => item.id);
  return [
    ...entriesOf('group', groups, new Set(['id', 'criteria']), (group) => group.title, (a, b) => orderChange('criteriaOrder', ids(a.item.criteria), ids(b.item.criteria), [...b.path, 'criteria'])),
    ...entriesOf('criterion', criteria, new Set(['id', 'indicators', 'evidence']), (criterion) => criterion.title, (a, b) => [
      ...moveChange('group', a, b),
      ...orderChange('indicatorsOrder', ids(a.item.indicators), ids(b.item.indicators), [...b.path, 'indicators']),
      ...orderChange('evidenceOrder', ids(a.item.evidence), ids(b.item.evidence), [...b.path, 'evidence']),
    ]),
    ...criteria.common.flatMap(({ before: a, after: b }) => evidenceEntries(a, b)),
    ...entriesOf('indicator', indicators, new Set(['id', 'fields']), (indicator) => indicator.title, (a, b) => [
      ...moveChange('criterion', a, b),
      ...orderChange('fieldsOrder', ids(a.item.fields), ids(b.item.fields), [...b.path, 'fields']),
    ]),
    ...entriesOf('field', fields, new Set(['id', 'options']), (field) => field.label, (a, b) => [
      ...moveChange('indicator', a, b),
      ...orderChange('optionsOrder', optionValues(a.item), optionValues(b.item), [...b.path, 'options']),
    ]),
    ...fields.common.flatMap(({ before: a, after: b }) => optionEntries(a, b)),
  ];
}

function evidenceEntries(a: Located<Criterion>, b: Located<Criterion>): DiffEntry[] {
  const locateSlots = (criterion: Located<Criterion>) => {
    const key = keyer();
    return criterion.item.evidence.map((slot, e) => located(slot, slot.id, key, [...criterion.path, 'evidence', e], criterion.key, criterion.id));
  };
  return entriesOf('evidence', match(locateSlots(a), locateSlots(b)), new Set(['id']), (slot) => slot.label, () => []);
}

function optionEntries(a: Located<Field>, b: Located<Field>): DiffEntry[] {
  const locateOptions = (field: Located<Field>) => {
    const key = keyer();
    const options = field.item.kind === 'choice' || field.item.kind === 'multichoice' ? field.item.options : [];
    return options.map((option, o) => located(option, option.value, key, [...field.path, 'options', o], field.key, field.id));
  };
  return entriesOf('option', match(locateOptions(a), locateOptions(b)), new Set(['value']), (option) => option.label, () => []);
}

function optionValues(field: Field): string[] {
  return field.kind === 'choice' || field.kind === 'multichoice' ? field.options.map((option) => option.value) : [];
}

function treeOf(definition: Definition): Tree {
  const tree: Tree = { groups: [], criteria: [], indicators: [], fields: [] };
  const groupKey = keyer();
  const criterionKey = keyer();
  const indicatorKey = keyer();
  const fieldKey = keyer();
  definition.groups.forEach((group, g) => {
    const groupAt = located(group, group.id, groupKey, ['groups', g], null, null);
    tree.groups.push(groupAt);
    group.criteria.forEach((criterion, c) => {
      const criterionAt = located(criterion, criterion.id, criterionKey, [...groupAt.path, 'criteria', c], groupAt.key, group.id);
      tree.criteria.push(criterionAt);
      criterion.indicators.forEach((indicator, i) => {
        const indicatorAt = located(indicator, indicator.id, indicatorKey, [...criterionAt.path, 'indicators', i], criterionAt.key, criterion.id);
        tree.indicators.push(indicatorAt);
        indicator.fields.forEach((field, f) => {
          tree.fields.push(located(field, field.id, fieldKey, [...indicatorAt.path, 'fields', f], indicatorAt.key, indicator.id));
        });
      });
    });
  });
  return tree;
}

/** Keys ids so that a repeated id (only a draft has any) still matches its counterpart by rank. */
function keyer(): (id: string) => string {
  const seen = new Map<string, number>();
  return (id) => {
    const count = seen.get(id) ?? 0;
    seen.set(id, count + 1);
    return count === 0 ? id : `${id}#${count}`;
  };
}

function located<T>(item: T, id: string, key: (id: string) => string, path: Path, parentKey: string | null, parentId: string | null): Located<T> {
  return { item, id, key: key(id), path, parentKey, parentId };
}

function match<T>(before: readonly Located<T>[], after: readonly Located<T>[]): Matched<T> {
  const beforeByKey = new Map(before.map((item) => [item.key, item]));
  const afterKeys = new Set(after.map((item) => item.key));
  const common: Matched<T>['common'] = [];
  const added: Located<T>[] = [];
  for (const item of after) {
    const earlier = beforeByKey.get(item.key);
    if (earlier) common.push({ before: earlier, after: item });
    else added.push(item);
  }
  return { added, removed: before.filter((item) => !afterKeys.has(item.key)), common };
}

/** An added criterion brings its indicators with it: they are part of its entry, not entries of their own. */
function skipChildren<C, P>(children: Matched<C>, parents: Matched<P>): void {
  const added = new Set(parents.added.map((parent) => parent.key));
  const removed = new Set(parents.removed.map((parent) => parent.key));
  children.added = children.added.filter((child) => child.parentKey === null || !added.has(child.parentKey));
  children.removed = children.removed.filter((child) => child.parentKey === null || !removed.has(child.parentKey));
}

function entriesOf<T extends object>(
  item: DiffItem,
  matched: Matched<T>,
  skip: ReadonlySet<string>,
  name: (item: T) => LocalizedText,
  extra: (before: Located<T>, after: Located<T>) => PropertyChange[],
): DiffEntry[] {
  const entries: DiffEntry[] = [];
  for (const { before, after } of matched.common) {
    const changes = [...propertyChanges(before.item, after.item, after.path, skip), ...extra(before, after)];
    if (changes.length > 0) entries.push(entry('changed', item, after.id, after.path, changes, name(after.item)));
  }
  for (const removed of matched.removed) entries.push(entry('removed', item, removed.id, removed.path, [], name(removed.item)));
  for (const added of matched.added) entries.push(entry('added', item, added.id, added.path, [], name(added.item)));
  return entries;
}

function entry(change: DiffEntry['change'], item: DiffItem, id: string, path: Path, changes: PropertyChange[], name: LocalizedText | undefined): DiffEntry {
  const partial = { change, item, id, path, changes };
  return { ...partial, summary: summarize(partial, change === 'changed' ? undefined : name) };
}

/** Every own property that differs, except the collections matched item by item. */
function propertyChanges(before: object, after: object, path: Path, skip: ReadonlySet<string>): PropertyChange[] {
  const a = new Map(Object.entries(before));
  const b = new Map(Object.entries(after));
  const keys = [...b.keys(), ...[...a.keys()].filter((key) => !b.has(key))];
  return keys
    .filter((key) => !skip.has(key) && !deepEqual(a.get(key), b.get(key)))
    .map((key) => ({ property: key, path: [...path, key], before: a.get(key), after: b.get(key) }));
}

/** A reordering of the ids both versions share; additions and removals are entries of their own. */
function orderChange(property: string, before: readonly string[], after: readonly string[], path: Path): PropertyChange[] {
  const shared = new Set(before.filter((id) => after.includes(id)));
  const was = before.filter((id) => shared.has(id));
  const is = after.filter((id) => shared.has(id));
  return deepEqual(was, is) ? [] : [{ property, path, before: was, after: is }];
}

function moveChange<T>(property: string, before: Located<T>, after: Located<T>): PropertyChange[] {
  if (before.parentKey === after.parentKey) return [];
  return [{ property, path: after.path, before: before.parentId, after: after.parentId }];
}

const RANK: Readonly<Record<DiffItem, number>> = { set: 0, level: 1, group: 2, criterion: 2, indicator: 2, field: 2, evidence: 2, option: 2 };

/** The set first, then levels, then items in the order of the document. */
function byPlace(x: DiffEntry, y: DiffEntry): number {
  const rank = RANK[x.item] - RANK[y.item];
  if (rank !== 0) return rank;
  for (let i = 0; i < Math.min(x.path.length, y.path.length); i++) {
    const a = x.path[i];
    const b = y.path[i];
    if (a === b) continue;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a) < String(b) ? -1 : 1;
  }
  return x.path.length - y.path.length;
}
