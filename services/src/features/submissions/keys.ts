import type { TenantContext } from '../../auth/tenant-context.ts';
import { tenantKey } from '../../db/keys.ts';

/** A submission's partition: its head and its content, read together in one Query (DATA-MODEL.md #17). */
export const submissionPartition = (ctx: TenantContext, campaignId: string, unitId: string) => tenantKey(ctx, 'CAMPAIGN', campaignId, 'UNIT', unitId);

/** The partition of a campaign's submissions by unit path on gsi1 (#18). */
export const campaignSubmissionsIndex = (ctx: TenantContext, campaignId: string) => tenantKey(ctx, 'CAMPAIGN', campaignId, 'SUBMISSIONS');

/** The partition of a campaign's submissions in one status on gsi2 (#19). */
export const campaignStatusIndex = (ctx: TenantContext, campaignId: string, status: string) => tenantKey(ctx, 'CAMPAIGN', campaignId, 'STATUS', status);

/** The head: small, copied to the subtree index (gsi1) and the status index (gsi2), both by unit path. */
export const submissionHeadKeys = (ctx: TenantContext, head: { campaignId: string; unitId: string; unitPath: string; status: string }) => ({
  pk: submissionPartition(ctx, head.campaignId, head.unitId),
  sk: 'SUBMISSION',
  gsi1pk: campaignSubmissionsIndex(ctx, head.campaignId),
  gsi1sk: `PATH#${head.unitPath}`,
  gsi2pk: campaignStatusIndex(ctx, head.campaignId, head.status),
  gsi2sk: `PATH#${head.unitPath}`,
});

/** The content (answers, awards, evidence, comments): in no index, so listings never carry it. */
export const submissionContentKeys = (ctx: TenantContext, campaignId: string, unitId: string) => ({
  pk: submissionPartition(ctx, campaignId, unitId),
  sk: 'CONTENT',
});
