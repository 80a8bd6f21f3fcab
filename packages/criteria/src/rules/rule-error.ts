import type { Problem } from '../problem.ts';

/** Thrown when a rule is refused (by `compileRule`) or an evaluation is stopped; carries the reasons. */
export class RuleError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const first = problems[0];
    const summary = first === undefined ? 'the rule is not valid' : `${first.code}: ${first.message.en ?? first.message.vi}`;
    super(problems.length > 1 ? `${summary} (and ${problems.length - 1} more)` : summary);
    this.name = 'RuleError';
    this.problems = problems;
  }
}
