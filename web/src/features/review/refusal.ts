import type { ApiError } from '../../api/errors.ts';

/** A path the API writes in an error's details (`body.awards["1.6a"]`, `body.decision.date`), as its steps. */
export function pathSteps(path: string): string[] {
  const steps: string[] = [];
  const step = /^(?:\.?([A-Za-z_$][\w$-]*)|\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\])/;
  let rest = path;
  while (rest !== '') {
    const match = step.exec(rest);
    if (match === null) break;
    steps.push(match[1] ?? match[2] ?? match[3] ?? '');
    rest = rest.slice(match[0].length);
  }
  return steps[0] === 'body' ? steps.slice(1) : steps;
}

/** The phrase keys of what a refusal can name, and the id that goes with it. */
export type FieldName =
  | { phrase: 'field.comment' | 'field.decision.number' | 'field.decision.date' | 'field.levels' | 'field.version' | 'field.deadline'; id: string }
  | { phrase: 'field.award' | 'field.reviewComment' | 'field.answer' | 'field.evidence'; id: string };

/** What on the screen a detail's path is about, or null when it names nothing the reviewer can change. */
export function fieldOf(path: string): FieldName | null {
  const [first, second = '', third = ''] = pathSteps(path);
  switch (first) {
    case 'comment':
      return { phrase: 'field.comment', id: '' };
    case 'decision':
      return second === 'date' ? { phrase: 'field.decision.date', id: '' } : { phrase: 'field.decision.number', id: '' };
    case 'levels':
      return { phrase: 'field.levels', id: third || second };
    case 'awards':
      return { phrase: 'field.award', id: second };
    case 'comments':
      return { phrase: 'field.reviewComment', id: second };
    case 'answers':
      return { phrase: 'field.answer', id: second };
    case 'evidence':
      return { phrase: 'field.evidence', id: second };
    case 'version':
      return { phrase: 'field.version', id: '' };
    case 'deadline':
      return { phrase: 'field.deadline', id: second };
    default:
      return null;
  }
}

export interface Refusal {
  /** The API's message in the screen's language. */
  message: string;
  /** Each detail that names a field, with the field and the API's words about it. */
  fields: { field: FieldName | null; text: string }[];
  /** For a 409 of the state machine: what may be done now (action names). */
  allowed: string[];
  /** The submission changed under the reviewer: reload. */
  stale: boolean;
}

/** A refused step, read for the screen: the message, the fields it names, and on a 409 what is allowed now. */
export function readRefusal(error: ApiError, locale: 'vi' | 'en'): Refusal {
  const words = (vi: string, en: string) => (locale === 'en' ? en : vi);
  const allowed = error.details.filter((detail) => detail.path === 'status' && detail.code.startsWith('allowed.')).map((detail) => detail.code.slice('allowed.'.length));
  const fields = error.details
    .filter((detail) => !(detail.path === 'status' && detail.code.startsWith('allowed.')))
    .map((detail) => ({ field: fieldOf(detail.path), text: words(detail.message, detail.messageEn) }));
  return { message: words(error.messageVi, error.messageEn), fields, allowed, stale: error.status === 409 && error.code === 'conflict' };
}
