import type { Definition } from '../definition/schema.ts';
import { newContext } from './context.ts';
import { planFor } from './plan.ts';
import { readIndicatorInputs } from './score-indicator.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The ids of the fields currently asked given the answers (skip logic: `relevantWhen` of indicators and
 * fields), decided by the scorer's own first pass so that a form shows exactly the fields scoring reads.
 * A field of an indicator that is not relevant is never asked.
 * @example askedFields(national4725, { lms_deployed: false }).has('lms_name') // false
 */
export function askedFields(definition: Definition, answers: unknown): Set<string> {
  const plan = planFor(definition);
  const safeAnswers = isRecord(answers) ? answers : {};
  const context = newContext(plan);
  const asked = new Set<string>();
  for (const indicator of plan.indicators) readIndicatorInputs(indicator, safeAnswers, context, asked);
  return asked;
}
