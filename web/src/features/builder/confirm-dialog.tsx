import { type JSX, Show, createEffect } from 'solid-js';
import { t } from './phrases.ts';

/**
 * A modal confirmation (the browser's <dialog>: focus stays inside, Escape cancels), for the steps that
 * cannot be undone: publishing and retiring a version.
 */
export function ConfirmDialog(props: { id: string; open: boolean; title: string; children: JSX.Element; confirmLabel: string; busy: boolean; error: string | null; onConfirm: () => void; onCancel: () => void }) {
  let dialog: HTMLDialogElement | undefined;
  createEffect(() => {
    if (dialog === undefined) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  });
  return (
    <dialog
      ref={dialog}
      id={props.id}
      class="confirm card"
      aria-labelledby={`${props.id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
      <Show when={props.error}>
        {(message) => (
          <p class="error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <div class="row">
        <button type="button" class="primary" disabled={props.busy} onClick={() => props.onConfirm()}>
          {props.busy ? t('working') : props.confirmLabel}
        </button>
        <button type="button" onClick={() => props.onCancel()}>
          {t('cancel')}
        </button>
      </div>
    </dialog>
  );
}
