import type { TenantContext } from '../../auth/tenant-context.ts';
import type { Store } from '../../db/client.ts';
import { tenantKey } from '../../db/keys.ts';
import { type Page, getTenantItem, queryTenantPartition } from '../../db/query.ts';
import type { EntityRef } from '../../errors.ts';
import { accountKeys } from '../accounts/keys.ts';
import { type AuditEventView, AuditEventSchema } from './schemas.ts';

export type AuditLog = ReturnType<typeof auditLog>;

/**
 * Reads the audit log (the events themselves are written by db/versioned.ts with each change). Both
 * listings are newest first.
 */
export function auditLog(store: Store) {
  // Events keep the actor's id only; whoever reads a history wants to see a person, so the names are
  // read with the page (one read per distinct account on it; a history page is small).
  const withNames = async (ctx: TenantContext, events: AuditEventView[]): Promise<AuditEventView[]> => {
    const ids = [...new Set(events.flatMap((event) => (event.actor.kind === 'account' ? [event.actor.accountId] : [])))];
    const found = await Promise.all(ids.map(async (id) => [id, (await getTenantItem(store, ctx, accountKeys(ctx, id)))?.name] as const));
    const names = new Map(found.flatMap(([id, name]) => (typeof name === 'string' ? [[id, name] as const] : [])));
    return events.map((event) => {
      const name = event.actor.kind === 'account' ? names.get(event.actor.accountId) : undefined;
      return name === undefined || event.actor.kind !== 'account' ? event : { ...event, actor: { ...event.actor, name } };
    });
  };
  const read = async (ctx: TenantContext, query: Parameters<typeof queryTenantPartition>[2]): Promise<Page<AuditEventView>> => {
    const page = await queryTenantPartition(store, ctx, query);
    return { items: await withNames(ctx, page.items.map((item) => AuditEventSchema.parse(item))), nextCursor: page.nextCursor };
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
