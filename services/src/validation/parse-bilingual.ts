import * as z from 'zod';
import { vi } from 'zod/locales';
import { formatPath, type Path } from './format-path.ts';

/** One problem with an input, for people in Vietnamese (`message`) with an English twin (`messageEn`). */
export interface IssueDetail {
  path: string;
  code: string;
  message: string;
  messageEn: string;
}

export type BilingualResult<T> = { success: true; data: T } | { success: false, issues: IssueDetail[] };

// Built once: zod's own Vietnamese messages, so we never hand-translate its dozens of issue kinds.
const vietnamese = vi().localeError;

/**
 * Parses `input` with `schema`; on failure describes every issue in Vietnamese and English, each path
 * prefixed with `at` (e.g. `['body']`). zod writes messages at parse time in one language, so a failed
 * input is parsed a second time with the Vietnamese messages: failures are rare, and the issues come out
 * in the same order both times.
 * @example parseBilingual(z.object({ name: z.string() }), {}, ['body']) // issues[0].path === 'body.name'
 */
export function parseBilingual<S extends z.ZodType>(schema: S, input: unknown, at: Path = []): BilingualResult<z.output<S>> {
  const english = schema.safeParse(input);
  if (english.success) return { success: true, data: english.data };
  const inVietnamese = schema.safeParse(input, { error: (issue) => vietnamese(issue) }).error?.issues ?? [];
  return {
    success: false,
    issues: english.error.issues.map((issue, i) => {
      const own = issue.code === 'custom' ? ownMessages(issue.params) : null;
      return {
        path: formatPath([...at, ...issue.path]),
        code: issue.code,
        message: own?.vi ?? inVietnamese[i]?.message ?? issue.message,
        messageEn: own?.en ?? issue.message,
      };
    }),
  };
}

/**
 * The options of a `.refine()` or `.superRefine()` issue that says what is wrong in both languages.
 * @example z.object({…}).refine((v) => v.a !== undefined || v.b !== undefined, bilingual('Cần a hoặc b', 'a or b is required'))
 */
export function bilingual(vi: string, en: string): { params: { vi: string; en: string }; message: string } {
  return { params: { vi, en }, message: en };
}

function ownMessages(params: unknown): { vi: string; en: string } | null {
  if (typeof params !== 'object' || params === null || !('vi' in params) || !('en' in params)) return null;
  const { vi: inVi, en } = params;
  return typeof inVi === 'string' && typeof en === 'string' ? { vi: inVi, en } : null;
}
