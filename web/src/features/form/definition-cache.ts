import type { Definition } from '@chiso/criteria';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What names one immutable criteria version: published versions never change, and the hash proves it. */
export interface DefinitionPin {
  setKey: string;
  number: number;
  contentHash: string;
}

const PREFIX = 'chiso.definition.v1:';
const INDEX = `${PREFIX}index`;
// A 4725 definition is about 50 KB; a school sees one or two versions a year.
const KEEP = 4;

function isDefinition(value: unknown): value is Definition {
  return typeof value === 'object' && value !== null && Array.isArray((value as { groups?: unknown }).groups);
}

function readIndex(store: KeyValueStore): string[] {
  try {
    const value: unknown = JSON.parse(store.getItem(INDEX) ?? '[]');
    return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The pinned criteria definitions a school's form needs, kept in the browser by tenant, version and
 * content hash: a version is immutable once published, so a later load (on a slow connection above all)
 * skips the largest download of the form. A missing, unreadable or full storage only means fetching.
 */
export function createDefinitionCache(store: KeyValueStore | null, tenant: string) {
  const keyOf = (pin: DefinitionPin) => `${PREFIX}${tenant}:${pin.setKey}@${pin.number}#${pin.contentHash}`;
  return {
    async get(pin: DefinitionPin, fetchDefinition: () => Promise<Definition>): Promise<Definition> {
      const key = keyOf(pin);
      if (store !== null) {
        try {
          const cached: unknown = JSON.parse(store.getItem(key) ?? 'null');
          if (isDefinition(cached)) return cached;
        } catch {
          // Unreadable: fetched again below, and overwritten.
        }
      }
      const definition = await fetchDefinition();
      if (store === null) return definition;
      try {
        const others = readIndex(store).filter((known) => known !== key);
        for (const old of others.slice(KEEP - 1)) store.removeItem(old);
        store.setItem(key, JSON.stringify(definition));
        store.setItem(INDEX, JSON.stringify([key, ...others.slice(0, KEEP - 1)]));
      } catch {
        // Full or disabled storage: the form works the same, it just fetches next time too.
      }
      return definition;
    },
  };
}
