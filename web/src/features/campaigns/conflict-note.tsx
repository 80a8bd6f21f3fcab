import { Show } from 'solid-js';
import { tr } from '../../i18n/locale.ts';
import { DEADLINE_STEPS } from './api.ts';
import { type FieldKey, stepName } from './campaign-form.ts';
import { HistoryChanges } from './history-changes.tsx';
import type { HistoryChange } from './history.ts';
import { kindLabel } from './kind-versions.tsx';
import { fill, t } from './phrases.ts';

/** What a 409 on save found: the other person's changes, and the fields both changed (the person's value kept). */
export interface ConflictView {
  changes: HistoryChange[];
  clashes: FieldKey[];
}

function fieldLabel(key: FieldKey): string {
  if (key === 'name') return t('field.name');
  if (key === 'schoolYear') return t('schoolYear');
  if (key === 'recognition') return t('recognitionRule');
  if (key.startsWith('kind.')) return kindLabel(key.slice('kind.'.length));
  const step = /^deadlines\.(\w+)$/.exec(key)?.[1];
  const known = DEADLINE_STEPS.find((candidate) => candidate === step);
  return known === undefined ? key : fill(t('field.deadline'), { step: tr(stepName(known)) });
}

/** The note (an alert, focused) that someone else saved first, what they changed, and that nothing typed was lost. */
export function ConflictNote(props: { view: ConflictView }) {
  return (
    <div class="note conflict-note" role="alert" id="campaign-conflict" tabIndex={-1} data-conflict>
      <p>
        <strong>{t('conflictTitle')}</strong>
      </p>
      <p>{t('conflictText')}</p>
      <Show when={props.view.changes.length > 0} fallback={<p>{t('conflictNone')}</p>}>
        <HistoryChanges changes={props.view.changes} />
      </Show>
      <Show when={props.view.clashes.length > 0}>
        <p>{fill(t('conflictClashes'), { fields: props.view.clashes.map(fieldLabel).join(', ') })}</p>
      </Show>
    </div>
  );
}
