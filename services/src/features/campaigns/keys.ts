import type { TenantContext } from '../../auth/tenant-context.ts';
import { tenantKey } from '../../db/keys.ts';
import type { ExtendedStep } from './schemas.ts';

/** A campaign's partition: the campaign item and its per-unit extensions (DATA-MODEL.md #16, #20). */
export const campaignPartition = (ctx: TenantContext, campaignId: string) => tenantKey(ctx, 'CAMPAIGN', campaignId);

/** The campaign item; listed per tenant by school year on gsi1 (#16). */
export const campaignKeys = (ctx: TenantContext, campaign: { id: string; schoolYear: string }) => ({
  pk: campaignPartition(ctx, campaign.id),
  sk: 'CAMPAIGN',
  gsi1pk: tenantKey(ctx, 'CAMPAIGNS'),
  gsi1sk: `${campaign.schoolYear}#${campaign.id}`,
});

/**
 * A unit's extension of one step's deadline, beside the campaign (not on the submission, so granting one
 * never makes the school's next autosave or the reviewer's next step stale). The self-assessment one
 * keeps the key it had before other steps could be extended.
 */
export const extensionKeys = (ctx: TenantContext, campaignId: string, unitId: string, step: ExtendedStep = 'selfAssessment') => ({
  pk: campaignPartition(ctx, campaignId),
  sk: step === 'selfAssessment' ? `EXTENSION#${unitId}` : `EXTENSION#${unitId}#${step}`,
});
