import jsonLogic, { type AdditionalOperation, type RulesLogic } from 'json-logic-js';

/**
 * json-logic-js's own evaluation, the reference compiled rules agree with. Typed for any value: the
 * package's types describe well-formed rules only, while it accepts anything and passes non-rules through.
 */
export function applyJsonLogic(rule: unknown, data: unknown): unknown {
  return jsonLogic.apply(rule as RulesLogic<AdditionalOperation>, data);
}

/** json-logic-js's truthiness, for tests that compare against it. */
export function jsonLogicTruthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}
