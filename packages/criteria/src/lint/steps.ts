import type { Definition } from '../definition/schema.ts';
import { type Path, type Problem, problem } from '../problem.ts';
import { toHundredths } from '../scoring/hundredths.ts';
import { formatPoints } from './points.ts';
import { criteriaOf } from './walk.ts';

/**
 * The award step is a whole number of hundredths (points are counted in hundredths), and every
 * criterion and indicator max is a whole number of steps, or the max could never be awarded.
 */
export function lintAwardStep(definition: Definition): Problem[] {
  const step = toHundredths(definition.awardStep);
  if (step === null || step === 0)
    return [
      problem(
        ['awardStep'],
        'award-step.not-hundredths',
        `Bước chấm điểm (${formatPoints(definition.awardStep, 'vi')}) phải là bội của 0,01`,
        `The award step (${formatPoints(definition.awardStep, 'en')}) must be a multiple of 0.01`,
      ),
    ];
  const problems: Problem[] = [];
  const check = (max: number, path: Path, what: { vi: string; en: string }): void => {
    const hundredths = toHundredths(max);
    if (hundredths !== null && hundredths % step === 0) return;
    problems.push(
      problem(
        path,
        'max.not-step-multiple',
        `Điểm tối đa ${formatPoints(max, 'vi')} của ${what.vi} không phải bội của bước chấm ${formatPoints(definition.awardStep, 'vi')}: không thể chấm đủ điểm tối đa`,
        `The max of ${formatPoints(max, 'en')} of ${what.en} is not a multiple of the award step ${formatPoints(definition.awardStep, 'en')}: it can never be awarded in full`,
        'warning',
      ),
    );
  };
  for (const { criterion, path } of criteriaOf(definition)) {
    if (criterion.kind === 'scored') check(criterion.max, [...path, 'max'], { vi: `tiêu chí ${criterion.id}`, en: `criterion ${criterion.id}` });
    criterion.indicators.forEach((indicator, i) =>
      check(indicator.max, [...path, 'indicators', i, 'max'], { vi: `chỉ số ${indicator.id}`, en: `indicator ${indicator.id}` }),
    );
  }
  return problems;
}
