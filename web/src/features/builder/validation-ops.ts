import type { Indicator, Validation } from '@chiso/criteria';

/**
 * Pure operations on an indicator's validations (rule across its fields, the message shown on them):
 * the list itself is edited with ops.ts' moveItem/removeItem/replaceItem like every other list.
 */

/**
 * A validation to start from: "the first field is not negative" on a number, else "answered", shown on
 * that field. An indicator without fields cannot have one (a validation names at least one field).
 */
export function newValidation(indicator: Indicator): Validation | null {
  const field = indicator.fields[0];
  if (field === undefined) return null;
  const numeric = field.kind === 'count' || field.kind === 'number';
  return {
    rule: numeric ? { '>=': [{ var: field.id }, 0] } : { '!=': [{ var: field.id }, null] },
    message: { vi: 'Câu trả lời chưa hợp lệ', en: 'The answer is not valid' },
    fields: [field.id],
  };
}

/**
 * The validation with a field added to or taken from those its message shows on, kept in the
 * indicator's order of fields. The last field stays: a validation shows on at least one.
 */
export function withMessageField(validation: Validation, fieldOrder: readonly string[], fieldId: string, on: boolean): Validation {
  const chosen = new Set(validation.fields);
  if (on) chosen.add(fieldId);
  else if (chosen.size > 1) chosen.delete(fieldId);
  const known = fieldOrder.filter((id) => chosen.has(id));
  // Fields no longer in the indicator stay at the end, so the lint can name them rather than they vanish.
  const unknown = validation.fields.filter((id) => chosen.has(id) && !fieldOrder.includes(id));
  return { ...validation, fields: [...known, ...unknown] };
}
