import type { Options } from './args.ts';
import type { CliIo } from './io.ts';

/** What every command gets: the outside world and the options of the command line. */
export interface Context {
  io: CliIo;
  options: Options;
}

/** Writes a value as indented JSON on stdout, for programs. */
export function printJson(context: Context, value: unknown): void {
  context.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
