import type { TenantContext } from '../../auth/tenant-context.ts';
import { tenantKey } from '../../db/keys.ts';

/**
 * A unit (DATA-MODEL.md #5–#7): read by id; listed by subtree on the tree index (gsi1, by materialized
 * path) and by parent on the children index (gsi2, by name).
 */
export const unitKeys = (ctx: TenantContext, unitId: string) => ({
  pk: tenantKey(ctx, 'UNIT', unitId),
  sk: 'UNIT',
});

/** The index entries of a unit: its place in the tree (path) and among its parent's children (name). */
export const unitIndexKeys = (ctx: TenantContext, unit: { id: string; parentId: string | null; path: string; sortName: string }) => ({
  gsi1pk: tenantKey(ctx, 'TREE'),
  gsi1sk: `PATH#${unit.path}`,
  ...(unit.parentId === null
    ? { gsi2pk: tenantKey(ctx, 'ROOTS'), gsi2sk: `${unit.sortName}#${unit.id}` }
    : { gsi2pk: tenantKey(ctx, 'UNIT', unit.parentId, 'CHILDREN'), gsi2sk: `${unit.sortName}#${unit.id}` }),
});

/** The tree index (gsi1) of a tenant: every unit by materialized path, so a subtree is one prefix query (#6). */
export const treePartition = (ctx: TenantContext) => tenantKey(ctx, 'TREE');

/** The children of a unit on gsi2, by sort name (#7). */
export const childrenPartition = (ctx: TenantContext, unitId: string) => tenantKey(ctx, 'UNIT', unitId, 'CHILDREN');

/** Who holds roles at a unit (gsi1, written with each grant by the accounts feature, #11). */
export const grantsAtPartition = (ctx: TenantContext, unitId: string) => tenantKey(ctx, 'UNIT', unitId, 'GRANTS');

/** Accounts by their home unit's path (gsi1, written by the accounts feature, #12): what a move rewrites. */
export const accountsByPathPartition = (ctx: TenantContext) => tenantKey(ctx, 'ACCOUNTS');
