import type { Definition } from '@chiso/criteria';
import { tr } from '../../i18n/locale.ts';
import type { RuleVariable } from './structured-rule.tsx';

/** The field ids of a definition: the names its rules may read. */
export function fieldIds(definition: Definition): Set<string> {
  const ids = new Set<string>();
  for (const group of definition.groups) for (const criterion of group.criteria) for (const indicator of criterion.indicators) for (const field of indicator.fields) ids.add(field.id);
  return ids;
}

/**
 * What structured rules may read, the fields of `first` (the indicator being edited) listed before the
 * others: yes/no answers, numbers (a count, a number, a ratio's percentage) and single choices.
 */
export function ruleVariables(definition: Definition, first: readonly string[] = []): RuleVariable[] {
  const found: RuleVariable[] = [];
  for (const group of definition.groups)
    for (const criterion of group.criteria)
      for (const indicator of criterion.indicators)
        for (const field of indicator.fields) {
          const label = `${tr(field.label)} (${field.id})`;
          if (field.kind === 'boolean') found.push({ path: field.id, label, kind: 'boolean', options: [] });
          else if (field.kind === 'count' || field.kind === 'number') found.push({ path: field.id, label, kind: 'number', options: [] });
          else if (field.kind === 'ratio') found.push({ path: `${field.id}.percent`, label: `${tr(field.label)} (%) (${field.id}.percent)`, kind: 'number', options: [] });
          else if (field.kind === 'choice') found.push({ path: field.id, label, kind: 'choice', options: field.options.map((option) => ({ value: option.value, label: tr(option.label) })) });
        }
  const own = (variable: RuleVariable) => first.includes(variable.path.split('.')[0] ?? '');
  return [...found.filter(own), ...found.filter((variable) => !own(variable))];
}
