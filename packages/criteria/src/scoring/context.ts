import type { ScoringPlan } from './plan.ts';

/** The answers as rules see them: a parsed value, or null for unanswered, invalid and skipped fields. */
export type RuleContext = Record<string, unknown>;

/**
 * A context for one submission. Building a fresh one costs a hash-table insertion per field (a context
 * has too many keys for V8's fast mode), so the previous submission's context is taken again instead:
 * the first pass writes every slot before anything but skip logic reads it. While a context is in use
 * the plan has no spare, so a nested scoring (an answer's getter may score again) gets a fresh one.
 */
export function takeContext(plan: ScoringPlan): RuleContext {
  const spare = plan.spareContext;
  if (spare === null) return {};
  plan.spareContext = null;
  return spare;
}

/**
 * Keeps a context for the next submission; a scoring that throws simply leaves no spare. When skip
 * logic may read a field before the first pass writes it (`readsAhead`), the slots are cleared to
 * `undefined` first, which every rule reads exactly as a missing key: `var`, `missing` and
 * `missing_some` look at values, never at keys.
 */
export function releaseContext(plan: ScoringPlan, context: RuleContext): void {
  if (!plan.reuseContext) return;
  if (plan.clearContext) for (const id of plan.fieldIds) context[id] = undefined;
  plan.spareContext = context;
}
