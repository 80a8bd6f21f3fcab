import type { LocalizedText } from '../definition/text.ts';
import { type Problem, problem } from '../problem.ts';
import { type CompiledRule, RULE_FAILED, type RuleData, asFiniteNumber, isTruthy, runRule } from '../rules/index.ts';
import { levelOf } from './band-level.ts';
import { fromHundredths, type Hundredths } from './hundredths.ts';
import { type CriterionPlan, type GroupPlan, type ScoringPlan, planFor } from './plan.ts';
import { type AnswerContext, newContext } from './context.ts';
import { unknownKeys } from './known-keys.ts';
import { type IndicatorInputs, readIndicatorInputs, scoreIndicator } from './score-indicator.ts';
import type { Answers, Awards, CriterionScore, GroupScore, IndicatorScore, ScoreOptions, ScoreResult } from './types.ts';
import type { Definition } from '../definition/schema.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Scores a submission against one version of a criteria set: for every indicator, criterion and group
 * the cap, the points counted, the maximum and the level; the mandatory conditions and why one is not
 * met; the overall level; and what is missing or invalid, each with its path. Never throws on any
 * answers or awards, however malformed: bad input becomes listed problems. Points are exact (hundredths).
 * @example scoreSubmission(national4725, { digital_materials: 45 }, { '1.4': 10 }).groups[0]?.criteria
 */
export function scoreSubmission(definition: Definition, answers: unknown, awards: unknown, options: ScoreOptions = {}): ScoreResult {
  const plan = planFor(definition);
  const invalid: Problem[] = plan.problems.slice();
  const missing: Problem[] = [];
  const safeAnswers: Answers = isRecord(answers) ? answers : {};
  const safeAwards: Awards = isRecord(awards) ? awards : {};
  if (!isRecord(answers) && answers !== undefined && answers !== null)
    invalid.push(problem(['answers'], 'invalid.answers-shape', 'Câu trả lời phải là một đối tượng theo mã trường', 'Answers must be an object keyed by field id'));
  if (!isRecord(awards) && awards !== undefined && awards !== null)
    invalid.push(problem(['awards'], 'invalid.awards-shape', 'Điểm phải là một đối tượng theo mã chỉ số', 'Awards must be an object keyed by indicator id'));
  for (const key of unknownKeys(Object.keys(safeAnswers), plan.fieldIds))
    invalid.push(problem(['answers', key], 'invalid.unknown-field', `Trường "${key}" không có trong bộ chỉ số`, `Field "${key}" is not in the criteria set`));
  for (const key of unknownKeys(Object.keys(safeAwards), plan.indicatorIds))
    invalid.push(problem(['awards', key], 'invalid.unknown-indicator', `Chỉ số "${key}" không có trong bộ chỉ số`, `Indicator "${key}" is not in the criteria set`));

  const context = newContext(plan);
  const inputs: IndicatorInputs[] = new Array<IndicatorInputs>(plan.indicators.length);
  for (let i = 0; i < plan.indicators.length; i += 1) {
    const indicator = plan.indicators[i];
    if (indicator !== undefined) inputs[i] = readIndicatorInputs(indicator, safeAnswers, context);
  }

  let total: Hundredths = 0;
  // Lists are sized up front, not pushed to: a pushed list grows to room for 17 at once.
  const groups = new Array<GroupScore>(plan.groups.length);
  let g = 0;
  for (const group of plan.groups) {
    const score = scoreGroup(plan, group, inputs, safeAwards, context, options, invalid);
    total += score.points;
    groups[g] = score.result;
    g += 1;
  }
  for (const group of groups) for (const criterion of group.criteria) {
    append(missing, criterion.missing);
    append(invalid, criterion.invalid);
  }

  const totalLevel = plan.totalBands ? levelOf(plan.totalBands, total) : null;
  const overallLevel = overallLevelOf(plan, groups, total, totalLevel, invalid);
  let errors = 0;
  for (const item of invalid) if (item.severity === 'error') errors += 1;
  return { groups, total: fromHundredths(total), totalLevel, overallLevel, complete: missing.length === 0 && errors === 0, missing, invalid };
}

/** `target.push(...items)` without spreading: most lists are empty, and a spread call costs even then. */
function append<T>(target: T[], items: readonly T[]): void {
  for (let index = 0; index < items.length; index += 1) target.push(items[index] as T);
}

function scoreGroup(
  plan: ScoringPlan,
  group: GroupPlan,
  inputs: readonly IndicatorInputs[],
  awards: Awards,
  context: AnswerContext,
  options: ScoreOptions,
  invalid: Problem[],
): { points: Hundredths; result: GroupScore } {
  let points: Hundredths = 0;
  const criteria = new Array<CriterionScore>(group.criteria.length);
  const unmetMandatory: string[] = [];
  let c = 0;
  for (const criterion of group.criteria) {
    const score = scoreCriterion(plan, criterion, inputs, awards, context, options);
    points += score.points;
    criteria[c] = score.result;
    c += 1;
    if (!score.result.met) unmetMandatory.push(score.result.id);
  }
  if (points > group.max) points = group.max;
  const bandLevel = levelOrLowest(plan, group.bands.length > 0 ? levelOf(group.bands, points) : null, group.bandsPath, invalid);
  const level = levelFromRule(
    plan,
    group.effect,
    { level: bandLevel, points: fromHundredths(points), unmet: unmetMandatory.length, unmetIds: unmetMandatory },
    bandLevel,
    group.effectPath,
    invalid,
  );
  const result: GroupScore = { id: group.group.id, max: fromHundredths(group.max), points: fromHundredths(points), bandLevel, level, unmetMandatory, criteria };
  if (level < bandLevel) result.levelCappedBecause = cappedBecause(group.group.id, level, unmetMandatory);
  return { points, result };
}

