/**
 * Merging the person's unsaved changes with a newer version of the submission from the server (after a
 * 409, or when changes kept offline come back), so that nothing typed is lost and nothing someone else
 * saved is silently overwritten.
 */

/** Answers and awards of one version of a submission (absent key: no value). */
export interface Values {
  answers: Record<string, unknown>;
  awards: Record<string, unknown>;
}

/** Changes not yet saved, by key; `null` removes the value. */
export interface Unsent {
  answers: Record<string, unknown>;
  awards: Record<string, number | null>;
}

export type ConflictKind = 'answer' | 'award';

/** A value both sides changed differently: what the person typed and what the server now holds. */
export interface Conflict {
  kind: ConflictKind;
  id: string;
  mine: unknown;
  theirs: unknown;
}

export type Choice = 'mine' | 'theirs';

export const conflictKey = (conflict: { kind: ConflictKind; id: string }): string => `${conflict.kind}:${conflict.id}`;

export const emptyUnsent = (): Unsent => ({ answers: {}, awards: {} });

export function isEmpty(unsent: Unsent): boolean {
  return Object.keys(unsent.answers).length + Object.keys(unsent.awards).length === 0;
}

/** JSON with keys in order, so that `{a, b}` and `{b, a}` are the same value; absent and null are the same. */
function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined && item !== null);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/**
 * Splits the unsent changes, made on `base`, against the server's `theirs`: a change to a value the
 * server still holds as in `base` is simply kept (nobody else touched it); a change the server already
 * holds is dropped (nothing to send); a value the server changed to something else is a conflict.
 */
export function findConflicts(base: Values, unsent: Unsent, theirs: Values): { conflicts: Conflict[]; kept: Unsent } {
  const conflicts: Conflict[] = [];
  const kept = emptyUnsent();
  const sort = (kind: ConflictKind, changes: Record<string, unknown>, baseSide: Record<string, unknown>, theirSide: Record<string, unknown>, keep: Record<string, unknown>) => {
    for (const [id, mine] of Object.entries(changes)) {
      const server = theirSide[id];
      if (sameValue(mine, server)) continue;
      if (sameValue(baseSide[id], server)) keep[id] = mine;
      else conflicts.push({ kind, id, mine, theirs: server ?? null });
    }
  };
  sort('answer', unsent.answers, base.answers, theirs.answers, kept.answers);
  sort('award', unsent.awards, base.awards, theirs.awards, kept.awards);
  return { conflicts, kept };
}

/** Every conflict resolved the same way ("keep all mine" / "take all theirs"). */
export function chooseAll(conflicts: readonly Conflict[], choice: Choice): Map<string, Choice> {
  return new Map(conflicts.map((conflict) => [conflictKey(conflict), choice]));
}

/**
 * The outcome of the person's choices: the values the form now shows (the server's, with the kept
 * changes and the chosen ones of the person over them) and what is still to send. A conflict without a
 * choice keeps the person's value: the safe default loses nothing they typed.
 */
export function resolveConflicts(theirs: Values, kept: Unsent, conflicts: readonly Conflict[], choices: ReadonlyMap<string, Choice>): { values: Values; toSend: Unsent } {
  const toSend: Unsent = { answers: { ...kept.answers }, awards: { ...kept.awards } };
  for (const conflict of conflicts) {
    if (choices.get(conflictKey(conflict)) === 'theirs') continue;
    if (conflict.kind === 'answer') toSend.answers[conflict.id] = conflict.mine ?? null;
    else toSend.awards[conflict.id] = typeof conflict.mine === 'number' ? conflict.mine : null;
  }
  return { values: applyUnsent(theirs, toSend), toSend };
}

/** `values` with the changes written over them (null removes). */
export function applyUnsent(values: Values, unsent: Unsent): Values {
  const answers = { ...values.answers };
  const awards = { ...values.awards };
  for (const [id, value] of Object.entries(unsent.answers)) {
    if (value === null || value === undefined) delete answers[id];
    else answers[id] = value;
  }
  for (const [id, value] of Object.entries(unsent.awards)) {
    if (value === null) delete awards[id];
    else awards[id] = value;
  }
  return { answers, awards };
}

/** The values `base` held for the keys of `unsent`: what the changes were made on, kept with them offline. */
export function baseOf(values: Values, unsent: Unsent): Values {
  const pick = (from: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.filter((key) => from[key] !== undefined).map((key) => [key, from[key]]));
  return { answers: pick(values.answers, Object.keys(unsent.answers)), awards: pick(values.awards, Object.keys(unsent.awards)) };
}
