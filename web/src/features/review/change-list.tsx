import { For } from 'solid-js';
import { formatNumber, tr } from '../../i18n/locale.ts';
import { answerText } from './answer-text.ts';
import type { ChangeMark } from './changes.ts';
import { t } from './phrases.ts';

const KIND_PHRASE = { answer: 'answerChanged', award: 'awardChanged', evidence: 'evidenceChanged', comment: 'commentChanged' } as const;

/** A value before or after a change, in words: an answer as its field shows it, points as a number, lists joined. */
function valueText(mark: ChangeMark, value: unknown): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return '—';
  if (mark.field !== null) return answerText(mark.field, value, { yes: t('yes'), no: t('no') }) || '—';
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The school's changes since the return on one criterion, each with what it was and what it is now. */
export function ChangeList(props: { marks: readonly ChangeMark[] }) {
  return (
    <div class="changes note" data-changes>
      <strong>{t('changedBadge')}</strong>
      <ul>
        <For each={props.marks}>
          {(mark) => (
            <li data-change={`${mark.kind}:${mark.id}`}>
              {t(KIND_PHRASE[mark.kind])} {mark.field ? tr(mark.field.label) : mark.id}: <span class="visually-hidden">{t('before')}</span>
              <del>{valueText(mark, mark.before)}</del> → <span class="visually-hidden">{t('after')}</span>
              <ins>{valueText(mark, mark.after)}</ins>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
