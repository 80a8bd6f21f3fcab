import type { Rule } from '../definition/rule.ts';
import type { Definition } from '../definition/schema.ts';
import { type Path, type Problem, problem } from '../problem.ts';
import { checkRule, ruleVars } from '../rules/index.ts';
import { criteriaOf, fieldsOf, indicatorsOf } from './walk.ts';

/** What a group's `mandatoryEffect` sees. */
export const MANDATORY_EFFECT_VARS: ReadonlySet<string> = new Set(['level', 'points', 'unmet', 'unmetIds']);
/** What `overall.rule` sees. */
export const OVERALL_VARS: ReadonlySet<string> = new Set(['groups', 'groupLevels', 'total', 'totalLevel']);

/** Problems of one rule, moved from the rule's root to the definition's. */
function checkAt(rule: Rule, path: Path, knownVars: ReadonlySet<string>): Problem[] {
  return checkRule(rule, { knownVars }).map((found) => ({ ...found, path: [...path, ...found.path] }));
}

/** The first segment of each variable a rule reads: `ratio.percent` reads `ratio`. */
export function varRoots(rule: Rule): Set<string> {
  return new Set([...ruleVars(rule)].map((name) => name.split('.')[0] ?? name));
}

/**
 * Every rule of the set, checked against what it may read: answer rules (caps, relevance, validations,
 * conditions) read the set's fields; a group's mandatory effect reads its level and points; the overall
 * rule reads the groups, and `totalLevel` only when the set has total bands.
 */
export function lintRules(definition: Definition): Problem[] {
  const fieldIds = new Set(fieldsOf(definition).map(({ field }) => field.id));
  const problems: Problem[] = [];

  for (const { indicator, path } of indicatorsOf(definition)) {
    if (indicator.cap !== undefined) problems.push(...checkAt(indicator.cap, [...path, 'cap'], fieldIds));
    if (indicator.relevantWhen !== undefined) problems.push(...checkAt(indicator.relevantWhen, [...path, 'relevantWhen'], fieldIds));
    indicator.validations.forEach((validation, v) => {
      problems.push(...checkAt(validation.rule, [...path, 'validations', v, 'rule'], fieldIds));
    });
  }
  for (const { field, path } of fieldsOf(definition)) {
    if (field.relevantWhen !== undefined) problems.push(...checkAt(field.relevantWhen, [...path, 'relevantWhen'], fieldIds));
  }
  for (const { criterion, path } of criteriaOf(definition)) {
    if (criterion.kind === 'mandatory') problems.push(...checkAt(criterion.condition, [...path, 'condition'], fieldIds));
    criterion.evidence.forEach((slot, e) => {
      if (slot.requiredWhen !== undefined) problems.push(...checkAt(slot.requiredWhen, [...path, 'evidence', e, 'requiredWhen'], fieldIds));
    });
  }
  definition.groups.forEach((group, g) => {
    problems.push(...checkAt(group.mandatoryEffect, ['groups', g, 'mandatoryEffect'], MANDATORY_EFFECT_VARS));
  });

  problems.push(...checkAt(definition.overall.rule, ['overall', 'rule'], OVERALL_VARS));
  if (definition.overall.totalBands === undefined && varRoots(definition.overall.rule).has('totalLevel'))
    problems.push(
      problem(
        ['overall', 'rule'],
        'overall.total-level-without-bands',
        'Quy tắc xếp mức chung dùng totalLevel nhưng bộ chỉ số không khai báo các mức theo tổng điểm (overall.totalBands)',
        'The overall rule uses totalLevel but the set declares no bands over the total (overall.totalBands)',
      ),
    );
  return problems;
}
