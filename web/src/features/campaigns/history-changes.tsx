import { For, Show } from 'solid-js';
import { tr } from '../../i18n/locale.ts';
import { stepName } from './campaign-form.ts';
import type { CriteriaSummary, HistoryChange } from './history.ts';
import { kindLabel } from './kind-versions.tsx';
import { fill, t } from './phrases.ts';

/** The name of a changed field, as the form and the plan call it. */
export function changeLabel(change: HistoryChange): string {
  switch (change.field) {
    case 'name':
      return t('field.name');
    case 'schoolYear':
      return t('schoolYear');
    case 'status':
      return t('status');
    case 'recognition':
      return t('recognitionRule');
    case 'criteria':
      return t('versions');
    case 'deadline':
      return fill(t('field.deadline'), { step: tr(stepName(change.step)) });
  }
}

const criteriaText = (entries: CriteriaSummary[]): string =>
  entries.map((entry) => `${entry.label} (${entry.ref}): ${entry.kinds.map(kindLabel).join(', ')}`).join('; ');

/** A value of a changed field in words; null (not there) as a dash. */
function valueText(change: HistoryChange, side: 'before' | 'after'): string {
  if (change.field === 'status') {
    const status = change[side];
    return status === null ? t('none') : t(`campaign.${status}`);
  }
  if (change.field === 'recognition') {
    const rule = change[side];
    return rule === null ? t('none') : t(`rule.${rule}`);
  }
  if (change.field === 'criteria') {
    const entries = change[side];
    return entries === null ? t('none') : criteriaText(entries);
  }
  return change[side] ?? t('none');
}

/**
 * The changed fields of one history entry (or of someone else's save), each as `field: before → after`;
 * what a new campaign was created with has no before, so only its value.
 */
export function HistoryChanges(props: { changes: HistoryChange[] }) {
  return (
    <Show when={props.changes.length > 0}>
      <ul class="history-changes">
        <For each={props.changes}>
          {(change) => (
            <li data-change={change.field === 'deadline' ? `deadline.${change.step}` : change.field}>
              <span class="history-field">{changeLabel(change)}:</span>{' '}
              <Show when={change.before !== null} fallback={<span class="history-after">{valueText(change, 'after')}</span>}>
                <span class="history-before">{valueText(change, 'before')}</span> → <span class="history-after">{valueText(change, 'after')}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
