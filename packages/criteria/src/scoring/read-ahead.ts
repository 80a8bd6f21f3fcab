import type { Rule } from '../definition/rule.ts';
import type { Definition } from '../definition/schema.ts';
import { ruleReads } from '../rules/index.ts';

/**
 * Whether skip logic may look at a field before the first pass has written it: an indicator's or a
 * field's `relevantWhen` that names the field itself or a later one, or that reads the whole data or a
 * computed path. Only then can a reused context show a rule something of the previous submission, and
 * only then must it be cleared between submissions.
 */
export function readsAhead(definition: Definition): boolean {
  const fieldIds = new Set<string>();
  for (const group of definition.groups)
    for (const criterion of group.criteria) for (const indicator of criterion.indicators) for (const field of indicator.fields) fieldIds.add(field.id);
  const written = new Set<string>();
  const ahead = (rule: Rule | undefined): boolean => {
    if (rule === undefined) return false;
    const { names, opaque } = ruleReads(rule);
    return opaque || [...names].some((name) => fieldIds.has(name) && !written.has(name));
  };
  for (const group of definition.groups)
    for (const criterion of group.criteria)
      for (const indicator of criterion.indicators) {
        if (ahead(indicator.relevantWhen)) return true;
        for (const field of indicator.fields) {
          if (ahead(field.relevantWhen)) return true;
          written.add(field.id);
        }
      }
  return false;
}
