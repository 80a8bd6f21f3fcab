import { createSignal } from 'solid-js';
import type { ApiClient } from '../../api/client.ts';
import type { ApiError } from '../../api/errors.ts';
import type { SubmissionStatus, SubmissionView } from '../../api/types.ts';
import { type EvidenceMap, evidenceOf } from '../evidence/api.ts';
import { type SaveState, createAutosave } from './autosave.ts';
import { type Choice, type Conflict, type Unsent, type Values, applyUnsent, baseOf, emptyUnsent, findConflicts, isEmpty, resolveConflicts } from './merge.ts';
import type { Outbox } from './outbox.ts';
import { createSerial } from './serial.ts';

/** A conflict the person is resolving: the server's values, the changes kept anyway, and the values both changed. */
export interface OpenConflict {
  theirs: Values;
  kept: Unsent;
  conflicts: Conflict[];
}

const valuesOf = (view: SubmissionView): Values => ({ answers: { ...view.submission.answers }, awards: { ...view.submission.awards } });

/**
 * The submission as the form edits it, kept in step with the server: the values on screen, the last
 * values the server acknowledged (what unsaved changes are made on), autosave, the outbox in the
 * browser, and conflicts. Every change to the submission (autosave, evidence) takes its turn (`run`),
 * each on the version the previous one left.
 */
export function createFormSync(options: { api: ApiClient; campaignId: string; unitId: string; outbox: Outbox; holdBack: () => { answers: Set<string>; awards: Set<string> } }) {
  const { api, campaignId, unitId, outbox } = options;
  const run = createSerial();
  const [answers, setAnswers] = createSignal<Record<string, unknown>>({});
  const [awards, setAwards] = createSignal<Record<string, unknown>>({});
  const [evidence, setEvidence] = createSignal<EvidenceMap>({});
  const [server, setServer] = createSignal<Values>({ answers: {}, awards: {} });
  const [version, setVersion] = createSignal(0);
  const [status, setStatus] = createSignal<SubmissionStatus>('draft');
  const [allowed, setAllowed] = createSignal<string[]>([]);
  const [saveState, setSaveState] = createSignal<SaveState>('saved');
  const [saveError, setSaveError] = createSignal<ApiError | null>(null);
  const [conflict, setConflict] = createSignal<OpenConflict | null>(null);
  const [restored, setRestored] = createSignal(false);
  // Changes kept in the browser for a submission that cannot take them now (submitted meanwhile): kept, not
  // applied, so they come back if it is returned; the person may drop them.
  const [stranded, setStranded] = createSignal(0);

  /** The server's word on the submission: its version, state, evidence and acknowledged values (not what is on screen). */
  const adopt = (view: SubmissionView) => {
    setServer(valuesOf(view));
    setVersion(view.submission.version);
    setStatus(view.submission.status);
    setAllowed(view.allowedActions);
    setEvidence(evidenceOf(view));
  };
  const show = (values: Values) => {
    setAnswers(values.answers);
    setAwards(values.awards);
  };

  const autosave = createAutosave({
    // The version is read when the patch's turn comes, after any evidence change before it.
    save: (patch) => run(() => api.patchSubmission(campaignId, unitId, { ...patch, version: version() })),
    version,
    holdBack: options.holdBack,
    onState: (state, error) => {
      setSaveState(state);
      setSaveError(error);
    },
    onSaved: adopt,
    onConflict: (_error, unsent) => void catchUp(server(), unsent),
    onPending: (unsent) => outbox.write({ version: version(), base: baseOf(server(), unsent), unsent }),
  });

  /** Merges `unsent` (made on `base`) with the server's `view`: silently when nothing clashes, else the conflict view. */
  function mergeWith(view: SubmissionView, base: Values, unsent: Unsent): void {
    adopt(view);
    const theirs = valuesOf(view);
    const { conflicts, kept } = findConflicts(base, unsent, theirs);
    if (conflicts.length === 0) {
      show(applyUnsent(theirs, kept));
      autosave.resume(kept);
      if (!isEmpty(kept)) void autosave.flush();
      return;
    }
    // On screen meanwhile: the person's values, read-only until they choose.
    show(resolveConflicts(theirs, kept, conflicts, new Map()).values);
    setConflict({ theirs, kept, conflicts });
    setSaveState('conflict');
  }

  async function catchUp(base: Values, unsent: Unsent): Promise<void> {
    try {
      mergeWith(await run(() => api.submission(campaignId, unitId)), base, unsent);
    } catch {
      // Offline meanwhile: keep everything and try the whole save again later.
      autosave.resume(unsent);
    }
  }

  return {
    answers,
    awards,
    evidence,
    version,
    status,
    allowed,
    saveState,
    saveError,
    conflict,
    restored,
    stranded,
    /** Drops the changes kept for a submission that can no longer take them. */
    discardStranded(): void {
      outbox.write(null);
      setStranded(0);
    },
    autosave,
    run,
    editable: () => allowed().includes('edit') && conflict() === null,
    /** The submission as loaded; changes kept in the browser from before are merged back in. */
    load(view: SubmissionView): void {
      adopt(view);
      const kept = outbox.read();
      if (kept === null || !allowed().includes('edit')) {
        setStranded(kept === null ? 0 : Object.keys(kept.unsent.answers).length + Object.keys(kept.unsent.awards).length);
        show(valuesOf(view));
        return;
      }
      setStranded(0);
      setRestored(true);
      mergeWith(view, kept.base, kept.unsent);
    },
    setAnswer(fieldId: string, value: unknown): void {
      setAnswers((current) => {
        const next = { ...current };
        if (value === null || value === undefined) delete next[fieldId];
        else next[fieldId] = value;
        return next;
      });
      autosave.answer(fieldId, value ?? null);
    },
    setAward(indicatorId: string, value: number | string | null): void {
      setAwards((current) => {
        const next = { ...current };
        if (value === null) delete next[indicatorId];
        else next[indicatorId] = value;
        return next;
      });
      if (value === null || typeof value === 'number') autosave.award(indicatorId, value);
    },
    /** The person chose per value: show the outcome and save it on the server's version. */
    resolve(choices: Map<string, Choice>): void {
      const open = conflict();
      if (open === null) return;
      const { values, toSend } = resolveConflicts(open.theirs, open.kept, open.conflicts, choices);
      show(values);
      setConflict(null);
      autosave.resume(toSend);
      if (!isEmpty(toSend)) void autosave.flush();
    },
    /** An evidence change met a newer version: catch up, keeping the unsaved edits. */
    stale(): void {
      if (autosave.hasPending) void autosave.flush();
      else void catchUp(server(), emptyUnsent());
    },
    adopt,
  };
}

export type FormSync = ReturnType<typeof createFormSync>;
