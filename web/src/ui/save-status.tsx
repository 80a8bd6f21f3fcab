import { Show } from 'solid-js';
import type { ApiError } from '../api/errors.ts';
import type { SaveState } from '../features/form/autosave.ts';
import { errorText, t } from '../i18n/locale.ts';

const PHRASES = { saved: 'saved', dirty: 'unsaved', saving: 'saving', offline: 'offline', conflict: 'conflict', refused: 'refused' } as const;

/** Where autosave stands, always visible and announced politely to screen readers. */
export function SaveStatus(props: { state: SaveState; error: ApiError | null }) {
  return (
    <div class={`save-status ${props.state}`} role="status" aria-live="polite" data-save-state={props.state}>
      <strong>{t(PHRASES[props.state])}</strong>
      <Show when={props.state === 'conflict'}>
        <span> {t('conflictHelp')}</span>
      </Show>
      <Show when={props.state === 'refused' && props.error}>{(error) => <span>: {errorText(error())}</span>}</Show>
    </div>
  );
}
