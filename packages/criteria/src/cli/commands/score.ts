import { lintDefinition } from '../../lint/index.ts';
import type { EvidenceCounts } from '../../scoring/types.ts';
import { scoreSubmission } from '../../scoring/score.ts';
import { type Context, printJson } from '../context.ts';
import { CliError, EXIT } from '../errors.ts';
import { pick, say } from '../i18n.ts';
import { loadDefinition, readJson } from '../load.ts';
import { countText } from '../problems-table.ts';
import { renderScore } from '../score-report.ts';

/** The answers file: `{ answers, awards, evidence? }`. */
export interface Submission {
  answers: Record<string, unknown>;
  awards: Record<string, unknown>;
  evidence?: EvidenceCounts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the envelope only: what is inside answers and awards is for scoring to judge, item by item. */
export function readSubmission(value: unknown, path: string): Submission {
  const bad = (vi: string, en: string): CliError =>
    new CliError('cli.invalid-answers', { vi: `${path}: ${vi}`, en: `${path}: ${en}` });
  if (!isRecord(value)) throw bad('cần một đối tượng { answers, awards, evidence? }', 'expected an object { answers, awards, evidence? }');
  const { answers, awards, evidence } = value;
  if (!isRecord(answers)) throw bad('"answers" phải là một đối tượng theo mã trường', '"answers" must be an object keyed by field id');
  if (!isRecord(awards)) throw bad('"awards" phải là một đối tượng theo mã chỉ số', '"awards" must be an object keyed by indicator id');
  if (evidence === undefined) return { answers, awards };
  const counts: Record<string, Record<string, number>> = {};
  if (!isRecord(evidence)) throw bad('"evidence" phải là một đối tượng theo mã tiêu chí', '"evidence" must be an object keyed by criterion id');
  for (const [criterion, slots] of Object.entries(evidence)) {
    if (!isRecord(slots)) throw bad(`"evidence.${criterion}" phải là một đối tượng theo mã minh chứng`, `"evidence.${criterion}" must be an object keyed by evidence slot id`);
    const slotCounts: Record<string, number> = {};
    for (const [slot, count] of Object.entries(slots)) {
      if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)
        throw bad(`"evidence.${criterion}.${slot}" phải là số minh chứng đính kèm`, `"evidence.${criterion}.${slot}" must be a count of attached items`);
      slotCounts[slot] = count;
    }
    counts[criterion] = slotCounts;
  }
  return { answers, awards, evidence: counts };
}

/** `chiso criteria score DEFINITION ANSWERS`: the score; exit 1 when anything is missing or invalid. */
export async function scoreCommand(context: Context, definitionName: string, answersPath: string): Promise<number> {
  const { lang } = context.options;
  const definition = await loadDefinition(context.io, definitionName);
  const submission = readSubmission(await readJson(context.io, answersPath), answersPath);

  // Admins test drafts on sample answers, so a draft with errors is still scored, with a word of warning.
  const problems = lintDefinition(definition);
  if (problems.some((found) => found.severity === 'error'))
    context.io.stderr(
      `${say(lang, 'Chú ý', 'Note')}: ${definitionName} ${say(lang, 'có', 'has')} ${countText(problems, lang)} (chiso criteria validate ${definitionName}).\n`,
    );

  const result = scoreSubmission(definition, submission.answers, submission.awards, submission.evidence ? { evidence: submission.evidence } : {});
  const exit = result.missing.length > 0 || result.invalid.length > 0 ? EXIT.problems : EXIT.ok;
  if (context.options.json) {
    printJson(context, result);
    return exit;
  }
  const heading = `${say(lang, 'Bộ chỉ số', 'Criteria set')} ${definition.setKey} ${say(lang, 'phiên bản', 'version')} ${definition.version}: ${pick(definition.title, lang)}`;
  context.io.stdout(`${heading}\n\n${renderScore(definition, result, lang, context.options.indicators)}`);
  return exit;
}
