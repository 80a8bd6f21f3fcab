import { EVALUATION_BUDGET } from './limits.ts';
import { RuleError } from './rule-error.ts';
import { tooMuchWork } from './rule-problems.ts';

// Evaluation is synchronous and never re-entered, so one counter serves every compiled rule in turn.
let remaining = EVALUATION_BUDGET;

/** Starts the budget of one evaluation. */
export function resetBudget(): void {
  remaining = EVALUATION_BUDGET;
}

/** Spends units of work; throws a RuleError (`rule.too-much-work`) once the evaluation is over budget. */
export function spend(units: number): void {
  remaining -= units;
  if (remaining < 0) throw new RuleError([tooMuchWork(EVALUATION_BUDGET)]);
}