function cappedBecause(groupId: string, level: number, unmet: string[]): LocalizedText {
  const list = unmet.join(', ');
  return unmet.length > 0
    ? { vi: `Nhóm ${groupId} chỉ được xếp mức ${level} vì chưa đáp ứng điều kiện bắt buộc: ${list}`, en: `Group ${groupId} is held at level ${level} because mandatory conditions are not met: ${list}` }
    : { vi: `Nhóm ${groupId} được xếp mức ${level} theo quy tắc của bộ chỉ số`, en: `Group ${groupId} is set at level ${level} by the set's rule` };
}

function scoreCriterion(
  plan: ScoringPlan,
  criterion: CriterionPlan,
  inputs: readonly IndicatorInputs[],
  awards: Awards,
  context: AnswerContext,
  options: ScoreOptions,
): { points: Hundredths; result: CriterionScore } {
  const { id } = criterion.criterion;
  let points: Hundredths = 0;
  const missing: Problem[] = [];
  const invalid: Problem[] = [];
  const indicators = new Array<IndicatorScore>(criterion.indicators.length);
  let i = 0;
  for (const indicator of criterion.indicators) {
    const outcome = scoreIndicator(indicator, inputs[indicator.index] ?? { relevant: false, complete: true, missing: [], invalid: [] }, awards, context, plan.awardStep);
    points += outcome.awarded;
    append(missing, outcome.score.missing);
    append(invalid, outcome.score.invalid);
    indicators[i] = outcome.score;
    i += 1;
  }
  if (points > criterion.max) points = criterion.max;

  if (options.evidence) {
    const attached = isRecord(options.evidence[id]) ? options.evidence[id] : {};
    criterion.criterion.evidence.forEach((slot, e) => {
      const rule = criterion.evidenceRules[e];
      const evaluated = rule ? runRule(rule, context.data) : RULE_FAILED;
      const required = rule ? evaluated === RULE_FAILED || isTruthy(evaluated) : slot.required;
      if (required && !((attached[slot.id] ?? 0) > 0))
        missing.push(problem(['evidence', id, slot.id], 'missing.evidence', `Chưa có minh chứng: ${slot.label.vi} (${id})`, `Evidence missing: ${slot.label.en ?? slot.label.vi} (${id})`));
    });
  }

  let level: number | null = null;
  let met = true;
  const unmetReasons: LocalizedText[] = [];
  if (criterion.criterion.kind === 'scored') {
    level = levelOrLowest(plan, levelOf(criterion.bands, points), criterion.bandsPath, invalid);
  } else if (criterion.condition) {
    const result = runRule(criterion.condition, context.data);
    met = result !== RULE_FAILED && isTruthy(result);
    if (!met) {
      unmetReasons.push(criterion.criterion.unmetMessage ?? { vi: `Chưa đáp ứng điều kiện bắt buộc ${id}: ${criterion.criterion.title.vi}`, en: `Mandatory condition ${id} is not met: ${criterion.criterion.title.en ?? criterion.criterion.title.vi}` });
      for (const item of missing) unmetReasons.push(item.message);
      for (const item of invalid) unmetReasons.push(item.message);
    }
  }
  return {
    points,
    result: { id, kind: criterion.criterion.kind, max: fromHundredths(criterion.max), points: fromHundredths(points), level, met, unmetReasons, indicators, missing, invalid },
  };
}

function lowestLevel(plan: ScoringPlan): number {
  return plan.definition.levels.reduce((low, level) => Math.min(low, level.level), Number.POSITIVE_INFINITY);
}

function levelOrLowest(plan: ScoringPlan, level: number | null, path: Problem['path'], invalid: Problem[]): number {
  if (level !== null) return level;
  invalid.push(problem(path, 'definition.band-gap', 'Điểm rơi vào khoảng trống giữa các mức của bộ chỉ số', 'The points fall in a gap between the bands of the set'));
  return lowestLevel(plan);
}

function isDefinedLevel(plan: ScoringPlan, value: number | null): value is number {
  return value !== null && plan.definition.levels.some((level) => level.level === value);
}

function levelFromRule(plan: ScoringPlan, rule: CompiledRule, data: RuleData, fallback: number, path: Problem['path'], invalid: Problem[]): number {
  const result = runRule(rule, data);
  const value = result === RULE_FAILED ? null : asFiniteNumber(result);
  if (isDefinedLevel(plan, value)) return value;
  invalid.push(problem(path, 'definition.level-rule', 'Quy tắc xếp mức không cho ra một mức của bộ chỉ số', 'The level rule did not give one of the set’s levels'));
  return fallback;
}

function overallLevelOf(plan: ScoringPlan, groups: GroupScore[], total: Hundredths, totalLevel: number | null, invalid: Problem[]): number {
  const byId: Record<string, { points: number; level: number }> = Object.create(null) as Record<string, { points: number; level: number }>;
  for (const group of groups) byId[group.id] = { points: group.points, level: group.level };
  const groupLevels = groups.map((group) => group.level);
  let fallback = groupLevels.length > 0 ? Number.POSITIVE_INFINITY : lowestLevel(plan);
  for (const level of groupLevels) fallback = Math.min(fallback, level);
  return levelFromRule(plan, plan.overall, { groups: byId, groupLevels, total: fromHundredths(total), totalLevel }, fallback, plan.overallPath, invalid);
}
