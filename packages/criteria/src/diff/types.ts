import type { LocalizedText } from '../definition/text.ts';
import type { Path } from '../problem.ts';

/** What a diff entry is about: the set itself or one item of it, matched by id between the versions. */
export type DiffItem = 'set' | 'level' | 'group' | 'criterion' | 'indicator' | 'field' | 'evidence' | 'option';

/** One property of a matched item that differs, with its value before and after. */
export interface PropertyChange {
  /** The property's name (`max`, `cap`, `bands`, `overall.rule`…); `…Order` for a reordering, `group`/`criterion`/`indicator` for a move. */
  property: string;
  /** Where the property is in the newer version (in the older one for a property that was removed). */
  path: Path;
  before: unknown;
  after: unknown;
}

export interface DiffEntry {
  change: 'added' | 'removed' | 'changed';
  item: DiffItem;
  /** The item's id (a level's number, an option's value, the set's key). */
  id: string;
  /** Where the item is: in the newer version, or in the older one for a removed item. */
  path: Path;
  /** For a changed item, what changed; empty for an added or removed one. */
  changes: PropertyChange[];
  /** One line for people, in Vietnamese and English. */
  summary: Required<LocalizedText>;
}

export interface DefinitionDiff {
  identical: boolean;
  entries: DiffEntry[];
}
