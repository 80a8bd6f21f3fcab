import { LocalizedTextSchema, UnitKindSchema } from '@chiso/criteria';
import * as z from 'zod';
import { TenantIdSchema } from '../../auth/tenant-id.ts';
import { CampaignIdSchema } from '../campaigns/schemas.ts';
import { UnitIdSchema } from '../units/schemas.ts';

const PublicUnitSchema = z.object({ id: z.string(), name: z.string(), kind: UnitKindSchema });
const PublicCampaignSchema = z.object({ id: z.string(), name: z.string(), schoolYear: z.string() });

/**
 * A published result, as anyone may read it: public fields only (never answers, evidence, comments or
 * who did what). It is also exactly what the stored public item holds, so nothing else can leak.
 */
export const PublicResultSchema = z
  .object({
    unit: PublicUnitSchema,
    campaign: PublicCampaignSchema,
    groups: z.array(z.object({ id: z.string(), title: LocalizedTextSchema, points: z.number(), level: z.int() })),
    total: z.number(),
    overallLevel: z.int(),
    decision: z.object({ number: z.string(), date: z.iso.date() }),
    publishedAt: z.iso.datetime(),
  })
  .meta({ id: 'PublicResult', description: 'Kết quả đã công bố / A published result' });
export type PublicResult = z.output<typeof PublicResultSchema>;

export const PublicCampaignResultsSchema = z
  .object({ tenantId: z.string(), campaign: PublicCampaignSchema, items: z.array(PublicResultSchema) })
  .meta({ id: 'PublicCampaignResults' });
export type PublicCampaignResults = z.output<typeof PublicCampaignResultsSchema>;

export const PublicUnitResultsSchema = z
  .object({ tenantId: z.string(), unit: PublicUnitSchema, items: z.array(PublicResultSchema) })
  .meta({ id: 'PublicUnitResults' });
export type PublicUnitResults = z.output<typeof PublicUnitResultsSchema>;

export const PublicTenantParamsSchema = z.object({ tenantId: TenantIdSchema });
export const PublicUnitParamsSchema = z.object({ tenantId: TenantIdSchema, unitId: UnitIdSchema });
export const PublicResultsQuerySchema = z.object({ campaignId: CampaignIdSchema });
