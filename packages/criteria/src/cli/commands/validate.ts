import { parseDefinition } from '../../definition/parse.ts';
import { isPublishable, validateDefinition } from '../../lint/index.ts';
import { type Context, printJson } from '../context.ts';
import { EXIT } from '../errors.ts';
import { pick, say } from '../i18n.ts';
import { loadDefinitionInput } from '../load.ts';
import { countText, renderProblems } from '../problems-table.ts';

/** `chiso criteria validate DEFINITION`: every problem of a definition; exit 1 when one is an error. */
export async function validateCommand(context: Context, name: string): Promise<number> {
  const { lang } = context.options;
  const { raw } = await loadDefinitionInput(context.io, name);
  const problems = validateDefinition(raw);
  const publishable = isPublishable(problems);
  const exit = publishable ? EXIT.ok : EXIT.problems;
  if (context.options.json) {
    const errors = problems.filter((found) => found.severity === 'error').length;
    printJson(context, { source: name, publishable, errors, warnings: problems.length - errors, problems });
    return exit;
  }

  const parsed = parseDefinition(raw);
  const heading = parsed.ok
    ? `${say(lang, 'Bộ chỉ số', 'Criteria set')} ${parsed.definition.setKey} ${say(lang, 'phiên bản', 'version')} ${parsed.definition.version}: ${pick(parsed.definition.title, lang)}`
    : name;
  let out = `${heading}\n\n`;
  if (problems.length > 0) out += `${renderProblems(problems, lang)}\n`;
  out += `${countText(problems, lang)}: ${publishable ? say(lang, 'có thể công bố.', 'can be published.') : say(lang, 'chưa thể công bố.', 'cannot be published.')}\n`;
  context.io.stdout(out);
  return exit;
}
