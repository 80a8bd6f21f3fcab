import type { Definition, Indicator, Path } from '@chiso/criteria';
import { Index, createMemo } from 'solid-js';
import { FieldEditor, withOptional } from './field-editor.tsx';
import { ItemControls, NumberInput, Select, TextInput, TextsInput } from './inputs.tsx';
import { appendItem, moveItem, newField, removeItem, replaceItem } from './ops.ts';
import { domId } from './paths.ts';
import { t } from './phrases.ts';
import { RuleEditor } from './rule-editor.tsx';
import { ValidationsEditor } from './validations-editor.tsx';
import { ruleVariables } from './variables.ts';

/** One indicator: texts, most points, how it is scored, its cap rule, skip logic, the fields it asks and their validations. */
export function IndicatorEditor(props: { path: Path; indicator: Indicator; definition: Definition; knownVars: ReadonlySet<string>; onChange: (next: Indicator) => void }) {
  const id = (...steps: (string | number)[]) => domId([...props.path, ...steps]);
  const variables = createMemo(() => ruleVariables(props.definition, props.indicator.fields.map((field) => field.id)));
  const fieldId = (index: number) => id('fields', index);
  const setFields = (fields: Indicator['fields']) => props.onChange({ ...props.indicator, fields });
  return (
    <div class="indicator-editor stack">
      <div class="row">
        <TextInput id={id('id')} label={t('indicatorId')} value={props.indicator.id} onChange={(value) => props.onChange({ ...props.indicator, id: value })} />
        <NumberInput id={id('max')} label={t('indicatorMax')} value={props.indicator.max} onChange={(max) => props.onChange({ ...props.indicator, max: max ?? 0 })} />
        <Select
          id={id('scoring')}
          label={t('scoring')}
          value={props.indicator.scoring}
          options={[
            { value: 'awarded', label: t('scoringAwarded') },
            { value: 'automatic', label: t('scoringAutomatic') },
          ]}
          onChange={(scoring) => props.onChange({ ...props.indicator, scoring })}
        />
      </div>
      <TextsInput id={id('title')} label={t('title')} multiline value={props.indicator.title} onChange={(title) => props.onChange({ ...props.indicator, title: title ?? { vi: '' } })} />
      <TextsInput id={id('description')} label={t('description')} optional multiline value={props.indicator.description} onChange={(text) => props.onChange(withOptional(props.indicator, 'description', text))} />
      <RuleEditor
        id={id('cap')}
        label={`${t('capRule')} ${props.indicator.id}`}
        value={props.indicator.cap}
        optional
        max={props.indicator.max}
        variables={variables()}
        knownVars={props.knownVars}
        onChange={(cap) => props.onChange(withOptional(props.indicator, 'cap', cap))}
      />
      <RuleEditor
        id={id('relevantWhen')}
        label={t('relevantWhen')}
        value={props.indicator.relevantWhen}
        optional
        variables={null}
        knownVars={props.knownVars}
        onChange={(rule) => props.onChange(withOptional(props.indicator, 'relevantWhen', rule))}
      />
      <h4 class="subhead">{t('fields')}</h4>
      <ol class="plain stack">
        <Index each={props.indicator.fields}>
          {(field, index) => (
            <li class="card inner" id={fieldId(index)} tabindex="-1">
              <div class="item-head">
                <strong>
                  {t('field')} {field().id}
                </strong>
                <ItemControls
                  idBase={fieldId}
                  index={index}
                  count={props.indicator.fields.length}
                  name={`${t('field')} ${field().id}`}
                  onMove={(delta) => setFields(moveItem(props.indicator.fields, index, delta))}
                  onRemove={() => setFields(removeItem(props.indicator.fields, index))}
                />
              </div>
              <FieldEditor path={[...props.path, 'fields', index]} field={field()} knownVars={props.knownVars} onChange={(next) => setFields(replaceItem(props.indicator.fields, index, next))} />
            </li>
          )}
        </Index>
      </ol>
      <p>
        <button type="button" onClick={() => setFields(appendItem(props.indicator.fields, newField(props.definition)))}>
          + {t('addField')}
        </button>
      </p>
      <ValidationsEditor path={[...props.path, 'validations']} indicator={props.indicator} knownVars={props.knownVars} onChange={(validations) => props.onChange({ ...props.indicator, validations })} />
    </div>
  );
}
