import * as z from 'zod';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { pathIds } from '../../auth/scope.ts';
import { auditEvent } from '../../db/audit-event.ts';
import type { Store } from '../../db/client.ts';
import type { ItemKey } from '../../db/keys.ts';
import { getTenantItem, queryTenantPartition } from '../../db/query.ts';
import { type VersionedWrite, checkVersion, commit, reindex, updateIfVersion } from '../../db/versioned.ts';
import type { EntityRef } from '../../errors.ts';
import { accountKeys } from '../accounts/keys.ts';
import { accountEntity } from '../accounts/repository.ts';
import { accountsByPathPartition, treePartition, unitIndexKeys, unitKeys } from './keys.ts';
import { sortName, unitEntity } from './repository.ts';
import type { StoredUnit, Unit, UnitMove } from './schemas.ts';

export type UnitMoveRepository = ReturnType<typeof unitMoveRepository>;

/**
 * An item that copies a path of the moving subtree: a unit beneath the moving one (its `path`), or an
 * account whose home unit is there (its `homePath`). `value` is the copy as last read.
 */
export interface PathCopy {
  entity: EntityRef;
  key: ItemKey;
  field: 'path' | 'homePath';
  value: string;
}

/** The most path copies one batch rewrites: with the moving unit's version check and the audit event, 100 items. */
export const BATCH_COPIES = 98;
/** The most path copies the final transaction rewrites, beside the unit itself, its new parent's check and the audit event. */
export const FINISH_COPIES = 97;

const UnitPathItem = z.object({ id: z.string(), path: z.string() });
const AccountPathItem = z.object({ id: z.string(), homePath: z.string() });

/** Where `value` lands once the subtree at `mark.fromPath` sits at `mark.toPath`. */
export function movedPath(mark: UnitMove, value: string): string {
  return mark.toPath + value.slice(mark.fromPath.length);
}

function rewriteOf(mark: UnitMove, copy: PathCopy): VersionedWrite {
  const next = movedPath(mark, copy.value);
  const set =
    copy.field === 'path'
      ? { path: next, depth: pathIds(next).length - 1, gsi1sk: `PATH#${next}` }
      : { homePath: next, gsi1sk: `PATH#${next}ACCOUNT#${copy.entity.id}` };
  // Conditioned on the old copy: a batch run twice (a resumed job) fails on what the first run did, never overwrites.
  return reindex(copy.entity, copy.key, { [copy.field]: copy.value }, set);
}

/**
 * The writes of a move (DATA-MODEL.md, "The unit tree"): mark the unit, rewrite the path copies beneath
 * it in batches, then move the unit itself and clear the mark. Every step is one audited transaction.
 */
