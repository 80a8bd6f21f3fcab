import type { GrantView } from '../../api/types.ts';
import type { Campaign } from './api.ts';

const MANAGERS = ['province-admin', 'office-admin'];

/** Whether the role may create campaigns (the API still decides; a province viewer only reads). */
export const canCreateCampaigns = (grant: GrantView): boolean => MANAGERS.includes(grant.role);

/** Whether the grant manages this campaign: a managing role at the owner unit or above it. */
export function managesCampaign(grant: GrantView, campaign: Pick<Campaign, 'ownerPath'>): boolean {
  return canCreateCampaigns(grant) && campaign.ownerPath.split('/').includes(grant.unitId);
}
