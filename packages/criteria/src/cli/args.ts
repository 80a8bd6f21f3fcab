import { CliError } from './errors.ts';
import type { Lang } from './i18n.ts';

export interface Options {
  json: boolean;
  lang: Lang;
  indicators: boolean;
  help: boolean;
}

export interface ParsedArgs {
  /** Words that are not options, in order: `criteria`, the command, its operands. */
  words: string[];
  options: Options;
}

const FLAGS = new Set(['--json', '--indicators', '--help', '-h']);

/**
 * Reads the command line. Options may come anywhere; `--lang en` and `--lang=en` both work;
 * `--` ends the options so that a file may be named `--json`.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: Options = { json: false, lang: 'vi', indicators: false, help: false };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
      if (value !== 'vi' && value !== 'en')
        throw new CliError('cli.bad-lang', { vi: `--lang nhận vi hoặc en, không nhận "${value ?? ''}"`, en: `--lang takes vi or en, not "${value ?? ''}"` });
      options.lang = value;
    } else if (FLAGS.has(arg)) {
      if (arg === '--json') options.json = true;
      else if (arg === '--indicators') options.indicators = true;
      else options.help = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new CliError('cli.unknown-option', { vi: `Không có tùy chọn ${arg}`, en: `Unknown option ${arg}` });
    } else words.push(arg);
  }
  return { words, options };
}
