import { formatPoints } from '../lint/points.ts';
import type { DiffEntry, DiffItem, PropertyChange } from './types.ts';

type Lang = 'vi' | 'en';
type Words = Readonly<Record<Lang, string>>;

const ITEMS: Readonly<Record<DiffItem, Words>> = {
  set: { vi: 'Bộ chỉ số', en: 'Set' },
  level: { vi: 'Mức', en: 'Level' },
  group: { vi: 'Nhóm tiêu chí', en: 'Group' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  indicator: { vi: 'Chỉ số thành phần', en: 'Indicator' },
  field: { vi: 'Trường', en: 'Field' },
  evidence: { vi: 'Minh chứng', en: 'Evidence slot' },
  option: { vi: 'Lựa chọn', en: 'Option' },
};

const PROPERTIES: Readonly<Record<string, Words>> = {
  title: { vi: 'tiêu đề', en: 'title' },
  description: { vi: 'mô tả', en: 'description' },
  guidance: { vi: 'hướng dẫn', en: 'guidance' },
  label: { vi: 'nhãn', en: 'label' },
  help: { vi: 'trợ giúp', en: 'help' },
  max: { vi: 'tối đa', en: 'max' },
  min: { vi: 'tối thiểu', en: 'min' },
  cap: { vi: 'quy tắc điểm tối đa', en: 'cap rule' },
  bands: { vi: 'các mức', en: 'bands' },
  scoring: { vi: 'cách chấm', en: 'scoring mode' },
  relevantWhen: { vi: 'điều kiện áp dụng', en: 'relevance' },
  validations: { vi: 'quy tắc kiểm tra', en: 'validations' },
  condition: { vi: 'điều kiện', en: 'condition' },
  unmetMessage: { vi: 'thông báo khi chưa đạt', en: 'unmet message' },
  mandatoryEffect: { vi: 'hệ quả khi chưa đạt điều kiện bắt buộc', en: 'mandatory effect' },
  kind: { vi: 'loại', en: 'kind' },
  required: { vi: 'bắt buộc', en: 'required' },
  numeratorLabel: { vi: 'nhãn tử số', en: 'numerator label' },
  denominatorLabel: { vi: 'nhãn mẫu số', en: 'denominator label' },
  decimals: { vi: 'số chữ số thập phân', en: 'decimals' },
  unit: { vi: 'đơn vị', en: 'unit' },
  maxLength: { vi: 'độ dài tối đa', en: 'max length' },
  maxItems: { vi: 'số mục tối đa', en: 'max items' },
  schemaVersion: { vi: 'phiên bản lược đồ', en: 'schema version' },
  setKey: { vi: 'mã bộ chỉ số', en: 'set key' },
  version: { vi: 'phiên bản', en: 'version' },
  status: { vi: 'trạng thái', en: 'status' },
  legalBasis: { vi: 'căn cứ pháp lý', en: 'legal basis' },
  appliesTo: { vi: 'đối tượng áp dụng', en: 'applies to' },
  derivedFrom: { vi: 'nguồn gốc', en: 'derived from' },
  'overall.rule': { vi: 'quy tắc mức chung', en: 'overall rule' },
  'overall.totalBands': { vi: 'các mức theo tổng điểm', en: 'total bands' },
  'overall.description': { vi: 'mô tả mức chung', en: 'overall description' },
  awardStep: { vi: 'bước chấm điểm', en: 'award step' },
  group: { vi: 'thuộc nhóm', en: 'group' },
  criterion: { vi: 'thuộc tiêu chí', en: 'criterion' },
  indicator: { vi: 'thuộc chỉ số', en: 'indicator' },
  groupsOrder: { vi: 'thứ tự nhóm', en: 'order of groups' },
  criteriaOrder: { vi: 'thứ tự tiêu chí', en: 'order of criteria' },
  indicatorsOrder: { vi: 'thứ tự chỉ số', en: 'order of indicators' },
  evidenceOrder: { vi: 'thứ tự minh chứng', en: 'order of evidence slots' },
  fieldsOrder: { vi: 'thứ tự trường', en: 'order of fields' },
  optionsOrder: { vi: 'thứ tự lựa chọn', en: 'order of options' },
  levelsOrder: { vi: 'thứ tự mức', en: 'order of levels' },
};

const SHORT_TEXT = 48;

/** The summary of an entry, in both languages. */
export function summarize(entry: Omit<DiffEntry, 'summary'>, name: { vi?: string; en?: string } | undefined): DiffEntry['summary'] {
  return { vi: summaryIn(entry, name, 'vi'), en: summaryIn(entry, name, 'en') };
}

/** What an entry is about, for people: "Chỉ số thành phần 2.3f", "Bộ chỉ số". */
export function entrySubject(entry: Pick<DiffEntry, 'item' | 'id'>, lang: Lang): string {
  const item = ITEMS[entry.item][lang];
  return entry.item === 'set' ? item : `${item} ${entry.id}`;
}

function summaryIn(entry: Omit<DiffEntry, 'summary'>, name: { vi?: string; en?: string } | undefined, lang: Lang): string {
  const item = ITEMS[entry.item][lang];
  const title = name?.[lang] ?? name?.vi;
  const named = title === undefined ? '' : `: ${shorten(title)}`;
  const subject = entrySubject(entry, lang);
  switch (entry.change) {
    case 'added':
      return lang === 'vi' ? `Thêm ${lower(item)} ${entry.id}${named}` : `Added ${lower(item)} ${entry.id}${named}`;
    case 'removed':
      return lang === 'vi' ? `Bỏ ${lower(item)} ${entry.id}${named}` : `Removed ${lower(item)} ${entry.id}${named}`;
    case 'changed':
      return `${subject}: ${entry.changes.map((change) => describeChange(change, lang)).join('; ')}`;
  }
}

/**
 * One change for people: "tối đa 6 → 8". Rules and other structures are named only ("quy tắc điểm tối đa
 * đã thay đổi"), unless `detailed`, which shows them as compact JSON when short enough to read.
 * Long texts are shown around their first difference.
 */
export function describeChange(change: PropertyChange, lang: Lang, detailed = false): string {
  const words = PROPERTIES[change.property]?.[lang] ?? change.property;
  const [beforeText, afterText] = [textOf(change.before, lang), textOf(change.after, lang)];
  const differ = beforeText !== undefined && afterText !== undefined ? firstDifference(beforeText, afterText) : 0;
  const before = valueText(change.before, change.property, lang, detailed, differ);
  const after = valueText(change.after, change.property, lang, detailed, differ);
  if (before === null || after === null) return lang === 'vi' ? `${words} đã thay đổi` : `${words} changed`;
  return `${words} ${before} → ${after}`;
}

const DETAIL_LIMIT = 160;

function valueText(value: unknown, property: string, lang: Lang, detailed: boolean, differ: number): string | null {
  if (value === undefined || value === null) return lang === 'vi' ? '(không có)' : '(none)';
  if (typeof value === 'number') return formatPoints(value, lang);
  if (typeof value === 'boolean') return value ? (lang === 'vi' ? 'có' : 'yes') : lang === 'vi' ? 'không' : 'no';
  const text = textOf(value, lang);
  if (text !== undefined) return `«${around(text, differ)}»`;
  if (property.endsWith('bands')) return bandsText(value, lang);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) return shorten(value.join(', '));
  if (detailed) {
    const json = JSON.stringify(value);
    if (json.length <= DETAIL_LIMIT) return json;
  }
  return null;
}

