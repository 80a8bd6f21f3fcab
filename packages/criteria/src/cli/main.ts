import { parseArgs } from './args.ts';
import { demoCommand } from './commands/demo.ts';
import { diffCommand } from './commands/diff.ts';
import { scoreCommand } from './commands/score.ts';
import { validateCommand } from './commands/validate.ts';
import type { Context } from './context.ts';
import { CliError, EXIT } from './errors.ts';
import { type Lang, pick, say } from './i18n.ts';
import type { CliIo } from './io.ts';
import { usage } from './usage.ts';

export type { CliIo } from './io.ts';

/** The commands of `chiso criteria`, with the number of operands each takes. */
const COMMANDS = {
  validate: 1,
  score: 2,
  diff: 2,
  demo: 0,
} as const;
type CommandName = keyof typeof COMMANDS;

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/**
 * Runs `chiso` with its arguments (without the node and script names) and returns the exit code:
 * 0 fine, 1 problems found (or, for diff, differences), 2 unusable command or input.
 * Never exits, and throws only on a bug in the CLI itself, so tests run it in-process.
 * @example await main(['criteria', 'validate', 'set.json', '--lang', 'en'], io)
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // Until the arguments parse, a best guess, so that an argument error already speaks the asked language.
  let lang: Lang = argv.some((arg, i) => arg === '--lang=en' || (arg === '--lang' && argv[i + 1] === 'en')) ? 'en' : 'vi';
  let json = argv.includes('--json');
  try {
    const { words, options } = parseArgs(argv);
    lang = options.lang;
    json = options.json;
    if (options.help || words.length === 0) {
      io.stdout(usage(lang));
      return EXIT.ok;
    }
    const [topic, command, ...operands] = words;
    if (topic !== 'criteria')
      throw new CliError('cli.unknown-command', { vi: `Không có lệnh "${topic ?? ''}"`, en: `Unknown command "${topic ?? ''}"` });
    if (command === undefined || !isCommand(command))
      throw new CliError('cli.unknown-command', {
        vi: command === undefined ? 'Thiếu lệnh sau "criteria"' : `Không có lệnh "criteria ${command}"`,
        en: command === undefined ? 'A command is needed after "criteria"' : `Unknown command "criteria ${command}"`,
      });
    if (operands.length !== COMMANDS[command])
      throw new CliError('cli.operands', {
        vi: `Lệnh "criteria ${command}" cần ${COMMANDS[command]} tham số, nhận được ${operands.length}`,
        en: `"criteria ${command}" takes ${COMMANDS[command]} operand${COMMANDS[command] === 1 ? '' : 's'}, got ${operands.length}`,
      });
    const context: Context = { io, options };
    const [first = '', second = ''] = operands;
    switch (command) {
      case 'validate':
        return await validateCommand(context, first);
      case 'score':
        return await scoreCommand(context, first, second);
      case 'diff':
        return await diffCommand(context, first, second);
      case 'demo':
        return await demoCommand(context);
    }
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    if (json) io.stderr(`${JSON.stringify({ error: { code: error.code, message: error.text, details: error.details } }, null, 2)}\n`);
    else {
      const details = error.details.map((line) => `  ${pick(line, lang)}\n`).join('');
      io.stderr(`chiso: ${error.text[lang]}\n${details}${say(lang, 'Xem "chiso --help".', 'See "chiso --help".')}\n`);
    }
    return EXIT.usage;
  }
}

/** Exit code of a bug in the CLI (EX_SOFTWARE), apart from 1 and 2 which mean something to callers. */
const EXIT_BUG = 70;

/** Runs with the process's arguments and streams, and leaves the exit code for Node to use. */
export async function run(): Promise<void> {
  const { nodeIo } = await import('./node-io.ts');
  try {
    process.exitCode = await main(process.argv.slice(2), nodeIo);
  } catch (error) {
    nodeIo.stderr(`chiso: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_BUG;
  }
}
