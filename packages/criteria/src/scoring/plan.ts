import type { Field } from '../definition/field.ts';
import type { Rule } from '../definition/rule.ts';
import type { Criterion, Definition, Group, Indicator, Validation } from '../definition/schema.ts';
import { type Path, type Problem, problem } from '../problem.ts';
import { type CompiledRule, RuleError, compileRule, compileRuleOverSlots } from '../rules/index.ts';
import { type ExactBand, toExactBands } from './band-level.ts';
import { type Hundredths, roundToHundredths } from './hundredths.ts';
import { type KnownKeys, knownKeys } from './known-keys.ts';
import { slotLayout } from './slots.ts';

/** Everything scoring needs from a definition, prepared once: compiled rules, exact maxima and bands. */
export interface ScoringPlan {
  definition: Definition;
  groups: GroupPlan[];
  /** Every indicator in definition order; `IndicatorPlan.index` is the position here. */
  indicators: IndicatorPlan[];
  /** The keys answers and awards may have: field ids and indicator ids. */
  fieldIds: KnownKeys;
  indicatorIds: KnownKeys;
  totalBands: ExactBand[] | null;
  overall: CompiledRule;
  /** Paths of the problems a definition's bands and level rules may cause, built once and shared. */
  overallPath: Path;
  awardStep: Hundredths;
  /** Rules that could not be compiled (only an unvalidated draft has any). */
  problems: Problem[];
  /**
   * When the rules over answers read them by slot (see `AnswerContext`): the slots of a submission
   * before any is written, one per field; null when they read an object.
   */
  emptySlots: readonly undefined[] | null;
}

export interface GroupPlan {
  group: Group;
  max: Hundredths;
  bands: ExactBand[];
  effect: CompiledRule;
  bandsPath: Path;
  effectPath: Path;
  criteria: CriterionPlan[];
}

export interface CriterionPlan {
  criterion: Criterion;
  /** Per evidence slot: null when `required` decides alone, else the compiled `requiredWhen`. */
  evidenceRules: (CompiledRule | null)[];
  max: Hundredths;
  bands: ExactBand[];
  condition: CompiledRule | null;
  bandsPath: Path;
  indicators: IndicatorPlan[];
}

export interface IndicatorPlan {
  indicator: Indicator;
  /** Copied from the indicator so that the hot path reads one object shape, whatever the indicator's. */
  id: string;
  scoring: Indicator['scoring'];
  /** Position in `ScoringPlan.indicators`, and so in the first pass's list of inputs. */
  index: number;
  /** `['awards', id]`, built once: problems share it instead of allocating a path per scoring. */
  awardPath: Path;
  max: Hundredths;
  relevant: CompiledRule | null;
  cap: CompiledRule | null;
  fields: FieldPlan[];
  validations: ValidationPlan[];
}

export interface FieldPlan {
  field: Field;
  /** Copied from the field: fields of different kinds have different shapes, plans all have one. */
  id: string;
  required: boolean;
  /** Where the answer sits among the slots of an `AnswerContext`. */
  slot: number;
  /** `['answers', id]`, built once. */
  path: Path;
  relevant: CompiledRule | null;
}

export interface ValidationPlan {
  validation: Validation;
  /** `validation.fields`, each with its slot; undefined for an id that is no field. */
  fields: { id: string; slot: number | undefined }[];
  rule: CompiledRule;
}

const plans = new WeakMap<Definition, ScoringPlan>();

/** The scoring plan of a definition, built on first use and kept as long as the definition lives. */
export function planFor(definition: Definition): ScoringPlan {
  let plan = plans.get(definition);
  if (!plan) {
    plan = buildPlan(definition);
    plans.set(definition, plan);
  }
  return plan;
}

