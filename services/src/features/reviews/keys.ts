import type { TenantContext } from '../../auth/tenant-context.ts';
import { tenantKey } from '../../db/keys.ts';
import { submissionPartition } from '../submissions/keys.ts';

/** The reviewer's points and comments: small, beside the submission's head and content (#17). */
export const reviewKeys = (ctx: TenantContext, campaignId: string, unitId: string) => ({
  pk: submissionPartition(ctx, campaignId, unitId),
  sk: 'REVIEW',
});

/**
 * The school's content as it was when last returned, to show what changed since. As large as the
 * content, so it has a partition of its own: the school's autosave, which reads the submission's whole
 * partition, never carries it.
 */
export const returnSnapshotKeys = (ctx: TenantContext, campaignId: string, unitId: string) => ({
  pk: tenantKey(ctx, 'CAMPAIGN', campaignId, 'UNIT', unitId, 'RETURNED'),
  sk: 'SNAPSHOT',
});

/** A unit's published results, one per campaign (#23). */
export const publicResultsOfUnit = (ctx: TenantContext, unitId: string) => tenantKey(ctx, 'PUBLIC-RESULTS', 'UNIT', unitId);

/** A campaign's published results on gsi1 (#24). */
export const publicResultsOfCampaign = (ctx: TenantContext, campaignId: string) => tenantKey(ctx, 'PUBLIC-RESULTS', 'CAMPAIGN', campaignId);

/** A published result: written when published, deleted when reopened; only public fields in it. */
export const publicResultKeys = (ctx: TenantContext, campaignId: string, unitId: string) => ({
  pk: publicResultsOfUnit(ctx, unitId),
  sk: `CAMPAIGN#${campaignId}`,
  gsi1pk: publicResultsOfCampaign(ctx, campaignId),
  gsi1sk: `UNIT#${unitId}`,
});
