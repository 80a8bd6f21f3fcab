import type { TenantContext } from '../../auth/tenant-context.ts';
import { type Snapshot, auditEvent } from '../../db/audit-event.ts';
import type { Store } from '../../db/client.ts';
import { encodeCursor } from '../../db/cursor.ts';
import { tenantKey } from '../../db/keys.ts';
import { type Page, getTenantItem, queryTenantPartition } from '../../db/query.ts';
import { type VersionedWrite, checkVersion, commit, deleteIfVersion, putNew, updateIfVersion } from '../../db/versioned.ts';
import type { EntityRef } from '../../errors.ts';
import { childrenPartition, grantsAtPartition, treePartition, unitIndexKeys, unitKeys } from './keys.ts';
import { type StoredUnit, StoredUnitSchema, type Unit, UnitSchema } from './schemas.ts';

export type UnitRepository = ReturnType<typeof unitRepository>;

export const unitEntity = (unitId: string): EntityRef => ({ type: 'unit', id: unitId });

/**
 * A name folded for comparison: no diacritics (đ → d), lower case. Search and sibling order use it, so
 * "truong thcs" finds "Trường THCS".
 */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** How a unit sorts among its siblings: by name, case- and accent-insensitively (Vietnamese collation is close enough). */
export function sortName(name: string): string {
  return foldName(name).replace(/#/g, ' ').slice(0, 120);
}

/** The item that stores `unit`, with its index entries. */
export function unitItem(ctx: TenantContext, unit: Unit): Record<string, unknown> & { pk: string; sk: string } {
  return { ...unitKeys(ctx, unit.id), ...unitIndexKeys(ctx, { ...unit, sortName: sortName(unit.name) }), type: 'unit', moving: null, ...unit };
}

/** The uniqueness item of a unit code within the tenant (put-if-absent with the unit). */
export const unitCodeKeys = (ctx: TenantContext, code: string) => ({ pk: tenantKey(ctx, 'UNIT-CODE', code.toUpperCase()), sk: 'UNIT-CODE' });

// Code items are created at version 1 and never changed, only deleted when their unit gives the code up.
const CODE_ITEM_VERSION = 1;

/** The key of the tree index entry of `unit`, as a page cursor pointing just after it. */
export function treeCursorAfter(ctx: TenantContext, unit: Pick<Unit, 'id' | 'path'>): string {
  return encodeCursor({ gsi1pk: treePartition(ctx), gsi1sk: `PATH#${unit.path}`, ...unitKeys(ctx, unit.id) });
}

/** What PATCH may change on a unit. */
export interface UnitChanges {
  name?: string;
  kind?: Unit['kind'];
  code?: string | null;
}

/** Units in the table (keys in DATA-MODEL.md); every write audited in the same transaction. */
export function unitRepository(store: Store) {
  const get = async (ctx: TenantContext, unitId: string): Promise<StoredUnit | null> => {
    const item = await getTenantItem(store, ctx, unitKeys(ctx, unitId));
    return item === null ? null : StoredUnitSchema.parse(item);
  };

  const allPages = async (first: (cursor: string | null) => Promise<Page<Record<string, unknown>>>): Promise<Record<string, unknown>[]> => {
    const items: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    do {
      const page = await first(cursor);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items;
  };

  return {
    get,

    /** The units of `ids` that exist, in the order asked (consistent reads: they decide what a write may do). */
    async getMany(ctx: TenantContext, ids: readonly string[]): Promise<StoredUnit[]> {
      const units = await Promise.all(ids.map((id) => get(ctx, id)));
      return units.filter((unit) => unit !== null);
    },

    /** The unit id that holds `code` in the tenant (case-insensitively), or null. */
    async findByCode(ctx: TenantContext, code: string): Promise<string | null> {
      const item = await getTenantItem(store, ctx, unitCodeKeys(ctx, code));
      return typeof item?.unitId === 'string' ? item.unitId : null;
    },

    /**
     * Creates `unit` (audited `unit.created`): its code claimed in the same transaction, and, under a
     * parent, on condition that the parent and its ancestors are still at the versions read. A unit
     * being deactivated, turned into a school or marked for a move at that moment makes the creation
     * fail instead of leaving a unit under it with a stale path.
     */
    async insert(ctx: TenantContext, unit: Unit, parent: Unit | null, ancestors: readonly Unit[] = []): Promise<Unit> {
      const entity = unitEntity(unit.id);
      const writes: VersionedWrite[] = [putNew(entity, unitItem(ctx, unit))];
      // Named by its code, so a clash reads "the unit HP-THCS-012 already exists".
      if (unit.code !== null) writes.push(putNew(unitEntity(unit.code), { ...unitCodeKeys(ctx, unit.code), type: 'unit-code', unitId: unit.id }));
      for (const guard of [...(parent === null ? [] : [parent]), ...ancestors]) {
        writes.push(checkVersion(unitEntity(guard.id), unitKeys(ctx, guard.id), guard.version));
      }
      await commit(store, ctx, writes, [auditEvent(ctx, { action: 'unit.created', entity, entityVersion: 1, before: null, after: { ...unit } })]);
      return unit;
    },

    /**
     * Applies `changes` to `current` if it is still at its version (audited `unit.updated`, changed
     * fields before → after). A new code is claimed and the old one released in the same transaction.
     */
    async update(ctx: TenantContext, current: StoredUnit, changes: UnitChanges, at: string): Promise<StoredUnit> {
      const next: StoredUnit = { ...current, ...changes, version: current.version + 1, updatedAt: at };
      const before: Snapshot = {};
      const after: Snapshot = {};
      for (const field of ['name', 'kind', 'code'] as const) {
        if (changes[field] === undefined) continue;
        before[field] = current[field];
        after[field] = next[field];
      }
      const entity = unitEntity(current.id);
      const set: Record<string, unknown> = { ...after, updatedAt: at };
      if (changes.name !== undefined) set.gsi2sk = unitIndexKeys(ctx, { ...next, sortName: sortName(next.name) }).gsi2sk;
      const writes: VersionedWrite[] = [updateIfVersion(entity, unitKeys(ctx, current.id), current.version, set)];
      const oldKey = current.code === null ? null : unitCodeKeys(ctx, current.code).pk;
      const newKey = next.code === null ? null : unitCodeKeys(ctx, next.code).pk;
      // A change of case only keeps the same code item.
      if (changes.code !== undefined && oldKey !== newKey) {
        if (next.code !== null) writes.push(putNew(unitEntity(next.code), { ...unitCodeKeys(ctx, next.code), type: 'unit-code', unitId: current.id }));
        if (current.code !== null) writes.push(deleteIfVersion(unitEntity(current.code), unitCodeKeys(ctx, current.code), CODE_ITEM_VERSION));
      }
      await commit(store, ctx, writes, [auditEvent(ctx, { action: 'unit.updated', entity, entityVersion: next.version, before, after })]);
      return next;
    },

    /**
     * Deactivates or reactivates `current` (audited `unit.deactivated` / `unit.reactivated`). A
     * reactivation is conditioned on the parent's version too, so it cannot land under a parent
     * deactivated meanwhile.
     */
    async setStatus(ctx: TenantContext, current: StoredUnit, status: Unit['status'], at: string, parent: Unit | null): Promise<StoredUnit> {
      const next: StoredUnit = { ...current, status, version: current.version + 1, updatedAt: at };
      const entity = unitEntity(current.id);
      const writes: VersionedWrite[] = [updateIfVersion(entity, unitKeys(ctx, current.id), current.version, { status, updatedAt: at })];
      if (parent !== null) writes.push(checkVersion(unitEntity(parent.id), unitKeys(ctx, parent.id), parent.version));
      const action = status === 'active' ? 'unit.reactivated' : 'unit.deactivated';
      await commit(store, ctx, writes, [
        auditEvent(ctx, { action, entity, entityVersion: next.version, before: { status: current.status }, after: { status } }),
      ]);
      return next;
    },

    /** Every unit of the subtree at `path` (the unit itself first), in path order, with their move marks. */
    async listSubtree(ctx: TenantContext, path: string): Promise<StoredUnit[]> {
      const items = await allPages((cursor) =>
        queryTenantPartition(store, ctx, { index: 'gsi1', partition: treePartition(ctx), sortBeginsWith: `PATH#${path}`, limit: 500, cursor }),
      );
      return items.map((item) => StoredUnitSchema.parse(item));
    },

    /** One page of the subtree at `path`, in path order. */
    async subtreePage(ctx: TenantContext, path: string, page: { limit: number; cursor: string | null }): Promise<Page<Unit>> {
      const result = await queryTenantPartition(store, ctx, { index: 'gsi1', partition: treePartition(ctx), sortBeginsWith: `PATH#${path}`, ...page });
      return { items: result.items.map((item) => UnitSchema.parse(item)), nextCursor: result.nextCursor };
    },

    /** One page of the children of a unit, by name. */
    async childrenPage(ctx: TenantContext, unitId: string, page: { limit: number; cursor: string | null }): Promise<Page<Unit>> {
      const result = await queryTenantPartition(store, ctx, { index: 'gsi2', partition: childrenPartition(ctx, unitId), ...page });
      return { items: result.items.map((item) => UnitSchema.parse(item)), nextCursor: result.nextCursor };
    },

    /** Every child of a unit, by name (an office has at most a few hundred). */
    async allChildren(ctx: TenantContext, unitId: string): Promise<Unit[]> {
      const items = await allPages((cursor) => queryTenantPartition(store, ctx, { index: 'gsi2', partition: childrenPartition(ctx, unitId), limit: 500, cursor }));
      return items.map((item) => UnitSchema.parse(item));
    },

    /** The roles granted at a unit, each once. */
    async rolesGrantedAt(ctx: TenantContext, unitId: string): Promise<string[]> {
      const items = await allPages((cursor) => queryTenantPartition(store, ctx, { index: 'gsi1', partition: grantsAtPartition(ctx, unitId), limit: 500, cursor }));
      return [...new Set(items.flatMap((item) => (typeof item.role === 'string' ? [item.role] : [])))];
    },
  };
}