function buildPlan(definition: Definition): ScoringPlan {
  const problems: Problem[] = [];
  const layout = slotLayout(definition);
  const slotOf = (name: string) => layout.slots.get(name);
  // A rule over the answers reads slots when every such rule can (see slots.ts); level rules read scores.
  const compile = (rule: Rule, path: Path, overAnswers = false): CompiledRule => {
    try {
      return overAnswers && layout.slotted ? compileRuleOverSlots(rule, slotOf) : compileRule(rule);
    } catch (error) {
      const inner = error instanceof RuleError ? error.problems : [];
      for (const item of inner) problems.push({ ...item, path: ['definition', ...path, ...item.path] });
      if (inner.length === 0)
        problems.push(problem(['definition', ...path], 'definition.rule-invalid', 'Quy tắc không hợp lệ', 'The rule is not valid'));
      return () => undefined;
    }
  };
  const indicators: IndicatorPlan[] = [];
  const groups = definition.groups.map((group, g): GroupPlan => ({
    group,
    max: roundToHundredths(group.max),
    bands: toExactBands(group.bands),
    effect: compile(group.mandatoryEffect, ['groups', g, 'mandatoryEffect']),
    bandsPath: ['definition', 'groups', group.id, 'bands'],
    effectPath: ['definition', 'groups', group.id, 'mandatoryEffect'],
    criteria: group.criteria.map((criterion, c): CriterionPlan => {
      const at: Path = ['groups', g, 'criteria', c];
      return {
        criterion,
        max: criterion.kind === 'scored' ? roundToHundredths(criterion.max) : 0,
        bands: criterion.kind === 'scored' ? toExactBands(criterion.bands) : [],
        condition: criterion.kind === 'mandatory' ? compile(criterion.condition, [...at, 'condition'], true) : null,
        bandsPath: ['definition', 'criteria', criterion.id, 'bands'],
        evidenceRules: criterion.evidence.map((slot, e) => (slot.requiredWhen === undefined ? null : compile(slot.requiredWhen, [...at, 'evidence', e, 'requiredWhen'], true))),
        indicators: criterion.indicators.map((indicator, i): IndicatorPlan => {
          const ip: Path = [...at, 'indicators', i];
          const indicatorPlan: IndicatorPlan = {
            indicator,
            id: indicator.id,
            scoring: indicator.scoring,
            index: indicators.length,
            awardPath: ['awards', indicator.id],
            max: roundToHundredths(indicator.max),
            relevant: indicator.relevantWhen === undefined ? null : compile(indicator.relevantWhen, [...ip, 'relevantWhen'], true),
            cap: indicator.cap === undefined ? null : compile(indicator.cap, [...ip, 'cap'], true),
            fields: indicator.fields.map((field, f): FieldPlan => ({
              field,
              id: field.id,
              required: field.required,
              slot: slotOf(field.id) ?? 0,
              path: ['answers', field.id],
              relevant: field.relevantWhen === undefined ? null : compile(field.relevantWhen, [...ip, 'fields', f, 'relevantWhen'], true),
            })),
            validations: indicator.validations.map((validation, v) => ({
              validation,
              fields: validation.fields.map((id) => ({ id, slot: slotOf(id) })),
              rule: compile(validation.rule, [...ip, 'validations', v, 'rule'], true),
            })),
          };
          indicators.push(indicatorPlan);
          return indicatorPlan;
        }),
      };
    }),
  }));
  return {
    definition,
    groups,
    indicators,
    fieldIds: knownKeys(layout.slots.keys()),
    indicatorIds: knownKeys(indicators.map((indicator) => indicator.id)),
    totalBands: definition.overall.totalBands ? toExactBands(definition.overall.totalBands) : null,
    overall: compile(definition.overall.rule, ['overall', 'rule']),
    overallPath: ['definition', 'overall', 'rule'],
    awardStep: Math.max(1, roundToHundredths(definition.awardStep)),
    problems,
    emptySlots: layout.slotted ? Array.from({ length: layout.slots.size }, () => undefined) : null,
  };
}
