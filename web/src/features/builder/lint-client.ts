import type { Definition, Problem } from '@chiso/criteria';
import { createEffect, createSignal, onCleanup } from 'solid-js';

interface Answer {
  id: number;
  problems: Problem[];
}

function isAnswer(value: unknown): value is Answer {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'number' && Array.isArray((value as { problems?: unknown }).problems);
}

/**
 * The core's problems of the definition being edited, computed in a worker (lint-worker.ts) each time it
 * changes; answers to older versions of the draft are dropped. Until the first answer, `initial` (what
 * the server said on loading).
 */
export function createLint(definition: () => Definition, initial: Problem[]): () => Problem[] {
  const [problems, setProblems] = createSignal<Problem[]>(initial);
  const worker = new Worker(new URL('./lint-worker.ts', import.meta.url), { type: 'module' });
  let latest = 0;
  worker.onmessage = (event: MessageEvent<unknown>) => {
    if (isAnswer(event.data) && event.data.id === latest) setProblems(event.data.problems);
  };
  createEffect(() => {
    latest += 1;
    worker.postMessage({ id: latest, definition: definition() });
  });
  onCleanup(() => worker.terminate());
  return problems;
}
