import { pathIds } from '../../auth/scope.ts';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { type CheckVersion, checkVersion } from '../../db/versioned.ts';
import { assertNotMoving, refusal } from './refusals.ts';
import type { UnitRepository } from './repository.ts';
import { unitEntity } from './repository.ts';
import { unitKeys } from './keys.ts';
import type { StoredUnit } from './schemas.ts';

/**
 * How every feature waits for a move (DATA-MODEL.md, "The unit tree"). A move rewrites the path copies
 * it finds under the old path once its unit is marked, so a write that copies a path (a unit, an
 * account's home, a campaign's owner, a submission) must not land beneath a marked unit: it reads the
 * lineage and is refused while a unit of it is marked (409 `unit-moving`), and it is conditioned on the
 * versions read, so a mark set between the read and the write makes the write fail instead of leaving a
 * stale copy the move will not see.
 */

/**
 * The unit at `path` and every unit above it, root first (consistent reads), or 409 naming `at`:
 * `unit-moving` when one of them is being moved, `unit-moved` when one no longer sits where `path`
 * (the caller's earlier read) says, because a move ended in between. Versions read after such a move
 * would not catch it, so the check on the paths is what makes the returned versions safe to guard on.
 */
export async function settledLineage(units: Pick<UnitRepository, 'getMany'>, ctx: TenantContext, path: string, at: string): Promise<StoredUnit[]> {
  const ids = pathIds(path);
  const lineage = await units.getMany(ctx, ids);
  assertNotMoving(lineage, at);
  const shifted = lineage.find((unit) => unit.path !== `${ids.slice(0, ids.indexOf(unit.id) + 1).join('/')}/`);
  if (shifted !== undefined || lineage.length !== ids.length) {
    const name = shifted?.name ?? ids.at(-1) ?? '';
    throw refusal(
      'unit-moved',
      at,
      `Đơn vị “${name}” vừa được chuyển sang vị trí khác hoặc không còn nữa; hãy tải lại rồi thử lại`,
      `The unit "${name}" was just moved elsewhere or no longer exists; reload and try again`,
    );
  }
  return lineage;
}

/** The units of a lineage a path-copying write is conditioned on: all but the root, which never moves. */
export function lineageGuards(lineage: readonly Pick<StoredUnit, 'id' | 'parentId' | 'version'>[]): { id: string; version: number }[] {
  return lineage.filter((unit) => unit.parentId !== null).map(({ id, version }) => ({ id, version }));
}

/** The condition checks of `guards`, once per unit (a transaction may name an item only once). */
export function guardChecks(ctx: TenantContext, guards: readonly { id: string; version: number }[], skip: ReadonlySet<string> = new Set()): CheckVersion[] {
  const seen = new Set(skip);
  const checks: CheckVersion[] = [];
  for (const guard of guards) {
    if (seen.has(guard.id)) continue;
    seen.add(guard.id);
    checks.push(checkVersion(unitEntity(guard.id), unitKeys(ctx, guard.id), guard.version));
  }
  return checks;
}

/**
 * Refuses (409 `unit-moving`, naming `at`) a subtree in which a move is under way: a unit beneath
 * `root` that is itself moving, or units arriving from elsewhere (rewritten under this subtree, their
 * own moving root not yet here). `subtree` is the listing of `root`'s subtree, `root` first.
 */
export function assertSubtreeSettled(subtree: readonly StoredUnit[], root: Pick<StoredUnit, 'id' | 'name'>, at: string): void {
  const ids = new Set(subtree.map((member) => member.id));
  const busy = subtree.find((member) => member.id !== root.id && (member.moving !== null || member.parentId === null || !ids.has(member.parentId)));
  if (busy === undefined) return;
  throw refusal(
    'unit-moving',
    at,
    `Một việc chuyển đơn vị khác đang diễn ra bên trong “${root.name}” (tại “${busy.name}”); hãy thử lại khi việc đó hoàn tất`,
    `Another move is under way inside "${root.name}" (at "${busy.name}"); try again once it is complete`,
  );
}
