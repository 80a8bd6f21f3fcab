import { pathIds } from '../../auth/scope.ts';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { auditEvent } from '../../db/audit-event.ts';
import type { Store } from '../../db/client.ts';
import { type VersionedWrite, checkVersion, commit, updateIfVersion } from '../../db/versioned.ts';
import { unitIndexKeys, unitKeys } from './keys.ts';
import { type PathCopy, copyEvents, copyFinder, itemsOf, rewriteOf } from './move-copies.ts';
import { sortName, unitEntity } from './repository.ts';
import type { StoredUnit, Unit, UnitMove } from './schemas.ts';

export type { PathCopy } from './move-copies.ts';

export type UnitMoveRepository = ReturnType<typeof unitMoveRepository>;

/** The most items one batch's copies take (their writes and recogniser events): with the moving unit's version check and the audit event, 100. */
export const BATCH_COPIES = 98;
/** The most items the final transaction's copies take, beside the unit itself, its new parent's check and the audit event. */
export const FINISH_COPIES = 97;

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
     * The path copies still under the old path as the indexes show them (move-copies.ts): units beneath
     * `unitId`, accounts at home there, submission heads of units there, campaigns owned there.
     */
    pending(ctx: TenantContext, mark: UnitMove, unitId: string): Promise<PathCopy[]> {
      return copyFinder(store, ctx, mark, unitId).all();
    },

    /** `copies` as the table holds them now (consistent reads), keeping only those still under the old path. */
    refresh(ctx: TenantContext, copies: readonly PathCopy[], mark: UnitMove, unitId: string): Promise<PathCopy[]> {
      return copyFinder(store, ctx, mark, unitId).again(copies);
    },

    /** Rewrites one batch of copies (audited `unit.move-progressed`), while `unit` still carries the mark it was read with. */
    async rewrite(ctx: TenantContext, unit: StoredUnit, mark: UnitMove, copies: readonly PathCopy[]): Promise<void> {
      if (itemsOf(copies) > BATCH_COPIES) throw new RangeError(`A batch's copies take at most ${BATCH_COPIES} items`);
      const entity = unitEntity(unit.id);
      await commit(
        store,
        ctx,
        [checkVersion(entity, unitKeys(ctx, unit.id), unit.version), ...copies.map((copy) => rewriteOf(mark, copy))],
        [
          auditEvent(ctx, { action: 'unit.move-progressed', entity, entityVersion: unit.version, before: null, after: { toPath: mark.toPath, rewritten: copies.length } }),
          ...copies.flatMap((copy) => copyEvents(ctx, mark, copy)),
        ],
      );
    },

    /**
     * Rewrites the last copies, puts the unit under its new parent and clears the mark, in one
     * transaction (audited `unit.moved`, parent and path before → after).
     */
    async finish(ctx: TenantContext, unit: StoredUnit, mark: UnitMove, parent: Unit, copies: readonly PathCopy[], at: string): Promise<StoredUnit> {
      if (itemsOf(copies) > FINISH_COPIES) throw new RangeError(`The last step's copies take at most ${FINISH_COPIES} items`);
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
          ...copies.flatMap((copy) => copyEvents(ctx, mark, copy)),
        ],
      );
      return next;
    },
  };
}
