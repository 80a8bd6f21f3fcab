import type { TenantContext } from '../../auth/tenant-context.ts';
import { tenantKey } from '../../db/keys.ts';

/** Versions sort as text, so their numbers are padded: VERSION#0007 comes before VERSION#0012. */
export function versionPart(number: number): string {
  return String(number).padStart(4, '0');
}

/** A tenant's criteria set: one item per set, listed per tenant in gsi1 (DATA-MODEL.md #13). */
export const criteriaSetKeys = (ctx: TenantContext, setKey: string) => ({
  pk: tenantKey(ctx, 'CRITERIA-SET', setKey),
  sk: 'SET',
  gsi1pk: tenantKey(ctx, 'CRITERIA-SETS'),
  gsi1sk: setKey,
});

/**
 * A version's metadata, small enough to list (DATA-MODEL.md #14), and listed by status across the
 * tenant's sets in gsi2 (#15: the published versions a campaign may use).
 */
export const criteriaVersionKeys = (ctx: TenantContext, setKey: string, number: number, status: string) => ({
  pk: tenantKey(ctx, 'CRITERIA-SET', setKey),
  sk: `VERSION#${versionPart(number)}`,
  gsi2pk: tenantKey(ctx, 'CRITERIA-VERSIONS', status),
  gsi2sk: `${setKey}#${versionPart(number)}`,
});

/** The definition JSON of a version, apart from its metadata so that listings stay small. */
export const criteriaDefinitionKeys = (ctx: TenantContext, setKey: string, number: number) => ({
  pk: tenantKey(ctx, 'CRITERIA-SET', setKey),
  sk: `DEFINITION#${versionPart(number)}`,
});
