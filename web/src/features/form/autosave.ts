import { ApiError, asApiError } from '../../api/errors.ts';
import type { SubmissionPatch, SubmissionView } from '../../api/types.ts';
import { ChangeTracker } from './changes.ts';
import type { Unsent } from './merge.ts';

/** What the person sees: đã lưu / có thay đổi / đang lưu / ngoại tuyến / xung đột / bị từ chối. */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'offline' | 'conflict' | 'refused';

export interface AutosaveOptions {
  /** Sends one patch; resolves with the submission as the server now has it. */
  save: (patch: SubmissionPatch) => Promise<SubmissionView>;
  /** The version the next patch is based on. */
  version: () => number;
  /** Keys not to send yet (answers and awards the person is still correcting). */
  holdBack?: () => { answers?: ReadonlySet<string>; awards?: ReadonlySet<string> };
  onState: (state: SaveState, error: ApiError | null) => void;
  /** The server saved a patch: the new version (and the server's score) to carry on from. */
  onSaved: (view: SubmissionView) => void;
  /**
   * Someone else changed the submission: the caller gets the changes that were not saved, to merge with
   * the server's version, and calls `resume` with what is still to send.
   */
  onConflict: (error: ApiError, unsent: Unsent) => void;
  /** The changes not yet acknowledged changed (an edit, a save, a failure): the caller keeps them safe. */
  onPending?: (unsent: Unsent) => void;
}

/**
 * Autosave of a submission: changes are recorded as the person types and sent as one incremental
 * patch with the version read, on each `flush` (the form calls it every few seconds and when the
 * connection returns). A network failure keeps the changes and retries; a 409 hands the unsaved changes
 * to the caller to merge (nothing is dropped) and pauses until `resume`; any other refusal keeps the
 * changes and waits for the next edit instead of sending the same refused patch again and again.
 */
export function createAutosave(options: AutosaveOptions) {
  const changes = new ChangeTracker();
  let state: SaveState = 'saved';
  let waitForEdit = false;

  const set = (next: SaveState, error: ApiError | null = null) => {
    state = next;
    options.onState(next, error);
  };
  const pendingChanged = () => options.onPending?.(changes.snapshot());

  async function flush(): Promise<void> {
    if (changes.sending || waitForEdit || state === 'conflict') return;
    const patch = changes.take(options.version(), options.holdBack?.() ?? {});
    if (patch === null) return;
    set('saving');
    try {
      const view = await options.save(patch);
      changes.confirm();
      options.onSaved(view);
      pendingChanged();
      set(changes.hasPending ? 'dirty' : 'saved');
    } catch (caught) {
      const error = asApiError(caught, 'offline');
      // A stale version, or a state someone else moved the submission to (submitted meanwhile): reload.
      if (error.status === 409) {
        changes.restore();
        const unsent = changes.snapshot();
        changes.clear();
        set('conflict', error);
        options.onConflict(error, unsent);
        return;
      }
      changes.restore();
      if (error.offline || error.status >= 500) set('offline', error);
      else {
        waitForEdit = true;
        set('refused', error);
      }
    }
  }

  const edited = () => {
    waitForEdit = false;
    // Saving, offline and conflict stay as they are until the save's outcome or a reload.
    if (state === 'saved' || state === 'refused') set('dirty');
  };

  return {
    answer(fieldId: string, value: unknown): void {
      changes.answer(fieldId, value);
      edited();
      pendingChanged();
    },
    award(indicatorId: string, value: number | null): void {
      changes.award(indicatorId, value);
      edited();
      pendingChanged();
    },
    flush,
    get state(): SaveState {
      return state;
    },
    get hasPending(): boolean {
      return changes.hasPending || changes.sending;
    },
    /** The changes not yet acknowledged. */
    unsent(): Unsent {
      return changes.snapshot();
    },
    /**
     * Carries on from the server's version (after a conflict was resolved, or with changes kept offline):
     * `unsent` is what is still to send on it.
     */
    resume(unsent: Unsent): void {
      changes.clear();
      for (const [id, value] of Object.entries(unsent.answers)) changes.answer(id, value);
      for (const [id, value] of Object.entries(unsent.awards)) changes.award(id, value);
      waitForEdit = false;
      set(changes.hasPending ? 'dirty' : 'saved');
      pendingChanged();
    },
  };
}

export type Autosave = ReturnType<typeof createAutosave>;
