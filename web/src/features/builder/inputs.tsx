import type { LocalizedText } from '@chiso/criteria';
import { type JSX, Show, createEffect, createSignal } from 'solid-js';
import { t } from './phrases.ts';

/**
 * The editor's small inputs. Each takes the id of its path in the definition (paths.ts), so a problem
 * can focus it, and reports a whole new value; none keeps state of its own beyond what is being typed.
 */

/** A text in Vietnamese (required) and English (optional), as the definition stores texts. */
export function TextsInput(props: { id: string; label: string; value: LocalizedText | undefined; optional?: boolean; multiline?: boolean; onChange: (next: LocalizedText | undefined) => void }) {
  const change = (lang: 'vi' | 'en', raw: string) => {
    const current = props.value ?? { vi: '' };
    const next: LocalizedText = { ...current, [lang]: raw };
    if (next.en === '') delete next.en;
    props.onChange(props.optional && next.vi === '' && next.en === undefined ? undefined : next);
  };
  const box = (lang: 'vi' | 'en'): JSX.Element => {
    const id = `${props.id}-${lang}`;
    const value = () => props.value?.[lang] ?? '';
    return (
      <label for={id} class="texts-lang">
        <span>
          {props.label} <span class="muted">({lang === 'vi' ? t('inVietnamese') : t('inEnglish')})</span>
        </span>
        <Show when={props.multiline} fallback={<input id={id} type="text" lang={lang} value={value()} onInput={(e) => change(lang, e.currentTarget.value)} />}>
          <textarea id={id} rows="2" lang={lang} value={value()} onInput={(e) => change(lang, e.currentTarget.value)} />
        </Show>
      </label>
    );
  };
  return (
    <div class="texts" id={props.id} tabindex="-1">
      {box('vi')}
      {box('en')}
    </div>
  );
}

/** A number; what is being typed ("1," on the way to "1,5") stays on screen until it reads as a number. */
export function NumberInput(props: { id: string; label: string; value: number | undefined; onChange: (next: number | undefined) => void }) {
  const [text, setText] = createSignal(props.value === undefined ? '' : String(props.value));
  createEffect(() => {
    const value = props.value;
    const typed = text().trim().replace(',', '.');
    if ((typed === '' ? undefined : Number(typed)) !== value) setText(value === undefined ? '' : String(value));
  });
  return (
    <label for={props.id} class="number-input">
      {props.label}
      <input
        id={props.id}
        type="text"
        inputmode="decimal"
        value={text()}
        onInput={(e) => {
          const raw = e.currentTarget.value;
          setText(raw);
          const typed = raw.trim().replace(',', '.');
          if (typed === '') props.onChange(undefined);
          else if (Number.isFinite(Number(typed))) props.onChange(Number(typed));
        }}
      />
    </label>
  );
}

export function TextInput(props: { id: string; label: string; value: string; onChange: (next: string) => void }) {
  return (
    <label for={props.id}>
      {props.label}
      <input id={props.id} type="text" value={props.value} onInput={(e) => props.onChange(e.currentTarget.value)} />
    </label>
  );
}

export function Checkbox(props: { id: string; label: string; checked: boolean; onChange: (next: boolean) => void }) {
  return (
    <label for={props.id} class="inline">
      <input id={props.id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.currentTarget.checked)} />
      {props.label}
    </label>
  );
}

export function Select<V extends string>(props: { id: string; label: string; value: V; options: readonly { value: V; label: string }[]; onChange: (next: V) => void }) {
  return (
    <label for={props.id}>
      {props.label}
      <select
        id={props.id}
        onChange={(e) => {
          const chosen = props.options.find((option) => option.value === e.currentTarget.value);
          if (chosen) props.onChange(chosen.value);
        }}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Move up, move down and remove for one item of a list, named after the item for screen readers. After a
 * move the focus follows the item to its new place (the buttons there have the same ids, by position).
 */
export function ItemControls(props: { idBase: (index: number) => string; index: number; count: number; name: string; onMove: (delta: -1 | 1) => void; onRemove: () => void; canRemove?: boolean }) {
  const move = (delta: -1 | 1) => {
    props.onMove(delta);
    const target = `${props.idBase(props.index + delta)}-${delta < 0 ? 'up' : 'down'}`;
    queueMicrotask(() => {
      const button = document.getElementById(target);
      if (button instanceof HTMLButtonElement && !button.disabled) button.focus();
      else document.getElementById(`${props.idBase(props.index + delta)}-${delta < 0 ? 'down' : 'up'}`)?.focus();
    });
  };
  // The focus goes to the item that took the removed one's place, else the one before it.
  const remove = () => {
    const index = props.index;
    props.onRemove();
    queueMicrotask(() => {
      const next = document.getElementById(`${props.idBase(index)}-remove`) ?? document.getElementById(`${props.idBase(index - 1)}-remove`);
      next?.focus();
    });
  };
  return (
    <span class="item-controls">
      <button type="button" id={`${props.idBase(props.index)}-up`} disabled={props.index === 0} aria-label={`${t('moveUp')}: ${props.name}`} onClick={() => move(-1)}>
        ↑
      </button>
      <button type="button" id={`${props.idBase(props.index)}-down`} disabled={props.index >= props.count - 1} aria-label={`${t('moveDown')}: ${props.name}`} onClick={() => move(1)}>
        ↓
      </button>
      <button type="button" id={`${props.idBase(props.index)}-remove`} class="danger" disabled={props.canRemove === false} aria-label={`${t('remove')}: ${props.name}`} onClick={remove}>
        ✕
      </button>
    </span>
  );
}
