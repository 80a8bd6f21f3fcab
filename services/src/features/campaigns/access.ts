import type { Caller } from '../../auth/caller.ts';
import { pathIds } from '../../auth/scope.ts';
import type { EntityRef } from '../../errors.ts';
import type { Campaign } from './schemas.ts';

/**
 * A campaign is owned by a unit (the Sở, sometimes a Phòng) for its subtree: the offices and schools
 * inside see it, grants at the owner or above manage it. Someone who sees the campaign but holds no
 * role there gets 403, not 404: it exists for them.
 */
export function authorizeCampaign(caller: Caller, campaign: Campaign, action: 'campaign.read' | 'campaign.manage'): void {
  const entity: EntityRef = { type: 'campaign', id: campaign.id };
  caller.authorizeOwned(action, pathIds(campaign.ownerPath), entity, action === 'campaign.read' ? 'use' : 'manage');
}

/** True when the caller may read the campaign (for listings, which leave out the others instead of failing). */
export function canReadCampaign(caller: Caller, campaign: Campaign): boolean {
  return caller.judgeOwned('campaign.read', pathIds(campaign.ownerPath), 'use') === 'allowed';
}
