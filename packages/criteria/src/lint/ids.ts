import type { Definition } from '../definition/schema.ts';
import { type Path, type Problem, formatPath, problem } from '../problem.ts';
import { FORBIDDEN_NAMES } from '../rules/forbidden-names.ts';
import { criteriaOf, fieldsOf, indicatorsOf } from './walk.ts';

interface Keyed {
  key: string | number;
  /** Path of the key itself (the `id`, `value` or `level` property). */
  path: Path;
}

type Report = (key: string | number, path: Path, first: Path) => Problem;

/** Reports every occurrence of a key after its first, pointing back at the first. */
function repeats(items: readonly Keyed[], report: Report): Problem[] {
  const first = new Map<string | number, Path>();
  const problems: Problem[] = [];
  for (const { key, path } of items) {
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, path);
    else problems.push(report(key, path, earlier));
  }
  return problems;
}

/**
 * Ids that must be unique: groups, criteria and indicators across the set, field ids across the set
 * (they are the answer keys), evidence slots within a criterion, options within a field, and levels.
 */
export function lintIds(definition: Definition): Problem[] {
  const problems: Problem[] = [];

  problems.push(
    ...repeats(
      definition.levels.map((level, l) => ({ key: level.level, path: ['levels', l, 'level'] })),
      (key, path, first) =>
        problem(path, 'duplicate.level', `Mức ${key} được khai báo hai lần (lần đầu tại ${formatPath(first)})`, `Level ${key} is declared twice (first at ${formatPath(first)})`),
    ),
  );

  problems.push(
    ...repeats(
      definition.groups.map((group, g) => ({ key: group.id, path: ['groups', g, 'id'] })),
      (key, path, first) =>
        problem(path, 'duplicate.group', `Mã nhóm tiêu chí "${key}" bị trùng với ${formatPath(first)}`, `Group id "${key}" is already used at ${formatPath(first)}`),
    ),
  );

  const criteria = criteriaOf(definition);
  problems.push(
    ...repeats(
      criteria.map(({ criterion, path }) => ({ key: criterion.id, path: [...path, 'id'] })),
      (key, path, first) =>
        problem(path, 'duplicate.criterion', `Mã tiêu chí "${key}" bị trùng với ${formatPath(first)}`, `Criterion id "${key}" is already used at ${formatPath(first)}`),
    ),
  );

  problems.push(
    ...repeats(
      indicatorsOf(definition).map(({ indicator, path }) => ({ key: indicator.id, path: [...path, 'id'] })),
      (key, path, first) =>
        problem(path, 'duplicate.indicator', `Mã chỉ số thành phần "${key}" bị trùng với ${formatPath(first)}`, `Indicator id "${key}" is already used at ${formatPath(first)}`),
    ),
  );

  const fields = fieldsOf(definition);
  problems.push(
    ...repeats(
      fields.map(({ field, path }) => ({ key: field.id, path: [...path, 'id'] })),
      (key, path, first) =>
        problem(
          path,
          'duplicate.field',
          `Mã trường "${key}" bị trùng với ${formatPath(first)}: mã trường là khóa của câu trả lời nên phải duy nhất trong cả bộ chỉ số`,
          `Field id "${key}" is already used at ${formatPath(first)}: field ids are answer keys and must be unique across the set`,
        ),
    ),
  );

  // Rules refuse prototype member names in `var`, so a field with such an id could never be used in a rule.
  for (const { field, path } of fieldsOf(definition))
    if (FORBIDDEN_NAMES.has(field.id))
      problems.push(
        problem([...path, 'id'], 'field.reserved-id', `Mã trường "${field.id}" là tên dành riêng, quy tắc không thể dùng được; hãy đặt tên khác (ví dụ ${field.id}_1)`, `Field id "${field.id}" is a reserved name that rules cannot read; choose another (e.g. ${field.id}_1)`),
      );

  for (const { criterion, path } of criteria) {
    problems.push(
      ...repeats(
        criterion.evidence.map((slot, e) => ({ key: slot.id, path: [...path, 'evidence', e, 'id'] })),
        (key, at, first) =>
          problem(at, 'duplicate.evidence', `Mã minh chứng "${key}" bị trùng trong tiêu chí ${criterion.id} (với ${formatPath(first)})`, `Evidence slot id "${key}" is repeated in criterion ${criterion.id} (see ${formatPath(first)})`),
      ),
    );
  }

  for (const { field, path } of fields) {
    if (field.kind !== 'choice' && field.kind !== 'multichoice') continue;
    problems.push(
      ...repeats(
        field.options.map((option, o) => ({ key: option.value, path: [...path, 'options', o, 'value'] })),
        (key, at, first) =>
          problem(at, 'duplicate.option', `Giá trị lựa chọn "${key}" bị trùng trong trường ${field.id} (với ${formatPath(first)})`, `Option value "${key}" is repeated in field ${field.id} (see ${formatPath(first)})`),
      ),
    );
  }

  return problems;
}
