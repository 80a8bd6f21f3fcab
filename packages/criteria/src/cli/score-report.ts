import type { Definition } from '../definition/schema.ts';
import { formatPoints } from '../lint/points.ts';
import type { CriterionScore, GroupScore, IndicatorScore, ScoreResult } from '../scoring/types.ts';
import { type Lang, pick, say } from './i18n.ts';
import { renderProblems } from './problems-table.ts';
import { type Column, renderTable, truncate } from './table.ts';

const TITLE_WIDTH = 52;
const DASH = '–';

/** Sums points in hundredths, as scoring does, so that caps add up exactly. */
function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + Math.round(value * 100), 0) / 100;
}

/**
 * A score for people: per group a table of its criteria (and, when asked, their indicators) with max,
 * cap, points and level; mandatory conditions met or why not; then totals, the overall level,
 * completeness and every missing or invalid item with its path.
 */
export function renderScore(definition: Definition, result: ScoreResult, lang: Lang, withIndicators: boolean): string {
  const points = (value: number): string => formatPoints(value, lang);
  const levelName = (level: number | null): string => {
    if (level === null) return DASH;
    const label = definition.levels.find((item) => item.level === level)?.label;
    return label ? `${level} (${pick(label, lang)})` : String(level);
  };
  let out = '';
  result.groups.forEach((group, g) => {
    const source = definition.groups[g];
    out += `${say(lang, 'Nhóm', 'Group')} ${group.id}: ${pick(source?.title, lang)}\n`;
    out += `  ${points(group.points)}/${points(group.max)} ${say(lang, 'điểm', 'points')}, ${say(lang, 'mức', 'level')} ${levelName(group.level)}\n`;
    if (group.levelCappedBecause) out += `  ${pick(group.levelCappedBecause, lang)}\n`;
    out += `\n${groupTable(definition, group, g, lang, withIndicators)}`;
    out += mandatoryLines(group, lang);
    out += '\n';
  });

  out += `${say(lang, 'Tổng điểm', 'Total')}: ${points(result.total)}/${points(sum(result.groups.map((group) => group.max)))}\n`;
  if (result.totalLevel !== null) out += `${say(lang, 'Mức theo tổng điểm', 'Level of the total')}: ${levelName(result.totalLevel)}\n`;
  out += `${say(lang, 'Mức chung', 'Overall level')}: ${levelName(result.overallLevel)}\n`;
  out += `${say(lang, 'Đầy đủ', 'Complete')}: ${result.complete ? say(lang, 'có', 'yes') : say(lang, 'chưa', 'no')}\n`;
  if (result.missing.length > 0) out += `\n${say(lang, 'Còn thiếu', 'Missing')} (${result.missing.length}):\n${renderProblems(result.missing, lang, '  ')}`;
  if (result.invalid.length > 0) out += `\n${say(lang, 'Không hợp lệ', 'Invalid')} (${result.invalid.length}):\n${renderProblems(result.invalid, lang, '  ')}`;
  return out;
}

function groupTable(definition: Definition, group: GroupScore, g: number, lang: Lang, withIndicators: boolean): string {
  const points = (value: number): string => formatPoints(value, lang);
  const columns: Column[] = [
    { header: say(lang, 'Mã', 'Id') },
    { header: say(lang, 'Tiêu chí', 'Criterion') },
    { header: say(lang, 'Tối đa', 'Max'), align: 'right' },
    { header: say(lang, 'Giới hạn', 'Cap'), align: 'right' },
    { header: say(lang, 'Điểm', 'Points'), align: 'right' },
    { header: say(lang, 'Mức', 'Level') },
  ];
  const criteria = definition.groups[g]?.criteria ?? [];
  const rows: string[][] = [];
  group.criteria.forEach((criterion, c) => {
    const source = criteria[c];
    rows.push(criterionRow(criterion, pick(source?.title, lang), lang));
    if (!withIndicators) return;
    criterion.indicators.forEach((indicator, i) => {
      const title = pick(source?.indicators[i]?.title, lang);
      rows.push(indicatorRow(indicator, title, lang, points));
    });
  });
  return renderTable(columns, rows, '  ');
}

function criterionRow(criterion: CriterionScore, title: string, lang: Lang): string[] {
  const points = (value: number): string => formatPoints(value, lang);
  if (criterion.kind === 'mandatory')
    return [criterion.id, truncate(title, TITLE_WIDTH), DASH, DASH, DASH, criterion.met ? say(lang, 'đạt', 'met') : say(lang, 'chưa đạt', 'not met')];
  const cap = sum(criterion.indicators.filter((indicator) => indicator.relevant).map((indicator) => indicator.cap));
  return [criterion.id, truncate(title, TITLE_WIDTH), points(criterion.max), points(cap), points(criterion.points), criterion.level === null ? DASH : String(criterion.level)];
}

function indicatorRow(indicator: IndicatorScore, title: string, lang: Lang, points: (value: number) => string): string[] {
  const label = `  ${truncate(title, TITLE_WIDTH - 2)}`;
  if (!indicator.relevant) return [`  ${indicator.id}`, label, points(indicator.max), DASH, DASH, say(lang, 'không áp dụng', 'not relevant')];
  const how = indicator.scoring === 'automatic' ? say(lang, 'tự động', 'automatic') : '';
  return [`  ${indicator.id}`, label, points(indicator.max), points(indicator.cap), points(indicator.awarded), how];
}

function mandatoryLines(group: GroupScore, lang: Lang): string {
  const mandatory = group.criteria.filter((criterion) => criterion.kind === 'mandatory');
  if (mandatory.length === 0) return '';
  const unmet = mandatory.filter((criterion) => !criterion.met);
  if (unmet.length === 0)
    return `  ${say(lang, 'Điều kiện bắt buộc', 'Mandatory conditions')} (${mandatory.map((criterion) => criterion.id).join(', ')}): ${say(lang, 'đều đạt', 'all met')}.\n`;
  let out = `  ${say(lang, 'Điều kiện bắt buộc chưa đạt', 'Mandatory conditions not met')}:\n`;
  for (const criterion of unmet) {
    const reasons = criterion.unmetReasons.map((reason) => pick(reason, lang)).join('; ');
    out += `    ${criterion.id}: ${reasons === '' ? say(lang, 'chưa đạt', 'not met') : reasons}\n`;
  }
  return out;
}
