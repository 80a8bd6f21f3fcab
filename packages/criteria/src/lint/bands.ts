import type { Band } from '../definition/band.ts';
import type { Definition } from '../definition/schema.ts';
import { type Path, type Problem, formatPath, problem } from '../problem.ts';
import { type Hundredths, roundToHundredths, toHundredths } from '../scoring/hundredths.ts';
import { formatPoints } from './points.ts';

/** A band as the whole hundredths it contains: [low, high], either end possibly infinite. */
interface Span {
  index: number;
  level: number;
  low: number;
  high: number;
}

/**
 * Checks one list of bands over [0, max]: every hundredth of a point in exactly one band, no empty or
 * inverted band, every level declared in the set, and levels rising with points. Bounds are read as
 * scoring reads them: rounded to hundredths, with their inclusive or exclusive ends.
 */
export function lintBands(bands: readonly Band[], max: number, path: Path, levels: ReadonlySet<number>): Problem[] {
  const problems: Problem[] = [];
  const top = roundToHundredths(max);
  const spans: Span[] = [];

  bands.forEach((band, index) => {
    const at: Path = [...path, index];
    for (const end of ['min', 'max'] as const) {
      const value = band[end];
      if (value !== undefined && toHundredths(value) === null)
        problems.push(
          problem([...at, end], 'band.not-hundredths', `Ngưỡng ${formatPoints(value, 'vi')} không phải bội của 0,01 điểm: khi chấm sẽ được làm tròn`, `The bound ${formatPoints(value, 'en')} is not a multiple of 0.01 points: scoring rounds it`, 'warning'),
        );
    }
    if (!levels.has(band.level))
      problems.push(
        problem([...at, 'level'], 'band.unknown-level', `Mức ${band.level} không có trong danh sách mức của bộ chỉ số`, `Level ${band.level} is not among the set's levels`),
      );

    const span = spanOf(band, index);
    if (band.min !== undefined && band.max !== undefined && band.min > band.max) {
      problems.push(
        problem(at, 'band.inverted', `Khoảng điểm có cận dưới (${formatPoints(band.min, 'vi')}) lớn hơn cận trên (${formatPoints(band.max, 'vi')})`, `The band's lower bound (${formatPoints(band.min, 'en')}) is above its upper bound (${formatPoints(band.max, 'en')})`),
      );
      return;
    }
    if (span.low > span.high) {
      problems.push(problem(at, 'band.empty', 'Khoảng điểm không chứa điểm số nào', 'The band contains no score'));
      return;
    }
    if (span.high < 0 || span.low > top) {
      problems.push(
        problem(at, 'band.outside-range', `Khoảng điểm nằm ngoài thang điểm từ 0 đến ${formatPoints(max, 'vi')}`, `The band lies outside the scale from 0 to ${formatPoints(max, 'en')}`, 'warning'),
      );
      return;
    }
    spans.push(span);
  });

  problems.push(...overlaps(spans, top, path), ...gaps(spans, top, path, max), ...levelOrder(spans, path));
  return problems;
}

/** The bands of a whole definition: each scored criterion's, each group's, and the total's. */
export function lintDefinitionBands(definition: Definition): Problem[] {
  const levels = new Set(definition.levels.map((level) => level.level));
  const problems: Problem[] = [];
  definition.groups.forEach((group, g) => {
    problems.push(...lintBands(group.bands, group.max, ['groups', g, 'bands'], levels));
    group.criteria.forEach((criterion, c) => {
      if (criterion.kind === 'scored')
        problems.push(...lintBands(criterion.bands, criterion.max, ['groups', g, 'criteria', c, 'bands'], levels));
    });
  });
  const totalBands = definition.overall.totalBands;
  if (totalBands) {
    const total = definition.groups.reduce((sum, group) => sum + roundToHundredths(group.max), 0) / 100;
    problems.push(...lintBands(totalBands, total, ['overall', 'totalBands'], levels));
  }
  return problems;
}

function spanOf(band: Band, index: number): Span {
  const low = band.min === undefined ? -Infinity : roundToHundredths(band.min) + (band.minInclusive ? 0 : 1);
  const high = band.max === undefined ? Infinity : roundToHundredths(band.max) - (band.maxInclusive ? 0 : 1);
  return { index, level: band.level, low, high };
}

function overlaps(spans: readonly Span[], top: Hundredths, path: Path): Problem[] {
  const problems: Problem[] = [];
  spans.forEach((later, j) => {
    for (const earlier of spans.slice(0, j)) {
      const low = Math.max(0, earlier.low, later.low);
      const high = Math.min(top, earlier.high, later.high);
      if (low > high) continue;
      problems.push(
        problem(
          [...path, later.index],
          'band.overlap',
          `Khoảng điểm này và khoảng của mức ${earlier.level} (${formatPath([...path, earlier.index])}) cùng chứa điểm ${rangeText(low, high, 'vi')}`,
          `This band and the level ${earlier.level} band (${formatPath([...path, earlier.index])}) both contain scores ${rangeText(low, high, 'en')}`,
        ),
      );
    }
  });
  return problems;
}

function gaps(spans: readonly Span[], top: Hundredths, path: Path, max: number): Problem[] {
  const problems: Problem[] = [];
  const report = (low: Hundredths, high: Hundredths): void => {
    problems.push(
      problem(
        path,
        'band.gap',
        `Điểm ${rangeText(low, high, 'vi')} không thuộc mức nào (các mức phải phủ kín từ 0 đến ${formatPoints(max, 'vi')})`,
        `Scores ${rangeText(low, high, 'en')} fall in no band (the bands must cover 0 to ${formatPoints(max, 'en')})`,
      ),
    );
  };
  let next = 0;
  for (const span of [...spans].sort((a, b) => a.low - b.low)) {
    if (span.low > next) report(next, span.low - 1);
    next = Math.max(next, span.high + 1);
    if (next > top) return problems;
  }
  report(next, top);
  return problems;
}

function levelOrder(spans: readonly Span[], path: Path): Problem[] {
  const problems: Problem[] = [];
  const sorted = [...spans].sort((a, b) => a.low - b.low);
  sorted.forEach((span, k) => {
    const previous = sorted[k - 1];
    if (previous && span.level <= previous.level)
      problems.push(
        problem(
          [...path, span.index, 'level'],
          'band.level-order',
          `Mức phải tăng theo điểm: khoảng này (mức ${span.level}) có điểm cao hơn khoảng của mức ${previous.level}`,
          `Levels must rise with points: this band (level ${span.level}) has higher scores than the level ${previous.level} band`,
        ),
      );
  });
  return problems;
}

function rangeText(low: Hundredths, high: Hundredths, lang: 'vi' | 'en'): string {
  const from = formatPoints(low / 100, lang);
  const to = formatPoints(high / 100, lang);
  if (low === high) return lang === 'vi' ? `đúng ${from}` : `of exactly ${from}`;
  return lang === 'vi' ? `từ ${from} đến ${to}` : `from ${from} to ${to}`;
}
