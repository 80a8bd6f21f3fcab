import type { TenantContext } from '../../auth/tenant-context.ts';
import { tenantKey } from '../../db/keys.ts';

/** An account's partition: the account item and its grants, read in one Query (DATA-MODEL.md #10). */
export const accountPartition = (ctx: TenantContext, accountId: string) => tenantKey(ctx, 'ACCOUNT', accountId);

/** The account item; listed by its home unit's path on gsi1 (#12). */
export const accountKeys = (ctx: TenantContext, accountId: string) => ({
  pk: accountPartition(ctx, accountId),
  sk: 'ACCOUNT',
});

/** A grant (role at unit) in its account's partition; listed per unit on gsi1 (#11). */
export const grantKeys = (ctx: TenantContext, accountId: string, unitId: string, role: string) => ({
  pk: accountPartition(ctx, accountId),
  sk: `GRANT#${unitId}#${role}`,
  gsi1pk: tenantKey(ctx, 'UNIT', unitId, 'GRANTS'),
  gsi1sk: `${role}#${accountId}`,
});

/** A login name or an email, normalized, pointing at its account: unique within the tenant (#9). */
export const loginKeys = (ctx: TenantContext, normalizedLogin: string) => ({
  pk: tenantKey(ctx, 'LOGIN', normalizedLogin),
  sk: 'LOGIN',
});
