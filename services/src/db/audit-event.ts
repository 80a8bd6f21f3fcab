import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.ts';
import type { TenantContext } from '../auth/tenant-context.ts';
import type { EntityRef } from '../errors.ts';
import { auditEventKeys } from './keys.ts';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The fields of an entity as the audit log records them: only those that changed, or all on creation. */
export type Snapshot = { [field: string]: Json };

/** One state change: who, when, what, before → after. Written in the same transaction as the change. */
export interface AuditEvent {
  id: string;
  at: string;
  tenantId: string;
  actor: Actor;
  /** `<entity>.<verb>`, e.g. `tenant.created`, `tenant.updated`. */
  action: string;
  entity: EntityRef;
  /** The entity's version after the change. */
  entityVersion: number;
  before: Snapshot | null;
  after: Snapshot | null;
}

/** What a change says about itself; `auditEvent` adds who, when and an id. */
export type AuditDraft = Pick<AuditEvent, 'action' | 'entity' | 'entityVersion' | 'before' | 'after'>;

/**
 * Stamps a draft with the context's actor, the time and a fresh id. Tests may pass the stamp to make
 * two events collide on purpose.
 * @example auditEvent(ctx, { action: 'tenant.created', entity, entityVersion: 1, before: null, after })
 */
export function auditEvent(
  ctx: TenantContext,
  draft: AuditDraft,
  stamp: { at: string; id: string } = { at: new Date().toISOString(), id: randomUUID() },
): AuditEvent {
  return { ...draft, ...stamp, tenantId: ctx.tenantId, actor: ctx.actor };
}

/** The item that stores `event`: readable per entity (base table) and per tenant by time (gsi1). */
export function auditEventItem(ctx: TenantContext, event: AuditEvent): Record<string, unknown> {
  return { ...auditEventKeys(ctx, event.entity, event.at, event.id), type: 'audit-event', ...event };
}
