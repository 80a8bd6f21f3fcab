import { type Rule, checkRule, formatPath } from '@chiso/criteria';
import { For, Show, createEffect, createMemo, createSignal } from 'solid-js';
import { tr } from '../../i18n/locale.ts';
import { t } from './phrases.ts';
import { type RuleShape, recognise, startShape, toRule } from './rule-shapes.ts';
import { type RuleVariable, StructuredRule } from './structured-rule.tsx';

type Mode = 'none' | RuleShape['kind'] | 'json';

function textOf(rule: Rule | undefined): string {
  return rule === undefined ? '' : JSON.stringify(rule, null, 1);
}

/**
 * One rule of the definition. Rules of a common shape (yes → points, thresholds → points, option →
 * points) are edited as forms when `variables` is given; any rule can be edited as JSON-logic text,
 * checked against the core's allow-list as one types. Text that is not JSON stays on screen, unapplied.
 */
export function RuleEditor(props: {
  id: string;
  label: string;
  value: Rule | undefined;
  /** Absent is allowed (e.g. no cap: the indicator's maximum). */
  optional: boolean;
  /** The values structured shapes may read; null: this rule is edited as JSON only. */
  variables: readonly RuleVariable[] | null;
  knownVars: ReadonlySet<string>;
  /** The most points, to start a new shape from. */
  max?: number;
  onChange: (next: Rule | undefined) => void;
}) {
  const shape = createMemo(() => (props.variables === null ? undefined : recognise(props.value)));
  const [mode, setMode] = createSignal<Mode>(props.value === undefined && props.optional ? 'none' : (shape()?.kind ?? 'json'));
  // A rule changed elsewhere (a reload, the JSON view) shows in the form that fits it.
  createEffect(() => {
    const current = mode();
    const found = shape();
    if (current !== 'json' && current !== 'none' && found?.kind !== current) setMode(found?.kind ?? 'json');
    if (current === 'none' && props.value !== undefined) setMode(found?.kind ?? 'json');
  });
  const [text, setText] = createSignal(textOf(props.value));
  const [syntax, setSyntax] = createSignal<string | null>(null);
  createEffect(() => {
    const value = props.value;
    let typed: unknown;
    try {
      typed = JSON.parse(text());
    } catch {
      typed = Symbol('unparsed');
    }
    if (JSON.stringify(typed) !== JSON.stringify(value ?? null) && syntax() === null) setText(textOf(value));
  });
  const problems = createMemo(() => (props.value === undefined ? [] : checkRule(props.value, { knownVars: props.knownVars })));

  const modes = (): { value: Mode; label: string }[] => [
    ...(props.optional ? [{ value: 'none' as const, label: t('ruleNone') }] : []),
    ...(props.variables !== null
      ? [
          { value: 'yes' as const, label: t('ruleYes') },
          { value: 'bands' as const, label: t('ruleBands') },
          { value: 'options' as const, label: t('ruleOptions') },
        ]
      : []),
    { value: 'json', label: t('ruleJson') },
  ];

  const choose = (next: Mode) => {
    setMode(next);
    if (next === 'none') props.onChange(undefined);
    else if (next !== 'json' && shape()?.kind !== next) {
      const kind = next === 'yes' ? 'boolean' : next === 'bands' ? 'number' : 'choice';
      const variable = props.variables?.find((candidate) => candidate.kind === kind)?.path ?? 'x';
      props.onChange(toRule(startShape(next, variable, props.max ?? 0)));
    }
  };

  const typed = (raw: string) => {
    setText(raw);
    if (raw.trim() === '') {
      setSyntax(null);
      if (props.optional) props.onChange(undefined);
      return;
    }
    try {
      const parsed: unknown = JSON.parse(raw);
      setSyntax(null);
      props.onChange(parsed as Rule);
    } catch (error) {
      setSyntax(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <fieldset class="rule-editor" id={props.id} tabindex="-1" data-rule-editor={props.id}>
      <legend>{props.label}</legend>
      <Show when={modes().length > 1}>
        <label class="inline" for={`${props.id}-mode`}>
          {t('ruleForm')}
          <select id={`${props.id}-mode`} onChange={(e) => choose(modes().find((m) => m.value === e.currentTarget.value)?.value ?? 'json')}>
            <For each={modes()}>{(option) => <option value={option.value} selected={option.value === mode()}>{option.label}</option>}</For>
          </select>
        </label>
      </Show>
      <Show when={mode() !== 'json' && mode() !== 'none' ? shape() : undefined}>
        {(found) => <StructuredRule id={props.id} shape={found()} variables={props.variables ?? []} onChange={(next) => props.onChange(toRule(next))} />}
      </Show>
      <Show when={mode() === 'json'}>
        <label for={`${props.id}-json`}>
          {t('ruleJsonLabel')}
          <textarea
            id={`${props.id}-json`}
            class="json"
            rows={Math.min(12, Math.max(3, text().split('\n').length))}
            spellcheck={false}
            aria-invalid={syntax() !== null || problems().length > 0}
            aria-describedby={`${props.id}-problems`}
            value={text()}
            onInput={(e) => typed(e.currentTarget.value)}
          />
        </label>
      </Show>
      <div id={`${props.id}-problems`} role="alert">
        <Show when={syntax()}>{(message) => <p class="error">{t('notJson')}: {message()}</p>}</Show>
        <Show when={problems().length > 0}>
          <ul class="problems">
            <For each={problems()}>{(problem) => <li>{formatPath(problem.path)}: {tr(problem.message)}</li>}</For>
          </ul>
        </Show>
      </div>
    </fieldset>
  );
}
