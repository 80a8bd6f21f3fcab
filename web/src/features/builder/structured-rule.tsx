import { Index, Show } from 'solid-js';
import { moveItem, removeItem, replaceItem } from './ops.ts';
import { t } from './phrases.ts';
import { ItemControls, NumberInput, Select } from './inputs.tsx';
import type { BandsShape, Comparison, OptionsShape, RuleShape, YesShape } from './rule-shapes.ts';

/** A value a rule may read, as the author knows it: a field (or a ratio's percentage) and its options. */
export interface RuleVariable {
  path: string;
  label: string;
  kind: 'boolean' | 'number' | 'choice';
  options: readonly { value: string; label: string }[];
}

function VariableSelect(props: { id: string; value: string; kind: RuleVariable['kind']; variables: readonly RuleVariable[]; onChange: (path: string) => void }) {
  const choices = () => {
    const fitting = props.variables.filter((variable) => variable.kind === props.kind).map((variable) => ({ value: variable.path, label: variable.label }));
    return fitting.some((choice) => choice.value === props.value) ? fitting : [{ value: props.value, label: props.value }, ...fitting];
  };
  return <Select id={props.id} label={t('ruleVariable')} value={props.value} options={choices()} onChange={props.onChange} />;
}

/** The form of a rule with a known shape; every change is a whole new shape. */
export function StructuredRule(props: { id: string; shape: RuleShape; variables: readonly RuleVariable[]; onChange: (next: RuleShape) => void }) {
  return (
    <div class="structured-rule">
      <Show when={props.shape.kind === 'yes' ? props.shape : undefined}>{(shape) => <YesForm id={props.id} shape={shape()} variables={props.variables} onChange={props.onChange} />}</Show>
      <Show when={props.shape.kind === 'bands' ? props.shape : undefined}>{(shape) => <BandsForm id={props.id} shape={shape()} variables={props.variables} onChange={props.onChange} />}</Show>
      <Show when={props.shape.kind === 'options' ? props.shape : undefined}>
        {(shape) => <OptionsForm id={props.id} shape={shape()} variables={props.variables} onChange={props.onChange} />}
      </Show>
    </div>
  );
}

function YesForm(props: { id: string; shape: YesShape; variables: readonly RuleVariable[]; onChange: (next: RuleShape) => void }) {
  return (
    <div class="row">
      <VariableSelect id={`${props.id}-var`} value={props.shape.variable} kind="boolean" variables={props.variables} onChange={(variable) => props.onChange({ ...props.shape, variable })} />
      <NumberInput id={`${props.id}-points`} label={t('pointsWhenYes')} value={props.shape.points} onChange={(points) => props.onChange({ ...props.shape, points: points ?? 0 })} />
      <NumberInput id={`${props.id}-otherwise`} label={t('pointsWhenNo')} value={props.shape.otherwise} onChange={(otherwise) => props.onChange({ ...props.shape, otherwise: otherwise ?? 0 })} />
    </div>
  );
}

const COMPARISONS: readonly Comparison[] = ['<', '<='];

