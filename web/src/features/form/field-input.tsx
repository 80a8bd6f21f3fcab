import type { Field, Problem } from '@chiso/criteria';
import { For, Match, Show, Switch, createSignal } from 'solid-js';
import { formatNumber, t, tr } from '../../i18n/locale.ts';
import { elementId } from './targets.ts';

export interface FieldProps {
  field: Field;
  value: unknown;
  problems: readonly Problem[];
  disabled: boolean;
  onChange: (value: unknown) => void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** A typed number stays a number; anything else is kept as typed so the core can say what is wrong. */
function numberOrText(raw: string): unknown {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : trimmed;
}

/** An object answer (ratio, document, contact) with one part changed; all parts empty means no answer. */
function withPart(value: unknown, key: string, part: unknown): Record<string, unknown> | null {
  const next: Record<string, unknown> = { ...(isRecord(value) ? value : {}), [key]: part };
  for (const [name, item] of Object.entries(next)) if (item === null || item === '') delete next[name];
  return Object.keys(next).length === 0 ? null : next;
}

/** One field of the form, whatever its kind, with its label, help and the core's messages about it. */
export function FieldInput(props: FieldProps) {
  const id = () => elementId({ kind: 'answer', id: props.field.id });
  const helpId = () => `${id()}-help`;
  const label = () => (
    <>
      {tr(props.field.label)}
      <Show when={!props.field.required}> <span class="muted">{t('optional')}</span></Show>
    </>
  );
  const describedBy = () => `${helpId()} ${id()}-problems`;
  const invalid = () => props.problems.length > 0;
  const part = (key: string): unknown => (isRecord(props.value) ? props.value[key] : undefined);
  const ratio = () => (props.field.kind === 'ratio' ? props.field : null);
  const options = () => (props.field.kind === 'choice' || props.field.kind === 'multichoice' ? props.field.options : null);

  return (
    <div class="field" data-field={props.field.id}>
      <Switch>
        <Match when={props.field.kind === 'boolean'}>
          <fieldset id={id()} aria-describedby={describedBy()} aria-invalid={invalid()}>
            <legend>{label()}</legend>
            <For each={[true, false]}>
              {(option) => (
                <label class="inline">
                  <input type="radio" name={id()} checked={props.value === option} disabled={props.disabled} onChange={() => props.onChange(option)} />
                  {option ? t('yes') : t('no')}
                </label>
              )}
            </For>
          </fieldset>
        </Match>
        <Match when={ratio()}>
          {(ratio) => {
            const percent = () => {
              const numerator = part('numerator');
              const denominator = part('denominator');
              return typeof numerator === 'number' && typeof denominator === 'number' && denominator > 0 ? (numerator * 100) / denominator : null;
            };
            const numeratorLabel = () => tr(ratio().numeratorLabel);
            const denominatorLabel = () => tr(ratio().denominatorLabel);
            return (
              <fieldset aria-describedby={describedBy()} aria-invalid={invalid()}>
                <legend>{label()}</legend>
                <div class="row">
                  <label>
                    {numeratorLabel()}
                    <input id={id()} type="number" min="0" step="1" inputmode="numeric" disabled={props.disabled} value={textOf(part('numerator'))} onInput={(e) => props.onChange(withPart(props.value, 'numerator', numberOrText(e.currentTarget.value)))} />
                  </label>
                  <label>
                    {denominatorLabel()}
                    <input type="number" min="0" step="1" inputmode="numeric" disabled={props.disabled} value={textOf(part('denominator'))} onInput={(e) => props.onChange(withPart(props.value, 'denominator', numberOrText(e.currentTarget.value)))} />
                  </label>
                  <output class="percent" aria-live="polite">
                    {t('ratioPercent')}: {percent() === null ? '—' : `${formatNumber(percent() ?? 0)} %`}
                  </output>
                </div>
              </fieldset>
            );
          }}
        </Match>
        <Match when={options()}>
          {(options) => {
            return (
              <Show
                when={props.field.kind === 'multichoice'}
                fallback={
                  <>
                    <label for={id()}>{label()}</label>
                    <select id={id()} aria-describedby={describedBy()} aria-invalid={invalid()} disabled={props.disabled} onChange={(e) => props.onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}>
                      <option value="" selected={props.value === undefined || props.value === null}>{t('unanswered')}</option>
                      <For each={options()}>{(option) => <option value={option.value} selected={props.value === option.value}>{tr(option.label)}</option>}</For>
                    </select>
                  </>
                }
              >
                <fieldset id={id()} aria-describedby={describedBy()} aria-invalid={invalid()}>
                  <legend>{label()}</legend>
                  <For each={options()}>
                    {(option) => {
                      const chosen = () => (Array.isArray(props.value) ? props.value.filter((item): item is string => typeof item === 'string') : []);
                      return (
                        <label class="inline">
                          <input
                            type="checkbox"
                            disabled={props.disabled}
                            checked={chosen().includes(option.value)}
                            onChange={(e) => {
                              const next = e.currentTarget.checked ? [...chosen(), option.value] : chosen().filter((item) => item !== option.value);
                              props.onChange(next.length === 0 ? null : next);
                            }}
                          />
                          {tr(option.label)}
                        </label>
                      );
                    }}
                  </For>
                </fieldset>
              </Show>
            );
          }}
        </Match>
        <Match when={props.field.kind === 'count' || props.field.kind === 'number'}>
          <label for={id()}>{label()}</label>
          <input
            id={id()}
            type="number"
            inputmode="decimal"
            step={props.field.kind === 'number' ? String(10 ** -props.field.decimals) : '1'}
            min={props.field.kind === 'count' ? '0' : props.field.kind === 'number' && props.field.min !== undefined ? String(props.field.min) : undefined}
            aria-describedby={describedBy()}
            aria-invalid={invalid()}
            disabled={props.disabled}
            value={textOf(props.value)}
            onInput={(e) => props.onChange(numberOrText(e.currentTarget.value))}
          />
          <Show when={props.field.kind === 'number' && props.field.unit}>{(unit) => <span class="muted"> {tr(unit())}</span>}</Show>
        </Match>
        <Match when={props.field.kind === 'text'}>
          <label for={id()}>{label()}</label>
          <input id={id()} type="text" aria-describedby={describedBy()} aria-invalid={invalid()} disabled={props.disabled} value={textOf(props.value)} onInput={(e) => props.onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)} />
        </Match>
        <Match when={props.field.kind === 'links'}>
          {(() => {
            // The text as typed (blank lines included) stays local; the answer is the list of its lines.
            const [text, setText] = createSignal(Array.isArray(props.value) ? props.value.filter((item) => typeof item === 'string').join('\n') : '');
            return (
              <>
                <label for={id()}>{label()}</label>
                <textarea
                  id={id()}
                  rows="3"
                  placeholder={t('linkPlaceholder')}
                  aria-describedby={describedBy()}
                  aria-invalid={invalid()}
                  disabled={props.disabled}
                  value={text()}
                  onInput={(e) => {
                    setText(e.currentTarget.value);
                    const links = e.currentTarget.value.split('\n').map((line) => line.trim()).filter((line) => line !== '');
                    props.onChange(links.length === 0 ? null : links);
                  }}
                />
              </>
            );
          })()}
        </Match>
        <Match when={props.field.kind === 'document'}>
          <fieldset aria-describedby={describedBy()} aria-invalid={invalid()}>
            <legend>{label()}</legend>
            <div class="row">
              <label>
                {t('docNumber')}
                <input id={id()} type="text" disabled={props.disabled} value={textOf(part('number'))} onInput={(e) => props.onChange(withPart(props.value, 'number', e.currentTarget.value))} />
              </label>
              <label>
                {t('docDate')}
                <input type="date" disabled={props.disabled} value={textOf(part('date'))} onInput={(e) => props.onChange(withPart(props.value, 'date', e.currentTarget.value))} />
              </label>
            </div>
            <label>
              {t('docTitle')}
              <input type="text" disabled={props.disabled} value={textOf(part('title'))} onInput={(e) => props.onChange(withPart(props.value, 'title', e.currentTarget.value))} />
            </label>
          </fieldset>
        </Match>
        <Match when={props.field.kind === 'contact'}>
          <fieldset aria-describedby={describedBy()} aria-invalid={invalid()}>
            <legend>{label()}</legend>
            <div class="row">
              <For each={[['name', 'contactName', 'name', 'text'], ['position', 'contactPosition', 'organization-title', 'text'], ['email', 'contactEmail', 'email', 'email'], ['phone', 'contactPhone', 'tel', 'tel']] as const}>
                {([key, phrase, autocomplete, type], index) => (
                  <label>
                    {t(phrase)}
                    <input id={index() === 0 ? id() : undefined} type={type} autocomplete={autocomplete} disabled={props.disabled} value={textOf(part(key))} onInput={(e) => props.onChange(withPart(props.value, key, e.currentTarget.value))} />
                  </label>
                )}
              </For>
            </div>
          </fieldset>
        </Match>
      </Switch>
      <Show when={props.field.help}>{(help) => <p id={helpId()} class="help">{tr(help())}</p>}</Show>
      <ul id={`${id()}-problems`} class="problems" aria-live="polite">
        <For each={props.problems}>{(problem) => <li>{tr(problem.message)}</li>}</For>
      </ul>
    </div>
  );
}
