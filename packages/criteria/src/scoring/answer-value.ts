import type { Field, Option } from '../definition/field.ts';
import { type Path, type Problem, problem } from '../problem.ts';
import { decimalsOf, isCalendarDate, isEmail, isPhone, isWebAddress } from './answer-formats.ts';

/** A parsed answer: what rules see, or why there is none. */
export type AnswerState =
  | { state: 'answered'; value: unknown }
  | { state: 'unanswered' }
  | { state: 'invalid'; problems: Problem[] };

const UNANSWERED: AnswerState = { state: 'unanswered' };

function invalid(path: Path, code: string, vi: string, en: string): AnswerState {
  return { state: 'invalid', problems: [problem(path, code, vi, en)] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isWholeCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** What is wrong with a count, as the arguments of `problem` after its path. */
type Issue = readonly [code: string, vi: string, en: string];

function countIssue(value: unknown, label: string): Issue | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return ['invalid.not-a-number', `${label} phải là một số`, `${label} must be a number`];
  if (value < 0) return ['invalid.negative', `${label} không được âm`, `${label} cannot be negative`];
  if (!Number.isSafeInteger(value)) return ['invalid.not-whole', `${label} phải là số nguyên`, `${label} must be a whole number`];
  return null;
}

function countProblem(path: Path, value: unknown, label: string): Problem | null {
  const issue = countIssue(value, label);
  return issue === null ? null : problem(path, ...issue);
}

/** `options.some((option) => option.value === value)`, without a closure per answer. */
function isOption(options: readonly Option[], value: string): boolean {
  for (const option of options) if (option.value === value) return true;
  return false;
}

/**
 * Reads one untrusted answer for its field. Never throws: a malformed answer becomes problems at `path`.
 * A ratio becomes `{ numerator, denominator, percent }`, with percent = numerator × 100 / denominator
 * in one division, which is exact at every band edge a count of people or rooms can reach.
 */
export function readAnswer(field: Field, raw: unknown, path: Path): AnswerState {
  if (raw === undefined || raw === null) return UNANSWERED;
  switch (field.kind) {
    case 'boolean':
      if (typeof raw !== 'boolean') return invalid(path, 'invalid.not-boolean', 'Câu trả lời phải là Có hoặc Không', 'The answer must be yes or no');
      return { state: 'answered', value: raw };
    case 'count': {
      const issue = countProblem(path, raw, 'Số lượng');
      if (issue) return { state: 'invalid', problems: [issue] };
      if (field.max !== undefined && (raw as number) > field.max)
        return invalid(path, 'invalid.above-max', `Số lượng không được lớn hơn ${field.max}`, `The count cannot exceed ${field.max}`);
      return { state: 'answered', value: raw };
    }
    case 'ratio':
      return readRatio(raw, path);
    case 'choice': {
      if (typeof raw !== 'string' || !isOption(field.options, raw))
        return invalid(path, 'invalid.unknown-option', 'Lựa chọn không có trong danh sách', 'The choice is not one of the options');
      return { state: 'answered', value: raw };
    }
    case 'multichoice': {
      if (!Array.isArray(raw)) return invalid(path, 'invalid.not-a-list', 'Câu trả lời phải là danh sách lựa chọn', 'The answer must be a list of choices');
      const problems: Problem[] = [];
      const seen = new Set<string>();
      raw.forEach((item: unknown, index) => {
        if (typeof item !== 'string' || !isOption(field.options, item))
          problems.push(problem([...path, index], 'invalid.unknown-option', 'Lựa chọn không có trong danh sách', 'The choice is not one of the options'));
        else if (seen.has(item))
          problems.push(problem([...path, index], 'invalid.duplicate-option', 'Lựa chọn bị lặp lại', 'The choice is repeated'));
        else seen.add(item);
      });
      return problems.length > 0 ? { state: 'invalid', problems } : { state: 'answered', value: [...seen] };
    }
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return invalid(path, 'invalid.not-a-number', 'Giá trị phải là một số', 'The value must be a number');
      if (field.min !== undefined && raw < field.min)
        return invalid(path, 'invalid.below-min', `Giá trị không được nhỏ hơn ${field.min}`, `The value cannot be below ${field.min}`);
      if (field.max !== undefined && raw > field.max)
        return invalid(path, 'invalid.above-max', `Giá trị không được lớn hơn ${field.max}`, `The value cannot exceed ${field.max}`);
      if (decimalsOf(raw) > field.decimals)
        return invalid(path, 'invalid.too-many-decimals', `Giá trị có tối đa ${field.decimals} chữ số thập phân`, `The value has at most ${field.decimals} decimals`);
      return { state: 'answered', value: raw };
    }
    case 'text': {
      if (typeof raw !== 'string') return invalid(path, 'invalid.not-text', 'Câu trả lời phải là văn bản', 'The answer must be text');
      const value = raw.trim();
      if (value === '') return UNANSWERED;
      if (value.length > field.maxLength)
        return invalid(path, 'invalid.too-long', `Văn bản dài quá ${field.maxLength} ký tự`, `The text is longer than ${field.maxLength} characters`);
      return { state: 'answered', value };
    }
    case 'links':
      return readLinks(raw, path, field.maxItems);
    case 'document':
      return readDocument(raw, path);
    case 'contact':
      return readContact(raw, path);
  }
}

