import type { Problem } from '@chiso/criteria';

/** What on the form a problem is about: an answer, an award, or a criterion's evidence. */
export type Target = { kind: 'answer' | 'award' | 'evidence'; id: string; slot?: string };

/** From a core problem's path: ['answers', field, …], ['awards', indicator], ['evidence', criterion, slot]. */
export function targetOfPath(path: readonly (string | number)[]): Target | null {
  const [part, id] = path;
  if (typeof id !== 'string') return null;
  if (part === 'answers') return { kind: 'answer', id };
  if (part === 'awards') return { kind: 'award', id };
  if (part === 'evidence') return typeof path[2] === 'string' ? { kind: 'evidence', id, slot: path[2] } : { kind: 'evidence', id };
  return null;
}

/**
 * From the path the API writes in an error's details (the core's formatPath: `answers.lms_name`,
 * `awards["1.3a"]`, `evidence["1.1"].plan`), with or without a leading `body.`.
 */
export function targetOfDetail(path: string): Target | null {
  const steps: string[] = [];
  const step = /^(?:\.?([A-Za-z_$][\w$]*)|\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\])/;
  let rest = path;
  while (rest !== '') {
    const match = step.exec(rest);
    if (match === null) break;
    steps.push(match[1] ?? match[2] ?? match[3] ?? '');
    rest = rest.slice(match[0].length);
  }
  return targetOfPath(steps[0] === 'body' ? steps.slice(1) : steps);
}

/** An id made safe for an HTML id attribute (criterion and indicator ids hold dots). */
export const safe = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');

/** The id of the element a problem links to (the input, the award box, the criterion's heading). */
export function elementId(target: Target): string {
  return target.kind === 'answer' ? `field-${safe(target.id)}` : target.kind === 'award' ? `award-${safe(target.id)}` : `criterion-${safe(target.id)}`;
}

/** The id of an evidence slot's first input (its link box), where a problem about the slot leads. */
export function slotElementId(criterionId: string, slotId: string): string {
  return `evidence-${safe(criterionId)}-${safe(slotId)}`;
}

/** Where a problem leads: the slot's input when the form shows one, else the criterion's heading. */
export function focusTargetId(target: Target): string {
  if (target.kind === 'evidence' && target.slot !== undefined) {
    const slotId = slotElementId(target.id, target.slot);
    if (typeof document === 'undefined' || document.getElementById(slotId) !== null) return slotId;
  }
  return elementId(target);
}

/** Problems grouped by what they are about, keyed `kind:id`. */
export function problemsByTarget(problems: readonly Problem[]): Map<string, Problem[]> {
  const grouped = new Map<string, Problem[]>();
  for (const problem of problems) {
    const target = targetOfPath(problem.path);
    if (target === null) continue;
    const key = `${target.kind}:${target.id}`;
    const list = grouped.get(key);
    if (list) list.push(problem);
    else grouped.set(key, [problem]);
  }
  return grouped;
}

/** A typed award: a number when it reads back exactly as typed, else the text (the core says what is wrong). */
export function readAward(raw: string): number | string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && String(value) === trimmed ? value : trimmed;
}
