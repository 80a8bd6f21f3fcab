import { type Problem, problem } from '../problem.ts';
import { type Definition, DefinitionSchema } from './schema.ts';

export type ParseResult = { ok: true; definition: Definition } | { ok: false; problems: Problem[] };

/**
 * Reads an untrusted definition (imported JSON, a draft from the builder) into a typed one with every
 * default filled in; or every shape problem at once, each with its path.
 */
export function parseDefinition(input: unknown): ParseResult {
  const parsed = DefinitionSchema.safeParse(input);
  if (parsed.success) return { ok: true, definition: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) =>
      problem(
        issue.path.filter((step): step is string | number => typeof step !== 'symbol'),
        `schema.${issue.code}`,
        `Sai cấu trúc: ${issue.message}`,
        `Invalid shape: ${issue.message}`,
      ),
    ),
  };
}
