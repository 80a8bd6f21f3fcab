import type { SystemAdmin } from '../../auth/system-admin.ts';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { type Snapshot, auditEvent } from '../../db/audit-event.ts';
import type { Store } from '../../db/client.ts';
import { TENANT_DIRECTORY, tenantProfileKeys } from '../../db/keys.ts';
import { type Page, getTenantItem, queryPlatformPartition } from '../../db/query.ts';
import { newId } from '../../db/ids.ts';
import { commit, putNew, updateIfVersion } from '../../db/versioned.ts';
import type { EntityRef } from '../../errors.ts';
import { unitEntity, unitItem } from '../units/repository.ts';
import type { Unit } from '../units/schemas.ts';
import { type Tenant, type TenantFields, TenantSchema } from './schemas.ts';

export type TenantRepository = ReturnType<typeof tenantRepository>;

/**
 * Tenants in the table: one profile item per tenant (keys in DATA-MODEL.md), every write audited in
 * the same transaction.
 */
export function tenantRepository(store: Store) {
  return {
    /** The tenant of `ctx`, or null if it does not exist. */
    async get(ctx: TenantContext): Promise<Tenant | null> {
      const { pk, sk } = tenantProfileKeys(ctx);
      const item = await getTenantItem(store, ctx, { pk, sk });
      return item === null ? null : TenantSchema.parse(item);
    },

    /**
     * Creates the tenant of `ctx` at version 1 with the root of its unit tree, the Sở itself (audited
     * `tenant.created`, `unit.created`); ConflictError if it exists.
     */
    async insert(ctx: TenantContext, fields: TenantFields): Promise<Tenant> {
      const now = new Date().toISOString();
      const rootId = newId();
      const tenant: Tenant = { id: ctx.tenantId, ...fields, status: 'active', rootUnitId: rootId, version: 1, createdAt: now, updatedAt: now };
      const root: Unit = {
        id: rootId,
        parentId: null,
        name: fields.name,
        kind: 'provincial-department',
        code: null,
        path: `${rootId}/`,
        depth: 0,
        status: 'active',
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      const entity = entityOf(ctx);
      await commit(
        store,
        ctx,
        [putNew(entity, { ...tenantProfileKeys(ctx), type: 'tenant', ...tenant }), putNew(unitEntity(rootId), unitItem(ctx, root))],
        [
          auditEvent(ctx, { action: 'tenant.created', entity, entityVersion: 1, before: null, after: { ...tenant } }),
          auditEvent(ctx, { action: 'unit.created', entity: unitEntity(rootId), entityVersion: 1, before: null, after: { ...root } }),
        ],
      );
      return tenant;
    },

    /**
     * Applies `changes` if the stored tenant is still at `current.version` (audited `tenant.updated`
     * with the changed fields before → after); ConflictError with the stored version otherwise.
     */
    async update(ctx: TenantContext, current: Tenant, changes: Partial<TenantFields>): Promise<Tenant> {
      const now = new Date().toISOString();
      const next: Tenant = { ...current, ...changes, version: current.version + 1, updatedAt: now };
      const before: Snapshot = {};
      const after: Snapshot = {};
      for (const field of ['name', 'provinceName'] as const) {
        const value = changes[field];
        if (value === undefined) continue;
        before[field] = current[field];
        after[field] = value;
      }
      const { pk, sk } = tenantProfileKeys(ctx);
      const entity = entityOf(ctx);
      await commit(
        store,
        ctx,
        [updateIfVersion(entity, { pk, sk }, current.version, { ...after, updatedAt: now })],
        [auditEvent(ctx, { action: 'tenant.updated', entity, entityVersion: next.version, before, after })],
      );
      return next;
    },

    /** The tenant directory, ordered by id. Listing crosses tenants, so only a system admin may. */
    async list(admin: SystemAdmin, page: { limit: number; cursor: string | null }): Promise<Page<Tenant>> {
      const result = await queryPlatformPartition(store, admin, { index: 'gsi1', partition: TENANT_DIRECTORY, ...page });
      return { items: result.items.map((item) => TenantSchema.parse(item)), nextCursor: result.nextCursor };
    },
  };
}

function entityOf(ctx: TenantContext): EntityRef {
  return { type: 'tenant', id: ctx.tenantId };
}
