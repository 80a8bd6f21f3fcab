import type { SystemAdmin } from '../../auth/system-admin.ts';
import type { TenantContext } from '../../auth/tenant-context.ts';
import type { Page } from '../../db/query.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { TenantRepository } from './repository.ts';
import type { Tenant, TenantFields, TenantUpdate } from './schemas.ts';

/** Registers a province as a tenant; 409 `already-exists` if its id is taken. */
export function createTenant(tenants: TenantRepository, ctx: TenantContext, fields: TenantFields): Promise<Tenant> {
  return tenants.insert(ctx, fields);
}

/** The tenant of `ctx`; NotFoundError if there is none. */
export async function getTenant(tenants: TenantRepository, ctx: TenantContext): Promise<Tenant> {
  const tenant = await tenants.get(ctx);
  if (tenant === null) throw new NotFoundError({ type: 'tenant', id: ctx.tenantId });
  return tenant;
}

/** One page of the tenant directory. */
export function listTenants(tenants: TenantRepository, admin: SystemAdmin, page: { limit: number; cursor: string | null }): Promise<Page<Tenant>> {
  return tenants.list(admin, page);
}

/**
 * Renames a tenant (its department name, its province name, or both), from the version the caller saw.
 * A stale version is refused with the current one (409), so no one overwrites a change unseen; a change
 * that changes nothing writes nothing (and audits nothing).
 */
export async function updateTenant(tenants: TenantRepository, ctx: TenantContext, update: TenantUpdate): Promise<Tenant> {
  const current = await getTenant(tenants, ctx);
  if (current.version !== update.version) throw new ConflictError({ type: 'tenant', id: ctx.tenantId }, current.version, 'stale');
  const changes: Partial<TenantFields> = {};
  if (update.name !== undefined && update.name !== current.name) changes.name = update.name;
  if (update.provinceName !== undefined && update.provinceName !== current.provinceName) changes.provinceName = update.provinceName;
  if (Object.keys(changes).length === 0) return current;
  return tenants.update(ctx, current, changes);
}
