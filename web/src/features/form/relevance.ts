import { type Definition, scoreSubmission } from '@chiso/criteria';

// A value no field kind accepts, so a relevant field given it always yields an "invalid" problem.
const PROBE = Symbol('relevance probe');

/**
 * Which fields are asked given the answers (skip logic: `relevantWhen` of indicators and fields), found
 * with the core's own scoring so the browser never re-implements its rules: a field is asked exactly when
 * the scorer reads it, and the scorer reads a field given an impossible value only to report it invalid.
 * A field's own value never changes whether it is asked (skip logic reads earlier fields), so probing one
 * field at a time is exact. Only fields with a rule of their own are probed.
 */
export function askedFields(definition: Definition, answers: Record<string, unknown>): Set<string> {
  const asked = new Set<string>();
  const base = scoreSubmission(definition, answers, {});
  const relevantIndicators = new Set<string>();
  for (const group of base.groups) for (const criterion of group.criteria) for (const indicator of criterion.indicators) if (indicator.relevant) relevantIndicators.add(indicator.id);
  for (const group of definition.groups)
    for (const criterion of group.criteria)
      for (const indicator of criterion.indicators) {
        if (!relevantIndicators.has(indicator.id)) continue;
        for (const field of indicator.fields) {
          if (field.relevantWhen === undefined || readsField(definition, { ...answers, [field.id]: PROBE }, field.id)) asked.add(field.id);
        }
      }
  return asked;
}

function readsField(definition: Definition, answers: Record<string, unknown>, fieldId: string): boolean {
  return scoreSubmission(definition, answers, {}).invalid.some((problem) => problem.path[0] === 'answers' && problem.path[1] === fieldId);
}
