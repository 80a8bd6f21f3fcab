import type { ApiErrorDetail } from '../../api/errors.ts';
import type { Texts } from '../../i18n/locale.ts';
import { DEADLINE_STEPS, type DeadlineStep, type Deadlines, type NewCampaign, type PublishedVersion, type RecognitionRule } from './api.ts';

/** What the new-campaign form holds while it is being filled: one chosen version (`setKey@number`, or '') per kind. */
export interface CampaignDraft {
  name: string;
  schoolYear: string;
  versionByKind: Record<string, string>;
  deadlines: Deadlines;
  rule: RecognitionRule;
}

/** A field of the form a problem belongs to: `name`, `schoolYear`, `kind.<kind>`, `deadlines.<step>`, `recognition`, or '' (the whole form). */
export type FieldKey = string;

export const versionRef = (version: { setKey: string; number: number }): string => `${version.setKey}@${version.number}`;

function parseRef(ref: string): { setKey: string; number: number } | null {
  const at = ref.lastIndexOf('@');
  const number = Number(ref.slice(at + 1));
  return at > 0 && Number.isInteger(number) && number > 0 ? { setKey: ref.slice(0, at), number } : null;
}

/**
 * The published versions that apply to each kind of school, in the order listed (the API lists by set,
 * then number, each with the kinds it applies to, so no definition is downloaded): newest last.
 */
export function versionsByKind(versions: readonly PublishedVersion[]): Map<string, PublishedVersion[]> {
  const byKind = new Map<string, PublishedVersion[]>();
  for (const version of versions) for (const kind of version.appliesTo) byKind.set(kind, [...(byKind.get(kind) ?? []), version]);
  return byKind;
}

/** A school year `2025-2026` starting in the year of `today`'s school year (it starts in August). */
export function defaultSchoolYear(today: Date): string {
  const start = today.getMonth() >= 7 ? today.getFullYear() : today.getFullYear() - 1;
  return `${start}-${start + 1}`;
}

/** The plan of seed 002's appendix for a school year: self-assessment in January … publication end of May. */
export function defaultDeadlines(schoolYear: string): Deadlines {
  const end = Number(schoolYear.slice(5, 9)) || new Date().getFullYear() + 1;
  return {
    selfAssessment: `${end}-01-31`,
    reviewRequest: `${end}-02-15`,
    externalReview: `${end}-03-31`,
    recognition: `${end}-05-15`,
    publication: `${end}-05-31`,
  };
}

/** The request the API expects: kinds grouped by the version chosen for them; kinds left out are not part of the campaign. */
export function toRequest(draft: CampaignDraft): NewCampaign {
  const byVersion = new Map<string, string[]>();
  for (const [kind, ref] of Object.entries(draft.versionByKind)) {
    if (ref === '' || parseRef(ref) === null) continue;
    byVersion.set(ref, [...(byVersion.get(ref) ?? []), kind]);
  }
  const criteria = [...byVersion].flatMap(([ref, kinds]) => {
    const parsed = parseRef(ref);
    return parsed === null ? [] : [{ kinds, ...parsed }];
  });
  return { name: draft.name.trim(), schoolYear: draft.schoolYear.trim(), criteria, deadlines: { ...draft.deadlines }, recognition: { rule: draft.rule } };
}

const STEP_NAMES: Record<DeadlineStep, Texts> = {
  selfAssessment: { vi: 'tự đánh giá', en: 'self-assessment' },
  reviewRequest: { vi: 'đề nghị đánh giá ngoài', en: 'request for external review' },
  externalReview: { vi: 'đánh giá ngoài', en: 'external review' },
  recognition: { vi: 'công nhận', en: 'recognition' },
  publication: { vi: 'công bố', en: 'publication' },
};

export const stepName = (step: DeadlineStep): Texts => STEP_NAMES[step];

/**
 * What the browser can tell before sending, in the API's own words: a missing field, a school year that
 * is not two consecutive years, no kind given a version, a deadline missing or before the previous step's.
 * The API checks all of it again; this only saves a round trip.
 */
