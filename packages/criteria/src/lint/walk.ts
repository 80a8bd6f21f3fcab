import type { Field } from '../definition/field.ts';
import type { Criterion, Definition, Group, Indicator } from '../definition/schema.ts';
import type { Path } from '../problem.ts';

export interface GroupAt {
  group: Group;
  path: Path;
}

export interface CriterionAt {
  criterion: Criterion;
  path: Path;
}

export interface IndicatorAt {
  indicator: Indicator;
  path: Path;
  criterion: Criterion;
}

export interface FieldAt {
  field: Field;
  path: Path;
  indicator: Indicator;
}

/** Every group with its path from the definition root. */
export function groupsOf(definition: Definition): GroupAt[] {
  return definition.groups.map((group, g) => ({ group, path: ['groups', g] }));
}

/** Every criterion of the set, in order, with its path from the definition root. */
export function criteriaOf(definition: Definition): CriterionAt[] {
  return groupsOf(definition).flatMap(({ group, path }) =>
    group.criteria.map((criterion, c) => ({ criterion, path: [...path, 'criteria', c] })),
  );
}

/** Every indicator of the set, in order, with its path and its criterion. */
export function indicatorsOf(definition: Definition): IndicatorAt[] {
  return criteriaOf(definition).flatMap(({ criterion, path }) =>
    criterion.indicators.map((indicator, i) => ({ indicator, criterion, path: [...path, 'indicators', i] })),
  );
}

/** Every field of the set (fields are global answer keys), with its path and its indicator. */
export function fieldsOf(definition: Definition): FieldAt[] {
  return indicatorsOf(definition).flatMap(({ indicator, path }) =>
    indicator.fields.map((field, f) => ({ field, indicator, path: [...path, 'fields', f] })),
  );
}

/** The fields of the set by id; the first wins when ids repeat (the duplicate is reported apart). */
export function fieldMap(definition: Definition): Map<string, Field> {
  const map = new Map<string, Field>();
  for (const { field } of fieldsOf(definition)) if (!map.has(field.id)) map.set(field.id, field);
  return map;
}
