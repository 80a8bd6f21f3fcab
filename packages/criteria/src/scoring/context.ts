import type { FieldPlan, ScoringPlan } from './plan.ts';

/** The answers by field id, as rules see them: a parsed value, or null for unanswered, invalid and skipped fields. */
export type RuleContext = Record<string, unknown>;

/**
 * The answers of one submission as the rules over them see them. Where every such rule reads only named
 * paths (see slots.ts) they are kept by slot, in an array that the rules are compiled to read: an
 * index instead of a hash lookup per read, and no hash table to fill per submission. Otherwise by
 * field id, in a plain object (not a null-prototype one: rules read own properties only, so the
 * prototype is out of their reach anyway).
 */
export interface AnswerContext {
  slots: unknown[] | null;
  byId: RuleContext | null;
  /** What the rules over answers are given: `slots` or `byId`. */
  data: unknown;
}

export function newContext(plan: ScoringPlan): AnswerContext {
  // Copied from slots filled with undefined, never from holes: reading a hole would consult Array.prototype.
  if (plan.emptySlots !== null) {
    const slots = plan.emptySlots.slice();
    return { slots, byId: null, data: slots };
  }
  const byId: RuleContext = {};
  return { slots: null, byId, data: byId };
}

export function setAnswer(context: AnswerContext, field: FieldPlan, value: unknown): void {
  if (context.slots !== null) context.slots[field.slot] = value;
  else if (context.byId !== null) context.byId[field.id] = value;
}

// Stands in for the object of answers for ids that are no field: it has no own key either.
const NO_FIELDS: RuleContext = {};

/**
 * `byId[id]` (inherited properties included, as a validation's presence check reads it), in either
 * form; `slot` is the field's slot, undefined for an id that is no field.
 */
export function answerOf(context: AnswerContext, id: string, slot: number | undefined): unknown {
  if (context.slots === null) return context.byId?.[id];
  return slot === undefined ? NO_FIELDS[id] : context.slots[slot];
}
