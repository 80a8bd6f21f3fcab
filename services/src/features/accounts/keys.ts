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

/** Accounts listed by their home unit's path (#12): `begins_with(gsi1sk, 'PATH#<subtree path>')`. */
export const accountIndexKeys = (ctx: TenantContext, account: { id: string; homePath: string }) => ({
  gsi1pk: tenantKey(ctx, 'ACCOUNTS'),
  gsi1sk: `PATH#${account.homePath}ACCOUNT#${account.id}`,
});

/** The partition of the Cognito link index: platform-wide, since a token's `sub` comes before any tenant is known. */
export const cognitoLinkPartition = (sub: string): string => {
  if (sub === '' || sub.includes('#')) throw new TypeError(`Invalid Cognito subject: ${JSON.stringify(sub)}`);
  return `PLATFORM#COGNITO#${sub}`;
};

/** The gsi2 entry of an account linked to a Cognito user: from the token's `sub` to the tenant and the account. */
export const cognitoLinkKeys = (ctx: TenantContext, sub: string, accountId: string) => ({
  gsi2pk: cognitoLinkPartition(sub),
  gsi2sk: `${ctx.tenantId}#${accountId}`,
});

/** A Cognito user linked to an account of the tenant: put-if-absent, so one user is one account here. */
export const cognitoSubKeys = (ctx: TenantContext, sub: string) => ({
  pk: tenantKey(ctx, 'COGNITO', sub),
  sk: 'COGNITO',
});
