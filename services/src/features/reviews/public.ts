import { TenantContext } from '../../auth/tenant-context.ts';
import { NotFoundError } from '../../errors.ts';
import { campaignEntity } from '../campaigns/repository.ts';
import { unitEntity } from '../units/repository.ts';
import type { PublicCampaignResults, PublicUnitResults } from './public-schemas.ts';
import type { ReviewRepository } from './repository.ts';

/**
 * What anyone may read without signing in: published results only, from the items publishing wrote
 * (public fields and nothing else). A campaign or unit with nothing published, an unknown one, or an
 * unknown province all answer the same 404, so the pages reveal nothing unpublished.
 */
export async function publicCampaignResults(deps: { reviews: ReviewRepository }, tenantId: string, campaignId: string): Promise<PublicCampaignResults> {
  const ctx = TenantContext.forPublicReader(tenantId);
  const items = await deps.reviews.publishedOfCampaign(ctx, campaignId);
  const first = items[0];
  if (first === undefined) throw new NotFoundError(campaignEntity(campaignId));
  items.sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi') || a.unit.id.localeCompare(b.unit.id));
  return { tenantId, campaign: first.campaign, items };
}

/** A unit's published results, newest school year first. */
export async function publicUnitResults(deps: { reviews: ReviewRepository }, tenantId: string, unitId: string): Promise<PublicUnitResults> {
  const ctx = TenantContext.forPublicReader(tenantId);
  const items = await deps.reviews.publishedOfUnit(ctx, unitId);
  items.sort((a, b) => b.campaign.schoolYear.localeCompare(a.campaign.schoolYear) || b.publishedAt.localeCompare(a.publishedAt));
  const latest = items[0];
  if (latest === undefined) throw new NotFoundError(unitEntity(unitId));
  return { tenantId, unit: latest.unit, items };
}
