import type { Caller } from '../../auth/caller.ts';
import { type EntityRef, ForbiddenError, NotFoundError } from '../../errors.ts';
import type { CriteriaSetRepository } from './repository.ts';

/**
 * Criteria sets are owned by the root (the Sở) for the whole tenant: every unit uses them (schools
 * render their forms from versions), only province roles at the root change them. A caller who may read
 * the set but holds no role at the root gets 403, not 404: the set exists for them.
 */
export function authorizeCriteria(caller: Caller, action: 'criteria.read' | 'criteria.manage', entity: EntityRef): void {
  caller.authorizeOwned(action, caller.rootPath, entity, action === 'criteria.read' ? 'use' : 'manage');
}

/**
 * The check before changing criteria: a caller who may not manage them learns nothing about versions its
 * tenant does not have (404 for those, as for anyone), and gets 403 only for one that exists.
 * `target` is the tenant version the change names, if any (the draft edited, or the source of a clone).
 */
export async function authorizeCriteriaChange(
  caller: Caller,
  sets: CriteriaSetRepository,
  target: { setKey: string; number: number } | null,
  entity: EntityRef,
): Promise<void> {
  if (caller.judgeOwned('criteria.manage', caller.rootPath, 'manage') === 'allowed') return;
  authorizeCriteria(caller, 'criteria.read', entity);
  if (target !== null && (await sets.getVersion(caller.ctx, target.setKey, target.number)) === null) throw new NotFoundError(entity);
  throw new ForbiddenError('criteria.manage');
}
