import { For } from 'solid-js';
import type { Texts } from '../../i18n/locale.ts';
import { DEADLINE_STEPS, type DeadlineStep, type Deadlines } from './api.ts';
import { FieldProblem, fieldId, problemId } from './field-problem.tsx';
import { t } from './phrases.ts';

/** The five deadlines as date inputs, in the order the steps happen. */
export function DeadlinesFieldset(props: { value: Deadlines; onChange: (step: DeadlineStep, day: string) => void; problems: ReadonlyMap<string, Texts> }) {
  return (
    <fieldset class="card" aria-describedby="deadlines-help">
      <legend>
        <h2>{t('deadlinesLegend')}</h2>
      </legend>
      <p class="help" id="deadlines-help">
        {t('deadlinesHelp')}
      </p>
      <ol class="deadline-list">
        <For each={DEADLINE_STEPS}>
          {(step) => {
            const key = `deadlines.${step}`;
            return (
              <li class="field">
                <label for={fieldId(key)}>{t(`step.${step}`)}</label>
                <input
                  id={fieldId(key)}
                  type="date"
                  required
                  value={props.value[step]}
                  aria-invalid={props.problems.has(key) ? 'true' : undefined}
                  aria-describedby={props.problems.has(key) ? problemId(key) : undefined}
                  onInput={(e) => props.onChange(step, e.currentTarget.value)}
                />
                <FieldProblem key={key} problem={props.problems.get(key)} />
              </li>
            );
          }}
        </For>
      </ol>
    </fieldset>
  );
}
