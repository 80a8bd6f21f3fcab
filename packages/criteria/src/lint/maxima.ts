import type { Definition } from '../definition/schema.ts';
import { type Problem, problem } from '../problem.ts';
import { roundToHundredths } from '../scoring/hundredths.ts';
import { formatPoints } from './points.ts';
import { criteriaOf } from './walk.ts';

/** Sums in hundredths, so that 0.1 + 0.2 adds up to 0.3 exactly. */
function sumOf(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + roundToHundredths(value), 0);
}

/**
 * How the maxima fit together: a scored criterion's indicators add up to its max (more is an error,
 * less a warning: the max could never be reached), a mandatory condition carries no points and asks for
 * evidence, and each group's scored criteria add up to the group's max.
 */
export function lintMaxima(definition: Definition): Problem[] {
  const problems: Problem[] = [];
  for (const { criterion, path } of criteriaOf(definition)) {
    if (criterion.kind === 'mandatory') {
      criterion.indicators.forEach((indicator, i) => {
        if (indicator.max > 0)
          problems.push(
            problem(
              [...path, 'indicators', i, 'max'],
              'mandatory.indicator-points',
              `Tiêu chí ${criterion.id} là điều kiện bắt buộc, không tính điểm: chỉ số ${indicator.id} phải có điểm tối đa 0`,
              `Criterion ${criterion.id} is a mandatory condition without points: indicator ${indicator.id} must have a max of 0`,
            ),
          );
      });
      if (criterion.evidence.length === 0)
        problems.push(
          problem(
            [...path, 'evidence'],
            'mandatory.no-evidence',
            `Điều kiện bắt buộc ${criterion.id} cần ít nhất một minh chứng`,
            `Mandatory condition ${criterion.id} needs at least one evidence slot`,
          ),
        );
      continue;
    }
    if (criterion.indicators.length === 0) {
      problems.push(
        problem([...path, 'indicators'], 'criterion.no-indicators', `Tiêu chí ${criterion.id} tính điểm nhưng không có chỉ số thành phần nào`, `Scored criterion ${criterion.id} has no indicators`),
      );
      continue;
    }
    const sum = sumOf(criterion.indicators.map((indicator) => indicator.max));
    const max = roundToHundredths(criterion.max);
    if (sum > max)
      problems.push(
        problem(
          [...path, 'max'],
          'criterion.indicators-exceed-max',
          `Tổng điểm tối đa của các chỉ số (${formatPoints(sum / 100, 'vi')}) vượt quá điểm tối đa của tiêu chí ${criterion.id} (${formatPoints(criterion.max, 'vi')})`,
          `The indicators' maxima add up to ${formatPoints(sum / 100, 'en')}, above the max of criterion ${criterion.id} (${formatPoints(criterion.max, 'en')})`,
        ),
      );
    else if (sum < max)
      problems.push(
        problem(
          [...path, 'max'],
          'criterion.max-unreachable',
          `Tổng điểm tối đa của các chỉ số (${formatPoints(sum / 100, 'vi')}) nhỏ hơn điểm tối đa của tiêu chí ${criterion.id} (${formatPoints(criterion.max, 'vi')}): tiêu chí không bao giờ đạt điểm tối đa`,
          `The indicators' maxima add up to ${formatPoints(sum / 100, 'en')}, below the max of criterion ${criterion.id} (${formatPoints(criterion.max, 'en')}): the criterion can never reach its max`,
          'warning',
        ),
      );
  }

  definition.groups.forEach((group, g) => {
    const sum = sumOf(group.criteria.map((criterion) => (criterion.kind === 'scored' ? criterion.max : 0)));
    if (sum !== roundToHundredths(group.max))
      problems.push(
        problem(
          ['groups', g, 'max'],
          'group.max-mismatch',
          `Tổng điểm tối đa của các tiêu chí (${formatPoints(sum / 100, 'vi')}) khác điểm tối đa của nhóm ${group.id} (${formatPoints(group.max, 'vi')})`,
          `The criteria's maxima add up to ${formatPoints(sum / 100, 'en')}, not the max of group ${group.id} (${formatPoints(group.max, 'en')})`,
        ),
      );
  });
  return problems;
}