function textOf(value: unknown, lang: Lang): string | undefined {
  if (typeof value === 'string') return value;
  if (isText(value)) return value[lang] ?? value.vi;
  return undefined;
}

function firstDifference(a: string, b: string): number {
  const flatA = flatten(a);
  const flatB = flatten(b);
  let i = 0;
  while (i < flatA.length && i < flatB.length && flatA[i] === flatB[i]) i++;
  return i;
}

/** A long text cut to show where it differs from its counterpart, not just its common beginning. */
function around(text: string, differ: number): string {
  const flat = flatten(text);
  if (flat.length <= SHORT_TEXT) return flat;
  const start = Math.max(0, Math.min(differ - 12, flat.length - SHORT_TEXT + 1));
  if (start === 0) return shorten(flat);
  const piece = flat.slice(start, start + SHORT_TEXT - 2);
  return `…${piece}${start + SHORT_TEXT - 2 < flat.length ? '…' : ''}`;
}

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isText(value: unknown): value is { vi: string; en?: string } {
  return typeof value === 'object' && value !== null && typeof (value as { vi?: unknown }).vi === 'string';
}

/** Bands as the papers write them: `1: <10, 2: [10; 20], 3: >20`. */
function bandsText(value: unknown, lang: Lang): string | null {
  if (!Array.isArray(value)) return null;
  const parts: string[] = [];
  for (const band of value as unknown[]) {
    if (typeof band !== 'object' || band === null) return null;
    const { level, min, max, minInclusive = true, maxInclusive = false } = band as Record<string, unknown>;
    const low = typeof min === 'number' ? formatPoints(min, lang) : undefined;
    const high = typeof max === 'number' ? formatPoints(max, lang) : undefined;
    let range: string;
    if (low === undefined && high === undefined) range = lang === 'vi' ? 'mọi điểm' : 'any score';
    else if (low === undefined) range = `${maxInclusive ? '≤' : '<'}${high}`;
    else if (high === undefined) range = `${minInclusive ? '≥' : '>'}${low}`;
    else range = `${minInclusive ? '[' : '('}${low}; ${high}${maxInclusive ? ']' : ')'}`;
    parts.push(`${String(level)}: ${range}`);
  }
  return parts.join(', ');
}

function shorten(text: string): string {
  const flat = flatten(text);
  return flat.length <= SHORT_TEXT ? flat : `${flat.slice(0, SHORT_TEXT - 1)}…`;
}

function lower(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}
