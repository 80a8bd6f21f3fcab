import { onMount } from 'solid-js';
import { t } from './phrases.ts';

/** An inline confirmation: the question, a confirming button (focused) and a way back. */
export function ConfirmBox(props: { id: string; text: string; confirm: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  let button: HTMLButtonElement | undefined;
  onMount(() => button?.focus());
  return (
    <div class="note confirm-box" role="alertdialog" aria-modal="false" aria-labelledby={`${props.id}-text`}>
      <p id={`${props.id}-text`}>{props.text}</p>
      <div class="row">
        <button ref={button} type="button" class="primary" disabled={props.busy} onClick={() => props.onConfirm()}>
          {props.confirm}
        </button>
        <button type="button" onClick={() => props.onCancel()}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
