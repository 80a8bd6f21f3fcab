/** The keys an object of answers or awards may have: field or indicator ids, once each, in definition order. */
export interface KnownKeys {
  ordered: readonly string[];
  /** Each key's position in `ordered`. */
  positions: ReadonlyMap<string, number>;
}

export function knownKeys(keys: Iterable<string>): KnownKeys {
  const positions = new Map<string, number>();
  for (const key of keys) if (!positions.has(key)) positions.set(key, positions.size);
  return { ordered: [...positions.keys()], positions };
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * The keys that are not known, in the order given. Forms save answers and awards in definition order,
 * so each key is first compared with the one expected next, and only looked up when it is not that one.
 */
export function unknownKeys(keys: readonly string[], known: KnownKeys): readonly string[] {
  let unknown: string[] | null = null;
  let next = 0;
  for (const key of keys) {
    if (known.ordered[next] === key) {
      next += 1;
      continue;
    }
    const at = known.positions.get(key);
    if (at === undefined) (unknown ??= []).push(key);
    else next = at + 1;
  }
  return unknown ?? NONE;
}
