import type { Path } from '@chiso/criteria';
import type { CriterionAt } from './ops.ts';

/**
 * Problems name places in the definition by path (the core's `['groups', 0, 'criteria', 2, 'max']`, the
 * API's `groups[0].criteria[2].max`); each input of the editor carries the id of its path, so a problem
 * can lead to the input it is about.
 */

/** The element id of the input at `path`. @example domId(['groups', 0, 'title']) // 'b-groups-0-title' */
export function domId(path: Path): string {
  return ['b', ...path.map((step) => String(step).replace(/[^A-Za-z0-9_]/g, '_'))].join('-');
}

/** The API's notation back into steps, without the request's `body.definition.` or `definition.` prefix. */
export function parsePath(text: string): Path {
  const steps: (string | number)[] = [];
  const step = /^(?:\.?([A-Za-z_$][\w$]*)|\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\])/;
  let rest = text;
  while (rest !== '' && rest !== '$') {
    const match = step.exec(rest);
    if (match === null) break;
    if (match[3] !== undefined) steps.push(Number(match[3]));
    else steps.push(match[1] ?? match[2] ?? '');
    rest = rest.slice(match[0].length);
  }
  if (steps[0] === 'body') steps.shift();
  if (steps[0] === 'definition') steps.shift();
  return steps;
}

/** Which part of the editor shows a path: the set's own page, or one criterion's. */
export type Section = { kind: 'set' } | { kind: 'criterion'; at: CriterionAt };

export function sectionOf(path: Path): Section {
  const [root, group, list, criterion] = path;
  if (root === 'groups' && typeof group === 'number' && list === 'criteria' && typeof criterion === 'number') return { kind: 'criterion', at: { group, criterion } };
  return { kind: 'set' };
}

/** The ids to try for a path, most precise first: a rule's inner node leads to the rule's editor. */
export function candidateIds(path: Path): string[] {
  const ids: string[] = [];
  for (let length = path.length; length > 0; length -= 1) ids.push(domId(path.slice(0, length)));
  return ids;
}
