import type { LocalizedText } from '../definition/text.ts';

/** Exit codes, as diff(1) uses them: 0 fine or identical, 1 problems or differences, 2 unusable input. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** A failure that stops a command: bad arguments or unreadable input. Reported on stderr, exit 2. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    readonly text: Required<LocalizedText>,
    /** Lines that explain it, e.g. the first shape problems of a definition. */
    readonly details: LocalizedText[] = [],
  ) {
    super(text.en);
    this.name = 'CliError';
  }
}
