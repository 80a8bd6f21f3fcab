import { type Problem, problem } from '../problem.ts';
import { RULE_FAILED, asFiniteNumber, evaluateRule, isTruthy, runRule } from '../rules/index.ts';
import { readAnswer } from './answer-value.ts';
import { type AnswerContext, answerOf, setAnswer } from './context.ts';
import { type Hundredths, fromHundredths, roundToHundredths, toHundredths } from './hundredths.ts';
import type { IndicatorPlan, ValidationPlan } from './plan.ts';
import type { Answers, Awards, IndicatorScore } from './types.ts';

export interface IndicatorOutcome {
  score: IndicatorScore;
  awarded: Hundredths;
}

/** True unless the rule is present and answers falsy; a rule that fails to run counts as relevant. */
function isRelevant(rule: IndicatorPlan['relevant'], data: unknown): boolean {
  if (rule === null) return true;
  const value = runRule(rule, data);
  return value === RULE_FAILED || isTruthy(value);
}

/** What reading an indicator's fields left behind for the second pass. */
export interface IndicatorInputs {
  relevant: boolean;
  /** Every relevant required field has a valid answer. */
  complete: boolean;
  missing: Problem[];
  invalid: Problem[];
}

/**
 * First pass: reads the indicator's fields into `context`, in definition order, so that skip logic sees
 * earlier answers already resolved. Caps and validations wait for the second pass, when every field of
 * the set is in the context. `asked`, when given, collects the ids of the fields found relevant.
 */
export function readIndicatorInputs(plan: IndicatorPlan, answers: Answers, context: AnswerContext, asked?: Set<string>): IndicatorInputs {
  const inputs: IndicatorInputs = { relevant: isRelevant(plan.relevant, context.data), complete: true, missing: [], invalid: [] };
  for (const fieldPlan of plan.fields) {
    const { field, id, required, path, relevant: fieldRule } = fieldPlan;
    // Each slot is written once: skip logic first reads the earlier fields, already resolved.
    if (!inputs.relevant || !isRelevant(fieldRule, context.data)) {
      setAnswer(context, fieldPlan, null);
      continue;
    }
    asked?.add(id);
    const state = readAnswer(field, Object.hasOwn(answers, id) ? answers[id] : undefined, path);
    if (state.state === 'answered') {
      setAnswer(context, fieldPlan, state.value);
      continue;
    }
    setAnswer(context, fieldPlan, null);
    if (state.state === 'invalid') {
      for (const item of state.problems) inputs.invalid.push(item);
      if (required) inputs.complete = false;
    } else if (required) {
      inputs.complete = false;
      inputs.missing.push(problem(path, 'missing.answer', `Chưa trả lời: ${field.label.vi} (${plan.id})`, `Not answered: ${field.label.en ?? field.label.vi} (${plan.id})`));
    }
  }
  return inputs;
}

/** Second pass: runs the validations, computes the cap, and checks the award against it. */
export function scoreIndicator(
  plan: IndicatorPlan,
  inputs: IndicatorInputs,
  awards: Awards,
  context: AnswerContext,
  awardStep: Hundredths,
): IndicatorOutcome {
  const { relevant, missing, invalid } = inputs;
  if (relevant) {
    for (const validationPlan of plan.validations) {
      const { validation, rule } = validationPlan;
      // A rule across fields speaks only once all of them are answered; until then "missing" says enough.
      if (!allAnswered(validationPlan, context)) continue;
      const value = runRule(rule, context.data);
      if (value !== RULE_FAILED && isTruthy(value)) continue;
      for (const id of validation.fields)
        invalid.push({ path: ['answers', id], code: 'invalid.validation', message: validation.message, severity: 'error' });
    }
  }

  const cap = relevant && inputs.complete ? computeCap(plan, context.data, invalid) : 0;
  let awarded: Hundredths = 0;
  if (relevant && plan.scoring === 'automatic') awarded = cap;
  else if (relevant && plan.max > 0) awarded = readAward(plan, awards, cap, awardStep, inputs.complete, missing, invalid);

  return {
    awarded,
    score: {
      id: plan.id,
      relevant,
      scoring: plan.scoring,
      max: fromHundredths(plan.max),
      cap: fromHundredths(cap),
      awarded: fromHundredths(awarded),
      missing,
      invalid,
    },
  };
}

/** A field is answered exactly when the first pass left a value in the context. */
function allAnswered({ fields }: ValidationPlan, context: AnswerContext): boolean {
  for (const { id, slot } of fields) {
    const value = answerOf(context, id, slot);
    if (value === null || value === undefined) return false;
  }
  return true;
}

function computeCap(plan: IndicatorPlan, data: unknown, invalid: Problem[]): Hundredths {
  if (plan.max === 0) return 0;
  if (plan.cap === null) return plan.max;
  const result = runRule(plan.cap, data);
  const value = result === RULE_FAILED ? null : asFiniteNumber(result);
  if (value === null || value < 0) {
    const failure = result === RULE_FAILED ? evaluateRule(plan.cap, data) : null;
    if (failure && !failure.ok) invalid.push({ ...failure.problem, path: ['definition', 'indicators', plan.id, 'cap'] });
    invalid.push(problem(['definition', 'indicators', plan.id, 'cap'], 'definition.cap-not-a-number', `Quy tắc điểm tối đa của chỉ số ${plan.id} không cho ra một số hợp lệ`, `The cap rule of indicator ${plan.id} did not give a valid number`));
    return 0;
  }
  return Math.min(roundToHundredths(value), plan.max);
}

function readAward(
  plan: IndicatorPlan,
  awards: Awards,
  cap: Hundredths,
  awardStep: Hundredths,
  inputsComplete: boolean,
  missing: Problem[],
  invalid: Problem[],
): Hundredths {
  const id = plan.id;
  const path = plan.awardPath;
  const raw = Object.hasOwn(awards, id) ? awards[id] : undefined;
  if (raw === undefined || raw === null) {
    // Nothing to award when the answers leave a cap of 0 (e.g. the software is not deployed).
    if (inputsComplete && cap > 0)
      missing.push(problem(path, 'missing.award', `Chưa chấm điểm chỉ số ${id} (tối đa ${fromHundredths(cap)} điểm)`, `Indicator ${id} has not been awarded points (at most ${fromHundredths(cap)})`));
    return 0;
  }
  const points = typeof raw === 'number' ? toHundredths(raw) : null;
  if (points === null) {
    invalid.push(problem(path, 'award.not-a-number', `Điểm của chỉ số ${id} phải là một số có tối đa hai chữ số thập phân`, `The award for indicator ${id} must be a number with at most two decimals`));
    return 0;
  }
  if (points < 0) {
    invalid.push(problem(path, 'award.negative', `Điểm của chỉ số ${id} không được âm`, `The award for indicator ${id} cannot be negative`));
    return 0;
  }
  if (points % awardStep !== 0) {
    const step = fromHundredths(awardStep);
    invalid.push(problem(path, 'award.step', `Điểm của chỉ số ${id} phải là bội số của ${step}`, `The award for indicator ${id} must be a multiple of ${step}`));
    return 0;
  }
  // Until the answers behind the cap are in, the award waits: the missing answer is the one problem to show.
  if (!inputsComplete) return 0;
  if (points > cap) {
    invalid.push(problem(path, 'award.above-cap', `Điểm ${fromHundredths(points)} vượt mức tối đa ${fromHundredths(cap)} điểm của chỉ số ${id}`, `An award of ${fromHundredths(points)} exceeds the cap of ${fromHundredths(cap)} for indicator ${id}`));
    return 0;
  }
  return points;
}
