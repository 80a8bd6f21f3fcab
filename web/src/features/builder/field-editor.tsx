import { FIELD_KINDS, type Field, type FieldKind, type Option, type Path } from '@chiso/criteria';
import { Index, Show } from 'solid-js';
import { Checkbox, ItemControls, NumberInput, Select, TextInput, TextsInput } from './inputs.tsx';
import { appendItem, changeFieldKind, moveItem, newOption, removeItem, replaceItem } from './ops.ts';
import { domId } from './paths.ts';
import { t } from './phrases.ts';
import { RuleEditor } from './rule-editor.tsx';

/** One field an indicator asks: its kind, texts, whether required, skip logic and its kind's own settings. */
export function FieldEditor(props: { path: Path; field: Field; knownVars: ReadonlySet<string>; onChange: (next: Field) => void }) {
  const id = (...steps: (string | number)[]) => domId([...props.path, ...steps]);
  const ratio = () => (props.field.kind === 'ratio' ? props.field : undefined);
  const choice = () => (props.field.kind === 'choice' || props.field.kind === 'multichoice' ? props.field : undefined);
  const count = () => (props.field.kind === 'count' ? props.field : undefined);
  const number = () => (props.field.kind === 'number' ? props.field : undefined);
  const setOptions = (options: Option[]) => {
    const field = choice();
    if (field) props.onChange({ ...field, options });
  };
  return (
    <div class="field-editor stack">
      <div class="row">
        <TextInput id={id('id')} label={t('fieldId')} value={props.field.id} onChange={(value) => props.onChange({ ...props.field, id: value })} />
        <Select id={id('kind')} label={t('fieldKind')} value={props.field.kind} options={FIELD_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))} onChange={(kind) => props.onChange(changeFieldKind(props.field, kind))} />
        <Checkbox id={id('required')} label={t('required')} checked={props.field.required} onChange={(required) => props.onChange({ ...props.field, required })} />
      </div>
      <TextsInput id={id('label')} label={t('fieldLabel')} value={props.field.label} onChange={(label) => props.onChange({ ...props.field, label: label ?? { vi: '' } })} />
      <TextsInput id={id('help')} label={t('help')} optional value={props.field.help} onChange={(help) => props.onChange(withOptional(props.field, 'help', help))} />
      <Show when={ratio()}>
        {(field) => (
          <>
            <TextsInput id={id('numeratorLabel')} label={t('numeratorLabel')} value={field().numeratorLabel} onChange={(text) => props.onChange({ ...field(), numeratorLabel: text ?? { vi: '' } })} />
            <TextsInput id={id('denominatorLabel')} label={t('denominatorLabel')} value={field().denominatorLabel} onChange={(text) => props.onChange({ ...field(), denominatorLabel: text ?? { vi: '' } })} />
          </>
        )}
      </Show>
      <Show when={count()}>
        {(field) => <NumberInput id={id('max')} label={t('countMax')} value={field().max} onChange={(max) => props.onChange(withOptional(field(), 'max', max))} />}
      </Show>
      <Show when={number()}>
        {(field) => (
          <div class="row">
            <NumberInput id={id('min')} label={t('numberMin')} value={field().min} onChange={(min) => props.onChange(withOptional(field(), 'min', min))} />
            <NumberInput id={id('max')} label={t('numberMax')} value={field().max} onChange={(max) => props.onChange(withOptional(field(), 'max', max))} />
            <NumberInput id={id('decimals')} label={t('decimals')} value={field().decimals} onChange={(decimals) => props.onChange({ ...field(), decimals: decimals ?? 0 })} />
          </div>
        )}
      </Show>
      <Show when={choice()}>
        {(field) => {
          const optionId = (index: number) => id('options', index);
          return (
            <fieldset id={id('options')} tabindex="-1">
              <legend>{t('options')}</legend>
              <ol class="plain stack">
                <Index each={field().options}>
                  {(option, index) => (
                    <li class="option-row">
                      <div class="row">
                        <TextInput id={`${optionId(index)}-value`} label={`${t('optionValue')} ${index + 1}`} value={option().value} onChange={(value) => setOptions(replaceItem(field().options, index, { ...option(), value }))} />
                        <ItemControls
                          idBase={optionId}
                          index={index}
                          count={field().options.length}
                          name={`${t('option')} ${option().value}`}
                          canRemove={field().options.length > 1}
                          onMove={(delta) => setOptions(moveItem(field().options, index, delta))}
                          onRemove={() => setOptions(removeItem(field().options, index))}
                        />
                      </div>
                      <TextsInput id={domId([...props.path, 'options', index, 'label'])} label={`${t('optionLabel')} ${index + 1}`} value={option().label} onChange={(label) => setOptions(replaceItem(field().options, index, { ...option(), label: label ?? { vi: '' } }))} />
                    </li>
                  )}
                </Index>
              </ol>
              <button type="button" onClick={() => setOptions(appendItem(field().options, newOption(field().options)))}>
                + {t('addOption')}
              </button>
            </fieldset>
          );
        }}
      </Show>
      <RuleEditor
        id={id('relevantWhen')}
        label={t('relevantWhen')}
        value={props.field.relevantWhen}
        optional
        variables={null}
        knownVars={props.knownVars}
        onChange={(rule) => props.onChange(withOptional(props.field, 'relevantWhen', rule))}
      />
    </div>
  );
}

/** An object with an optional property set, or removed when the value is undefined. */
export function withOptional<T extends object, K extends keyof T>(item: T, key: K, value: T[K] | undefined): T {
  const next = { ...item };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
