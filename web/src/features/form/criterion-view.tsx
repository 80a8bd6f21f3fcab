import type { Criterion, CriterionScore, IndicatorScore, Problem } from '@chiso/criteria';
import { For, type JSX, Show } from 'solid-js';
import { formatNumber, t, tr } from '../../i18n/locale.ts';
import { FieldInput } from './field-input.tsx';
import { elementId } from './targets.ts';

export interface FormState {
  answers: () => Record<string, unknown>;
  awards: () => Record<string, unknown>;
  asked: () => ReadonlySet<string>;
  problems: () => ReadonlyMap<string, Problem[]>;
  editable: () => boolean;
  setAnswer: (fieldId: string, value: unknown) => void;
  setAward: (indicatorId: string, raw: string) => void;
}

const none: Problem[] = [];

/** One criterion: its indicators with their fields, current cap and award, and its points and level; then `children` (its evidence). */
export function CriterionView(props: { criterion: Criterion; score: CriterionScore | undefined; state: FormState; children?: JSX.Element }) {
  const indicatorScore = (id: string): IndicatorScore | undefined => props.score?.indicators.find((indicator) => indicator.id === id);
  return (
    <section class="criterion card" aria-labelledby={elementId({ kind: 'evidence', id: props.criterion.id })}>
      <header class="criterion-head">
        <h3 id={elementId({ kind: 'evidence', id: props.criterion.id })} tabindex="-1">
          {t('criterion')} {props.criterion.id}. {tr(props.criterion.title)}
        </h3>
        <Show
          when={props.criterion.kind === 'scored'}
          fallback={
            <span class={props.score?.met ? 'badge ok' : 'badge warn'} data-criterion-met={props.criterion.id}>
              {t('mandatory')}: {props.score?.met ? t('met') : t('notMet')}
            </span>
          }
        >
          <span class="badge" data-criterion-points={props.criterion.id}>
            {formatNumber(props.score?.points ?? 0)} / {formatNumber(props.score?.max ?? 0)} {t('points')} · {t('level')} {props.score?.level ?? '—'}
          </span>
        </Show>
      </header>
      <Show when={props.criterion.description}>{(description) => <p class="help">{tr(description())}</p>}</Show>
      <For each={props.criterion.indicators}>
        {(indicator) => {
          const score = () => indicatorScore(indicator.id);
          const awardId = elementId({ kind: 'award', id: indicator.id });
          const awardProblems = () => props.state.problems().get(`award:${indicator.id}`) ?? none;
          const awardText = () => {
            const value = props.state.awards()[indicator.id];
            return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
          };
          return (
            <Show when={score()?.relevant !== false}>
              <div class="indicator" data-indicator={indicator.id}>
                <h4>
                  {indicator.id}. {tr(indicator.title)}
                </h4>
                <Show when={indicator.description}>{(description) => <p class="help">{tr(description())}</p>}</Show>
                <For each={indicator.fields}>
                  {(field) => (
                    <Show when={props.state.asked().has(field.id)}>
                      <FieldInput
                        field={field}
                        value={props.state.answers()[field.id]}
                        problems={props.state.problems().get(`answer:${field.id}`) ?? none}
                        disabled={!props.state.editable()}
                        onChange={(value) => props.state.setAnswer(field.id, value)}
                      />
                    </Show>
                  )}
                </For>
                <Show when={indicator.max > 0}>
                  <div class="award row">
                    <span class="cap" data-cap={indicator.id}>
                      {t('cap')}: <strong>{formatNumber(score()?.cap ?? indicator.max)}</strong> / {formatNumber(indicator.max)}
                    </span>
                    <Show
                      when={indicator.scoring === 'awarded'}
                      fallback={
                        <span>
                          {t('automatic')}: <strong>{formatNumber(score()?.awarded ?? 0)}</strong>
                        </span>
                      }
                    >
                      <label for={awardId}>{t('award')}</label>
                      <input
                        id={awardId}
                        class="award-input"
                        type="number"
                        inputmode="decimal"
                        min="0"
                        max={String(score()?.cap ?? indicator.max)}
                        step="any"
                        aria-describedby={`${awardId}-problems`}
                        aria-invalid={awardProblems().length > 0}
                        disabled={!props.state.editable()}
                        value={awardText()}
                        onInput={(e) => props.state.setAward(indicator.id, e.currentTarget.value)}
                      />
                    </Show>
                  </div>
                  <ul id={`${awardId}-problems`} class="problems" aria-live="polite">
                    <For each={awardProblems()}>{(problem) => <li>{tr(problem.message)}</li>}</For>
                  </ul>
                </Show>
              </div>
            </Show>
          );
        }}
      </For>
      {props.children}
    </section>
  );
}
