import type { TenantContext } from '../auth/tenant-context.ts';

/** The primary key of an item. */
export interface ItemKey {
  pk: string;
  sk: string;
}

/** Where the platform's index of tenants lives (system-admin reads only; see DATA-MODEL.md). */
export const TENANT_DIRECTORY = 'PLATFORM#TENANTS';

/**
 * A key of tenant data: `TENANT#<tenantId>#<part>#<part>…`. Parts may not be empty nor hold `#`, so no
 * id can forge another entity's or another tenant's key.
 * @example tenantKey(ctx, 'AUDIT', 'tenant', 'hai-phong') // 'TENANT#hai-phong#AUDIT#tenant#hai-phong'
 */
export function tenantKey(ctx: Pick<TenantContext, 'keyPrefix'>, ...parts: string[]): string {
  for (const part of parts) {
    if (part === '' || part.includes('#')) throw new TypeError(`Invalid key part: ${JSON.stringify(part)}`);
  }
  return ctx.keyPrefix + parts.join('#');
}

/** True when `key` is inside the tenant of `ctx`. */
export function isTenantKey(ctx: TenantContext, key: string): boolean {
  return key.startsWith(ctx.keyPrefix);
}

/** Keys of a tenant's profile item; the tenant directory (gsi1) lists these items. */
export const tenantProfileKeys = (ctx: TenantContext) => ({
  pk: tenantKey(ctx, 'PROFILE'),
  sk: 'PROFILE',
  gsi1pk: TENANT_DIRECTORY,
  gsi1sk: ctx.tenantId,
});

/**
 * Keys of an audit event: per entity in the base table (newest last), per tenant by time in gsi1.
 * `at` is an ISO instant, which sorts as text in time order; the event id breaks ties.
 */
export const auditEventKeys = (ctx: TenantContext, entity: { type: string; id: string }, at: string, eventId: string) => ({
  pk: tenantKey(ctx, 'AUDIT', entity.type, entity.id),
  sk: `EVENT#${at}#${eventId}`,
  gsi1pk: tenantKey(ctx, 'AUDIT'),
  gsi1sk: `${at}#${eventId}`,
});
