import type { Definition } from '../definition/schema.ts';
import { type Problem, problem } from '../problem.ts';
import { checkRule } from '../rules/index.ts';
import { roundToHundredths } from '../scoring/hundredths.ts';
import { formatPoints } from './points.ts';
import { ruleBounds } from './rule-bounds.ts';
import { fieldMap, indicatorsOf } from './walk.ts';

/**
 * Each indicator's cap rule against its `max`: an error when some answers give a cap above the max,
 * a warning when no upper bound can be established (the analysis cannot vouch for it) or when the
 * max can never be reached. A cap with problems of its own (reported by the rule checks) is not analysed.
 */
export function lintCaps(definition: Definition): Problem[] {
  const fields = fieldMap(definition);
  const knownVars = new Set(fields.keys());
  const problems: Problem[] = [];
  for (const { indicator, path } of indicatorsOf(definition)) {
    if (indicator.cap === undefined || checkRule(indicator.cap, { knownVars }).length > 0) continue;
    const at = [...path, 'cap'];
    const { max: highest } = ruleBounds(indicator.cap, fields);
    const max = indicator.max;
    if (highest === Infinity) {
      problems.push(
        problem(
          at,
          'cap.unbounded',
          `Không xác định được giới hạn trên của quy tắc điểm tối đa của chỉ số ${indicator.id}: hãy bảo đảm nó không vượt quá ${formatPoints(max, 'vi')} điểm`,
          `No upper bound can be established for the cap rule of indicator ${indicator.id}: make sure it cannot exceed ${formatPoints(max, 'en')} points`,
          'warning',
        ),
      );
    } else if (roundToHundredths(highest) > roundToHundredths(max)) {
      problems.push(
        problem(
          at,
          'cap.exceeds-max',
          `Quy tắc điểm tối đa của chỉ số ${indicator.id} có thể cho tới ${formatPoints(highest, 'vi')} điểm, vượt quá điểm tối đa ${formatPoints(max, 'vi')} của chỉ số`,
          `The cap rule of indicator ${indicator.id} can give up to ${formatPoints(highest, 'en')} points, above the indicator's max of ${formatPoints(max, 'en')}`,
        ),
      );
    } else if (roundToHundredths(highest) < roundToHundredths(max)) {
      problems.push(
        problem(
          at,
          'cap.max-unreachable',
          `Quy tắc điểm tối đa của chỉ số ${indicator.id} cho nhiều nhất ${formatPoints(highest, 'vi')} điểm: không bao giờ đạt được điểm tối đa ${formatPoints(max, 'vi')}`,
          `The cap rule of indicator ${indicator.id} gives at most ${formatPoints(highest, 'en')} points: the max of ${formatPoints(max, 'en')} can never be reached`,
          'warning',
        ),
      );
    }
  }
  return problems;
}
