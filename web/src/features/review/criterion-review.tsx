import type { Criterion, CriterionScore, Field, Problem } from '@chiso/criteria';
import { For, Show } from 'solid-js';
import { formatNumber, tr } from '../../i18n/locale.ts';
import type { EvidenceMap } from './api.ts';
import { answerText, linksOf } from './answer-text.ts';
import type { ChangeMark } from './changes.ts';
import { ChangeList } from './change-list.tsx';
import { EvidenceList } from './evidence-list.tsx';
import { t } from './phrases.ts';
import { safe as safeId } from '../form/targets.ts';

/** What one criterion's screen reads and does; the review page holds the state. */
export interface CriterionReviewProps {
  criterion: Criterion;
  school: CriterionScore | undefined;
  reviewer: CriterionScore | undefined;
  answers: Record<string, unknown>;
  schoolComment: string | undefined;
  evidence: EvidenceMap;
  changes: readonly ChangeMark[];
  changedIndicators: ReadonlySet<string>;
  typedAward: (indicatorId: string) => string;
  typedComment: () => string;
  problems: (indicatorId: string) => readonly Problem[];
  editable: boolean;
  onAward: (indicatorId: string, raw: string) => void;
  onComment: (text: string) => void;
  fileUrl: (evidenceId: string) => Promise<string>;
}


function Summary(props: { score: CriterionScore | undefined; who: 'school' | 'reviewer' }) {
  return (
    <Show
      when={props.score?.kind !== 'mandatory'}
      fallback={
        <span class={props.score?.met ? 'badge ok' : 'badge warn'}>
          {props.who === 'school' ? t('school') : t('reviewer')}: {props.score?.met ? t('met') : t('notMet')}
        </span>
      }
    >
      <span class="badge" data-criterion-points={`${props.who}:${props.score?.id ?? ''}`}>
        {props.who === 'school' ? t('school') : t('reviewer')}: {formatNumber(props.score?.points ?? 0)} / {formatNumber(props.score?.max ?? 0)} · {t('level')}{' '}
        {props.score?.level ?? '—'}
      </span>
    </Show>
  );
}

function AnswerValue(props: { field: Field; value: unknown }) {
  const text = () => answerText(props.field, props.value, { yes: t('yes'), no: t('no') });
  const links = () => linksOf(props.field, props.value);
  return (
    <Show when={links().length === 0} fallback={<For each={links()}>{(url) => <a class="answer-link" href={url} target="_blank" rel="noopener noreferrer">{url}</a>}</For>}>
      <Show when={text() !== ''} fallback={<span class="muted">{t('notAnswered')}</span>}>
        <span class="answer">{text()}</span>
      </Show>
    </Show>
  );
}

/** One criterion: per indicator the school's answers and points beside the reviewer's own; evidence; comments. */
export function CriterionReview(props: CriterionReviewProps) {
  const headingId = () => `review-criterion-${safeId(props.criterion.id)}`;
  const changedFields = () => new Set(props.changes.filter((mark) => mark.kind === 'answer').map((mark) => mark.id));
  return (
    <section class="criterion card" classList={{ changed: props.changes.length > 0 }} aria-labelledby={headingId()} data-criterion={props.criterion.id}>
      <header class="criterion-head">
        <h3 id={headingId()} tabindex="-1">
          {t('criterion')} {props.criterion.id}. {tr(props.criterion.title)}
        </h3>
        <span class="row">
          <Summary score={props.school} who="school" />
          <Summary score={props.reviewer} who="reviewer" />
        </span>
      </header>
      <Show when={props.changes.length > 0}>
        <ChangeList marks={props.changes} />
      </Show>
      <For each={props.criterion.indicators}>
        {(indicator) => {
          const school = () => props.school?.indicators.find((item) => item.id === indicator.id);
          const reviewer = () => props.reviewer?.indicators.find((item) => item.id === indicator.id);
          const inputId = `review-award-${safeId(indicator.id)}`;
          const problems = () => props.problems(indicator.id);
          return (
            <Show when={school()?.relevant !== false}>
              <div class="indicator" classList={{ changed: props.changedIndicators.has(indicator.id) }} data-indicator={indicator.id}>
                <h4>
                  {indicator.id}. {tr(indicator.title)}
                  <Show when={props.changedIndicators.has(indicator.id)}>
                    {' '}
                    <span class="badge changed-badge">{t('changedBadge')}</span>
                  </Show>
                </h4>
                <Show when={indicator.fields.length > 0}>
                  <dl class="answers">
                    <For each={indicator.fields}>
                      {(field) => (
                        <div classList={{ changed: changedFields().has(field.id) }}>
                          <dt>{tr(field.label)}</dt>
                          <dd>
                            <AnswerValue field={field} value={props.answers[field.id]} />
                          </dd>
                        </div>
                      )}
                    </For>
                  </dl>
                </Show>
                <Show when={indicator.max > 0}>
                  <div class="award row">
                    <span>
                      {t('cap')}: <strong>{formatNumber(reviewer()?.cap ?? indicator.max)}</strong> / {formatNumber(indicator.max)}
                    </span>
                    <span>
                      {t('school')}: <strong data-school-award={indicator.id}>{formatNumber(school()?.awarded ?? 0)}</strong>
                      <Show when={indicator.scoring === 'automatic'}> ({t('automatic')})</Show>
                    </span>
                    <Show when={indicator.scoring === 'awarded'}>
                      <label for={inputId}>
                        {t('reviewerPoints')} {indicator.id}
                      </label>
                      <input
                        id={inputId}
                        class="award-input"
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        placeholder={formatNumber(school()?.awarded ?? 0)}
                        aria-describedby={`${inputId}-help ${inputId}-problems`}
                        aria-invalid={problems().length > 0}
                        disabled={!props.editable}
                        value={props.typedAward(indicator.id)}
                        onInput={(e) => props.onAward(indicator.id, e.currentTarget.value)}
                      />
                      <span id={`${inputId}-help`} class="muted">
                        {t('reviewerPointsHelp')}
                      </span>
                    </Show>
                  </div>
                  <ul id={`${inputId}-problems`} class="problems" aria-live="polite">
                    <For each={problems()}>{(problem) => <li>{tr(problem.message)}</li>}</For>
                  </ul>
                </Show>
              </div>
            </Show>
          );
        }}
      </For>
      <EvidenceList criterion={props.criterion} evidence={props.evidence} fileUrl={props.fileUrl} />
      <Show when={props.schoolComment}>
        {(comment) => (
          <p class="school-comment">
            <span class="muted">{t('schoolComment')}: </span>
            {comment()}
          </p>
        )}
      </Show>
      <div class="field">
        <label for={`review-comment-${safeId(props.criterion.id)}`}>
          {t('comment')} {props.criterion.id}
        </label>
        <textarea
          id={`review-comment-${safeId(props.criterion.id)}`}
          rows="2"
          maxLength={4000}
          disabled={!props.editable}
          value={props.typedComment()}
          onInput={(e) => props.onComment(e.currentTarget.value)}
        />
      </div>
    </section>
  );
}
