import type { Role } from './roles.ts';

/**
 * What a caller may do to a resource. Each role grants a set of actions on the subtree of the unit
 * where it is granted; `authorize` (auth/caller.ts) is the one place that checks them.
 */
export type Action =
  | 'unit.read'
  | 'unit.manage'
  | 'account.read'
  | 'account.manage'
  | 'criteria.read'
  | 'criteria.manage'
  | 'campaign.read'
  | 'campaign.manage'
  | 'submission.read'
  | 'submission.edit'
  | 'submission.submit'
  | 'submission.review'
  | 'submission.recognise'
  | 'report.read'
  | 'audit.read';

const READ: Action[] = ['unit.read', 'criteria.read', 'campaign.read', 'submission.read', 'report.read'];

export const ROLE_ACTIONS: Record<Role, ReadonlySet<Action>> = {
  'province-admin': new Set<Action>([
    ...READ,
    'unit.manage',
    'account.read',
    'account.manage',
    'criteria.manage',
    'campaign.manage',
    'submission.review',
    'submission.recognise',
    'audit.read',
  ]),
  'province-viewer': new Set<Action>([...READ, 'account.read']),
  'office-admin': new Set<Action>([
    ...READ,
    'unit.manage',
    'account.read',
    'account.manage',
    'campaign.manage',
    'submission.review',
    'submission.recognise',
    'audit.read',
  ]),
  'office-reviewer': new Set<Action>([...READ, 'submission.review']),
  'school-editor': new Set<Action>([...READ, 'submission.edit']),
  'school-head': new Set<Action>([...READ, 'account.read', 'submission.edit', 'submission.submit']),
};

/** A role held at a unit; it reaches that unit's whole subtree. */
export interface Grant {
  unitId: string;
  role: Role;
}

/** The unit ids from the root down to a unit, itself included: where a resource sits in the tree. */
export type UnitPath = readonly string[];

/**
 * Splits a stored materialized path (`root/office/school/`) into its unit ids.
 * @example pathIds('a/b/c/') // ['a', 'b', 'c']
 */
export function pathIds(path: string): string[] {
  return path.split('/').filter((id) => id !== '');
}

/** The grants that reach a resource at `path`: those held at one of its units. */
export function grantsReaching(grants: readonly Grant[], path: UnitPath): Grant[] {
  return grants.filter((grant) => path.includes(grant.unitId));
}

/** True when one of the grants reaching `path` allows `action`. */
export function allows(grants: readonly Grant[], action: Action, path: UnitPath): boolean {
  return grantsReaching(grants, path).some((grant) => ROLE_ACTIONS[grant.role].has(action));
}

/**
 * The units whose subtrees the caller may `action` in, without those nested in another of them: what a
 * listing queries (one subtree query per root).
 */
export function scopeRoots(grants: readonly Grant[], action: Action, pathOf: (unitId: string) => UnitPath | undefined): string[] {
  const units = [...new Set(grants.filter((g) => ROLE_ACTIONS[g.role].has(action)).map((g) => g.unitId))];
  return units.filter((unitId) => {
    const path = pathOf(unitId) ?? [unitId];
    return !path.slice(0, -1).some((ancestor) => units.includes(ancestor));
  });
}