export function unitMoveRepository(store: Store) {
  return {
    /**
     * Marks `unit` as moving (audited `unit.move-started`), on condition that it and each of `guards`
     * (its ancestors, the new parent and its ancestors) are still at the versions read: a move or a
     * creation racing with this one in the same lineage then fails instead of interleaving.
     */
    async mark(ctx: TenantContext, unit: StoredUnit, mark: UnitMove, guards: readonly Unit[], at: string): Promise<StoredUnit> {
      const next: StoredUnit = { ...unit, moving: mark, version: unit.version + 1, updatedAt: at };
      const entity = unitEntity(unit.id);
      const writes: VersionedWrite[] = [updateIfVersion(entity, unitKeys(ctx, unit.id), unit.version, { moving: mark, updatedAt: at })];
      const seen = new Set([unit.id]);
      for (const guard of guards) {
        if (seen.has(guard.id)) continue;
        seen.add(guard.id);
        writes.push(checkVersion(unitEntity(guard.id), unitKeys(ctx, guard.id), guard.version));
      }
      await commit(store, ctx, writes, [
        auditEvent(ctx, { action: 'unit.move-started', entity, entityVersion: next.version, before: { moving: null }, after: { moving: mark } }),
      ]);
      return next;
    },

    /**
     * The path copies still under `fromPath` as the indexes show them: the units beneath `unitId` and
     * the accounts at home there. The indexes lag a little behind the table, so a copy already
     * rewritten may still show; a batch's condition then fails and `refresh` sorts it out.
     */
    async pending(ctx: TenantContext, fromPath: string, unitId: string): Promise<PathCopy[]> {
      const copies: PathCopy[] = [];
      for (const [partition, field] of [
        [treePartition(ctx), 'path'],
        [accountsByPathPartition(ctx), 'homePath'],
      ] as const) {
        let cursor: string | null = null;
        do {
          const page = await queryTenantPartition(store, ctx, { index: 'gsi1', partition, sortBeginsWith: `PATH#${fromPath}`, limit: 500, cursor });
          for (const item of page.items) {
            if (field === 'path') {
              const unit = UnitPathItem.parse(item);
              if (unit.id !== unitId) copies.push({ entity: unitEntity(unit.id), key: unitKeys(ctx, unit.id), field, value: unit.path });
            } else {
              const account = AccountPathItem.parse(item);
              copies.push({ entity: accountEntity(account.id), key: accountKeys(ctx, account.id), field, value: account.homePath });
            }
          }
          cursor = page.nextCursor;
        } while (cursor !== null);
      }
      return copies;
    },

    /** `copies` as the table holds them now (consistent reads), keeping only those still under `fromPath`. */
    async refresh(ctx: TenantContext, copies: readonly PathCopy[], fromPath: string): Promise<PathCopy[]> {
      const fresh = await Promise.all(
        copies.map(async (copy) => {
          const item = await getTenantItem(store, ctx, copy.key);
          const value = item?.[copy.field];
          return typeof value === 'string' && value.startsWith(fromPath) ? [{ ...copy, value }] : [];
        }),
      );
      return fresh.flat();
    },

    /** Rewrites one batch of copies (audited `unit.move-progressed`), while `unit` still carries the mark it was read with. */
    async rewrite(ctx: TenantContext, unit: StoredUnit, mark: UnitMove, copies: readonly PathCopy[]): Promise<void> {
      if (copies.length > BATCH_COPIES) throw new RangeError(`A batch rewrites at most ${BATCH_COPIES} copies`);
      const entity = unitEntity(unit.id);
      await commit(
        store,
        ctx,
        [checkVersion(entity, unitKeys(ctx, unit.id), unit.version), ...copies.map((copy) => rewriteOf(mark, copy))],
        [auditEvent(ctx, { action: 'unit.move-progressed', entity, entityVersion: unit.version, before: null, after: { toPath: mark.toPath, rewritten: copies.length } })],
      );
    },

    /**
     * Rewrites the last copies, puts the unit under its new parent and clears the mark, in one
     * transaction (audited `unit.moved`, parent and path before → after).
     */
    async finish(ctx: TenantContext, unit: StoredUnit, mark: UnitMove, parent: Unit, copies: readonly PathCopy[], at: string): Promise<StoredUnit> {
      if (copies.length > FINISH_COPIES) throw new RangeError(`The last step rewrites at most ${FINISH_COPIES} copies`);
      const depth = pathIds(mark.toPath).length - 1;
      const next: StoredUnit = { ...unit, parentId: parent.id, path: mark.toPath, depth, moving: null, version: unit.version + 1, updatedAt: at };
      const entity = unitEntity(unit.id);
      const { gsi1sk, gsi2pk, gsi2sk } = unitIndexKeys(ctx, { ...next, sortName: sortName(next.name) });
      await commit(
        store,
        ctx,
        [
          updateIfVersion(entity, unitKeys(ctx, unit.id), unit.version, { parentId: parent.id, path: mark.toPath, depth, moving: null, updatedAt: at, gsi1sk, gsi2pk, gsi2sk }),
          checkVersion(unitEntity(parent.id), unitKeys(ctx, parent.id), parent.version),
          ...copies.map((copy) => rewriteOf(mark, copy)),
        ],
        [
          auditEvent(ctx, {
            action: 'unit.moved',
            entity,
            entityVersion: next.version,
            before: { parentId: unit.parentId, path: unit.path, depth: unit.depth },
            after: { parentId: parent.id, path: mark.toPath, depth },
          }),
        ],
      );
      return next;
    },
  };
}
