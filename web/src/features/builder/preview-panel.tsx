import { type Definition, type ScoreResult, askedFields, scoreSubmission } from '@chiso/criteria';
import { For, Show, createMemo } from 'solid-js';
import { formatNumber, tr } from '../../i18n/locale.ts';
import { CriterionView, type FormState } from '../form/criterion-view.tsx';
import { ScorePanel } from '../form/score-panel.tsx';
import { problemsByTarget, readAward } from '../form/targets.ts';
import { t } from './phrases.ts';

/** Sample answers and awards of the test panel: kept by the editor, so they survive tab changes and edits. */
export interface Sample {
  answers: () => Record<string, unknown>;
  awards: () => Record<string, unknown>;
  setAnswers: (next: Record<string, unknown>) => void;
  setAwards: (next: Record<string, unknown>) => void;
  /** Whether each indicator is awarded its cap, so only the answers need typing. */
  awardCaps: () => boolean;
  setAwardCaps: (on: boolean) => void;
}

/** Every indicator awarded the cap the answers give it. */
function capsAsAwards(definition: Definition, answers: Record<string, unknown>): Record<string, number> {
  const awards: Record<string, number> = {};
  for (const group of scoreSubmission(definition, answers, {}).groups) for (const criterion of group.criteria) for (const indicator of criterion.indicators) if (indicator.relevant && indicator.scoring === 'awarded' && indicator.max > 0) awards[indicator.id] = indicator.cap;
  return awards;
}

/**
 * The form as a school will see it, rendered by the school form's own components, and the test panel:
 * sample answers and awards typed into it are scored by the core as one types. Nothing is saved.
 */
export function PreviewPanel(props: { definition: Definition; sample: Sample }) {
  const awards = createMemo(() => (props.sample.awardCaps() ? capsAsAwards(props.definition, props.sample.answers()) : props.sample.awards()));
  const score = createMemo((): ScoreResult => scoreSubmission(props.definition, props.sample.answers(), awards()));
  const asked = createMemo(() => askedFields(props.definition, props.sample.answers()));
  const problems = createMemo(() => problemsByTarget(score().invalid));
  const state: FormState = {
    answers: () => props.sample.answers(),
    awards,
    asked,
    problems,
    editable: () => true,
    setAnswer(fieldId, value) {
      const next = { ...props.sample.answers() };
      if (value === null || value === undefined) delete next[fieldId];
      else next[fieldId] = value;
      props.sample.setAnswers(next);
    },
    setAward(indicatorId, raw) {
      const value = readAward(raw);
      const next = { ...awards() };
      if (value === null) delete next[indicatorId];
      else next[indicatorId] = value;
      props.sample.setAwardCaps(false);
      props.sample.setAwards(next);
    },
  };
  return (
    <section class="preview stack" aria-labelledby="b-preview-heading" data-preview>
      <h2 id="b-preview-heading">{t('previewTitle')}</h2>
      <p class="muted">{t('previewHelp')}</p>
      <div class="row">
        <label class="inline" for="b-award-caps">
          <input id="b-award-caps" type="checkbox" checked={props.sample.awardCaps()} onChange={(e) => props.sample.setAwardCaps(e.currentTarget.checked)} />
          {t('awardCaps')}
        </label>
        <button
          type="button"
          onClick={() => {
            props.sample.setAnswers({});
            props.sample.setAwards({});
          }}
        >
          {t('clearSample')}
        </button>
      </div>
      <div class="sticky" data-test-panel>
        <ScorePanel definition={props.definition} score={score()} />
        <p class="muted" aria-live="polite">
          {t('totalPoints')}: <strong data-sample-total>{formatNumber(score().total)}</strong>
        </p>
      </div>
      <For each={props.definition.groups}>
        {(group) => {
          const groupScore = () => score().groups.find((candidate) => candidate.id === group.id);
          return (
            <section class="group" aria-labelledby={`b-preview-group-${group.id}`}>
              <h2 id={`b-preview-group-${group.id}`}>
                {t('group')} {group.id}. {tr(group.title)}
              </h2>
              <For each={group.criteria}>{(criterion) => <CriterionView criterion={criterion} score={groupScore()?.criteria.find((candidate) => candidate.id === criterion.id)} state={state} />}</For>
            </section>
          );
        }}
      </For>
      <Show when={score().invalid.length > 0}>
        <p class="muted">{t('sampleInvalid')}: {score().invalid.length}</p>
      </Show>
    </section>
  );
}
