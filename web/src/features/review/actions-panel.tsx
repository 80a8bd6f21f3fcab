import { Show, createSignal } from 'solid-js';
import type { ApiError } from '../../api/errors.ts';
import { t } from './phrases.ts';
import { type RecogniseInput, RecogniseForm } from './recognise-form.tsx';
import { RefusalView } from './refusal-view.tsx';

/** What the signed-in role may try; the API still decides (and its refusal is shown). */
export interface Powers {
  review: boolean;
  recognise: boolean;
}

export interface ActionsProps {
  allowed: readonly string[];
  powers: Powers;
  busy: boolean;
  dirty: boolean;
  refusal: ApiError | null;
  notice: string | null;
  levels: { groups: { id: string; level: number }[]; overall: number };
  onStart: () => void;
  onSave: () => void;
  onReturn: (comment: string) => void;
  onAccept: () => void;
  onRecognise: (input: RecogniseInput) => void;
  onPublish: () => void;
}

/** The steps the submission's state and the caller's role allow now, and the API's answer to the last one. */
export function ActionsPanel(props: ActionsProps) {
  const [comment, setComment] = createSignal('');
  const [commentMissing, setCommentMissing] = createSignal(false);
  const can = (action: string, power: boolean) => power && props.allowed.includes(action);
  const any = () =>
    ['start-review', 'review', 'return', 'accept'].some((action) => can(action, props.powers.review)) || ['recognise', 'publish'].some((action) => can(action, props.powers.recognise));

  const giveBack = (event: SubmitEvent) => {
    event.preventDefault();
    if (comment().trim() === '') {
      setCommentMissing(true);
      document.getElementById('return-comment')?.focus();
      return;
    }
    setCommentMissing(false);
    props.onReturn(comment().trim());
  };

  return (
    <section class="card actions" aria-labelledby="actions-title">
      <h2 id="actions-title" tabindex="-1">
        {t('actions')}
      </h2>
      <Show when={!any()}>
        <p class="muted">{t('noAction')}</p>
      </Show>
      <div class="row">
        <Show when={can('start-review', props.powers.review)}>
          <button type="button" class="primary" disabled={props.busy} onClick={() => props.onStart()}>
            {t('start')}
          </button>
        </Show>
        <Show when={can('review', props.powers.review)}>
          <button type="button" disabled={props.busy || !props.dirty} onClick={() => props.onSave()}>
            {t('save')}
          </button>
          <span class="muted" role="status">
            {props.dirty ? t('unsaved') : ''}
          </span>
        </Show>
        <Show when={can('accept', props.powers.review)}>
          <button type="button" class="primary" disabled={props.busy} onClick={() => props.onAccept()}>
            {t('accept')}
          </button>
        </Show>
        <Show when={can('publish', props.powers.recognise)}>
          <button type="button" class="primary" disabled={props.busy} onClick={() => props.onPublish()}>
            {t('publish')}
          </button>
        </Show>
      </div>
      <Show when={can('return', props.powers.review)}>
        <form class="return-form" aria-labelledby="return-title" onSubmit={giveBack} novalidate>
          <h3 id="return-title">{t('returnTitle')}</h3>
          <div class="field">
            <label for="return-comment">{t('returnComment')}</label>
            <textarea
              id="return-comment"
              rows="3"
              maxLength={4000}
              required
              aria-invalid={commentMissing()}
              aria-describedby="return-comment-problem"
              value={comment()}
              onInput={(e) => setComment(e.currentTarget.value)}
            />
            <p id="return-comment-problem" class="error" role="alert">
              <Show when={commentMissing()}>{t('returnCommentRequired')}</Show>
            </p>
          </div>
          <button type="submit" disabled={props.busy}>
            {t('giveBack')}
          </button>
        </form>
      </Show>
      <Show when={can('recognise', props.powers.recognise)}>
        <RecogniseForm groups={props.levels.groups} overall={props.levels.overall} busy={props.busy} onRecognise={props.onRecognise} />
      </Show>
      <Show when={props.refusal}>{(error) => <RefusalView error={error()} />}</Show>
      <p class="ok-text" role="status" aria-live="polite">
        {props.notice ?? ''}
      </p>
    </section>
  );
}