function readRatio(raw: unknown, path: Path): AnswerState {
  if (!isRecord(raw))
    return invalid(path, 'invalid.not-a-ratio', 'Cần nhập hai số: tử số và mẫu số', 'Two counts are needed: numerator and denominator');
  // The paths of the two parts are built only for a problem: most ratios have none.
  const numeratorIssue = countIssue(raw.numerator, 'Tử số');
  const denominatorIssue = countIssue(raw.denominator, 'Mẫu số');
  if (numeratorIssue !== null || denominatorIssue !== null) {
    const problems: Problem[] = [];
    if (numeratorIssue !== null) problems.push(problem([...path, 'numerator'], ...numeratorIssue));
    if (denominatorIssue !== null) problems.push(problem([...path, 'denominator'], ...denominatorIssue));
    return { state: 'invalid', problems };
  }
  const numerator = raw.numerator as number;
  const denominator = raw.denominator as number;
  if (denominator === 0)
    return invalid([...path, 'denominator'], 'invalid.zero-denominator', 'Mẫu số phải lớn hơn 0', 'The denominator must be greater than 0');
  if (numerator > denominator)
    return invalid([...path, 'numerator'], 'invalid.numerator-above-denominator', `Tử số (${numerator}) không được lớn hơn mẫu số (${denominator})`, `The numerator (${numerator}) cannot exceed the denominator (${denominator})`);
  return { state: 'answered', value: { numerator, denominator, percent: (numerator * 100) / denominator } };
}

function readLinks(raw: unknown, path: Path, maxItems: number): AnswerState {
  if (!Array.isArray(raw)) return invalid(path, 'invalid.not-a-list', 'Câu trả lời phải là danh sách đường link', 'The answer must be a list of links');
  if (raw.length > maxItems)
    return invalid(path, 'invalid.too-many', `Tối đa ${maxItems} đường link`, `At most ${maxItems} links`);
  const links: string[] = [];
  const problems: Problem[] = [];
  raw.forEach((item: unknown, index) => {
    const value = typeof item === 'string' ? item.trim() : item;
    if (typeof value !== 'string' || !isWebAddress(value))
      problems.push(problem([...path, index], 'invalid.not-a-link', 'Đường link phải bắt đầu bằng http:// hoặc https://', 'A link must start with http:// or https://'));
    else links.push(value);
  });
  if (problems.length > 0) return { state: 'invalid', problems };
  return links.length === 0 ? UNANSWERED : { state: 'answered', value: links };
}

function readDocument(raw: unknown, path: Path): AnswerState {
  if (!isRecord(raw)) return invalid(path, 'invalid.not-a-document', 'Cần số hiệu và ngày ban hành văn bản', 'The document number and date are needed');
  if (!nonEmptyString(raw.number) && !nonEmptyString(raw.date) && !nonEmptyString(raw.title)) return UNANSWERED;
  const problems: Problem[] = [];
  if (!nonEmptyString(raw.number))
    problems.push(problem([...path, 'number'], 'invalid.document-number', 'Cần số hiệu văn bản (ví dụ 128/KH-GDNN-GDTXTT)', 'The document number is needed (e.g. 128/KH-GDNN-GDTXTT)'));
  if (typeof raw.date !== 'string' || !isCalendarDate(raw.date))
    problems.push(problem([...path, 'date'], 'invalid.date', 'Ngày ban hành phải là một ngày có thật (YYYY-MM-DD)', 'The date must be a real date (YYYY-MM-DD)'));
  if (raw.title !== undefined && raw.title !== null && typeof raw.title !== 'string')
    problems.push(problem([...path, 'title'], 'invalid.not-text', 'Trích yếu phải là văn bản', 'The title must be text'));
  if (problems.length > 0) return { state: 'invalid', problems };
  const value: Record<string, string> = { number: (raw.number as string).trim(), date: raw.date as string };
  if (nonEmptyString(raw.title)) value.title = raw.title.trim();
  return { state: 'answered', value };
}

const CONTACT_PARTS = ['name', 'position', 'email', 'phone'] as const;

function readContact(raw: unknown, path: Path): AnswerState {
  if (!isRecord(raw)) return invalid(path, 'invalid.not-a-contact', 'Cần họ tên, chức vụ, email và điện thoại', 'Name, position, email and phone are needed');
  if (CONTACT_PARTS.every((part) => !nonEmptyString(raw[part]))) return UNANSWERED;
  const problems: Problem[] = [];
  if (!nonEmptyString(raw.name)) problems.push(problem([...path, 'name'], 'invalid.contact-name', 'Cần họ tên', 'The name is needed'));
  if (!nonEmptyString(raw.position)) problems.push(problem([...path, 'position'], 'invalid.contact-position', 'Cần chức vụ', 'The position is needed'));
  if (typeof raw.email !== 'string' || !isEmail(raw.email.trim()))
    problems.push(problem([...path, 'email'], 'invalid.email', 'Email không hợp lệ', 'The email address is not valid'));
  if (typeof raw.phone !== 'string' || !isPhone(raw.phone.trim()))
    problems.push(problem([...path, 'phone'], 'invalid.phone', 'Số điện thoại không hợp lệ', 'The phone number is not valid'));
  if (problems.length > 0) return { state: 'invalid', problems };
  return {
    state: 'answered',
    value: {
      name: (raw.name as string).trim(),
      position: (raw.position as string).trim(),
      email: (raw.email as string).trim(),
      phone: (raw.phone as string).trim(),
    },
  };
}
