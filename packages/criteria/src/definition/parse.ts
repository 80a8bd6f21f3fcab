import * as z from 'zod';
import { type Problem, problem } from '../problem.ts';
import { type Definition, DefinitionSchema } from './schema.ts';

export type ParseResult = { ok: true; definition: Definition } | { ok: false; problems: Problem[] };

const vietnamese = z.locales.vi().localeError;

/**
 * Reads an untrusted definition (imported JSON, a draft from the builder) into a typed one with every
 * default filled in; or every shape problem at once, each with its path, in Vietnamese and English.
 */
export function parseDefinition(input: unknown): ParseResult {
  const parsed = DefinitionSchema.safeParse(input);
  if (parsed.success) return { ok: true, definition: parsed.data };
  // Parsing again with zod's Vietnamese messages yields the same issues in the same order.
  const inVietnamese = DefinitionSchema.safeParse(input, { error: vietnamese });
  const viIssues = inVietnamese.success ? [] : inVietnamese.error.issues;
  return {
    ok: false,
    problems: parsed.error.issues.map((issue, index) =>
      problem(
        issue.path.filter((step): step is string | number => typeof step !== 'symbol'),
        `schema.${issue.code}`,
        `Sai cấu trúc: ${viIssues[index]?.message ?? issue.message}`,
        `Invalid shape: ${issue.message}`,
      ),
    ),
  };
}
