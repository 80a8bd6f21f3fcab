import type { TenantContext } from '../../auth/tenant-context.ts';
import { auditEvent } from '../../db/audit-event.ts';
import type { Store } from '../../db/client.ts';
import { tenantKey } from '../../db/keys.ts';
import { getTenantItem, queryTenantPartition } from '../../db/query.ts';
import { type VersionedWrite, checkVersion, commit, putNew } from '../../db/versioned.ts';
import type { EntityRef } from '../../errors.ts';
import { unitIndexKeys, unitKeys } from './keys.ts';
import { type Unit, UnitSchema } from './schemas.ts';

export type UnitRepository = ReturnType<typeof unitRepository>;

export const unitEntity = (unitId: string): EntityRef => ({ type: 'unit', id: unitId });

/** How a unit sorts among its siblings: by name, case- and accent-insensitively (Vietnamese collation is close enough). */
export function sortName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/#/g, ' ')
    .slice(0, 120);
}

/** The item that stores `unit`, with its index entries. */
export function unitItem(ctx: TenantContext, unit: Unit): Record<string, unknown> & { pk: string; sk: string } {
  return { ...unitKeys(ctx, unit.id), ...unitIndexKeys(ctx, { ...unit, sortName: sortName(unit.name) }), type: 'unit', ...unit };
}

/** The uniqueness item of a unit code within the tenant (put-if-absent with the unit). */
export const unitCodeKeys = (ctx: TenantContext, code: string) => ({ pk: tenantKey(ctx, 'UNIT-CODE', code.toUpperCase()), sk: 'UNIT-CODE' });

/** Units in the table (keys in DATA-MODEL.md); every write audited in the same transaction. */
export function unitRepository(store: Store) {
  return {
    async get(ctx: TenantContext, unitId: string): Promise<Unit | null> {
      const item = await getTenantItem(store, ctx, unitKeys(ctx, unitId));
      return item === null ? null : UnitSchema.parse(item);
    },

    /** The unit id that holds `code` in the tenant, or null. */
    async findByCode(ctx: TenantContext, code: string): Promise<string | null> {
      const item = await getTenantItem(store, ctx, unitCodeKeys(ctx, code));
      return typeof item?.unitId === 'string' ? item.unitId : null;
    },

    /**
     * Creates `unit` (audited `unit.created`): its code claimed in the same transaction, and, under a
     * parent, on condition that the parent is still at the version read (so no unit lands under one
     * being moved or deactivated at the same moment).
     */
    async insert(ctx: TenantContext, unit: Unit, parent: Unit | null): Promise<Unit> {
      const entity = unitEntity(unit.id);
      const writes: VersionedWrite[] = [putNew(entity, unitItem(ctx, unit))];
      // Named by its code, so a clash reads "the unit HP-THCS-012 already exists".
      if (unit.code !== null) writes.push(putNew(unitEntity(unit.code), { ...unitCodeKeys(ctx, unit.code), type: 'unit-code', unitId: unit.id }));
      if (parent !== null) writes.push(checkVersion(unitEntity(parent.id), unitKeys(ctx, parent.id), parent.version));
      await commit(store, ctx, writes, [auditEvent(ctx, { action: 'unit.created', entity, entityVersion: 1, before: null, after: { ...unit } })]);
      return unit;
    },

    /** Every unit of the subtree at `path` (the unit itself first), in path order. */
    async listSubtree(ctx: TenantContext, path: string): Promise<Unit[]> {
      const units: Unit[] = [];
      let cursor: string | null = null;
      do {
        const page = await queryTenantPartition(store, ctx, { index: 'gsi1', partition: tenantKey(ctx, 'TREE'), sortBeginsWith: `PATH#${path}`, limit: 100, cursor });
        units.push(...page.items.map((item) => UnitSchema.parse(item)));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return units;
    },
  };
}