export function checkDraft(draft: CampaignDraft): Map<FieldKey, Texts> {
  const problems = new Map<FieldKey, Texts>();
  if (draft.name.trim().length < 3) problems.set('name', { vi: 'Tên kỳ đánh giá cần ít nhất 3 ký tự', en: 'The name needs at least 3 characters' });
  const year = /^(\d{4})-(\d{4})$/.exec(draft.schoolYear.trim());
  if (year === null || Number(year[2]) !== Number(year[1]) + 1)
    problems.set('schoolYear', { vi: 'Năm học gồm hai năm liên tiếp, ví dụ 2025-2026', en: 'A school year is two consecutive years, e.g. 2025-2026' });
  if (toRequest(draft).criteria.length === 0)
    problems.set('kinds', { vi: 'Hãy chọn bộ chỉ số cho ít nhất một loại trường', en: 'Choose a criteria version for at least one kind of school' });
  for (const [key, texts] of deadlineProblems(draft.deadlines)) problems.set(key, texts);
  return problems;
}

/** Each deadline must be given, and on or after the previous step's (the API's rule, deadlineOrderIssues). */
export function deadlineProblems(deadlines: Deadlines): Map<FieldKey, Texts> {
  const problems = new Map<FieldKey, Texts>();
  let previous: DeadlineStep | null = null;
  for (const step of DEADLINE_STEPS) {
    const day = deadlines[step];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      problems.set(`deadlines.${step}`, { vi: `Hãy nhập hạn ${STEP_NAMES[step].vi}`, en: `Enter the ${STEP_NAMES[step].en} deadline` });
      continue;
    }
    const before = previous === null ? '' : deadlines[previous];
    if (previous !== null && /^\d{4}-\d{2}-\d{2}$/.test(before) && day < before)
      problems.set(`deadlines.${step}`, {
        vi: `Hạn ${STEP_NAMES[step].vi} không được trước hạn ${STEP_NAMES[previous].vi}`,
        en: `The ${STEP_NAMES[step].en} deadline cannot come before the ${STEP_NAMES[previous].en} deadline`,
      });
    previous = step;
  }
  return problems;
}

/**
 * The form field an API problem belongs to, from its path (`body.deadlines.recognition`,
 * `body.criteria[1].kinds[0]`, `body.criteria[1]`): criteria entries are mapped back to the kinds of the
 * request that was sent. Anything else belongs to the whole form.
 */
export function fieldOfProblem(path: string, sent: NewCampaign): FieldKey {
  const rest = path.replace(/^body\.?/, '');
  const criteria = /^criteria\[(\d+)\](?:\.kinds\[(\d+)\])?/.exec(rest);
  if (criteria !== null) {
    const entry = sent.criteria[Number(criteria[1])];
    const kind = criteria[2] === undefined ? entry?.kinds[0] : entry?.kinds[Number(criteria[2])];
    return kind === undefined ? 'kinds' : `kind.${kind}`;
  }
  const deadline = /^deadlines\.(\w+)/.exec(rest);
  if (deadline?.[1] !== undefined && (DEADLINE_STEPS as readonly string[]).includes(deadline[1])) return `deadlines.${deadline[1]}`;
  if (rest === 'deadlines') return 'deadlines.selfAssessment';
  const top = /^(name|schoolYear|recognition)\b/.exec(rest);
  return top?.[1] ?? '';
}

/** The API's problems, each under its field, in both languages; several for one field are joined. */
export function problemsByField(details: readonly ApiErrorDetail[], sent: NewCampaign): Map<FieldKey, Texts> {
  const problems = new Map<FieldKey, Texts>();
  for (const detail of details) {
    const key = fieldOfProblem(detail.path, sent);
    const current = problems.get(key);
    problems.set(key, current === undefined ? { vi: detail.message, en: detail.messageEn } : { vi: `${current.vi}; ${detail.message}`, en: `${current.en}; ${detail.messageEn}` });
  }
  return problems;
}
