import { type Path, type Problem, formatPath } from '@chiso/criteria';
import { For, Show } from 'solid-js';
import type { ApiErrorDetail } from '../../api/errors.ts';
import { tr } from '../../i18n/locale.ts';
import type { ApiProblem } from './api.ts';
import { parsePath } from './paths.ts';
import { t } from './phrases.ts';

/** A problem of the draft, from the core in the browser or from the API, with where it is. */
export interface ListedProblem {
  path: Path;
  severity: 'error' | 'warning';
  message: { vi: string; en?: string };
}

export const fromCore = (problem: Problem): ListedProblem => ({ path: problem.path, severity: problem.severity, message: problem.message });
export const fromApi = (problem: ApiProblem): ListedProblem => ({ path: parsePath(problem.path), severity: problem.severity, message: { vi: problem.message, en: problem.messageEn } });
export const fromDetail = (detail: ApiErrorDetail): ListedProblem => ({ path: parsePath(detail.path), severity: 'error', message: { vi: detail.message, en: detail.messageEn } });

/** The problems, errors first, each a link to the input it names. */
export function ProblemsList(props: { id: string; title: string; problems: readonly ListedProblem[]; onGo: (path: Path) => void }) {
  const sorted = () => [...props.problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errors = () => props.problems.filter((problem) => problem.severity === 'error').length;
  return (
    <section class="problems-list card" aria-labelledby={`${props.id}-heading`} data-problems={props.id}>
      <h2 id={`${props.id}-heading`}>
        {props.title}{' '}
        <span class="badge" classList={{ warn: errors() > 0, ok: errors() === 0 }} aria-live="polite" data-error-count={errors()}>
          {errors()} {t('errors')} · {props.problems.length - errors()} {t('warnings')}
        </span>
      </h2>
      <Show when={props.problems.length > 0} fallback={<p class="muted">{t('noProblems')}</p>}>
        <ul class="plain stack">
          <For each={sorted()}>
            {(problem) => (
              <li>
                <span class={problem.severity === 'error' ? 'badge warn' : 'badge'}>{problem.severity === 'error' ? t('error') : t('warning')}</span>{' '}
                <button type="button" class="link" onClick={() => props.onGo(problem.path)}>
                  <code>{formatPath(problem.path)}</code>
                </button>
                : {tr(problem.message)}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
