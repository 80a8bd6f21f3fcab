import { Show } from 'solid-js';
import { type Texts, tr } from '../../i18n/locale.ts';

/** The id of a field's problem text, for aria-describedby. */
export const problemId = (key: string): string => `problem-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** The id of a field's input, so the problem summary can link to it. */
export const fieldId = (key: string): string => `field-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** One field's problem, under it, in the user's language. */
export function FieldProblem(props: { key: string; problem: Texts | undefined }) {
  return (
    <Show when={props.problem}>
      {(problem) => (
        <p class="error field-problem" id={problemId(props.key)}>
          {tr(problem())}
        </p>
      )}
    </Show>
  );
}
