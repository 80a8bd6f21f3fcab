import type { Indicator, Path, Validation } from '@chiso/criteria';
import { For, Index, Show } from 'solid-js';
import { tr } from '../../i18n/locale.ts';
import { Checkbox, ItemControls, TextsInput } from './inputs.tsx';
import { appendItem, moveItem, removeItem, replaceItem } from './ops.ts';
import { domId } from './paths.ts';
import { t } from './phrases.ts';
import { RuleEditor } from './rule-editor.tsx';
import { newValidation, withMessageField } from './validation-ops.ts';

/**
 * An indicator's validations: each a JSON-logic rule over the answers that must hold (truthy = valid),
 * the message a school sees when it does not, and the fields that message shows on.
 */
export function ValidationsEditor(props: { path: Path; indicator: Indicator; knownVars: ReadonlySet<string>; onChange: (next: Validation[]) => void }) {
  const list = () => props.indicator.validations;
  const itemId = (index: number) => domId([...props.path, index]);
  const set = (index: number, validation: Validation) => props.onChange(replaceItem(list(), index, validation));
  const fieldOrder = () => props.indicator.fields.map((field) => field.id);
  const starter = () => newValidation(props.indicator);
  return (
    <div class="validations stack" id={domId(props.path)} tabindex="-1" data-validations={props.indicator.id}>
      <h4 class="subhead">{t('validations')}</h4>
      <Show when={list().length === 0}>
        <p class="muted">{t('noValidations')}</p>
      </Show>
      <ol class="plain stack">
        <Index each={list()}>
          {(validation, index) => (
            <li class="card inner stack" id={itemId(index)} tabindex="-1" data-validation={index}>
              <div class="item-head">
                <strong>
                  {t('validation')} {index + 1}
                </strong>
                <ItemControls
                  idBase={itemId}
                  index={index}
                  count={list().length}
                  name={`${t('validation')} ${index + 1} (${t('indicator')} ${props.indicator.id})`}
                  onMove={(delta) => props.onChange(moveItem(list(), index, delta))}
                  onRemove={() => props.onChange(removeItem(list(), index))}
                />
              </div>
              <RuleEditor
                id={domId([...props.path, index, 'rule'])}
                label={`${t('validationRule')} ${index + 1}`}
                value={validation().rule}
                optional={false}
                variables={null}
                knownVars={props.knownVars}
                onChange={(rule) => set(index, { ...validation(), rule: rule ?? true })}
              />
              <TextsInput
                id={domId([...props.path, index, 'message'])}
                label={`${t('validationMessage')} ${index + 1}`}
                value={validation().message}
                onChange={(message) => set(index, { ...validation(), message: message ?? { vi: '' } })}
              />
              <fieldset id={domId([...props.path, index, 'fields'])} tabindex="-1">
                <legend>
                  {t('validationFields')} {index + 1}
                </legend>
                <For each={props.indicator.fields}>
                  {(field) => (
                    <Checkbox
                      id={`${domId([...props.path, index, 'fields'])}-${field.id.replace(/[^A-Za-z0-9_]/g, '_')}`}
                      label={`${field.id}: ${tr(field.label)}`}
                      checked={validation().fields.includes(field.id)}
                      onChange={(on) => set(index, withMessageField(validation(), fieldOrder(), field.id, on))}
                    />
                  )}
                </For>
              </fieldset>
            </li>
          )}
        </Index>
      </ol>
      <p>
        <button
          type="button"
          disabled={starter() === null}
          onClick={() => {
            const next = starter();
            if (next) props.onChange(appendItem(list(), next));
          }}
        >
          + {t('addValidation')}
        </button>
        <Show when={starter() === null}>
          {' '}
          <span class="muted">{t('validationNeedsField')}</span>
        </Show>
      </p>
    </div>
  );
}
