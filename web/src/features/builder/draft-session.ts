import type { Definition } from '@chiso/criteria';
import { createEffect, createMemo, createSignal, onCleanup } from 'solid-js';
import { ApiError, asApiError } from '../../api/errors.ts';
import type { BuilderApi, VersionDetail, VersionSummary } from './api.ts';
import { createLint } from './lint-client.ts';
import { type LocalCopy, dropLocalCopy, readLocalCopy, writeLocalCopy } from './local-copy.ts';
import { type ListedProblem, fromApi, fromCore, fromDetail } from './problems-list.tsx';

export type DraftSaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'refused';

/**
 * One version open in the builder: the local copy being edited, what the server last said of it, and
 * saving with the item version read (optimistic concurrency). A refused or conflicting save never
 * touches the local copy: the author decides what to keep.
 */
export function createDraftSession(api: BuilderApi, loaded: VersionDetail) {
  const [summary, setSummary] = createSignal<VersionSummary>(loaded.version);
  const [draft, setDraftSignal] = createSignal<Definition>(loaded.definition);
  const [saved, setSaved] = createSignal<Definition>(loaded.definition);
  const [state, setState] = createSignal<DraftSaveState>('saved');
  const [error, setError] = createSignal<ApiError | null>(null);
  const [serverProblems, setServerProblems] = createSignal<ListedProblem[]>([]);

  const initial = loaded.problems.map((problem) => ({ ...fromApi(problem), code: problem.code }));
  const coreProblems = createLint(draft, initial);
  const lint = createMemo(() => coreProblems().map(fromCore));
  const dirty = () => draft() !== saved();

  const { setKey, number } = loaded.version;
  // A copy left unsaved by an earlier visit, offered back unless it is what the server has.
  const left = readLocalCopy(setKey, number);
  const [leftOver, setLeftOver] = createSignal<LocalCopy | null>(left !== null && JSON.stringify(left.definition) !== JSON.stringify(loaded.definition) ? left : null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(() => {
    const current = draft();
    const unsaved = current !== saved();
    const base = summary().version;
    clearTimeout(timer);
    if (!unsaved) {
      if (leftOver() === null) dropLocalCopy(setKey, number);
      return;
    }
    timer = setTimeout(() => writeLocalCopy(setKey, number, { baseVersion: base, savedAt: new Date().toISOString(), definition: current }), 400);
  });
  onCleanup(() => clearTimeout(timer));

  /** Takes the left-over copy back into the editor, unsaved: saving it may then meet a conflict. */
  const restore = () => {
    const copy = leftOver();
    if (copy === null) return;
    setLeftOver(null);
    setDraftSignal(copy.definition);
    setState('dirty');
  };
  const discard = () => {
    setLeftOver(null);
    dropLocalCopy(setKey, number);
  };

  const edit = (next: Definition) => {
    setDraftSignal(next);
    if (state() !== 'conflict') setState('dirty');
  };

  /** Saves the local copy from `itemVersion` (the one read, or the server's current one to overwrite). */
  const save = async (itemVersion = summary().version): Promise<boolean> => {
    const sent = draft();
    setState('saving');
    setError(null);
    try {
      const detail = await api.save(summary().setKey, summary().number, itemVersion, sent);
      setSummary(detail.version);
      setSaved(sent);
      setState(draft() === sent ? 'saved' : 'dirty');
      return true;
    } catch (caught) {
      const failure = asApiError(caught);
      setError(failure);
      if (failure.status === 409 && failure.code !== 'illegal-transition') setState('conflict');
      else {
        setState('refused');
        // Only this refusal's problems: none from an earlier one may linger under it.
        setServerProblems(failure.details.map(fromDetail));
      }
      return false;
    }
  };

  /** Drops the local copy for the server's latest. */
  const reload = async () => {
    const detail = await api.version(summary().setKey, summary().number);
    setSummary(detail.version);
    setDraftSignal(detail.definition);
    setSaved(detail.definition);
    setError(null);
    setState('saved');
  };

  return { summary, setSummary, draft, edit, dirty, state, error, lint, serverProblems, save, reload, leftOver, restore, discard };
}

export type DraftSession = ReturnType<typeof createDraftSession>;

/** The local copy as a JSON file to download, so a conflict never costs the author their work. */
export function downloadJson(name: string, definition: Definition): void {
  const blob = new Blob([JSON.stringify(definition, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
