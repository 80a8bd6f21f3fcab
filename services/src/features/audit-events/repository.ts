import type { TenantContext } from '../../auth/tenant-context.ts';
import type { Store } from '../../db/client.ts';
import { tenantKey } from '../../db/keys.ts';
import { type Page, queryTenantPartition } from '../../db/query.ts';
import type { EntityRef } from '../../errors.ts';
import { type AuditEventView, AuditEventSchema } from './schemas.ts';

export type AuditLog = ReturnType<typeof auditLog>;

/**
 * Reads the audit log (the events themselves are written by db/versioned.ts with each change). Both
 * listings are newest first.
 */
export function auditLog(store: Store) {
  const read = async (ctx: TenantContext, query: Parameters<typeof queryTenantPartition>[2]): Promise<Page<AuditEventView>> => {
    const page = await queryTenantPartition(store, ctx, query);
    return { items: page.items.map((item) => AuditEventSchema.parse(item)), nextCursor: page.nextCursor };
  };
  return {
    /** The history of one entity. */
    forEntity(ctx: TenantContext, entity: EntityRef, page: { limit: number; cursor: string | null }): Promise<Page<AuditEventView>> {
      return read(ctx, { partition: tenantKey(ctx, 'AUDIT', entity.type, entity.id), newestFirst: true, ...page });
    },

    /** Everything that changed in the tenant, by time. */
    forTenant(ctx: TenantContext, page: { limit: number; cursor: string | null }): Promise<Page<AuditEventView>> {
      return read(ctx, { index: 'gsi1', partition: tenantKey(ctx, 'AUDIT'), newestFirst: true, ...page });
    },
  };
}
