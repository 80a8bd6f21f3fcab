import type { Rule } from '../definition/rule.ts';
import type { Definition } from '../definition/schema.ts';
import { checkRule, readsOnlyNamedPaths } from '../rules/index.ts';

/** Where each field's answer sits in the slots of a context: its first place in definition order. */
export interface SlotLayout {
  slots: ReadonlyMap<string, number>;
  /** Whether every rule over the answers can read them by slot (see `readsOnlyNamedPaths`). */
  slotted: boolean;
}

/** Every rule a definition evaluates over the answers (not the level rules, which read scores). */
function answerRules(definition: Definition): Rule[] {
  const rules: Rule[] = [];
  for (const group of definition.groups)
    for (const criterion of group.criteria) {
      if (criterion.kind === 'mandatory') rules.push(criterion.condition);
      for (const slot of criterion.evidence) if (slot.requiredWhen !== undefined) rules.push(slot.requiredWhen);
      for (const indicator of criterion.indicators) {
        if (indicator.relevantWhen !== undefined) rules.push(indicator.relevantWhen);
        if (indicator.cap !== undefined) rules.push(indicator.cap);
        for (const field of indicator.fields) if (field.relevantWhen !== undefined) rules.push(field.relevantWhen);
        for (const validation of indicator.validations) rules.push(validation.rule);
      }
    }
  return rules;
}

/**
 * The slot layout of a definition. A rule that fails its check never runs (it is compiled to nothing),
 * so only the others decide. A field named `__proto__` keeps the object: writing that key replaces the
 * object's prototype, which a validation's presence check can see.
 */
export function slotLayout(definition: Definition): SlotLayout {
  const slots = new Map<string, number>();
  for (const group of definition.groups)
    for (const criterion of group.criteria)
      for (const indicator of criterion.indicators) for (const field of indicator.fields) if (!slots.has(field.id)) slots.set(field.id, slots.size);
  const runs = (rule: Rule) => checkRule(rule).every((found) => found.severity !== 'error');
  const slotted = !slots.has('__proto__') && answerRules(definition).every((rule) => !runs(rule) || readsOnlyNamedPaths(rule));
  return { slots, slotted };
}
