import type { Definition } from '../definition/schema.ts';
import { type Problem, problem } from '../problem.ts';
import { varRoots } from './rules.ts';
import { fieldsOf, indicatorsOf } from './walk.ts';

/**
 * References by name that rules do not cover: a validation shows its message on fields that must
 * exist, and a field cannot depend on its own answer to be asked.
 */
export function lintReferences(definition: Definition): Problem[] {
  const fieldIds = new Set(fieldsOf(definition).map(({ field }) => field.id));
  const problems: Problem[] = [];
  for (const { indicator, path } of indicatorsOf(definition)) {
    indicator.validations.forEach((validation, v) => {
      validation.fields.forEach((id, k) => {
        if (!fieldIds.has(id))
          problems.push(
            problem(
              [...path, 'validations', v, 'fields', k],
              'validation.unknown-field',
              `Quy tắc kiểm tra của chỉ số ${indicator.id} gắn với trường "${id}" không có trong bộ chỉ số`,
              `A validation of indicator ${indicator.id} names field "${id}", which is not in the set`,
            ),
          );
      });
    });
  }
  for (const { field, path } of fieldsOf(definition)) {
    if (field.relevantWhen !== undefined && varRoots(field.relevantWhen).has(field.id))
      problems.push(
        problem(
          [...path, 'relevantWhen'],
          'field.self-relevance',
          `Điều kiện hiển thị của trường ${field.id} lại dựa vào chính câu trả lời của trường này`,
          `The relevance rule of field ${field.id} depends on the field's own answer`,
        ),
      );
  }
  return problems;
}