function BandsForm(props: { id: string; shape: BandsShape; variables: readonly RuleVariable[]; onChange: (next: RuleShape) => void }) {
  const steps = (next: BandsShape['steps']) => props.onChange({ ...props.shape, steps: next });
  const stepId = (index: number) => `${props.id}-step-${index}`;
  return (
    <div class="stack">
      <VariableSelect id={`${props.id}-var`} value={props.shape.variable} kind="number" variables={props.variables} onChange={(variable) => props.onChange({ ...props.shape, variable })} />
      <ol class="plain stack">
        <Index each={props.shape.steps}>
          {(step, index) => (
            <li class="row rule-step" data-rule-step={index}>
              <Select
                id={`${stepId(index)}-op`}
                label={`${t('comparison')} ${index + 1}`}
                value={step().op}
                options={COMPARISONS.map((value) => ({ value, label: t(`op.${value}`) }))}
                onChange={(op) => steps(replaceItem(props.shape.steps, index, { ...step(), op }))}
              />
              <NumberInput id={`${stepId(index)}-limit`} label={`${t('threshold')} ${index + 1}`} value={step().limit} onChange={(limit) => steps(replaceItem(props.shape.steps, index, { ...step(), limit: limit ?? 0 }))} />
              <NumberInput id={`${stepId(index)}-points`} label={`${t('pointsAtStep')} ${index + 1}`} value={step().points} onChange={(points) => steps(replaceItem(props.shape.steps, index, { ...step(), points: points ?? 0 }))} />
              <ItemControls
                idBase={stepId}
                index={index}
                count={props.shape.steps.length}
                name={`${t('threshold')} ${index + 1}`}
                canRemove={props.shape.steps.length > 1}
                onMove={(delta) => steps(moveItem(props.shape.steps, index, delta))}
                onRemove={() => steps(removeItem(props.shape.steps, index))}
              />
            </li>
          )}
        </Index>
      </ol>
      <p>
        <button type="button" onClick={() => {
          const last = props.shape.steps[props.shape.steps.length - 1];
          steps([...props.shape.steps, { op: '<', limit: (last?.limit ?? 0) + 10, points: last?.points ?? 0 }]);
        }}>
          + {t('addThreshold')}
        </button>
      </p>
      <NumberInput id={`${props.id}-otherwise`} label={t('pointsAbove')} value={props.shape.otherwise} onChange={(otherwise) => props.onChange({ ...props.shape, otherwise: otherwise ?? 0 })} />
    </div>
  );
}

function OptionsForm(props: { id: string; shape: OptionsShape; variables: readonly RuleVariable[]; onChange: (next: RuleShape) => void }) {
  const cases = (next: OptionsShape['cases']) => props.onChange({ ...props.shape, cases: next });
  const optionsOf = () => props.variables.find((variable) => variable.path === props.shape.variable)?.options ?? [];
  const caseId = (index: number) => `${props.id}-case-${index}`;
  const choices = (current: string) => {
    const known = optionsOf().map((option) => ({ value: option.value, label: `${option.label} (${option.value})` }));
    return known.some((option) => option.value === current) ? known : [{ value: current, label: current }, ...known];
  };
  return (
    <div class="stack">
      <VariableSelect id={`${props.id}-var`} value={props.shape.variable} kind="choice" variables={props.variables} onChange={(variable) => props.onChange({ ...props.shape, variable })} />
      <ol class="plain stack">
        <Index each={props.shape.cases}>
          {(item, index) => (
            <li class="row rule-step">
              <Select id={`${caseId(index)}-value`} label={`${t('option')} ${index + 1}`} value={item().value} options={choices(item().value)} onChange={(value) => cases(replaceItem(props.shape.cases, index, { ...item(), value }))} />
              <NumberInput id={`${caseId(index)}-points`} label={`${t('pointsAtStep')} ${index + 1}`} value={item().points} onChange={(points) => cases(replaceItem(props.shape.cases, index, { ...item(), points: points ?? 0 }))} />
              <ItemControls
                idBase={caseId}
                index={index}
                count={props.shape.cases.length}
                name={`${t('option')} ${index + 1}`}
                onMove={(delta) => cases(moveItem(props.shape.cases, index, delta))}
                onRemove={() => cases(removeItem(props.shape.cases, index))}
              />
            </li>
          )}
        </Index>
      </ol>
      <Show when={optionsOf().find((option) => !props.shape.cases.some((item) => item.value === option.value))}>
        {(next) => (
          <p>
            <button type="button" onClick={() => cases([...props.shape.cases, { value: next().value, points: 0 }])}>
              + {t('addOptionPoints')}
            </button>
          </p>
        )}
      </Show>
      <NumberInput id={`${props.id}-otherwise`} label={t('pointsOtherwise')} value={props.shape.otherwise} onChange={(otherwise) => props.onChange({ ...props.shape, otherwise: otherwise ?? 0 })} />
    </div>
  );
}
