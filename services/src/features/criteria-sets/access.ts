import type { Caller } from '../../auth/caller.ts';
import type { EntityRef } from '../../errors.ts';

/**
 * Criteria sets are owned by the root (the Sở) for the whole tenant: every unit uses them (schools
 * render their forms from versions), only province roles at the root change them. A caller who may read
 * the set but holds no role at the root gets 403, not 404: the set exists for them.
 */
export function authorizeCriteria(caller: Caller, action: 'criteria.read' | 'criteria.manage', entity: EntityRef): void {
  caller.authorizeOwned(action, caller.rootPath, entity, action === 'criteria.read' ? 'use' : 'manage');
}
