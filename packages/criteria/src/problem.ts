import type { LocalizedText } from './definition/text.ts';

/** Where a problem is: keys and indexes from the root of the document it was found in. */
export type Path = ReadonlyArray<string | number>;

/**
 * A problem found in a definition, a rule, or a submission. `code` is stable (for programs and tests),
 * `message` is for people, in Vietnamese with an English twin.
 */
export interface Problem {
  path: Path;
  code: string;
  message: LocalizedText;
  severity: 'error' | 'warning';
}

export function problem(path: Path, code: string, vi: string, en: string, severity: Problem['severity'] = 'error'): Problem {
  return { path, code, message: { vi, en }, severity };
}

/**
 * Formats a path for reading: `groups[0].criteria[2].max`, `awards["1.3a"]`.
 * @example formatPath(['awards', '1.3a']) // 'awards["1.3a"]'
 */
export function formatPath(path: Path): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(step)) out += out === '' ? step : `.${step}`;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out === '' ? '$' : out;
}
