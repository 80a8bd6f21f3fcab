import type { SubmissionPatch } from '../../api/types.ts';
import type { Unsent } from './merge.ts';

/**
 * What the person changed since the last successful save, by answer and by award. A change being sent
 * is kept aside until the server confirms it; if sending fails it goes back, under any newer change of
 * the same key, so nothing typed is ever lost between saves.
 */
export class ChangeTracker {
  private pending = { answers: new Map<string, unknown>(), awards: new Map<string, number | null>() };
  private inFlight: { answers: Map<string, unknown>; awards: Map<string, number | null> } | null = null;

  /** An answer changed; `null` removes it on the server. */
  answer(fieldId: string, value: unknown): void {
    this.pending.answers.set(fieldId, value);
  }

  /** An award changed; `null` removes it. */
  award(indicatorId: string, value: number | null): void {
    this.pending.awards.set(indicatorId, value);
  }

  get hasPending(): boolean {
    return this.pending.answers.size + this.pending.awards.size > 0;
  }

  get sending(): boolean {
    return this.inFlight !== null;
  }

  /**
   * Takes the pending changes as one patch on `version`, leaving out the keys in `holdBack` (answers and
   * awards the person is still correcting: sending them would only be refused). Null when nothing is
   * ready or a patch is already on its way.
   */
  take(version: number, holdBack: { answers?: ReadonlySet<string>; awards?: ReadonlySet<string> } = {}): SubmissionPatch | null {
    if (this.inFlight !== null) return null;
    const answers = pick(this.pending.answers, holdBack.answers);
    const awards = pick(this.pending.awards, holdBack.awards);
    if (answers.size + awards.size === 0) return null;
    this.inFlight = { answers, awards };
    const patch: SubmissionPatch = { version };
    if (answers.size > 0) patch.answers = Object.fromEntries(answers);
    if (awards.size > 0) patch.awards = Object.fromEntries(awards);
    return patch;
  }

  /** The server saved the patch that was taken. */
  confirm(): void {
    this.inFlight = null;
  }

  /** The patch did not get through: its changes are pending again, unless changed anew meanwhile. */
  restore(): void {
    if (this.inFlight === null) return;
    this.pending = { answers: underneath(this.inFlight.answers, this.pending.answers), awards: underneath(this.inFlight.awards, this.pending.awards) };
    this.inFlight = null;
  }

  /** Everything not yet confirmed, the change being sent under any newer one of the same key. */
  snapshot(): Unsent {
    const answers = this.inFlight ? underneath(this.inFlight.answers, this.pending.answers) : this.pending.answers;
    const awards = this.inFlight ? underneath(this.inFlight.awards, this.pending.awards) : this.pending.awards;
    return { answers: Object.fromEntries(answers), awards: Object.fromEntries(awards) };
  }

  /** Forgets everything (after a conflict the person starts again from the server's version). */
  clear(): void {
    this.pending = { answers: new Map(), awards: new Map() };
    this.inFlight = null;
  }
}

function pick<V>(from: Map<string, V>, held: ReadonlySet<string> | undefined): Map<string, V> {
  const taken = new Map<string, V>();
  for (const [key, value] of from) if (!held?.has(key)) taken.set(key, value);
  for (const key of taken.keys()) from.delete(key);
  return taken;
}

/** `older` with `newer` written over it. */
function underneath<V>(older: Map<string, V>, newer: Map<string, V>): Map<string, V> {
  const merged = new Map(older);
  for (const [key, value] of newer) merged.set(key, value);
  return merged;
}
