import type { TenantContext } from '../../auth/tenant-context.ts';
import { tenantKey } from '../../db/keys.ts';

/**
 * The last link check of a submission. Its own partition, not the submission's: the submission's
 * partition is read whole on every autosave (#17), and a report of a few hundred links has no place there.
 */
export const linkReportKeys = (ctx: TenantContext, campaignId: string, unitId: string) => ({
  pk: tenantKey(ctx, 'CAMPAIGN', campaignId, 'UNIT', unitId, 'LINK-CHECK'),
  sk: 'REPORT',
});

/**
 * Where an evidence file is stored: tenant first, like every key of the table, then the submission it
 * belongs to, so an object's key alone says whose it is, and an upload id sent by one school can never
 * name another school's object.
 */
export const evidenceObjectKey = (ctx: TenantContext, campaignId: string, unitId: string, uploadId: string): string =>
  ['tenants', ctx.tenantId, 'campaigns', campaignId, 'units', unitId, 'files', uploadId].join('/');
